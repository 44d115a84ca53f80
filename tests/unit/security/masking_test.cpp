#include "security/masking.h"

#include <gtest/gtest.h>

#include "core/utf8.h"

namespace wagelink::security {
namespace {

std::size_t Shown(std::string_view masked) {
  std::size_t shown = 0;
  for (const CodePoint& cp : DecodeUtf8(masked)) shown += cp.value != U'*';
  return shown;
}

TEST(Masking, IdNumberKeepsFirstFourAndLastFour) {
  EXPECT_EQ(MaskIdNumber("110101199003071234"), "1101**********1234");
  EXPECT_EQ(MaskIdNumber("11010519491231002X"), "1101**********002X");
}

TEST(Masking, PhoneKeepsThreeAndFour) {
  EXPECT_EQ(MaskPhone("13812345678"), "138****5678");
}

TEST(Masking, BankCardKeepsFirstFourAndLastFour) {
  EXPECT_EQ(MaskBankCard("6222021234567890128"), "6222***********0128");
  EXPECT_EQ(MaskBankCard("6217001234567893"), "6217********7893");
}

TEST(Masking, PersonNames) {
  EXPECT_EQ(MaskPersonName("张三"), "张*");
  EXPECT_EQ(MaskPersonName("王小明"), "王**");
  EXPECT_EQ(MaskPersonName("欧阳娜娜"), "欧阳**");
  EXPECT_EQ(MaskPersonName("阿不都热依木·买买提"), "阿不********");
  EXPECT_EQ(MaskPersonName("李"), "*");
  EXPECT_EQ(MaskPersonName(""), "");
  EXPECT_EQ(MaskPersonName("Li"), "L*");
}

TEST(Masking, NamesWithFourByteCharactersAreNotCut) {
  // U+20BB7 𠮷 takes 4 bytes in UTF-8; a byte-based mask would split it.
  EXPECT_EQ(MaskPersonName("𠮷三"), "𠮷*");
  EXPECT_EQ(MaskPersonName("𠮷𠮷𠮷𠮷"), "𠮷𠮷**");
  EXPECT_TRUE(IsValidUtf8(MaskPersonName("𠮷𠮷𠮷𠮷𠮷")));
}

TEST(Masking, ShortOrOddValuesNeverShowMoreThanHalf) {
  for (std::string_view value : {"", "1", "12", "123", "1234", "12345", "1234567", "12345678", "123456789", "4185557",
                                 "010-12345678", "+8613812345678", "1101011990", "ABC"}) {
    for (const std::string& masked : {MaskIdNumber(value), MaskPhone(value), MaskBankCard(value)}) {
      const std::size_t n = DecodeUtf8(value).size();
      EXPECT_EQ(DecodeUtf8(masked).size(), n) << value;
      EXPECT_LE(Shown(masked) * 2, n) << value << " -> " << masked;
    }
  }
  EXPECT_EQ(MaskIdNumber("1"), "*");
  EXPECT_EQ(MaskIdNumber("123"), "**3");
  EXPECT_EQ(MaskPhone("4185557"), "4****57");
  EXPECT_EQ(MaskIdNumber("110101900307123"), "110********7123");  // 15-digit legacy ID
}

TEST(Masking, MultiByteDigitsAreMaskedPerCharacter) {
  const std::string masked = MaskIdNumber("１１０１０１１９９００３０７１２３４");  // full-width
  EXPECT_TRUE(IsValidUtf8(masked));
  EXPECT_EQ(masked, "１１０１**********１２３４");
  EXPECT_TRUE(IsValidUtf8(MaskPhone("１３８１２３４５６７８")));
  EXPECT_LE(Shown(MaskPhone("１３８１２３４５６７８")) * 2, 11u);
}

TEST(Masking, InvalidUtf8IsMaskedCompletely) {
  const std::string bad = "\xE5\xBC\xA0\xFF\xFE";  // 张 then two invalid bytes
  EXPECT_EQ(MaskPersonName(bad), "***");
  EXPECT_EQ(MaskIdNumber("1101\xC0\xAF"
                         "1234"),
            "**********");
}

}  // namespace
}  // namespace wagelink::security
