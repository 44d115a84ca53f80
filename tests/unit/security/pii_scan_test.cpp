#include "security/pii_scan.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace wagelink::security {
namespace {

using Kind = PersonalDataKind;

constexpr std::string_view kId = "110101199003071233";     // valid check digit
constexpr std::string_view kIdX = "11010519491231002X";    // valid, check character X
constexpr std::string_view kCard = "6222021234567890128";  // Luhn-valid
constexpr std::string_view kPhone = "13812345678";

std::vector<Kind> KindsIn(std::string_view text) {
  std::vector<Kind> kinds;
  for (const auto& finding : ContainsPersonalData(text)) kinds.push_back(finding.kind);
  return kinds;
}

std::string Covered(std::string_view text, const PersonalDataFinding& finding) {
  return std::string(text.substr(finding.offset, finding.length));
}

TEST(PiiScan, FindsEachKindWithExactByteOffsets) {
  const std::string text =
      "工人张三，身份证" + std::string(kId) + "，电话" + std::string(kPhone) + "，卡号" + std::string(kCard) + "。";
  const auto findings = ContainsPersonalData(text);
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(findings[0].kind, Kind::kIdNumber);
  EXPECT_EQ(Covered(text, findings[0]), kId);
  EXPECT_EQ(findings[1].kind, Kind::kPhone);
  EXPECT_EQ(Covered(text, findings[1]), kPhone);
  EXPECT_EQ(findings[2].kind, Kind::kBankCard);
  EXPECT_EQ(Covered(text, findings[2]), kCard);
  EXPECT_EQ(PersonalDataKindCode(findings[2].kind), "bank_card");
}

TEST(PiiScan, IdNumberWithCheckCharacterX) {
  for (std::string x : {"X", "x", "Ｘ"}) {
    const std::string text = "证号" + std::string(kIdX.substr(0, 17)) + x + "号";
    const auto findings = ContainsPersonalData(text);
    ASSERT_EQ(findings.size(), 1u) << x;
    EXPECT_EQ(findings[0].kind, Kind::kIdNumber);
    EXPECT_EQ(Covered(text, findings[0]), std::string(kIdX.substr(0, 17)) + x);
  }
}

TEST(PiiScan, IdNumberWithWrongCheckDigitOrImpossibleDateIsIgnored) {
  EXPECT_TRUE(KindsIn("身份证110101199003071234").empty());  // check digit should be 3
  EXPECT_TRUE(KindsIn("110101199013071230").empty());        // month 13 (whatever the check digit)
}

TEST(PiiScan, FullWidthDigitsAreNormalised) {
  const std::string text = "电话：１３８１２３４５６７８，身份证：１１０１０１１９９００３０７１２３３";
  const auto findings = ContainsPersonalData(text);
  ASSERT_EQ(findings.size(), 2u);
  EXPECT_EQ(findings[0].kind, Kind::kPhone);
  EXPECT_EQ(Covered(text, findings[0]), "１３８１２３４５６７８");
  EXPECT_EQ(findings[1].kind, Kind::kIdNumber);
  EXPECT_EQ(findings[1].length, 18u * 3u);
}

TEST(PiiScan, MixedWidthDigits) {
  EXPECT_EQ(KindsIn("联系138１２３４5678谢谢"), std::vector<Kind>{Kind::kPhone});
}

TEST(PiiScan, SpacedAndHyphenatedDigits) {
  EXPECT_EQ(KindsIn("tel 138 1234 5678"), std::vector<Kind>{Kind::kPhone});
  EXPECT_EQ(KindsIn("tel 138-1234-5678"), std::vector<Kind>{Kind::kPhone});
  EXPECT_EQ(KindsIn("1 3 8 1 2 3 4 5 6 7 8"), std::vector<Kind>{Kind::kPhone});
  EXPECT_EQ(KindsIn("138\u30001234\u30005678"), std::vector<Kind>{Kind::kPhone});  // full-width spaces
  EXPECT_EQ(KindsIn("138\u200B1234\u200B5678"), std::vector<Kind>{Kind::kPhone});  // zero-width spaces
  EXPECT_EQ(KindsIn("138 - 1234 - 5678"), std::vector<Kind>{Kind::kPhone});
  EXPECT_EQ(KindsIn("6222 0212 3456 7890 128"), std::vector<Kind>{Kind::kBankCard});
  EXPECT_EQ(KindsIn("110101 19900307 1233"), std::vector<Kind>{Kind::kIdNumber});
  const std::string text = "卡号：6222-0212-3456-7890-128。";
  const auto findings = ContainsPersonalData(text);
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(Covered(text, findings[0]), "6222-0212-3456-7890-128");
}

TEST(PiiScan, TooWideGapsDoNotJoinNumbers) {
  EXPECT_TRUE(KindsIn("138    12345678").empty());  // 4 spaces
  EXPECT_TRUE(KindsIn("138号12345678").empty());    // a word in between
}

TEST(PiiScan, PhoneInsideALongerDigitRunIsNotAPhone) {
  EXPECT_TRUE(KindsIn("订单号1381234567890").empty());
  EXPECT_TRUE(KindsIn("913812345678").empty());
  EXPECT_TRUE(KindsIn("金额12345678901元").empty());  // 11 digits but not 1[3-9]
}

TEST(PiiScan, AdjacentSeparatedNumbersAreFoundOneByOne) {
  const std::string text = "13812345678 13987654321、15000000000";
  const auto findings = ContainsPersonalData(text);
  ASSERT_EQ(findings.size(), 3u);
  EXPECT_EQ(Covered(text, findings[0]), "13812345678");
  EXPECT_EQ(Covered(text, findings[1]), "13987654321");
  EXPECT_EQ(Covered(text, findings[2]), "15000000000");
}

TEST(PiiScan, CountryCodePrefixes) {
  for (std::string_view text : {"+8613812345678", "008613812345678", "+86 138 1234 5678", "(+86)13812345678"}) {
    const auto findings = ContainsPersonalData(text);
    ASSERT_EQ(findings.size(), 1u) << text;
    EXPECT_EQ(findings[0].kind, Kind::kPhone);
    EXPECT_EQ(findings[0].offset + findings[0].length, text.size()) << text;
    EXPECT_EQ(text[findings[0].offset], '1') << text;  // the prefix is not part of the number
  }
}

TEST(PiiScan, DigitsGluedToChineseAndLetters) {
  EXPECT_EQ(KindsIn("张三13812345678李四"), std::vector<Kind>{Kind::kPhone});
  EXPECT_EQ(KindsIn("ID:" + std::string(kId) + "ok"), std::vector<Kind>{Kind::kIdNumber});
}

TEST(PiiScan, BankCardNeedsLuhnAndLength) {
  EXPECT_EQ(KindsIn("卡号6217001234567893"), std::vector<Kind>{Kind::kBankCard});  // 16 digits
  EXPECT_TRUE(KindsIn("卡号6217001234567894").empty());                            // Luhn fails
  EXPECT_TRUE(KindsIn("编号123456789012345678901").empty());                       // 21 digits
}

TEST(PiiScan, AnIdNumberIsNotAlsoReportedAsACard) {
  // This ID number also passes the Luhn check; it must be reported once, as an ID number.
  const auto findings = ContainsPersonalData("320102198001010454");
  ASSERT_EQ(findings.size(), 1u);
  EXPECT_EQ(findings[0].kind, Kind::kIdNumber);
}

TEST(PiiScan, CleanAndHostileNonPersonalText) {
  EXPECT_TRUE(KindsIn("").empty());
  EXPECT_TRUE(KindsIn("2024年3月15日，拖欠工资 1,234,567.89 元，涉及工人 35 名。").empty());
  EXPECT_TRUE(KindsIn(std::string(100000, '9')).empty());
  EXPECT_TRUE(KindsIn("\xFF\xFE\xC0\xAF\xE5").empty());
  std::string spaced_ones;
  for (int i = 0; i < 20000; ++i) spaced_ones += "1 ";
  EXPECT_TRUE(KindsIn(spaced_ones).empty());  // no 1[3-9]: still no phone, and it terminates fast
}

TEST(PiiScan, InvalidUtf8AroundAPhoneDoesNotHideIt) {
  EXPECT_EQ(KindsIn("\xFF"
                    "13812345678"
                    "\xC0"),
            std::vector<Kind>{Kind::kPhone});
}

TEST(NormalizeIdentifier, FoldsWidthCaseAndSeparators) {
  EXPECT_EQ(NormalizeIdentifier("１１０１０５ 1949-1231\u200B００２ｘ"), "11010519491231002X");
  EXPECT_EQ(NormalizeIdentifier("138 1234 5678"), "13812345678");
  EXPECT_EQ(NormalizeIdentifier("张三"), "张三");
}

}  // namespace
}  // namespace wagelink::security
