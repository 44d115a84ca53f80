// The scenarios of SCENARIOS.md walked through the case machine with the real calendar and time
// limits: right body at each step, right clock, right due date, right status.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "case_walk.h"
#include "domain/case_machine.h"

namespace wagelink::domain {
namespace {

using test::At;
using test::CaseWalk;
using test::Date;
using test::kHandler;
using test::kHead;
using test::kJudge;
using test::kLegalAidOfficer;
using test::kPoliceOfficer;
using test::kProsecutor;
using test::StatusAt;
using E = CaseEvent;
using S = CaseState;

OrderPayload PostedOrder(std::string_view deadline, std::string_view served_at) {
  return OrderPayload{OrderDocumentKind::kRectificationOrder, Date(deadline), ServiceMethod::kPostedAtPremises,
                      At(served_at), true};
}

bool Notifies(const Transition& transition, Body body) {
  return std::find(transition.notify_bodies.begin(), transition.notify_bodies.end(), body) !=
         transition.notify_bodies.end();
}

// S1: 滨海花园二期, 14 workers, the boss absconds; every clock of the main path is met.
TEST(CaseScenarios, S1SubcontractorAbscondsIsTransferredAndFiledWithEveryClockMet) {
  CaseWalk walk("2025-12-01T09:00:00+08:00");
  EXPECT_EQ(walk.Clock("L01").due.due_date, Date("2025-12-08"));  // 5 working days (劳社部令第25号 §18)

  walk.Step(E::kAcceptComplaint, kHandler, "2025-12-01T16:00:00+08:00");
  EXPECT_EQ(walk.snapshot.progress.state, S::kInvestigating);
  EXPECT_EQ(walk.Clock("L02").due.due_date, Date("2026-03-02"));  // 60 working days (条例 §17)

  // Posted at the site with photos and video; deadline 2025-12-10 as the order states.
  walk.Step(E::kIssueOrder, kHandler, "2025-12-05T17:00:00+08:00",
            PostedOrder("2025-12-10", "2025-12-05T17:00:00+08:00"));
  EXPECT_EQ(walk.snapshot.progress.state, S::kOrderPending);
  EXPECT_EQ(walk.Clock("L03").due.due_date, Date("2025-12-10"));
  EXPECT_EQ(walk.Clock("L03").responsible_body, Body::kEmployer);

  walk.Step(E::kRecordOrderOutcome, kHandler, "2025-12-11T09:00:00+08:00",
            OrderOutcomePayload{OrderOutcome::kUnpaidAfterDeadline});
  EXPECT_EQ(walk.snapshot.progress.state, S::kScreening);
  EXPECT_EQ(StatusAt(walk.Clock("L03"), "2025-12-11T09:00:00+08:00"), ClockStatus::kNotMet);

  walk.snapshot.context.amount_threshold_met = true;  // the platform's own assessment of S1's facts
  walk.snapshot.context.assessed_recommendation = Recommendation::kTransfer;
  walk.Step(E::kCompleteScreening, kHandler, "2025-12-11T10:00:00+08:00", ScreeningPayload{Recommendation::kTransfer});
  EXPECT_EQ(walk.snapshot.progress.state, S::kTransferPreparation);
  EXPECT_FALSE(walk.Has("L05"));  // "立即" has no number unless the operator sets a target
  const StatutoryClock& watch = walk.Clock("should_have_been_transferred");
  EXPECT_EQ(watch.due.due_date, Date("2025-12-21"));  // 10 days from the order's expiry (platform setting)
  EXPECT_EQ(watch.supervisor_body, Body::kProcuratorate);

  walk.Step(E::kFormCaseGroup, kHandler, "2025-12-11T11:00:00+08:00",
            CaseGroupPayload{{"inspector-07", "inspector-12"}});
  walk.Step(E::kSubmitTransferReport, kHandler, "2025-12-11T15:00:00+08:00");
  EXPECT_EQ(walk.snapshot.progress.state, S::kTransferPendingApproval);
  EXPECT_EQ(walk.Clock("L06").due.due_date, Date("2025-12-15"));  // 3 days end on Sunday 12-14: rolled over
  EXPECT_TRUE(walk.Clock("L06").due.rolled_over);

  walk.Step(E::kApproveTransfer, kHead, "2025-12-12T10:00:00+08:00");
  EXPECT_EQ(walk.Clock("L07").due.due_instant, At("2025-12-13T10:00:00+08:00"));  // 24 hours

  const Transition sent = walk.Step(E::kSendTransfer, kHandler, "2025-12-12T15:00:00+08:00", TransferPayload{true});
  EXPECT_EQ(sent.to, S::kTransferred);
  EXPECT_TRUE(Notifies(sent, Body::kPolice));
  EXPECT_TRUE(Notifies(sent, Body::kProcuratorate));

  walk.Step(E::kSignReceipt, kPoliceOfficer, "2025-12-12T17:30:00+08:00");
  EXPECT_EQ(walk.Clock("L11").due.due_date, Date("2025-12-15"));  // 3 days (310号 §8)
  EXPECT_EQ(walk.Clock("L09").kind, ClockKind::kWindow);
  EXPECT_EQ(walk.Clock("L09").due.due_instant, At("2025-12-13T17:30:00+08:00"));

  const Transition filed = walk.Step(E::kFileCase, kPoliceOfficer, "2025-12-15T10:00:00+08:00");
  EXPECT_EQ(filed.to, S::kPoliceInvestigating);
  EXPECT_TRUE(Notifies(filed, Body::kHrss));
  EXPECT_FALSE(walk.Has("L20"));  // not a supervised filing
  EXPECT_EQ(walk.Clock("L15").due.due_date, Date("2025-12-18"));

  const std::string_view now = "2025-12-16T09:00:00+08:00";
  for (const char* id : {"L01", "L02", "L06", "L07", "L11", "should_have_been_transferred"}) {
    EXPECT_EQ(StatusAt(walk.Clock(id), now), ClockStatus::kMet) << id;
  }
  EXPECT_EQ(StatusAt(walk.Clock("L09"), now), ClockStatus::kWithdrawn);  // the window went unused
  EXPECT_EQ(StatusAt(walk.Clock("L15"), now), ClockStatus::kRunning);
  walk.Step(E::kHandOverMaterials, kHandler, "2025-12-16T10:00:00+08:00");
  EXPECT_EQ(StatusAt(walk.Clock("L15"), now), ClockStatus::kMet);
}

// S2: the police refuse; 复议 fails; the procuratorate supervises and orders filing.
TEST(CaseScenarios, S2RefusalGoesThroughReconsiderationAndSupervisionToFiling) {
  CaseProgress transferred;
  transferred.state = S::kTransferred;
  transferred.last_step_at = At("2026-03-10T09:00:00+08:00");
  CaseWalk walk(transferred);

  walk.Step(E::kSignReceipt, kPoliceOfficer, "2026-03-10T11:00:00+08:00");
  EXPECT_EQ(walk.Clock("L11").due.due_date, Date("2026-03-13"));

  const Transition declined =
      walk.Step(E::kDeclineFiling, kPoliceOfficer, "2026-03-13T16:00:00+08:00", {}, "民事纠纷，不属刑事案件");
  EXPECT_EQ(declined.to, S::kFilingRefused);
  EXPECT_TRUE(Notifies(declined, Body::kProcuratorate));
  EXPECT_EQ(walk.Clock("L12").due.due_date, Date("2026-03-16"));

  walk.Step(E::kRequestReconsideration, kHandler, "2026-03-16T10:00:00+08:00", {}, "企业有能力支付而拒不支付");
  EXPECT_EQ(walk.Clock("L13").due.due_date, Date("2026-03-19"));

  walk.Step(E::kDecideReconsideration, kPoliceOfficer, "2026-03-19T15:00:00+08:00",
            ReconsiderationPayload{ReconsiderationResult::kUpheld}, "维持原决定");
  EXPECT_EQ(walk.snapshot.progress.state, S::kFilingRefused);
  EXPECT_EQ(walk.Clock("L14").due.due_date, Date("2026-03-23"));  // Sunday 03-22 rolls to Monday
  // 复议 is spent: only supervision (or administrative handling) is left to labour inspection.
  const auto steps = AvailableSteps(walk.snapshot, kHandler.body, kHandler.permissions);
  EXPECT_EQ(steps, (std::vector<CaseEvent>{E::kAcceptFilingRefusal, E::kRequestSupervision}));

  walk.Step(E::kRequestSupervision, kHandler, "2026-03-20T09:30:00+08:00", {}, "不予立案理由不能成立");
  EXPECT_EQ(walk.snapshot.progress.state, S::kSupervision);
  walk.Step(E::kRequestReasons, kProsecutor, "2026-03-23T09:00:00+08:00");
  EXPECT_EQ(walk.Clock("L16").due.due_date, Date("2026-03-30"));  // 7 days (规则 §560)
  walk.Step(E::kGiveReasons, kPoliceOfficer, "2026-03-27T11:00:00+08:00", {}, "属民事纠纷");
  walk.Step(E::kOrderFiling, kProsecutor, "2026-03-31T10:00:00+08:00", {}, "有能力支付而不支付，理由不成立");
  EXPECT_EQ(walk.snapshot.progress.supervision, SupervisionStage::kFilingOrdered);
  EXPECT_EQ(walk.Clock("L18").due.due_date, Date("2026-04-15"));  // 15 days (规则 §563)

  const Transition filed = walk.Step(E::kFileCase, kPoliceOfficer, "2026-04-08T10:00:00+08:00");
  EXPECT_EQ(filed.to, S::kPoliceInvestigating);
  EXPECT_EQ(walk.Clock("L20").due.due_date, Date("2026-07-08"));  // 3 months under supervision (规则 §564)
  EXPECT_EQ(walk.Clock("L15").due.due_date, Date("2026-04-13"));  // Saturday 04-11 rolls to Monday

  const std::string_view now = "2026-04-08T12:00:00+08:00";
  for (const char* id : {"L11", "L12", "L13", "L14", "L16", "L18"}) {
    EXPECT_EQ(StatusAt(walk.Clock(id), now), ClockStatus::kMet) << id;
  }
  EXPECT_EQ(StatusAt(walk.Clock("L20"), now), ClockStatus::kRunning);
}

// S3: the restaurant pays within the order's deadline: closed administratively, nothing to the police.
TEST(CaseScenarios, S3PaidWithinTheDeadlineClosesAdministrativelyWithoutTransferClocks) {
  CaseProgress investigating;
  investigating.state = S::kInvestigating;
  investigating.last_step_at = At("2025-12-29T10:00:00+08:00");
  CaseWalk walk(investigating);
  walk.snapshot.context.outstanding = Fen::FromFen(3'870'000);

  walk.Step(E::kIssueOrder, kHandler, "2026-01-05T10:00:00+08:00",
            OrderPayload{OrderDocumentKind::kRectificationOrder, Date("2026-01-12"), ServiceMethod::kServed,
                         At("2026-01-05T10:00:00+08:00"), false});
  EXPECT_EQ(walk.Clock("L03").due.due_date, Date("2026-01-12"));
  // The employer's windows to challenge the order (行政复议法 §20: 60 days; 行政诉讼法 §46: 6 months).
  EXPECT_EQ(walk.Clock("L35").due.due_date, Date("2026-03-06"));
  EXPECT_EQ(walk.Clock("L35").kind, ClockKind::kWindow);
  EXPECT_EQ(walk.Clock("L36").due.due_date, Date("2026-07-06"));  // 07-05 is a Sunday: rolled over
  EXPECT_EQ(walk.Clock("L36").due.roll_over_status, SourceStatus::kUnconfirmed);
  EXPECT_EQ(StatusAt(walk.Clock("L35"), "2026-03-06T23:59:59+08:00"), ClockStatus::kRunning);
  EXPECT_EQ(StatusAt(walk.Clock("L35"), "2026-03-07T00:00:01+08:00"), ClockStatus::kExpired);

  walk.snapshot.context.outstanding = Fen{};  // paid in full on 2026-01-09 (recorded by the service)
  const Transition closed = walk.Step(E::kRecordOrderOutcome, kHandler, "2026-01-09T16:00:00+08:00",
                                      OrderOutcomePayload{OrderOutcome::kPaidInFullByDeadline});
  EXPECT_EQ(closed.to, S::kClosedAdministrative);
  EXPECT_TRUE(closed.clocks_to_start.empty());
  EXPECT_EQ(StatusAt(walk.Clock("L03"), "2026-01-20T00:00:00+08:00"), ClockStatus::kMet);
  for (const char* id : {"should_have_been_transferred", "L05", "L06", "L07", "L11"}) EXPECT_FALSE(walk.Has(id)) << id;
  EXPECT_TRUE(AvailableSteps(walk.snapshot, kHandler.body, kHandler.permissions).empty());
}

// S4: not a crime, but the workers still need their money: legal aid within 7 + 3 days.
TEST(CaseScenarios, S4CivilRouteRunsLegalAidClocksAndClosesOnlyWhenWorkersArePaid) {
  CaseProgress screening;
  screening.state = S::kScreening;
  screening.order_deadline = Date("2026-02-25");
  screening.last_step_at = At("2026-02-27T10:00:00+08:00");
  CaseWalk walk(screening);
  walk.snapshot.context.outstanding = Fen::FromFen(9'700'000);
  walk.snapshot.context.amount_threshold_met = true;
  walk.snapshot.context.assessed_recommendation = Recommendation::kCivil;
  walk.snapshot.context.unpaid_period_end = Date("2026-01-31");

  const Transition civil = walk.Step(E::kCompleteScreening, kHandler, "2026-03-02T09:00:00+08:00",
                                     ScreeningPayload{Recommendation::kCivil});
  EXPECT_EQ(civil.to, S::kCivilRoute);
  EXPECT_TRUE(Notifies(civil, Body::kJustice));
  // Over the threshold and unpaid: the 有案不移 watch runs even on the civil route (issue 4).
  EXPECT_TRUE(walk.Has("should_have_been_transferred"));
  // 劳动争议调解仲裁法 §27: one year from the end of the unpaid period, a window legal aid watches.
  EXPECT_EQ(walk.Clock("L37").due.due_date, Date("2027-02-01"));  // 2027-01-31 is a Sunday: rolled over
  EXPECT_EQ(walk.Clock("L37").kind, ClockKind::kWindow);
  EXPECT_EQ(walk.Clock("L37").responsible_body, Body::kJustice);

  walk.Step(E::kRequestLegalAid, kHandler, "2026-03-02T14:00:00+08:00");
  EXPECT_EQ(walk.Clock("L23").due.due_date, Date("2026-03-09"));  // 7 days (法律援助法 §43)
  EXPECT_EQ(walk.Clock("L23").responsible_body, Body::kJustice);
  walk.Step(E::kDecideLegalAid, kLegalAidOfficer, "2026-03-06T11:00:00+08:00",
            LegalAidPayload{LegalAidDecision::kGranted});
  EXPECT_EQ(walk.Clock("L24").due.due_date, Date("2026-03-09"));  // 3 days
  walk.Step(E::kAssignLawyer, kLegalAidOfficer, "2026-03-09T15:00:00+08:00");
  EXPECT_EQ(walk.snapshot.progress.legal_aid, LegalAidStage::kLawyerAssigned);
  for (const char* id : {"L23", "L24"}) {
    EXPECT_EQ(StatusAt(walk.Clock(id), "2026-03-10T00:00:00+08:00"), ClockStatus::kMet) << id;
  }

  GreenChannel green{true, true, true, true, true};
  walk.Step(E::kRecordCivilStep, kJudge, "2026-03-16T10:00:00+08:00",
            CivilStepPayload{CivilStepKind::kLitigation, green});

  auto refused = Decide(walk.snapshot, test::Request(E::kCloseCase, kHandler, "2026-04-20T10:00:00+08:00",
                                                     ClosePayload{CloseReason::kWorkersPaid}));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "outstanding");

  walk.snapshot.context.outstanding = Fen{};
  const Transition paid =
      walk.Step(E::kCloseCase, kHandler, "2026-04-20T10:00:00+08:00", ClosePayload{CloseReason::kWorkersPaid});
  EXPECT_EQ(paid.to, S::kClosedPaid);
}

// 不起诉 → 检察意见 to labour inspection (reverse linkage) with a reply clock; no closing before it.
TEST(CaseScenarios, NonProsecutionLeadsToAProcuratorialOpinionThatMustBeAnsweredBeforeClosing) {
  CaseProgress review;
  review.state = S::kProsecutionReview;
  review.last_step_at = At("2026-04-01T09:00:00+08:00");
  CaseWalk walk(review);

  walk.Step(E::kDecideProsecution, kProsecutor, "2026-04-20T10:00:00+08:00",
            ProsecutionPayload{ProsecutionDecision::kNotProsecute}, "全部工资已在提起公诉前支付，犯罪情节轻微");
  EXPECT_EQ(walk.snapshot.progress.state, S::kAdministrativeHandling);
  walk.Step(E::kIssueProcuratorialOpinion, kProsecutor, "2026-04-22T10:00:00+08:00", {}, "建议给予行政处罚");
  const StatutoryClock& reply = walk.Clock("L32");
  EXPECT_EQ(reply.due.due_date, Date("2026-06-22"));  // 2 months, UNCONFIRMED and configurable
  EXPECT_EQ(reply.supervisor_body, Body::kProcuratorate);

  auto close = Decide(walk.snapshot, test::Request(E::kCloseCase, kHandler, "2026-05-01T10:00:00+08:00",
                                                   ClosePayload{CloseReason::kAdministrativeConcluded}));
  ASSERT_FALSE(close.ok());
  EXPECT_NE(close.error().message_zh.find("检察意见尚未回复"), std::string::npos);

  walk.Step(E::kReplyProcuratorialOpinion, kHandler, "2026-05-10T10:00:00+08:00", {}, "已作出行政处罚决定");
  EXPECT_EQ(StatusAt(walk.Clock("L32"), "2026-05-10T12:00:00+08:00"), ClockStatus::kMet);
  EXPECT_EQ(walk.Step(E::kCloseCase, kHandler, "2026-05-11T10:00:00+08:00",
                      ClosePayload{CloseReason::kAdministrativeConcluded})
                .to,
            S::kClosedAdministrative);
}

// Prosecution → trial → judgment → execution, each with its clock.
TEST(CaseScenarios, CriminalChainRunsToExecutionWithItsClocks) {
  CaseProgress investigating;
  investigating.state = S::kPoliceInvestigating;
  investigating.last_step_at = At("2026-01-05T09:00:00+08:00");
  CaseWalk walk(investigating);

  walk.Step(E::kConcludeInvestigation, kPoliceOfficer, "2026-03-02T10:00:00+08:00",
            InvestigationPayload{InvestigationResult::kForProsecution});
  EXPECT_EQ(walk.Clock("L21").due.due_date, Date("2026-04-02"));  // 1 month (刑诉法 §172)
  walk.Step(E::kExtendProsecutionReview, kProsecutor, "2026-03-30T10:00:00+08:00", {}, "案情重大复杂");
  EXPECT_EQ(walk.Clock("L21").due.due_date, Date("2026-04-17"));                        // +15 days
  EXPECT_TRUE(AvailableSteps(walk.snapshot, kJudge.body, kJudge.permissions).empty());  // nothing to accept yet
  walk.Step(E::kDecideProsecution, kProsecutor, "2026-04-10T10:00:00+08:00",
            ProsecutionPayload{ProsecutionDecision::kProsecute});
  EXPECT_EQ(walk.snapshot.progress.state, S::kProsecutionReview);
  walk.Step(E::kAcceptTrial, kJudge, "2026-04-13T10:00:00+08:00");
  EXPECT_EQ(walk.Clock("L22").due.due_date, Date("2026-06-15"));  // 2 months; Saturday 06-13 rolls over
  const Transition judged =
      walk.Step(E::kDeliverJudgment, kJudge, "2026-05-28T10:00:00+08:00", JudgmentPayload{Verdict::kConvicted});
  EXPECT_EQ(judged.to, S::kExecution);
  EXPECT_TRUE(Notifies(judged, Body::kHrss));
  walk.Step(E::kRecordExecution, kJudge, "2026-06-10T10:00:00+08:00", {}, "优先执行，已划扣 66,400 元");
  walk.Step(E::kCloseCase, kHandler, "2026-06-11T10:00:00+08:00", ClosePayload{CloseReason::kWorkersPaid});
  EXPECT_EQ(walk.snapshot.progress.state, S::kClosedPaid);
}

}  // namespace
}  // namespace wagelink::domain
