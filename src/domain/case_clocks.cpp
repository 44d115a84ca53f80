// The clock table: every statutory clock the case machine starts, who answers for it, who is told
// when it runs out, and exactly which steps stop it and with what outcome.
#include "domain/case_steps.h"

namespace wagelink::domain {
namespace {

using E = CaseEvent;
using B = Body;
using O = ClockOutcome;

// Every clock the machine starts, and the steps that stop it. Supervisors: the procuratorate for the
// police and for labour inspection's transfer duties (310号 §14, §17; 规则 §557–§564), the wage-
// arrears office for the rest (保障农民工工资支付条例 §4). L03 is the employer's, and labour
// inspection is the one that must act when it runs out (screening), so it supervises it.
std::vector<ClockRule> BuildClocks() {
  // clang-format off
  return {
      // 劳社部令第25号 §18: accept (and 立案) or refuse within 5 working days.
      {"L01", B::kHrss, B::kWageOffice, ClockKind::kDuty,
       {{E::kAcceptComplaint, O::kMet}, {E::kRefuseComplaint, O::kMet}, {E::kHandOverCase, O::kMet}}},
      // 劳动保障监察条例 §17: 60 (+30) working days; the order to pay concludes the investigation.
      {"L02", B::kHrss, B::kWageOffice, ClockKind::kDuty,
       {{E::kIssueOrder, O::kMet}, {E::kCloseCase, O::kMet}, {E::kHandOverCase, O::kWithdrawn},
        {E::kReferMaliciousClaim, O::kMet}}},  // finding no arrears concludes the investigation
      // 条例 §26; 法释〔2013〕3号 §4: pay within the period the order sets (not met when unpaid).
      {"L03", B::kEmployer, B::kHrss, ClockKind::kDuty, {{E::kRecordOrderOutcome, O::kMet}}},
      // Platform setting (310号 §5, §11, §14): a case over the threshold, unpaid, not sent in time
      // is flagged to the procuratorate as possibly 有案不移 / 以罚代刑. Only sending it stops it.
      {kShouldHaveBeenTransferredClock, B::kHrss, B::kProcuratorate, ClockKind::kDuty, {{E::kSendTransfer, O::kMet}}},
      // 310号 §5 ¶1: form the group and write the report "立即" (an operator target, if any).
      {"L05", B::kHrss, B::kProcuratorate, ClockKind::kDuty, {{E::kSubmitTransferReport, O::kMet}}},
      // 310号 §5 ¶2: the head decides within 3 days of the report.
      {"L06", B::kHrss, B::kProcuratorate, ClockKind::kDuty,
       {{E::kApproveTransfer, O::kMet}, {E::kRefuseTransfer, O::kMet}}},
      // 310号 §5 ¶2: send within 24 hours of the approval.
      {"L07", B::kHrss, B::kProcuratorate, ClockKind::kDuty, {{E::kSendTransfer, O::kMet}}},
      // 310号 §7: pass a transfer outside the unit's jurisdiction on within 24 h (recorded answered).
      {"L08", B::kPolice, B::kProcuratorate, ClockKind::kDuty, {{E::kHandOverJurisdiction, O::kMet}}},
      // 程序规定 §180 ¶2: 24 h to say materials are missing; unused when the police decide.
      {"L09", B::kPolice, B::kProcuratorate, ClockKind::kWindow,
       {{E::kNotifyIncompleteMaterials, O::kMet}, {E::kFileCase, O::kWithdrawn}, {E::kDeclineFiling, O::kWithdrawn},
        {E::kHandOverJurisdiction, O::kWithdrawn}}},
      // 程序规定 §180 ¶2: labour inspection supplies the materials within 3 days.
      {"L10", B::kHrss, B::kProcuratorate, ClockKind::kDuty,
       {{E::kSupplementMaterials, O::kMet}, {E::kFileCase, O::kWithdrawn}, {E::kHandOverJurisdiction, O::kWithdrawn}}},
      // 310号 §8; 程序规定 §180 ¶1: decide within 3 days of accepting (L11b: economic-crime rules).
      {"L11", B::kPolice, B::kProcuratorate, ClockKind::kDuty,
       {{E::kFileCase, O::kMet}, {E::kDeclineFiling, O::kMet}, {E::kHandOverJurisdiction, O::kWithdrawn}}},
      {"L11b", B::kPolice, B::kProcuratorate, ClockKind::kDuty,
       {{E::kFileCase, O::kMet}, {E::kDeclineFiling, O::kMet}, {E::kHandOverJurisdiction, O::kWithdrawn}}},
      // 310号 §9 ¶1: 3 days from the 不予立案通知书 to ask for 复议 or 立案监督.
      {"L12", B::kHrss, B::kProcuratorate, ClockKind::kDuty,
       {{E::kRequestReconsideration, O::kMet}, {E::kRequestSupervision, O::kMet}, {E::kOpenSupervision, O::kWithdrawn},
        {E::kAcceptFilingRefusal, O::kWithdrawn}}},
      // 310号 §9 ¶2: the police decide the 复议 within 3 days.
      {"L13", B::kPolice, B::kProcuratorate, ClockKind::kDuty, {{E::kDecideReconsideration, O::kMet}}},
      // 310号 §9 ¶2: 3 days from the 复议决定 to ask for 立案监督.
      {"L14", B::kHrss, B::kProcuratorate, ClockKind::kDuty,
       {{E::kRequestSupervision, O::kMet}, {E::kAcceptFilingRefusal, O::kWithdrawn}}},
      // 310号 §12: hand over items and materials within 3 days of the 立案通知.
      {"L15", B::kHrss, B::kProcuratorate, ClockKind::kDuty,
       {{E::kHandOverMaterials, O::kMet}, {E::kConcludeInvestigation, O::kWithdrawn}}},
      // 规则 §560; 程序规定 §182 ¶1: reasons within 7 days (filing instead also answers it; an order
      // to file without any reasons given means the police never answered).
      {"L16", B::kPolice, B::kProcuratorate, ClockKind::kDuty,
       {{E::kGiveReasons, O::kMet}, {E::kFileCase, O::kMet}, {E::kOrderFiling, O::kNotMet}}},
      // 规则 §562: the reasons of the delay within 7 days; deciding to file answers it too.
      {"L19", B::kPolice, B::kProcuratorate, ClockKind::kDuty,
       {{E::kGiveReasons, O::kMet}, {E::kFileCase, O::kMet}, {E::kOrderFiling, O::kNotMet}}},
      // 规则 §561 ¶2: tell the agency within 10 days when the reasons stand.
      {"L17", B::kProcuratorate, B::kWageOffice, ClockKind::kDuty, {{E::kNotifySupervisionResult, O::kMet}}},
      // 规则 §563; 程序规定 §182 ¶2: file within 15 days of the 通知立案书.
      {"L18", B::kPolice, B::kProcuratorate, ClockKind::kDuty, {{E::kFileCase, O::kMet}}},
      // 规则 §564 ¶3: a supervised case not concluded within 3 months draws a 催办函.
      {"L20", B::kPolice, B::kProcuratorate, ClockKind::kDuty, {{E::kConcludeInvestigation, O::kMet}}},
      // 刑诉法 §172: decide on prosecution within 1 month (+15 days).
      {"L21", B::kProcuratorate, B::kWageOffice, ClockKind::kDuty, {{E::kDecideProsecution, O::kMet}}},
      // 刑诉法 §208: judgment within 2 months (at most 3).
      {"L22", B::kCourt, B::kWageOffice, ClockKind::kDuty, {{E::kDeliverJudgment, O::kMet}}},
      // 法律援助法 §43: decide within 7 days; assign a lawyer within 3 days of granting.
      {"L23", B::kJustice, B::kWageOffice, ClockKind::kDuty,
       {{E::kDecideLegalAid, O::kMet}, {E::kCloseCase, O::kWithdrawn}}},
      {"L24", B::kJustice, B::kWageOffice, ClockKind::kDuty,
       {{E::kAssignLawyer, O::kMet}, {E::kCloseCase, O::kWithdrawn}}},
      // 劳动保障监察条例 §19: the employer is heard (陈述、申辩) before a handling decision or penalty;
      // a window (5 working days, UNCONFIRMED). Closing the case ends it.
      {"L34", B::kEmployer, B::kHrss, ClockKind::kWindow, {{E::kCloseCase, O::kWithdrawn}}},
      // 行政复议法 §20 (60 days), 行政诉讼法 §46 (6 months): the employer's windows to challenge an
      // order or decision once served. Nobody owes an act; they lapse unless a new order restarts them.
      {"L35", B::kEmployer, B::kHrss, ClockKind::kWindow, {{E::kIssueOrder, O::kWithdrawn}}},
      {"L36", B::kEmployer, B::kHrss, ClockKind::kWindow, {{E::kIssueOrder, O::kWithdrawn}}},
      // 劳动争议调解仲裁法 §27: the workers' 1-year arbitration limitation on the civil route, counted
      // from the end of the unpaid period; legal aid assists (window).
      {"L37", B::kJustice, B::kWageOffice, ClockKind::kWindow,
       {{E::kRecordCivilStep, O::kMet}, {E::kCloseCase, O::kWithdrawn}}},
      // 高检发释字〔2021〕4号 (UNCONFIRMED, configurable): reply to a 检察意见. The procuratorate waits for
      // the reply, so it supervises it.
      {kProcuratorialOpinionReplyClock, B::kHrss, B::kProcuratorate, ClockKind::kDuty,
       {{E::kReplyProcuratorialOpinion, O::kMet}}},
  };
  // clang-format on
}

}  // namespace

const std::vector<ClockRule>& ClockRules() {
  static const std::vector<ClockRule> clocks = BuildClocks();
  return clocks;
}

const ClockRule* FindClockRule(std::string_view rule_id) {
  for (const ClockRule& clock : ClockRules()) {
    if (clock.rule_id == rule_id) return &clock;
  }
  return nullptr;
}

ClockStart StartOf(std::string_view rule_id, Instant trigger) {
  ClockStart start;
  start.rule_id = std::string(rule_id);
  start.trigger = trigger;
  if (const ClockRule* clock = FindClockRule(rule_id)) {
    start.responsible_body = clock->responsible;
    start.supervisor_body = clock->supervisor;
    start.kind = clock->kind;
  }
  return start;
}

std::vector<ClockStop> StopsOf(CaseEvent event) {
  std::vector<ClockStop> stops;
  for (const ClockRule& clock : ClockRules()) {
    for (const ClockStopRule& stop : clock.stopped_by) {
      if (stop.event == event) stops.push_back(ClockStop{std::string(clock.rule_id), stop.outcome});
    }
  }
  return stops;
}

Error Refusal(std::string zh, std::string en, std::string field) {
  return MakeError(ErrorCode::kTransitionRefused, std::move(zh), std::move(en), std::move(field));
}

}  // namespace wagelink::domain
