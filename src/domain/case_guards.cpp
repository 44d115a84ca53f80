// Checks that depend on where the case stands beyond its state (sub-stages, open items, extensions
// left), shared by Decide and AvailableSteps so that the UI never offers a step Decide would refuse
// for the same reason.
#include <algorithm>

#include "domain/case_steps.h"
#include "domain/step_documents.h"

namespace wagelink::domain {
namespace {

using E = CaseEvent;

Status Extendable(const CaseSnapshot& snapshot, std::string_view rule_id, std::string_view what_zh,
                  std::string_view what_en) {
  const auto& ids = snapshot.context.extendable_clocks;
  if (std::find(ids.begin(), ids.end(), rule_id) != ids.end()) return Ok{};
  return Refusal(std::string(what_zh) + "没有可再延长的期限（" + std::string(rule_id) + " 未在计时或已无可用的延长）",
                 std::string(what_en) + " cannot be extended (" + std::string(rule_id) +
                     " is not running or has no extension left)",
                 "event");
}

Status Require(bool condition, std::string zh, std::string en) {
  if (condition) return Ok{};
  return Refusal(std::move(zh), std::move(en), "event");
}

Status CheckSupervisionStage(const CaseProgress& progress, std::initializer_list<SupervisionStage> allowed,
                             std::string_view needed_zh, std::string_view needed_en) {
  if (std::find(allowed.begin(), allowed.end(), progress.supervision) != allowed.end()) return Ok{};
  return Refusal("立案监督尚未到此环节：须先" + std::string(needed_zh) + "（当前：" +
                     std::string(SupervisionStageCode(progress.supervision)) + "）",
                 "filing supervision is not at this point: first " + std::string(needed_en) +
                     " (now: " + std::string(SupervisionStageCode(progress.supervision)) + ")",
                 "event");
}

}  // namespace

Status CheckSituation(CaseEvent event, const CaseSnapshot& snapshot, Body actor) {
  const CaseProgress& progress = snapshot.progress;
  if (auto issued = CheckRequiredDocuments(event, snapshot.context.issued_documents); !issued) return issued;
  switch (event) {
    case E::kExtendInvestigation:
      return Extendable(snapshot, "L02", "调查", "the investigation");
    case E::kRecordOrderOutcome:
      return Require(progress.order_deadline.has_value(), "尚未登记责令支付文书及其期限",
                     "no order to pay with a deadline is on record");
    case E::kAnswerConsultation:
      if (actor == Body::kProcuratorate && progress.consulted_procuratorate) return Ok{};
      if (actor == Body::kPolice && progress.consulted_police) return Ok{};
      return Refusal("本次个案征询未向" + std::string(BodyNameZh(actor)) + "发出",
                     "this consultation was not addressed to the " + std::string(BodyNameEn(actor)), "actor_body");
    case E::kSubmitTransferReport:
      return Require(progress.case_group_size >= kMinCaseGroupSize,
                     "须先组成由" + std::to_string(kMinCaseGroupSize) +
                         "名以上行政执法人员组成的专案组（国务院令第310号§5¶1），当前专案组 " +
                         std::to_string(progress.case_group_size) + " 人",
                     "a case group of at least " + std::to_string(kMinCaseGroupSize) +
                         " officers must be formed first (国务院令第310号 §5 ¶1); it has " +
                         std::to_string(progress.case_group_size));
    case E::kExtendFilingReview:
      return Extendable(snapshot, "L11b", "立案审查", "the filing review");
    case E::kHandOverMaterials:
      return Require(!progress.materials_handed_over, "涉案物品和材料已移交", "the materials were already handed over");
    case E::kRequestReconsideration:
      return Require(!progress.reconsideration_decided, "复议已作出决定，不能再次申请复议；可提请人民检察院立案监督",
                     "the reconsideration was already decided; ask the procuratorate for filing supervision instead");
    case E::kRequestReasons:
      return CheckSupervisionStage(progress, {SupervisionStage::kRequested}, "收到立案监督申请",
                                   "receive a supervision request");
    case E::kGiveReasons:
      return CheckSupervisionStage(progress, {SupervisionStage::kReasonsRequested}, "由检察院要求说明不立案理由",
                                   "have the procuratorate require the reasons");
    case E::kFindReasonsValid:
      return CheckSupervisionStage(progress, {SupervisionStage::kReasonsGiven}, "由公安机关说明不立案理由",
                                   "have the police give their reasons");
    case E::kNotifySupervisionResult:
      return CheckSupervisionStage(progress, {SupervisionStage::kReasonsValid}, "认定不立案理由成立",
                                   "find the reasons valid");
    case E::kOrderFiling:
      return CheckSupervisionStage(progress, {SupervisionStage::kReasonsRequested, SupervisionStage::kReasonsGiven},
                                   "要求公安机关说明不立案理由", "require the police to explain");
    case E::kDecideProsecution:
      return Require(!progress.prosecution.has_value(), "已作出是否起诉的决定", "prosecution was already decided");
    case E::kExtendProsecutionReview:
      if (progress.prosecution) return Refusal("已作出是否起诉的决定", "prosecution was already decided", "event");
      return Extendable(snapshot, "L21", "审查起诉", "the prosecution review");
    case E::kAcceptTrial:
      return Require(progress.prosecution == ProsecutionDecision::kProsecute, "检察院尚未决定提起公诉",
                     "the procuratorate has not decided to prosecute");
    case E::kExtendTrial:
      return Extendable(snapshot, "L22", "审理", "the trial");
    case E::kIssueProcuratorialOpinion:
      return Require(!progress.procuratorial_opinion_open, "已有检察意见等待回复",
                     "a procuratorial opinion awaits a reply");
    case E::kReplyProcuratorialOpinion:
      return Require(progress.procuratorial_opinion_open, "没有等待回复的检察意见",
                     "no procuratorial opinion awaits a reply");
    case E::kRequestLegalAid:
      return Require(progress.legal_aid == LegalAidStage::kNone || progress.legal_aid == LegalAidStage::kRefused,
                     "法律援助申请已在办理或已指派人员", "a legal-aid application is pending or already granted");
    case E::kDecideLegalAid:
      return Require(progress.legal_aid == LegalAidStage::kApplied, "没有待决定的法律援助申请",
                     "no legal-aid application awaits a decision");
    case E::kAssignLawyer:
      return Require(progress.legal_aid == LegalAidStage::kGranted, "须先决定给予法律援助",
                     "legal aid must be granted first");
    case E::kCloseCase:
      if (MaliciousClaimOpen(progress.malicious_claim)) {
        return Refusal("恶意讨薪已移送公安机关，待其登记处理结果后方可结案",
                       "the malicious claim is with the police: the case closes once they record the outcome", "event");
      }
      return Require(!progress.procuratorial_opinion_open, "检察意见尚未回复，不能结案",
                     "the case cannot close while a procuratorial opinion awaits a reply");
    case E::kRequestEarlyIntervention:
      return Require(progress.early_intervention != EarlyInterventionStage::kRequested &&
                         progress.early_intervention != EarlyInterventionStage::kJoined,
                     "已商请或检察院已提前介入", "early intervention was already asked for or is under way");
    case E::kJoinEarlyIntervention:
      return Require(progress.early_intervention != EarlyInterventionStage::kJoined, "检察院已提前介入本案",
                     "the procuratorate has already joined this case");
    case E::kGiveInterventionOpinion:
    case E::kEndEarlyIntervention:
      return Require(progress.early_intervention == EarlyInterventionStage::kJoined, "检察院未提前介入本案",
                     "the procuratorate has not joined this case");
    case E::kReplyInterventionOpinion:
      return Require(progress.intervention_opinion_unanswered, "没有待回复的介入意见",
                     "no intervention opinion awaits a reply");
    case E::kReferMaliciousClaim:
      return Require(progress.malicious_claim == MaliciousClaimStage::kNone, "本案已认定恶意讨薪并移送公安机关",
                     "this malicious claim was already referred to the police");
    case E::kAcceptMaliciousClaim:
      return Require(progress.malicious_claim == MaliciousClaimStage::kReferred, "没有待受理的恶意讨薪移送",
                     "no malicious-claim referral awaits acceptance");
    case E::kDecideMaliciousClaim:
      return Require(progress.malicious_claim == MaliciousClaimStage::kAccepted, "须先受理恶意讨薪案件",
                     "the malicious-claim matter must be accepted first");
    case E::kOpenSupervision: {
      // Once the police refused, the refusal itself is reviewable (刑诉法 §113). Before that, only a
      // decision the police let run out (规则 §562) opens supervision.
      if (progress.state == CaseState::kFilingRefused) return Ok{};
      const auto& overdue = snapshot.context.overdue_clocks;
      const bool late = std::find(overdue.begin(), overdue.end(), "L11") != overdue.end() ||
                        std::find(overdue.begin(), overdue.end(), "L11b") != overdue.end();
      return Require(late, "公安机关立案审查尚未超期，且未作出不予立案决定",
                     "the police's filing review is not overdue and they have not refused to file");
    }
    default:
      return Ok{};
  }
}

}  // namespace wagelink::domain
