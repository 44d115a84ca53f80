#pragma once
// The supervision dashboard (监测总览, issue 17): how far the registered projects are covered by the
// wage-payment safeguards (special account, deposit, real-name records, pay through the account), the
// open warnings by level and by the body handling them, warnings opened and cleared over the last 12
// months, and the 检察建议 issued, answered, rectified and overdue. Needs dashboard.read.
#include <memory>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "domain/project_warnings.h"
#include "services/principal.h"
#include "store/database.h"
#include "store/supervision_figures_repository.h"

namespace wagelink::services {

struct NamedCount {
  std::string code, name_zh, name_en;
  std::int64_t count = 0;
};

struct BodyWarnings {
  std::string body, name_zh, name_en;
  std::vector<std::int64_t> by_level;  // in the order of the rules' levels
};

struct SupervisionFigures {
  store::ProjectCoverage coverage;
  std::vector<NamedCount> warnings_by_level;  // every level, lowest first
  std::vector<BodyWarnings> warnings_by_body;
  std::vector<store::WarningMonth> warnings_by_month;  // the last 12 months, each present
  store::RecommendationTotals recommendations;
  std::vector<domain::WarningLevel> levels;
};

class SupervisionDashboard {
 public:
  SupervisionDashboard(store::Database& db, const Clock& clock, std::shared_ptr<const domain::ProjectWarningRuleSet> rules)
      : db_(db), clock_(clock), rules_(std::move(rules)) {}

  Result<SupervisionFigures> Figures(const Principal& who);

 private:
  store::Database& db_;
  const Clock& clock_;
  std::shared_ptr<const domain::ProjectWarningRuleSet> rules_;
};

}  // namespace wagelink::services
