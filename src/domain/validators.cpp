#include "domain/validators.h"

#include <algorithm>
#include <array>
#include <string>

namespace wagelink::domain {
namespace {

bool AllDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

Status Invalid(std::string_view field, std::string_view what_zh, std::string_view what_en, std::string_view why_zh,
               std::string_view why_en) {
  return MakeError(ErrorCode::kValidationFailed, std::string(field) + "：" + std::string(what_zh) + std::string(why_zh),
                   std::string(field) + ": " + std::string(what_en) + " " + std::string(why_en), std::string(field));
}

// GB/T 2260 province-level codes (first two digits of an administrative-division code).
constexpr std::array<int, 35> kProvinceCodes{11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43,
                                             44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83};

// GB 11643: weight of position i is 2^(17-i) mod 11; the check maps (sum mod 11) to this table.
constexpr std::array<int, 17> kIdWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view kIdCheckTable = "10X98765432";

// GB 32100-2015 character set (31 symbols) and weights 3^(i) mod 31.
constexpr std::string_view kCreditCodeCharset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
constexpr std::array<int, 17> kCreditCodeWeights{1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

constexpr std::string_view kIdZh = "居民身份证号码";
constexpr std::string_view kIdEn = "resident ID number";
constexpr std::string_view kCodeZh = "统一社会信用代码";
constexpr std::string_view kCodeEn = "unified social credit code";
constexpr std::string_view kMobileZh = "手机号码";
constexpr std::string_view kMobileEn = "mobile number";
constexpr std::string_view kCardZh = "银行卡号";
constexpr std::string_view kCardEn = "bank card number";

}  // namespace

std::optional<char> ResidentIdCheckCharacter(std::string_view first17) {
  if (first17.size() != 17 || !AllDigits(first17)) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kIdWeights[i];
  return kIdCheckTable[static_cast<std::size_t>(sum % 11)];
}

Status ValidateResidentIdNumber(std::string_view id, std::string_view field, std::optional<CivilDate> today) {
  if (id.size() != 18) {
    return Invalid(field, kIdZh, kIdEn, "应为18位", "must have 18 characters");
  }
  if (!AllDigits(id.substr(0, 17)) || !(AllDigits(id.substr(17)) || id[17] == 'X')) {
    return Invalid(field, kIdZh, kIdEn, "前17位应为数字，末位为数字或大写X",
                   "must be 17 digits followed by a digit or upper-case X");
  }
  const int province = (id[0] - '0') * 10 + (id[1] - '0');
  if (std::find(kProvinceCodes.begin(), kProvinceCodes.end(), province) == kProvinceCodes.end()) {
    return Invalid(field, kIdZh, kIdEn, "的地区码不存在", "has an unknown region code");
  }
  const auto birth = CivilDate::ParseIso(std::string(id.substr(6, 4)) + "-" + std::string(id.substr(10, 2)) + "-" +
                                         std::string(id.substr(12, 2)));
  if (!birth || birth->year() < 1900 || (today && *birth > *today)) {
    return Invalid(field, kIdZh, kIdEn, "的出生日期无效", "has an invalid birth date");
  }
  if (ResidentIdCheckCharacter(id.substr(0, 17)) != id[17]) {
    return Invalid(field, kIdZh, kIdEn, "校验码错误", "has a wrong check character");
  }
  return Ok{};
}

std::optional<char> CreditCodeCheckCharacter(std::string_view first17) {
  if (first17.size() != 17) return std::nullopt;
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) {
    const std::size_t value = kCreditCodeCharset.find(first17[i]);
    if (value == std::string_view::npos) return std::nullopt;
    sum += static_cast<int>(value) * kCreditCodeWeights[i];
  }
  const int check = (31 - sum % 31) % 31;
  return kCreditCodeCharset[static_cast<std::size_t>(check)];
}

Status ValidateUnifiedSocialCreditCode(std::string_view code, std::string_view field) {
  if (code.size() != 18) {
    return Invalid(field, kCodeZh, kCodeEn, "应为18位", "must have 18 characters");
  }
  for (const char c : code) {
    if (kCreditCodeCharset.find(c) == std::string_view::npos) {
      return Invalid(field, kCodeZh, kCodeEn, "含有不允许的字符（仅限数字和除 I、O、S、V、Z 外的大写字母）",
                     "contains a character outside digits and upper-case letters without I, O, S, V, Z");
    }
  }
  if (!AllDigits(code.substr(2, 6))) {
    return Invalid(field, kCodeZh, kCodeEn, "第3至8位行政区划码应为数字",
                   "must carry a 6-digit administrative-division code in positions 3-8");
  }
  if (CreditCodeCheckCharacter(code.substr(0, 17)) != code[17]) {
    return Invalid(field, kCodeZh, kCodeEn, "校验码错误", "has a wrong check character");
  }
  return Ok{};
}

Status ValidateMobileNumber(std::string_view number, std::string_view field) {
  if (number.size() != 11 || !AllDigits(number) || number[0] != '1' || number[1] < '3') {
    return Invalid(field, kMobileZh, kMobileEn, "应为以1开头、第二位为3-9的11位数字",
                   "must be 11 digits starting with 1 and then 3-9");
  }
  return Ok{};
}

std::optional<char> LuhnCheckDigit(std::string_view payload) {
  if (payload.empty() || !AllDigits(payload)) return std::nullopt;
  // Double every second digit counting leftwards from the digit next to the (future) check digit.
  int sum = 0;
  bool doubled = true;
  for (auto it = payload.rbegin(); it != payload.rend(); ++it) {
    int digit = *it - '0';
    if (doubled) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    doubled = !doubled;
  }
  return static_cast<char>('0' + (10 - sum % 10) % 10);
}

Status ValidateBankCardNumber(std::string_view number, std::string_view field) {
  if (number.size() < 12 || number.size() > 19 || !AllDigits(number)) {
    return Invalid(field, kCardZh, kCardEn, "应为12至19位数字", "must be 12 to 19 digits");
  }
  if (LuhnCheckDigit(number.substr(0, number.size() - 1)) != number.back()) {
    return Invalid(field, kCardZh, kCardEn, "校验位错误（Luhn）", "fails the Luhn check");
  }
  return Ok{};
}

Status ValidateText(std::string_view field, std::string_view value, std::size_t max_bytes, bool required) {
  if (required && value.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return InvalidField(field, "不能为空", "is required");
  }
  if (value.size() > max_bytes) {
    return InvalidField(field, "过长（不超过" + std::to_string(max_bytes) + "字节）",
                        "too long (at most " + std::to_string(max_bytes) + " bytes)");
  }
  return Ok{};
}

}  // namespace wagelink::domain
