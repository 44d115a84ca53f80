#include "domain/validators.h"

#include <gtest/gtest.h>

#include <string>

namespace wagelink::domain {
namespace {

// Check characters below were computed independently (Python) from GB 11643 / GB 32100 / Luhn.

TEST(ResidentIdNumber, AcceptsValidNumbersIncludingCheckCharacterX) {
  for (const std::string_view id :
       {"11010519491231002X", "44030419900307123X", "320102198501010055", "410102200002290015", "110101199001010015"}) {
    EXPECT_TRUE(ValidateResidentIdNumber(id).ok()) << id;
  }
}

TEST(ResidentIdNumber, ComputesTheIso7064CheckCharacter) {
  EXPECT_EQ(ResidentIdCheckCharacter("11010519491231002"), 'X');
  EXPECT_EQ(ResidentIdCheckCharacter("32010219850101005"), '5');
  EXPECT_EQ(ResidentIdCheckCharacter("1101051949123100"), std::nullopt);
  EXPECT_EQ(ResidentIdCheckCharacter("1101051949123100A"), std::nullopt);
}

TEST(ResidentIdNumber, RejectsWrongCheckCharacterNamingTheFieldButNotTheValue) {
  const auto status = ValidateResidentIdNumber("110105194912310021", "workers[0].id_number");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kValidationFailed);
  EXPECT_EQ(status.error().field, "workers[0].id_number");
  EXPECT_NE(status.error().message_zh.find("居民身份证号码"), std::string::npos);
  EXPECT_NE(status.error().message_en.find("check character"), std::string::npos);
  EXPECT_EQ(status.error().message_zh.find("110105194912310021"), std::string::npos);
  EXPECT_EQ(status.error().message_en.find("110105194912310021"), std::string::npos);
}

TEST(ResidentIdNumber, RejectsLengthCharsetLowercaseXRegionAndBirthDate) {
  EXPECT_FALSE(ValidateResidentIdNumber("11010519491231002").ok());    // 17 chars
  EXPECT_FALSE(ValidateResidentIdNumber("11010519491231002XX").ok());  // 19 chars
  EXPECT_FALSE(ValidateResidentIdNumber("11010519491231002x").ok());   // lower-case x
  EXPECT_FALSE(ValidateResidentIdNumber("1101051949123100AX").ok());   // letter inside
  EXPECT_FALSE(ValidateResidentIdNumber("110105194913310020").ok());   // month 13
  // Region 99 does not exist; build the number with a correct check character so only the region fails.
  const std::string bad_region = std::string("99010519491231002") + *ResidentIdCheckCharacter("99010519491231002");
  EXPECT_FALSE(ValidateResidentIdNumber(bad_region).ok());
  // 2025-02-29 does not exist.
  const std::string bad_birth = std::string("11010120250229001") + *ResidentIdCheckCharacter("11010120250229001");
  EXPECT_FALSE(ValidateResidentIdNumber(bad_birth).ok());
  // Born before 1900.
  const std::string too_old = std::string("11010118991231001") + *ResidentIdCheckCharacter("11010118991231001");
  EXPECT_FALSE(ValidateResidentIdNumber(too_old).ok());
}

TEST(ResidentIdNumber, RejectsBirthDateAfterTodayWhenTodayIsGiven) {
  const std::string born_2026 = std::string("11010120260301001") + *ResidentIdCheckCharacter("11010120260301001");
  EXPECT_TRUE(ValidateResidentIdNumber(born_2026).ok());
  EXPECT_FALSE(ValidateResidentIdNumber(born_2026, "id_number", CivilDate::ParseIso("2026-02-28").value()).ok());
  EXPECT_TRUE(ValidateResidentIdNumber(born_2026, "id_number", CivilDate::ParseIso("2026-03-01").value()).ok());
}

TEST(ResidentIdNumber, AcceptsHongKongMacaoTaiwanResidencePermitRegions) {
  for (const std::string_view first17 : {"81000019900101001", "82000019900101001", "83000019900101001"}) {
    const std::string id = std::string(first17) + *ResidentIdCheckCharacter(first17);
    EXPECT_TRUE(ValidateResidentIdNumber(id).ok()) << id;
  }
}

TEST(UnifiedSocialCreditCode, AcceptsValidCodes) {
  for (const std::string_view code :
       {"91350100M000100Y43", "91110000100006485K", "91440300MA5F123452", "52110000500021676T", "12100000400000624D"}) {
    EXPECT_TRUE(ValidateUnifiedSocialCreditCode(code).ok()) << code;
  }
}

TEST(UnifiedSocialCreditCode, ComputesTheMod31CheckCharacter) {
  EXPECT_EQ(CreditCodeCheckCharacter("91350100M000100Y4"), '3');
  EXPECT_EQ(CreditCodeCheckCharacter("91110000100006485"), 'K');
  EXPECT_EQ(CreditCodeCheckCharacter("9135010OM000100Y4"), std::nullopt);  // letter O not allowed
}

TEST(UnifiedSocialCreditCode, RejectsWrongCheckForbiddenLettersRegionAndLength) {
  const auto wrong_check = ValidateUnifiedSocialCreditCode("91350100M000100Y44", "employer.credit_code");
  ASSERT_FALSE(wrong_check.ok());
  EXPECT_EQ(wrong_check.error().field, "employer.credit_code");
  EXPECT_NE(wrong_check.error().message_zh.find("统一社会信用代码"), std::string::npos);
  for (const char forbidden : {'I', 'O', 'S', 'V', 'Z'}) {
    std::string code = "91350100M000100Y43";
    code[9] = forbidden;
    EXPECT_FALSE(ValidateUnifiedSocialCreditCode(code).ok()) << forbidden;
  }
  EXPECT_FALSE(ValidateUnifiedSocialCreditCode("91350100m000100Y43").ok());  // lower case
  EXPECT_FALSE(ValidateUnifiedSocialCreditCode("91350100M000100Y4").ok());
  const std::string letters_in_region =
      std::string("91AB0100M000100Y4") + *CreditCodeCheckCharacter("91AB0100M000100Y4");
  EXPECT_FALSE(ValidateUnifiedSocialCreditCode(letters_in_region).ok());
}

TEST(MobileNumber, AcceptsMainlandNumbersAndRejectsOthers) {
  for (const std::string_view number : {"13800138000", "19912345678", "15012345678"}) {
    EXPECT_TRUE(ValidateMobileNumber(number).ok()) << number;
  }
  for (const std::string_view number : {"12800138000", "1380013800", "138001380000", "+8613800138000", "138-0013-8000",
                                        "23800138000", "1380013800a", ""}) {
    const auto status = ValidateMobileNumber(number, "contact.mobile");
    ASSERT_FALSE(status.ok()) << number;
    EXPECT_EQ(status.error().field, "contact.mobile");
    EXPECT_NE(status.error().message_zh.find("手机号码"), std::string::npos);
  }
}

TEST(BankCardNumber, AcceptsLuhnValidNumbersOf12To19Digits) {
  for (const std::string_view number :
       {"4111111111111111", "6222021234567890128", "6212260200000009", "622848012345678900", "401288888888183"}) {
    EXPECT_TRUE(ValidateBankCardNumber(number).ok()) << number;
  }
  const std::string twelve = std::string("12345678901") + *LuhnCheckDigit("12345678901");
  EXPECT_TRUE(ValidateBankCardNumber(twelve).ok());
}

TEST(BankCardNumber, RejectsLuhnFailuresLengthAndNonDigits) {
  const auto status = ValidateBankCardNumber("4111111111111112", "workers[2].bank_card");
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().field, "workers[2].bank_card");
  EXPECT_NE(status.error().message_en.find("Luhn"), std::string::npos);
  EXPECT_FALSE(ValidateBankCardNumber("41111111111").ok());           // 11 digits
  EXPECT_FALSE(ValidateBankCardNumber("62220212345678901280").ok());  // 20 digits
  EXPECT_FALSE(ValidateBankCardNumber("4111 1111 1111 1111").ok());
  EXPECT_FALSE(ValidateBankCardNumber("").ok());
  EXPECT_EQ(LuhnCheckDigit("411111111111111"), '1');
  EXPECT_EQ(LuhnCheckDigit("41111a"), std::nullopt);
}

}  // namespace
}  // namespace wagelink::domain
