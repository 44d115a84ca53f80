#include "services/dashboard_service.h"

#include <array>
#include <cstdio>

#include "services/admin_service.h"

namespace wagelink::services {
namespace {
using security::Permission;

// The funnel's steps after "received", each reached when the case took this step once.
// The criminal chain runs on to 起诉, 判决 and 执行 (store::DashboardRepository::Cases counts a
// prosecution decision only when it was to prosecute).
constexpr std::array<std::pair<std::string_view, std::string_view>, 7> kSteps{{
    {"accepted", "accept_complaint"},
    {"ordered", "issue_order"},
    {"transferred", "send_transfer"},
    {"filed", "file_case"},
    {"prosecuted", "decide_prosecution"},
    {"judged", "deliver_judgment"},
    {"executed", "record_execution"},
}};

BodyTimeliness TimelinessOf(const store::ClockTally& t) {
  BodyTimeliness out{t.body_code, t.met, t.met_late, t.not_met, t.overdue, t.running, std::nullopt};
  const std::int64_t due = t.met + t.met_late + t.not_met + t.overdue;
  if (due > 0) out.on_time_percent = t.met * 100 / due;
  return out;
}

// First instant of the month eleven months before `now` (twelve months including this one), UTC.
std::string TwelveMonthsBack(UnixSeconds now) {
  const std::string today = FormatUtc(now);  // YYYY-MM-DDTHH:MM:SSZ
  int year = std::stoi(today.substr(0, 4));
  int month = std::stoi(today.substr(5, 2)) - 11;
  if (month <= 0) {
    month += 12;
    year -= 1;
  }
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-01T00:00:00Z", year, month);
  return buffer;
}

}  // namespace

Result<DashboardFigures> DashboardService::Figures(const Principal& who) {
  if (!who.Can(Permission::kDashboardRead)) return Forbidden(Permission::kDashboardRead);
  const auto scope_kind = who.scope().kind;
  if (scope_kind == security::DataScope::Kind::kNone) return Forbidden(Permission::kCaseRead);
  const store::CaseScope scope{scope_kind == security::DataScope::Kind::kAllInRegion, who.body_code};

  DashboardFigures out;
  const UnixSeconds now = clock_.Now();
  out.as_of = FormatUtc(now);
  out.all_in_region = scope.all_in_region;
  out.body_code = who.body_code;
  auto connection = db_.AcquireForReading(who.read_after);
  store::DashboardRepository figures(*connection);
  const auto cases = figures.Cases(scope, out.as_of);
  out.money = cases.money;
  out.funnel.push_back({"received", out.money.cases});
  for (const auto& [stage, event] : kSteps) {
    std::int64_t reached = 0;
    for (const auto& s : cases.steps) {
      if (s.event == event) reached = s.cases;
    }
    out.funnel.push_back({std::string(stage), reached});
  }
  out.funnel.push_back({"paid", out.money.paid_in_full});
  for (const auto& tally : cases.timeliness) out.timeliness.push_back(TimelinessOf(tally));
  out.risks_visible = who.Can(Permission::kRiskRead);
  if (out.risks_visible) {
    out.risks_since = TwelveMonthsBack(now);
    out.risks_by_month = figures.RisksByMonth(out.risks_since);
    out.open_risks_by_level = figures.OpenRisksByLevel();
  }
  return out;
}

}  // namespace wagelink::services
