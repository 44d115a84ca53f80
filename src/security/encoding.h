#pragma once
// Strict binary<->text encodings over libsodium's constant-time codecs. Decoders refuse anything that
// is not exactly one canonical encoding, so a stored value has only one accepted spelling.
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace wagelink::security {

using Bytes = std::vector<unsigned char>;

std::span<const unsigned char> AsBytes(std::string_view text);

// Lower-case hex.
std::string ToHex(std::span<const unsigned char> bytes);
// Accepts upper or lower case; refuses odd length and any non-hex character.
std::optional<Bytes> FromHex(std::string_view hex);

// RFC 4648 §5 base64url without padding: safe in cookies, headers and URLs.
std::string ToBase64Url(std::span<const unsigned char> bytes);
std::optional<Bytes> FromBase64Url(std::string_view text);

// Accepts standard or URL-safe alphabet, with or without padding (for operator-supplied keys).
std::optional<Bytes> FromBase64Any(std::string_view text);

}  // namespace wagelink::security
