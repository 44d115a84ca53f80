// The side branches that never change the case's state: the procuratorate's early intervention
// (提前介入, 人民检察院刑事诉讼规则 §256) and the police's handling of a malicious wage claim (恶意讨薪,
// 保障农民工工资支付条例 §7). Who may take them from where is in the step table (case_steps.cpp);
// when their own progress allows them is in case_guards.cpp; this is what they check and record.
// Neither branch starts a clock: LEGAL.md gives no time limit for either.
#include "domain/case_steps.h"

namespace wagelink::domain {
namespace {

void TellThePoliceIfTheyHaveTheCase(const CaseSnapshot& snapshot, Transition& transition) {
  if (WithThePolice(snapshot.progress.state)) transition.notify_bodies.push_back(Body::kPolice);
}

Status JoinEarlyIntervention(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<EarlyInterventionPayload>(request);
  if (!payload) return payload.error();
  const CaseProgress& before = snapshot.progress;
  switch ((*payload)->ground) {
    case InterventionGround::kPoliceRequest:
      if (!WithThePolice(before.state)) {
        return Refusal("案件尚未移送公安机关，不能以公安机关商请为由介入",
                       "the case is not with the police, so they cannot have asked for the intervention", "ground");
      }
      break;
    case InterventionGround::kAgencyRequest:
      if (before.early_intervention != EarlyInterventionStage::kRequested) {
        return Refusal("劳动保障监察机构未商请提前介入", "labour inspection has not asked for early intervention",
                       "ground");
      }
      break;
    case InterventionGround::kOwnInitiative:
      break;
  }
  transition.progress.early_intervention = EarlyInterventionStage::kJoined;
  TellThePoliceIfTheyHaveTheCase(snapshot, transition);
  return Ok{};
}

Status GiveInterventionOpinion(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<InterventionOpinionPayload>(request);
  if (!payload) return payload.error();
  ++transition.progress.intervention_opinions;
  transition.progress.intervention_opinion_unanswered = true;
  TellThePoliceIfTheyHaveTheCase(snapshot, transition);
  return Ok{};
}

Status ReferMaliciousClaim(const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<MaliciousClaimReferralPayload>(request);
  if (!payload) return payload.error();
  const MaliciousClaimReferralPayload& findings = **payload;
  if (!findings.no_arrears) {
    return Refusal("只有经查不存在欠薪事实的，才能认定为恶意讨薪；确有欠薪的，应继续依法处理欠薪",
                   "only a claim found to involve no arrears can be treated as malicious; real arrears stay a wage case",
                   "no_arrears");
  }
  if (!findings.forged_records && !findings.blocking_offices && !findings.other_disorder) {
    return Refusal("须写明恶意讨薪的具体情形（伪造证据、围堵机关或其他扰乱秩序行为）",
                   "name what made the claim malicious (forged records, blocking offices or other disorder)",
                   "forged_records");
  }
  transition.progress.malicious_claim = MaliciousClaimStage::kReferred;
  return Ok{};
}

Status DecideMaliciousClaim(const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<MaliciousClaimOutcomePayload>(request);
  if (!payload) return payload.error();
  const MaliciousClaimOutcomePayload& outcome = **payload;
  const bool criminal = outcome.outcome == MaliciousClaimOutcome::kCriminalCase;
  const bool penalty = outcome.outcome == MaliciousClaimOutcome::kPublicOrderPenalty;
  // Each outcome carries exactly its own fact, so the record never shows a charge beside a penalty.
  if (criminal == IsBlankText(outcome.charge)) {
    return criminal ? Refusal("刑事立案须写明涉嫌的罪名", "a criminal case names the suspected offence", "charge")
                    : Refusal("只有刑事立案才填写罪名", "only a criminal case names an offence", "charge");
  }
  if (penalty == IsBlankText(outcome.penalty)) {
    return penalty ? Refusal("治安处罚须写明处罚决定", "a public-order penalty states the decision", "penalty")
                   : Refusal("只有治安处罚才填写处罚决定", "only a public-order penalty states a decision", "penalty");
  }
  switch (outcome.outcome) {
    case MaliciousClaimOutcome::kCriminalCase:
      transition.progress.malicious_claim = MaliciousClaimStage::kCriminalCase;
      // The procuratorate supervises criminal filing (刑事诉讼法 §113): it hears of the case.
      transition.notify_bodies.push_back(Body::kProcuratorate);
      return Ok{};
    case MaliciousClaimOutcome::kPublicOrderPenalty:
      transition.progress.malicious_claim = MaliciousClaimStage::kPublicOrderPenalty;
      return Ok{};
    case MaliciousClaimOutcome::kNoAction:
      if (auto ok = RequireReason(request, "不予处理", "takes no action"); !ok) return ok;
      transition.progress.malicious_claim = MaliciousClaimStage::kNoAction;
      return Ok{};
  }
  return Ok{};
}

}  // namespace

Status ApplySideStep(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition) {
  CaseProgress& after = transition.progress;
  switch (request.event) {
    case CaseEvent::kRequestEarlyIntervention:
      after.early_intervention = EarlyInterventionStage::kRequested;
      return Ok{};
    case CaseEvent::kJoinEarlyIntervention:
      return JoinEarlyIntervention(snapshot, request, transition);
    case CaseEvent::kGiveInterventionOpinion:
      return GiveInterventionOpinion(snapshot, request, transition);
    case CaseEvent::kReplyInterventionOpinion:
      after.intervention_opinion_unanswered = false;
      return Ok{};
    case CaseEvent::kEndEarlyIntervention:
      after.early_intervention = EarlyInterventionStage::kEnded;
      TellThePoliceIfTheyHaveTheCase(snapshot, transition);
      return Ok{};
    case CaseEvent::kReferMaliciousClaim:
      return ReferMaliciousClaim(request, transition);
    case CaseEvent::kAcceptMaliciousClaim:
      after.malicious_claim = MaliciousClaimStage::kAccepted;
      return Ok{};
    case CaseEvent::kDecideMaliciousClaim:
      return DecideMaliciousClaim(request, transition);
    default:
      return Ok{};
  }
}

}  // namespace wagelink::domain
