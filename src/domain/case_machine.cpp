#include "domain/case_machine.h"
#include "domain/code_table.h"

#include <algorithm>
#include <array>
#include <utility>

#include "domain/case_steps.h"

namespace wagelink::domain {
namespace {

constexpr std::array<std::pair<SupervisionStage, std::string_view>, 6> kSupervisionStages{{
    {SupervisionStage::kNone, "none"},
    {SupervisionStage::kRequested, "requested"},
    {SupervisionStage::kReasonsRequested, "reasons_requested"},
    {SupervisionStage::kReasonsGiven, "reasons_given"},
    {SupervisionStage::kReasonsValid, "reasons_valid"},
    {SupervisionStage::kFilingOrdered, "filing_ordered"},
}};

constexpr std::array<std::pair<LegalAidStage, std::string_view>, 5> kLegalAidStages{{
    {LegalAidStage::kNone, "none"},
    {LegalAidStage::kApplied, "applied"},
    {LegalAidStage::kGranted, "granted"},
    {LegalAidStage::kRefused, "refused"},
    {LegalAidStage::kLawyerAssigned, "lawyer_assigned"},
}};

constexpr std::array<std::pair<EarlyInterventionStage, std::string_view>, 4> kInterventionStages{{
    {EarlyInterventionStage::kNone, "none"},
    {EarlyInterventionStage::kRequested, "requested"},
    {EarlyInterventionStage::kJoined, "joined"},
    {EarlyInterventionStage::kEnded, "ended"},
}};

constexpr std::array<std::pair<MaliciousClaimStage, std::string_view>, 6> kMaliciousClaimStages{{
    {MaliciousClaimStage::kNone, "none"},
    {MaliciousClaimStage::kReferred, "referred"},
    {MaliciousClaimStage::kAccepted, "accepted"},
    {MaliciousClaimStage::kCriminalCase, "criminal_case"},
    {MaliciousClaimStage::kPublicOrderPenalty, "public_order_penalty"},
    {MaliciousClaimStage::kNoAction, "no_action"},
}};

std::string Quoted(CaseEvent event, bool zh) {
  return zh ? "「" + std::string(CaseEventNameZh(event)) + "」" : "'" + std::string(CaseEventNameEn(event)) + "'";
}

bool Holds(std::span<const std::string> permissions, std::string_view permission) {
  return std::find(permissions.begin(), permissions.end(), permission) != permissions.end();
}

bool Allowed(const StepRule& rule, Body actor, std::span<const std::string> permissions) {
  return std::any_of(rule.grants.begin(), rule.grants.end(), [&](const StepGrant& grant) {
    return grant.body == actor && Holds(permissions, grant.permission);
  });
}

// Wrong body, then missing permission: the message names what would have been needed.
Status CheckActor(const StepRule& rule, const StepRequest& request, Body actor) {
  std::string bodies_zh;
  std::string bodies_en;
  std::string permissions;
  bool body_matches = false;
  for (const StepGrant& grant : rule.grants) {
    bodies_zh += (bodies_zh.empty() ? "" : "或") + std::string(BodyNameZh(grant.body));
    bodies_en += (bodies_en.empty() ? "" : " or the ") + std::string(BodyNameEn(grant.body));
    if (grant.body != actor) continue;
    body_matches = true;
    if (Holds(request.actor_permissions, grant.permission)) return Ok{};
    permissions += (permissions.empty() ? "" : ", ") + std::string(grant.permission);
  }
  if (!body_matches) {
    return Refusal("只有" + bodies_zh + "可以" + Quoted(request.event, true),
                   "only the " + bodies_en + " may " + Quoted(request.event, false), "actor_body");
  }
  return Refusal(Quoted(request.event, true) + "需要权限 " + permissions + "，当前用户没有该权限",
                 Quoted(request.event, false) + " needs the permission " + permissions + ", which the user lacks",
                 "actor_permissions");
}

std::string_view OutcomeZh(ClockOutcome outcome) {
  switch (outcome) {
    case ClockOutcome::kMet:
      return "已履行";
    case ClockOutcome::kNotMet:
      return "未履行";
    case ClockOutcome::kWithdrawn:
      return "不再适用";
  }
  return "";
}

void Explain(const StepRule& rule, Body actor, Transition& transition) {
  std::string zh = std::string(BodyNameZh(actor)) + Quoted(transition.event, true) + "（依据：" +
                   std::string(rule.basis) + "）。环节：" + std::string(CaseStateNameZh(transition.from)) + " → " +
                   std::string(CaseStateNameZh(transition.to)) + "。";
  std::string en = "The " + std::string(BodyNameEn(actor)) + ": " + Quoted(transition.event, false) +
                   " (basis: " + std::string(rule.basis) + "). " + std::string(CaseStateNameEn(transition.from)) +
                   " → " + std::string(CaseStateNameEn(transition.to)) + ".";
  transition.explanation_zh = std::move(zh);
  transition.explanation_en = std::move(en);
}

std::vector<Body> NotifyList(const StepRule& rule, const std::vector<Body>& extra, Body actor) {
  std::vector<Body> bodies;
  for (const auto* list : {&rule.notify, &extra}) {
    for (Body body : *list) {
      if (body != actor && std::find(bodies.begin(), bodies.end(), body) == bodies.end()) bodies.push_back(body);
    }
  }
  return bodies;
}

}  // namespace

std::string_view SupervisionStageCode(SupervisionStage stage) {
  return CodeOf(kSupervisionStages, stage);
}
std::optional<SupervisionStage> ParseSupervisionStage(std::string_view code) {
  return ValueOf(kSupervisionStages, code);
}
std::string_view LegalAidStageCode(LegalAidStage stage) {
  return CodeOf(kLegalAidStages, stage);
}
std::optional<LegalAidStage> ParseLegalAidStage(std::string_view code) {
  return ValueOf(kLegalAidStages, code);
}

std::string_view EarlyInterventionStageCode(EarlyInterventionStage stage) {
  return CodeOf(kInterventionStages, stage);
}
std::optional<EarlyInterventionStage> ParseEarlyInterventionStage(std::string_view code) {
  return ValueOf(kInterventionStages, code);
}
std::string_view MaliciousClaimStageCode(MaliciousClaimStage stage) {
  return CodeOf(kMaliciousClaimStages, stage);
}
std::optional<MaliciousClaimStage> ParseMaliciousClaimStage(std::string_view code) {
  return ValueOf(kMaliciousClaimStages, code);
}
bool MaliciousClaimOpen(MaliciousClaimStage stage) {
  return stage == MaliciousClaimStage::kReferred || stage == MaliciousClaimStage::kAccepted;
}
bool WithThePolice(CaseState state) {
  switch (state) {
    case CaseState::kTransferred:
    case CaseState::kPoliceReviewing:
    case CaseState::kMaterialsSupplement:
    case CaseState::kFilingRefused:
    case CaseState::kReconsideration:
    case CaseState::kSupervision:
    case CaseState::kPoliceInvestigating:
      return true;
    default:
      return false;
  }
}

CaseOpening OpenCase(Instant received_at) {
  CaseOpening opening;
  opening.progress.state = CaseState::kComplaintReceived;
  opening.progress.last_step_at = received_at;
  opening.clocks_to_start.push_back(StartOf("L01", received_at));
  return opening;
}

Result<Transition> Decide(const CaseSnapshot& snapshot, const StepRequest& request) {
  if (static_cast<std::size_t>(request.event) >= AllCaseEvents().size()) {
    return Refusal("未知的办案环节", "unknown step", "event");
  }
  const StepRule& rule = StepRuleOf(request.event);
  const CaseState from = snapshot.progress.state;
  if (!StartsFrom(rule, from)) {
    return Refusal("当前环节为「" + std::string(CaseStateNameZh(from)) + "」，不能" + Quoted(request.event, true),
                   "the case is at '" + std::string(CaseStateNameEn(from)) + "'; " + Quoted(request.event, false) +
                       " is not possible now",
                   "event");
  }
  const std::optional<Body> actor = ParseBodyCode(request.actor_body);
  if (!actor) return Refusal("未知的机关代码", "unknown body code", "actor_body");
  if (auto ok = CheckActor(rule, request, *actor); !ok) return ok.error();
  if (snapshot.progress.last_step_at && request.at < *snapshot.progress.last_step_at) {
    return Refusal(
        "办理时间不能早于上一环节（" + snapshot.progress.last_step_at->ToIsoShanghai() + "）",
        "the step cannot be dated before the previous one (" + snapshot.progress.last_step_at->ToIsoShanghai() + ")",
        "at");
  }
  if (rule.reason_required && IsBlankText(request.reason)) {
    return Refusal(Quoted(request.event, true) + "须填写理由", Quoted(request.event, false) + " requires a reason",
                   "reason");
  }
  if (auto ok = CheckSituation(request.event, snapshot, *actor); !ok) return ok.error();

  Transition transition;
  transition.event = request.event;
  transition.from = from;
  transition.to = from;
  transition.progress = snapshot.progress;
  transition.clocks_to_stop = StopsOf(request.event);
  if (auto ok = ApplyStep(snapshot, request, transition); !ok) return ok.error();
  transition.progress.state = transition.to;
  transition.progress.last_step_at = request.at;
  // A closed case ends an early intervention with it (nothing more can be joined or answered).
  if (IsTerminal(transition.to) && transition.progress.early_intervention == EarlyInterventionStage::kJoined) {
    transition.progress.early_intervention = EarlyInterventionStage::kEnded;
  }
  transition.notify_bodies = NotifyList(rule, transition.notify_bodies, *actor);
  transition.tell_colleagues_with = rule.tell_colleagues_with;
  Explain(rule, *actor, transition);
  return transition;
}

std::vector<CaseEvent> AvailableSteps(const CaseSnapshot& snapshot, std::string_view actor_body,
                                      std::span<const std::string> actor_permissions) {
  std::vector<CaseEvent> steps;
  const std::optional<Body> actor = ParseBodyCode(actor_body);
  if (!actor) return steps;
  for (CaseEvent event : AllCaseEvents()) {
    const StepRule& rule = StepRuleOf(event);
    if (!StartsFrom(rule, snapshot.progress.state) || !Allowed(rule, *actor, actor_permissions)) continue;
    if (!CheckSituation(event, snapshot, *actor)) continue;
    steps.push_back(event);
  }
  return steps;
}

void ExplainClocks(const TimeLimitCatalog& rules, Transition& transition) {
  // Each clock by the step it times ("受理投诉"), as people know it; its id stays in the records.
  const auto name = [&](const std::string& rule_id, bool zh) {
    const TimeLimitRule* rule = rules.Find(rule_id);
    if (!rule) return std::string(zh ? "法定期限" : "a time limit");
    return zh ? rule->action_zh : rule->action_en;
  };
  const auto outcome_en = [](ClockOutcome outcome) {
    switch (outcome) {
      case ClockOutcome::kMet:
        return "met";
      case ClockOutcome::kNotMet:
        return "not met";
      case ClockOutcome::kWithdrawn:
        return "no longer applies";
    }
    return "";
  };
  std::string zh, en;
  if (!transition.clocks_to_stop.empty()) {
    zh += "停止计时：";
    en += " Clocks stopped:";
    for (std::size_t i = 0; i < transition.clocks_to_stop.size(); ++i) {
      const ClockStop& stop = transition.clocks_to_stop[i];
      zh += (i == 0 ? "" : "、") + name(stop.rule_id, true) + "（" + std::string(OutcomeZh(stop.outcome)) + "）";
      en += std::string(i == 0 ? " " : "; ") + name(stop.rule_id, false) + " (" + outcome_en(stop.outcome) + ")";
    }
    zh += "。";
    en += ".";
  }
  for (const ClockExtension& extension : transition.clocks_to_extend) {
    zh += "延长期限：" + name(extension.rule_id, true) + "。";
    en += " Extended: " + name(extension.rule_id, false) + ".";
  }
  if (!transition.clocks_to_start.empty()) {
    zh += "开始计时：";
    en += " Clocks started:";
    for (std::size_t i = 0; i < transition.clocks_to_start.size(); ++i) {
      const ClockStart& start = transition.clocks_to_start[i];
      const bool optional = start.only_if_limit_configured;
      zh += (i == 0 ? "" : "、") + name(start.rule_id, true) + (optional ? "（如已设定督办目标）" : "");
      en += std::string(i == 0 ? " " : "; ") + name(start.rule_id, false) + (optional ? " (if a target is set)" : "");
    }
    zh += "。";
    en += ".";
  }
  transition.explanation_zh += zh;
  transition.explanation_en += en;
}

}  // namespace wagelink::domain
