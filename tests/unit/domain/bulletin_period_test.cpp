#include "domain/bulletin_period.h"

#include <gtest/gtest.h>

namespace wagelink::domain {
namespace {

CivilDate D(const char* iso) { return *CivilDate::ParseIso(iso); }

TEST(BulletinPeriod, PreviousWeekIsMondayToSundayWhateverTheDayToday) {
  for (const char* today : {"2026-01-12", "2026-01-14", "2026-01-18"}) {  // Monday, Wednesday, Sunday
    auto range = PreviousPeriod(BulletinPeriod::kWeekly, D(today));
    EXPECT_EQ(range.first.ToIso(), "2026-01-05") << today;
    EXPECT_EQ(range.last.ToIso(), "2026-01-11") << today;
  }
}

TEST(BulletinPeriod, PreviousMonthAndQuarterCrossTheYearEnd) {
  auto month = PreviousPeriod(BulletinPeriod::kMonthly, D("2026-01-01"));
  EXPECT_EQ(month.first.ToIso(), "2025-12-01");
  EXPECT_EQ(month.last.ToIso(), "2025-12-31");
  auto march = PreviousPeriod(BulletinPeriod::kMonthly, D("2026-03-31"));
  EXPECT_EQ(march.first.ToIso(), "2026-02-01");
  EXPECT_EQ(march.last.ToIso(), "2026-02-28");
  auto quarter = PreviousPeriod(BulletinPeriod::kQuarterly, D("2026-02-15"));
  EXPECT_EQ(quarter.first.ToIso(), "2025-10-01");
  EXPECT_EQ(quarter.last.ToIso(), "2025-12-31");
  auto q2 = PreviousPeriod(BulletinPeriod::kQuarterly, D("2026-07-01"));
  EXPECT_EQ(q2.first.ToIso(), "2026-04-01");
  EXPECT_EQ(q2.last.ToIso(), "2026-06-30");
}

TEST(BulletinPeriod, CodesRoundTrip) {
  EXPECT_EQ(ParseBulletinPeriod("quarterly"), BulletinPeriod::kQuarterly);
  EXPECT_FALSE(ParseBulletinPeriod("daily"));
  EXPECT_EQ(BulletinPeriodNameZh(BulletinPeriod::kWeekly), "周报");
}

}  // namespace
}  // namespace wagelink::domain
