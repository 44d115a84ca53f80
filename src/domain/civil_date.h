#pragma once
// Civil dates and instants (ARCHITECTURE.md: "Dates are civil dates in Asia/Shanghai; instants are
// UTC"). Statutory periods are counted in civil days of the place where the case is handled, so a
// trigger instant is first converted to its Shanghai civil date. Asia/Shanghai has been a fixed UTC+8
// with no daylight saving since 1991, which is why no time-zone database is needed here.
#include <chrono>
#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/error.h"

namespace wagelink::domain {

// A day of the proleptic Gregorian calendar, years 0001–9999 (what ISO "YYYY-MM-DD" can spell).
class CivilDate {
 public:
  static constexpr int kMinYear = 1;
  static constexpr int kMaxYear = 9999;

  // 1970-01-01; exists so the type can live in containers and structs.
  constexpr CivilDate() = default;

  // Fails for impossible dates (2025-02-29) and years outside 1..9999.
  static Result<CivilDate> FromYmd(int year, unsigned month, unsigned day);
  // Strict "YYYY-MM-DD": exactly 10 characters, no whitespace, no other separators.
  // `field` names the input for the error (e.g. "holidays[2].from").
  static Result<CivilDate> ParseIso(std::string_view text, std::string_view field = {});
  static CivilDate FromSysDays(std::chrono::sys_days days) { return CivilDate(days); }
  static CivilDate FromDaysSinceEpoch(std::int64_t days);

  std::string ToIso() const;
  int year() const;
  unsigned month() const;
  unsigned day() const;
  std::chrono::year_month_day ymd() const { return std::chrono::year_month_day(days_); }
  std::chrono::sys_days sys_days() const { return days_; }
  std::int64_t DaysSinceEpoch() const { return days_.time_since_epoch().count(); }

  std::chrono::weekday Weekday() const { return std::chrono::weekday(days_); }
  bool IsWeekend() const;  // Saturday or Sunday
  // Days may be negative. Callers keep `days` within the calendar range (limits are bounded in data).
  CivilDate AddDays(std::int64_t days) const { return CivilDate(days_ + std::chrono::days(days)); }
  // Same day-of-month `months` later, or that month's last day when it has no such day
  // (民法典 §202: 到期月的对应日; 没有对应日的, 月末日).
  CivilDate AddMonthsClamped(int months) const;
  CivilDate AddYearsClamped(int years) const { return AddMonthsClamped(years * 12); }

  friend auto operator<=>(const CivilDate&, const CivilDate&) = default;
  friend bool operator==(const CivilDate&, const CivilDate&) = default;

 private:
  explicit constexpr CivilDate(std::chrono::sys_days days) : days_(days) {}
  std::chrono::sys_days days_{};
};

// "星期一" … "星期日" and "Monday" … "Sunday", for explanations shown to users.
std::string_view WeekdayNameZh(std::chrono::weekday weekday);
std::string_view WeekdayNameEn(std::chrono::weekday weekday);

// A point in time: whole seconds since 1970-01-01T00:00:00Z (leap seconds ignored, as in Unix time).
class Instant {
 public:
  constexpr Instant() = default;
  static constexpr Instant FromUnixSeconds(std::int64_t seconds) { return Instant(seconds); }
  // RFC 3339 with an explicit offset: "2025-12-12T15:00:00+08:00" or "2025-12-12T07:00:00Z";
  // a fractional second is accepted and truncated (browsers send ".000Z").
  static Result<Instant> ParseRfc3339(std::string_view text, std::string_view field = {});

  constexpr std::int64_t unix_seconds() const { return seconds_; }
  constexpr Instant AddSeconds(std::int64_t seconds) const { return Instant(seconds_ + seconds); }
  std::string ToIsoUtc() const;       // "2025-12-12T07:00:00Z"
  std::string ToIsoShanghai() const;  // "2025-12-12T15:00:00+08:00"

  friend constexpr auto operator<=>(const Instant&, const Instant&) = default;
  friend constexpr bool operator==(const Instant&, const Instant&) = default;

 private:
  explicit constexpr Instant(std::int64_t seconds) : seconds_(seconds) {}
  std::int64_t seconds_ = 0;
};

// Asia/Shanghai wall time of an instant.
struct ShanghaiDateTime {
  CivilDate date;
  int seconds_of_day = 0;  // 0 .. 86399
  int hour() const { return seconds_of_day / 3600; }
  int minute() const { return seconds_of_day / 60 % 60; }
  int second() const { return seconds_of_day % 60; }
};

inline constexpr std::int64_t kShanghaiUtcOffsetSeconds = 8 * 3600;

ShanghaiDateTime ToShanghai(Instant instant);
CivilDate ShanghaiDate(Instant instant);
// 00:00 Shanghai time of `date`.
Instant StartOfShanghaiDay(CivilDate date);
// 24:00 of `date`, i.e. 00:00 of the next day: a period whose last day is `date` ends here
// (民法典 §203 ¶2: 期间的最后一日的截止时间为二十四时).
Instant EndOfShanghaiDay(CivilDate date);
// Validates 0<=hour<24, 0<=minute<60, 0<=second<60.
Result<Instant> FromShanghai(CivilDate date, int hour, int minute, int second);

}  // namespace wagelink::domain
