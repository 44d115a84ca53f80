#pragma once
// The dashboard (驾驶舱): the funnel from complaint to wages paid, money owed and paid, timeliness of
// the statutory duty clocks per responsible body, and risk levels over the last twelve months. Case
// figures are limited to the caller's need-to-know scope exactly like the case list; risk figures
// are the ledger's, which every holder of risk.read sees whole. Read-only: aggregates, no rows.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "services/principal.h"
#include "store/dashboard_repository.h"
#include "store/database.h"

namespace wagelink::services {

struct FunnelStage {
  // received | accepted | ordered | transferred | filed | prosecuted | judged | executed | paid
  std::string stage;
  std::int64_t cases = 0;
};

// One responsible body's statutory duty clocks by outcome, and its on-time rate: clocks met in time
// out of every clock that is over or past due — a running clock already overdue counts against the
// rate at once, not only when it is finally stopped.
struct BodyTimeliness {
  std::string body_code;
  std::int64_t met = 0, met_late = 0, not_met = 0, overdue = 0, running = 0;
  std::optional<std::int64_t> on_time_percent;  // whole percent, rounded down; none while nothing is due yet
};

struct DashboardFigures {
  std::string as_of;
  bool all_in_region = false;
  std::string body_code;
  std::vector<FunnelStage> funnel;
  store::CaseMoneyTotals money;
  std::vector<BodyTimeliness> timeliness;
  bool risks_visible = false;
  std::string risks_since;  // first instant of the oldest month shown
  std::vector<store::RiskMonthTally> risks_by_month;
  std::vector<store::RiskLevelTally> open_risks_by_level;
};

class DashboardService {
 public:
  DashboardService(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  Result<DashboardFigures> Figures(const Principal& who);

 private:
  store::Database& db_;
  const Clock& clock_;
};

}  // namespace wagelink::services
