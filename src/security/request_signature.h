#pragma once
// The signature a machine client (the bank, the provincial platform) puts on each request to the
// machine API: HMAC-SHA256 under the client's own key over
//   METHOD "\n" PATH "\n" TIMESTAMP "\n" IDEMPOTENCY-KEY "\n" hex(SHA-256(body))
// sent as `X-WageLink-Signature: v1=<hex>`. Binding the path, the time and the idempotency key means a
// captured request can be neither sent to another route, nor replayed later, nor under another key.
#include <span>
#include <string>
#include <string_view>

namespace wagelink::security {

struct SignedRequestParts {
  std::string_view method, path, timestamp, idempotency_key, body;
};

std::string SignRequest(std::span<const unsigned char> key, const SignedRequestParts& parts);
// Constant-time comparison of `presented` with the signature the parts should carry.
bool RequestSignatureMatches(std::span<const unsigned char> key, const SignedRequestParts& parts,
                             std::string_view presented);

}  // namespace wagelink::security
