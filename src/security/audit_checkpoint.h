#pragma once
// Signed checkpoints of the audit chain. A hash chain alone only shows that entries fit together;
// whoever can write the table can rewrite an entry and recompute every later hash. A checkpoint
// signs (seq, hash) with an Ed25519 key derived from the master key, which database writers do not
// have, so such a rewrite no longer matches the signed hash.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"
#include "security/master_key.h"
#include "security/secret_bytes.h"

namespace wagelink::security {

// kLegacySeal vouches, once, for the end of a log written before the chain was keyed: entries up to
// its seq carry the old unkeyed hash, every later entry the keyed MAC (audit_chain.h).
enum class CheckpointKind { kPeriodic, kLegacySeal };

struct Checkpoint {
  std::int64_t seq = 0;       // the audit entry this checkpoint vouches for
  std::string hash;           // that entry's chain hash (hex)
  std::string signed_at;      // UTC ISO-8601, passed in by the caller
  std::string signature_hex;  // Ed25519 (128 hex characters), or "sm2:" + hex of an SM2 signature (DER)
  CheckpointKind kind = CheckpointKind::kPeriodic;  // signed too: a periodic one cannot pose as a seal
  std::string source;  // where it was read ("" = the database, else an anchor file); not signed
};

std::string_view KindName(CheckpointKind kind);  // "periodic" | "legacy_seal"
std::optional<CheckpointKind> KindNamed(std::string_view name);

// Can be published and configured separately, so an auditor can verify without the master key.
class AuditPublicKey {
 public:
  static Result<AuditPublicKey> FromHex(std::string_view hex);
  std::string ToHex() const;
  const std::array<unsigned char, 32>& bytes() const { return bytes_; }

 private:
  friend class AuditSigningKey;
  AuditPublicKey() = default;
  std::array<unsigned char, 32> bytes_{};
};

class AuditSigningKey {
 public:
  // Deterministic (crypto_sign_seed_keypair over the "WLAUDIT1" subkey): every server instance with
  // the same master key signs with the same key, and nothing extra has to be stored.
  static AuditSigningKey Derive(const MasterKey& master_key);

  const AuditPublicKey& public_key() const { return public_key_; }

 private:
  friend Checkpoint SignCheckpoint(const AuditSigningKey&, std::int64_t, std::string_view, std::string_view,
                                   CheckpointKind);
  AuditSigningKey() = default;
  SecretBytes<64> secret_key_;
  AuditPublicKey public_key_;
};

Checkpoint SignCheckpoint(const AuditSigningKey& key, std::int64_t seq, std::string_view hash,
                          std::string_view signed_at, CheckpointKind kind = CheckpointKind::kPeriodic);

// The 国密 suite's checkpoint: the same signed message, signed with SM2 (shangmi.h); the key is
// derived from the master key's SM subkey for audit signing.
inline constexpr std::string_view kSm2SignaturePrefix = "sm2:";
class Sm2SigningKey;
Checkpoint SignCheckpointSm2(const Sm2SigningKey& key, std::int64_t seq, std::string_view hash, std::string_view signed_at,
                             CheckpointKind kind = CheckpointKind::kPeriodic);

// False for a wrong or malformed signature, and for any change to seq, hash, signed_at or kind. An
// SM2 signature is checked against `sm2_public_key` and is false without one.
bool VerifyCheckpoint(const Checkpoint& checkpoint, const AuditPublicKey& public_key,
                      const std::string* sm2_public_key = nullptr);

}  // namespace wagelink::security
