#include "domain/statutory_holidays.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <string>
#include <vector>

#include "domain/time_limit.h"
#include "reference_data.h"

namespace wagelink::domain {
namespace {

using test::Date;
using test::LoadCalendarYear;
using test::StatutoryHolidays;

std::vector<CalendarYear> Files() { return {LoadCalendarYear(2024), LoadCalendarYear(2025), LoadCalendarYear(2026)}; }

// A 2027 notice as an administrator would enter it (hypothetical days; the real one is not out),
// the same the API tests enter.
boost::json::object Notice2027() {
  return boost::json::parse(test::ReadSourceFile("tests/api/data/holiday_notice_2027.json")).as_object();
}

TEST(StatutoryHolidays, DataCoversTheNextYearsWithTheLunarDatesOf2027) {
  for (int year = 2027; year <= 2035; ++year) EXPECT_TRUE(StatutoryHolidays().Covers(year)) << year;
  EXPECT_FALSE(StatutoryHolidays().Covers(2024)) << "the 2024 revision applies from 2025";
  std::vector<std::string> days;
  for (const StatutoryDay& day : StatutoryHolidays().DaysOf(2027)) days.push_back(day.date.ToIso());
  // 元旦 1/1; 春节 除夕 2027-02-05 .. 初三; 清明 04-05; 劳动节 5/1-5/2; 端午 06-09; 中秋 09-15; 国庆 10/1-10/3.
  EXPECT_EQ(days, (std::vector<std::string>{"2027-01-01", "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08",
                                            "2027-04-05", "2027-05-01", "2027-05-02", "2027-06-09", "2027-09-15",
                                            "2027-10-01", "2027-10-02", "2027-10-03"}));
  EXPECT_EQ(days.size(), 13u) << "全国年节及纪念日放假办法: 13 days from 2025";
}

TEST(StatutoryHolidays, TheOfficialNoticesOf2025And2026KeepEveryStatutoryDay) {
  // Cross-checks the lunar data against the published notices (LEGAL.md §6.1).
  EXPECT_TRUE(CheckNoticeKeepsStatutoryDays(LoadCalendarYear(2025), StatutoryHolidays()).ok());
  EXPECT_TRUE(CheckNoticeKeepsStatutoryDays(LoadCalendarYear(2026), StatutoryHolidays()).ok());
}

TEST(StatutoryHolidays, AMidAutumnInsideNationalDayIsMergedIntoOneRange) {
  const auto fallback = StatutoryHolidays().FallbackYear(2028);  // 中秋 2028-10-03
  ASSERT_TRUE(fallback.has_value());
  EXPECT_EQ(fallback->source, CalendarSource::kStatutory);
  EXPECT_TRUE(fallback->make_up_workdays.empty());
  const HolidayRange& last = fallback->holidays.back();
  EXPECT_EQ(last.from.ToIso(), "2028-10-01");
  EXPECT_EQ(last.to.ToIso(), "2028-10-03");
  EXPECT_EQ(last.name_zh, "国庆节、中秋节");
}

TEST(StatutoryHolidays, NewYearsDay2027IsAHolidayAndTheCountIsUncertain) {
  const WorkCalendar& calendar = test::CalendarWithFallback();
  EXPECT_TRUE(calendar.IsYearStatutoryOnly(2027));
  EXPECT_FALSE(calendar.IsYearLoaded(2027));
  EXPECT_EQ(calendar.IsWorkingDay(Date("2027-01-01")), DayStatus::kRest);
  EXPECT_EQ(calendar.IsWorkingDay(Date("2027-01-04")), DayStatus::kUnknown);
  const CalendarDay next = calendar.AddWorkingDays(Date("2026-12-31"), 1);
  EXPECT_EQ(next.date.ToIso(), "2027-01-04");
  EXPECT_TRUE(next.uncertain);
  // 春节 2027 (02-05..02-08) is skipped even without the notice.
  EXPECT_EQ(calendar.AddWorkingDays(Date("2027-02-04"), 1).date.ToIso(), "2027-02-09");
  // A year with no data at all still only assumes Monday-Friday (LEGAL.md §6 "refuse or warn").
  EXPECT_FALSE(calendar.IsYearStatutoryOnly(2037));
  EXPECT_EQ(calendar.IsWorkingDay(Date("2037-01-01")), DayStatus::kUnknown);
  EXPECT_EQ(calendar.AddWorkingDays(Date("2036-12-31"), 1).date.ToIso(), "2037-01-01");
  EXPECT_TRUE(calendar.AddWorkingDays(Date("2036-12-31"), 1).uncertain);
}

TEST(StatutoryHolidays, AnUncertainDeadlineSaysWhichYearLacksItsNotice) {
  auto deadline = ComputeDeadline(test::Rule("L01"), test::At("2026-12-28T10:00:00+08:00"), test::CalendarWithFallback());
  ASSERT_TRUE(deadline.ok());
  EXPECT_TRUE(deadline->uncertain);
  EXPECT_EQ(deadline->due_date.ToIso(), "2027-01-05");  // 12-29, 12-30, 12-31, (1/1 off), 01-04, 01-05
  EXPECT_NE(deadline->explain_zh.find("2027 年度的国务院放假通知尚未载入"), std::string::npos) << deadline->explain_zh;
  EXPECT_NE(deadline->explain_zh.find("全国年节及纪念日放假办法"), std::string::npos);
  EXPECT_NE(deadline->explain_en.find("make-up working days"), std::string::npos);
}

TEST(StatutoryHolidays, AnEnteredNoticeReplacesTheFallback) {
  auto notice = ParseHolidayNotice(Notice2027());
  ASSERT_TRUE(notice.ok()) << notice.error().message_en;
  EXPECT_EQ(notice->source, CalendarSource::kNotice);
  EXPECT_TRUE(CheckNoticeKeepsStatutoryDays(*notice, StatutoryHolidays()).ok());
  auto calendar = ComposeCalendar({*notice}, Files(), StatutoryHolidays());
  ASSERT_TRUE(calendar.ok()) << calendar.error().message_en;
  EXPECT_TRUE(calendar->IsYearLoaded(2027));
  EXPECT_EQ(calendar->YearOf(2027)->source, CalendarSource::kNotice);
  EXPECT_EQ(calendar->YearOf(2028)->source, CalendarSource::kStatutory);
  const CalendarDay next = calendar->AddWorkingDays(Date("2026-12-31"), 1);
  EXPECT_EQ(next.date.ToIso(), "2027-01-04");
  EXPECT_FALSE(next.uncertain);
  EXPECT_EQ(calendar->IsWorkingDay(Date("2027-02-20")), DayStatus::kWorking) << "make-up Saturday";
  EXPECT_EQ(calendar->IsWorkingDay(Date("2027-02-10")), DayStatus::kRest);
  // An entered notice also wins over a data/ file for the same year (a corrected 2026 notice).
  auto corrected = *notice;
  corrected.year = 2026;
  corrected.holidays = {HolidayRange{"元旦", "New Year's Day", Date("2026-01-01"), Date("2026-01-05")}};
  corrected.make_up_workdays.clear();
  auto over_file = ComposeCalendar({corrected}, Files(), StatutoryHolidays());
  ASSERT_TRUE(over_file.ok()) << over_file.error().message_en;
  EXPECT_EQ(over_file->YearOf(2026)->source, CalendarSource::kNotice);
  EXPECT_EQ(over_file->IsWorkingDay(Date("2026-01-05")), DayStatus::kRest);
  EXPECT_EQ(over_file->IsWorkingDay(Date("2026-02-16")), DayStatus::kWorking) << "the file's 春节 no longer applies";
}

TEST(StatutoryHolidays, ANoticeMustKeepTheStatutoryDaysOff) {
  auto input = Notice2027();
  input["holidays"].as_array().erase(input["holidays"].as_array().begin() + 5);  // drops 中秋
  auto notice = ParseHolidayNotice(input);
  ASSERT_TRUE(notice.ok());
  auto refused = CheckNoticeKeepsStatutoryDays(*notice, StatutoryHolidays());
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.error().message_zh.find("2027-09-15（中秋节）"), std::string::npos) << refused.error().message_zh;
}

TEST(StatutoryHolidays, ANoticeIsValidatedLikeADataFile) {
  const auto refused_field = [](boost::json::object input) {
    auto parsed = ParseHolidayNotice(input);
    return parsed.ok() ? std::string("(accepted)") : parsed.error().message_en;
  };
  auto unknown = Notice2027();
  unknown["extra"] = 1;
  EXPECT_NE(refused_field(unknown).find("extra"), std::string::npos);
  auto weekday = Notice2027();
  weekday["make_up_workdays"].as_array()[0].as_object()["date"] = "2027-02-22";  // a Monday
  EXPECT_NE(refused_field(weekday).find("Saturday or Sunday"), std::string::npos);
  auto overlap = Notice2027();
  overlap["holidays"].as_array()[4].as_object()["from"] = "2027-05-04";  // 端午 over 劳动节
  overlap["holidays"].as_array()[4].as_object()["to"] = "2027-05-06";
  EXPECT_NE(refused_field(overlap).find("overlaps"), std::string::npos);
  auto reversed = Notice2027();
  reversed["holidays"].as_array()[0].as_object()["to"] = "2026-12-30";
  EXPECT_NE(refused_field(reversed).find("ends before it starts"), std::string::npos);
  auto far = Notice2027();
  far["holidays"].as_array()[6].as_object()["from"] = "2029-10-01";
  far["holidays"].as_array()[6].as_object()["to"] = "2029-10-03";
  EXPECT_NE(refused_field(far).find("outside its year"), std::string::npos);
  auto inside = Notice2027();
  inside["make_up_workdays"].as_array()[0].as_object()["date"] = "2027-02-06";
  EXPECT_NE(refused_field(inside).find("inside a holiday range"), std::string::npos);
  auto old_notice = Notice2027();
  old_notice["issued"] = "2024-01-01";
  EXPECT_NE(refused_field(old_notice).find("two years before"), std::string::npos);
  auto no_document = Notice2027();
  no_document["document"] = "";
  EXPECT_NE(refused_field(no_document).find("non-empty"), std::string::npos);
  auto empty = Notice2027();
  empty["holidays"] = boost::json::array{};
  EXPECT_NE(refused_field(empty).find("at least one"), std::string::npos);
}

TEST(StatutoryHolidays, TheTableRefusesDatesOutOfSeasonAndRepeatedYears) {
  std::string text = test::ReadSourceFile("data/calendar/statutory_dates.json");
  auto json = boost::json::parse(text).as_object();
  auto wrong_season = json;
  wrong_season["years"].as_array()[2].as_object()["zhongqiu"] = "2027-06-15";
  EXPECT_FALSE(StatutoryHolidayTable::Parse(boost::json::serialize(wrong_season)).ok());
  auto repeated = json;
  repeated["years"].as_array().push_back(repeated["years"].as_array()[0]);
  EXPECT_FALSE(StatutoryHolidayTable::Parse(boost::json::serialize(repeated)).ok());
  auto unconfirmed_law = json;
  unconfirmed_law["law"].as_object()["status"] = "SECONDARY";
  EXPECT_FALSE(StatutoryHolidayTable::Parse(boost::json::serialize(unconfirmed_law)).ok());
}

}  // namespace
}  // namespace wagelink::domain
