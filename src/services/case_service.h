#pragma once
// The case across six bodies (issue 4): intake, the steps of the mechanism decided by
// domain::Decide, statutory clocks, money per worker, personal data and the deadline sweep.
// Every write is one transaction with its case event and audit entry; every read applies the
// caller's need-to-know scope inside the query.
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "domain/case_facts.h"
#include "domain/case_machine.h"
#include "domain/money.h"
#include "domain/risk_scoring.h"
#include "domain/statutory_clock.h"
#include "services/admin_service.h"
#include "services/assessment_cache.h"
#include "services/audit_trail.h"
#include "services/case_rules_service.h"
#include "services/principal.h"
#include "services/reference_data.h"
#include "store/case_repository.h"
#include "store/case_timeline_repository.h"

namespace wagelink::services {

struct EmployerInput {
  std::string name;
  std::optional<std::string> credit_code;
  std::string kind = "unit";  // unit | individual | unqualified_contractor
  std::string address;
  std::string legal_representative;
};

struct WorkerInput {
  std::string name;
  std::optional<std::string> id_number, phone, bank_card;
  domain::Fen owed;          // 劳动报酬 (法释〔2013〕3号 §1): wages, bonuses, allowances, overtime
  domain::Fen other_claims;  // 经济补偿, 赔偿金, 工程款: recorded, never tested
  std::int64_t months_unpaid = 0;
  std::string period_from, period_to;
};

struct ComplaintInput {
  std::string channel;  // 12333 | national_clue_platform | walk_in | petition | inspection | referral
  domain::Instant received_at;
  EmployerInput employer;
  std::optional<EmployerInput> general_contractor;
  std::string project_name;
  std::string summary;
  std::string conduct = "unknown";  // the crime-assessment conduct code, updated during investigation
  bool migrant_workers = true;
  std::vector<WorkerInput> workers;
};

struct StepInput {
  domain::CaseEvent event;
  std::optional<domain::Instant> at;  // when the step was taken; default now; never in the future
  std::string reason;
  domain::StepPayload payload;
  std::optional<std::int64_t> expected_version;  // optimistic concurrency from the UI
};

struct PaymentInput {
  std::optional<std::int64_t> worker_id;  // one worker, or
  bool proportional = false;              // spread over every worker's outstanding amount
  domain::Fen amount;
  domain::CivilDate paid_on;
  std::string payer;  // employer | general_contractor | developer | emergency_fund | court_execution
  std::string note;
};

// A finding of the investigation (domain::FindingKind): what it establishes, why, on which evidence.
struct FindingInput {
  domain::FindingKind kind = domain::FindingKind::kConduct;
  domain::FindingValue value;
  std::string reason;                     // the grounds, required
  std::vector<std::string> evidence;      // references to the evidence relied on (file names, record numbers)
  std::optional<domain::CivilDate> found_on;  // default today; never in the future
};

struct ClockView {
  store::ClockRow row;
  domain::ClockEvaluation evaluation;
  const domain::TimeLimitRule* rule = nullptr;
};

struct CaseDetail {
  store::CaseRow row;
  store::EmployerRow employer;
  std::optional<store::EmployerRow> general_contractor;
  std::vector<store::WorkerRow> workers;
  std::vector<store::PaymentRow> payments;
  std::vector<store::CaseEventRow> events;
  std::vector<ClockView> clocks;
  std::vector<std::string> parties;
  std::vector<domain::CaseEvent> available_steps;
  std::vector<std::pair<const PackageItem*, bool>> transfer_package;  // item, present
  domain::CurrentFindings findings;                    // the legal facts in force (case_facts.h)
  std::shared_ptr<const CachedAssessment> assessment;  // shared with the assessment cache
};

class CaseService {
 public:
  // `risk_rules` (data/risk_rules.json) decide when a case's own facts are reported at once to the
  // leadership and 区治欠办; without them nothing is reported.
  CaseService(store::Database& db, const Clock& clock, const AuditTrail& audit,
              std::shared_ptr<const ReferenceData> reference, std::shared_ptr<const SecurityKeys> keys,
              CaseRulesService& rules, std::shared_ptr<const domain::RiskRuleSet> risk_rules = nullptr)
      : db_(db),
        clock_(clock),
        audit_(audit),
        reference_(std::move(reference)),
        keys_(std::move(keys)),
        rules_(rules),
        risk_rules_(std::move(risk_rules)) {}

  Result<CaseDetail> CreateComplaint(const Principal& who, const ComplaintInput& input);
  // The two halves of CreateComplaint, for imports that check every row before writing any and
  // then write them all in one transaction: the checks (nothing written), and the writes inside
  // the caller's transaction (case, workers, event, clock, audit entry) for a checked input.
  Status CheckComplaint(const Principal& who, const ComplaintInput& input) const;
  std::int64_t InsertComplaint(store::Connection& connection, const Principal& who, const ComplaintInput& input);
  // A worker as intake checks it (field names "workers[index].…"), and checked workers added to a
  // case inside the caller's transaction, with their personal data encrypted and the case totals.
  Status CheckNewWorker(const WorkerInput& worker, std::size_t index) const;
  void InsertWorkers(store::Connection& connection, std::int64_t case_id, const std::vector<WorkerInput>& workers);
  // An employer as intake checks it (field names "<field>.…"), and its row (the existing one for
  // a known credit code) inside the caller's transaction.
  static Status CheckNewEmployer(const EmployerInput& employer, const std::string& field);
  static bool IsKnownChannel(std::string_view channel);
  std::int64_t InsertEmployer(store::Connection& connection, const EmployerInput& employer);
  Result<Page<store::CaseRow>> List(const Principal& who, const store::CaseFilter& filter, std::int64_t limit,
                                    std::int64_t offset);
  Result<CaseDetail> Get(const Principal& who, std::int64_t case_id);
  Result<CaseDetail> TakeStep(const Principal& who, std::int64_t case_id, const StepInput& step);
  Result<CaseDetail> SetTransferPackage(const Principal& who, std::int64_t case_id,
                                        const std::vector<std::pair<std::string, bool>>& items);
  Result<CaseDetail> RecordPayment(const Principal& who, std::int64_t case_id, const PaymentInput& payment);
  // A finding of the investigation, by the body entitled to make it (case_findings_service.cpp).
  Result<CaseDetail> RecordFinding(const Principal& who, std::int64_t case_id, const FindingInput& finding);
  Result<std::string> RevealPii(const Principal& who, std::int64_t case_id, std::int64_t worker_id,
                                const std::string& field, const std::string& purpose);
  Result<Page<store::PiiAccessRow>> AccessReceipts(const Principal& who, std::int64_t limit, std::int64_t offset);


 private:
  Result<store::CaseScope> ScopeOf(const Principal& who) const;
  CaseDetail LoadDetail(store::Connection& connection, const Principal& who, const store::CaseRow& row);
  std::shared_ptr<const CachedAssessment> AssessCase(const CaseRules& rules, const domain::CaseFacts& facts,
                                                     domain::Instant now) const;
  domain::CaseSnapshot SnapshotOf(const CaseRules& rules, const store::CaseRow& row,
                                  const domain::CaseProgress& progress, const std::vector<store::ClockRow>& clocks,
                                  const CachedAssessment& assessment) const;
  std::vector<std::string> MissingMaterials(const store::CaseRow& row) const;
  // The report at once (第一时间) when the case's facts reach a level of data/risk_rules.json that
  // escalates, once per case and level, inside the caller's transaction.
  void ReportAtOnceIfDue(store::Connection& connection, const Principal& who, const store::CaseRow& row,
                         const std::vector<store::WorkerRow>& workers, const std::vector<store::CaseEventRow>& events);

  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const ReferenceData> reference_;
  std::shared_ptr<const SecurityKeys> keys_;
  CaseRulesService& rules_;
  std::shared_ptr<const domain::RiskRuleSet> risk_rules_;
  mutable AssessmentCache assessments_;
};

// Persists clocks started by a transition (shared with the deadline sweep's tests).
store::ClockRow ToClockRow(std::int64_t case_id, const domain::StatutoryClock& clock);

}  // namespace wagelink::services
