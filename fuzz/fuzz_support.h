#pragma once
// What the fuzz targets share: the input as text, and one selector byte in front of it.
// Fuzz targets must never crash, leak, hang or trip a sanitizer on any input; an error Result is a
// correct answer. A crash the fuzzer finds is saved under fuzz/regressions/<target>/ and replayed by
// every `make test` from then on (fuzz/README.md).
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace wagelink::fuzz {

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Splits "selector byte, then the rest": lets one target choose among several parsers so the
// fuzzer learns which bytes reach which one.
struct Selected {
  std::uint8_t selector = 0;
  std::string_view rest;
};
inline Selected Select(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return {};
  return {data[0], AsText(data + 1, size - 1)};
}

}  // namespace wagelink::fuzz
