#include "domain/case_machine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "case_walk.h"
#include "domain/case_steps.h"

namespace wagelink::domain {
namespace {

using test::At;
using test::kCoordinator;
using test::kHandler;
using test::kHead;
using test::kJudge;
using test::kLegalAidOfficer;
using test::kPoliceOfficer;
using test::kProsecutor;
using test::InState;
using test::Request;
using E = CaseEvent;
using S = CaseState;

constexpr std::string_view kLater = "2026-03-02T10:00:00+08:00";


Error Refused(const CaseSnapshot& snapshot, const StepRequest& request) {
  auto decided = Decide(snapshot, request);
  EXPECT_FALSE(decided.ok()) << CaseEventCode(request.event);
  if (decided.ok()) return Error{};
  EXPECT_EQ(decided.error().code, ErrorCode::kTransitionRefused);
  return decided.error();
}

bool Contains(const std::string& text, std::string_view part) {
  return text.find(part) != std::string::npos;
}

TEST(CaseMachine, RefusesAStepThatTheCurrentStateDoesNotAllowAndNamesTheState) {
  const Error error = Refused(InState(S::kScreening), Request(E::kApproveTransfer, kHead, kLater));
  EXPECT_EQ(error.field, "event");
  EXPECT_EQ(error.message_zh, "当前环节为「涉嫌犯罪甄别」，不能「批准移送」");
  EXPECT_TRUE(Contains(error.message_en, "crime screening"));
}

TEST(CaseMachine, RefusesEveryStepOnATerminalCase) {
  for (S state : AllCaseStates()) {
    if (!IsTerminal(state)) continue;
    for (E event : AllCaseEvents()) {
      for (const auto* actor : {&kHandler, &kHead, &kPoliceOfficer, &kProsecutor, &kJudge, &kLegalAidOfficer}) {
        auto decided = Decide(InState(state), Request(event, *actor, kLater, {}, "理由"));
        EXPECT_FALSE(decided.ok()) << CaseStateCode(state) << " " << CaseEventCode(event);
      }
    }
  }
}

TEST(CaseMachine, RefusesTheWrongBodyNamingTheBodyThatMayAct) {
  const Error error =
      Refused(InState(S::kTransferApproved), Request(E::kSendTransfer, kPoliceOfficer, kLater, TransferPayload{true}));
  EXPECT_EQ(error.field, "actor_body");
  EXPECT_TRUE(Contains(error.message_zh, "只有区人社局"));
  EXPECT_TRUE(Contains(error.message_zh, "「移送公安机关」"));

  const Error filing = Refused(InState(S::kPoliceReviewing), Request(E::kFileCase, kHandler, kLater));
  EXPECT_EQ(filing.message_zh, "只有公安分局可以「立案」");
  EXPECT_EQ(Refused(InState(S::kPoliceReviewing), Request(E::kFileCase, {"nowhere", {}}, kLater)).field, "actor_body");
}

TEST(CaseMachine, RefusesAUserOfTheRightBodyWithoutThePermission) {
  const Error error = Refused(InState(S::kTransferPendingApproval), Request(E::kApproveTransfer, kHandler, kLater));
  EXPECT_EQ(error.field, "actor_permissions");
  EXPECT_TRUE(Contains(error.message_zh, "case.transfer.approve"));
  // A liaison officer of the police holds no case.police.act.
  EXPECT_EQ(Refused(InState(S::kTransferred), Request(E::kSignReceipt, {"police", {"case.read"}}, kLater)).field,
            "actor_permissions");
}

TEST(CaseMachine, RefusesARefusalWithoutAReasonEvenIfOnlySpaces) {
  for (const char* blank : {"", "   ", "\u3000\u3000"}) {
    const Error error =
        Refused(InState(S::kTransferPendingApproval), Request(E::kRefuseTransfer, kHead, kLater, {}, blank));
    EXPECT_EQ(error.field, "reason");
  }
  EXPECT_EQ(Refused(InState(S::kPoliceReviewing), Request(E::kDeclineFiling, kPoliceOfficer, kLater)).field, "reason");
  EXPECT_EQ(Refused(InState(S::kReconsideration), Request(E::kDecideReconsideration, kPoliceOfficer, kLater,
                                                          ReconsiderationPayload{ReconsiderationResult::kUpheld}))
                .field,
            "reason");
  EXPECT_EQ(Refused(InState(S::kProsecutionReview), Request(E::kDecideProsecution, kProsecutor, kLater,
                                                            ProsecutionPayload{ProsecutionDecision::kNotProsecute}))
                .field,
            "reason");
  EXPECT_EQ(Refused(InState(S::kAdministrativeHandling),
                    Request(E::kCloseCase, kHandler, kLater, ClosePayload{CloseReason::kOther}))
                .field,
            "reason");
}

TEST(CaseMachine, CaseGroupNeedsTwoDistinctOfficersBeforeTheReport) {
  const CaseSnapshot preparing = InState(S::kTransferPreparation);
  const auto group = [&](std::vector<std::string> ids) {
    return Refused(preparing, Request(E::kFormCaseGroup, kHandler, kLater, CaseGroupPayload{std::move(ids)}));
  };
  EXPECT_EQ(group({"inspector-07"}).field, "officer_ids");
  EXPECT_TRUE(Contains(group({"inspector-07"}).message_zh, "国务院令第310号§5"));
  EXPECT_TRUE(Contains(group({"inspector-07", "inspector-07"}).message_zh, "重复"));
  EXPECT_EQ(group({"inspector-07", " "}).field, "officer_ids");

  const Error report = Refused(preparing, Request(E::kSubmitTransferReport, kHandler, kLater));
  EXPECT_EQ(report.field, "event");
  EXPECT_TRUE(Contains(report.message_zh, "专案组"));

  auto formed = Decide(preparing, Request(E::kFormCaseGroup, kHandler, kLater,
                                          CaseGroupPayload{{"inspector-07", "inspector-12", "inspector-07b"}}));
  ASSERT_TRUE(formed.ok());
  EXPECT_EQ(formed->progress.case_group_size, 3u);
}

TEST(CaseMachine, TransferCannotBeSentWhileThePackageIsIncompleteAndSaysWhatIsMissing) {
  CaseSnapshot approved = InState(S::kTransferApproved);
  approved.context.missing_transfer_materials = {"涉案物品清单", "送达回证"};
  const Error error = Refused(approved, Request(E::kSendTransfer, kHandler, kLater, TransferPayload{true}));
  EXPECT_EQ(error.field, "missing_transfer_materials");
  EXPECT_TRUE(Contains(error.message_zh, "涉案物品清单、送达回证"));
  EXPECT_TRUE(Contains(error.message_en, "incomplete"));

  approved.context.missing_transfer_materials.clear();
  EXPECT_EQ(Refused(approved, Request(E::kSendTransfer, kHandler, kLater, TransferPayload{false})).field,
            "copy_to_procuratorate");
  EXPECT_EQ(Refused(approved, Request(E::kSendTransfer, kHandler, kLater)).field, "payload");
}

TEST(CaseMachine, CannotCloseAsPaidWhileMoneyIsOutstanding) {
  CaseSnapshot snapshot = InState(S::kAdministrativeHandling);
  snapshot.context.outstanding = Fen::FromFen(6'640'000);
  const Error error =
      Refused(snapshot, Request(E::kCloseCase, kHandler, kLater, ClosePayload{CloseReason::kWorkersPaid}));
  EXPECT_EQ(error.field, "outstanding");
  EXPECT_TRUE(Contains(error.message_zh, "66,400.00"));
  // Nor record "paid in full by the deadline".
  CaseSnapshot pending = InState(S::kOrderPending);
  pending.progress.order_deadline = test::Date("2026-02-27");
  pending.context.outstanding = Fen::FromFen(1);
  EXPECT_EQ(Refused(pending, Request(E::kRecordOrderOutcome, kHandler, kLater,
                                     OrderOutcomePayload{OrderOutcome::kPaidInFullByDeadline}))
                .field,
            "outcome");
}

TEST(CaseMachine, RefusesUnpaidBeforeTheOrderDeadlineHasPassed) {
  CaseSnapshot pending = InState(S::kOrderPending);
  pending.progress.order_deadline = test::Date("2026-03-02");
  const auto unpaid = OrderOutcomePayload{OrderOutcome::kUnpaidAfterDeadline};
  EXPECT_EQ(Refused(pending, Request(E::kRecordOrderOutcome, kHandler, "2026-03-02T23:59:59+08:00", unpaid)).field,
            "outcome");
  EXPECT_TRUE(Decide(pending, Request(E::kRecordOrderOutcome, kHandler, "2026-03-03T00:00:00+08:00", unpaid)).ok());
}

TEST(CaseMachine, OrderPostedOrNotifiedByPhoneCountsOnlyWithEvidenceAndEndsAfterService) {
  const CaseSnapshot investigating = InState(S::kInvestigating);
  OrderPayload order{OrderDocumentKind::kHandlingDecision, test::Date("2026-03-09"), ServiceMethod::kPostedAtPremises,
                     At("2026-03-02T09:00:00+08:00"), false};
  EXPECT_EQ(Refused(investigating, Request(E::kIssueOrder, kHandler, kLater, order)).field,
            "service_evidence_recorded");
  order.service = ServiceMethod::kConfirmableNotice;
  EXPECT_EQ(Refused(investigating, Request(E::kIssueOrder, kHandler, kLater, order)).field,
            "service_evidence_recorded");
  order.service = ServiceMethod::kAdultFamilyMember;
  order.deadline = test::Date("2026-03-02");
  EXPECT_EQ(Refused(investigating, Request(E::kIssueOrder, kHandler, kLater, order)).field, "deadline");
  order.deadline = test::Date("2026-03-09");
  order.served_at = At("2026-03-02T11:00:00+08:00");  // after the step is recorded
  EXPECT_EQ(Refused(investigating, Request(E::kIssueOrder, kHandler, kLater, order)).field, "served_at");
}

TEST(CaseMachine, RefusesAStepDatedBeforeThePreviousOne) {
  const Error error =
      Refused(InState(S::kComplaintReceived), Request(E::kAcceptComplaint, kHandler, "2026-02-28T10:00:00+08:00"));
  EXPECT_EQ(error.field, "at");
}

TEST(CaseMachine, PoliceMayNotDeclineWhileMaterialsAreBeingSupplementedButMayFile) {
  const CaseSnapshot supplementing = InState(S::kMaterialsSupplement);
  EXPECT_EQ(Refused(supplementing, Request(E::kDeclineFiling, kPoliceOfficer, kLater, {}, "材料不全")).field, "event");
  auto filed = Decide(supplementing, Request(E::kFileCase, kPoliceOfficer, kLater));
  ASSERT_TRUE(filed.ok());
  const auto& stops = filed->clocks_to_stop;
  const auto l10 =
      std::find_if(stops.begin(), stops.end(), [](const ClockStop& stop) { return stop.rule_id == "L10"; });
  ASSERT_NE(l10, stops.end());
  EXPECT_EQ(l10->outcome, ClockOutcome::kWithdrawn);
}

TEST(CaseMachine, OnlyTheConsultedBodyMayAnswerAConsultation) {
  CaseSnapshot consulting = InState(S::kConsultation);
  consulting.progress.consulted_procuratorate = true;
  EXPECT_EQ(Refused(consulting, Request(E::kAnswerConsultation, kPoliceOfficer, kLater, {}, "意见")).field,
            "actor_body");
  EXPECT_TRUE(Decide(consulting, Request(E::kAnswerConsultation, kProsecutor, kLater, {}, "意见")).ok());
  EXPECT_EQ(Refused(InState(S::kScreening),
                    Request(E::kCompleteScreening, kHandler, kLater, ScreeningPayload{Recommendation::kConsult}))
                .field,
            "recommendation");
}

TEST(CaseMachine, AScreeningAgainstThePlatformsAssessmentNeedsAReasonAndTellsTheProcuratorate) {
  CaseSnapshot screening = InState(S::kScreening);
  screening.context.assessed_recommendation = Recommendation::kTransfer;
  screening.context.amount_threshold_met = true;
  EXPECT_EQ(Refused(screening, Request(E::kCompleteScreening, kHandler, kLater,
                                       ScreeningPayload{Recommendation::kAdministrative}))
                .field,
            "reason");
  auto departed = Decide(screening, Request(E::kCompleteScreening, kHandler, kLater,
                                            ScreeningPayload{Recommendation::kAdministrative}, "已达成分期还款协议"));
  ASSERT_TRUE(departed.ok()) << departed.error().message_en;
  EXPECT_EQ(departed->to, S::kAdministrativeHandling);
  EXPECT_NE(std::find(departed->notify_bodies.begin(), departed->notify_bodies.end(), Body::kProcuratorate),
            departed->notify_bodies.end());
  // The watch for a case kept from the police starts from the platform's assessment, not the client's.
  EXPECT_TRUE(std::any_of(departed->clocks_to_start.begin(), departed->clocks_to_start.end(),
                          [](const ClockStart& start) { return start.rule_id == "should_have_been_transferred"; }));
  screening.context.amount_threshold_met = std::nullopt;
  auto unknown = Decide(screening, Request(E::kCompleteScreening, kHandler, kLater,
                                           ScreeningPayload{Recommendation::kTransfer}));
  ASSERT_TRUE(unknown.ok());
  EXPECT_TRUE(std::none_of(unknown->clocks_to_start.begin(), unknown->clocks_to_start.end(),
                           [](const ClockStart& start) { return start.rule_id == "should_have_been_transferred"; }));
}

bool StartsTheWatch(const Transition& transition) {
  return std::any_of(transition.clocks_to_start.begin(), transition.clocks_to_start.end(),
                     [](const ClockStart& start) { return start.rule_id == "should_have_been_transferred"; });
}

TEST(CaseMachine, EveryDecisionThatKeepsACaseOverTheThresholdFromThePoliceStartsTheWatchOnce) {
  // The facts changed after the first screening (a finding, the province's figures): screening again
  // from administrative handling starts the watch, unless it already runs.
  CaseSnapshot handling = InState(S::kAdministrativeHandling);
  handling.context.amount_threshold_met = true;
  handling.context.assessed_recommendation = Recommendation::kTransfer;
  auto again = Decide(handling, Request(E::kCompleteScreening, kHandler, kLater,
                                        ScreeningPayload{Recommendation::kAdministrative}, "已分期履行"));
  ASSERT_TRUE(again.ok()) << again.error().message_en;
  EXPECT_TRUE(StartsTheWatch(*again));
  handling.context.open_clocks = {"L34", "should_have_been_transferred"};
  again = Decide(handling, Request(E::kCompleteScreening, kHandler, kLater,
                                   ScreeningPayload{Recommendation::kAdministrative}, "已分期履行"));
  ASSERT_TRUE(again.ok());
  EXPECT_FALSE(StartsTheWatch(*again)) << "one watch per case";

  // Closing it administratively against the assessment needs the reason and tells the procuratorate.
  handling.context.open_clocks.clear();
  for (const Recommendation assessed : {Recommendation::kTransfer, Recommendation::kConsult}) {
    handling.context.assessed_recommendation = assessed;
    EXPECT_EQ(Refused(handling, Request(E::kCloseCase, kHandler, kLater, ClosePayload{CloseReason::kAdministrativeConcluded}))
                  .field,
              "reason");
    auto closed = Decide(handling, Request(E::kCloseCase, kHandler, kLater,
                                           ClosePayload{CloseReason::kAdministrativeConcluded}, "已作行政处罚"));
    ASSERT_TRUE(closed.ok()) << closed.error().message_en;
    EXPECT_EQ(closed->to, S::kClosedAdministrative);
    EXPECT_NE(std::find(closed->notify_bodies.begin(), closed->notify_bodies.end(), Body::kProcuratorate),
              closed->notify_bodies.end());
    EXPECT_TRUE(StartsTheWatch(*closed)) << "the watch goes on after the close: only sending the transfer stops it";
  }
  // Handed back by the police (they refused to file it): not kept from them, an ordinary close.
  handling.progress.transfer_received_at = test::At("2026-02-02T10:00:00+08:00");
  auto returned = Decide(handling, Request(E::kCloseCase, kHandler, kLater, ClosePayload{CloseReason::kAdministrativeConcluded}));
  ASSERT_TRUE(returned.ok()) << returned.error().message_en;
  EXPECT_FALSE(StartsTheWatch(*returned));
  handling.progress.transfer_received_at.reset();
  // Assessed administrative and under the threshold: an ordinary close, nobody told.
  handling.context.assessed_recommendation = Recommendation::kAdministrative;
  handling.context.amount_threshold_met = false;
  auto ordinary = Decide(handling, Request(E::kCloseCase, kHandler, kLater, ClosePayload{CloseReason::kAdministrativeConcluded}));
  ASSERT_TRUE(ordinary.ok()) << ordinary.error().message_en;
  EXPECT_TRUE(ordinary->notify_bodies.empty());
  EXPECT_FALSE(StartsTheWatch(*ordinary));
}

TEST(CaseMachine, AnAdvanceByOthersIsNotTheActorPayingInFullWithinTheDeadline) {
  CaseSnapshot pending = InState(S::kOrderPending);
  pending.progress.order_deadline = test::Date("2026-03-05");
  pending.context.actor_unpaid = Fen::FromFen(12'000'000);  // the general contractor paid every worker
  EXPECT_EQ(Refused(pending, Request(E::kRecordOrderOutcome, kHandler, kLater,
                                     OrderOutcomePayload{OrderOutcome::kPaidInFullByDeadline}))
                .field,
            "outcome");
}

TEST(CaseMachine, PassingATransferOnRecordsTheTwentyFourHourClockAsAnswered) {
  CaseSnapshot reviewing = InState(S::kPoliceReviewing);
  reviewing.progress.transfer_received_at = At("2026-03-01T10:00:00+08:00");
  auto handed = Decide(reviewing, Request(E::kHandOverJurisdiction, kPoliceOfficer, kLater, {}, "属市局经侦支队管辖"));
  ASSERT_TRUE(handed.ok());
  EXPECT_EQ(handed->to, S::kHandedOver);
  ASSERT_EQ(handed->clocks_to_start.size(), 1u);
  const ClockStart& l08 = handed->clocks_to_start[0];
  EXPECT_EQ(l08.rule_id, "L08");
  EXPECT_EQ(l08.trigger, At("2026-03-01T10:00:00+08:00"));
  EXPECT_EQ(l08.answered_at, At(kLater));
  auto clocks = StartClocks(handed->clocks_to_start, test::OfficialTimeLimits(), test::OfficialCalendar());
  ASSERT_TRUE(clocks.ok());
  EXPECT_EQ(Evaluate((*clocks)[0], At(kLater)).status, ClockStatus::kMet);  // 24 h not yet passed
}

TEST(CaseMachine, TransitionExplainsTheStepWithItsBasisAndClocks) {
  auto decided = Decide(InState(S::kTransferPendingApproval), Request(E::kApproveTransfer, kHead, kLater));
  ASSERT_TRUE(decided.ok());
  EXPECT_TRUE(Contains(decided->explanation_zh, "国务院令第310号§5¶2"));
  EXPECT_TRUE(Contains(decided->explanation_zh, "移送待负责人审批 → 已批准移送"));
  // The clocks are named by the steps they time (the rules' actions), never by their ids.
  ExplainClocks(test::OfficialTimeLimits(), *decided);
  EXPECT_TRUE(Contains(decided->explanation_zh, "停止计时：正职负责人或主持工作的负责人作出批准或者不批准移送的决定（已履行）"))
      << decided->explanation_zh;
  EXPECT_TRUE(Contains(decided->explanation_zh, "开始计时："));
  EXPECT_FALSE(Contains(decided->explanation_zh, "L07"));
  EXPECT_TRUE(Contains(decided->explanation_en, "Clocks stopped: the head approves or refuses the transfer (met)"))
      << decided->explanation_en;
  EXPECT_EQ(decided->progress.state, S::kTransferApproved);
  EXPECT_EQ(decided->progress.last_step_at, At(kLater));
  EXPECT_TRUE(decided->notify_bodies.empty());  // the actor's own body is never notified
}

// ---- AvailableSteps ----

std::vector<E> Steps(const CaseSnapshot& snapshot, const test::Actor& actor) {
  return AvailableSteps(snapshot, actor.body, actor.permissions);
}

TEST(CaseMachineAvailableSteps, OffersEachBodyExactlyItsStepsInTheCurrentState) {
  const CaseSnapshot pending = InState(S::kTransferPendingApproval);
  EXPECT_EQ(Steps(pending, kHead), (std::vector<E>{E::kApproveTransfer, E::kRefuseTransfer}));
  EXPECT_TRUE(Steps(pending, kHandler).empty());
  EXPECT_TRUE(Steps(pending, kPoliceOfficer).empty());

  CaseSnapshot reviewing = InState(S::kPoliceReviewing);
  EXPECT_EQ(Steps(reviewing, kPoliceOfficer),
            (std::vector<E>{E::kNotifyIncompleteMaterials, E::kHandOverJurisdiction, E::kFileCase, E::kDeclineFiling}));
  reviewing.context.extendable_clocks = {"L11b"};
  EXPECT_EQ(Steps(reviewing, kPoliceOfficer).size(), 5u);  // + extend_filing_review
  EXPECT_TRUE(Steps(reviewing, kHandler).empty());
  EXPECT_EQ(Steps(reviewing, kProsecutor), (std::vector<E>{E::kJoinEarlyIntervention}));  // 规则 §256

  CaseSnapshot supervision = InState(S::kSupervision);
  supervision.progress.supervision = SupervisionStage::kRequested;
  EXPECT_EQ(Steps(supervision, kProsecutor), (std::vector<E>{E::kRequestReasons}));
  EXPECT_EQ(Steps(supervision, kPoliceOfficer), (std::vector<E>{E::kFileCase}));
  supervision.progress.supervision = SupervisionStage::kReasonsGiven;
  EXPECT_EQ(Steps(supervision, kProsecutor), (std::vector<E>{E::kFindReasonsValid, E::kOrderFiling}));

  const CaseSnapshot civil = InState(S::kCivilRoute);
  EXPECT_EQ(Steps(civil, kLegalAidOfficer), (std::vector<E>{E::kRequestLegalAid, E::kRecordCivilStep}));
  EXPECT_EQ(Steps(civil, kHandler), (std::vector<E>{E::kRequestLegalAid, E::kRecordCivilStep, E::kCloseCase}));
  EXPECT_EQ(Steps(civil, kJudge), (std::vector<E>{E::kRecordCivilStep}));
  EXPECT_EQ(Steps(civil, kProsecutor), (std::vector<E>{E::kIssueProcuratorialOpinion}));
}

TEST(CaseMachineAvailableSteps, OffersNothingToReadOnlyOrUnknownBodies) {
  for (S state : AllCaseStates()) {
    EXPECT_TRUE(Steps(InState(state), kCoordinator).empty()) << CaseStateCode(state);
    EXPECT_TRUE(AvailableSteps(InState(state), "nowhere", kHandler.permissions).empty());
  }
}

// Whatever AvailableSteps offers, Decide does not refuse for state, body, permission or situation —
// and whatever it withholds, Decide refuses for one of those (checked for every state and role).
TEST(CaseMachineAvailableSteps, AgreesWithDecideForEveryStateRoleAndStep) {
  const std::set<std::string> who_and_when{"event", "actor_body", "actor_permissions"};
  for (S state : AllCaseStates()) {
    const CaseSnapshot snapshot = InState(state);
    for (const auto* actor : {&kHandler, &kHead, &kPoliceOfficer, &kProsecutor, &kJudge, &kLegalAidOfficer}) {
      const std::vector<E> offered = Steps(snapshot, *actor);
      for (E event : AllCaseEvents()) {
        auto decided = Decide(snapshot, Request(event, *actor, kLater, {}, "理由"));
        const bool blocked = !decided.ok() && who_and_when.count(decided.error().field) > 0;
        const bool is_offered = std::find(offered.begin(), offered.end(), event) != offered.end();
        EXPECT_NE(is_offered, blocked) << CaseStateCode(state) << " " << actor->body << " " << CaseEventCode(event)
                                       << (decided.ok() ? "" : " " + decided.error().message_en);
      }
    }
  }
}

// ---- the tables ----

TEST(CaseMachineTables, EveryEventHasOneStepRuleWithAGrantAndALegalBasis) {
  const std::set<std::string_view> permissions{kPermCaseWrite,        kPermTransferApprove, kPermPoliceAct,
                                               kPermProcuratorateAct, kPermCourtAct,        kPermLegalAidAct};
  for (E event : AllCaseEvents()) {
    const StepRule& rule = StepRuleOf(event);
    EXPECT_EQ(rule.event, event) << CaseEventCode(event);
    EXPECT_FALSE(rule.grants.empty()) << CaseEventCode(event);
    EXPECT_FALSE(rule.basis.empty()) << CaseEventCode(event);
    for (const StepGrant& grant : rule.grants) EXPECT_TRUE(permissions.count(grant.permission)) << grant.permission;
    for (S state : AllCaseStates()) {
      EXPECT_FALSE(IsTerminal(state) && StartsFrom(rule, state)) << CaseEventCode(event);
    }
  }
}

TEST(CaseMachineTables, CodesAreUniqueAndRoundTrip) {
  std::set<std::string_view> codes;
  for (S state : AllCaseStates()) {
    EXPECT_TRUE(codes.insert(CaseStateCode(state)).second);
    EXPECT_EQ(ParseCaseStateCode(CaseStateCode(state)), state);
    EXPECT_FALSE(CaseStateNameZh(state).empty());
  }
  codes.clear();
  for (E event : AllCaseEvents()) {
    EXPECT_TRUE(codes.insert(CaseEventCode(event)).second);
    EXPECT_EQ(ParseCaseEventCode(CaseEventCode(event)), event);
  }
  EXPECT_EQ(AllCaseStates().size(), 25u);
  EXPECT_EQ(ParseCaseEventCode("delete_case"), std::nullopt);
  EXPECT_EQ(ParseServiceMethod("posted_at_premises"), ServiceMethod::kPostedAtPremises);
  EXPECT_EQ(CloseReasonCode(CloseReason::kWorkersPaid), "workers_paid");
  EXPECT_EQ(ParseSupervisionStage(SupervisionStageCode(SupervisionStage::kFilingOrdered)),
            SupervisionStage::kFilingOrdered);
  EXPECT_EQ(ParseLegalAidStage("lawyer_assigned"), LegalAidStage::kLawyerAssigned);
}

TEST(CaseMachineTables, EveryClockTheMachineStartsIsInTheDataAndIsStoppedBySomeStep) {
  for (const ClockRule& clock : ClockRules()) {
    EXPECT_NE(test::OfficialTimeLimits().Find(clock.rule_id), nullptr) << clock.rule_id;
    EXPECT_FALSE(clock.stopped_by.empty()) << clock.rule_id;
    for (const ClockStopRule& stop : clock.stopped_by) {
      EXPECT_NE(StepRuleOf(stop.event).from_states, 0u) << clock.rule_id;
    }
  }
  // The reverse-linkage reply rule is data, UNCONFIRMED and configurable (LEGAL.md §2.6, §8 item 7).
  const TimeLimitRule* reply = test::OfficialTimeLimits().Find("L32");
  ASSERT_NE(reply, nullptr);
  EXPECT_EQ(reply->status, SourceStatus::kUnconfirmed);
  EXPECT_TRUE(reply->configurable);
  EXPECT_EQ(reply->limit, 2);
  EXPECT_EQ(reply->unit, TimeUnit::kMonths);
}

}  // namespace
}  // namespace wagelink::domain
