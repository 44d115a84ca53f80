#pragma once
// Minimal UTF-8 decoding for masking, password rules and the personal-data scanner, which must
// count and cut text by code point, never inside one.
#include <cstddef>
#include <string_view>
#include <vector>

namespace wagelink::security {

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

}  // namespace wagelink::security
