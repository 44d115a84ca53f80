#pragma once
// Wage-arrears risk scoring for the risk ledger (风险台账). Pure: the rules come from
// data/risk_rules.json (operator-set platform defaults — no official numeric thresholds exist,
// LEGAL.md §4.3), the facts and the "as of" instant are passed in, and the result says which rules
// fired, from which observed values, so a level can always be explained.
//
// A rule fires when its indicator's observed value is >= at_least. Fired points add up to a score;
// the level is the highest whose min_score the score reaches, raised to any fired red line's floor.
// Two indicators are derived here rather than reported: in_seasonal_window (from the as-of date)
// and pay_due_passed (a pay date before the as-of date); employer_blacklisted is looked up by the
// service (the employer is on the 失信联合惩戒名单 today, 人社部令第45号).
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/civil_date.h"

namespace wagelink::domain {

struct RiskLevel {
  std::string code;  // general | elevated | major | severe
  std::string zh, en, colour;
  std::int64_t min_score = 0;
  std::int64_t review_days = 30;
  std::int64_t seasonal_review_days = 30;
};

struct RiskRule {
  std::string id;
  std::string indicator;
  std::int64_t at_least = 1;
  std::int64_t points = 0;
  std::optional<std::size_t> floor_level;  // index into levels
  bool leadership = false;                 // also report to the district leadership
  std::string zh, en, basis;
};

struct SeasonalWindow {
  unsigned from_month = 11, from_day = 1, to_month = 2, to_day = 28;  // may wrap the year end
  std::string zh, en, basis;
  bool Contains(CivilDate date) const;
};

class RiskRuleSet {
 public:
  // Validates data/risk_rules.json: levels ascending, known indicators, floors naming a level.
  static Result<RiskRuleSet> Parse(std::string_view json_text);

  const std::vector<RiskLevel>& levels() const { return levels_; }
  const std::vector<RiskRule>& rules() const { return rules_; }
  const SeasonalWindow& seasonal_window() const { return window_; }
  std::size_t wage_office_from() const { return wage_office_from_; }
  std::size_t leadership_from() const { return leadership_from_; }
  const std::string& status_zh() const { return status_zh_; }
  std::optional<std::size_t> LevelIndex(std::string_view code) const;

 private:
  std::vector<RiskLevel> levels_;
  std::vector<RiskRule> rules_;
  SeasonalWindow window_;
  std::size_t wage_office_from_ = 2;
  std::size_t leadership_from_ = 3;
  std::string status_zh_;
};

// Set by the project monitor (project_warnings.h), never by a reporter: the highest open warning
// level of the item's project, 1 for the lowest level (yellow) up.
inline constexpr std::string_view kMonitoringWarningLevel = "monitoring_warning_level";

// The indicators a reporter may state (all integers; flags are 0/1). Derived ones are not listed.
const std::vector<std::string_view>& ReportedRiskIndicators();
bool IsFlagIndicator(std::string_view indicator);

struct RiskFacts {
  std::int64_t workers_affected = 0;
  std::int64_t amount_fen = 0;
  std::vector<CivilDate> pay_due_dates;
  std::map<std::string, std::int64_t> indicators;  // ReportedRiskIndicators() only
  bool employer_blacklisted = false;               // listed in force on the as-of date
};

struct FiredRiskRule {
  std::string id, indicator, zh, en, basis;
  std::int64_t observed = 0;
  std::int64_t at_least = 0;
  std::int64_t points = 0;
  std::optional<std::string> floor_level;
  bool leadership = false;
};

struct RiskAssessment {
  std::size_t level = 0;
  std::string level_code;
  std::int64_t score = 0;
  std::vector<FiredRiskRule> fired;
  bool in_seasonal_window = false;
  std::int64_t review_days = 30;
  Instant as_of;
  CivilDate next_review_date;
  bool notify_wage_office = false;
  bool notify_leadership = false;  // and prepare the written report
};

RiskAssessment ScoreRisk(const RiskRuleSet& rules, const RiskFacts& facts, Instant as_of);

// The written report (书面材料) for the district leadership, as structured text.
struct RiskReportInput {
  std::string risk_no;
  std::string employer_name, employer_credit_code, project_name, general_contractor_name;
  std::string source_zh, owner_body_zh, description, measures;
  std::int64_t workers_affected = 0;
  std::int64_t amount_fen = 0;
  // Raised from a project's monitoring data and not yet counted: the zero means unknown, not none.
  bool workers_pending = false;
  bool amount_pending = false;
  std::vector<CivilDate> pay_due_dates;
};
struct RiskReportSection {
  std::string heading;
  std::string text;
};
struct RiskReportFigure {
  std::string label;
  std::string value;
};
struct RiskReport {
  std::string title;
  std::string addressee;
  std::string date;  // Shanghai civil date of the assessment
  std::vector<RiskReportSection> sections;
  std::vector<RiskReportFigure> figures;
};
RiskReport BuildRiskReport(const RiskRuleSet& rules, const RiskReportInput& input, const RiskAssessment& assessment);

}  // namespace wagelink::domain
