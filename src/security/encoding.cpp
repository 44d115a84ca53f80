#include "security/encoding.h"

#include <sodium.h>

#include "security/sodium_runtime.h"

namespace wagelink::security {
namespace {

std::optional<Bytes> DecodeBase64(std::string_view text, int variant) {
  EnsureSodium();
  Bytes out(text.size() * 3 / 4 + 3);
  std::size_t out_len = 0;
  const char* end = nullptr;
  if (sodium_base642bin(out.data(), out.size(), text.data(), text.size(), nullptr, &out_len, &end, variant) != 0) {
    return std::nullopt;
  }
  // sodium stops at the first character outside the alphabet; trailing garbage must not be ignored.
  if (end != text.data() + text.size()) return std::nullopt;
  out.resize(out_len);
  return out;
}

}  // namespace

std::span<const unsigned char> AsBytes(std::string_view text) {
  return {reinterpret_cast<const unsigned char*>(text.data()), text.size()};
}

std::string ToHex(std::span<const unsigned char> bytes) {
  EnsureSodium();
  std::string out(bytes.size() * 2 + 1, '\0');
  sodium_bin2hex(out.data(), out.size(), bytes.data(), bytes.size());
  out.pop_back();  // the terminating NUL sodium writes
  return out;
}

std::optional<Bytes> FromHex(std::string_view hex) {
  EnsureSodium();
  if (hex.size() % 2 != 0) return std::nullopt;
  if (hex.empty()) return Bytes{};  // sodium declares the output pointer non-null
  Bytes out(hex.size() / 2);
  std::size_t out_len = 0;
  const char* end = nullptr;
  if (sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &out_len, &end) != 0 ||
      end != hex.data() + hex.size() || out_len != out.size()) {
    return std::nullopt;
  }
  return out;
}

std::string ToBase64Url(std::span<const unsigned char> bytes) {
  EnsureSodium();
  constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), kVariant), '\0');
  sodium_bin2base64(out.data(), out.size(), bytes.data(), bytes.size(), kVariant);
  out.resize(out.size() - 1);  // ENCODED_LEN counts the terminating NUL
  return out;
}

std::optional<Bytes> FromBase64Url(std::string_view text) {
  return DecodeBase64(text, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
}

std::optional<Bytes> FromBase64Any(std::string_view text) {
  for (int variant : {sodium_base64_VARIANT_ORIGINAL, sodium_base64_VARIANT_ORIGINAL_NO_PADDING,
                      sodium_base64_VARIANT_URLSAFE, sodium_base64_VARIANT_URLSAFE_NO_PADDING}) {
    if (auto bytes = DecodeBase64(text, variant)) return bytes;
  }
  return std::nullopt;
}

}  // namespace wagelink::security
