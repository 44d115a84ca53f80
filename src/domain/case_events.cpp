#include "domain/case_events.h"
#include "domain/code_table.h"
#include "domain/vocabulary_codes.h"

#include <array>
#include <utility>

namespace wagelink::domain {
namespace {

struct EventNames {
  CaseEvent event;
  std::string_view code;
  std::string_view zh;
  std::string_view en;
};

constexpr std::array<EventNames, 55> kEvents{{
    {CaseEvent::kAcceptComplaint, "accept_complaint", "受理投诉并立案", "accept the complaint and open the case"},
    {CaseEvent::kRefuseComplaint, "refuse_complaint", "不予受理投诉", "refuse the complaint"},
    {CaseEvent::kExtendInvestigation, "extend_investigation", "延长调查期限", "extend the investigation"},
    {CaseEvent::kIssueOrder, "issue_order", "下达责令支付文书", "issue the order to pay"},
    {CaseEvent::kRecordOrderOutcome, "record_order_outcome", "登记责令支付结果", "record the outcome of the order"},
    {CaseEvent::kCompleteScreening, "complete_screening", "完成涉嫌犯罪甄别", "complete the crime screening"},
    {CaseEvent::kSendConsultation, "send_consultation", "发送个案征询", "send a case consultation"},
    {CaseEvent::kAnswerConsultation, "answer_consultation", "答复个案征询", "answer the consultation"},
    {CaseEvent::kCloseConsultation, "close_consultation", "结束个案征询", "close the consultation"},
    {CaseEvent::kFormCaseGroup, "form_case_group", "组成专案组", "form the case group"},
    {CaseEvent::kSubmitTransferReport, "submit_transfer_report", "提交移送书面报告", "submit the transfer report"},
    {CaseEvent::kApproveTransfer, "approve_transfer", "批准移送", "approve the transfer"},
    {CaseEvent::kRefuseTransfer, "refuse_transfer", "不批准移送", "refuse the transfer"},
    {CaseEvent::kSendTransfer, "send_transfer", "移送公安机关", "send the transfer to the police"},
    {CaseEvent::kSignReceipt, "sign_receipt", "签收移送回执", "sign the receipt for the transfer"},
    {CaseEvent::kNotifyIncompleteMaterials, "notify_incomplete_materials", "通知补正材料",
     "notify that materials are incomplete"},
    {CaseEvent::kSupplementMaterials, "supplement_materials", "补正移送材料", "supply the missing materials"},
    {CaseEvent::kExtendFilingReview, "extend_filing_review", "延长立案审查期限", "extend the filing review"},
    {CaseEvent::kHandOverJurisdiction, "hand_over_jurisdiction", "移送有管辖权的机关",
     "pass the case to the competent body"},
    {CaseEvent::kFileCase, "file_case", "立案", "file the criminal case"},
    {CaseEvent::kDeclineFiling, "decline_filing", "不予立案", "decline to file the case"},
    {CaseEvent::kHandOverMaterials, "hand_over_materials", "移交涉案物品和材料",
     "hand over the case items and materials"},
    {CaseEvent::kRequestReconsideration, "request_reconsideration", "申请复议", "ask for reconsideration"},
    {CaseEvent::kDecideReconsideration, "decide_reconsideration", "作出复议决定", "decide the reconsideration"},
    {CaseEvent::kAcceptFilingRefusal, "accept_filing_refusal", "不再提出异议，转行政处理",
     "accept the refusal and handle the case administratively"},
    {CaseEvent::kRequestSupervision, "request_supervision", "提请立案监督", "ask for filing supervision"},
    {CaseEvent::kRequestReasons, "request_reasons", "要求说明不立案理由", "require the reasons for not filing"},
    {CaseEvent::kGiveReasons, "give_reasons", "说明不立案理由", "give the reasons for not filing"},
    {CaseEvent::kFindReasonsValid, "find_reasons_valid", "认定不立案理由成立", "find the reasons valid"},
    {CaseEvent::kNotifySupervisionResult, "notify_supervision_result", "告知立案监督结论",
     "tell the agency the supervision result"},
    {CaseEvent::kOrderFiling, "order_filing", "通知立案", "order the police to file"},
    {CaseEvent::kConcludeInvestigation, "conclude_investigation", "侦查终结", "conclude the investigation"},
    {CaseEvent::kDecideProsecution, "decide_prosecution", "作出是否起诉决定", "decide on prosecution"},
    {CaseEvent::kExtendProsecutionReview, "extend_prosecution_review", "延长审查起诉期限",
     "extend the prosecution review"},
    {CaseEvent::kIssueProcuratorialOpinion, "issue_procuratorial_opinion", "制发检察意见",
     "issue a procuratorial opinion"},
    {CaseEvent::kReplyProcuratorialOpinion, "reply_procuratorial_opinion", "回复检察意见",
     "reply to the procuratorial opinion"},
    {CaseEvent::kAcceptTrial, "accept_trial", "受理公诉案件", "accept the case for trial"},
    {CaseEvent::kExtendTrial, "extend_trial", "延长审理期限", "extend the trial period"},
    {CaseEvent::kDeliverJudgment, "deliver_judgment", "宣判", "deliver the judgment"},
    {CaseEvent::kRecordExecution, "record_execution", "登记执行情况", "record an execution step"},
    {CaseEvent::kRequestLegalAid, "request_legal_aid", "申请法律援助", "apply for legal aid"},
    {CaseEvent::kDecideLegalAid, "decide_legal_aid", "作出法律援助决定", "decide on legal aid"},
    {CaseEvent::kAssignLawyer, "assign_lawyer", "指派法律援助人员", "assign a legal-aid lawyer"},
    {CaseEvent::kRecordCivilStep, "record_civil_step", "登记民事程序进展", "record a civil-route step"},
    {CaseEvent::kHandOverCase, "hand_over_case", "移交主管机关", "hand the case to the competent body"},
    {CaseEvent::kCloseCase, "close_case", "结案", "close the case"},
    {CaseEvent::kRequestEarlyIntervention, "request_early_intervention", "商请检察院提前介入",
     "ask the procuratorate to intervene early"},
    {CaseEvent::kJoinEarlyIntervention, "join_early_intervention", "提前介入", "intervene early"},
    {CaseEvent::kGiveInterventionOpinion, "give_intervention_opinion", "提出介入意见", "give an intervention opinion"},
    {CaseEvent::kReplyInterventionOpinion, "reply_intervention_opinion", "回复介入意见",
     "reply to the intervention opinion"},
    {CaseEvent::kEndEarlyIntervention, "end_early_intervention", "结束提前介入", "end the early intervention"},
    {CaseEvent::kReferMaliciousClaim, "refer_malicious_claim", "认定恶意讨薪并移送公安机关",
     "find a malicious wage claim and refer it to the police"},
    {CaseEvent::kAcceptMaliciousClaim, "accept_malicious_claim", "受理恶意讨薪案件", "accept the malicious-claim matter"},
    {CaseEvent::kDecideMaliciousClaim, "decide_malicious_claim", "作出恶意讨薪处理结果",
     "record the outcome of the malicious claim"},
    {CaseEvent::kOpenSupervision, "open_supervision", "依职权启动立案监督", "open filing supervision on its own motion"},
}};

constexpr std::array<CaseEvent, kEvents.size()> kAllEvents = [] {
  std::array<CaseEvent, kEvents.size()> events{};
  for (std::size_t i = 0; i < events.size(); ++i) events[i] = kEvents[i].event;
  return events;
}();

constexpr bool IndexedByEnum() {
  for (std::size_t i = 0; i < kEvents.size(); ++i) {
    if (static_cast<std::size_t>(kEvents[i].event) != i) return false;
  }
  return true;
}
static_assert(IndexedByEnum(), "kEvents must list CaseEvent in declaration order");

const EventNames& Lookup(CaseEvent event) {
  const auto index = static_cast<std::size_t>(event);
  return index < kEvents.size() ? kEvents[index] : kEvents.front();
}

// The payload vocabularies. Each table's order is the order a step form offers the codes.
constexpr std::array<std::pair<OrderDocumentKind, std::string_view>, 2> kDocumentKinds{{
    {OrderDocumentKind::kRectificationOrder, "rectification_order"},  // 限期整改指令书
    {OrderDocumentKind::kHandlingDecision, "handling_decision"},      // 行政处理决定书
}};
constexpr std::array<std::pair<ServiceMethod, std::string_view>, 5> kServiceMethods{{
    {ServiceMethod::kServed, "served"},
    {ServiceMethod::kAdultFamilyMember, "adult_family_member"},
    {ServiceMethod::kUnitRecipient, "unit_recipient"},
    {ServiceMethod::kPostedAtPremises, "posted_at_premises"},
    {ServiceMethod::kConfirmableNotice, "confirmable_notice"},
}};
constexpr std::array<std::pair<OrderOutcome, std::string_view>, 2> kOrderOutcomes{{
    {OrderOutcome::kUnpaidAfterDeadline, "unpaid_after_deadline"},
    {OrderOutcome::kPaidInFullByDeadline, "paid_in_full_by_deadline"},
}};
constexpr std::array<std::pair<ReconsiderationResult, std::string_view>, 2> kReconsiderationResults{{
    {ReconsiderationResult::kReversed, "reversed"},
    {ReconsiderationResult::kUpheld, "upheld"},
}};
constexpr std::array<std::pair<InvestigationResult, std::string_view>, 2> kInvestigationResults{{
    {InvestigationResult::kForProsecution, "transfer_for_prosecution"},
    {InvestigationResult::kCaseWithdrawn, "case_withdrawn"},
}};
constexpr std::array<std::pair<ProsecutionDecision, std::string_view>, 2> kProsecutionDecisions{{
    {ProsecutionDecision::kProsecute, "prosecute"},
    {ProsecutionDecision::kNotProsecute, "not_prosecute"},
}};
constexpr std::array<std::pair<Verdict, std::string_view>, 2> kVerdicts{{
    {Verdict::kConvicted, "convicted"},
    {Verdict::kAcquitted, "acquitted"},
}};
constexpr std::array<std::pair<LegalAidDecision, std::string_view>, 2> kLegalAidDecisions{{
    {LegalAidDecision::kGranted, "granted"},
    {LegalAidDecision::kRefused, "refused"},
}};
constexpr std::array<std::pair<CivilStepKind, std::string_view>, 6> kCivilStepKinds{{
    {CivilStepKind::kMediation, "mediation"},
    {CivilStepKind::kArbitration, "arbitration"},
    {CivilStepKind::kLitigation, "litigation"},
    {CivilStepKind::kExecution, "execution"},
    {CivilStepKind::kAcceptance, "acceptance"},
    {CivilStepKind::kJudgment, "judgment"},
}};
constexpr std::array<std::pair<CloseReason, std::string_view>, 3> kCloseReasons{{
    {CloseReason::kWorkersPaid, "workers_paid"},
    {CloseReason::kAdministrativeConcluded, "administrative_concluded"},
    {CloseReason::kOther, "other"},
}};
constexpr std::array<std::pair<InterventionGround, std::string_view>, 3> kInterventionGrounds{{
    {InterventionGround::kOwnInitiative, "own_initiative"},
    {InterventionGround::kAgencyRequest, "agency_request"},
    {InterventionGround::kPoliceRequest, "police_request"},
}};
constexpr std::array<std::pair<OpinionAspect, std::string_view>, 3> kOpinionAspects{{
    {OpinionAspect::kCharacterisation, "characterisation"},  // 定性
    {OpinionAspect::kEvidence, "evidence"},                  // 取证
    {OpinionAspect::kLawApplication, "law_application"},     // 法律适用
}};
constexpr std::array<std::pair<MaliciousClaimOutcome, std::string_view>, 3> kMaliciousClaimOutcomes{{
    {MaliciousClaimOutcome::kPublicOrderPenalty, "public_order_penalty"},
    {MaliciousClaimOutcome::kCriminalCase, "criminal_case"},
    {MaliciousClaimOutcome::kNoAction, "no_action"},
}};

}  // namespace

std::span<const CaseEvent> AllCaseEvents() {
  return kAllEvents;
}
std::string_view CaseEventCode(CaseEvent event) {
  return Lookup(event).code;
}
std::string_view CaseEventNameZh(CaseEvent event) {
  return Lookup(event).zh;
}
std::string_view CaseEventNameEn(CaseEvent event) {
  return Lookup(event).en;
}
std::optional<CaseEvent> ParseCaseEventCode(std::string_view code) {
  for (const auto& names : kEvents) {
    if (names.code == code) return names.event;
  }
  return std::nullopt;
}

std::string_view OrderDocumentKindCode(OrderDocumentKind value) {
  return CodeOf(kDocumentKinds, value);
}
std::optional<OrderDocumentKind> ParseOrderDocumentKind(std::string_view code) {
  return ValueOf(kDocumentKinds, code);
}
std::string_view ServiceMethodCode(ServiceMethod value) {
  return CodeOf(kServiceMethods, value);
}
std::optional<ServiceMethod> ParseServiceMethod(std::string_view code) {
  return ValueOf(kServiceMethods, code);
}
std::string_view OrderOutcomeCode(OrderOutcome value) {
  return CodeOf(kOrderOutcomes, value);
}
std::optional<OrderOutcome> ParseOrderOutcome(std::string_view code) {
  return ValueOf(kOrderOutcomes, code);
}
std::string_view ReconsiderationResultCode(ReconsiderationResult value) {
  return CodeOf(kReconsiderationResults, value);
}
std::optional<ReconsiderationResult> ParseReconsiderationResult(std::string_view code) {
  return ValueOf(kReconsiderationResults, code);
}
std::string_view InvestigationResultCode(InvestigationResult value) {
  return CodeOf(kInvestigationResults, value);
}
std::optional<InvestigationResult> ParseInvestigationResult(std::string_view code) {
  return ValueOf(kInvestigationResults, code);
}
std::string_view ProsecutionDecisionCode(ProsecutionDecision value) {
  return CodeOf(kProsecutionDecisions, value);
}
std::optional<ProsecutionDecision> ParseProsecutionDecision(std::string_view code) {
  return ValueOf(kProsecutionDecisions, code);
}
std::string_view VerdictCode(Verdict value) {
  return CodeOf(kVerdicts, value);
}
std::optional<Verdict> ParseVerdict(std::string_view code) {
  return ValueOf(kVerdicts, code);
}
std::string_view LegalAidDecisionCode(LegalAidDecision value) {
  return CodeOf(kLegalAidDecisions, value);
}
std::optional<LegalAidDecision> ParseLegalAidDecision(std::string_view code) {
  return ValueOf(kLegalAidDecisions, code);
}
std::string_view CivilStepKindCode(CivilStepKind value) {
  return CodeOf(kCivilStepKinds, value);
}
std::optional<CivilStepKind> ParseCivilStepKind(std::string_view code) {
  return ValueOf(kCivilStepKinds, code);
}
std::string_view CloseReasonCode(CloseReason value) {
  return CodeOf(kCloseReasons, value);
}
std::optional<CloseReason> ParseCloseReason(std::string_view code) {
  return ValueOf(kCloseReasons, code);
}
std::string_view InterventionGroundCode(InterventionGround value) {
  return CodeOf(kInterventionGrounds, value);
}
std::optional<InterventionGround> ParseInterventionGround(std::string_view code) {
  return ValueOf(kInterventionGrounds, code);
}
std::string_view OpinionAspectCode(OpinionAspect value) {
  return CodeOf(kOpinionAspects, value);
}
std::optional<OpinionAspect> ParseOpinionAspect(std::string_view code) {
  return ValueOf(kOpinionAspects, code);
}
std::string_view MaliciousClaimOutcomeCode(MaliciousClaimOutcome value) {
  return CodeOf(kMaliciousClaimOutcomes, value);
}
std::optional<MaliciousClaimOutcome> ParseMaliciousClaimOutcome(std::string_view code) {
  return ValueOf(kMaliciousClaimOutcomes, code);
}

std::vector<std::string_view> OrderDocumentKindCodes() {
  return CodesOf(kDocumentKinds);
}
std::vector<std::string_view> ServiceMethodCodes() {
  return CodesOf(kServiceMethods);
}
std::vector<std::string_view> OrderOutcomeCodes() {
  return CodesOf(kOrderOutcomes);
}
std::vector<std::string_view> ReconsiderationResultCodes() {
  return CodesOf(kReconsiderationResults);
}
std::vector<std::string_view> InvestigationResultCodes() {
  return CodesOf(kInvestigationResults);
}
std::vector<std::string_view> ProsecutionDecisionCodes() {
  return CodesOf(kProsecutionDecisions);
}
std::vector<std::string_view> VerdictCodes() {
  return CodesOf(kVerdicts);
}
std::vector<std::string_view> LegalAidDecisionCodes() {
  return CodesOf(kLegalAidDecisions);
}
std::vector<std::string_view> CivilStepKindCodes() {
  return CodesOf(kCivilStepKinds);
}
std::vector<std::string_view> CloseReasonCodes() {
  return CodesOf(kCloseReasons);
}
std::vector<std::string_view> InterventionGroundCodes() {
  return CodesOf(kInterventionGrounds);
}
std::vector<std::string_view> OpinionAspectCodes() {
  return CodesOf(kOpinionAspects);
}
std::vector<std::string_view> MaliciousClaimOutcomeCodes() {
  return CodesOf(kMaliciousClaimOutcomes);
}

}  // namespace wagelink::domain
