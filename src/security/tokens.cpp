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

std::string RandomHex(std::size_t byte_count) {
  EnsureSodium();
  if (byte_count == 0) return {};  // randombytes_buf declares its pointer non-null
  Bytes bytes(byte_count);
  randombytes_buf(bytes.data(), bytes.size());
  return ToHex(bytes);
}

}  // namespace wagelink::security
