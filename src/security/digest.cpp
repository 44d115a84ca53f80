#include "security/digest.h"

#include <sodium.h>

#include "security/encoding.h"
#include "security/sodium_runtime.h"

namespace wagelink::security {

std::string Sha256Hex(std::string_view bytes) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return ToHex(digest);
}

}  // namespace wagelink::security
