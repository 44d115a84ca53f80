#include "store/dashboard_repository.h"

#include "store/case_tally_repository.h"

#include <map>

namespace wagelink::store {
namespace {

// Open duty clocks already due at `now`, by responsible body; the rest of the timeliness figures are
// running totals (case_tally_repository.h). Read from the partial index case_clocks_open_due alone
// (it holds the body and the case), the scope bound as (all_in_region 0/1, body_code) like every
// case query: O(overdue clocks), without a visit to the clocks or the cases.
constexpr std::string_view kOverdue =
    "SELECT k.responsible_body, COUNT(*) FROM case_clocks k "
    "WHERE k.kind = 'duty' AND k.stopped_at IS NULL AND k.due_at < ? "
    "AND (? = 1 OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = k.case_id AND p.body_code = ?)) "
    "GROUP BY k.responsible_body";

constexpr std::string_view kRisksByMonth =
    "SELECT SUBSTR(created_at, 1, 7), level, COUNT(*) FROM risks WHERE created_at >= ? "
    "GROUP BY SUBSTR(created_at, 1, 7), level ORDER BY 1, 2";

constexpr std::string_view kOpenRisksByLevel =
    "SELECT level, COUNT(*) FROM risks WHERE status = 'open' GROUP BY level ORDER BY level";

std::string_view TallyScope(const CaseScope& scope) {
  return scope.all_in_region ? kRegionScope : std::string_view(scope.body_code);
}

std::int64_t Tally(const CaseTallies& tallies, std::string_view metric) {
  auto found = tallies.find(std::string(metric));
  return found == tallies.end() ? 0 : found->second;
}

}  // namespace

CaseFigures DashboardRepository::Cases(const CaseScope& scope, const std::string& now) {
  const auto kept = CaseTallyRepository(c_).Kept(TallyScope(scope));
  CaseFigures out;
  out.money = {Tally(kept, kTallyCases), Tally(kept, kTallyWorkers), Tally(kept, kTallyOwedFen),
               Tally(kept, kTallyPaidFen), Tally(kept, kTallyPaidInFull)};
  std::map<std::string, ClockTally> by_body;
  std::map<std::string, std::int64_t> open;
  for (const auto& [metric, value] : kept) {
    if (metric.starts_with(kReachedPrefix)) out.steps.push_back({metric.substr(kReachedPrefix.size()), value});
    if (!metric.starts_with(kClockPrefix)) continue;
    const auto colon = metric.rfind(':');  // clock:<body>:<outcome>
    const std::string body = metric.substr(kClockPrefix.size(), colon - kClockPrefix.size());
    const std::string_view outcome = std::string_view(metric).substr(colon + 1);
    ClockTally& tally = by_body[body];
    if (outcome == "met") tally.met = value;
    if (outcome == "met_late") tally.met_late = value;
    if (outcome == "not_met") tally.not_met = value;
    if (outcome == "open") open[body] = value;
  }
  c_.Stream(kOverdue, {now, std::int64_t{scope.all_in_region}, scope.body_code},
            [&](const Row& r) { by_body[r.Text(0)].overdue = r.Int(1); });
  for (auto& [body, tally] : by_body) {
    tally.body_code = body;
    tally.running = open[body] - tally.overdue;
    out.timeliness.push_back(tally);
  }
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
