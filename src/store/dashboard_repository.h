#pragma once
// Figures for the dashboard (驾驶舱), each within the caller's need-to-know scope, never rows. The
// case figures, the funnel and the clocks are the running totals of store/case_tally_repository.h
// (one look-up whatever the number of cases) with the overdue clocks counted as read; risks are
// COUNT queries over the open work.
#include <cstdint>
#include <string>
#include <vector>

#include "store/case_repository.h"
#include "store/database.h"

namespace wagelink::store {

struct CaseMoneyTotals {
  std::int64_t cases = 0;
  std::int64_t workers = 0;
  std::int64_t owed_fen = 0;
  std::int64_t paid_fen = 0;
  std::int64_t paid_in_full = 0;  // cases with something owed and all of it paid
};

struct EventReach {
  std::string event;
  std::int64_t cases = 0;  // distinct cases that ever took the step
};

// Statutory duty clocks of one responsible body, by outcome.
struct ClockTally {
  std::string body_code;
  std::int64_t met = 0, met_late = 0, not_met = 0, overdue = 0, running = 0;
};

struct RiskMonthTally {
  std::string month;  // YYYY-MM of the report
  std::string level;
  std::int64_t risks = 0;
};

struct RiskLevelTally {
  std::string level;
  std::int64_t open = 0;
};

// The case figures of one scope, from one read of its running totals.
struct CaseFigures {
  CaseMoneyTotals money;
  // How many cases reached each of the funnel's steps (accept_complaint … file_case, a decision to
  // prosecute, deliver_judgment, record_execution).
  std::vector<EventReach> steps;
  std::vector<ClockTally> timeliness;  // by responsible body
};

class DashboardRepository {
 public:
  explicit DashboardRepository(Connection& connection) : c_(connection) {}

  // `now` is an instant "YYYY-MM-DDTHH:MM:SSZ": open clocks due before it are overdue.
  CaseFigures Cases(const CaseScope& scope, const std::string& now);
  // Risks reported since `since` (an instant), by month and current level; open risks by level.
  std::vector<RiskMonthTally> RisksByMonth(const std::string& since);
  std::vector<RiskLevelTally> OpenRisksByLevel();

 private:
  Connection& c_;
};

}  // namespace wagelink::store
