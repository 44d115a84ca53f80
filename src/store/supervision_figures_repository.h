#pragma once
// The figures of the supervision dashboard (issue 17): coverage of the registered projects, open
// warnings by level and body, warnings opened and cleared by month, 检察建议 by outcome. Counts over
// the projects and warnings tables, exact; a district registers thousands of projects, not millions.
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct ProjectCoverage {
  std::int64_t projects = 0, with_special_account = 0, with_deposit = 0, with_real_name_records = 0,
               with_payroll_through_account = 0;
};

struct OpenWarningCount {
  std::string owner_body, level;
  std::int64_t open = 0;
};

struct WarningMonth {
  std::string month;  // YYYY-MM
  std::int64_t opened = 0, cleared = 0;
};

struct RecommendationTotals {
  std::int64_t issued = 0, answered = 0, rectified = 0, overdue = 0;
};

class SupervisionFiguresRepository {
 public:
  explicit SupervisionFiguresRepository(Connection& connection) : c_(connection) {}

  ProjectCoverage Coverage();
  std::vector<OpenWarningCount> OpenWarnings();  // by owner body and level
  // Months from `first_month` (YYYY-MM) on, in order; months without either are left out.
  std::vector<WarningMonth> WarningsByMonth(const std::string& first_month);
  RecommendationTotals Recommendations(const std::string& today);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
