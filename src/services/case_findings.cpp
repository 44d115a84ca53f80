// Case facts as the investigation establishes them (findings), and the report at once (第一时间) to the
// district leadership and 区治欠办 that a case's own facts call for. A finding is a timeline event by the
// body entitled to make it, with reason, evidence references, who and when; a newer finding of the same
// kind revises it, nothing is edited in place (case_facts.h, case_mapping.h).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "domain/finding_json.h"
#include "domain/risk_scoring.h"
#include "services/case_mapping.h"
#include "services/case_findings.h"
#include "services/same_state_event.h"
#include "store/case_tally_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;

constexpr std::size_t kMaxEvidenceRefs = 20;
constexpr std::size_t kMaxEvidenceRefBytes = 200;
constexpr std::size_t kMaxFindingReasonBytes = 5000;
constexpr std::string_view kReportEvent = "report_at_once";

// Labour inspection finds every fact in its investigation; the police may revise the facts of a case
// they hold (their investigation establishes conduct and consequences too); the court records whether
// the compensation was borne (法释 §6) — it decides that at trial.
bool MayFind(const Principal& who, domain::FindingKind kind) {
  if (who.body_code == "hrss" && who.Can(Permission::kCaseWrite)) return true;
  if (who.body_code == "police" && who.Can(Permission::kCasePoliceAct)) {
    return kind != domain::FindingKind::kJustifiedReason;
  }
  return who.body_code == "court" && who.Can(Permission::kCaseCourtAct) &&
         kind == domain::FindingKind::kCompensationBorne;
}

// The value a finding of this kind replaces, for the timeline's "before → after".
domain::FindingValue CurrentValue(const domain::CurrentFindings& current, domain::FindingKind kind) {
  domain::FindingValue value;
  value.conduct = current.conduct;
  value.consequences = current.consequences;
  value.employer_kind = current.employer_kind.value_or(domain::EmployerKind::kUnit);
  value.persons = current.persons;
  switch (kind) {
    case domain::FindingKind::kMassIncident:
      value.yes = current.mass_incident;
      value.extreme = current.extreme_incident;
      break;
    case domain::FindingKind::kJustifiedReason: value.yes = current.justified_reason; break;
    case domain::FindingKind::kCompensationBorne: value.yes = current.compensation_borne.value_or(false); break;
    default: break;
  }
  return value;
}

}  // namespace

Result<CaseDetail> CaseFindings::RecordFinding(const Principal& who, std::int64_t case_id, const FindingInput& input) {
  auto scope = records_.ScopeOf(who);
  if (!scope) return scope.error();
  if (!MayFind(who, input.kind)) {
    return MakeError(ErrorCode::kForbidden, "您所在的部门无权认定此项事实",
                     "Your body may not record this finding");
  }
  const domain::Instant now = records_.Now();
  const domain::CivilDate today = domain::ShanghaiDate(now);
  if (input.reason.empty() || input.reason.size() > kMaxFindingReasonBytes) {
    return InvalidField("reason", "须说明认定的依据（不超过 5000 字节）", "state the grounds (at most 5000 bytes)");
  }
  if (input.evidence.size() > kMaxEvidenceRefs) {
    return InvalidField("evidence", "最多引用 20 项证据", "at most 20 evidence references");
  }
  for (const auto& reference : input.evidence) {
    if (reference.empty() || reference.size() > kMaxEvidenceRefBytes) {
      return InvalidField("evidence", "每项证据引用应为 1–200 字节", "each evidence reference must be 1-200 bytes");
    }
  }
  const domain::CivilDate found_on = input.found_on.value_or(today);
  if (today < found_on) return InvalidField("found_on", "不能晚于今天", "must not be in the future");

  auto connection = records_.db().Acquire();
  store::CaseRepository cases(*connection);
  store::CaseTimelineRepository timeline(*connection);
  store::Transaction tx(*connection);
  auto row = CaseRecords::FindVisible(cases, *scope, case_id);
  if (!row) return row.error();
  const auto state = domain::ParseCaseStateCode(row->state);
  if (state && domain::IsTerminal(*state)) {
    return MakeError(ErrorCode::kConflict, "案件已办结，不能再认定事实", "The case is closed; no further findings");
  }
  const auto employer = cases.FindEmployer(row->employer_id);
  auto events = timeline.ListEvents(case_id);
  const domain::CurrentFindings before = FindingsOf(*row, *employer, events);
  domain::FindingValue previous = CurrentValue(before, input.kind);
  std::string worker_named;  // "（张建国）" for a worker's claim
  if (input.kind == domain::FindingKind::kWorkerClaim) {
    const auto& claim = input.value.worker_claim;
    const auto worker = cases.FindWorker(case_id, claim.worker_id);
    if (!worker) return InvalidField("value.worker_id", "本案没有该劳动者", "no such worker on this case");
    if (claim.owed.fen() < worker->paid_fen) {
      return InvalidField("value.owed_yuan",
                          "不能少于已支付给该劳动者的 " + domain::Fen::FromFen(worker->paid_fen).ToYuanGrouped() + " 元",
                          "must not be less than the " + domain::Fen::FromFen(worker->paid_fen).ToYuanGrouped() +
                              " yuan already paid to this worker");
    }
    previous.worker_claim = {worker->id, domain::Fen::FromFen(worker->owed_fen),
                             domain::Fen::FromFen(worker->other_claims_fen), static_cast<int>(worker->months_unpaid)};
    worker_named = "（" + worker->name + "）";
  }

  boost::json::array evidence;
  for (const auto& reference : input.evidence) evidence.emplace_back(reference);
  const std::string found_at =
      found_on == today ? now.ToIsoUtc() : domain::EndOfShanghaiDay(found_on).AddSeconds(-1).ToIsoUtc();
  auto event = SameStateEvent(who, *row, std::string(kFindingEvent), found_at);
  event.payload = boost::json::serialize(boost::json::object{
      {"kind", domain::FindingKindCode(input.kind)},
      {"value", domain::FindingValueToJson(input.kind, input.value)},
      {"previous", domain::FindingValueToJson(input.kind, previous)},
      {"evidence", std::move(evidence)},
      {"found_on", found_on.ToIso()}});
  event.reason = input.reason;
  const std::string name_zh(domain::FindingKindNameZh(input.kind));
  event.explanation_zh = "认定" + name_zh + worker_named + "：" + domain::DescribeFindingZh(input.kind, input.value) + "（此前：" +
                         domain::DescribeFindingZh(input.kind, previous) + "）。案件的罪与非罪评估随之按新的事实重新作出。";
  event.explanation_en = "Finding on " + std::string(domain::FindingKindNameEn(input.kind)) + ": " +
                         domain::DescribeFindingEn(input.kind, input.value) + " (before: " +
                         domain::DescribeFindingEn(input.kind, previous) +
                         "). The case's assessment now rests on the new facts.";
  // A worker's claim changes the case's totals, and the finder becomes a party: the dashboard's
  // running totals follow (store/case_tally_repository.h).
  store::CaseTallyRepository tallies(*connection);
  tallies.Withdraw(case_id);
  timeline.InsertEvent(event);
  if (input.kind == domain::FindingKind::kConduct) {
    cases.SetConduct(case_id, std::string(domain::ConductName(input.value.conduct)));
  }
  if (input.kind == domain::FindingKind::kWorkerClaim) {
    const auto& claim = input.value.worker_claim;
    cases.SetWorkerClaim(case_id, claim.worker_id, claim.owed.fen(), claim.other_claims.fen(), claim.months_unpaid);
  }
  cases.AddParty(case_id, who.body_code, now.ToIsoUtc());
  tallies.Deposit(case_id);
  records_.audit().Append(*connection, who, "case.finding", {"case", std::to_string(case_id)},
                boost::json::object{{"kind", domain::FindingKindCode(input.kind)},
                                    {"value", domain::FindingValueToJson(input.kind, previous)}},
                boost::json::object{{"kind", domain::FindingKindCode(input.kind)},
                                    {"value", domain::FindingValueToJson(input.kind, input.value)}});
  events.push_back(event);
  // The report's amounts come from the workers as they now stand (a worker's claim changes them).
  records_.ReportAtOnceIfDue(*connection, who, *row, *employer, cases.ListWorkers(case_id), events);
  tx.Commit();
  return records_.Reload(*connection, who, case_id);
}

void CaseRecords::ReportAtOnceIfDue(store::Connection& connection, const Principal& who, const store::CaseRow& row,
                                    const store::EmployerRow& employer, const std::vector<store::WorkerRow>& workers,
                                    const std::vector<store::CaseEventRow>& events) {
  if (!risk_rules_) return;
  domain::RiskFacts facts;
  for (const auto& worker : workers) {
    if (worker.owed_fen > worker.paid_fen) {
      ++facts.workers_affected;
      facts.amount_fen += worker.owed_fen - worker.paid_fen;
    }
  }
  const domain::CurrentFindings findings = FindingsOf(row, employer, events);
  facts.indicators["mass_incident_signal"] = findings.mass_incident ? 1 : 0;
  facts.indicators["extreme_incident_signal"] = findings.extreme_incident ? 1 : 0;
  const domain::Instant now = domain::Instant::FromUnixSeconds(clock_.Now());
  const domain::RiskAssessment assessment = domain::ScoreRisk(*risk_rules_, facts, now);
  if (!assessment.notify_wage_office && !assessment.notify_leadership) return;
  // Once per case and level: a higher level is reported again, the same level never twice.
  for (const auto& event : events) {
    if (event.event != kReportEvent) continue;
    boost::system::error_code ec;
    const auto payload = boost::json::parse(event.payload, ec);
    const auto* level = !ec && payload.is_object() ? payload.as_object().if_contains("level") : nullptr;
    if (level != nullptr && level->is_string() && level->get_string() == assessment.level_code) return;
  }
  const domain::RiskLevel& level = risk_rules_->levels()[assessment.level];
  std::string grounds_zh;
  std::string grounds_en;
  boost::json::array rules;
  for (const auto& fired : assessment.fired) {
    if (!fired.leadership && !fired.floor_level) continue;
    grounds_zh += (grounds_zh.empty() ? "" : "；") + fired.zh + "（" + fired.basis + "）";
    grounds_en += (grounds_en.empty() ? "" : "; ") + fired.en;
    rules.emplace_back(fired.id);
  }
  store::CaseTimelineRepository timeline(connection);
  const std::string now_text = now.ToIsoUtc();
  std::vector<std::string> bodies{"wage_office"};
  if (assessment.notify_leadership) bodies.emplace_back("leadership");
  for (const auto& body : bodies) {
    timeline.InsertNotification({0, body, std::nullopt, "case_report",
                                 row.case_no + "：" + level.zh + "欠薪情况第一时间报告", row.case_no + ": " + level.en +
                                     " wage-arrears situation reported at once",
                                 row.id, now_text, std::nullopt});
  }
  auto event = SameStateEvent(who, row, std::string(kReportEvent), now_text);
  event.payload = boost::json::serialize(boost::json::object{
      {"level", assessment.level_code}, {"score", assessment.score}, {"rules", std::move(rules)},
      {"to", assessment.notify_leadership ? "leadership_and_wage_office" : "wage_office"}});
  event.explanation_zh = "本案事实达到“" + level.zh + "”等级，已第一时间报告" +
                         (assessment.notify_leadership ? "区委、区政府和区治欠办" : "区治欠办") + "：" + grounds_zh +
                         "。（等级规则为运营方设定的平台默认值：" + risk_rules_->status_zh() + "）";
  event.explanation_en = "The case's facts reach the '" + level.en + "' level; reported at once to " +
                         (assessment.notify_leadership ? "the district leadership and the wage-arrears office"
                                                       : "the wage-arrears office") +
                         ": " + grounds_en + ". (Level rules are operator-set platform defaults.)";
  timeline.InsertEvent(event);
  audit_.Append(connection, who, "case.report_at_once", {"case", std::to_string(row.id)}, nullptr,
                boost::json::object{{"level", assessment.level_code}});
}

}  // namespace wagelink::services
