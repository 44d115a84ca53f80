#pragma once
// Validators for the identifiers a wage case carries. Each returns a Status whose zh/en message names
// the field but never echoes the value: these are personal data (ARCHITECTURE.md, PII masked
// everywhere), and error messages end up in logs and problem+json bodies.
//
// The check-character functions are public so that fixtures and the benchmark data generator can
// produce valid identifiers.
#include <optional>
#include <string_view>

#include "core/error.h"
#include "domain/civil_date.h"

namespace wagelink::domain {

// 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence and an
// ISO 7064 MOD 11-2 check character ('0'-'9' or upper-case 'X'). The province part of the region code
// must exist in GB/T 2260 (incl. 81/82/83 used by 港澳台居民居住证). When `today` is given, a birth date
// after it is refused (the domain never reads the clock itself).
Status ValidateResidentIdNumber(std::string_view id, std::string_view field = "id_number",
                                std::optional<CivilDate> today = std::nullopt);
// Check character for the first 17 digits, or nullopt if they are not 17 digits.
std::optional<char> ResidentIdCheckCharacter(std::string_view first17);

// 统一社会信用代码 (GB 32100-2015): 18 characters from "0-9 A-H J-N P-R T U W-Y" (no I O S V Z), the
// 3rd-8th being the administrative-division digits, the 18th a MOD 31 check character.
Status ValidateUnifiedSocialCreditCode(std::string_view code, std::string_view field = "credit_code");
std::optional<char> CreditCodeCheckCharacter(std::string_view first17);

// Mainland mobile number: 11 digits, "1" then 3-9. No "+86", spaces or dashes (callers normalise).
Status ValidateMobileNumber(std::string_view number, std::string_view field = "mobile");

// Bank card number: 12-19 digits whose last digit is the Luhn check digit.
// A free-text field: a required one must hold more than white space; at most `max_bytes` bytes.
Status ValidateText(std::string_view field, std::string_view value, std::size_t max_bytes, bool required);

Status ValidateBankCardNumber(std::string_view number, std::string_view field = "bank_card");
// Luhn check digit to append to `payload` (digits only), or nullopt.
std::optional<char> LuhnCheckDigit(std::string_view payload);

}  // namespace wagelink::domain
