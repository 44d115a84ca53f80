#pragma once
// The dashboard (驾驶舱): the funnel from complaint to wages paid, money owed and paid, timeliness of
// the statutory duty clocks per responsible body, and risk levels over the last twelve months. Case
// figures are limited to the caller's need-to-know scope exactly like the case list; risk figures
// are the ledger's, which every holder of risk.read sees whole. Read-only: aggregates, no rows.
#include <string>
#include <vector>

#include "core/clock.h"
#include "services/principal.h"
#include "store/dashboard_repository.h"
#include "store/database.h"

namespace wagelink::services {

struct FunnelStage {
  std::string stage;  // received | accepted | ordered | transferred | filed | paid
  std::int64_t cases = 0;
};

struct DashboardFigures {
  std::string as_of;
  bool all_in_region = false;
  std::string body_code;
  std::vector<FunnelStage> funnel;
  store::CaseMoneyTotals money;
  std::vector<store::ClockTally> timeliness;
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
