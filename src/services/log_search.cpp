#include "services/log_search.h"

#include <algorithm>
#include <optional>
#include <string_view>
#include <tuple>

#include "domain/civil_date.h"
#include "security/roles.h"

namespace wagelink::services {
namespace {

Status AtMost(std::string_view field, const std::string& value, std::size_t max_bytes) {
  if (value.size() <= max_bytes) return Ok{};
  return InvalidField(field, "过长（至多 " + std::to_string(max_bytes) + " 字节）",
                      "too long (at most " + std::to_string(max_bytes) + " bytes)");
}

// The instants [from 00:00, the day after `to` 00:00) in Beijing time, as the logs store them.
struct InstantRange {
  std::string from_at;
  std::string until_at;
};

// A Beijing day of the logs: years the stored instants' text orders correctly (four digits, after 1970).
Result<domain::CivilDate> ReadDay(const std::string& text, std::string_view field) {
  auto day = domain::CivilDate::ParseIso(text, field);
  if (!day) return day.error();
  if (day->year() < 1970 || day->year() > 9998) {
    return InvalidField(field, "应在 1970 年至 9998 年之间", "must lie in the years 1970 to 9998");
  }
  return day;
}

Result<InstantRange> ReadDayRange(const std::string& from, const std::string& to) {
  InstantRange range;
  std::optional<domain::CivilDate> first, last;
  if (!from.empty()) {
    auto day = ReadDay(from, "from");
    if (!day) return day.error();
    first = *day;
    range.from_at = domain::StartOfShanghaiDay(*day).ToIsoUtc();
  }
  if (!to.empty()) {
    auto day = ReadDay(to, "to");
    if (!day) return day.error();
    last = *day;
    range.until_at = domain::EndOfShanghaiDay(*day).ToIsoUtc();
  }
  if (first && last && *first > *last) {
    return InvalidField("from", "起始日期不能晚于结束日期", "must not be after to");
  }
  return range;
}

// Action codes are dotted lower-case words; anything else cannot be one.
bool LooksLikeActionCode(std::string_view code) {
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_'; });
}

}  // namespace

Result<store::AuditFilter> ReadAuditSearch(const AuditSearch& search) {
  for (auto [field, value, max] : {std::tuple{"q", &search.text, 128}, std::tuple{"case_no", &search.case_no, 32},
                                   std::tuple{"actor", &search.actor, 128}, std::tuple{"action", &search.action, 64},
                                   std::tuple{"body", &search.body, 32}}) {
    if (auto s = AtMost(field, *value, max); !s) return s.error();
  }
  if (!LooksLikeActionCode(search.action)) {
    return InvalidField("action", "不是操作代码", "is not an action code");
  }
  if (!search.body.empty() && !security::IsKnownBodyCode(search.body)) {
    return InvalidField("body", "单位不存在", "unknown body code");
  }
  auto range = ReadDayRange(search.from, search.to);
  if (!range) return range.error();
  return store::AuditFilter{.text = search.text,
                            .case_no = search.case_no,
                            .actor = search.actor,
                            .action = search.action,
                            .body_code = search.body,
                            .from_at = range->from_at,
                            .until_at = range->until_at};
}

Result<store::LoginFilter> ReadLoginSearch(const LoginSearch& search) {
  for (auto [field, value, max] :
       {std::tuple{"username", &search.user, 128}, std::tuple{"client_address", &search.client_address, 64}}) {
    if (auto s = AtMost(field, *value, max); !s) return s.error();
  }
  std::optional<bool> success;
  if (search.success == "true") {
    success = true;
  } else if (search.success == "false") {
    success = false;
  } else if (!search.success.empty()) {
    return InvalidField("success", "应为 true 或 false", "must be true or false");
  }
  auto range = ReadDayRange(search.from, search.to);
  if (!range) return range.error();
  return store::LoginFilter{.user = search.user,
                            .success = success,
                            .from_at = range->from_at,
                            .until_at = range->until_at,
                            .client_address = search.client_address};
}

boost::json::object SearchJson(const AuditSearch& s) {
  return {{"q", s.text},    {"case_no", s.case_no}, {"actor", s.actor}, {"action", s.action},
          {"body", s.body}, {"from", s.from},       {"to", s.to}};
}

boost::json::object SearchJson(const LoginSearch& s) {
  return {{"username", s.user},
          {"success", s.success},
          {"from", s.from},
          {"to", s.to},
          {"client_address", s.client_address}};
}

}  // namespace wagelink::services
