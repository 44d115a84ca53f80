#pragma once
// Display masks for personal data in every API response (PII is revealed in full only through the
// audited reveal flow). All masks work on code points, never cut a UTF-8 sequence, keep the length,
// and for inputs that do not look like the expected value reveal at most half of the characters.
// Input that is not valid UTF-8 is masked completely.
#include <string>
#include <string_view>

namespace wagelink::security {

// "110101199003071234" -> "1101**********1234" (first 4, last 4).
std::string MaskIdNumber(std::string_view id_number);

// 11-digit mainland mobile: "13812345678" -> "138****5678"; anything else at most half shown.
std::string MaskPhone(std::string_view phone);

// "6222021234567890123" -> "6222***********0123" (first 4, last 4).
std::string MaskBankCard(std::string_view card_number);

// "张三" -> "张*", "王小明" -> "王**", "欧阳娜娜" -> "欧阳**", one character -> "*".
std::string MaskPersonName(std::string_view name);

}  // namespace wagelink::security
