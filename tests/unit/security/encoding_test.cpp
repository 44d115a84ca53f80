#include "security/encoding.h"

#include <gtest/gtest.h>

namespace wagelink::security {
namespace {

TEST(Encoding, HexRoundTripAndStrictness) {
  const Bytes bytes{0x00, 0xAB, 0xFF};
  EXPECT_EQ(ToHex(bytes), "00abff");
  EXPECT_EQ(FromHex("00abff"), bytes);
  EXPECT_EQ(FromHex("00ABFF"), bytes);
  EXPECT_FALSE(FromHex("0"));
  EXPECT_FALSE(FromHex("zz"));
  EXPECT_FALSE(FromHex("00 ab"));
  EXPECT_EQ(FromHex(""), Bytes{});
}

TEST(Encoding, Base64UrlRoundTripWithoutPadding) {
  const Bytes bytes{0xFB, 0xFF, 0x01};
  EXPECT_EQ(ToBase64Url(bytes), "-_8B");
  EXPECT_EQ(FromBase64Url("-_8B"), bytes);
  EXPECT_FALSE(FromBase64Url("+/8B"));    // standard alphabet refused
  EXPECT_FALSE(FromBase64Url("-_8B=="));  // padding refused
  EXPECT_FALSE(FromBase64Url("-_8B!"));   // trailing garbage refused
  EXPECT_EQ(FromBase64Url("AQ").value(), Bytes{0x01});
  EXPECT_FALSE(FromBase64Url("AR"));  // non-canonical trailing bits refused
}

TEST(Encoding, Base64AnyAcceptsBothAlphabetsAndPadding) {
  const Bytes bytes{0xFB, 0xFF};
  EXPECT_EQ(FromBase64Any("+/8="), bytes);
  EXPECT_EQ(FromBase64Any("+/8"), bytes);
  EXPECT_EQ(FromBase64Any("-_8="), bytes);
  EXPECT_EQ(FromBase64Any("-_8"), bytes);
  EXPECT_FALSE(FromBase64Any("-_8=x"));
}

}  // namespace
}  // namespace wagelink::security
