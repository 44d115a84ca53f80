// Taking a step of the mechanism: the domain decides (domain::Decide); this applies the decision
// — state, timeline event, clocks, parties, inbox notices, audit — in one transaction.
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <set>

#include "services/case_mapping.h"
#include "services/case_progress_codec.h"
#include "domain/limitation_period.h"
#include "services/case_steps.h"
#include "domain/step_documents.h"
#include "store/case_tally_repository.h"
#include "store/identity_repository.h"

namespace wagelink::services {
namespace {

// The colleagues in `body_code` (other than the actor) whose roles grant `permission`: a hand-off
// inside one body reaches each of them by name (e.g. the head when a transfer report awaits approval).
std::vector<std::int64_t> ColleaguesWith(store::Connection& connection, const std::string& body_code,
                                         std::string_view permission, std::int64_t actor_user_id) {
  std::vector<std::int64_t> ids;
  const auto wanted = security::ParsePermission(permission);
  store::IdentityRepository identity(connection);
  const auto body = identity.FindBody(body_code);
  if (!wanted || !body) return ids;
  for (const auto& user : identity.ListActiveUsersOfBody(body->id)) {
    if (user.id == actor_user_id) continue;
    std::vector<security::Role> roles;
    for (const auto& code : user.roles) {
      if (auto role = security::ParseRole(code)) roles.push_back(*role);
    }
    if (security::AnyRoleHas(roles, *wanted)) ids.push_back(user.id);
  }
  return ids;
}

// A case group (专案组) is made of people who can be held to it: each member must be an active user
// of the acting body, named by login (the form offers the body's colleagues by name).
Status CheckCaseGroupMembers(store::Connection& connection, const Principal& who, const domain::CaseGroupPayload& group) {
  std::set<std::string> colleagues;
  for (auto& user : store::IdentityRepository(connection).ListActiveUsersOfBody(who.body_id)) {
    colleagues.insert(std::move(user.username));
  }
  for (const auto& officer : group.officer_ids) {
    if (colleagues.contains(officer)) continue;
    return MakeError(ErrorCode::kValidationFailed, "officers：专案组成员须为本单位在岗人员，“" + officer + "”不是",
                     "officers: every member of the case group must be an active user of your body; \"" + officer +
                         "\" is not",
                     "officers");
  }
  return Ok{};
}

boost::json::object PayloadJson(const domain::StepPayload& payload) {
  boost::json::object o;
  std::visit(
      [&o](const auto& p) {
        using T = std::decay_t<decltype(p)>;
        if constexpr (std::is_same_v<T, domain::OrderPayload>) {
          o = {{"document", domain::OrderDocumentKindCode(p.document)}, {"deadline", p.deadline.ToIso()},
               {"service", domain::ServiceMethodCode(p.service)}, {"served_at", p.served_at.ToIsoUtc()},
               {"service_evidence_recorded", p.service_evidence_recorded},
               {"addressee", domain::OrderAddresseeName(p.addressee)}};
        } else if constexpr (std::is_same_v<T, domain::OrderOutcomePayload>) {
          o = {{"outcome", domain::OrderOutcomeCode(p.outcome)}};
        } else if constexpr (std::is_same_v<T, domain::ScreeningPayload>) {
          o = {{"recommendation", domain::RecommendationName(p.recommendation)}};
        } else if constexpr (std::is_same_v<T, domain::ConsultationPayload>) {
          o = {{"to_procuratorate", p.to_procuratorate}, {"to_police", p.to_police}};
          if (p.reply_due) o["reply_due"] = p.reply_due->ToIso();
        } else if constexpr (std::is_same_v<T, domain::ReconsiderationPayload>) {
          o = {{"result", domain::ReconsiderationResultCode(p.result)}};
        } else if constexpr (std::is_same_v<T, domain::InvestigationPayload>) {
          o = {{"result", domain::InvestigationResultCode(p.result)}};
        } else if constexpr (std::is_same_v<T, domain::ProsecutionPayload>) {
          o = {{"decision", domain::ProsecutionDecisionCode(p.decision)}};
        } else if constexpr (std::is_same_v<T, domain::JudgmentPayload>) {
          o = {{"verdict", domain::VerdictCode(p.verdict)}};
        } else if constexpr (std::is_same_v<T, domain::LegalAidPayload>) {
          o = {{"decision", domain::LegalAidDecisionCode(p.decision)}};
        } else if constexpr (std::is_same_v<T, domain::CivilStepPayload>) {
          o = {{"kind", domain::CivilStepKindCode(p.kind)},
               {"green_channel", {{"priority_mediation", p.green_channel.priority_mediation},
                                  {"priority_acceptance", p.green_channel.priority_acceptance},
                                  {"priority_filing", p.green_channel.priority_filing},
                                  {"priority_trial", p.green_channel.priority_trial},
                                  {"priority_execution", p.green_channel.priority_execution}}}};
        } else if constexpr (std::is_same_v<T, domain::ClosePayload>) {
          o = {{"reason", domain::CloseReasonCode(p.reason)}};
        } else if constexpr (std::is_same_v<T, domain::CaseGroupPayload>) {
          boost::json::array officers;
          for (const auto& id : p.officer_ids) officers.emplace_back(id);
          o = {{"officers", officers}};
        } else if constexpr (std::is_same_v<T, domain::TransferPayload>) {
          o = {{"copy_to_procuratorate", p.copy_to_procuratorate}};
        } else if constexpr (std::is_same_v<T, domain::EarlyInterventionPayload>) {
          o = {{"ground", domain::InterventionGroundCode(p.ground)}};
        } else if constexpr (std::is_same_v<T, domain::InterventionOpinionPayload>) {
          o = {{"aspect", domain::OpinionAspectCode(p.aspect)}};
        } else if constexpr (std::is_same_v<T, domain::MaliciousClaimReferralPayload>) {
          o = {{"findings", {{"no_arrears", p.no_arrears}, {"forged_records", p.forged_records},
                             {"blocking_offices", p.blocking_offices}, {"other_disorder", p.other_disorder}}}};
        } else if constexpr (std::is_same_v<T, domain::MaliciousClaimOutcomePayload>) {
          o = {{"handling", domain::MaliciousClaimOutcomeCode(p.outcome)}};
          if (!p.charge.empty()) o["charge"] = p.charge;
          if (!p.penalty.empty()) o["penalty"] = p.penalty;
        } else if constexpr (std::is_same_v<T, domain::MaterialsListPayload>) {
          boost::json::array items;
          for (const auto& item : p.items) items.emplace_back(item);
          o = {{"items", items}};
        }
      },
      payload);
  return o;
}

}  // namespace

Result<CaseDetail> CaseSteps::TakeStep(const Principal& who, std::int64_t case_id, const StepInput& step) {
  auto scope = records_.ScopeOf(who);
  if (!scope) return scope.error();
  const domain::Instant now = records_.Now();
  domain::Instant at = step.at.value_or(now);
  if (at.unix_seconds() > now.unix_seconds()) {
    return MakeError(ErrorCode::kValidationFailed, "at：办理时间不能晚于当前时间", "at: a step cannot be dated in the future", "at");
  }
  const std::string now_text = now.ToIsoUtc();
  auto connection = records_.db().Acquire();
  store::CaseRepository cases(*connection);
  store::CaseTimelineRepository timeline(*connection);
  store::Transaction tx(*connection);
  auto row = CaseRecords::FindVisible(cases, *scope, case_id);
  if (!row) return row.error();
  if (step.expected_version && *step.expected_version != row->version) {
    return MakeError(ErrorCode::kConflict, "案件已被他人更新，请刷新后重试", "The case changed meanwhile; reload and retry");
  }
  auto progress = ProgressFromJson(row->progress);
  if (!progress) return progress.error();
  auto clocks = timeline.ListClocks(case_id);
  // The step is decided on the case's facts as they stand (who paid what, which order counts): the
  // platform's own assessment, never a client's claim.
  const auto rules = records_.rules().Current(*connection);
  const auto employer = cases.FindEmployer(row->employer_id);
  const domain::CaseFacts facts = CaseFactsOf(rules->threshold_profile, *row, *employer, cases.ListWorkers(case_id),
                                              cases.ListPayments(case_id), timeline.ListEvents(case_id));
  const auto assessment = records_.AssessCase(*rules, facts, now);

  domain::StepRequest request;
  request.event = step.event;
  request.actor_body = who.body_code;
  for (auto p : who.permissions) request.actor_permissions.emplace_back(security::PermissionCode(p));
  request.at = at;
  request.reason = step.reason;
  request.payload = step.payload;
  if (const auto* group = std::get_if<domain::CaseGroupPayload>(&step.payload)) {
    if (auto members = CheckCaseGroupMembers(*connection, who, *group); !members) return members.error();
  }
  auto snapshot = records_.SnapshotOf(*rules, *row, *progress, clocks, *assessment, records_.PackageOfCase(*connection, row->id));
  std::string limitation_zh, limitation_en;
  if (step.event == domain::CaseEvent::kAcceptComplaint || step.event == domain::CaseEvent::kCompleteScreening) {
    if (auto period_to = cases.LatestPeriodTo(case_id)) snapshot.context.unpaid_period_end = domain::LastDayOfPeriod(*period_to);
  }
  // 劳动保障监察条例 §20 (L33): warn at acceptance when the unpaid period ended over 2 years before.
  const auto* l33 = rules->time_limits->Find("L33");
  auto received = domain::Instant::ParseRfc3339(row->received_at);
  if (step.event == domain::CaseEvent::kAcceptComplaint && l33 && snapshot.context.unpaid_period_end && received) {
    if (auto warning = domain::CheckInvestigationLimitation(*l33, *snapshot.context.unpaid_period_end, *received,
                                                            *rules->calendar)) {
      limitation_zh = warning->zh;
      limitation_en = " " + warning->en;
    }
  }
  auto decision = domain::Decide(snapshot, request);
  if (!decision) return decision.error();
  domain::ExplainClocks(*rules->time_limits, *decision);
  std::vector<std::string> requested_documents;
  for (const auto& [kind, fields] : step.document_fields) requested_documents.push_back(kind);
  auto documents = domain::DocumentsIssuedBy(request, requested_documents);
  if (!documents) return documents.error();
  if (!records_.documents()) documents->clear();
  const domain::Transition& t = *decision;

  const std::string to_state(domain::CaseStateCode(t.to));
  // The dashboard's running totals follow the step: its event, its parties (store/case_tally_repository.h).
  store::CaseTallyRepository tallies(*connection);
  tallies.Withdraw(case_id);
  if (!cases.UpdateState(case_id, row->version, to_state, boost::json::serialize(ProgressToJson(t.progress)), now_text)) {
    return MakeError(ErrorCode::kConflict, "案件已被他人更新，请刷新后重试", "The case changed meanwhile; reload and retry");
  }
  if (const auto* order = std::get_if<domain::OrderPayload>(&step.payload); order && domain::IsActor(order->addressee)) {
    cases.SetOrder(case_id, order->deadline.ToIso(), std::string(domain::ServiceMethodCode(order->service)));
  }

  // Clocks: stops, then extensions, then starts (the order the domain prescribes).
  const std::string at_text = at.ToIsoUtc();
  for (const auto& stop : t.clocks_to_stop) {
    timeline.StopClock(case_id, stop.rule_id, at_text, domain::ClockOutcomeCode(stop.outcome));
  }
  for (const auto& extension : t.clocks_to_extend) {
    const auto* rule = rules->time_limits->Find(extension.rule_id);
    for (const auto& clock : clocks) {
      if (clock.rule_id != extension.rule_id || clock.stopped_at || !rule) continue;
      auto extended = domain::ExtendClock(ClockOf(clock), *rule, *rules->calendar);
      if (!extended) return extended.error();
      timeline.ExtendClock(clock.id, ToClockRow(case_id, *extended));
    }
  }
  auto started = domain::StartClocks(t.clocks_to_start, *rules->time_limits, *rules->calendar);
  if (!started) return started.error();
  for (const auto& clock : *started) timeline.InsertClock(ToClockRow(case_id, clock));

  // Need-to-know: the acting body and every body the step reaches become parties to the case.
  cases.AddParty(case_id, who.body_code, now_text);
  const std::string step_name_zh(domain::CaseEventNameZh(t.event));
  const std::string step_name_en(domain::CaseEventNameEn(t.event));
  for (auto body : t.notify_bodies) {
    std::string code(domain::BodyCode(body));
    cases.AddParty(case_id, code, now_text);
    timeline.InsertNotification({0, code, std::nullopt, "case_step", row->case_no + "：" + step_name_zh,
                                 row->case_no + ": " + step_name_en, case_id, now_text, std::nullopt});
  }
  if (!t.tell_colleagues_with.empty()) {
    const auto awaits_zh = "：" + step_name_zh + "，待您办理";
    const auto awaits_en = ": " + step_name_en + ", awaiting you";
    for (auto user_id : ColleaguesWith(*connection, who.body_code, t.tell_colleagues_with, who.user_id)) {
      timeline.InsertNotification({0, who.body_code, user_id, "case_step", row->case_no + awaits_zh,
                                   row->case_no + awaits_en, case_id, now_text, std::nullopt});
    }
  }

  store::CaseEventRow event;
  event.case_id = case_id;
  event.event = std::string(domain::CaseEventCode(t.event));
  event.at = at_text;
  event.actor_user_id = who.user_id;
  event.actor_username = who.username;
  event.actor_body = who.body_code;
  event.from_state = row->state;
  event.to_state = to_state;
  event.payload = boost::json::serialize(PayloadJson(step.payload));
  event.reason = step.reason;
  event.explanation_zh = t.explanation_zh + limitation_zh;
  event.explanation_en = t.explanation_en + limitation_en;
  event.request_id = who.request_id;
  const std::int64_t event_id = timeline.InsertEvent(event);
  tallies.Deposit(case_id);
  records_.audit().Append(*connection, who, "case.step." + event.event, {"case", std::to_string(case_id)},
                boost::json::object{{"state", row->state}}, boost::json::object{{"state", to_state}});

  // The step's documents, with the facts as they stand after the step (the order's deadline just
  // recorded, the amount outstanding today): a document that cannot be made refuses the step.
  if (!documents->empty()) {
    auto after = CaseRecords::FindVisible(cases, *scope, case_id);
    if (!after) return after.error();
    for (auto kind : *documents) {
      auto fields = step.document_fields.find(std::string(kind));
      IssueRequest issue{.kind = std::string(kind),
                         .moment = {.at = at,
                                    .now = now,
                                    .step = step.event,
                                    .step_reason = step.reason,
                                    .payload = step.payload,
                                    .overrides = fields == step.document_fields.end() ? std::map<std::string, std::string>{}
                                                                                      : fields->second},
                         .step_event_id = event_id};
      auto issued = records_.documents()->Issue(*connection, who, *after, issue);
      if (!issued) {
        Error error = issued.error();
        if (error.code == ErrorCode::kValidationFailed && error.field.starts_with("fields.")) {
          error.field = "document_fields." + std::string(kind) + "." + error.field.substr(7);
        }
        return error;
      }
    }
  }
  tx.Commit();
  return records_.Reload(*connection, who, case_id);
}

}  // namespace wagelink::services
