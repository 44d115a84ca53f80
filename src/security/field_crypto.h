#pragma once
// Encryption at rest for personal data (ID numbers, phones, bank cards) and a keyed blind index
// for exact-match lookup without decrypting.
//
// Stored forms, one per suite (crypto_suite.h); a value is read by its prefix whatever the suite:
//   "v1."    + base64url(nonce || ciphertext+tag), XChaCha20-Poly1305-IETF with a random 24-byte
//            nonce (random nonces of that size never repeat in practice, so no counter is needed);
//   "sm4g1." + base64url(iv || ciphertext || tag), SM4-GCM with a random 12-byte IV (a field is
//            written at most a few million times per key, far below the 2^32 random-IV bound of
//            SP 800-38D §8.3).
// The associated data names what the value is, e.g. "worker.id_number"; binding the owning row too
// ("worker.id_number:42") stops a database writer from swapping ciphertexts between rows.
#include <string>
#include <string_view>

#include "core/error.h"
#include "security/crypto_suite.h"
#include "security/master_key.h"

namespace wagelink::security {

inline constexpr std::string_view kFieldCipherPrefix = "v1.";
inline constexpr std::string_view kSm4FieldCipherPrefix = "sm4g1.";

class FieldCipher {
 public:
  // Encrypts and indexes under `suite`; decrypts values of either suite.
  explicit FieldCipher(const MasterKey& master_key, CryptoSuite suite = CryptoSuite::kSodium);

  CryptoSuite suite() const { return suite_; }
  // Whether `sealed` was encrypted under this cipher's suite (else `crypto switch` re-encrypts it).
  bool InCurrentSuite(std::string_view sealed) const;

  std::string Encrypt(std::string_view plaintext, std::string_view associated_data) const;

  // Fails (kInternal, no content in the message) when the value is malformed, was altered, was
  // encrypted under another key, or under another associated data.
  Result<std::string> Decrypt(std::string_view sealed, std::string_view associated_data) const;

  // Lower-case hex keyed BLAKE2b-256 over (kind, normalized_value), length-prefixed, so equal
  // digits of different kinds (an ID number vs a phone) give unrelated indexes. The caller
  // normalises first (e.g. NormalizeIdentifier in pii_scan.h); the index is only as exact as that.
  // In the sm suite, HMAC-SM3 under its own subkey.
  std::string BlindIndex(std::string_view kind, std::string_view normalized_value) const;
  // The index under a given suite: for values stored only as an index (recovery codes), which
  // must still be found after a switch.
  std::string BlindIndexUnder(CryptoSuite suite, std::string_view kind, std::string_view normalized_value) const;

 private:
  CryptoSuite suite_;
  SubKey encryption_key_;
  SubKey index_key_;
  SubKey sm4_key_;
  SubKey sm3_index_key_;
};

}  // namespace wagelink::security
