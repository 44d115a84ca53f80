#pragma once
// The risk ledger (风险台账): every body reports wage-arrears risks (risk.write); the item is scored
// by the operator's rules (data/risk_rules.json), escalated at once — the wage-arrears office's inbox
// from a major level, the district leadership's inbox plus a generated written report (书面材料)
// for mass/extreme-incident signals, many workers, large amounts or the top level — reviewed on a
// cadence by level (shorter in the seasonal window), closed only with evidence by the owner body or
// the wage-arrears office (整改销号), and reopened with a reason. Every write is one transaction with
// its history row and audit entry.
#include <boost/json/object.hpp>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "domain/civil_date.h"
#include "domain/risk_scoring.h"
#include "services/audit_trail.h"
#include "services/page.h"
#include "services/principal.h"
#include "store/database.h"
#include "store/risk_repository.h"

namespace wagelink::services {

struct RiskInput {
  std::string employer_name;
  std::string employer_credit_code;
  std::string project_name;
  std::string general_contractor_name;
  std::optional<std::string> general_contractor_credit_code;
  std::string special_account;
  std::int64_t workers_affected = 0;
  std::int64_t amount_fen = 0;
  std::vector<domain::CivilDate> pay_due_dates;
  std::string source;
  std::map<std::string, std::int64_t> indicators;
  std::string description;
  std::string measures;
  std::string owner_body;
  std::optional<std::int64_t> case_id;
};

struct RiskFollowupInput {
  std::string note;
  // Each present field replaces the stored one and the item is scored again.
  std::optional<std::map<std::string, std::int64_t>> indicators;
  std::optional<std::int64_t> workers_affected;
  std::optional<std::int64_t> amount_fen;
  std::optional<std::string> measures;
};

// A risk item as readers see it (lists use the head of it). The written report itself is read
// separately (Report); here only whether there is one.
struct RiskView {
  std::int64_t id = 0;
  std::string risk_no;
  std::string employer_name;
  std::string employer_credit_code;
  std::string project_name;
  std::int64_t workers_affected = 0;
  std::int64_t amount_fen = 0;
  std::string source;
  std::string owner_body;
  std::string reported_by_body;
  std::string status;
  std::string level;
  std::int64_t score = 0;
  std::string next_review_at;
  std::optional<std::int64_t> case_id;
  std::optional<std::string> case_no;  // so people see the case number, not the id
  std::string created_at;
  std::string updated_at;
  std::string general_contractor_name;
  std::optional<std::string> general_contractor_credit_code;
  std::string special_account;
  std::string pay_due_dates = "[]";  // JSON array text
  std::string indicators = "{}";     // JSON object text
  std::string description;
  std::string measures;
  std::string assessment = "{}";  // JSON object text (risk_scoring.h)
  std::string assessed_at;
  std::optional<std::string> wage_office_notified_at;
  std::optional<std::string> leadership_notified_at;
  bool has_report = false;
  std::optional<std::string> closed_at;
  std::optional<std::string> closed_by_body;
  std::optional<std::string> closing_evidence;
  std::int64_t version = 1;
  std::optional<std::int64_t> project_id;  // the registered project whose warnings raised it
};

struct RiskFollowup {
  std::int64_t id = 0;
  std::string at;
  std::string username;
  std::string person_name;  // the user's name, as people see it (never the login name)
  std::string body_code;
  std::string note;
  std::string level_after;
};

struct RiskHistoryEntry {
  std::int64_t id = 0;
  std::string at;
  std::string action;
  std::string actor_username;
  std::string actor_name;  // the person's name, or 系统 for the scheduled review reminder
  std::string actor_body;
  std::string from_status, to_status, from_level, to_level;
  std::string detail;                  // as stored: a source code, a score, an instant, a body code, a reason
  std::string detail_zh, detail_en;    // the detail in words (empty for an escalation: the body is named by the UI)
};

struct RiskDetail {
  RiskView risk;
  std::vector<RiskFollowup> followups;
  std::vector<RiskHistoryEntry> history;
};

// The ledger as a reader filters it: a level code and open | closed, each empty for any.
struct RiskListQuery {
  std::string level;
  std::string status;
};

using RiskPage = Page<RiskView>;

struct RiskReviewReport {
  std::int64_t reminders = 0;
};

// Need-to-know of the risk ledger, shared with what hangs off a risk item (its evidence files):
// every member body reads every item (risk.read; Forbidden without it, NotFound for no such item);
// only the owner body and 区治欠办 manage one (follow-up, closing, reopening, adding evidence).
Status MayReadRisk(store::Connection& connection, const Principal& who, std::int64_t id);
Status MayManageRisk(const Principal& who, const store::RiskRow& row);
Error NoSuchRisk();
// The item as each audit entry records it before and after a change.
boost::json::object RiskAuditSnapshot(const store::RiskRow& row);

// A risk from this source (舆情, a public-opinion tip) may be reported without the employer's 统一社会
// 信用代码: tips rarely carry it. Every other source needs a valid code.
inline constexpr std::string_view kRiskSourceWithoutCreditCode = "public_opinion";

// What the project monitor (project_service.h) tells the ledger when a project's warnings change.
struct MonitoredProject {
  std::int64_t project_id = 0;
  std::optional<std::int64_t> risk_id;  // the item its warnings fed before, if any
  std::string project_no, project_name, contractor_name, contractor_credit_code, special_account_bank, owner_body;
  std::int64_t workers_attending = 0;
  std::int64_t warning_level = 0;  // 0 = no open warning; 1 = the lowest level (yellow) upwards
  std::int64_t labour_cost_months_unpaid = 0;
  std::string change_zh;  // what changed, in words: the follow-up note (or the closing evidence)
};

// The source code of items the project monitor raises; never given by a reporter.
inline constexpr std::string_view kRiskSourceProjectMonitoring = "project_monitoring";
// Such an item starts with 0 workers and 0 yuan: nobody has counted yet, which is not "none", so
// readers see 尚未核定. For stored rows and views alike; the API sends both answers
// (workers_pending, amount_pending) so the web client shows it without knowing the rule.
template <typename Risk>
bool WorkersPending(const Risk& r) {
  return r.source == kRiskSourceProjectMonitoring && r.workers_affected == 0;
}
template <typename Risk>
bool AmountPending(const Risk& r) {
  return r.source == kRiskSourceProjectMonitoring && r.amount_fen == 0;
}

class RiskService {
 public:
  RiskService(store::Database& db, const Clock& clock, const AuditTrail& audit,
              std::shared_ptr<const domain::RiskRuleSet> rules)
      : db_(db), clock_(clock), audit_(audit), rules_(std::move(rules)) {}

  const domain::RiskRuleSet& rules() const { return *rules_; }

  Result<RiskDetail> Create(const Principal& who, const RiskInput& input);
  Result<RiskPage> List(const Principal& who, const RiskListQuery& query, std::int64_t limit, std::int64_t offset);
  Result<RiskDetail> Get(const Principal& who, std::int64_t id);
  Result<RiskDetail> AddFollowup(const Principal& who, std::int64_t id, const RiskFollowupInput& input);
  Result<RiskDetail> Close(const Principal& who, std::int64_t id, const std::string& evidence);
  Result<RiskDetail> Reopen(const Principal& who, std::int64_t id, const std::string& reason);
  // The stored written report (书面材料); NotFound when the item never reached the leadership.
  Result<std::string> Report(const Principal& who, std::int64_t id);

  // The project's risk item follows its warnings, in the caller's transaction: opened (or reopened)
  // at the first warning, rescored with a follow-up at each change (escalating as any item does),
  // closed by the system when the last warning clears. Returns the item's id, if there is one.
  std::optional<std::int64_t> FollowProject(store::Connection& c, const MonitoredProject& project);

  // Scheduled: reminds the owner body (and the wage-arrears office) of items whose review is due.
  RiskReviewReport SweepReviews(std::int64_t batch_size = 500);

 private:
  struct Scored {
    domain::RiskAssessment assessment;
    std::string json;
    std::string next_review_at;
  };
  Scored Score(store::Connection& c, const store::RiskRow& row, UnixSeconds now) const;
  void Apply(store::Connection& c, const Principal& who, store::RiskRow& row, const Scored& scored,
             const std::string& now);
  RiskDetail Load(store::Connection& c, std::int64_t id);
  // Numbers, scores and inserts a new item with its "created" history, then escalates it (Apply).
  void InsertScored(store::Connection& c, const Principal& who, store::RiskRow& row, UnixSeconds now_s);

  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const domain::RiskRuleSet> rules_;
};

}  // namespace wagelink::services
