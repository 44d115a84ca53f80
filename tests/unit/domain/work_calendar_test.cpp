#include "domain/work_calendar.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "reference_data.h"

namespace wagelink::domain {
namespace {

using test::Date;
using test::OfficialCalendar;

// LEGAL.md §6.1, column "Weekdays inside the range (the true extra days off)".
const std::vector<std::string_view> kWeekdaysOff{
    "2024-01-01", "2024-02-12", "2024-02-13", "2024-02-14", "2024-02-15", "2024-02-16", "2024-04-04", "2024-04-05",
    "2024-05-01", "2024-05-02", "2024-05-03", "2024-06-10", "2024-09-16", "2024-09-17", "2024-10-01", "2024-10-02",
    "2024-10-03", "2024-10-04", "2024-10-07", "2025-01-01", "2025-01-28", "2025-01-29", "2025-01-30", "2025-01-31",
    "2025-02-03", "2025-02-04", "2025-04-04", "2025-05-01", "2025-05-02", "2025-05-05", "2025-06-02", "2025-10-01",
    "2025-10-02", "2025-10-03", "2025-10-06", "2025-10-07", "2025-10-08", "2026-01-01", "2026-01-02", "2026-02-16",
    "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-02-23", "2026-04-06", "2026-05-01", "2026-05-04",
    "2026-05-05", "2026-06-19", "2026-09-25", "2026-10-01", "2026-10-02", "2026-10-05", "2026-10-06", "2026-10-07"};

// LEGAL.md §6.2.
const std::vector<std::string_view> kMakeUpWorkdays{
    "2024-02-04", "2024-02-18", "2024-04-07", "2024-04-28", "2024-05-11", "2024-09-14", "2024-09-29",
    "2024-10-12", "2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11", "2026-01-04",
    "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10"};

struct Range {
  std::string_view from;
  std::string_view to;
};

// LEGAL.md §6.1 ranges: every day inside is a day off.
const std::vector<Range> kHolidayRanges{
    {"2023-12-30", "2024-01-01"}, {"2024-02-10", "2024-02-17"}, {"2024-04-04", "2024-04-06"},
    {"2024-05-01", "2024-05-05"}, {"2024-06-08", "2024-06-10"}, {"2024-09-15", "2024-09-17"},
    {"2024-10-01", "2024-10-07"}, {"2025-01-01", "2025-01-01"}, {"2025-01-28", "2025-02-04"},
    {"2025-04-04", "2025-04-06"}, {"2025-05-01", "2025-05-05"}, {"2025-05-31", "2025-06-02"},
    {"2025-10-01", "2025-10-08"}, {"2026-01-01", "2026-01-03"}, {"2026-02-15", "2026-02-23"},
    {"2026-04-04", "2026-04-06"}, {"2026-05-01", "2026-05-05"}, {"2026-06-19", "2026-06-21"},
    {"2026-09-25", "2026-09-27"}, {"2026-10-01", "2026-10-07"}};

TEST(WorkCalendar, LoadsTheOfficialNoticesFor2024To2026) {
  EXPECT_EQ(OfficialCalendar().CoveredYears(), (std::vector<int>{2024, 2025, 2026}));
  for (const CalendarYear& year : OfficialCalendar().years()) {
    EXPECT_EQ(year.status, SourceStatus::kConfirmed);
    EXPECT_FALSE(year.source_urls.empty());
    EXPECT_FALSE(year.source_title.empty());
  }
}

TEST(WorkCalendar, EveryOfficialHolidayDayIsARestDay) {
  for (const Range& range : kHolidayRanges) {
    for (CivilDate day = Date(range.from); day <= Date(range.to); day = day.AddDays(1)) {
      EXPECT_EQ(OfficialCalendar().IsWorkingDay(day), DayStatus::kRest) << day.ToIso();
      EXPECT_NE(OfficialCalendar().HolidayOn(day), nullptr) << day.ToIso();
    }
  }
  for (const std::string_view day : kWeekdaysOff) {
    EXPECT_FALSE(Date(day).IsWeekend()) << day;
    EXPECT_EQ(OfficialCalendar().IsWorkingDay(Date(day)), DayStatus::kRest) << day;
  }
}

TEST(WorkCalendar, EveryMakeUpWeekendDayIsAWorkingDay) {
  for (const std::string_view day : kMakeUpWorkdays) {
    EXPECT_TRUE(Date(day).IsWeekend()) << day;
    EXPECT_EQ(OfficialCalendar().IsWorkingDay(Date(day)), DayStatus::kWorking) << day;
  }
}

TEST(WorkCalendar, AllOtherDaysFollowMondayToFriday) {
  for (int year = 2024; year <= 2026; ++year) {
    for (CivilDate day = Date(std::to_string(year) + "-01-01"); day.year() == year; day = day.AddDays(1)) {
      bool listed = OfficialCalendar().HolidayOn(day) != nullptr;
      for (const std::string_view make_up : kMakeUpWorkdays) listed = listed || Date(make_up) == day;
      if (listed) continue;
      EXPECT_EQ(OfficialCalendar().IsWorkingDay(day), day.IsWeekend() ? DayStatus::kRest : DayStatus::kWorking)
          << day.ToIso();
    }
  }
}

TEST(WorkCalendar, CountsTheOfficialNumberOfWorkingDaysPerYear) {
  // 2024: 251, 2025: 248, 2026: 248 (366/365 days minus weekends and weekday holidays plus make-up days).
  const std::vector<std::pair<int, int>> expected{{2024, 251}, {2025, 248}, {2026, 248}};
  for (const auto& [year, working_days] : expected) {
    int count = 0;
    for (CivilDate day = Date(std::to_string(year) + "-01-01"); day.year() == year; day = day.AddDays(1)) {
      count += OfficialCalendar().IsWorkingDay(day) == DayStatus::kWorking ? 1 : 0;
    }
    EXPECT_EQ(count, working_days) << year;
  }
}

TEST(WorkCalendar, KnowsTheDatesQuotedInTheBrief) {
  EXPECT_EQ(OfficialCalendar().IsWorkingDay(Date("2026-02-14")), DayStatus::kWorking);  // Saturday, make-up
  EXPECT_EQ(OfficialCalendar().IsWorkingDay(Date("2026-02-16")), DayStatus::kRest);     // Monday, 春节
  EXPECT_EQ(OfficialCalendar().IsWorkingDay(Date("2025-10-08")), DayStatus::kRest);     // Wednesday, 国庆/中秋
  EXPECT_EQ(OfficialCalendar().IsWorkingDay(Date("2025-10-09")), DayStatus::kWorking);
  EXPECT_EQ(OfficialCalendar().IsWorkingDay(Date("2025-10-11")), DayStatus::kWorking);  // Saturday, make-up
  EXPECT_EQ(OfficialCalendar().IsWorkingDay(Date("2025-12-01")), DayStatus::kWorking);
  EXPECT_EQ(OfficialCalendar().IsWorkingDay(Date("2025-12-13")), DayStatus::kRest);
}

TEST(WorkCalendar, NewYearsEve2024IsNotAHoliday) {
  // The 2024 notice only encouraged giving 除夕 (2024-02-09, Friday) off as annual leave.
  EXPECT_EQ(OfficialCalendar().IsWorkingDay(Date("2024-02-09")), DayStatus::kWorking);
}

TEST(WorkCalendar, NamesTheHolidayOfARestDay) {
  const HolidayRange* holiday = OfficialCalendar().HolidayOn(Date("2025-10-05"));
  ASSERT_NE(holiday, nullptr);
  EXPECT_EQ(holiday->name_zh, "国庆节、中秋节");
  EXPECT_EQ(OfficialCalendar().HolidayOn(Date("2025-10-11")), nullptr);
}

TEST(WorkCalendar, DaysOfUnloadedYearsAreUnknownUnlessANoticeNamesThem) {
  EXPECT_EQ(OfficialCalendar().IsWorkingDay(Date("2027-01-04")), DayStatus::kUnknown);
  EXPECT_EQ(OfficialCalendar().IsWorkingDay(Date("2023-12-29")), DayStatus::kUnknown);
  // 2023-12-30 lies inside the 2024 元旦 range, so the 2024 notice settles it.
  EXPECT_EQ(OfficialCalendar().IsWorkingDay(Date("2023-12-30")), DayStatus::kRest);
  EXPECT_EQ(WorkCalendar().IsWorkingDay(Date("2025-12-01")), DayStatus::kUnknown);
}

TEST(WorkCalendar, AddsWorkingDaysWithoutCountingTheStartDay) {
  EXPECT_EQ(OfficialCalendar().AddWorkingDays(Date("2025-12-01"), 5).date.ToIso(), "2025-12-08");  // LEGAL.md example
  EXPECT_EQ(OfficialCalendar().AddWorkingDays(Date("2025-12-01"), 1).date.ToIso(), "2025-12-02");
  EXPECT_EQ(OfficialCalendar().AddWorkingDays(Date("2025-12-01"), 0).date.ToIso(), "2025-12-01");
  EXPECT_FALSE(OfficialCalendar().AddWorkingDays(Date("2025-12-01"), 5).uncertain);
}

TEST(WorkCalendar, AddsWorkingDaysAcrossNationalDayUsingMakeUpWeekends) {
  // 2025-09-28 (Sun) is worked; 10-01..10-08 are off.
  EXPECT_EQ(OfficialCalendar().AddWorkingDays(Date("2025-09-26"), 5).date.ToIso(), "2025-10-10");
  EXPECT_EQ(OfficialCalendar().AddWorkingDays(Date("2024-09-30"), 5).date.ToIso(), "2024-10-12");
  EXPECT_EQ(OfficialCalendar().AddWorkingDays(Date("2026-09-30"), 3).date.ToIso(), "2026-10-10");
  // Starting on a rest day inside the holiday.
  EXPECT_EQ(OfficialCalendar().AddWorkingDays(Date("2025-10-04"), 1).date.ToIso(), "2025-10-09");
}

TEST(WorkCalendar, AddsWorkingDaysAcrossSpringFestival) {
  EXPECT_EQ(OfficialCalendar().AddWorkingDays(Date("2026-02-13"), 1).date.ToIso(), "2026-02-14");
  EXPECT_EQ(OfficialCalendar().AddWorkingDays(Date("2026-02-13"), 2).date.ToIso(), "2026-02-24");
  EXPECT_EQ(OfficialCalendar().AddWorkingDays(Date("2025-01-24"), 5).date.ToIso(), "2025-02-07");
  EXPECT_EQ(OfficialCalendar().AddWorkingDays(Date("2026-02-10"), 20).date.ToIso(), "2026-03-16");
}

TEST(WorkCalendar, AddsSixtyAndNinetyWorkingDaysForTheInvestigationClock) {
  EXPECT_EQ(OfficialCalendar().AddWorkingDays(Date("2025-12-01"), 60).date.ToIso(), "2026-03-02");
  EXPECT_EQ(OfficialCalendar().AddWorkingDays(Date("2025-12-01"), 90).date.ToIso(), "2026-04-14");
  EXPECT_EQ(OfficialCalendar().AddWorkingDays(Date("2026-01-05"), 60).date.ToIso(), "2026-04-03");
}

TEST(WorkCalendar, FlagsArithmeticThatReachesAnUnloadedYear) {
  const CalendarDay within = OfficialCalendar().AddWorkingDays(Date("2026-12-24"), 5);
  EXPECT_EQ(within.date.ToIso(), "2026-12-31");
  EXPECT_FALSE(within.uncertain);
  const CalendarDay beyond = OfficialCalendar().AddWorkingDays(Date("2026-12-25"), 10);
  EXPECT_TRUE(beyond.uncertain);
  EXPECT_EQ(beyond.date.ToIso(), "2027-01-08");  // best effort: Monday-Friday assumed for 2027
}

TEST(WorkCalendar, FindsTheNextWorkingDayOnOrAfter) {
  EXPECT_EQ(OfficialCalendar().NextWorkingDayOnOrAfter(Date("2025-10-01")).date.ToIso(), "2025-10-09");
  EXPECT_EQ(OfficialCalendar().NextWorkingDayOnOrAfter(Date("2026-02-15")).date.ToIso(), "2026-02-24");
  EXPECT_EQ(OfficialCalendar().NextWorkingDayOnOrAfter(Date("2025-12-14")).date.ToIso(), "2025-12-15");
  EXPECT_EQ(OfficialCalendar().NextWorkingDayOnOrAfter(Date("2026-02-14")).date.ToIso(), "2026-02-14");
  EXPECT_FALSE(OfficialCalendar().NextWorkingDayOnOrAfter(Date("2026-12-31")).uncertain);
  EXPECT_TRUE(OfficialCalendar().NextWorkingDayOnOrAfter(Date("2027-01-01")).uncertain);
}

// ---- validation of calendar data ----

std::string YearJson(std::string_view holidays, std::string_view make_ups, int year = 2025) {
  return R"({"year": )" + std::to_string(year) +
         R"(, "status": "CONFIRMED", "source": {"title": "t", "document": null, "issued": "2024-11-12", "urls": ["u"]},
  "holidays": [)" +
         std::string(holidays) + R"(], "make_up_workdays": [)" + std::string(make_ups) + "]}";
}

TEST(ParseCalendarYear, AcceptsAMinimalValidYear) {
  const auto year =
      ParseCalendarYear(YearJson(R"({"name_zh": "元旦", "name_en": "NY", "from": "2025-01-01", "to": "2025-01-01"})",
                                 R"({"date": "2025-01-26", "for_zh": "春节", "for_en": "SF"})"));
  ASSERT_TRUE(year.ok()) << year.error().message_en;
  EXPECT_EQ(year->year, 2025);
  EXPECT_EQ(year->holidays.size(), 1u);
  EXPECT_TRUE(year->source_document.empty());
}

TEST(ParseCalendarYear, RefusesAMakeUpDayOnAWeekday) {
  const auto year = ParseCalendarYear(YearJson("", R"({"date": "2025-01-27", "for_zh": "春节", "for_en": "SF"})"),
                                      "data/calendar/cn-2025.json");
  ASSERT_FALSE(year.ok());
  EXPECT_EQ(year.error().field, "make_up_workdays[0]");
  EXPECT_NE(year.error().message_en.find("data/calendar/cn-2025.json"), std::string::npos);
  EXPECT_NE(year.error().message_en.find("Saturday or Sunday"), std::string::npos);
}

TEST(ParseCalendarYear, RefusesInconsistentRanges) {
  const std::string reversed = R"({"name_zh": "a", "name_en": "a", "from": "2025-05-05", "to": "2025-05-01"})";
  const std::string overlapping = R"({"name_zh": "a", "name_en": "a", "from": "2025-05-01", "to": "2025-05-05"},
                                     {"name_zh": "b", "name_en": "b", "from": "2025-05-05", "to": "2025-05-06"})";
  const std::string out_of_order = R"({"name_zh": "a", "name_en": "a", "from": "2025-10-01", "to": "2025-10-08"},
                                      {"name_zh": "b", "name_en": "b", "from": "2025-05-01", "to": "2025-05-05"})";
  const std::string other_year = R"({"name_zh": "a", "name_en": "a", "from": "2026-01-01", "to": "2026-01-03"})";
  const std::string too_long = R"({"name_zh": "a", "name_en": "a", "from": "2025-01-01", "to": "2025-03-01"})";
  for (const std::string& holidays : {reversed, overlapping, out_of_order, other_year, too_long}) {
    EXPECT_FALSE(ParseCalendarYear(YearJson(holidays, "")).ok()) << holidays;
  }
  // A 元旦 range may start on the previous year's weekend (2024's began on 2023-12-30).
  EXPECT_TRUE(
      ParseCalendarYear(
          YearJson(R"({"name_zh": "元旦", "name_en": "NY", "from": "2023-12-30", "to": "2024-01-01"})", "", 2024))
          .ok());
}

TEST(ParseCalendarYear, RefusesMakeUpDaysOutsideTheYearInsideARangeOrRepeated) {
  const std::string range = R"({"name_zh": "a", "name_en": "a", "from": "2025-05-01", "to": "2025-05-05"})";
  EXPECT_FALSE(ParseCalendarYear(YearJson(range, R"({"date": "2025-05-03", "for_zh": "a", "for_en": "a"})")).ok());
  EXPECT_FALSE(ParseCalendarYear(YearJson("", R"({"date": "2026-01-04", "for_zh": "a", "for_en": "a"})")).ok());
  EXPECT_FALSE(ParseCalendarYear(YearJson("", R"({"date": "2025-04-27", "for_zh": "a", "for_en": "a"},
                                                 {"date": "2025-04-27", "for_zh": "a", "for_en": "a"})"))
                   .ok());
}

TEST(ParseCalendarYear, RefusesUnknownKeysBadStatusAndBadJson) {
  const auto unknown = ParseCalendarYear(
      YearJson(R"({"name_zh": "a", "name_en": "a", "from": "2025-05-01", "to": "2025-05-01", "days": 1})", ""));
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "holidays[0].days");
  std::string bad_status = YearJson("", "");
  bad_status.replace(bad_status.find("CONFIRMED"), 9, "CERTAIN");
  EXPECT_FALSE(ParseCalendarYear(bad_status).ok());
  const auto broken = ParseCalendarYear("{\"year\": 2025,");
  ASSERT_FALSE(broken.ok());
  EXPECT_EQ(broken.error().code, ErrorCode::kInvalidJson);
  EXPECT_FALSE(ParseCalendarYear("[]").ok());
}

TEST(WorkCalendarBuild, RefusesTheSameYearTwiceAndConflictingNotices) {
  EXPECT_FALSE(WorkCalendar::Build({test::LoadCalendarYear(2025), test::LoadCalendarYear(2025)}).ok());
  // A fake 2023 notice whose 元旦 overlaps the 2024 notice's range on 2023-12-30.
  const auto fake_2023 = ParseCalendarYear(
      YearJson(R"({"name_zh": "x", "name_en": "x", "from": "2023-12-30", "to": "2023-12-31"})", "", 2023));
  ASSERT_TRUE(fake_2023.ok());
  EXPECT_FALSE(WorkCalendar::Build({*fake_2023, test::LoadCalendarYear(2024)}).ok());
}

}  // namespace
}  // namespace wagelink::domain
