#include "domain/worklist.h"

#include <algorithm>
#include <array>

namespace wagelink::domain {
namespace {

struct ReasonInfo {
  WorkReason reason;
  std::string_view code, zh, en;
};

constexpr std::array<ReasonInfo, 15> kReasons{{
    {WorkReason::kAct, "act", "待我办理", "awaiting my step"},
    {WorkReason::kClockDue, "clock_due", "本单位时限在计", "our clock is running"},
    {WorkReason::kSupervising, "supervising", "监督中的时限", "clock under our supervision"},
    {WorkReason::kOverdueOversight, "overdue_oversight", "超期督办", "overdue, for follow-up"},
    {WorkReason::kTransferCopy, "transfer_copy", "移送抄送本院", "transfer copied to us"},
    {WorkReason::kConsultation, "consultation", "个案征询待答复", "consultation awaiting our answer"},
    {WorkReason::kSupervisable, "supervisable", "可启动立案监督", "police decision open to supervision"},
    {WorkReason::kSupervision, "supervision", "立案监督办理中", "filing supervision under way"},
    {WorkReason::kEarlyIntervention, "early_intervention", "提前介入", "early intervention"},
    {WorkReason::kOpinionReplyDue, "opinion_reply_due", "检察意见待回复", "procuratorial opinion awaiting reply"},
    {WorkReason::kProsecutionReview, "prosecution_review", "审查起诉", "review for prosecution"},
    {WorkReason::kTrial, "trial", "受理与审判", "acceptance and trial"},
    {WorkReason::kExecution, "execution", "执行", "execution"},
    {WorkReason::kGreenChannel, "green_channel", "绿色通道", "green channel"},
    {WorkReason::kTransferApproval, "transfer_approval", "移送待审批", "transfer awaiting approval"},
}};

const ReasonInfo& InfoOf(WorkReason reason) {
  for (const auto& info : kReasons) {
    if (info.reason == reason) return info;
  }
  return kReasons.front();
}

bool Has(std::span<const CaseEvent> steps, CaseEvent event) {
  return std::find(steps.begin(), steps.end(), event) != steps.end();
}

}  // namespace

std::string_view WorkReasonCode(WorkReason reason) { return InfoOf(reason).code; }
std::string_view WorkReasonNameZh(WorkReason reason) { return InfoOf(reason).zh; }
std::string_view WorkReasonNameEn(WorkReason reason) { return InfoOf(reason).en; }

std::vector<WorkReason> ClassifyWork(const WorkFacts& facts) {
  std::vector<WorkReason> reasons;
  if (facts.progress == nullptr || IsTerminal(facts.progress->state)) return reasons;
  const CaseProgress& progress = *facts.progress;
  const CaseState state = progress.state;
  const auto steps = facts.available_steps;
  const std::string_view me = BodyCode(facts.body);

  switch (facts.body) {
    case Body::kHrss:
      if (Has(steps, CaseEvent::kApproveTransfer)) reasons.push_back(WorkReason::kTransferApproval);
      break;
    case Body::kProcuratorate:
      if (Has(steps, CaseEvent::kOpenSupervision)) reasons.push_back(WorkReason::kSupervisable);
      if (state == CaseState::kSupervision) reasons.push_back(WorkReason::kSupervision);
      if (state == CaseState::kConsultation && progress.consulted_procuratorate &&
          Has(steps, CaseEvent::kAnswerConsultation)) {
        reasons.push_back(WorkReason::kConsultation);
      }
      if (state == CaseState::kProsecutionReview) reasons.push_back(WorkReason::kProsecutionReview);
      if (progress.early_intervention == EarlyInterventionStage::kRequested ||
          progress.early_intervention == EarlyInterventionStage::kJoined) {
        reasons.push_back(WorkReason::kEarlyIntervention);
      }
      if (facts.transferred_with_copy && (WithThePolice(state) || state == CaseState::kPoliceInvestigating)) {
        reasons.push_back(WorkReason::kTransferCopy);
      }
      for (const auto& clock : facts.open_clocks) {
        if (clock.rule_id == "L32") {
          reasons.push_back(WorkReason::kOpinionReplyDue);
          break;
        }
      }
      break;
    case Body::kPolice:
      if (state == CaseState::kConsultation && progress.consulted_police && Has(steps, CaseEvent::kAnswerConsultation)) {
        reasons.push_back(WorkReason::kConsultation);
      }
      break;
    case Body::kCourt:
      if (state == CaseState::kTrial || Has(steps, CaseEvent::kAcceptTrial)) reasons.push_back(WorkReason::kTrial);
      if (state == CaseState::kExecution) reasons.push_back(WorkReason::kExecution);
      if (state == CaseState::kCivilRoute || facts.green_channel_flagged) reasons.push_back(WorkReason::kGreenChannel);
      break;
    default:
      break;
  }
  if (!steps.empty()) reasons.push_back(WorkReason::kAct);
  bool due = false, supervising = false, overdue = false;
  for (const auto& clock : facts.open_clocks) {
    due = due || clock.responsible == me;
    supervising = supervising || clock.supervisor == me;
    overdue = overdue || clock.overdue;
  }
  if (due) reasons.push_back(WorkReason::kClockDue);
  if (supervising) reasons.push_back(WorkReason::kSupervising);
  if (facts.oversees_all && overdue) reasons.push_back(WorkReason::kOverdueOversight);
  return reasons;
}

}  // namespace wagelink::domain
