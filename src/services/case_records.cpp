// The case use cases' shared part: scope, the whole case as a detail, its assessment (case_records.h).
#include "services/case_records.h"

#include "domain/step_documents.h"
#include "store/case_detail_reads.h"
#include "store/document_repository.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "domain/assessment_json.h"
#include "services/case_mapping.h"
#include "services/case_progress_codec.h"
#include "services/evidence_package.h"
#include "store/identity_repository.h"
#include "store/project_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;
}  // namespace

Error NoSuchCase() {
  return MakeError(ErrorCode::kNotFound, "案件不存在或您无权查看", "No such case, or not visible to your body");
}

Result<store::CaseRow> CaseRecords::FindVisible(store::CaseRepository& cases, const store::CaseScope& scope,
                                                std::int64_t case_id) {
  auto row = cases.FindCase(case_id, scope);
  if (!row) return NoSuchCase();
  return std::move(*row);
}

CaseDetail CaseRecords::Reload(store::Connection& connection, const Principal& who, std::int64_t case_id) {
  auto row = store::CaseRepository(connection).FindCase(case_id, {true, ""});
  return LoadDetail(connection, who, *row);
}

CasePackage CaseRecords::PackageOfCase(store::Connection& connection, std::int64_t case_id) const {
  return PackageOf(connection, *reference_, case_id);
}

domain::CaseSnapshot CaseRecords::SnapshotOf(const CaseRules& rules, const store::CaseRow& row,
                                             const domain::CaseProgress& progress,
                                             const std::vector<store::ClockRow>& clocks,
                                             const CachedAssessment& assessment, const CasePackage& package) const {
  domain::CaseSnapshot snapshot;
  snapshot.context.economic_crime_rules = rules.economic_crime_rules;
  snapshot.progress = progress;
  snapshot.context.outstanding = domain::Fen::FromFen(row.owed_fen - row.paid_fen);
  snapshot.context.actor_unpaid = domain::Fen::FromFen(assessment.actor_unpaid_fen);
  snapshot.context.amount_threshold_met = assessment.amount_met;
  snapshot.context.assessed_recommendation = assessment.recommendation;
  // The transfer package is files and issued documents (evidence_package.h), not ticks.
  snapshot.context.missing_transfer_materials = package.missing;
  if (issuing_) {
    snapshot.context.issued_documents = package.document_kinds;
  } else {  // no documents are issued here, so none is waited for
    for (const auto& document : domain::StepDocuments()) snapshot.context.issued_documents.emplace_back(document.kind);
  }
  const domain::Instant now = Now();
  for (const auto& clock : clocks) {
    if (clock.stopped_at) continue;
    snapshot.context.open_clocks.push_back(clock.rule_id);
    const auto due = domain::Instant::ParseRfc3339(clock.due_at);
    if (due && *due < now) snapshot.context.overdue_clocks.push_back(clock.rule_id);
    const auto* rule = rules.time_limits->Find(clock.rule_id);
    if (rule && clock.extensions_applied < static_cast<std::int64_t>(rule->extensions.size())) {
      snapshot.context.extendable_clocks.push_back(clock.rule_id);
    }
  }
  return snapshot;
}

namespace {

// A case group's members are recorded by login name; people read them by name. The payload gains
// "officer_names" (the account's display name, or the entry as recorded when it is no account).
void NameCaseGroupOfficers(store::Connection& connection, std::vector<TimelineEntry>& timeline) {
  store::IdentityRepository identity(connection);
  for (auto& entry : timeline) {
    if (entry.payload.find("\"officers\"") == std::string::npos) continue;
    boost::system::error_code ec;
    auto payload = boost::json::parse(entry.payload, ec);
    if (ec || !payload.is_object()) continue;
    auto& object = payload.as_object();
    auto it = object.find("officers");
    if (it == object.end() || !it->value().is_array()) continue;
    boost::json::array names;
    for (const auto& officer : it->value().as_array()) {
      if (!officer.is_string()) continue;
      const std::string login(officer.as_string());
      auto user = identity.FindUserByName(login);
      names.emplace_back(user ? user->display_name : login);
    }
    object["officer_names"] = std::move(names);
    entry.payload = boost::json::serialize(payload);
  }
}

}  // namespace

CaseDetail CaseRecords::LoadDetail(store::Connection& connection, const Principal& who, const store::CaseRow& row) {
  store::CaseRepository cases(connection);
  store::CaseTimelineRepository timeline(connection);
  // What follows reads the case's own rows: on PostgreSQL they come in one round trip. SQLite's
  // reads cost no round trip, so nothing is planned there (not even the statements' copies).
  std::vector<store::PlannedRead> reads;
  if (connection.dialect() == store::Dialect::kPostgres) {
    reads = {store::EmployerAndContractorRead(row.employer_id, row.general_contractor_id),
             store::WorkersRead(row.id),
             store::PaymentsRead(row.id),
             store::EventsRead(row.id),
             store::ClocksRead(row.id),
             store::PartiesRead(row.id),
             store::EvidenceFilesRead(domain::EvidenceOwnerCode(domain::EvidenceOwner::kCase), row.id),
             store::CaseDocumentsRead(row.id)};
    if (row.project_id) reads.push_back(store::ProjectLinkRead(row.id));
  }
  const store::ReadsAhead ahead(connection, reads);
  const domain::Instant now = domain::Instant::FromUnixSeconds(clock_.Now());
  const auto rules = rules_.Current(connection);
  auto [employer, contractor] = cases.FindEmployerAndContractor(row.employer_id, row.general_contractor_id);
  const auto workers = cases.ListWorkers(row.id);
  const auto payments = cases.ListPayments(row.id);
  const auto events = timeline.ListEvents(row.id);
  const auto clocks = timeline.ListClocks(row.id);
  const domain::CaseFacts facts = CaseFactsOf(rules->threshold_profile, row, *employer, workers, payments, events);

  CaseDetail detail;
  detail.rules = rules;
  detail.summary = SummaryOf(row);
  detail.description = row.summary;
  detail.conduct = row.conduct;
  detail.migrant_workers = row.migrant_workers;
  detail.order_deadline = row.order_deadline;
  detail.order_delivery = row.order_delivery;
  detail.progress = row.progress;
  detail.employer = EmployerViewOf(*employer);
  if (contractor) detail.general_contractor = EmployerViewOf(*contractor);
  if (row.project_id) {
    if (auto link = store::ProjectRepository(connection).LinkOfCase(row.id)) {
      detail.project = LinkedProject{link->id, link->project_no, link->name};
    }
  }
  detail.workers.reserve(workers.size());
  for (const auto& worker : workers) detail.workers.push_back(WorkerViewOf(worker, row.no_arrears_found));
  for (const auto& payment : payments) detail.payments.push_back(PaymentViewOf(payment));
  detail.timeline.reserve(events.size());
  for (const auto& event : events) detail.timeline.push_back(TimelineEntryOf(event));
  NameCaseGroupOfficers(connection, detail.timeline);
  for (const auto& clock : clocks) {
    detail.clocks.push_back(
        ClockViewOf(clock, domain::Evaluate(ClockOf(clock), now), rules->time_limits->Find(clock.rule_id)));
  }
  detail.parties = cases.Parties(row.id);
  auto package = PackageOfCase(connection, row.id);  // read once: the detail shows it, the steps read it
  detail.findings = facts.findings;
  detail.assessment = AssessCase(*rules, facts, now);
  if (auto progress = ProgressFromJson(row.progress)) {
    std::vector<std::string> permissions;
    for (auto p : who.permissions) permissions.emplace_back(security::PermissionCode(p));
    detail.available_steps = domain::AvailableSteps(SnapshotOf(*rules, row, *progress, clocks, *detail.assessment, package),
                                                    who.body_code, permissions);
  }
  detail.transfer_package = std::move(package.items);
  return detail;
}

std::shared_ptr<const CachedAssessment> CaseRecords::AssessCase(const CaseRules& rules, const domain::CaseFacts& facts,
                                                                domain::Instant now) const {
  const domain::AssessmentInput input = domain::AssessmentInputOf(facts, domain::ShanghaiDate(now));
  std::string input_text = boost::json::serialize(domain::AssessmentInputToJson(input));
  const domain::ThresholdProfile* profile = rules.catalog->Find(rules.threshold_profile);
  if (profile == nullptr) profile = rules.catalog->Find(domain::ThresholdCatalog::kUnset);
  // The key names the profile's figures too, so an operator's change of figures is never served stale.
  std::string key = input_text + "|" + std::to_string(profile->per_worker ? profile->per_worker->fen() : -1) + "|" +
                    std::to_string(profile->aggregate ? profile->aggregate->fen() : -1);
  if (auto cached = assessments_.Find(key)) return cached;
  const domain::AssessmentResult result = domain::Assess(input, *profile);
  boost::json::value json = domain::AssessmentToJson(result);
  std::string text = boost::json::serialize(json);
  std::int64_t actor_unpaid = 0;
  for (const auto& worker : input.workers) actor_unpaid += worker.Tested().fen();
  auto assessment = std::make_shared<const CachedAssessment>(
      CachedAssessment{std::move(json), std::move(text), std::move(input_text), result.amount.met,
                       result.recommendation, result.blacklist, actor_unpaid});
  assessments_.Store(key, assessment);
  return assessment;
}

}  // namespace wagelink::services
