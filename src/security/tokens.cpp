#include "security/tokens.h"

#include <sodium.h>

#include "security/encoding.h"
#include "security/secret_bytes.h"
#include "security/sodium_runtime.h"

namespace wagelink::security {
namespace {

std::string RandomBase64Url() {
  EnsureSodium();
  SecretBytes<kTokenBytes> bytes;
  randombytes_buf(bytes.data(), bytes.size());
  return ToBase64Url({bytes.data(), bytes.size()});
}

}  // namespace

std::string NewSessionToken() {
  return RandomBase64Url();
}

std::string NewCsrfToken() {
  return RandomBase64Url();
}

std::string HashToken(std::string_view token) {
  EnsureSodium();
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(token.data()), token.size(), nullptr,
                     0);
  return ToHex(digest);
}

bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  EnsureSodium();
  if (a.size() != b.size()) return false;
  if (a.empty()) return true;
  return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string NewOneTimePassword() {
  EnsureSodium();
  static constexpr std::string_view kUpper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
  static constexpr std::string_view kLower = "abcdefghijkmnopqrstuvwxyz";
  static constexpr std::string_view kDigits = "23456789";
  static const std::string kAny = std::string(kUpper) + std::string(kLower) + std::string(kDigits);
  auto pick = [](std::string_view alphabet) {
    return alphabet[randombytes_uniform(static_cast<std::uint32_t>(alphabet.size()))];
  };
  std::string password;
  for (int group = 0; group < 4; ++group) {
    if (group > 0) password += '-';
    // The first letter of the first three groups fixes the classes the policy may require.
    password += group == 0 ? pick(kUpper) : group == 1 ? pick(kLower) : group == 2 ? pick(kDigits) : pick(kAny);
    for (int i = 1; i < 4; ++i) password += pick(kAny);
  }
  return password;
}

std::string RandomHex(std::size_t byte_count) {
  EnsureSodium();
  if (byte_count == 0) return {};  // randombytes_buf declares its pointer non-null
  Bytes bytes(byte_count);
  randombytes_buf(bytes.data(), bytes.size());
  return ToHex(bytes);
}

}  // namespace wagelink::security
