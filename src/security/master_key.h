#pragma once
// The deployment's master key and the subkeys derived from it. Only the master key is stored (in a
// key file or the WAGELINK_MASTER_KEY environment variable, never in the repository or database);
// each use gets its own subkey so one leaked subkey does not expose the others.
#include <cstddef>
#include <filesystem>
#include <span>
#include <string_view>

#include "core/error.h"
#include "security/secret_bytes.h"

namespace wagelink::security {

inline constexpr std::size_t kKeyBytes = 32;
using SubKey = SecretBytes<kKeyBytes>;

// Each purpose maps to its own crypto_kdf context ("WLFIELD1", "WLINDEX1", "WLAUDIT1", "WLHOOK01",
// "WLCHAIN1", "WLFILES1").
enum class KeyPurpose { kFieldEncryption, kBlindIndex, kAuditSigning, kWebhookSigning, kAuditChain, kEvidenceFiles };

class MasterKey {
 public:
  // Reads a key file holding the key as 32 raw bytes, 64 hex characters, or base64 of 32 bytes
  // (surrounding whitespace ignored for the text forms). Refuses files that are not regular files,
  // that group or others may access in any way (mode & 077), or that hold an all-zero key.
  static Result<MasterKey> FromFile(const std::filesystem::path& path);

  // Parses the text forms (64 hex characters or base64 of 32 bytes), e.g. the value of the
  // WAGELINK_MASTER_KEY environment variable, which the caller reads.
  static Result<MasterKey> FromString(std::string_view encoded);

  // For tests and key generation.
  static MasterKey FromBytes(std::span<const unsigned char, kKeyBytes> bytes);

  MasterKey(MasterKey&&) = default;
  MasterKey& operator=(MasterKey&&) = default;
  // Not copyable, so the key is not duplicated around the process by accident.
  MasterKey(const MasterKey&) = delete;
  MasterKey& operator=(const MasterKey&) = delete;

  // Deterministic: the same master key and purpose always give the same subkey (key version 1).
  SubKey Derive(KeyPurpose purpose) const;
  // The same for the 国密 suite, with SM algorithms only: HMAC-SM3 keyed by the master key over
  // a label naming the purpose, so a 密评 review finds no other algorithm on the SM key path.
  SubKey DeriveShangMi(KeyPurpose purpose) const;

 private:
  MasterKey() = default;
  SecretBytes<kKeyBytes> bytes_;
};

// Creates a new random master key file (64 hex characters and a newline) with mode 0600. The file
// appears atomically, complete and flushed, or not at all; an existing file is never overwritten,
// because replacing a master key makes every encrypted field unreadable.
Status GenerateKeyFile(const std::filesystem::path& path);

}  // namespace wagelink::security
