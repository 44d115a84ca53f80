#include "domain/civil_date.h"

#include <gtest/gtest.h>

#include <string>

namespace wagelink::domain {
namespace {

CivilDate D(std::string_view iso) {
  return CivilDate::ParseIso(iso).value();
}

TEST(CivilDate, ParsesRealIsoDatesIncludingLeapDay) {
  const auto date = CivilDate::ParseIso("2024-02-29");
  ASSERT_TRUE(date.ok());
  EXPECT_EQ(date->year(), 2024);
  EXPECT_EQ(date->month(), 2u);
  EXPECT_EQ(date->day(), 29u);
  EXPECT_EQ(date->ToIso(), "2024-02-29");
}

TEST(CivilDate, RejectsImpossibleAndMalformedDatesNamingTheField) {
  for (const std::string_view text : {"2025-02-29", "2025-13-01", "2025-00-10", "2025-01-32", "2025-04-31",
                                      "0000-01-01", "2025-1-01", "2025/01/01", " 2025-01-01", "2025-01-01 ", "20250101",
                                      "", "+025-01-01", "2025-01-0a", "2025-01-01T00:00", "２０２５-01-01"}) {
    const auto date = CivilDate::ParseIso(text, "order.deadline");
    ASSERT_FALSE(date.ok()) << text;
    EXPECT_EQ(date.error().code, ErrorCode::kValidationFailed);
    EXPECT_EQ(date.error().field, "order.deadline");
    EXPECT_NE(date.error().message_zh.find("order.deadline"), std::string::npos);
  }
}

TEST(CivilDate, FromYmdValidates) {
  EXPECT_TRUE(CivilDate::FromYmd(9999, 12, 31).ok());
  EXPECT_FALSE(CivilDate::FromYmd(10000, 1, 1).ok());
  EXPECT_FALSE(CivilDate::FromYmd(2023, 2, 29).ok());
}

TEST(CivilDate, KnowsWeekdaysOfScenarioDates) {
  EXPECT_EQ(D("2025-12-01").Weekday(), std::chrono::Monday);
  EXPECT_EQ(D("2026-02-14").Weekday(), std::chrono::Saturday);
  EXPECT_EQ(D("2025-10-08").Weekday(), std::chrono::Wednesday);
  EXPECT_TRUE(D("2025-12-14").IsWeekend());
  EXPECT_FALSE(D("2025-12-15").IsWeekend());
  EXPECT_EQ(WeekdayNameZh(D("2025-12-14").Weekday()), "星期日");
  EXPECT_EQ(WeekdayNameEn(D("2025-12-15").Weekday()), "Monday");
}

TEST(CivilDate, AddsDaysAcrossMonthAndYearEnds) {
  EXPECT_EQ(D("2025-12-30").AddDays(3).ToIso(), "2026-01-02");
  EXPECT_EQ(D("2024-02-28").AddDays(1).ToIso(), "2024-02-29");
  EXPECT_EQ(D("2026-03-01").AddDays(-1).ToIso(), "2026-02-28");
  EXPECT_EQ(D("1970-01-01").DaysSinceEpoch(), 0);
  EXPECT_EQ(CivilDate::FromDaysSinceEpoch(D("2025-12-01").DaysSinceEpoch()), D("2025-12-01"));
}

TEST(CivilDate, AddsMonthsClampingToTheLastDayLikeCivilCode202) {
  EXPECT_EQ(D("2025-01-31").AddMonthsClamped(1).ToIso(), "2025-02-28");
  EXPECT_EQ(D("2024-01-31").AddMonthsClamped(1).ToIso(), "2024-02-29");
  EXPECT_EQ(D("2025-03-31").AddMonthsClamped(1).ToIso(), "2025-04-30");
  EXPECT_EQ(D("2025-12-15").AddMonthsClamped(3).ToIso(), "2026-03-15");
  EXPECT_EQ(D("2025-11-30").AddMonthsClamped(3).ToIso(), "2026-02-28");
  EXPECT_EQ(D("2025-07-31").AddMonthsClamped(3).ToIso(), "2025-10-31");
  EXPECT_EQ(D("2024-02-29").AddYearsClamped(1).ToIso(), "2025-02-28");
  EXPECT_EQ(D("2024-02-29").AddYearsClamped(4).ToIso(), "2028-02-29");
}

TEST(CivilDate, OrdersChronologically) {
  EXPECT_LT(D("2025-12-31"), D("2026-01-01"));
  EXPECT_EQ(D("2026-01-01"), D("2026-01-01"));
  EXPECT_GT(D("2026-01-02"), D("2026-01-01"));
}

TEST(Instant, ConvertsToShanghaiCivilTimeAtUtcPlus8) {
  const auto before_midnight = Instant::ParseRfc3339("2025-12-11T15:59:59Z").value();
  const auto midnight = Instant::ParseRfc3339("2025-12-11T16:00:00Z").value();
  EXPECT_EQ(ShanghaiDate(before_midnight).ToIso(), "2025-12-11");
  EXPECT_EQ(ToShanghai(before_midnight).hour(), 23);
  EXPECT_EQ(ToShanghai(before_midnight).minute(), 59);
  EXPECT_EQ(ToShanghai(before_midnight).second(), 59);
  EXPECT_EQ(ShanghaiDate(midnight).ToIso(), "2025-12-12");
  EXPECT_EQ(ToShanghai(midnight).seconds_of_day, 0);
}

TEST(Instant, ParsesRfc3339WithOffsetsAndFractions) {
  const auto shanghai = Instant::ParseRfc3339("2025-12-12T15:00:00+08:00");
  const auto utc = Instant::ParseRfc3339("2025-12-12T07:00:00Z");
  const auto browser = Instant::ParseRfc3339("2025-12-12T07:00:00.999Z");
  const auto west = Instant::ParseRfc3339("2025-12-12T02:00:00-05:00");
  ASSERT_TRUE(shanghai.ok() && utc.ok() && browser.ok() && west.ok());
  EXPECT_EQ(*shanghai, *utc);
  EXPECT_EQ(*browser, *utc);
  EXPECT_EQ(*west, *utc);
  EXPECT_EQ(utc->ToIsoUtc(), "2025-12-12T07:00:00Z");
  EXPECT_EQ(utc->ToIsoShanghai(), "2025-12-12T15:00:00+08:00");
}

TEST(Instant, RejectsTimesWithoutOffsetOrOutOfRange) {
  for (const std::string_view text :
       {"2025-12-12T15:00:00", "2025-12-12 15:00:00Z", "2025-12-12T24:00:00Z", "2025-12-12T15:60:00Z",
        "2025-12-12T15:00:60Z", "2025-12-12T15:00:00+8:00", "2025-12-12T15:00:00+24:00", "2025-12-12T15:00:00.Z",
        "2025-02-30T00:00:00Z", "2025-12-12T15:00:00z", ""}) {
    const auto instant = Instant::ParseRfc3339(text, "received_at");
    ASSERT_FALSE(instant.ok()) << text;
    EXPECT_EQ(instant.error().field, "received_at");
  }
}

TEST(Instant, FormatsInstantsBeforeTheEpoch) {
  EXPECT_EQ(Instant::FromUnixSeconds(-1).ToIsoUtc(), "1969-12-31T23:59:59Z");
  EXPECT_EQ(Instant::FromUnixSeconds(-1).ToIsoShanghai(), "1970-01-01T07:59:59+08:00");
}

TEST(Instant, DayBoundariesInShanghai) {
  const CivilDate day = D("2025-12-08");
  EXPECT_EQ(StartOfShanghaiDay(day).ToIsoUtc(), "2025-12-07T16:00:00Z");
  EXPECT_EQ(EndOfShanghaiDay(day).ToIsoUtc(), "2025-12-08T16:00:00Z");
  EXPECT_EQ(EndOfShanghaiDay(day).ToIsoShanghai(), "2025-12-09T00:00:00+08:00");
  const auto afternoon = FromShanghai(D("2025-12-12"), 15, 0, 0);
  ASSERT_TRUE(afternoon.ok());
  EXPECT_EQ(afternoon->ToIsoUtc(), "2025-12-12T07:00:00Z");
  EXPECT_FALSE(FromShanghai(day, 24, 0, 0).ok());
  EXPECT_FALSE(FromShanghai(day, 0, -1, 0).ok());
}

}  // namespace
}  // namespace wagelink::domain
