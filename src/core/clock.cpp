#include "core/clock.h"

#include <charconv>
#include <chrono>
#include <cstdio>

namespace wagelink {

UnixSeconds SystemClock::Now() const {
  using namespace std::chrono;
  return duration_cast<seconds>(system_clock::now().time_since_epoch()).count();
}

std::string FormatUtc(UnixSeconds t) {
  using namespace std::chrono;
  sys_seconds tp{seconds{t}};
  auto day = floor<days>(tp);
  year_month_day ymd{day};
  hh_mm_ss hms{tp - day};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:%02lldZ", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()),
                static_cast<long>(hms.hours().count()), static_cast<long>(hms.minutes().count()),
                static_cast<long long>(hms.seconds().count()));
  return buf;
}

namespace {
bool ReadInt(std::string_view text, std::size_t pos, std::size_t len, int& out) {
  if (pos + len > text.size()) return false;
  for (std::size_t i = pos; i < pos + len; ++i) {
    if (text[i] < '0' || text[i] > '9') return false;
  }
  std::from_chars(text.data() + pos, text.data() + pos + len, out);
  return true;
}
}  // namespace

std::optional<UnixSeconds> ParseUtc(std::string_view text) {
  using namespace std::chrono;
  int y, mo, d, h, mi, s;
  if (text.size() < 20 || text[4] != '-' || text[7] != '-' || text[10] != 'T' || text[13] != ':' ||
      text[16] != ':') {
    return std::nullopt;
  }
  if (!ReadInt(text, 0, 4, y) || !ReadInt(text, 5, 2, mo) || !ReadInt(text, 8, 2, d) || !ReadInt(text, 11, 2, h) ||
      !ReadInt(text, 14, 2, mi) || !ReadInt(text, 17, 2, s)) {
    return std::nullopt;
  }
  year_month_day ymd{year{y}, month{static_cast<unsigned>(mo)}, day{static_cast<unsigned>(d)}};
  if (!ymd.ok() || h > 23 || mi > 59 || s > 59) return std::nullopt;
  long offset = 0;
  std::string_view zone = text.substr(19);
  if (zone == "Z") {
    offset = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    int oh, om;
    if (!ReadInt(zone, 1, 2, oh) || !ReadInt(zone, 4, 2, om) || oh > 14 || om > 59) return std::nullopt;
    offset = (oh * 3600L + om * 60L) * (zone[0] == '-' ? -1 : 1);
  } else {
    return std::nullopt;
  }
  auto days_since = sys_days{ymd}.time_since_epoch().count();
  return static_cast<UnixSeconds>(days_since) * 86400 + h * 3600 + mi * 60 + s - offset;
}

}  // namespace wagelink
