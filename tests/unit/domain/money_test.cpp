#include "domain/money.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace wagelink::domain {
namespace {

TEST(Fen, ParsesYuanDecimalStringsExactly) {
  EXPECT_EQ(Fen::ParseYuan("186400").value().fen(), 18640000);
  EXPECT_EQ(Fen::ParseYuan("186400.5").value().fen(), 18640050);
  EXPECT_EQ(Fen::ParseYuan("21300.00").value().fen(), 2130000);
  EXPECT_EQ(Fen::ParseYuan("0.05").value().fen(), 5);
  EXPECT_EQ(Fen::ParseYuan("0").value().fen(), 0);
  EXPECT_EQ(Fen::ParseYuan("007").value().fen(), 700);
  EXPECT_EQ(Fen::ParseYuan("92233720368547758.07").value().fen(), std::numeric_limits<std::int64_t>::max());
}

TEST(Fen, RejectsGarbageSignsAndMoreThanTwoDecimals) {
  for (const std::string_view text : {"", "-1", "-0", "+1", "1.", ".5", "1.234", "1,000", "1e3", " 1", "1 ", "abc",
                                      "1.2.3", "１", "0x10", "1.-5", "NaN"}) {
    const auto amount = Fen::ParseYuan(text, "workers[3].owed_yuan");
    ASSERT_FALSE(amount.ok()) << text;
    EXPECT_EQ(amount.error().code, ErrorCode::kValidationFailed);
    EXPECT_EQ(amount.error().field, "workers[3].owed_yuan");
    EXPECT_NE(amount.error().message_en.find("workers[3].owed_yuan"), std::string::npos);
  }
}

TEST(Fen, RejectsOverflowInsteadOfWrapping) {
  EXPECT_FALSE(Fen::ParseYuan("92233720368547758.08").ok());
  EXPECT_FALSE(Fen::ParseYuan("92233720368547759").ok());
  EXPECT_FALSE(Fen::ParseYuan("99999999999999999999999999").ok());
  EXPECT_FALSE(Fen::FromYuan(std::numeric_limits<std::int64_t>::max() / 100 + 1).ok());
  EXPECT_EQ(Fen::FromYuan(5000).value().fen(), 500000);
}

TEST(Fen, ConvertsJsonDoublesThroughTheirShortestDecimalSpelling) {
  EXPECT_EQ(Fen::FromYuanDouble(8100.5).value().fen(), 810050);
  EXPECT_EQ(Fen::FromYuanDouble(0.1).value().fen(), 10);
  EXPECT_EQ(Fen::FromYuanDouble(21300.57).value().fen(), 2130057);
  EXPECT_EQ(Fen::FromYuanDouble(1e8).value().fen(), 10000000000);
  EXPECT_EQ(Fen::FromYuanDouble(186400.0).value().fen(), 18640000);
  EXPECT_FALSE(Fen::FromYuanDouble(1.005).ok());  // three decimals: refused, never rounded
  EXPECT_FALSE(Fen::FromYuanDouble(-1.0).ok());
  EXPECT_FALSE(Fen::FromYuanDouble(-0.0).ok());
  EXPECT_FALSE(Fen::FromYuanDouble(std::nan("")).ok());
  EXPECT_FALSE(Fen::FromYuanDouble(INFINITY).ok());
  EXPECT_FALSE(Fen::FromYuanDouble(1e17).ok());
  EXPECT_FALSE(Fen::FromYuanDouble(1e-300).ok());
}

TEST(Fen, FormatsGroupedAndPlainYuan) {
  EXPECT_EQ(Fen::FromFen(18640000).ToYuanGrouped(), "186,400.00");
  EXPECT_EQ(Fen::FromFen(18640000).ToYuanPlain(), "186400.00");
  EXPECT_EQ(Fen::FromFen(0).ToYuanGrouped(), "0.00");
  EXPECT_EQ(Fen::FromFen(5).ToYuanGrouped(), "0.05");
  EXPECT_EQ(Fen::FromFen(99999).ToYuanGrouped(), "999.99");
  EXPECT_EQ(Fen::FromFen(100000).ToYuanGrouped(), "1,000.00");
  EXPECT_EQ(Fen::FromFen(100000000).ToYuanGrouped(), "1,000,000.00");
  EXPECT_EQ(Fen::FromFen(-123456).ToYuanGrouped(), "-1,234.56");
  EXPECT_EQ(Fen::FromFen(std::numeric_limits<std::int64_t>::min()).ToYuanGrouped(), "-92,233,720,368,547,758.08");
  EXPECT_EQ(Fen::FromFen(std::numeric_limits<std::int64_t>::max()).ToYuanPlain(), "92233720368547758.07");
}

TEST(Fen, CheckedArithmeticDetectsOverflow) {
  const Fen max = Fen::FromFen(std::numeric_limits<std::int64_t>::max());
  EXPECT_FALSE(CheckedAdd(max, Fen::FromFen(1)).has_value());
  EXPECT_EQ(CheckedAdd(Fen::FromFen(18640000), Fen::FromFen(-12000000))->fen(), 6640000);
  EXPECT_EQ(CheckedSubtract(Fen::FromFen(18640000), Fen::FromFen(12000000))->ToYuanGrouped(), "66,400.00");
  EXPECT_FALSE(CheckedSubtract(Fen::FromFen(std::numeric_limits<std::int64_t>::min()), Fen::FromFen(1)).has_value());
}

TEST(Fen, ComparesByValue) {
  EXPECT_LT(Fen::FromFen(499999), Fen::FromYuan(5000).value());
  EXPECT_EQ(Fen::ParseYuan("5000").value(), Fen::FromYuan(5000).value());
}

}  // namespace
}  // namespace wagelink::domain
