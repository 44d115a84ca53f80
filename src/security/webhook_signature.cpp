#include "security/webhook_signature.h"

#include <sodium.h>

#include "security/encoding.h"
#include "security/pii_scan.h"
#include "security/sodium_runtime.h"

namespace wagelink::security {

std::string SignWebhook(const SubKey& key, std::string_view timestamp, std::string_view body) {
  static_assert(SubKey::size() == crypto_auth_hmacsha256_KEYBYTES);
  EnsureSodium();
  crypto_auth_hmacsha256_state state;
  crypto_auth_hmacsha256_init(&state, key.data(), key.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(timestamp.data()), timestamp.size());
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>("."), 1);
  crypto_auth_hmacsha256_update(&state, reinterpret_cast<const unsigned char*>(body.data()), body.size());
  unsigned char mac[crypto_auth_hmacsha256_BYTES];
  crypto_auth_hmacsha256_final(&state, mac);
  return "v1=" + ToHex(mac);
}

std::string MaskPersonalDataInText(std::string_view text) {
  std::string out(text);
  for (const auto& finding : ContainsPersonalData(text)) {
    for (std::size_t i = finding.offset; i < finding.offset + finding.length && i < out.size(); ++i) {
      out[i] = '*';  // whole bytes, so a full-width digit cannot leave half a UTF-8 sequence
    }
  }
  return out;
}

}  // namespace wagelink::security
