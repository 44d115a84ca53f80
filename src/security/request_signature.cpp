#include "security/request_signature.h"

#include <sodium.h>

#include "security/digest.h"
#include "security/encoding.h"
#include "security/sodium_runtime.h"
#include "security/tokens.h"

namespace wagelink::security {

std::string SignRequest(std::span<const unsigned char> key, const SignedRequestParts& p) {
  EnsureSodium();
  const std::string message = std::string(p.method) + "\n" + std::string(p.path) + "\n" + std::string(p.timestamp) +
                              "\n" + std::string(p.idempotency_key) + "\n" + Sha256Hex(p.body);
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, key.data(), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(message.data()), message.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  return "v1=" + ToHex(mac);
}

bool RequestSignatureMatches(std::span<const unsigned char> key, const SignedRequestParts& parts,
                             std::string_view presented) {
  return ConstantTimeEquals(SignRequest(key, parts), presented);
}

}  // namespace wagelink::security
