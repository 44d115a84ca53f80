#include "domain/civil_date.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <optional>

namespace wagelink::domain {
namespace {

constexpr std::int64_t kSecondsPerDay = 86400;

// Reads exactly `count` ASCII digits at `pos`; no sign, no whitespace.
std::optional<int> ReadDigits(std::string_view text, std::size_t pos, std::size_t count) {
  if (pos + count > text.size()) return std::nullopt;
  int value = 0;
  for (std::size_t i = pos; i < pos + count; ++i) {
    const char c = text[i];
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::int64_t FloorDiv(std::int64_t a, std::int64_t b) {
  std::int64_t q = a / b;
  if ((a % b != 0) && ((a < 0) != (b < 0))) --q;
  return q;
}

// Echo short printable-ASCII input only: anything else could be binary junk or split a UTF-8 character.
std::string Echo(std::string_view text) {
  constexpr std::size_t kMaxEcho = 40;
  const bool printable =
      text.size() <= kMaxEcho && std::all_of(text.begin(), text.end(), [](char c) { return c >= 0x20 && c < 0x7F; });
  return printable ? std::string(text) : std::string("…");
}

std::string FieldLabel(std::string_view field) {
  return field.empty() ? std::string("date") : std::string(field);
}

Error DateError(std::string_view field, std::string_view text) {
  const std::string label = FieldLabel(field);
  return MakeError(
      ErrorCode::kValidationFailed, label + "：日期无效，应为 YYYY-MM-DD 格式的真实日期（收到 \"" + Echo(text) + "\"）",
      label + ": invalid date, expected a real date as YYYY-MM-DD (got \"" + Echo(text) + "\")", std::string(field));
}

Error InstantError(std::string_view field, std::string_view text) {
  const std::string label = field.empty() ? std::string("time") : std::string(field);
  return MakeError(
      ErrorCode::kValidationFailed,
      label + "：时间无效，应为带时区的 RFC 3339 格式，如 2025-12-12T15:00:00+08:00（收到 \"" + Echo(text) + "\"）",
      label + ": invalid time, expected RFC 3339 with an offset such as 2025-12-12T15:00:00+08:00 (got \"" +
          Echo(text) + "\")",
      std::string(field));
}

std::string TwoDigits(int value) {
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%02d", value);
  return buffer.data();
}

std::string FormatTimeOfDay(int seconds_of_day) {
  return TwoDigits(seconds_of_day / 3600) + ":" + TwoDigits(seconds_of_day / 60 % 60) + ":" +
         TwoDigits(seconds_of_day % 60);
}

}  // namespace

Result<CivilDate> CivilDate::FromYmd(int year, unsigned month, unsigned day) {
  if (year < kMinYear || year > kMaxYear) {
    return MakeError(ErrorCode::kValidationFailed, "日期的年份超出 0001–9999 范围", "date year is outside 0001-9999");
  }
  const std::chrono::year_month_day ymd{std::chrono::year(year), std::chrono::month(month), std::chrono::day(day)};
  if (!ymd.ok()) {
    return MakeError(ErrorCode::kValidationFailed, "日期不存在", "no such calendar date");
  }
  return CivilDate(std::chrono::sys_days(ymd));
}

Result<CivilDate> CivilDate::ParseIso(std::string_view text, std::string_view field) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return DateError(field, text);
  const auto year = ReadDigits(text, 0, 4);
  const auto month = ReadDigits(text, 5, 2);
  const auto day = ReadDigits(text, 8, 2);
  if (!year || !month || !day) return DateError(field, text);
  auto date = FromYmd(*year, static_cast<unsigned>(*month), static_cast<unsigned>(*day));
  if (!date) return DateError(field, text);
  return date;
}

CivilDate CivilDate::FromDaysSinceEpoch(std::int64_t days) {
  return CivilDate(std::chrono::sys_days(std::chrono::days(days)));
}

std::string CivilDate::ToIso() const {
  std::array<char, 16> buffer{};
  std::snprintf(buffer.data(), buffer.size(), "%04d-%02u-%02u", year(), month(), day());
  return buffer.data();
}

int CivilDate::year() const {
  return static_cast<int>(ymd().year());
}
unsigned CivilDate::month() const {
  return static_cast<unsigned>(ymd().month());
}
unsigned CivilDate::day() const {
  return static_cast<unsigned>(ymd().day());
}

bool CivilDate::IsWeekend() const {
  const auto weekday = Weekday();
  return weekday == std::chrono::Saturday || weekday == std::chrono::Sunday;
}

CivilDate CivilDate::AddMonthsClamped(int months) const {
  const auto start = ymd();
  const auto target = std::chrono::year_month(start.year(), start.month()) + std::chrono::months(months);
  const auto last = std::chrono::year_month_day_last(target.year(), std::chrono::month_day_last(target.month()));
  const auto day = start.day() <= last.day() ? start.day() : last.day();
  return CivilDate(std::chrono::sys_days(std::chrono::year_month_day(target.year(), target.month(), day)));
}

std::string_view WeekdayNameZh(std::chrono::weekday weekday) {
  static constexpr std::array<std::string_view, 7> kNames{"星期日", "星期一", "星期二", "星期三",
                                                          "星期四", "星期五", "星期六"};
  return kNames[weekday.c_encoding() % 7];
}

std::string_view WeekdayNameEn(std::chrono::weekday weekday) {
  static constexpr std::array<std::string_view, 7> kNames{"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                          "Thursday", "Friday", "Saturday"};
  return kNames[weekday.c_encoding() % 7];
}

Result<Instant> Instant::ParseRfc3339(std::string_view text, std::string_view field) {
  // YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM)
  if (text.size() < 20 || text.size() > 64 || text[10] != 'T' || text[13] != ':' || text[16] != ':') {
    return InstantError(field, text);
  }
  auto date = CivilDate::ParseIso(text.substr(0, 10));
  const auto hour = ReadDigits(text, 11, 2);
  const auto minute = ReadDigits(text, 14, 2);
  const auto second = ReadDigits(text, 17, 2);
  if (!date || !hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 59) {
    return InstantError(field, text);
  }
  std::size_t pos = 19;
  if (pos < text.size() && text[pos] == '.') {
    ++pos;
    const std::size_t digits_start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == digits_start) return InstantError(field, text);
  }
  std::int64_t offset_seconds = 0;
  const std::string_view zone = text.substr(pos);
  if (zone == "Z") {
    offset_seconds = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    const auto offset_hour = ReadDigits(zone, 1, 2);
    const auto offset_minute = ReadDigits(zone, 4, 2);
    if (!offset_hour || !offset_minute || *offset_hour > 23 || *offset_minute > 59) {
      return InstantError(field, text);
    }
    offset_seconds = (*offset_hour * 3600 + *offset_minute * 60) * (zone[0] == '-' ? -1 : 1);
  } else {
    return InstantError(field, text);
  }
  const std::int64_t local = date->DaysSinceEpoch() * kSecondsPerDay + *hour * 3600 + *minute * 60 + *second;
  return Instant(local - offset_seconds);
}

std::string Instant::ToIsoUtc() const {
  const std::int64_t days = FloorDiv(seconds_, kSecondsPerDay);
  const auto seconds_of_day = static_cast<int>(seconds_ - days * kSecondsPerDay);
  return CivilDate::FromDaysSinceEpoch(days).ToIso() + "T" + FormatTimeOfDay(seconds_of_day) + "Z";
}

std::string Instant::ToIsoShanghai() const {
  const ShanghaiDateTime local = ToShanghai(*this);
  return local.date.ToIso() + "T" + FormatTimeOfDay(local.seconds_of_day) + "+08:00";
}

ShanghaiDateTime ToShanghai(Instant instant) {
  const std::int64_t local = instant.unix_seconds() + kShanghaiUtcOffsetSeconds;
  const std::int64_t days = FloorDiv(local, kSecondsPerDay);
  return ShanghaiDateTime{CivilDate::FromDaysSinceEpoch(days), static_cast<int>(local - days * kSecondsPerDay)};
}

CivilDate ShanghaiDate(Instant instant) {
  return ToShanghai(instant).date;
}

Instant StartOfShanghaiDay(CivilDate date) {
  return Instant::FromUnixSeconds(date.DaysSinceEpoch() * kSecondsPerDay - kShanghaiUtcOffsetSeconds);
}

Instant EndOfShanghaiDay(CivilDate date) {
  return StartOfShanghaiDay(date.AddDays(1));
}

Result<Instant> FromShanghai(CivilDate date, int hour, int minute, int second) {
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return MakeError(ErrorCode::kValidationFailed, "时刻无效（时 0–23，分、秒 0–59）",
                     "invalid time of day (hour 0-23, minute and second 0-59)");
  }
  return StartOfShanghaiDay(date).AddSeconds(hour * 3600 + minute * 60 + second);
}

}  // namespace wagelink::domain
