#pragma once
// What the case use cases share (issue 4's mechanism across six bodies, split by what a user does:
// case_intake.h, case_reading.h, case_steps.h, case_payments.h, case_findings.h,
// case_personal_data.h): their dependencies, the caller's need-to-know scope, opening a case for a
// write, and the whole case as the caller may see it, assessed on its own facts. Every write is one
// transaction with its case event and audit entry; every read applies the caller's scope inside the
// query.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/case_facts.h"
#include "domain/case_machine.h"
#include "domain/risk_scoring.h"
#include "domain/statutory_clock.h"
#include "services/admin_service.h"
#include "services/assessment_cache.h"
#include "services/audit_trail.h"
#include "services/case_rules_service.h"
#include "services/case_scope.h"
#include "services/case_views.h"
#include "services/document_catalog.h"
#include "services/document_issuing.h"
#include "services/evidence_package.h"
#include "services/principal.h"
#include "services/reference_data.h"
#include "services/security_keys.h"
#include "store/case_repository.h"
#include "store/case_timeline_repository.h"

namespace wagelink::services {

// "No such case, or not visible to your body": need-to-know hides existence too.
Error NoSuchCase();

class CaseRecords {
 public:
  // `risk_rules` (data/risk_rules.json) decide when a case's own facts are reported at once to the
  // leadership and 区治欠办; without them nothing is reported.
  CaseRecords(store::Database& db, const Clock& clock, const AuditTrail& audit,
              std::shared_ptr<const ReferenceData> reference, std::shared_ptr<const SecurityKeys> keys,
              CaseRulesService& rules, std::shared_ptr<const domain::RiskRuleSet> risk_rules = nullptr,
              std::shared_ptr<const DocumentCatalog> documents = nullptr)
      : db_(db),
        clock_(clock),
        audit_(audit),
        reference_(std::move(reference)),
        keys_(std::move(keys)),
        rules_(rules),
        risk_rules_(std::move(risk_rules)),
        documents_(std::move(documents)) {
    if (documents_) issuing_.emplace(*documents_, *reference_, audit_);
  }

  store::Database& db() const { return db_; }
  const AuditTrail& audit() const { return audit_; }
  const ReferenceData& reference() const { return *reference_; }
  const SecurityKeys& keys() const { return *keys_; }
  CaseRulesService& rules() const { return rules_; }
  // Issues the documents of a step inside its transaction; absent when no catalog was given (a
  // deployment without data/templates issues no documents, and no step waits for one).
  const DocumentIssuing* documents() const { return issuing_ ? &*issuing_ : nullptr; }
  domain::Instant Now() const { return domain::Instant::FromUnixSeconds(clock_.Now()); }

  // The cases `who` may read (CaseScopeOf).
  Result<store::CaseScope> ScopeOf(const Principal& who) const { return CaseScopeOf(who); }
  // The case inside the caller's transaction, if `scope` may see it (NoSuchCase otherwise).
  static Result<store::CaseRow> FindVisible(store::CaseRepository& cases, const store::CaseScope& scope,
                                            std::int64_t case_id);
  // The whole case as `who` sees it, read inside `connection` (after a write: its committed state).
  CaseDetail LoadDetail(store::Connection& connection, const Principal& who, const store::CaseRow& row);
  CaseDetail Reload(store::Connection& connection, const Principal& who, std::int64_t case_id);
  // The case's assessment on its facts (crime_assessment.h), shared through the cache.
  std::shared_ptr<const CachedAssessment> AssessCase(const CaseRules& rules, const domain::CaseFacts& facts,
                                                     domain::Instant now) const;
  // The case's transfer package and issued documents, read inside `connection`.
  CasePackage PackageOfCase(store::Connection& connection, std::int64_t case_id) const;
  // The state machine's view of the case: its progress and the facts the guards read (the
  // documents already issued and the transfer materials missing come from `package`).
  domain::CaseSnapshot SnapshotOf(const CaseRules& rules, const store::CaseRow& row, const domain::CaseProgress& progress,
                                  const std::vector<store::ClockRow>& clocks, const CachedAssessment& assessment,
                                  const CasePackage& package) const;
  // The report at once (第一时间) when the case's facts reach a level of data/risk_rules.json that
  // escalates, once per case and level, inside the caller's transaction (case_findings.cpp).
  // The caller hands in the case's employer, workers and events as they now stand.
  void ReportAtOnceIfDue(store::Connection& connection, const Principal& who, const store::CaseRow& row,
                         const store::EmployerRow& employer, const std::vector<store::WorkerRow>& workers,
                         const std::vector<store::CaseEventRow>& events);

 private:
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const ReferenceData> reference_;
  std::shared_ptr<const SecurityKeys> keys_;
  CaseRulesService& rules_;
  std::shared_ptr<const domain::RiskRuleSet> risk_rules_;
  std::shared_ptr<const DocumentCatalog> documents_;
  std::optional<DocumentIssuing> issuing_;
  mutable AssessmentCache assessments_;
};

}  // namespace wagelink::services
