#pragma once
// Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP) as authenticator apps compute them
// by default: HMAC-SHA-1, 6 digits, 30-second steps. Pure functions; the service decides which
// step was last used (a code is never accepted twice) and stores the secret sealed.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wagelink::security {

inline constexpr int kTotpDigits = 6;
inline constexpr std::int64_t kTotpStepSeconds = 30;
inline constexpr std::int64_t kTotpAllowedDrift = 1;  // steps either side of now
inline constexpr std::size_t kTotpSecretBytes = 20;   // 160 bits, as RFC 4226 recommends

// HOTP value of `counter` under `key`, with `digits` digits (6–8), zero-padded. `sha` is 1, 256
// or 512 (RFC 6238's test vectors use all three).
std::string Hotp(std::string_view key, std::uint64_t counter, int digits = kTotpDigits, int sha = 1);
// The RFC 6238 code for unix time `now`.
std::string TotpAt(std::string_view key, std::int64_t now, int digits = kTotpDigits, int sha = 1);
// The time step of the code matching `code` within ±kTotpAllowedDrift steps of `now` and after
// `last_used_step`, if any; compared in constant time.
std::optional<std::int64_t> MatchTotp(std::string_view key, std::string_view code, std::int64_t now,
                                      std::int64_t last_used_step);

std::string NewTotpSecret();  // kTotpSecretBytes random bytes
// RFC 4648 base32 without padding (what otpauth:// URIs carry), and back.
std::string Base32Encode(std::string_view bytes);
std::optional<std::string> Base32Decode(std::string_view text);
// otpauth://totp/<issuer>:<account>?secret=...&issuer=...&algorithm=SHA1&digits=6&period=30
std::string OtpauthUri(std::string_view issuer, std::string_view account, std::string_view secret);

}  // namespace wagelink::security
