#pragma once
// The official working-day calendar (LEGAL.md §6). A date is a 工作日 iff it is Monday–Friday and not
// inside any holiday range of a loaded notice, or it is a listed make-up working day (调休上班).
//
// The calendar only knows the years whose notices are loaded (data/calendar/cn-YYYY.json). It never
// guesses silently: a day in an unloaded year is `kUnknown`, and any period arithmetic that had to
// step through such a day is flagged `uncertain` (the best-effort answer assumes Mon–Fri for it).
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

// One year's notice (国务院办公厅关于YYYY年部分节假日安排的通知) as loaded from data/.
struct CalendarYear {
  int year = 0;
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
  bool IsYearLoaded(int year) const;
  std::vector<int> CoveredYears() const;  // ascending
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
  std::vector<int> loaded_years_;  // sorted
  std::vector<MarkedDay> marks_;   // sorted by day, unique
  std::vector<RangeRef> ranges_;
};

}  // namespace wagelink::domain
