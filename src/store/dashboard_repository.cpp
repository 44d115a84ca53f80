#include "store/dashboard_repository.h"

#include "store/case_sql.h"

namespace wagelink::store {
namespace {

// Bound as (all_in_region 0/1, body_code), like every case query.
#define WL_DASHBOARD_SCOPE \
  "(? = 1 OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND p.body_code = ?))"

constexpr std::string_view kMoney =
    "SELECT COUNT(*), CAST(COALESCE(SUM(c.workers_count), 0) AS BIGINT), "
    // A claim found to involve no arrears owes nothing, whatever was claimed.
    "CAST(COALESCE(SUM(CASE WHEN " WL_CASE_NO_ARREARS_FOUND " = 1 THEN 0 ELSE c.owed_fen END), 0) AS BIGINT), "
    "CAST(COALESCE(SUM(c.paid_fen), 0) AS BIGINT), "
    "CAST(COALESCE(SUM(CASE WHEN c.owed_fen > 0 AND c.paid_fen >= c.owed_fen THEN 1 ELSE 0 END), 0) AS BIGINT) "
    "FROM cases c WHERE " WL_DASHBOARD_SCOPE;

constexpr std::string_view kFunnelSteps =
    "SELECT v.event, COUNT(DISTINCT v.case_id) FROM case_events v JOIN cases c ON c.id = v.case_id "
    "WHERE v.event IN ('accept_complaint', 'issue_order', 'send_transfer', 'file_case', 'decide_prosecution', "
    "'deliver_judgment', 'record_execution') "
    // 不起诉 sends the case back to labour inspection (反向衔接): it is no prosecution.
    "AND NOT (v.event = 'decide_prosecution' AND v.to_state = 'administrative_handling') AND " WL_DASHBOARD_SCOPE
    " GROUP BY v.event";

// A met clock stopped after its due instant was met late; open ones are overdue or running at `now`.
constexpr std::string_view kTimeliness =
    "SELECT k.responsible_body, "
    "CAST(SUM(CASE WHEN k.outcome = 'met' AND k.stopped_at <= k.due_at THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN k.outcome = 'met' AND k.stopped_at > k.due_at THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN k.outcome = 'not_met' THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN k.stopped_at IS NULL AND k.due_at < ? THEN 1 ELSE 0 END) AS BIGINT), "
    "CAST(SUM(CASE WHEN k.stopped_at IS NULL AND k.due_at >= ? THEN 1 ELSE 0 END) AS BIGINT) "
    "FROM case_clocks k JOIN cases c ON c.id = k.case_id WHERE k.kind = 'duty' AND " WL_DASHBOARD_SCOPE
    " GROUP BY k.responsible_body ORDER BY k.responsible_body";

constexpr std::string_view kRisksByMonth =
    "SELECT SUBSTR(created_at, 1, 7), level, COUNT(*) FROM risks WHERE created_at >= ? "
    "GROUP BY SUBSTR(created_at, 1, 7), level ORDER BY 1, 2";

constexpr std::string_view kOpenRisksByLevel =
    "SELECT level, COUNT(*) FROM risks WHERE status = 'open' GROUP BY level ORDER BY level";

#undef WL_DASHBOARD_SCOPE

Params ScopeParams(const CaseScope& scope) { return {std::int64_t{scope.all_in_region}, scope.body_code}; }

}  // namespace

CaseMoneyTotals DashboardRepository::Money(const CaseScope& scope) {
  auto r = c_.QueryOne(kMoney, ScopeParams(scope));
  if (!r) return {};
  return {r->Int(0), r->Int(1), r->Int(2), r->Int(3), r->Int(4)};
}

std::vector<EventReach> DashboardRepository::FunnelSteps(const CaseScope& scope) {
  std::vector<EventReach> out;
  c_.Stream(kFunnelSteps, ScopeParams(scope), [&](const Row& r) { out.push_back({r.Text(0), r.Int(1)}); });
  return out;
}

std::vector<ClockTally> DashboardRepository::Timeliness(const CaseScope& scope, const std::string& now) {
  std::vector<ClockTally> out;
  c_.Stream(kTimeliness, {now, now, std::int64_t{scope.all_in_region}, scope.body_code}, [&](const Row& r) {
    out.push_back({r.Text(0), r.Int(1), r.Int(2), r.Int(3), r.Int(4), r.Int(5)});
  });
  return out;
}

std::vector<RiskMonthTally> DashboardRepository::RisksByMonth(const std::string& since) {
  std::vector<RiskMonthTally> out;
  c_.Stream(kRisksByMonth, {since}, [&](const Row& r) { out.push_back({r.Text(0), r.Text(1), r.Int(2)}); });
  return out;
}

std::vector<RiskLevelTally> DashboardRepository::OpenRisksByLevel() {
  std::vector<RiskLevelTally> out;
  c_.Stream(kOpenRisksByLevel, {}, [&](const Row& r) { out.push_back({r.Text(0), r.Int(1)}); });
  return out;
}

}  // namespace wagelink::store
