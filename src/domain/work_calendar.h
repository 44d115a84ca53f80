#pragma once
// The official working-day calendar (LEGAL.md §6). A date is a 工作日 iff it is Monday–Friday and not
// inside any holiday range of a loaded notice, or it is a listed make-up working day (调休上班).
//
// A year's days off come from, in order of precedence: a notice an administrator entered (stored in
// the database), a notice shipped in data/calendar/cn-YYYY.json, or — when no notice is published yet
// — the statutory fallback: the 13 days the 全国年节及纪念日放假办法 fixes by law (statutory_holidays.h),
// without the make-up working days (调休) and make-up days off (补假) only a notice can set.
// The calendar never guesses silently: a day that no notice names in a year without a notice is
// `kUnknown` (a statutory holiday is known: a rest day whatever the notice will say), and any period
// arithmetic that had to step through such a day is flagged `uncertain` (the best-effort answer
// assumes Mon–Fri for it).
#include <boost/json/object.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/civil_date.h"
#include "domain/legal_source.h"

namespace wagelink::domain {

struct HolidayRange {
  std::string name_zh;
  std::string name_en;
  CivilDate from;  // inclusive
  CivilDate to;    // inclusive
};

struct MakeUpWorkday {
  CivilDate date;
  std::string for_zh;  // the holiday it makes up for
  std::string for_en;
};

// Where a year's days off come from (see the top of this file), in order of precedence.
enum class CalendarSource {
  kNotice,     // a notice entered by the system administrator (database)
  kFile,       // a notice shipped in data/calendar/cn-YYYY.json
  kStatutory,  // no notice: the statutory holidays only, make-up days unknown
};
std::string_view CalendarSourceCode(CalendarSource source);  // "notice" | "file" | "statutory"

// One year's notice (国务院办公厅关于YYYY年部分节假日安排的通知), or the statutory fallback for a year
// without one.
struct CalendarYear {
  int year = 0;
  CalendarSource source = CalendarSource::kFile;
  SourceStatus status = SourceStatus::kUnconfirmed;
  std::string source_title;
  std::string source_document;  // e.g. 国办发明电〔2024〕12号; empty when not known
  std::string source_issued;
  std::vector<std::string> source_urls;
  std::string citation;
  std::vector<HolidayRange> holidays;
  std::vector<MakeUpWorkday> make_up_workdays;
};

// Parses and validates one data/calendar/cn-YYYY.json. Checks: every date real; a range has
// from <= to, overlaps its year, does not reach beyond the neighbouring years (元旦 2024 began on
// 2023-12-30) and spans at most a month; ranges are listed in order and do not overlap; make-up days
// lie in the year, fall on a Saturday or Sunday, are not inside a range and are not repeated.
// `source_name` prefixes errors (e.g. "data/calendar/cn-2025.json").
Result<CalendarYear> ParseCalendarYear(std::string_view json_text, std::string_view source_name = "calendar");

// Parses a notice as the system administrator enters it (API): {"year", "document", "issued",
// "title"?, "url"?, "holidays": [{name_zh, name_en, from, to}], "make_up_workdays": [{date, for_zh,
// for_en}]}, with the same checks as a data file; unknown fields are refused. Source kNotice,
// status CONFIRMED (the administrator transcribes the official notice).
Result<CalendarYear> ParseHolidayNotice(const boost::json::object& input);
// The notice as JSON in the data-file shape (what ParseHolidayNotice reads back, plus status).
boost::json::object HolidayNoticeJson(const CalendarYear& notice);

enum class DayStatus { kWorking, kRest, kUnknown };

// A date computed by the calendar, with whether an unloaded year had to be assumed on the way.
struct CalendarDay {
  CivilDate date;
  bool uncertain = false;
};

class WorkCalendar {
 public:
  // Bounds the work of one call; far beyond any statutory period (the longest is years, in months).
  static constexpr int kMaxWorkingDaysSpan = 36600;

  WorkCalendar() = default;  // no year loaded: every day is kUnknown
  // Fails on a year loaded twice or on days that two notices both claim.
  static Result<WorkCalendar> Build(std::vector<CalendarYear> years);

  DayStatus IsWorkingDay(CivilDate date) const;
  // The holiday range containing `date`, or nullptr (for explanations: "国庆节").
  const HolidayRange* HolidayOn(CivilDate date) const;
  // A notice (entered or shipped) is loaded for `year`: every day of it is known.
  bool IsYearLoaded(int year) const;
  // Only the statutory fallback is loaded for `year`: its statutory holidays are known, the rest not.
  bool IsYearStatutoryOnly(int year) const;
  const CalendarYear* YearOf(int year) const;  // nullptr when nothing is loaded for it
  std::vector<int> CoveredYears() const;       // ascending, fallback years included
  const std::vector<CalendarYear>& years() const { return years_; }

  // The n-th working day after `start`; `start` itself is not counted (刑诉法 §105, 民法典 §201).
  // n = 0 returns `start`. n is clamped to [0, kMaxWorkingDaysSpan].
  CalendarDay AddWorkingDays(CivilDate start, int n) const;
  // `date` if it is a working day, else the next one (roll-over of a period's last day).
  CalendarDay NextWorkingDayOnOrAfter(CivilDate date) const;

 private:
  enum class Mark : std::uint8_t { kHoliday, kMakeUp };
  struct MarkedDay {
    std::int64_t day;  // days since epoch
    Mark mark;
    std::uint32_t range_index;  // into ranges_ for kHoliday
  };
  struct RangeRef {
    std::size_t year_index;
    std::size_t holiday_index;
  };
  const MarkedDay* FindMark(CivilDate date) const;
  // Working-day status with the Mon–Fri assumption for unknown days; sets `uncertain` when assumed.
  bool IsWorkingAssumingWeekdays(CivilDate date, bool& uncertain) const;

  std::vector<CalendarYear> years_;
  std::vector<int> loaded_years_;     // sorted, every source
  std::vector<int> statutory_years_;  // sorted, the fallback years among them
  std::vector<MarkedDay> marks_;   // sorted by day, unique
  std::vector<RangeRef> ranges_;
};

}  // namespace wagelink::domain
