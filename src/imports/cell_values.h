#pragma once
// Cell text as people type it in Chinese spreadsheets → the values the domain takes. Amounts,
// dates and months come in many spellings ("21,300.50元", "2025/3/5", "2025年3月", an Excel date
// serial); each parser accepts those and refuses anything ambiguous with a message naming the field.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"
#include "domain/civil_date.h"
#include "domain/money.h"

namespace wagelink::imports {

// Yuan with optional thousands separators, currency sign or 元 → exact fen.
Result<domain::Fen> ParseAmountCell(std::string_view text, std::string_view field);
// A date or date-time in Asia/Shanghai: 2025-03-05, 2025/3/5, 2025.3.5, 2025年3月5日, each optionally
// followed by " HH:MM[:SS]"; or an Excel serial (45721 or 45721.5). A bare date means 00:00.
Result<domain::Instant> ParseInstantCell(std::string_view text, std::string_view field);
// A month as YYYY-MM: 2025-03, 2025/3, 2025年3月, a full date, or an Excel serial.
Result<std::string> ParseMonthCell(std::string_view text, std::string_view field);
// A non-negative whole number ("3", "3.0" from Excel, "3个月").
Result<std::int64_t> ParseCountCell(std::string_view text, std::string_view field);
// 单位/企业/公司 → unit, 个人/个体 → individual, 包工头/班组长/不具备用工主体资格 → unqualified_contractor,
// or the codes themselves; empty → unit.
Result<std::string> ParseEmployerKindCell(std::string_view text, std::string_view field);
// 是/否, Y/N, yes/no, true/false, 1/0, √/× → a yes-or-no; anything else (also empty) is refused:
// a guess would decide whether wages count as paid through the special account.
Result<bool> ParseYesNoCell(std::string_view text, std::string_view field);
// A special-account transaction's purpose from its code or the words of a bank statement's 摘要:
// 人工费(用) → labour_cost, 工资/代发 → wage_payment, anything else → other (interest, fees, material
// payments); empty is refused.
Result<std::string> ParseAccountPurposeCell(std::string_view text, std::string_view field);
// Identifiers without the spaces, dashes and "+86" people type; a lower-case x check character upper-cased.
std::string NormalisedIdentifierCell(std::string_view text);

}  // namespace wagelink::imports
