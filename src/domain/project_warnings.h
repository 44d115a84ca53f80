#pragma once
// Warnings from a registered construction project's own data (工程建设项目监测预警). Pure: the rules
// come from data/project_warning_rules.json with the district's thresholds applied, the project's
// record and its monthly feeds (实名制考勤, 工资支付表, 专用账户流水) are passed in, and every rule
// reports what it measured and the rows behind it, fired or not, so that a warning that clears
// closes with the data that cleared it.
//
// Months are calendar months. A month's wages fall due on the project's agreed pay day in the
// following month (the end of that month when none was agreed), moved back to the last working day
// before it when it is a rest day (保障农民工工资支付条例 §14). A month's labour cost is due in the
// month itself (§24 ¶2: the cycle is at most one month). Only months that have fallen due count,
// and a record that was not received counts as a payment that was not made.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/civil_date.h"
#include "domain/work_calendar.h"

namespace wagelink::domain {

struct WarningLevel {
  std::string code;  // yellow | orange | red
  std::string zh, en;
};

struct WarningGrade {
  std::size_t level = 0;  // into levels
  std::int64_t at_least = 1;
};

struct ProjectWarningRule {
  std::string id, measure, zh, en, basis, status, threshold_basis;
  std::string basis_en, threshold_basis_en;  // the same in English, for the English UI
  // How sure the thresholds are (legal_source.h spelling): LOCAL, UNCONFIRMED or PLATFORM_SETTING
  // when the district should check or set them, CONFIRMED/SECONDARY when the law gives them.
  std::string threshold_status;
  std::vector<WarningGrade> grades;  // ascending by at_least and by level
};

// Measures a rule may grade (ProjectWarningRuleSet::Parse refuses any other).
const std::vector<std::string_view>& ProjectWarningMeasures();

class ProjectWarningRuleSet {
 public:
  static Result<ProjectWarningRuleSet> Parse(std::string_view json_text);

  const std::vector<WarningLevel>& levels() const { return levels_; }
  const std::vector<ProjectWarningRule>& rules() const { return rules_; }
  const ProjectWarningRule* Rule(std::string_view id) const;
  std::optional<std::size_t> LevelIndex(std::string_view code) const;
  // The same rules with the district's thresholds: rule id → at_least per grade, in grade order.
  // Fails naming the rule when a rule is unknown, a count differs, or the values do not ascend.
  Result<ProjectWarningRuleSet> WithThresholds(const std::map<std::string, std::vector<std::int64_t>>& thresholds) const;

 private:
  std::vector<WarningLevel> levels_;
  std::vector<ProjectWarningRule> rules_;
};

// Whether a project holds a wage guarantee deposit (工资保证金) or what stands in for it.
enum class WageDeposit { kNone, kCash, kBankGuarantee, kInsurance, kExempt };
std::optional<WageDeposit> WageDepositFromCode(std::string_view code);
std::string_view WageDepositCode(WageDeposit deposit);

// The project as registered.
struct ProjectRecord {
  CivilDate contract_signed_on;
  std::optional<CivilDate> special_account_opened_on;
  WageDeposit wage_deposit = WageDeposit::kNone;
  bool notice_board_up = false;
  std::optional<unsigned> pay_day;  // day of the following month wages are agreed to be paid (1–31)
};

// One worker's pay for a month, as the pay sheet and the bank report it.
struct WorkerPay {
  std::int64_t amount_fen = 0;
  CivilDate paid_on;
  bool through_special_account = false;
};

// The feeds received for one calendar month. Workers are keyed by an opaque key (a blind index of
// the ID number): the rules need to know who, never the number itself.
struct ProjectMonth {
  int year = 0;
  unsigned month = 0;
  std::map<std::string, std::int64_t> attendance_days;  // worker key → days attended (> 0)
  std::map<std::string, WorkerPay> pay;                  // worker key → pay for the month
  std::int64_t labour_cost_deposited_fen = 0;            // into the special account, for this month
  std::optional<CivilDate> first_labour_cost_deposit_on;
};

// "2026-10".
std::string MonthKey(int year, unsigned month);

// One row behind a measure, in words: what month, what was received, which workers.
struct WarningEvidence {
  std::string month;  // "2026-10" or empty for the project record
  std::string zh, en;
  std::vector<std::string> worker_keys;
};

struct RuleObservation {
  std::string rule_id;
  std::int64_t measured = 0;
  std::optional<std::size_t> level;           // the grade reached, into levels; nullopt = not fired
  std::optional<std::int64_t> at_least;       // the threshold of that grade (shown next to the warning)
  std::vector<WarningEvidence> evidence;      // why it fired, or why it is clear
};

// The pay deadline of `month`'s wages: the agreed day of the following month (clamped to its last
// day; its last day when none was agreed), moved back over rest days (§14).
CivilDate WageDeadline(int year, unsigned month, std::optional<unsigned> pay_day, const WorkCalendar& calendar);

// Every rule measured on `today` (a Shanghai civil date). `months` in any order, at most one per month.
std::vector<RuleObservation> EvaluateProject(const ProjectWarningRuleSet& rules, const ProjectRecord& project,
                                             const std::vector<ProjectMonth>& months, CivilDate today,
                                             const WorkCalendar& calendar);

}  // namespace wagelink::domain
