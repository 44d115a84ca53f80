#include "domain/limitation_period.h"

#include <gtest/gtest.h>

#include "reference_data.h"

namespace wagelink::domain {
namespace {

using test::At;
using test::Date;

TEST(LimitationPeriod, TheUnpaidPeriodEndsOnTheLastDayOfItsMonth) {
  EXPECT_EQ(LastDayOfPeriod("2024-02")->ToIso(), "2024-02-29");
  EXPECT_EQ(LastDayOfPeriod("2025-11")->ToIso(), "2025-11-30");
  EXPECT_EQ(LastDayOfPeriod("2025-11-15")->ToIso(), "2025-11-15");
  EXPECT_FALSE(LastDayOfPeriod("").has_value());
  EXPECT_FALSE(LastDayOfPeriod("2025-13").has_value());
  EXPECT_FALSE(LastDayOfPeriod("late 2025").has_value());
}

TEST(LimitationPeriod, AComplaintMoreThanTwoYearsAfterTheArrearsEndedIsWarned) {
  const TimeLimitRule& l33 = test::Rule("L33");
  // Arrears ended 2024-01-31: investigable up to 2026-01-31 (条例 §20).
  EXPECT_FALSE(CheckInvestigationLimitation(l33, Date("2024-01-31"), At("2026-01-31T18:00:00+08:00"),
                                            test::OfficialCalendar()).has_value());
  auto late = CheckInvestigationLimitation(l33, Date("2024-01-31"), At("2026-02-01T09:00:00+08:00"),
                                           test::OfficialCalendar());
  ASSERT_TRUE(late.has_value());
  EXPECT_EQ(late->limit_date.ToIso(), "2026-01-31");
  EXPECT_NE(late->zh.find("劳动保障监察条例§20"), std::string::npos) << late->zh;
  EXPECT_NE(late->zh.find("继续状态"), std::string::npos);
  EXPECT_NE(late->en.find("continuing violation"), std::string::npos);
}

}  // namespace
}  // namespace wagelink::domain
