// Case intake, lists and details (the read side and the first write of CaseService).
#include "services/case_service.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "domain/assessment_json.h"
#include "domain/validators.h"
#include "security/masking.h"
#include "security/pii_scan.h"
#include "services/case_mapping.h"
#include "services/case_progress_codec.h"
#include "store/settings_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;

constexpr std::size_t kMaxWorkersPerCase = 10'000;


Status CheckEmployer(const EmployerInput& e, const std::string& field) {
  if (e.name.empty() || e.name.size() > 300) return InvalidField(field + ".name", "不能为空且不超过 300 字节", "1–300 bytes required");
  if (e.kind != "unit" && e.kind != "individual" && e.kind != "unqualified_contractor") {
    return InvalidField(field + ".kind", "应为 unit、individual 或 unqualified_contractor", "must be unit, individual or unqualified_contractor");
  }
  if (e.credit_code) {
    if (auto ok = domain::ValidateUnifiedSocialCreditCode(*e.credit_code, field + ".credit_code"); !ok) return ok.error();
  } else if (e.kind == "unit") {
    return InvalidField(field + ".credit_code", "用人单位须填写统一社会信用代码", "a unit needs its unified social credit code");
  }
  return Ok{};
}

Status CheckWorker(const WorkerInput& w, std::size_t i, domain::CivilDate today) {
  std::string field = "workers[" + std::to_string(i) + "]";
  if (w.name.empty() || w.name.size() > 64) return InvalidField(field + ".name", "姓名不能为空且不超过 64 字节", "name: 1–64 bytes");
  if (w.id_number) {
    if (auto ok = domain::ValidateResidentIdNumber(*w.id_number, field + ".id_number", today); !ok) return ok.error();
  }
  if (w.phone) {
    if (auto ok = domain::ValidateMobileNumber(*w.phone, field + ".phone"); !ok) return ok.error();
  }
  if (w.bank_card) {
    if (auto ok = domain::ValidateBankCardNumber(*w.bank_card, field + ".bank_card"); !ok) return ok.error();
  }
  if (w.owed.fen() < 0) return InvalidField(field + ".owed_yuan", "不能为负数", "must not be negative");
  if (w.other_claims.fen() < 0) return InvalidField(field + ".other_claims_yuan", "不能为负数", "must not be negative");
  if (w.months_unpaid < 0 || w.months_unpaid > 1200) return InvalidField(field + ".months_unpaid", "应为 0 到 1200", "must be 0..1200");
  return Ok{};
}

bool IsChannel(const std::string& c) {
  for (auto known : {"12333", "national_clue_platform", "walk_in", "petition", "inspection", "referral"}) {
    if (c == known) return true;
  }
  return false;
}

std::int64_t EmployerId(store::CaseRepository& cases, const EmployerInput& e, const std::string& now) {
  if (e.credit_code) {
    if (auto existing = cases.FindEmployerByCreditCode(*e.credit_code)) return existing->id;
  }
  return cases.InsertEmployer({0, e.name, e.credit_code, e.kind, e.address, e.legal_representative}, now);
}

}  // namespace

Result<store::CaseScope> CaseService::ScopeOf(const Principal& who) const {
  if (!who.Can(Permission::kCaseRead)) return Forbidden(Permission::kCaseRead);
  auto scope = who.scope();
  if (scope.kind == security::DataScope::Kind::kNone) return Forbidden(Permission::kCaseRead);
  return store::CaseScope{scope.kind == security::DataScope::Kind::kAllInRegion, who.body_code};
}

Status CaseService::CheckComplaint(const Principal& who, const ComplaintInput& input) const {
  if (!who.Can(Permission::kCaseWrite) || who.body_code != "hrss") {
    return MakeError(ErrorCode::kForbidden, "只有劳动保障监察机构可以登记投诉", "Only labour inspection registers complaints");
  }
  const domain::Instant now = domain::Instant::FromUnixSeconds(clock_.Now());
  if (!IsChannel(input.channel)) {
    return InvalidField("channel", "应为 12333、national_clue_platform、walk_in、petition、inspection 或 referral",
                   "must be 12333, national_clue_platform, walk_in, petition, inspection or referral");
  }
  if (input.received_at.unix_seconds() > now.unix_seconds()) return InvalidField("received_at", "不能晚于当前时间", "must not be in the future");
  if (auto ok = CheckEmployer(input.employer, "employer"); !ok) return ok.error();
  if (input.general_contractor) {
    if (auto ok = CheckEmployer(*input.general_contractor, "general_contractor"); !ok) return ok.error();
  }
  if (input.workers.empty() || input.workers.size() > kMaxWorkersPerCase) {
    return InvalidField("workers", "应有 1 到 10000 名劳动者", "must list 1 to 10000 workers");
  }
  for (std::size_t i = 0; i < input.workers.size(); ++i) {
    if (auto ok = CheckWorker(input.workers[i], i, domain::ShanghaiDate(now)); !ok) return ok.error();
  }
  if (input.summary.size() > 20000 || input.project_name.size() > 300) {
    return InvalidField("summary", "内容过长", "too long");
  }
  const domain::TimeLimitRule* l01 = reference_->time_limits.Find("L01");
  auto l01_clock = domain::StartClock(*l01, input.received_at, reference_->calendar,
                                      {.responsible_body = domain::Body::kHrss, .supervisor_body = domain::Body::kWageOffice});
  if (!l01_clock) return l01_clock.error();
  return Ok{};
}

Status CaseService::CheckNewWorker(const WorkerInput& worker, std::size_t index) const {
  return CheckWorker(worker, index, domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now())));
}

Result<CaseDetail> CaseService::CreateComplaint(const Principal& who, const ComplaintInput& input) {
  if (auto ok = CheckComplaint(who, input); !ok) return ok.error();
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  std::int64_t case_id = InsertComplaint(*connection, who, input);
  tx.Commit();
  auto created = store::CaseRepository(*connection).FindCase(case_id, {true, ""});
  return LoadDetail(*connection, who, *created);
}

std::int64_t CaseService::InsertComplaint(store::Connection& connection, const Principal& who, const ComplaintInput& input) {
  const domain::Instant now = domain::Instant::FromUnixSeconds(clock_.Now());
  const auto rules = rules_.Current(connection);
  const domain::TimeLimitRule* l01 = rules->time_limits->Find("L01");
  auto l01_clock = domain::StartClock(*l01, input.received_at, *rules->calendar,
                                      {.responsible_body = domain::Body::kHrss, .supervisor_body = domain::Body::kWageOffice});
  const std::string now_text = now.ToIsoUtc();
  store::CaseRepository cases(connection);
  store::CaseTimelineRepository timeline(connection);

  store::CaseRow row;
  int year = static_cast<int>(domain::ShanghaiDate(input.received_at).year());
  char number[32];
  std::snprintf(number, sizeof number, "WL-%d-%05lld", year,
                static_cast<long long>(cases.NextSequence("case", year)));
  row.case_no = number;
  row.title = input.employer.name + (input.project_name.empty() ? "" : "（" + input.project_name + "）") + "欠薪案";
  row.state = std::string(domain::CaseStateCode(domain::CaseState::kComplaintReceived));
  domain::CaseProgress progress;
  progress.last_step_at = input.received_at;
  row.progress = boost::json::serialize(ProgressToJson(progress));
  row.channel = input.channel;
  row.received_at = input.received_at.ToIsoUtc();
  row.employer_id = EmployerId(cases, input.employer, now_text);
  if (input.general_contractor) row.general_contractor_id = EmployerId(cases, *input.general_contractor, now_text);
  row.project_name = input.project_name;
  row.summary = input.summary;
  row.conduct = input.conduct;
  row.migrant_workers = input.migrant_workers;
  row.created_by = who.user_id;
  row.created_at = now_text;
  row.updated_at = now_text;
  row.id = cases.InsertCase(row);
  cases.AddParty(row.id, "hrss", now_text);
  InsertWorkers(connection, row.id, input.workers);

  store::CaseEventRow event;
  event.case_id = row.id;
  event.event = "register_complaint";
  event.at = row.received_at;
  event.actor_user_id = who.user_id;
  event.actor_username = who.username;
  event.actor_body = who.body_code;
  event.from_state = "";
  event.to_state = row.state;
  event.payload = boost::json::serialize(boost::json::object{{"channel", input.channel},
                                                             {"workers", input.workers.size()}});
  event.explanation_zh = "登记投诉（渠道：" + input.channel + "），开始计算受理期限。";
  event.explanation_en = "Complaint registered (channel " + input.channel + "); the acceptance clock starts.";
  event.request_id = who.request_id;
  timeline.InsertEvent(event);
  timeline.InsertClock(ToClockRow(row.id, *l01_clock));
  ReportAtOnceIfDue(connection, who, row, cases.ListWorkers(row.id), timeline.ListEvents(row.id));
  audit_.Append(connection, who, "case.create", {"case", std::to_string(row.id)}, nullptr,
                boost::json::object{{"case_no", row.case_no}, {"workers", input.workers.size()}});
  return row.id;
}

Status CaseService::CheckNewEmployer(const EmployerInput& employer, const std::string& field) {
  return CheckEmployer(employer, field);
}

bool CaseService::IsKnownChannel(std::string_view channel) { return IsChannel(std::string(channel)); }

std::int64_t CaseService::InsertEmployer(store::Connection& connection, const EmployerInput& employer) {
  store::CaseRepository cases(connection);
  return EmployerId(cases, employer, domain::Instant::FromUnixSeconds(clock_.Now()).ToIsoUtc());
}

void CaseService::InsertWorkers(store::Connection& connection, std::int64_t case_id, const std::vector<WorkerInput>& workers) {
  store::CaseRepository cases(connection);
  const std::string now_text = domain::Instant::FromUnixSeconds(clock_.Now()).ToIsoUtc();
  const auto& cipher = keys_->cipher();
  for (const auto& w : workers) {
    store::WorkerRow worker;
    worker.case_id = case_id;
    worker.name = w.name;
    worker.owed_fen = w.owed.fen();
    worker.other_claims_fen = w.other_claims.fen();
    worker.months_unpaid = w.months_unpaid;
    worker.period_from = w.period_from;
    worker.period_to = w.period_to;
    worker.id = cases.InsertWorker(worker, now_text);
    // The row id is in the associated data, so a ciphertext cannot be moved to another worker.
    std::string suffix = ":" + std::to_string(worker.id);
    if (w.id_number) {
      std::string normal = security::NormalizeIdentifier(*w.id_number);
      worker.id_number_enc = cipher.Encrypt(normal, "worker.id_number" + suffix);
      worker.id_number_index = cipher.BlindIndex("id_number", normal);
      worker.id_number_masked = security::MaskIdNumber(normal);
    }
    if (w.phone) {
      worker.phone_enc = cipher.Encrypt(*w.phone, "worker.phone" + suffix);
      worker.phone_masked = security::MaskPhone(*w.phone);
    }
    if (w.bank_card) {
      std::string normal = security::NormalizeIdentifier(*w.bank_card);
      worker.bank_card_enc = cipher.Encrypt(normal, "worker.bank_card" + suffix);
      worker.bank_card_masked = security::MaskBankCard(normal);
    }
    if (w.id_number || w.phone || w.bank_card) cases.SetWorkerSecrets(worker);
  }
  cases.RefreshMoney(case_id);
}

Result<Page<store::CaseRow>> CaseService::List(const Principal& who, const store::CaseFilter& filter, std::int64_t limit,
                                               std::int64_t offset) {
  auto scope = ScopeOf(who);
  if (!scope) return scope.error();
  auto connection = db_.Acquire();
  store::CaseRepository cases(*connection);
  return Page<store::CaseRow>{cases.ListCases(*scope, filter, limit, offset), cases.CountCases(*scope, filter)};
}

Result<CaseDetail> CaseService::Get(const Principal& who, std::int64_t case_id) {
  auto scope = ScopeOf(who);
  if (!scope) return scope.error();
  auto connection = db_.Acquire();
  auto row = store::CaseRepository(*connection).FindCase(case_id, *scope);
  // Not visible and not existing look the same: need-to-know also hides existence.
  if (!row) return MakeError(ErrorCode::kNotFound, "案件不存在或您无权查看", "No such case, or not visible to your body");
  return LoadDetail(*connection, who, *row);
}

std::vector<std::string> CaseService::MissingMaterials(const store::CaseRow& row) const {
  const auto package = TransferPackageOf(row.transfer_package);
  std::vector<std::string> missing;
  for (const auto& item : reference_->transfer_package) {
    if (!item.required || item.id == "transfer_letter") continue;  // the letter is generated at sending
    const auto it = package.find(item.id);
    if (it == package.end() || !it->second) missing.push_back(item.zh);
  }
  return missing;
}

domain::CaseSnapshot CaseService::SnapshotOf(const CaseRules& rules, const store::CaseRow& row,
                                             const domain::CaseProgress& progress,
                                             const std::vector<store::ClockRow>& clocks,
                                             const CachedAssessment& assessment) const {
  domain::CaseSnapshot snapshot;
  snapshot.context.economic_crime_rules = rules.economic_crime_rules;
  snapshot.progress = progress;
  snapshot.context.outstanding = domain::Fen::FromFen(row.owed_fen - row.paid_fen);
  snapshot.context.actor_unpaid = domain::Fen::FromFen(assessment.actor_unpaid_fen);
  snapshot.context.amount_threshold_met = assessment.amount_met;
  snapshot.context.assessed_recommendation = assessment.recommendation;
  snapshot.context.missing_transfer_materials = MissingMaterials(row);
  for (const auto& clock : clocks) {
    if (clock.stopped_at) continue;
    const auto* rule = rules.time_limits->Find(clock.rule_id);
    if (rule && clock.extensions_applied < static_cast<std::int64_t>(rule->extensions.size())) {
      snapshot.context.extendable_clocks.push_back(clock.rule_id);
    }
  }
  return snapshot;
}

CaseDetail CaseService::LoadDetail(store::Connection& connection, const Principal& who, const store::CaseRow& row) {
  store::CaseRepository cases(connection);
  store::CaseTimelineRepository timeline(connection);
  const domain::Instant now = domain::Instant::FromUnixSeconds(clock_.Now());
  const auto rules = rules_.Current(connection);
  CaseDetail detail;
  detail.row = row;
  auto [employer, contractor] = cases.FindEmployerAndContractor(row.employer_id, row.general_contractor_id);
  detail.employer = std::move(*employer);
  detail.general_contractor = std::move(contractor);
  detail.workers = cases.ListWorkers(row.id);
  detail.payments = cases.ListPayments(row.id);
  detail.events = timeline.ListEvents(row.id);
  detail.parties = cases.Parties(row.id);
  auto clocks = timeline.ListClocks(row.id);
  for (const auto& clock : clocks) {
    detail.clocks.push_back({clock, domain::Evaluate(ClockOf(clock), now), rules->time_limits->Find(clock.rule_id)});
  }
  const auto package = TransferPackageOf(row.transfer_package);
  for (const auto& item : reference_->transfer_package) {
    const auto it = package.find(item.id);
    detail.transfer_package.emplace_back(&item, it != package.end() && it->second);
  }
  const domain::CaseFacts facts =
      CaseFactsOf(rules->threshold_profile, row, detail.employer, detail.workers, detail.payments, detail.events);
  detail.findings = facts.findings;
  detail.assessment = AssessCase(*rules, facts, now);
  if (auto progress = ProgressFromJson(row.progress)) {
    std::vector<std::string> permissions;
    for (auto p : who.permissions) permissions.emplace_back(security::PermissionCode(p));
    detail.available_steps = domain::AvailableSteps(SnapshotOf(*rules, row, *progress, clocks, *detail.assessment),
                                                    who.body_code, permissions);
  }
  return detail;
}

std::shared_ptr<const CachedAssessment> CaseService::AssessCase(const CaseRules& rules, const domain::CaseFacts& facts,
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
                       result.recommendation, result.blacklist.eligible, actor_unpaid});
  assessments_.Store(key, assessment);
  return assessment;
}

store::ClockRow ToClockRow(std::int64_t case_id, const domain::StatutoryClock& clock) {
  store::ClockRow row;
  row.case_id = case_id;
  row.rule_id = clock.rule_id;
  row.started_at = clock.started_at.ToIsoUtc();
  row.due_at = clock.due.due_instant.ToIsoUtc();
  row.due_date = clock.due.due_date.ToIso();
  row.uncertain = clock.due.uncertain;
  row.responsible_body = std::string(domain::BodyCode(clock.responsible_body));
  row.supervisor_body = std::string(domain::BodyCode(clock.supervisor_body));
  row.kind = std::string(domain::ClockKindCode(clock.kind));
  row.extensions_applied = clock.extensions_applied;
  if (clock.supplied_due_date) row.supplied_due_date = clock.supplied_due_date->ToIso();
  row.explanation_zh = clock.due.explain_zh;
  row.explanation_en = clock.due.explain_en;
  if (clock.due.roll_over_status) row.due_interpretation = std::string(domain::SourceStatusName(*clock.due.roll_over_status));
  return row;
}

}  // namespace wagelink::services
