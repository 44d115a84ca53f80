// The labour-inspection steps that carry a payload (order, screening, consultation, case group,
// transfer, closing): their checks and effects. The criminal and civil steps are in
// case_transitions.cpp, which dispatches to these.
#include <algorithm>
#include <set>

#include "domain/case_steps.h"

namespace wagelink::domain {
namespace {

using S = CaseState;

void SetStopOutcome(Transition& transition, std::string_view rule_id, ClockOutcome outcome) {
  for (ClockStop& stop : transition.clocks_to_stop) {
    if (stop.rule_id == rule_id) stop.outcome = outcome;
  }
}

}  // namespace

Status ApplyIssueOrder(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<OrderPayload>(request);
  if (!payload) return payload.error();
  const OrderPayload& order = **payload;
  if (order.served_at > request.at) {
    return Refusal("送达时间不能晚于登记时间", "the service time cannot be later than the step", "served_at");
  }
  if (snapshot.progress.last_step_at && order.served_at < *snapshot.progress.last_step_at) {
    return Refusal("送达时间不能早于上一环节", "the service time cannot precede the previous step", "served_at");
  }
  if (order.deadline <= ShanghaiDate(order.served_at)) {
    return Refusal("履行期限须晚于送达之日（起算日不计入）", "the deadline must fall after the day of service",
                   "deadline");
  }
  if (order.service == ServiceMethod::kPostedAtPremises && !order.service_evidence_recorded) {
    return Refusal("张贴送达须有拍照、录像记录（法释〔2013〕3号§4¶2）",
                   "posting counts as service only with a photo or video record (法释〔2013〕3号 §4 ¶2)",
                   "service_evidence_recorded");
  }
  if (order.service == ServiceMethod::kConfirmableNotice && !order.service_evidence_recorded) {
    return Refusal("电话、短信等通知须有能确认收悉的记录（人社部发〔2014〕100号 一(二)）",
                   "a phone or SMS notice needs a record that its receipt was confirmed (人社部发〔2014〕100号 1(2))",
                   "service_evidence_recorded");
  }
  transition.to = S::kOrderPending;
  auto& deadline = transition.progress.order_deadline;
  deadline = deadline ? std::max(*deadline, order.deadline) : order.deadline;
  ClockStart pay = StartOf("L03", order.served_at);
  pay.supplied_due_date = order.deadline;
  transition.clocks_to_start.push_back(std::move(pay));
  // The employer's windows to challenge what was served (a new order stops and restarts them).
  transition.clocks_to_start.push_back(StartOf("L35", order.served_at));
  transition.clocks_to_start.push_back(StartOf("L36", order.served_at));
  return Ok{};
}

Status ApplyRecordOrderOutcome(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<OrderOutcomePayload>(request);
  if (!payload) return payload.error();
  const CivilDate deadline = snapshot.progress.order_deadline.value_or(CivilDate{});
  if ((*payload)->outcome == OrderOutcome::kPaidInFullByDeadline) {
    if (snapshot.context.outstanding > Fen{}) {
      return Refusal("仍有 " + snapshot.context.outstanding.ToYuanGrouped() + " 元未支付，不能登记为期限内足额支付",
                     snapshot.context.outstanding.ToYuanGrouped() + " yuan is still outstanding: not paid in full",
                     "outcome");
    }
    if (snapshot.context.actor_unpaid > Fen{}) {
      return Refusal("劳动者虽已拿到工资，但其中 " + snapshot.context.actor_unpaid.ToYuanGrouped() +
                         " 元系由总承包单位、建设单位、应急周转金等垫付，不是行为人在期限内自行支付，不能登记为期限内足额支付",
                     snapshot.context.actor_unpaid.ToYuanGrouped() +
                         " yuan was advanced by others than the actor (general contractor, developer, emergency "
                         "fund): the actor did not pay in full within the deadline",
                     "outcome");
    }
    transition.to = S::kClosedAdministrative;
    return Ok{};
  }
  if (ShanghaiDate(request.at) <= deadline) {
    return Refusal("责令支付期限（" + deadline.ToIso() + "）尚未届满",
                   "the order's deadline (" + deadline.ToIso() + ") has not passed yet", "outcome");
  }
  transition.to = S::kScreening;
  SetStopOutcome(transition, "L03", ClockOutcome::kNotMet);
  return Ok{};
}

namespace {

// Over the threshold and unpaid: from the order's expiry the platform watches whether the case
// reaches the police in time, whatever the handler decides (以罚代刑 is what it catches; 310号 §11,
// §14). Every decision that keeps the case with labour inspection starts it: the first screening, a
// screening again after new facts, and an administrative close; only sending the transfer stops it.
// A case the police have received (and handed back, e.g. after refusing to file it) was not kept
// from them: the watch and the close's reason are about cases that never reached them.
bool NeverReachedThePolice(const CaseSnapshot& snapshot) { return !snapshot.progress.transfer_received_at; }

void WatchForACaseKeptFromThePolice(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition) {
  if (snapshot.context.amount_threshold_met != true || !NeverReachedThePolice(snapshot)) return;
  const auto& open = snapshot.context.open_clocks;
  if (std::find(open.begin(), open.end(), kShouldHaveBeenTransferredClock) != open.end()) return;
  const auto& deadline = snapshot.progress.order_deadline;
  transition.clocks_to_start.push_back(
      StartOf(kShouldHaveBeenTransferredClock, deadline ? EndOfShanghaiDay(*deadline) : request.at));
}

}  // namespace

Status ApplyCompleteScreening(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<ScreeningPayload>(request);
  if (!payload) return payload.error();
  const auto& assessed = snapshot.context.assessed_recommendation;
  const Recommendation chosen = (*payload)->recommendation;
  // A handler may depart from the platform's assessment (it only recommends), but must say why, and a
  // case kept from the police against it is the procuratorate's business (310号 §14; 规则 §557).
  if (assessed && *assessed != chosen && IsBlankText(request.reason)) {
    return Refusal("甄别结论与平台依据本案事实作出的评估（" + std::string(RecommendationNameZh(*assessed)) +
                       "）不一致，须说明理由",
                   "the screening departs from the platform's assessment of the case's facts (" +
                       std::string(RecommendationName(*assessed)) + "): give the reason",
                   "reason");
  }
  if (assessed == Recommendation::kTransfer && chosen != Recommendation::kTransfer) {
    transition.notify_bodies.push_back(Body::kProcuratorate);
  }
  switch (chosen) {
    case Recommendation::kConsult:
      return Refusal("性质难以认定的，请发送个案征询，答复后再完成甄别",
                     "when the nature is unclear, send a case consultation and complete the screening after it",
                     "recommendation");
    case Recommendation::kTransfer: {
      transition.to = S::kTransferPreparation;
      ClockStart group = StartOf("L05", request.at);
      group.only_if_limit_configured = true;
      transition.clocks_to_start.push_back(std::move(group));
      break;
    }
    case Recommendation::kAdministrative:
      transition.to = S::kAdministrativeHandling;
      // 条例 §19: the employer is heard before the decision or penalty.
      transition.clocks_to_start.push_back(StartOf("L34", request.at));
      break;
    case Recommendation::kCivil: {
      transition.to = S::kCivilRoute;
      transition.notify_bodies.push_back(Body::kJustice);
      // 劳动争议调解仲裁法 §27: from the end of the unpaid period when known (the cautious reading).
      const auto& end = snapshot.context.unpaid_period_end;
      transition.clocks_to_start.push_back(
          StartOf("L37", end ? EndOfShanghaiDay(*end).AddSeconds(-1) : request.at));
      break;
    }
  }
  WatchForACaseKeptFromThePolice(snapshot, request, transition);
  return Ok{};
}

Status ApplySendConsultation(const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<ConsultationPayload>(request);
  if (!payload) return payload.error();
  const ConsultationPayload& consultation = **payload;
  if (!consultation.to_procuratorate && !consultation.to_police) {
    return Refusal("个案征询须发往人民检察院或公安机关", "a consultation goes to the procuratorate or the police",
                   "to_procuratorate");
  }
  if (consultation.reply_due && *consultation.reply_due <= ShanghaiDate(request.at)) {
    return Refusal("答复期限须晚于今天", "the reply date must be after today", "reply_due");
  }
  transition.to = S::kConsultation;
  transition.progress.consulted_procuratorate = consultation.to_procuratorate;
  transition.progress.consulted_police = consultation.to_police;
  if (consultation.to_procuratorate) transition.notify_bodies.push_back(Body::kProcuratorate);
  if (consultation.to_police) transition.notify_bodies.push_back(Body::kPolice);
  return Ok{};
}

Status ApplyFormCaseGroup(const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<CaseGroupPayload>(request);
  if (!payload) return payload.error();
  std::set<std::string_view> distinct;
  for (const std::string& officer : (*payload)->officer_ids) {
    if (IsBlankText(officer)) return Refusal("专案组成员不能为空", "a case-group member is blank", "officer_ids");
    if (!distinct.insert(officer).second) {
      return Refusal("专案组成员重复：同一人不能计为两名执法人员", "the same officer is listed twice in the case group",
                     "officer_ids");
    }
  }
  if (distinct.size() < kMinCaseGroupSize) {
    return Refusal(
        "专案组须由" + std::to_string(kMinCaseGroupSize) + "名以上不同的行政执法人员组成（国务院令第310号§5¶1）",
        "the case group needs at least " + std::to_string(kMinCaseGroupSize) +
            " distinct officers (国务院令第310号 §5 ¶1)",
        "officer_ids");
  }
  transition.progress.case_group_size = distinct.size();
  return Ok{};
}

Status ApplySendTransfer(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<TransferPayload>(request);
  if (!payload) return payload.error();
  const auto& missing = snapshot.context.missing_transfer_materials;
  if (!missing.empty()) {
    std::string list;
    for (const std::string& item : missing) list += (list.empty() ? "" : "、") + item;
    return Refusal("移送材料不全，不能移送（国务院令第310号§6）。尚缺：" + list,
                   "the transfer package is incomplete (国务院令第310号 §6); missing: " + list,
                   "missing_transfer_materials");
  }
  if (!(*payload)->copy_to_procuratorate) {
    return Refusal("移送须同时抄送同级人民检察院（高检会〔2006〕2号）",
                   "the transfer must be copied to the same-level procuratorate (高检会〔2006〕2号)",
                   "copy_to_procuratorate");
  }
  transition.to = S::kTransferred;
  return Ok{};
}

Status ApplyCloseCase(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition) {
  auto payload = PayloadOf<ClosePayload>(request);
  if (!payload) return payload.error();
  const S from = snapshot.progress.state;
  switch ((*payload)->reason) {
    case CloseReason::kWorkersPaid:
      if (snapshot.context.outstanding > Fen{}) {
        return Refusal("仍有 " + snapshot.context.outstanding.ToYuanGrouped() + " 元工资未支付，不能以“工资已支付”结案",
                       snapshot.context.outstanding.ToYuanGrouped() +
                           " yuan of wages is still outstanding: the case cannot close as paid",
                       "outstanding");
      }
      transition.to = S::kClosedPaid;
      return Ok{};
    case CloseReason::kAdministrativeConcluded:
      if (from == S::kCivilRoute || from == S::kExecution) {
        return Refusal("当前环节为「" + std::string(CaseStateNameZh(from)) + "」，不能以行政处理结案",
                       "the case is at '" + std::string(CaseStateNameEn(from)) + "' and cannot close administratively",
                       "reason");
      }
      // Closing a case the platform assesses as a crime (or cannot rule out) keeps it from the
      // police: that needs the reason, and the procuratorate is told (310号 §14; 规则 §557).
      if (NeverReachedThePolice(snapshot) && (snapshot.context.assessed_recommendation == Recommendation::kTransfer ||
                                              snapshot.context.assessed_recommendation == Recommendation::kConsult)) {
        if (IsBlankText(request.reason)) {
          return Refusal("平台依据本案事实的评估为「" +
                             std::string(RecommendationNameZh(*snapshot.context.assessed_recommendation)) +
                             "」，以行政处理结案须说明理由",
                         "the platform assesses the case's facts as '" +
                             std::string(RecommendationName(*snapshot.context.assessed_recommendation)) +
                             "': closing it administratively needs the reason",
                         "reason");
        }
        transition.notify_bodies.push_back(Body::kProcuratorate);
      }
      WatchForACaseKeptFromThePolice(snapshot, request, transition);
      transition.to = S::kClosedAdministrative;
      return Ok{};
    case CloseReason::kOther:
      if (auto ok = RequireReason(request, "以其他原因结案", "closes for another reason"); !ok) return ok;
      transition.to = S::kClosedOther;
      return Ok{};
  }
  return Ok{};
}

}  // namespace wagelink::domain
