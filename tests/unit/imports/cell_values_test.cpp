#include "imports/cell_values.h"

#include <gtest/gtest.h>

namespace wagelink::imports {
namespace {

TEST(CellValues, AmountsAsPeopleTypeThem) {
  EXPECT_EQ(ParseAmountCell("21,300.50元", "owed_yuan")->fen(), 2130050);
  EXPECT_EQ(ParseAmountCell("￥8000", "owed_yuan")->fen(), 800000);
  EXPECT_EQ(ParseAmountCell("8100.1", "owed_yuan")->fen(), 810010);
  for (auto bad : {"", "-5", "1e5", "12.345", "abc", "99999999999999999999"}) {
    auto amount = ParseAmountCell(bad, "owed_yuan");
    ASSERT_FALSE(amount) << bad;
    EXPECT_EQ(amount.error().field, "owed_yuan");
  }
}

TEST(CellValues, DatesInEverySpellingAndExcelSerials) {
  auto iso = [](std::string_view text) { return ParseInstantCell(text, "received_at")->ToIsoShanghai(); };
  EXPECT_EQ(iso("2025-03-05"), "2025-03-05T00:00:00+08:00");
  EXPECT_EQ(iso("2025/3/5 8:30"), "2025-03-05T08:30:00+08:00");
  EXPECT_EQ(iso("2025年3月5日"), "2025-03-05T00:00:00+08:00");
  EXPECT_EQ(iso("2025-03-05T08:30:15"), "2025-03-05T08:30:15+08:00");
  EXPECT_EQ(iso("45721"), "2025-03-05T00:00:00+08:00");
  EXPECT_EQ(iso("45721.5"), "2025-03-05T12:00:00+08:00");
  for (auto bad : {"", "20250305", "2025-02-30", "yesterday", "2025-03-05 25:00"}) EXPECT_FALSE(ParseInstantCell(bad, "received_at")) << bad;
}

TEST(CellValues, MonthsCountsKindsAndIdentifiers) {
  EXPECT_EQ(*ParseMonthCell("2025年3月", "period_from"), "2025-03");
  EXPECT_EQ(*ParseMonthCell("2025/3", "period_from"), "2025-03");
  EXPECT_EQ(*ParseMonthCell("45721", "period_from"), "2025-03");
  EXPECT_FALSE(ParseMonthCell("2025-13", "period_from"));
  EXPECT_EQ(*ParseCountCell("3个月", "months_unpaid"), 3);
  EXPECT_EQ(*ParseCountCell("4.0", "months_unpaid"), 4);
  EXPECT_FALSE(ParseCountCell("-1", "months_unpaid"));
  EXPECT_EQ(*ParseEmployerKindCell("包工头", "employer_kind"), "unqualified_contractor");
  EXPECT_EQ(*ParseEmployerKindCell("", "employer_kind"), "unit");
  EXPECT_FALSE(ParseEmployerKindCell("外星人", "employer_kind"));
  EXPECT_EQ(NormalisedIdentifierCell("+86 138-0013-8000"), "13800138000");
  EXPECT_EQ(NormalisedIdentifierCell("11010119900307777x"), "11010119900307777X");
}

TEST(CellValues, YesNoAndStatementPurposes) {
  for (auto yes : {"是", "Y", "yes", "TRUE", "1", "√"}) EXPECT_TRUE(*ParseYesNoCell(yes, "through_special_account")) << yes;
  for (auto no : {"否", "n", "No", "false", "0", "×"}) EXPECT_FALSE(*ParseYesNoCell(no, "through_special_account")) << no;
  for (auto bad : {"", "也许", "专户", "2"}) {
    auto answer = ParseYesNoCell(bad, "through_special_account");
    ASSERT_FALSE(answer) << bad;
    EXPECT_EQ(answer.error().field, "through_special_account");
  }
  EXPECT_EQ(*ParseAccountPurposeCell("人工费用拨付", "purpose"), "labour_cost");
  EXPECT_EQ(*ParseAccountPurposeCell("11月人工费", "purpose"), "labour_cost");
  EXPECT_EQ(*ParseAccountPurposeCell("代发工资", "purpose"), "wage_payment");
  EXPECT_EQ(*ParseAccountPurposeCell("批量代发", "purpose"), "wage_payment");
  EXPECT_EQ(*ParseAccountPurposeCell("wage_payment", "purpose"), "wage_payment");
  EXPECT_EQ(*ParseAccountPurposeCell("结息", "purpose"), "other") << "interest is neither";
  EXPECT_FALSE(ParseAccountPurposeCell(" ", "purpose"));
}

}  // namespace
}  // namespace wagelink::imports
