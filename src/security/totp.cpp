#include "security/totp.h"

#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <sodium.h>

#include <array>
#include <cctype>
#include <stdexcept>

namespace wagelink::security {
namespace {

const EVP_MD* Digest(int sha) {
  switch (sha) {
    case 1: return EVP_sha1();
    case 256: return EVP_sha256();
    case 512: return EVP_sha512();
    default: throw std::invalid_argument("TOTP digest must be SHA-1, SHA-256 or SHA-512");
  }
}

constexpr std::string_view kBase32Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

std::string PercentEncode(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace

std::string Hotp(std::string_view key, std::uint64_t counter, int digits, int sha) {
  std::array<unsigned char, 8> message{};
  for (int i = 7; i >= 0; --i, counter >>= 8) message[i] = static_cast<unsigned char>(counter & 0xFF);
  std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
  unsigned int mac_length = 0;
  if (!HMAC(Digest(sha), key.data(), static_cast<int>(key.size()), message.data(), message.size(), mac.data(),
            &mac_length)) {
    throw std::runtime_error("HMAC failed");
  }
  // Dynamic truncation (RFC 4226 §5.3).
  const unsigned offset = mac[mac_length - 1] & 0x0F;
  const std::uint32_t binary = (static_cast<std::uint32_t>(mac[offset] & 0x7F) << 24) |
                               (static_cast<std::uint32_t>(mac[offset + 1]) << 16) |
                               (static_cast<std::uint32_t>(mac[offset + 2]) << 8) | mac[offset + 3];
  std::uint32_t modulus = 1;
  for (int i = 0; i < digits; ++i) modulus *= 10;
  std::string code = std::to_string(binary % modulus);
  return std::string(static_cast<std::size_t>(digits) - code.size(), '0') + code;
}

std::string TotpAt(std::string_view key, std::int64_t now, int digits, int sha) {
  return Hotp(key, static_cast<std::uint64_t>(now / kTotpStepSeconds), digits, sha);
}

std::optional<std::int64_t> MatchTotp(std::string_view key, std::string_view code, std::int64_t now,
                                      std::int64_t last_used_step) {
  if (code.size() != static_cast<std::size_t>(kTotpDigits)) return std::nullopt;
  const std::int64_t current = now / kTotpStepSeconds;
  std::optional<std::int64_t> matched;
  for (std::int64_t step = current - kTotpAllowedDrift; step <= current + kTotpAllowedDrift; ++step) {
    std::string expected = Hotp(key, static_cast<std::uint64_t>(step));
    // Every candidate is compared, so the time taken does not say which one matched.
    if (sodium_memcmp(expected.data(), code.data(), expected.size()) == 0 && step > last_used_step) matched = step;
  }
  return matched;
}

std::string NewTotpSecret() {
  std::string secret(kTotpSecretBytes, '\0');
  randombytes_buf(secret.data(), secret.size());
  return secret;
}

std::string Base32Encode(std::string_view bytes) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (unsigned char c : bytes) {
    buffer = (buffer << 8) | c;
    bits += 8;
    while (bits >= 5) {
      out += kBase32Alphabet[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += kBase32Alphabet[(buffer << (5 - bits)) & 31];
  return out;
}

std::optional<std::string> Base32Decode(std::string_view text) {
  std::string out;
  std::uint32_t buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=' || c == ' ') continue;
    char upper = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    auto index = kBase32Alphabet.find(upper);
    if (index == std::string_view::npos) return std::nullopt;
    buffer = (buffer << 5) | static_cast<std::uint32_t>(index);
    bits += 5;
    if (bits >= 8) {
      out += static_cast<char>((buffer >> (bits - 8)) & 0xFF);
      bits -= 8;
    }
  }
  return out;
}

std::string OtpauthUri(std::string_view issuer, std::string_view account, std::string_view secret) {
  return "otpauth://totp/" + PercentEncode(issuer) + ":" + PercentEncode(account) + "?secret=" + Base32Encode(secret) +
         "&issuer=" + PercentEncode(issuer) + "&algorithm=SHA1&digits=6&period=30";
}

}  // namespace wagelink::security
