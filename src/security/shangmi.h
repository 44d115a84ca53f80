#pragma once
// The commercial-cryptography (商用密码, 国密) algorithms a 密评 (GB/T 39786-2021) review expects, through
// Debian's OpenSSL 3: SM3 (GB/T 32905) and HMAC-SM3, SM4 (GB/T 32907) in GCM mode, and SM2 signatures
// (GB/T 32918.2) with SM3 and the default distinguishing identifier "1234567812345678"
// (GB/T 35276). docs/security.md "Cryptographic suites" says where each is used.
//
// OpenSSL 3.0 (Debian 12) has the SM4 block cipher but not its GCM mode (added in 3.2), so GCM is
// composed here as NIST SP 800-38D defines it: the counter mode and the two single blocks (H and
// E(J0)) from OpenSSL's SM4, GHASH in constant-time software. RFC 8998 Appendix A.1's SM4-GCM test
// vector checks the composition (unit test ShangMi.Sm4GcmMatchesRfc8998).
#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/error.h"
#include "security/master_key.h"

namespace wagelink::security {

std::array<unsigned char, 32> Sm3(std::string_view message);
std::array<unsigned char, 32> HmacSm3(std::span<const unsigned char> key, std::string_view message);

inline constexpr std::size_t kSm4KeyBytes = 16;
inline constexpr std::size_t kSm4GcmIvBytes = 12;
inline constexpr std::size_t kSm4GcmTagBytes = 16;

// iv || ciphertext || tag. `iv` must never repeat under one key: callers pass a random one.
std::string Sm4GcmSeal(std::span<const unsigned char, kSm4KeyBytes> key, std::span<const unsigned char, kSm4GcmIvBytes> iv,
                       std::string_view plaintext, std::string_view associated_data);
// The plaintext, or nothing when the input is too short, altered, or sealed under another key or
// associated data (the tag is compared in constant time, and nothing is decrypted before it is).
std::optional<std::string> Sm4GcmOpen(std::span<const unsigned char, kSm4KeyBytes> key, std::string_view sealed,
                                      std::string_view associated_data);

// An SM2 key pair derived deterministically from 32 secret bytes (every instance with the same
// master key signs with the same key; nothing extra is stored).
class Sm2SigningKey {
 public:
  static Sm2SigningKey Derive(const SubKey& seed);
  ~Sm2SigningKey();
  Sm2SigningKey(Sm2SigningKey&&) noexcept;
  Sm2SigningKey& operator=(Sm2SigningKey&&) noexcept;

  // DER-encoded signature over `message` (SM3 with the signer's Z value); randomised per call.
  std::string Sign(std::string_view message) const;
  // The public key as an uncompressed point (65 bytes: 04 || x || y).
  const std::string& public_key() const { return public_key_; }

 private:
  struct Key;
  explicit Sm2SigningKey(std::unique_ptr<Key> key, std::string public_key);
  std::unique_ptr<Key> key_;
  std::string public_key_;
};

// False for a malformed key or signature and for any change to the message.
bool Sm2Verify(std::string_view public_key, std::string_view message, std::string_view der_signature);

}  // namespace wagelink::security
