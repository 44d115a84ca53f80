// What each step does beyond the step table: payload checks, the next state, the progress it records,
// the clocks it starts or extends. Which clocks a step stops is in the clock table (case_clocks.cpp);
// only outcomes that depend on the payload are adjusted here. The labour-inspection steps with a
// payload are in case_inspection_steps.cpp.
#include <algorithm>

#include "domain/case_steps.h"

namespace wagelink::domain {
namespace {

using E = CaseEvent;
using S = CaseState;

Status NotifyIncompleteMaterials(const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<MaterialsListPayload>(request);
  if (!payload) return payload.error();
  const auto& items = (*payload)->items;
  if (items.empty() ||
      std::any_of(items.begin(), items.end(), [](const std::string& item) { return IsBlankText(item); })) {
    return Refusal("须逐项列明需补正的材料", "list each missing item", "items");
  }
  transition.to = S::kMaterialsSupplement;
  transition.clocks_to_start.push_back(StartOf("L10", request.at));
  return Ok{};
}

Status DecideReconsideration(const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<ReconsiderationPayload>(request);
  if (!payload) return payload.error();
  if ((*payload)->result == ReconsiderationResult::kReversed) {
    transition.to = S::kPoliceInvestigating;
    transition.clocks_to_start.push_back(StartOf("L15", request.at));
    return Ok{};
  }
  if (auto ok = RequireReason(request, "维持不予立案", "upholds the refusal"); !ok) return ok;
  transition.to = S::kFilingRefused;
  transition.progress.reconsideration_decided = true;
  transition.clocks_to_start.push_back(StartOf("L14", request.at));
  return Ok{};
}

Status ConcludeInvestigation(const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<InvestigationPayload>(request);
  if (!payload) return payload.error();
  if ((*payload)->result == InvestigationResult::kCaseWithdrawn) {
    if (auto ok = RequireReason(request, "撤销案件", "withdraws the case"); !ok) return ok;
    transition.to = S::kAdministrativeHandling;
    return Ok{};
  }
  transition.to = S::kProsecutionReview;
  transition.clocks_to_start.push_back(StartOf("L21", request.at));
  return Ok{};
}

Status DecideProsecution(const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<ProsecutionPayload>(request);
  if (!payload) return payload.error();
  transition.progress.prosecution = (*payload)->decision;
  if ((*payload)->decision == ProsecutionDecision::kProsecute) {
    transition.notify_bodies.push_back(Body::kCourt);
    return Ok{};
  }
  // 不起诉: the case goes back to labour inspection for administrative handling (反向衔接).
  if (auto ok = RequireReason(request, "不起诉", "declines to prosecute"); !ok) return ok;
  transition.to = S::kAdministrativeHandling;
  return Ok{};
}

Status DecideLegalAid(const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<LegalAidPayload>(request);
  if (!payload) return payload.error();
  if ((*payload)->decision == LegalAidDecision::kGranted) {
    transition.progress.legal_aid = LegalAidStage::kGranted;
    transition.clocks_to_start.push_back(StartOf("L24", request.at));
    return Ok{};
  }
  if (auto ok = RequireReason(request, "不予法律援助", "refuses legal aid"); !ok) return ok;
  transition.progress.legal_aid = LegalAidStage::kRefused;
  return Ok{};
}

}  // namespace

Status ApplyStep(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition) {
  const CaseProgress& before = snapshot.progress;
  CaseProgress& after = transition.progress;
  const Instant at = request.at;
  auto start = [&](std::string_view rule_id) { transition.clocks_to_start.push_back(StartOf(rule_id, at)); };
  auto extend = [&](std::string_view rule_id) {
    transition.clocks_to_extend.push_back(ClockExtension{std::string(rule_id)});
  };

  switch (request.event) {
    case E::kAcceptComplaint:
      transition.to = S::kInvestigating;
      start("L02");
      return Ok{};
    case E::kRefuseComplaint:
      transition.to = S::kRefused;
      return Ok{};
    case E::kExtendInvestigation:
      extend("L02");
      return Ok{};
    case E::kIssueOrder:
      return ApplyIssueOrder(snapshot, request, transition);
    case E::kRecordOrderOutcome:
      return ApplyRecordOrderOutcome(snapshot, request, transition);
    case E::kCompleteScreening:
      return ApplyCompleteScreening(snapshot, request, transition);
    case E::kSendConsultation:
      return ApplySendConsultation(request, transition);
    case E::kAnswerConsultation:
      return Ok{};
    case E::kCloseConsultation:
      transition.to = S::kScreening;
      after.consulted_procuratorate = after.consulted_police = false;
      return Ok{};
    case E::kFormCaseGroup:
      return ApplyFormCaseGroup(request, transition);
    case E::kSubmitTransferReport:
      transition.to = S::kTransferPendingApproval;
      start("L06");
      return Ok{};
    case E::kApproveTransfer:
      transition.to = S::kTransferApproved;
      start("L07");
      return Ok{};
    case E::kRefuseTransfer:
      transition.to = S::kAdministrativeHandling;
      return Ok{};
    case E::kSendTransfer:
      return ApplySendTransfer(snapshot, request, transition);
    case E::kSignReceipt:
      transition.to = S::kPoliceReviewing;
      after.transfer_received_at = at;
      start(snapshot.context.economic_crime_rules ? "L11b" : "L11");
      start("L09");
      return Ok{};
    case E::kNotifyIncompleteMaterials:
      return NotifyIncompleteMaterials(request, transition);
    case E::kSupplementMaterials:
      transition.to = S::kPoliceReviewing;
      return Ok{};
    case E::kExtendFilingReview:
      extend("L11b");
      return Ok{};
    case E::kHandOverJurisdiction: {
      transition.to = S::kHandedOver;
      ClockStart pass_on = StartOf("L08", before.transfer_received_at.value_or(at));
      pass_on.answered_at = at;
      transition.clocks_to_start.push_back(std::move(pass_on));
      return Ok{};
    }
    case E::kFileCase:
      transition.to = S::kPoliceInvestigating;
      start("L15");
      if (before.state == S::kSupervision) start("L20");
      return Ok{};
    case E::kDeclineFiling:
      transition.to = S::kFilingRefused;
      start("L12");
      return Ok{};
    case E::kHandOverMaterials:
      after.materials_handed_over = true;
      return Ok{};
    case E::kRequestReconsideration:
      transition.to = S::kReconsideration;
      start("L13");
      return Ok{};
    case E::kDecideReconsideration:
      return DecideReconsideration(request, transition);
    case E::kAcceptFilingRefusal:
      transition.to = S::kAdministrativeHandling;
      return Ok{};
    case E::kRequestSupervision:
      transition.to = S::kSupervision;
      after.supervision = SupervisionStage::kRequested;
      after.supervising_delay = false;
      return Ok{};
    case E::kOpenSupervision:
      transition.to = S::kSupervision;
      after.supervision = SupervisionStage::kRequested;
      after.supervising_delay = before.state != S::kFilingRefused;
      return Ok{};
    case E::kRequestReasons:
      after.supervision = SupervisionStage::kReasonsRequested;
      start(before.supervising_delay ? "L19" : "L16");
      return Ok{};
    case E::kGiveReasons:
      after.supervision = SupervisionStage::kReasonsGiven;
      return Ok{};
    case E::kFindReasonsValid:
      after.supervision = SupervisionStage::kReasonsValid;
      start("L17");
      return Ok{};
    case E::kNotifySupervisionResult:
      transition.to = S::kAdministrativeHandling;
      return Ok{};
    case E::kOrderFiling:
      after.supervision = SupervisionStage::kFilingOrdered;
      start("L18");
      return Ok{};
    case E::kConcludeInvestigation:
      return ConcludeInvestigation(request, transition);
    case E::kDecideProsecution:
      return DecideProsecution(request, transition);
    case E::kExtendProsecutionReview:
      extend("L21");
      return Ok{};
    case E::kIssueProcuratorialOpinion:
      after.procuratorial_opinion_open = true;
      start(kProcuratorialOpinionReplyClock);
      return Ok{};
    case E::kReplyProcuratorialOpinion:
      after.procuratorial_opinion_open = false;
      return Ok{};
    case E::kAcceptTrial:
      transition.to = S::kTrial;
      start("L22");
      return Ok{};
    case E::kExtendTrial:
      extend("L22");
      return Ok{};
    case E::kDeliverJudgment: {
      auto payload = PayloadOf<JudgmentPayload>(request);
      if (!payload) return payload.error();
      transition.to = (*payload)->verdict == Verdict::kConvicted ? S::kExecution : S::kClosedOther;
      return Ok{};
    }
    case E::kRecordExecution:
      return Ok{};
    case E::kRequestLegalAid:
      transition.to = S::kCivilRoute;
      after.legal_aid = LegalAidStage::kApplied;
      start("L23");
      return Ok{};
    case E::kDecideLegalAid:
      return DecideLegalAid(request, transition);
    case E::kAssignLawyer:
      after.legal_aid = LegalAidStage::kLawyerAssigned;
      return Ok{};
    case E::kRecordCivilStep: {
      auto payload = PayloadOf<CivilStepPayload>(request);
      if (!payload) return payload.error();
      return Ok{};
    }
    case E::kHandOverCase:
      transition.to = S::kHandedOver;
      return Ok{};
    case E::kCloseCase:
      return ApplyCloseCase(snapshot, request, transition);
    case E::kRequestEarlyIntervention:
    case E::kJoinEarlyIntervention:
    case E::kGiveInterventionOpinion:
    case E::kReplyInterventionOpinion:
    case E::kEndEarlyIntervention:
    case E::kReferMaliciousClaim:
    case E::kAcceptMaliciousClaim:
    case E::kDecideMaliciousClaim:
      return ApplySideStep(snapshot, request, transition);
  }
  return Ok{};
}

}  // namespace wagelink::domain
