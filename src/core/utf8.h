#pragma once
// Minimal UTF-8 decoding for every layer that must count or cut text by character, never inside
// one: masking, password rules, the personal-data scanner, length limits on request fields and
// search terms, and the search plan (which counts a term's characters, not its bytes).
#include <cstddef>
#include <string_view>
#include <vector>

namespace wagelink {

struct CodePoint {
  char32_t value = 0;      // U+FFFD when the bytes are not valid UTF-8
  std::size_t offset = 0;  // byte offset in the input
  std::size_t length = 0;  // bytes it occupies (1 for each invalid byte)
  bool valid = true;
};

// Decodes leniently: each byte that does not start a well-formed sequence (overlong forms,
// surrogates and values above U+10FFFF included) becomes one invalid CodePoint.
std::vector<CodePoint> DecodeUtf8(std::string_view text);

// Decodes the code point starting at `offset` (same rules as DecodeUtf8).
CodePoint DecodeUtf8At(std::string_view text, std::size_t offset);

bool IsValidUtf8(std::string_view text);

// Code points, counted by the same rules as DecodeUtf8 (each invalid byte is one), without
// building the list: 公司 is two characters in six bytes.
std::size_t CodePointCount(std::string_view text);

// At most `max_bytes` of `text`, cut before a character that would not fit whole (a key or value
// echoed back in an error message must not end in half a Chinese character).
std::string_view TruncateUtf8(std::string_view text, std::size_t max_bytes);

// How much of an unknown key or name an error message echoes back.
inline constexpr std::size_t kEchoedKeyBytes = 64;

}  // namespace wagelink
