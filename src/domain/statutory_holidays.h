#pragma once
// The holidays the law itself fixes (全国年节及纪念日放假办法, 2024 revision, LEGAL.md §6), for the
// years whose State Council notice is not published or not loaded yet. The law names 13 days: 元旦
// 1/1, 春节 除夕–初三, 清明 (the solar term), 劳动节 5/1–5/2, 端午 (lunar 5/5), 中秋 (lunar 8/15), 国庆
// 10/1–10/3. They are days off whatever the notice will say; only the make-up working days (调休)
// and the weekday that replaces a holiday falling on a weekend (补假, §6) wait for the notice.
//
// Both the rules and the lunar / solar-term dates are data (data/calendar/statutory_dates.json,
// with their sources); this file turns them into a fallback CalendarYear and composes the
// calendar from its three sources (work_calendar.h).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/civil_date.h"
#include "domain/legal_source.h"
#include "domain/work_calendar.h"

namespace wagelink::domain {

// What a statutory holiday's first day is counted from.
enum class HolidayAnchor { kGregorian, kChuxi, kQingming, kDuanwu, kZhongqiu };

struct StatutoryHoliday {
  std::string id;
  std::string name_zh;
  std::string name_en;
  HolidayAnchor anchor = HolidayAnchor::kGregorian;
  int month = 0;  // kGregorian only
  int day = 0;
  int days = 1;  // consecutive days off from the anchor day
};

// The lunar and solar-term dates of one Gregorian year.
struct LunarDates {
  int year = 0;
  CivilDate chuxi;     // 农历除夕 (the day before 正月初一)
  CivilDate qingming;  // 清明 solar term (Beijing time)
  CivilDate duanwu;    // 五月初五
  CivilDate zhongqiu;  // 八月十五
};

// One statutory day off: the date and the holiday it belongs to.
struct StatutoryDay {
  CivilDate date;
  const StatutoryHoliday* holiday = nullptr;
};

class StatutoryHolidayTable {
 public:
  // Parses data/calendar/statutory_dates.json; checks every date is real, lies in its year and in
  // its season (春节 Jan–Feb, 清明 4/4–4/6, 端午 May–Jun, 中秋 Sep–Oct), years are listed once.
  static Result<StatutoryHolidayTable> Parse(std::string_view json_text,
                                             std::string_view source_name = "statutory_dates.json");

  // The years the lunar dates are known for, and from which the law applies.
  bool Covers(int year) const;
  std::vector<int> Years() const;
  // The statutory days off of `year` in date order (empty when the year is not covered).
  std::vector<StatutoryDay> DaysOf(int year) const;
  // The fallback for a year without a notice: the statutory days as holiday ranges (a holiday that
  // meets or overlaps another is merged with it: 中秋 on 10-01 joins 国庆), no make-up days.
  std::optional<CalendarYear> FallbackYear(int year) const;

  const std::vector<StatutoryHoliday>& holidays() const { return holidays_; }
  const std::string& citation() const { return citation_; }
  const std::string& dates_reference() const { return dates_reference_; }
  SourceStatus dates_status() const { return dates_status_; }

 private:
  std::vector<StatutoryHoliday> holidays_;
  std::vector<LunarDates> years_;  // ascending
  int effective_from_year_ = 0;
  std::string title_;
  std::string citation_;
  std::string dates_reference_;
  SourceStatus dates_status_ = SourceStatus::kUnconfirmed;
};

// A notice must keep every statutory day of its year a day off (the law, not the notice, grants
// them): refuses one that leaves a statutory day outside its holiday ranges, naming the day.
Status CheckNoticeKeepsStatutoryDays(const CalendarYear& notice, const StatutoryHolidayTable& statutory);

// The working-day calendar from its three sources, for each year the first that has it: an entered
// notice, a data/ file, the statutory fallback (for every year the table covers). Fails when two
// notices claim the same day (e.g. a 元旦 range reaching back into a year whose notice disagrees).
Result<WorkCalendar> ComposeCalendar(const std::vector<CalendarYear>& notices, const std::vector<CalendarYear>& files,
                                     const StatutoryHolidayTable& statutory);

}  // namespace wagelink::domain
