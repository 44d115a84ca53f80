#include "security/audit_checkpoint.h"

#include <sodium.h>

#include <cstring>

#include "security/encoding.h"
#include "security/shangmi.h"
#include "security/sodium_runtime.h"

namespace wagelink::security {
namespace {

static_assert(crypto_sign_PUBLICKEYBYTES == 32 && crypto_sign_SECRETKEYBYTES == 64 &&
              crypto_sign_SEEDBYTES == kKeyBytes);

void AppendLengthPrefixed(std::string& out, std::string_view part) {
  const auto n = static_cast<std::uint32_t>(part.size());
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((n >> shift) & 0xFF));
  out.append(part);
}

// Domain-separated so a checkpoint signature can never be mistaken for a signature of anything else,
// nor a periodic checkpoint for a legacy seal (periodic ones keep the tag they were first signed with).
std::string SignedMessage(std::int64_t seq, std::string_view hash, std::string_view signed_at, CheckpointKind kind) {
  std::string message = kind == CheckpointKind::kLegacySeal ? "WLSEAL1" : "WLCKPT1";
  const auto useq = static_cast<std::uint64_t>(seq);
  for (int shift = 56; shift >= 0; shift -= 8) message.push_back(static_cast<char>((useq >> shift) & 0xFF));
  AppendLengthPrefixed(message, hash);
  AppendLengthPrefixed(message, signed_at);
  return message;
}

}  // namespace

std::string_view KindName(CheckpointKind kind) {
  return kind == CheckpointKind::kLegacySeal ? "legacy_seal" : "periodic";
}

std::optional<CheckpointKind> KindNamed(std::string_view name) {
  if (name == "periodic") return CheckpointKind::kPeriodic;
  if (name == "legacy_seal") return CheckpointKind::kLegacySeal;
  return std::nullopt;
}

Result<AuditPublicKey> AuditPublicKey::FromHex(std::string_view hex) {
  const auto bytes = security::FromHex(hex);
  if (!bytes || bytes->size() != crypto_sign_PUBLICKEYBYTES) {
    return MakeError(ErrorCode::kValidationFailed, "审计公钥格式无效：须为 64 位十六进制",
                     "invalid audit public key: expected 64 hex characters");
  }
  AuditPublicKey key;
  std::memcpy(key.bytes_.data(), bytes->data(), key.bytes_.size());
  return key;
}

std::string AuditPublicKey::ToHex() const {
  return security::ToHex(bytes_);
}

AuditSigningKey AuditSigningKey::Derive(const MasterKey& master_key) {
  EnsureSodium();
  const SubKey seed = master_key.Derive(KeyPurpose::kAuditSigning);
  AuditSigningKey key;
  crypto_sign_seed_keypair(key.public_key_.bytes_.data(), key.secret_key_.data(), seed.data());
  return key;
}

Checkpoint SignCheckpoint(const AuditSigningKey& key, std::int64_t seq, std::string_view hash,
                          std::string_view signed_at, CheckpointKind kind) {
  EnsureSodium();
  const std::string message = SignedMessage(seq, hash, signed_at, kind);
  unsigned char signature[crypto_sign_BYTES];
  crypto_sign_detached(signature, nullptr, reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       key.secret_key_.data());
  return Checkpoint{seq, std::string(hash), std::string(signed_at), ToHex(signature), kind, ""};
}

Checkpoint SignCheckpointSm2(const Sm2SigningKey& key, std::int64_t seq, std::string_view hash, std::string_view signed_at,
                             CheckpointKind kind) {
  const std::string signature = key.Sign(SignedMessage(seq, hash, signed_at, kind));
  return Checkpoint{seq, std::string(hash), std::string(signed_at), std::string(kSm2SignaturePrefix) + ToHex(AsBytes(signature)),
                    kind, ""};
}

bool VerifyCheckpoint(const Checkpoint& checkpoint, const AuditPublicKey& public_key, const std::string* sm2_public_key) {
  if (checkpoint.signature_hex.starts_with(kSm2SignaturePrefix)) {
    const auto signature = FromHex(std::string_view(checkpoint.signature_hex).substr(kSm2SignaturePrefix.size()));
    if (!sm2_public_key || !signature) return false;
    const std::string message = SignedMessage(checkpoint.seq, checkpoint.hash, checkpoint.signed_at, checkpoint.kind);
    return Sm2Verify(*sm2_public_key, message, std::string_view(reinterpret_cast<const char*>(signature->data()), signature->size()));
  }
  EnsureSodium();
  const auto signature = FromHex(checkpoint.signature_hex);
  if (!signature || signature->size() != crypto_sign_BYTES) return false;
  const std::string message = SignedMessage(checkpoint.seq, checkpoint.hash, checkpoint.signed_at, checkpoint.kind);
  return crypto_sign_verify_detached(signature->data(), reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size(), public_key.bytes().data()) == 0;
}

}  // namespace wagelink::security
