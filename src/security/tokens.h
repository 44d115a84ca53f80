#pragma once
// Random tokens for sessions, CSRF and request ids. Session tokens are only ever stored as
// HashToken(token), so someone who reads the database (or a backup) cannot replay a session.
#include <cstddef>
#include <string>
#include <string_view>

namespace wagelink::security {

inline constexpr std::size_t kTokenBytes = 32;  // 256 bits; the baseline asks for at least 128

// 32 random bytes as base64url without padding (43 characters, cookie-safe).
std::string NewSessionToken();

// What the database stores for a session token: lower-case hex BLAKE2b-256 (64 characters).
// Unkeyed is enough because the token itself has 256 bits of entropy.
std::string HashToken(std::string_view token);

// Synchronizer CSRF token: 32 random bytes, base64url without padding.
std::string NewCsrfToken();

// Compares secrets without leaking where they differ. Lengths are not secret here (tokens have a
// fixed length), so different lengths return false at once.
bool ConstantTimeEquals(std::string_view a, std::string_view b);

// A first password handed to a new account on paper or by phone, changed at first sign-in: four
// groups of four letters and digits without look-alikes (0/O, 1/l/I), joined by '-', with an upper-
// case letter, a lower-case letter and a digit, so it meets any password policy (about 90 bits).
std::string NewOneTimePassword();

// `byte_count` random bytes as lower-case hex (2 * byte_count characters), e.g. request ids.
std::string RandomHex(std::size_t byte_count);

}  // namespace wagelink::security
