#pragma once
// Loads the real files in data/ for the domain tests, so that a wrong holiday, limit or threshold in
// the data fails a test. Reading files is fine here: the domain itself never does I/O.
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "domain/statutory_holidays.h"
#include "domain/threshold_profile.h"
#include "domain/time_limit.h"
#include "domain/work_calendar.h"

namespace wagelink::domain::test {

inline std::string ReadSourceFile(const std::string& relative_path) {
  const std::string path = std::string(WAGELINK_SOURCE_DIR) + "/" + relative_path;
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot open " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

inline CalendarYear LoadCalendarYear(int year) {
  const std::string name = "data/calendar/cn-" + std::to_string(year) + ".json";
  auto parsed = ParseCalendarYear(ReadSourceFile(name), name);
  if (!parsed) throw std::runtime_error(parsed.error().message_en);
  return std::move(parsed).value();
}

// The calendar with every notice in data/ (2024–2026).
inline const WorkCalendar& OfficialCalendar() {
  static const WorkCalendar calendar = [] {
    auto built = WorkCalendar::Build({LoadCalendarYear(2024), LoadCalendarYear(2025), LoadCalendarYear(2026)});
    if (!built) throw std::runtime_error(built.error().message_en);
    return std::move(built).value();
  }();
  return calendar;
}

inline const StatutoryHolidayTable& StatutoryHolidays() {
  static const StatutoryHolidayTable table = [] {
    auto parsed = StatutoryHolidayTable::Parse(ReadSourceFile("data/calendar/statutory_dates.json"));
    if (!parsed) throw std::runtime_error(parsed.error().message_en);
    return std::move(parsed).value();
  }();
  return table;
}

// What the server computes with when no notice was entered: data/ notices + the statutory fallback.
inline const WorkCalendar& CalendarWithFallback() {
  static const WorkCalendar calendar = [] {
    auto built = ComposeCalendar({}, {LoadCalendarYear(2024), LoadCalendarYear(2025), LoadCalendarYear(2026)},
                                 StatutoryHolidays());
    if (!built) throw std::runtime_error(built.error().message_en);
    return std::move(built).value();
  }();
  return calendar;
}

inline const TimeLimitCatalog& OfficialTimeLimits() {
  static const TimeLimitCatalog catalog = [] {
    auto parsed = TimeLimitCatalog::Parse(ReadSourceFile("data/time_limits.json"));
    if (!parsed) throw std::runtime_error(parsed.error().message_en);
    return std::move(parsed).value();
  }();
  return catalog;
}

inline const ThresholdCatalog& OfficialThresholds() {
  static const ThresholdCatalog catalog = [] {
    auto parsed = ThresholdCatalog::Parse(ReadSourceFile("data/thresholds.json"));
    if (!parsed) throw std::runtime_error(parsed.error().message_en);
    return std::move(parsed).value();
  }();
  return catalog;
}

inline CivilDate Date(std::string_view iso) {
  auto date = CivilDate::ParseIso(iso);
  if (!date) throw std::runtime_error("bad test date " + std::string(iso));
  return *date;
}

inline Instant At(std::string_view rfc3339) {
  auto instant = Instant::ParseRfc3339(rfc3339);
  if (!instant) throw std::runtime_error("bad test instant " + std::string(rfc3339));
  return *instant;
}

// One rule of the official catalog by id; a missing id fails the test loudly.
inline const TimeLimitRule& Rule(std::string_view id) {
  const TimeLimitRule* rule = OfficialTimeLimits().Find(id);
  if (rule == nullptr) throw std::runtime_error("missing rule " + std::string(id));
  return *rule;
}

}  // namespace wagelink::domain::test
