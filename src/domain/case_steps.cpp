#include "domain/case_steps.h"

#include <algorithm>
#include <initializer_list>

namespace wagelink::domain {
namespace {

using E = CaseEvent;
using S = CaseState;
using B = Body;

std::uint32_t States(std::initializer_list<S> states) {
  std::uint32_t bits = 0;
  for (S state : states) bits |= std::uint32_t{1} << static_cast<unsigned>(state);
  return bits;
}

std::uint32_t OpenStates() {
  std::uint32_t bits = 0;
  for (S state : AllCaseStates()) {
    if (!IsTerminal(state)) bits |= std::uint32_t{1} << static_cast<unsigned>(state);
  }
  return bits;
}

const StepGrant kHrss{B::kHrss, kPermCaseWrite};
const StepGrant kHrssHead{B::kHrss, kPermTransferApprove};
const StepGrant kPolice{B::kPolice, kPermPoliceAct};
const StepGrant kProcuratorate{B::kProcuratorate, kPermProcuratorateAct};
const StepGrant kCourt{B::kCourt, kPermCourtAct};
const StepGrant kJustice{B::kJustice, kPermLegalAidAct};

// Who may take each step and from where. Bodies and permissions follow PRODUCT.md ("Who uses it")
// and security/roles.h; the states follow the procedure of LEGAL.md §2. Columns: step, states it
// starts from, who may take it, reason always required, legal basis, bodies told.
std::vector<StepRule> BuildSteps() {
  // clang-format off
  return {
      {E::kAcceptComplaint, States({S::kComplaintReceived}), {kHrss}, false, "劳社部令第25号§18", {}},
      {E::kRefuseComplaint, States({S::kComplaintReceived}), {kHrss}, true, "劳社部令第25号§18¶2", {}},
      // The extension needs the department head's approval (条例 §17): the head's permission.
      {E::kExtendInvestigation, States({S::kInvestigating}), {kHrssHead}, true, "《劳动保障监察条例》§17", {},
       kPermCaseWrite},
      // A further order in order_pending: e.g. the general contractor, who pays first (条例 §30).
      {E::kIssueOrder, States({S::kInvestigating, S::kOrderPending}), {kHrss}, false,
       "《劳动保障监察条例》§26；法释〔2013〕3号§4", {}},
      {E::kRecordOrderOutcome, States({S::kOrderPending}), {kHrss}, false, "法释〔2013〕3号§4", {}},
      // Screening again from administrative handling: no 以罚代刑 (310号 §11) once facts change.
      {E::kCompleteScreening, States({S::kScreening, S::kAdministrativeHandling}), {kHrss}, false,
       "刑法§276-1；法释〔2013〕3号", {}},
      {E::kSendConsultation, States({S::kScreening}), {kHrss}, true, "高检会〔2006〕2号", {}},
      {E::kAnswerConsultation, States({S::kConsultation}), {kProcuratorate, kPolice}, true, "高检会〔2006〕2号",
       {B::kHrss}},
      {E::kCloseConsultation, States({S::kConsultation}), {kHrss}, false, "高检会〔2006〕2号", {}},
      {E::kFormCaseGroup, States({S::kTransferPreparation}), {kHrss}, false, "国务院令第310号§5¶1", {}},
      {E::kSubmitTransferReport, States({S::kTransferPreparation}), {kHrss}, false, "国务院令第310号§5¶1", {},
       kPermTransferApprove},
      {E::kApproveTransfer, States({S::kTransferPendingApproval}), {kHrssHead}, false, "国务院令第310号§5¶2", {},
       kPermCaseWrite},
      // A refusal is recorded with its reasons (§5 ¶2) and the procuratorate, which watches for
      // cases kept from the police (§14), is told.
      {E::kRefuseTransfer, States({S::kTransferPendingApproval}), {kHrssHead}, true, "国务院令第310号§5¶2、§14",
       {B::kProcuratorate}, kPermCaseWrite},
      {E::kSendTransfer, States({S::kTransferApproved}), {kHrss}, false, "国务院令第310号§5¶2、§6；高检会〔2006〕2号",
       {B::kPolice, B::kProcuratorate}},
      {E::kSignReceipt, States({S::kTransferred}), {kPolice}, false,
       "国务院令第310号§7；《公安机关办理刑事案件程序规定》§171", {B::kHrss}},
      {E::kNotifyIncompleteMaterials, States({S::kPoliceReviewing}), {kPolice}, false,
       "《公安机关办理刑事案件程序规定》§180¶2", {B::kHrss}},
      {E::kSupplementMaterials, States({S::kMaterialsSupplement}), {kHrss}, false,
       "《公安机关办理刑事案件程序规定》§180¶2", {B::kPolice}},
      {E::kExtendFilingReview, States({S::kPoliceReviewing, S::kMaterialsSupplement}), {kPolice}, true,
       "《公安机关办理经济犯罪案件的若干规定》§16", {B::kHrss, B::kProcuratorate}},
      {E::kHandOverJurisdiction, States({S::kPoliceReviewing, S::kMaterialsSupplement}), {kPolice}, true,
       "国务院令第310号§7", {B::kHrss, B::kProcuratorate}},
      // Filing answers a supervision at any stage (程序规定 §182 ¶1: the police may file on request).
      {E::kFileCase, States({S::kPoliceReviewing, S::kMaterialsSupplement, S::kSupervision}), {kPolice}, false,
       "国务院令第310号§8；《人民检察院刑事诉讼规则》§563", {B::kHrss, B::kProcuratorate}},
      // Not from materials_supplement: missing materials are never a ground to refuse (程序规定 §180 ¶2),
      // so a refusal waits for the supplement.
      {E::kDeclineFiling, States({S::kPoliceReviewing}), {kPolice}, true, "国务院令第310号§8",
       {B::kHrss, B::kProcuratorate}},
      {E::kHandOverMaterials, States({S::kPoliceInvestigating}), {kHrss}, false, "国务院令第310号§12", {B::kPolice}},
      {E::kRequestReconsideration, States({S::kFilingRefused}), {kHrss}, true, "国务院令第310号§9¶1", {B::kPolice}},
      {E::kDecideReconsideration, States({S::kReconsideration}), {kPolice}, false, "国务院令第310号§9¶2",
       {B::kHrss, B::kProcuratorate}},
      // Not contesting is allowed (310号 §10: the agency then handles the case itself) but must say
      // why, and the procuratorate hears of it.
      {E::kAcceptFilingRefusal, States({S::kFilingRefused}), {kHrss}, true, "国务院令第310号§10", {B::kProcuratorate}},
      {E::kRequestSupervision, States({S::kFilingRefused}), {kHrss}, true,
       "国务院令第310号§9；《人民检察院刑事诉讼规则》§557", {B::kProcuratorate, B::kPolice}},
      // The procuratorate's own 立案监督 of a police decision: one left to run out (规则 §562: ask for the
      // reasons for the delay) or a refusal it finds wrong (刑诉法 §113). case_guards.cpp checks that a
      // filing decision is overdue before the police decide.
      {E::kOpenSupervision, States({S::kPoliceReviewing, S::kMaterialsSupplement, S::kFilingRefused}), {kProcuratorate},
       true, "《刑事诉讼法》§113；《人民检察院刑事诉讼规则》§562", {B::kPolice, B::kHrss}},
      {E::kRequestReasons, States({S::kSupervision}), {kProcuratorate}, false, "《人民检察院刑事诉讼规则》§559、§560",
       {B::kPolice, B::kHrss}},
      {E::kGiveReasons, States({S::kSupervision}), {kPolice}, true,
       "《人民检察院刑事诉讼规则》§560；《公安机关办理刑事案件程序规定》§182¶1", {B::kProcuratorate}},
      {E::kFindReasonsValid, States({S::kSupervision}), {kProcuratorate}, true, "《人民检察院刑事诉讼规则》§561¶2", {}},
      {E::kNotifySupervisionResult, States({S::kSupervision}), {kProcuratorate}, false,
       "《人民检察院刑事诉讼规则》§561¶2", {B::kHrss, B::kPolice}},
      {E::kOrderFiling, States({S::kSupervision}), {kProcuratorate}, true, "《人民检察院刑事诉讼规则》§561¶1、§563",
       {B::kPolice, B::kHrss}},
      {E::kConcludeInvestigation, States({S::kPoliceInvestigating}), {kPolice}, false,
       "《刑事诉讼法》§162；《人民检察院刑事诉讼规则》§564¶3", {B::kProcuratorate, B::kHrss}},
      {E::kDecideProsecution, States({S::kProsecutionReview}), {kProcuratorate}, false, "《刑事诉讼法》§172",
       {B::kHrss, B::kPolice}},
      {E::kExtendProsecutionReview, States({S::kProsecutionReview}), {kProcuratorate}, true, "《刑事诉讼法》§172", {}},
      // 反向衔接 after 不起诉, or §557 ¶3 where a case was kept from the police.
      {E::kIssueProcuratorialOpinion, States({S::kAdministrativeHandling, S::kCivilRoute}), {kProcuratorate}, true,
       "《人民检察院刑事诉讼规则》§557；高检发释字〔2021〕4号", {B::kHrss}},
      {E::kReplyProcuratorialOpinion, OpenStates(), {kHrss}, true, "高检发释字〔2021〕4号", {B::kProcuratorate}},
      {E::kAcceptTrial, States({S::kProsecutionReview}), {kCourt}, false, "《刑事诉讼法》§208",
       {B::kProcuratorate, B::kHrss}},
      {E::kExtendTrial, States({S::kTrial}), {kCourt}, true, "《刑事诉讼法》§208", {B::kProcuratorate}},
      {E::kDeliverJudgment, States({S::kTrial}), {kCourt}, false, "《刑事诉讼法》§208",
       {B::kProcuratorate, B::kHrss, B::kPolice}},
      {E::kRecordExecution, States({S::kExecution}), {kCourt}, false, "《保障农民工工资支付条例》§42；法院“五优先”",
       {B::kHrss}},
      // Legal aid may be applied for by the legal-aid body itself or by labour inspection on the
      // workers' behalf; migrant workers' wage claims need no means test (法律援助法 §42(三)).
      {E::kRequestLegalAid, States({S::kCivilRoute, S::kAdministrativeHandling}), {kJustice, kHrss}, false,
       "《法律援助法》§31、§42、§43", {B::kJustice, B::kHrss}},
      {E::kDecideLegalAid, States({S::kCivilRoute}), {kJustice}, false, "《法律援助法》§43", {B::kHrss}},
      {E::kAssignLawyer, States({S::kCivilRoute}), {kJustice}, false, "《法律援助法》§43", {B::kHrss}},
      {E::kRecordCivilStep, States({S::kCivilRoute}), {kHrss, kJustice, kCourt}, false,
       "《劳动争议调解仲裁法》；《保障农民工工资支付条例》§45", {B::kHrss, B::kJustice, B::kCourt}},
      {E::kHandOverCase, States({S::kComplaintReceived, S::kInvestigating, S::kScreening}), {kHrss}, true,
       "《保障农民工工资支付条例》§10", {}},
      {E::kCloseCase,
       States({S::kInvestigating, S::kScreening, S::kAdministrativeHandling, S::kCivilRoute, S::kExecution}), {kHrss},
       false, "《劳动保障监察条例》§17、§26", {}},
      // ---- side steps: the state stays; their own progress moves (case_guards.cpp says when) ----
      // 提前介入. Labour inspection may ask for it while the nature is being settled (2006 意见:
      // consult the procuratorate on complex cases); the procuratorate joins at screening or
      // consultation, or while the police review or investigate the transferred case (规则 §256: at
      // the police's request or where it thinks it really necessary for a 重大、疑难、复杂 case).
      {E::kRequestEarlyIntervention, States({S::kScreening, S::kConsultation}), {kHrss}, true,
       "高检会〔2006〕2号；《人民检察院刑事诉讼规则》§256", {B::kProcuratorate}},
      {E::kJoinEarlyIntervention,
       States({S::kScreening, S::kConsultation, S::kPoliceReviewing, S::kMaterialsSupplement,
               S::kPoliceInvestigating}), {kProcuratorate}, true, "《人民检察院刑事诉讼规则》§256", {B::kHrss}},
      // Once joined the procuratorate stays with the case wherever it goes until it ends the
      // intervention (or the case closes); the police hear of it while the case is with them.
      {E::kGiveInterventionOpinion, OpenStates(), {kProcuratorate}, true, "《人民检察院刑事诉讼规则》§256",
       {B::kHrss}},
      {E::kReplyInterventionOpinion, OpenStates(), {kHrss}, true, "《人民检察院刑事诉讼规则》§256",
       {B::kProcuratorate}},
      {E::kEndEarlyIntervention, OpenStates(), {kProcuratorate}, false, "《人民检察院刑事诉讼规则》§256", {B::kHrss}},
      // 恶意讨薪: labour inspection found no arrears and a claim made by forgery or disorder; the
      // police 依法处置 the related public-order matter (条例 §7), as with any group incident handled
      // "会同有关部门" (劳动保障监察条例 §14 ¶4). No time limit: none is in LEGAL.md for it.
      {E::kReferMaliciousClaim, States({S::kInvestigating}), {kHrss}, true,
       "《保障农民工工资支付条例》§7；《劳动保障监察条例》§14¶4", {B::kPolice}},
      {E::kAcceptMaliciousClaim, OpenStates(), {kPolice}, false, "《保障农民工工资支付条例》§7", {B::kHrss}},
      {E::kDecideMaliciousClaim, OpenStates(), {kPolice}, false, "《保障农民工工资支付条例》§7", {B::kHrss}},
  };
  // clang-format on
}

}  // namespace

const StepRule& StepRuleOf(CaseEvent event) {
  static const std::vector<StepRule> steps = [] {
    std::vector<StepRule> built = BuildSteps();
    std::sort(built.begin(), built.end(), [](const StepRule& a, const StepRule& b) { return a.event < b.event; });
    return built;
  }();
  const auto index = static_cast<std::size_t>(event);
  return index < steps.size() && steps[index].event == event ? steps[index] : steps.front();
}

bool StartsFrom(const StepRule& rule, CaseState state) {
  return (rule.from_states >> static_cast<unsigned>(state) & 1U) != 0;
}

Status RequireReason(const StepRequest& request, std::string_view why_zh, std::string_view why_en) {
  if (!IsBlankText(request.reason)) return Ok{};
  return Refusal(
      "「" + std::string(CaseEventNameZh(request.event)) + "」" + std::string(why_zh) + "，须填写理由",
      "'" + std::string(CaseEventNameEn(request.event)) + "' " + std::string(why_en) + ": a reason is required",
      "reason");
}

Error MissingPayload(CaseEvent event) {
  return Refusal("「" + std::string(CaseEventNameZh(event)) + "」缺少所需的内容",
                 "'" + std::string(CaseEventNameEn(event)) + "' lacks its required content", "payload");
}

bool IsBlankText(std::string_view text) {
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r') {
      ++i;
    } else if (text.substr(i, kIdeographicSpace.size()) == kIdeographicSpace) {
      i += kIdeographicSpace.size();
    } else {
      return false;
    }
  }
  return true;
}

}  // namespace wagelink::domain
