#include "security/tokens.h"

#include <gtest/gtest.h>

#include <set>

#include "security/encoding.h"

namespace wagelink::security {
namespace {

bool IsBase64UrlAlphabet(std::string_view text) {
  return text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_") ==
         std::string_view::npos;
}

TEST(Tokens, SessionTokenCarries256BitsAsUnpaddedBase64Url) {
  const std::string token = NewSessionToken();
  EXPECT_EQ(token.size(), 43u);
  EXPECT_TRUE(IsBase64UrlAlphabet(token));
  const auto bytes = FromBase64Url(token);
  ASSERT_TRUE(bytes.has_value());
  EXPECT_EQ(bytes->size(), 32u);
}

TEST(Tokens, TokensDoNotRepeat) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    EXPECT_TRUE(seen.insert(NewSessionToken()).second);
    EXPECT_TRUE(seen.insert(NewCsrfToken()).second);
  }
}

TEST(Tokens, HashTokenIsStableHexAndDiffersFromTheToken) {
  const std::string token = NewSessionToken();
  const std::string hash = HashToken(token);
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(hash, HashToken(token));
  EXPECT_NE(hash, HashToken(NewSessionToken()));
  EXPECT_EQ(hash.find(token), std::string::npos);
}

TEST(Tokens, HashTokenKnownAnswer) {
  // BLAKE2b-256 of the empty string (RFC 7693 parameters, 32-byte output).
  EXPECT_EQ(HashToken(""), "0e5751c026e543b2e8ab2eb06099daa1d1e5df47778f7787faab45cdf12fe3a8");
}

TEST(Tokens, ConstantTimeEquals) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_TRUE(ConstantTimeEquals("", ""));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", ""));
}

TEST(Tokens, RandomHexHasTwoCharactersPerByte) {
  EXPECT_EQ(RandomHex(16).size(), 32u);
  EXPECT_EQ(RandomHex(0), "");
  EXPECT_EQ(RandomHex(8).find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_NE(RandomHex(16), RandomHex(16));
}

}  // namespace
}  // namespace wagelink::security
