#pragma once
// The risk ledger (风险台账): every body reports wage-arrears risks (risk.write); the item is scored
// by the operator's rules (data/risk_rules.json), escalated at once — the wage-arrears office's inbox
// from a major level, the district leadership's inbox plus a generated written report (书面材料)
// for mass/extreme-incident signals, many workers, large amounts or the top level — reviewed on a
// cadence by level (shorter in the seasonal window), closed only with evidence by the owner body or
// the wage-arrears office (整改销号), and reopened with a reason. Every write is one transaction with
// its history row and audit entry.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/civil_date.h"
#include "domain/risk_scoring.h"
#include "services/audit_trail.h"
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

struct RiskDetail {
  store::RiskRow risk;
  std::vector<store::RiskFollowupRow> followups;
  std::vector<store::RiskHistoryRow> history;
};

struct RiskPage {
  std::vector<store::RiskRow> items;
  std::int64_t total = 0;
};

struct RiskReviewReport {
  std::int64_t reminders = 0;
};

class RiskService {
 public:
  RiskService(store::Database& db, const Clock& clock, const AuditTrail& audit,
              std::shared_ptr<const domain::RiskRuleSet> rules)
      : db_(db), clock_(clock), audit_(audit), rules_(std::move(rules)) {}

  const domain::RiskRuleSet& rules() const { return *rules_; }

  Result<RiskDetail> Create(const Principal& who, const RiskInput& input);
  Result<RiskPage> List(const Principal& who, const store::RiskFilter& filter, std::int64_t limit, std::int64_t offset);
  Result<RiskDetail> Get(const Principal& who, std::int64_t id);
  Result<RiskDetail> AddFollowup(const Principal& who, std::int64_t id, const RiskFollowupInput& input);
  Result<RiskDetail> Close(const Principal& who, std::int64_t id, const std::string& evidence);
  Result<RiskDetail> Reopen(const Principal& who, std::int64_t id, const std::string& reason);
  // The stored written report (书面材料); NotFound when the item never reached the leadership.
  Result<std::string> Report(const Principal& who, std::int64_t id);

  // Scheduled: reminds the owner body (and the wage-arrears office) of items whose review is due.
  RiskReviewReport SweepReviews(std::int64_t batch_size = 500);

 private:
  struct Scored;
  Scored Score(store::Connection& c, const store::RiskRow& row, UnixSeconds now) const;
  void Apply(store::Connection& c, const Principal& who, store::RiskRow& row, const Scored& scored,
             const std::string& now);
  RiskDetail Load(store::Connection& c, std::int64_t id);

  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const domain::RiskRuleSet> rules_;
};

}  // namespace wagelink::services
