#pragma once
// The signature on every outbound webhook request: HMAC-SHA256 (libsodium crypto_auth_hmacsha256)
// over "<timestamp>.<body>", sent as `X-WageLink-Signature: v1=<hex>` with the timestamp in
// `X-WageLink-Timestamp`, so a gateway can refuse forged and replayed (stale) requests.
#include <string>
#include <string_view>

#include "security/master_key.h"

namespace wagelink::security {

std::string SignWebhook(const SubKey& key, std::string_view timestamp, std::string_view body);

// Replaces every resident ID, mobile and bank card number found in `text` by '*' of equal length,
// so a notice title can leave the system without personal data.
std::string MaskPersonalDataInText(std::string_view text);

}  // namespace wagelink::security
