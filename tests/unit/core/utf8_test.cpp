#include "core/utf8.h"

#include <gtest/gtest.h>

#include <string>

namespace wagelink {
namespace {

TEST(Utf8, DecodesOffsetsAndLengths) {
  const auto cps = DecodeUtf8("a张𠮷");
  ASSERT_EQ(cps.size(), 3u);
  EXPECT_EQ(cps[1].value, U'张');
  EXPECT_EQ(cps[1].offset, 1u);
  EXPECT_EQ(cps[1].length, 3u);
  EXPECT_EQ(cps[2].value, U'\U00020BB7');
  EXPECT_EQ(cps[2].length, 4u);
}

TEST(Utf8, RefusesOverlongSurrogateTruncatedAndOutOfRange) {
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));      // surrogate
  EXPECT_FALSE(IsValidUtf8("\xE5\xBC"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
  EXPECT_FALSE(IsValidUtf8("\x80"));
  EXPECT_TRUE(IsValidUtf8("张三 ok"));
  EXPECT_EQ(DecodeUtf8("\xE5\xBC").size(), 2u);  // each bad byte is one invalid unit
}

TEST(Utf8, TruncatesOnACharacterBoundary) {
  const std::string text = "一二三";  // 3 bytes per character
  EXPECT_EQ(TruncateUtf8(text, 4), "一");
  EXPECT_EQ(TruncateUtf8(text, 6), "一二");
  EXPECT_EQ(TruncateUtf8(text, 100), text);
}

TEST(Utf8, CountsCodePointsAsDecodingDoes) {
  EXPECT_EQ(CodePointCount(""), 0u);
  EXPECT_EQ(CodePointCount("公司"), 2u);
  EXPECT_EQ(CodePointCount("a张𠮷"), 3u);
  for (const std::string_view text : {"\xE5\xBC", "\xC0\xAF张", "\xED\xA0\x80x", "\xF4\x90\x80\x80"}) {
    EXPECT_EQ(CodePointCount(text), DecodeUtf8(text).size()) << text.size() << " bytes";
  }
}

}  // namespace
}  // namespace wagelink
