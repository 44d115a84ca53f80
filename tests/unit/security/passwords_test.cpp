#include "security/passwords.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace wagelink::security {
namespace {

const Argon2Cost kFast = Argon2Cost::Minimum();

std::string Hash(std::string_view password) {
  auto hash = HashPassword(password, kFast);
  EXPECT_TRUE(hash.ok());
  return hash.ok() ? hash.value() : std::string();
}

TEST(Passwords, HashIsArgon2idAndVerifiesOnlyTheRightPassword) {
  const std::string hash = Hash("Correct-Horse-42");
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(VerifyPassword(hash, "Correct-Horse-42"));
  EXPECT_FALSE(VerifyPassword(hash, "correct-horse-42"));
  EXPECT_FALSE(VerifyPassword(hash, ""));
}

TEST(Passwords, SamePasswordGetsADifferentSaltEachTime) {
  EXPECT_NE(Hash("Correct-Horse-42"), Hash("Correct-Horse-42"));
}

TEST(Passwords, MalformedOrEmptyStoredHashNeverVerifies) {
  EXPECT_FALSE(VerifyPassword("", ""));
  EXPECT_FALSE(VerifyPassword("plaintext", "plaintext"));
  EXPECT_FALSE(VerifyPassword(std::string(1000, '$'), "x"));
  std::string hash = Hash("Correct-Horse-42");
  hash.back() = hash.back() == 'A' ? 'B' : 'A';
  EXPECT_FALSE(VerifyPassword(hash, "Correct-Horse-42"));
}

TEST(Passwords, PasswordWithEmbeddedNulIsNotTruncated) {
  const std::string with_nul("Abc\0def-123", 11);
  const std::string hash = Hash(with_nul);
  EXPECT_TRUE(VerifyPassword(hash, with_nul));
  EXPECT_FALSE(VerifyPassword(hash, "Abc"));
}

TEST(Passwords, DefaultConstructedViewsAreSafe) {
  // An empty std::string_view may carry a null pointer, which libsodium declares non-null.
  const std::string hash = Hash(std::string_view{});
  EXPECT_TRUE(VerifyPassword(hash, std::string_view{}));
  EXPECT_FALSE(VerifyPassword(hash, "x"));
  EXPECT_FALSE(VerifyPassword(std::string_view{}, std::string_view{}));
  EXPECT_FALSE(CheckPasswordPolicy(std::string_view{}, std::string_view{}, PasswordPolicy{}, {}).ok());
}

TEST(Passwords, NeedsRehashWhenCostChangesOrHashIsForeign) {
  const std::string hash = Hash("Correct-Horse-42");
  EXPECT_FALSE(PasswordNeedsRehash(hash, kFast));
  EXPECT_TRUE(PasswordNeedsRehash(hash, Argon2Cost::Interactive()));
  EXPECT_TRUE(PasswordNeedsRehash("not-a-hash", kFast));
  EXPECT_TRUE(PasswordNeedsRehash("", kFast));
}

TEST(PasswordPolicy, AcceptsAGoodPassword) {
  EXPECT_TRUE(CheckPasswordPolicy("Wage-Link-2024", "zhaoming", PasswordPolicy{}, {}).ok());
}

TEST(PasswordPolicy, RefusesShortPasswordCountingCharactersNotBytes) {
  // Five Chinese characters are 15 bytes but only 5 characters.
  const auto status = CheckPasswordPolicy("欠薪Aa1", "u", PasswordPolicy{}, {});
  ASSERT_FALSE(status.ok());
  EXPECT_EQ(status.error().code, ErrorCode::kValidationFailed);
  EXPECT_EQ(status.error().field, "new_password");
  EXPECT_NE(status.error().message_zh.find("长度至少 10 个字符"), std::string::npos);
  EXPECT_NE(status.error().message_en.find("at least 10 characters"), std::string::npos);
}

TEST(PasswordPolicy, RequiresThreeOfFourCharacterClasses) {
  EXPECT_FALSE(CheckPasswordPolicy("alllowercase1", "u", PasswordPolicy{}, {}).ok());  // 2 classes
  EXPECT_FALSE(CheckPasswordPolicy("ALLUPPER-CASE", "u", PasswordPolicy{}, {}).ok());  // 2 classes
  EXPECT_TRUE(CheckPasswordPolicy("lowercase-123", "u", PasswordPolicy{}, {}).ok());   // 3 classes
  EXPECT_TRUE(CheckPasswordPolicy("Lowercase1234", "u", PasswordPolicy{}, {}).ok());   // 3 classes
  EXPECT_TRUE(CheckPasswordPolicy("工资Lowercase9", "u", PasswordPolicy{}, {}).ok());  // 汉字 count as symbols
}

TEST(PasswordPolicy, RefusesUsernameInsideRegardlessOfCase) {
  const auto status = CheckPasswordPolicy("xxZhaoMing-2024", "zhaoming", PasswordPolicy{}, {});
  ASSERT_FALSE(status.ok());
  EXPECT_NE(status.error().message_zh.find("不得包含用户名"), std::string::npos);
  EXPECT_NE(status.error().message_en.find("username"), std::string::npos);
}

TEST(PasswordPolicy, ListsEveryProblemAndNeverEchoesThePassword) {
  const auto status = CheckPasswordPolicy("zhaoming", "zhaoming", PasswordPolicy{}, {});
  ASSERT_FALSE(status.ok());
  const Error& error = status.error();
  EXPECT_NE(error.message_zh.find("长度"), std::string::npos);
  EXPECT_NE(error.message_zh.find("3 类"), std::string::npos);
  EXPECT_NE(error.message_zh.find("用户名"), std::string::npos);
  const std::vector<std::string> history{Hash("Secret-Value-7")};
  const auto status2 = CheckPasswordPolicy("Secret-Value-7", "zhaoming", PasswordPolicy{}, history);
  ASSERT_FALSE(status2.ok());
  EXPECT_EQ(status2.error().message_zh.find("Secret-Value-7"), std::string::npos);
  EXPECT_EQ(status2.error().message_en.find("Secret-Value-7"), std::string::npos);
}

TEST(PasswordPolicy, RefusesReuseOfAnyOfTheLastFivePasswords) {
  std::vector<std::string> history;  // newest first
  for (int i = 6; i >= 1; --i) history.push_back(Hash("Old-Password-" + std::to_string(i)));
  for (int i = 2; i <= 6; ++i) {
    const auto status = CheckPasswordPolicy("Old-Password-" + std::to_string(i), "u", PasswordPolicy{}, history);
    ASSERT_FALSE(status.ok()) << i;
    EXPECT_NE(status.error().message_zh.find("最近 5 次"), std::string::npos);
  }
  // The sixth-newest is outside the history depth and may be used again.
  EXPECT_TRUE(CheckPasswordPolicy("Old-Password-1", "u", PasswordPolicy{}, history).ok());
}

TEST(PasswordPolicy, HistoryDepthZeroDisablesTheCheck) {
  PasswordPolicy policy;
  policy.history_depth = 0;
  EXPECT_TRUE(CheckPasswordPolicy("Old-Password-1", "u", policy, std::vector{Hash("Old-Password-1")}).ok());
}

TEST(PasswordPolicy, RefusesControlCharactersAndInvalidUtf8) {
  EXPECT_FALSE(CheckPasswordPolicy("Good-Pass\n2024", "u", PasswordPolicy{}, {}).ok());
  EXPECT_FALSE(CheckPasswordPolicy(std::string("Good-Pass\0"
                                               "2024",
                                               14),
                                   "u", PasswordPolicy{}, {})
                   .ok());
  EXPECT_FALSE(CheckPasswordPolicy("Good-Pass-\xC0\xAF"
                                   "2024",
                                   "u", PasswordPolicy{}, {})
                   .ok());
}

TEST(PasswordPolicy, RefusesOverlongPasswords) {
  const std::string long_password = "Aa1-" + std::string(200, 'x');
  EXPECT_FALSE(CheckPasswordPolicy(long_password, "u", PasswordPolicy{}, {}).ok());
}

TEST(PasswordPolicy, ExpiresAfterMaxAgeDays) {
  using namespace std::chrono;
  const sys_seconds changed{seconds{1'700'000'000}};
  const PasswordPolicy policy;
  EXPECT_FALSE(IsPasswordExpired(changed, changed + days(89), policy));
  EXPECT_TRUE(IsPasswordExpired(changed, changed + days(90), policy));
  PasswordPolicy never;
  never.max_age_days = 0;
  EXPECT_FALSE(IsPasswordExpired(changed, changed + days(10000), never));
}

}  // namespace
}  // namespace wagelink::security
