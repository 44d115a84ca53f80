#pragma once
// The steps of a case (CaseEvent) and what a step carries (StepRequest): the closed vocabulary the API,
// the store and the UI share. Codes are stable snake_case; the step table (case_steps.h) gives each
// event its zh/en name, the bodies and permissions that may take it and the states it starts from.
//
// Payment recording and the worker list are not steps: money moves through the service, and the
// machine only sees the outstanding total when a guard needs it (closing as "workers paid").
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "domain/assessment_vocabulary.h"
#include "domain/civil_date.h"

namespace wagelink::domain {

enum class CaseEvent {
  kAcceptComplaint,
  kRefuseComplaint,
  kExtendInvestigation,
  kIssueOrder,
  kRecordOrderOutcome,
  kCompleteScreening,
  kSendConsultation,
  kAnswerConsultation,
  kCloseConsultation,
  kFormCaseGroup,
  kSubmitTransferReport,
  kApproveTransfer,
  kRefuseTransfer,
  kSendTransfer,
  kSignReceipt,
  kNotifyIncompleteMaterials,
  kSupplementMaterials,
  kExtendFilingReview,
  kHandOverJurisdiction,
  kFileCase,
  kDeclineFiling,
  kHandOverMaterials,
  kRequestReconsideration,
  kDecideReconsideration,
  kAcceptFilingRefusal,
  kRequestSupervision,
  kRequestReasons,
  kGiveReasons,
  kFindReasonsValid,
  kNotifySupervisionResult,
  kOrderFiling,
  kConcludeInvestigation,
  kDecideProsecution,
  kExtendProsecutionReview,
  kIssueProcuratorialOpinion,
  kReplyProcuratorialOpinion,
  kAcceptTrial,
  kExtendTrial,
  kDeliverJudgment,
  kRecordExecution,
  kRequestLegalAid,
  kDecideLegalAid,
  kAssignLawyer,
  kRecordCivilStep,
  kHandOverCase,
  kCloseCase,
  // Side steps: they keep the case's state and move their own progress (case_machine.h).
  // 提前介入 (人民检察院刑事诉讼规则 §256; 高检会〔2006〕2号 for labour inspection's request).
  kRequestEarlyIntervention,
  kJoinEarlyIntervention,
  kGiveInterventionOpinion,
  kReplyInterventionOpinion,
  kEndEarlyIntervention,
  // 恶意讨薪 referred to the police as a public-order matter (保障农民工工资支付条例 §7).
  kReferMaliciousClaim,
  kAcceptMaliciousClaim,
  kDecideMaliciousClaim,
  // 立案监督 opened by the procuratorate itself (刑事诉讼法 §113; 人民检察院刑事诉讼规则 §562): the police
  // let the filing decision run out (L11 / L11b overdue), or refused to file with reasons it contests.
  kOpenSupervision,
};

std::span<const CaseEvent> AllCaseEvents();
std::string_view CaseEventCode(CaseEvent event);
std::string_view CaseEventNameZh(CaseEvent event);
std::string_view CaseEventNameEn(CaseEvent event);
std::optional<CaseEvent> ParseCaseEventCode(std::string_view code);

// ---- payload vocabularies ----

// 法释〔2013〕3号 §4 ¶1: 限期整改指令书、行政处理决定书 (or a similar document).
enum class OrderDocumentKind { kRectificationOrder, kHandlingDecision };
// 法释〔2013〕3号 §4 ¶2 and 人社部发〔2014〕100号 一(二): how the order reached the employer.
enum class ServiceMethod { kServed, kAdultFamilyMember, kUnitRecipient, kPostedAtPremises, kConfirmableNotice };
enum class OrderOutcome { kPaidInFullByDeadline, kUnpaidAfterDeadline };
enum class ReconsiderationResult { kUpheld, kReversed };
enum class InvestigationResult { kForProsecution, kCaseWithdrawn };
enum class ProsecutionDecision { kProsecute, kNotProsecute };
enum class Verdict { kConvicted, kAcquitted };
enum class LegalAidDecision { kGranted, kRefused };
// The court's green channel tracks 受理 (acceptance) and 审结 (judgment) beside the workers' own steps.
enum class CivilStepKind { kMediation, kArbitration, kLitigation, kExecution, kAcceptance, kJudgment };
enum class CloseReason { kWorkersPaid, kAdministrativeConcluded, kOther };
// 规则 §256: at the police's request, at labour inspection's request (高检会〔2006〕2号), or on the
// procuratorate's own view that the case is 重大、疑难、复杂.
enum class InterventionGround { kPoliceRequest, kAgencyRequest, kOwnInitiative };
// 规则 §256: views on 定性、取证、法律适用.
enum class OpinionAspect { kCharacterisation, kEvidence, kLawApplication };
// What the police did with a malicious claim: a criminal case (e.g. 敲诈勒索, 寻衅滋事), an
// administrative public-order penalty (治安处罚), or nothing, with reasons.
enum class MaliciousClaimOutcome { kCriminalCase, kPublicOrderPenalty, kNoAction };

std::string_view OrderDocumentKindCode(OrderDocumentKind value);
std::optional<OrderDocumentKind> ParseOrderDocumentKind(std::string_view code);
std::string_view ServiceMethodCode(ServiceMethod value);
std::optional<ServiceMethod> ParseServiceMethod(std::string_view code);
std::string_view OrderOutcomeCode(OrderOutcome value);
std::optional<OrderOutcome> ParseOrderOutcome(std::string_view code);
std::string_view ReconsiderationResultCode(ReconsiderationResult value);
std::optional<ReconsiderationResult> ParseReconsiderationResult(std::string_view code);
std::string_view InvestigationResultCode(InvestigationResult value);
std::optional<InvestigationResult> ParseInvestigationResult(std::string_view code);
std::string_view ProsecutionDecisionCode(ProsecutionDecision value);
std::optional<ProsecutionDecision> ParseProsecutionDecision(std::string_view code);
std::string_view VerdictCode(Verdict value);
std::optional<Verdict> ParseVerdict(std::string_view code);
std::string_view LegalAidDecisionCode(LegalAidDecision value);
std::optional<LegalAidDecision> ParseLegalAidDecision(std::string_view code);
std::string_view CivilStepKindCode(CivilStepKind value);
std::optional<CivilStepKind> ParseCivilStepKind(std::string_view code);
std::string_view CloseReasonCode(CloseReason value);
std::optional<CloseReason> ParseCloseReason(std::string_view code);
std::string_view InterventionGroundCode(InterventionGround value);
std::optional<InterventionGround> ParseInterventionGround(std::string_view code);
std::string_view OpinionAspectCode(OpinionAspect value);
std::optional<OpinionAspect> ParseOpinionAspect(std::string_view code);
std::string_view MaliciousClaimOutcomeCode(MaliciousClaimOutcome value);
std::optional<MaliciousClaimOutcome> ParseMaliciousClaimOutcome(std::string_view code);

// ---- payloads (one per event that needs more than a reason text) ----

struct OrderPayload {  // issue_order
  OrderDocumentKind document = OrderDocumentKind::kRectificationOrder;
  CivilDate deadline;  // the date stated in the order (法释 §4 "指定的期限")
  ServiceMethod service = ServiceMethod::kServed;
  Instant served_at;
  // Photo/video of the posting (法释 §4 ¶2) or proof that a notice was received (100号 一(二)).
  bool service_evidence_recorded = false;
  // Only an order to the actor orders the actor (法释 §4, §8); one to the general contractor or the
  // developer makes them pay first (条例 §29, §30, §36).
  OrderAddressee addressee = OrderAddressee::kEmployer;
};
struct OrderOutcomePayload {  // record_order_outcome
  OrderOutcome outcome = OrderOutcome::kUnpaidAfterDeadline;
};
struct ScreeningPayload {  // complete_screening (the platform's assessment is in CaseContext)
  Recommendation recommendation = Recommendation::kTransfer;
};
struct ConsultationPayload {  // send_consultation (the question is the request's reason)
  bool to_procuratorate = false;
  bool to_police = false;
  std::optional<CivilDate> reply_due;
};
struct CaseGroupPayload {  // form_case_group
  std::vector<std::string> officer_ids;
};
struct TransferPayload {  // send_transfer
  bool copy_to_procuratorate = false;
};
struct MaterialsListPayload {  // notify_incomplete_materials
  std::vector<std::string> items;
};
struct ReconsiderationPayload {  // decide_reconsideration
  ReconsiderationResult result = ReconsiderationResult::kUpheld;
};
struct InvestigationPayload {  // conclude_investigation
  InvestigationResult result = InvestigationResult::kForProsecution;
};
struct ProsecutionPayload {  // decide_prosecution
  ProsecutionDecision decision = ProsecutionDecision::kProsecute;
};
struct JudgmentPayload {  // deliver_judgment
  Verdict verdict = Verdict::kConvicted;
};
struct LegalAidPayload {  // decide_legal_aid
  LegalAidDecision decision = LegalAidDecision::kGranted;
};
// The court's "five priorities" for wage cases (PRODUCT.md: 优先调解、受理、起诉、审判、执行).
struct GreenChannel {
  bool priority_mediation = false;
  bool priority_acceptance = false;
  bool priority_filing = false;
  bool priority_trial = false;
  bool priority_execution = false;
};
struct CivilStepPayload {  // record_civil_step
  CivilStepKind kind = CivilStepKind::kMediation;
  GreenChannel green_channel;
};
struct ClosePayload {  // close_case (the note is the request's reason)
  CloseReason reason = CloseReason::kOther;
};
struct EarlyInterventionPayload {  // join_early_intervention (why it is needed is the reason)
  InterventionGround ground = InterventionGround::kOwnInitiative;
};
struct InterventionOpinionPayload {  // give_intervention_opinion (the opinion is the reason)
  OpinionAspect aspect = OpinionAspect::kCharacterisation;
};
// refer_malicious_claim (the finding in words is the reason): what labour inspection established.
struct MaliciousClaimReferralPayload {
  bool no_arrears = false;        // 经查不存在欠薪事实 — required: a real arrears case is never referred as one
  bool forged_records = false;    // forged attendance sheets, pay slips or other evidence
  bool blocking_offices = false;  // blocking or storming government offices or the site
  bool other_disorder = false;    // other disturbance of public order in the name of wages
};
struct MaliciousClaimOutcomePayload {  // decide_malicious_claim
  MaliciousClaimOutcome outcome = MaliciousClaimOutcome::kNoAction;
  std::string charge;   // criminal case only: the suspected offence, free text (e.g. 敲诈勒索罪)
  std::string penalty;  // public-order penalty only: the decision (e.g. 行政拘留十日)
};

using StepPayload =
    std::variant<std::monostate, OrderPayload, OrderOutcomePayload, ScreeningPayload, ConsultationPayload,
                 CaseGroupPayload, TransferPayload, MaterialsListPayload, ReconsiderationPayload, InvestigationPayload,
                 ProsecutionPayload, JudgmentPayload, LegalAidPayload, CivilStepPayload, ClosePayload,
                 EarlyInterventionPayload, InterventionOpinionPayload, MaliciousClaimReferralPayload,
                 MaliciousClaimOutcomePayload>;

// One step as the service hands it to the machine.
struct StepRequest {
  CaseEvent event = CaseEvent::kAcceptComplaint;
  std::string actor_body;                      // body code of the acting user ("police")
  std::vector<std::string> actor_permissions;  // permission codes the user holds ("case.police.act")
  Instant at;                                  // when the step was taken (the trigger of new clocks)
  std::string reason;                          // refusal reasons, answers, notes; required where the step table says so
  StepPayload payload;
};

}  // namespace wagelink::domain
