#pragma once
// Encryption at rest for personal data (ID numbers, phones, bank cards) and a keyed blind index
// for exact-match lookup without decrypting.
//
// Stored form: "v1." + base64url(nonce || ciphertext+tag), XChaCha20-Poly1305-IETF with a random
// 24-byte nonce (random nonces of that size never repeat in practice, so no counter is needed).
// The associated data names what the value is, e.g. "worker.id_number"; binding the owning row too
// ("worker.id_number:42") stops a database writer from swapping ciphertexts between rows.
#include <string>
#include <string_view>

#include "core/error.h"
#include "security/master_key.h"

namespace wagelink::security {

inline constexpr std::string_view kFieldCipherPrefix = "v1.";

class FieldCipher {
 public:
  explicit FieldCipher(const MasterKey& master_key);

  std::string Encrypt(std::string_view plaintext, std::string_view associated_data) const;

  // Fails (kInternal, no content in the message) when the value is malformed, was altered, was
  // encrypted under another key, or under another associated data.
  Result<std::string> Decrypt(std::string_view sealed, std::string_view associated_data) const;

  // Lower-case hex keyed BLAKE2b-256 over (kind, normalized_value), length-prefixed, so equal
  // digits of different kinds (an ID number vs a phone) give unrelated indexes. The caller
  // normalises first (e.g. NormalizeIdentifier in pii_scan.h); the index is only as exact as that.
  std::string BlindIndex(std::string_view kind, std::string_view normalized_value) const;

 private:
  SubKey encryption_key_;
  SubKey index_key_;
};

}  // namespace wagelink::security
