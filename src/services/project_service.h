#pragma once
// The project registry (工程建设项目) and its monitoring (监测预警): projects are registered and kept
// up to date by the bodies that write the risk ledger (risk.write) and read by everyone who reads it
// (risk.read). Each month the contractor's real-name attendance (实名制考勤), its wage payment sheet
// (工资支付表, 代发) and the bank's special-account transactions (专用账户流水) arrive as feeds; each
// feed replaces the earlier one of its kind and month, and a repeat of the same rows changes
// nothing. After every feed, and daily for the rules that run on the calendar, the project is
// measured against data/project_warning_rules.json (domain/project_warnings.h): a warning opens or
// moves to its new level, one that no longer holds clears with the data that cleared it, and the
// project's risk item (风险台账) is opened, raised, or closed with them — all in one transaction.
#include <boost/json/object.hpp>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/civil_date.h"
#include "domain/project_warnings.h"
#include "services/audit_trail.h"
#include "services/case_rules_service.h"
#include "services/page.h"
#include "services/principal.h"
#include "services/refreshing_setting.h"
#include "services/risk_service.h"
#include "services/security_keys.h"
#include "store/database.h"
#include "store/project_repository.h"

namespace wagelink::services {

struct ProjectParty {
  std::string name;
  std::string credit_code;
};

// A project as registered or edited; amounts in fen, dates as civil dates.
struct ProjectInput {
  std::string name, location;
  ProjectParty builder, contractor;
  std::string contractor_site_office;
  std::vector<ProjectParty> subcontractors;
  std::string sector_authority, labour_officer_name;
  std::int64_t contract_sum_fen = 0;
  domain::CivilDate contract_signed_on;
  std::optional<domain::CivilDate> started_on, planned_completion_on;
  std::optional<std::int64_t> pay_day;
  std::string special_account_bank;
  std::optional<domain::CivilDate> special_account_opened_on;
  std::string wage_deposit = "none";
  std::int64_t wage_deposit_amount_fen = 0;
  std::optional<std::int64_t> wage_deposit_rate_permille;
  std::string wage_deposit_bank;
  bool payment_guarantee = false;
  bool notice_board_up = false;
  std::string owner_body = "hrss";
};

// One row of a feed as received. Attendance: worker (ID number and name) and days. Payroll: worker,
// amount, paid on, whether through the special account. Account: date, purpose, amount.
struct FeedRowInput {
  std::string id_number, name;
  std::int64_t days = 0;
  std::int64_t amount_fen = 0;
  std::optional<domain::CivilDate> on_date;
  bool through_special_account = false;
  std::string purpose;  // account: labour_cost | wage_payment | other
};

struct FeedInput {
  std::string kind;   // attendance | payroll | account
  std::string month;  // YYYY-MM
  std::vector<FeedRowInput> rows;
  std::string channel = "browser";  // browser | file | api
};
inline constexpr std::size_t kMaxFeedRows = 20'000;
// A refused batch names at most this many bad rows (ProjectService::FeedRowErrors).
inline constexpr std::size_t kMaxRowErrors = 200;

struct WarningView {
  store::ProjectWarningRow row;
  std::string level_zh, level_en, rule_zh, rule_en, basis, basis_en, threshold_basis, threshold_basis_en, threshold_status,
      status_tag;
  std::string measure_unit_zh, measure_unit_en;  // 日 / 个月 / % / "" for a yes-no finding
};

// The risk item a project's warnings feed, as the project page names it.
struct ProjectRiskSummary {
  std::int64_t id = 0;
  std::string risk_no, status, level, level_zh, level_en;
};

struct ProjectDetail {
  store::ProjectRow project;
  std::vector<store::FeedBatchRow> feeds;
  std::vector<WarningView> warnings;  // open first, then the latest cleared
  std::optional<ProjectRiskSummary> risk;
};

struct FeedReceipt {
  std::int64_t batch_id = 0;
  std::string project_no;
  bool repeated = false;  // the same rows as the current batch: nothing changed
  std::int64_t rows = 0;
  std::optional<std::int64_t> replaced_batch_id;
  std::vector<WarningView> open_warnings;
};

struct MonitoringReport {
  std::int64_t projects = 0;
  std::int64_t warnings_opened = 0;
  std::int64_t warnings_changed = 0;
  std::int64_t warnings_cleared = 0;
};

// The rules as the district applies them: the shipped grades with the district's thresholds.
struct DistrictWarningRules {
  std::shared_ptr<const domain::ProjectWarningRuleSet> rules;
  std::map<std::string, std::vector<std::int64_t>> thresholds;  // rule id → at_least per grade, set by the district
  std::string updated_at;
  std::string updated_by_name;
};

using ProjectPage = Page<store::ProjectRow>;
using WarningPage = Page<WarningView>;

class ProjectService {
 public:
  ProjectService(store::Database& db, const Clock& clock, const AuditTrail& audit, RiskService& risks,
                 std::shared_ptr<const domain::ProjectWarningRuleSet> rules, CaseRulesService& case_rules,
                 std::shared_ptr<const SecurityKeys> keys)
      : db_(db), clock_(clock), audit_(audit), risks_(risks), rules_(std::move(rules)), case_rules_(case_rules),
        keys_(std::move(keys)), district_rules_(clock, 30) {}

  // The shipped rules: their levels and wording (the district changes only thresholds).
  const domain::ProjectWarningRuleSet& shipped_rules() const { return *rules_; }
  // The rules with each grade's threshold, the shipped default beside it and who set it; for
  // readers of the ledger and for the system administrator who sets them.
  Result<boost::json::object> Rules(const Principal& who);
  // {"thresholds": {"PW-…": [at_least per grade], …}} replaces the district's thresholds
  // (settings.manage, audited); rules left out go back to the shipped defaults. Projects are
  // measured with them from the next measuring on (the hourly job, or 立即运行).
  Result<boost::json::object> SetThresholds(const Principal& who, const boost::json::object& input);

  Result<ProjectDetail> Register(const Principal& who, const ProjectInput& input);
  Result<ProjectDetail> Update(const Principal& who, std::int64_t id, const ProjectInput& input, std::int64_t version);
  Result<ProjectDetail> Get(const Principal& who, std::int64_t id);
  Result<ProjectPage> List(const Principal& who, const std::string& search, std::int64_t limit, std::int64_t offset);
  Result<FeedReceipt> ReceiveFeed(const Principal& who, std::int64_t project_id, const FeedInput& feed);
  // The same for a project named by its number (XM-2026-0001), as the machine API names it.
  Result<FeedReceipt> ReceiveFeed(const Principal& who, const std::string& project_no, const FeedInput& feed);
  // The same inside the caller's transaction (a spreadsheet import commits the batch with itself).
  Result<FeedReceipt> ReceiveFeedIn(store::Connection& connection, const Principal& who, std::int64_t project_id,
                                    const FeedInput& feed);
  // A batch as a whole: its kind, its month, at most kMaxFeedRows rows, a roster or pay sheet not
  // empty (FeedRowErrors checks the rows).
  Status CheckFeedBatch(const FeedInput& feed) const;
  // A feed's month: YYYY-MM and already begun (Beijing time).
  Status CheckFeedMonth(const std::string& month) const;
  // Every bad row of a refused feed (at most kMaxRowErrors), for the answer to name them all.
  std::vector<Error> FeedRowErrors(const FeedInput& feed) const;
  // Open warnings across projects, highest level first; `level` a level code or empty.
  Result<WarningPage> OpenWarnings(const Principal& who, const std::string& level, std::int64_t limit,
                                   std::int64_t offset);

  // Scheduled daily: measures every project again (the day counts and pay days move with the calendar).
  MonitoringReport MeasureAll(std::int64_t batch_size = 200);

 private:
  struct Changes {
    std::int64_t opened = 0, changed = 0, cleared = 0;
  };
  Changes Measure(store::Connection& c, const Principal& who, const store::ProjectRow& project);
  ProjectDetail Load(store::Connection& c, std::int64_t id);
  WarningView ViewOf(const store::ProjectWarningRow& row) const;
  std::shared_ptr<const DistrictWarningRules> District(store::Connection& c);
  DistrictWarningRules LoadDistrict(store::Connection& c) const;

  Result<FeedReceipt> ReceiveFeedFor(const Principal& who,
                                     const std::function<std::optional<std::int64_t>(store::ProjectRepository&)>& find,
                                     const FeedInput& feed, store::Connection* in_transaction = nullptr);

  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  RiskService& risks_;
  std::shared_ptr<const domain::ProjectWarningRuleSet> rules_;
  CaseRulesService& case_rules_;  // the working-day calendar in force (pay days move over rest days)
  std::shared_ptr<const SecurityKeys> keys_;
  RefreshingSetting<DistrictWarningRules> district_rules_;
};

}  // namespace wagelink::services
