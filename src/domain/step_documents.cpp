// The step → document table. Each row follows the procedure of LEGAL.md §2 and the documents of §5;
// the legal basis of each document is in its template (data/templates/<kind>.json, "basis") and in
// docs/documents.md.
#include "domain/step_documents.h"

#include <algorithm>

namespace wagelink::domain {
namespace {

using E = CaseEvent;

constexpr StepDocument kStepDocuments[] = {
    // 法释〔2013〕3号 §4: the order to pay with its deadline, and the record of its service.
    {E::kIssueOrder, "rectification_order"},
    {E::kIssueOrder, "service_record"},
    {E::kSendConsultation, "consultation_letter"},
    // 国务院令第310号 §5: the case group's written report, then the head's decision.
    {E::kSubmitTransferReport, "transfer_report"},
    {E::kApproveTransfer, "transfer_decision"},
    // 310号 §6(一)(二): the 移送书 with the 调查报告 it encloses.
    {E::kSendTransfer, "transfer_letter"},
    {E::kSendTransfer, "investigation_report"},
    // 程序规定 §171, §180, 310号 §8.
    {E::kSignReceipt, "acceptance_receipt"},
    {E::kNotifyIncompleteMaterials, "materials_correction_notice"},
    {E::kFileCase, "filing_decision"},
    {E::kDeclineFiling, "non_filing_notice"},
    {E::kRequestReconsideration, "reconsideration_application"},
    // 规则 §559–§563.
    {E::kRequestReasons, "explain_non_filing_request"},
    {E::kOrderFiling, "filing_notice"},
    // 规则 §557 ¶3 (检察意见书), or a 检察建议书 (人民检察院检察建议工作规定) when the procuratorate chooses it.
    {E::kIssueProcuratorialOpinion, "procuratorate_opinion"},
    {E::kIssueProcuratorialOpinion, "procuratorial_recommendation", true, "procuratorate_opinion"},
    // 规则 §256: the views given while joined.
    {E::kGiveInterventionOpinion, "intervention_opinion"},
    // The court's green channel (条例 §45; 法院“五优先”): priority acceptance, trial and execution, with dates.
    {E::kAcceptTrial, "green_channel_record"},
    {E::kDeliverJudgment, "green_channel_record"},
    {E::kRecordExecution, "green_channel_record"},
    {E::kRecordExecution, "execution_notice"},
    // 法律援助法 §43: the lawyer assigned within 3 days.
    {E::kAssignLawyer, "legal_aid_assignment"},
};

constexpr DocumentGate kGates[] = {
    {E::kSendTransfer, "transfer_report", "关于移送涉嫌犯罪案件的书面报告"},
    {E::kSendTransfer, "transfer_decision", "移送涉嫌犯罪案件审批决定"},
    {E::kSignReceipt, "transfer_letter", "涉嫌犯罪案件移送书"},
    {E::kNotifyIncompleteMaterials, "acceptance_receipt", "受案回执"},
    {E::kFileCase, "acceptance_receipt", "受案回执"},
    {E::kDeclineFiling, "acceptance_receipt", "受案回执"},
    {E::kRequestReconsideration, "non_filing_notice", "不予立案通知书"},
    {E::kGiveReasons, "explain_non_filing_request", "要求说明不立案理由通知书"},
    {E::kReplyProcuratorialOpinion, "procuratorate_opinion", "检察意见书", "procuratorial_recommendation"},
    {E::kReplyInterventionOpinion, "intervention_opinion", "提前介入意见书"},
};

bool Contains(std::span<const std::string> kinds, std::string_view kind) {
  return std::find(kinds.begin(), kinds.end(), kind) != kinds.end();
}

}  // namespace

std::span<const StepDocument> StepDocuments() { return kStepDocuments; }
std::span<const DocumentGate> DocumentGates() { return kGates; }

Result<std::vector<std::string_view>> DocumentsIssuedBy(const StepRequest& request,
                                                        std::span<const std::string> requested) {
  for (const auto& kind : requested) {
    bool issuable = std::any_of(std::begin(kStepDocuments), std::end(kStepDocuments),
                                [&](const StepDocument& d) { return d.event == request.event && d.kind == kind; });
    if (!issuable) {
      return MakeError(ErrorCode::kValidationFailed, "document_fields." + kind + "：此环节不制作该文书",
                       "document_fields." + kind + ": this step does not issue that document",
                       "document_fields." + kind);
    }
  }
  // An order to someone other than the actor (the general contractor, the developer) makes them pay
  // first but is not the 指令书 the crime turns on (法释 §4); its document is not generated here.
  if (const auto* order = std::get_if<OrderPayload>(&request.payload); order && !IsActor(order->addressee)) return std::vector<std::string_view>{};
  std::vector<std::string_view> out;
  for (const auto& d : kStepDocuments) {
    if (d.event != request.event) continue;
    if (d.on_request && !Contains(requested, d.kind)) continue;
    bool replaced = std::any_of(std::begin(kStepDocuments), std::end(kStepDocuments), [&](const StepDocument& other) {
      return other.event == request.event && other.on_request && other.instead_of == d.kind && Contains(requested, other.kind);
    });
    if (!replaced) out.push_back(d.kind);
  }
  return out;
}

const StepDocument* IssuingStepOf(std::string_view kind) {
  for (const auto& d : kStepDocuments) {
    if (d.kind == kind) return &d;
  }
  return nullptr;
}

Status CheckRequiredDocuments(CaseEvent event, std::span<const std::string> issued_kinds) {
  for (const auto& gate : kGates) {
    if (gate.event != event || Contains(issued_kinds, gate.kind)) continue;
    if (!gate.or_kind.empty() && Contains(issued_kinds, gate.or_kind)) continue;
    return MakeError(ErrorCode::kTransitionRefused, "须先制作《" + std::string(gate.name_zh) + "》，才能" +
                         std::string(CaseEventNameZh(event)),
                     "the document \"" + std::string(gate.kind) + "\" must be issued before this step", "event");
  }
  return Ok{};
}

}  // namespace wagelink::domain
