// The two side branches of the case machine: the procuratorate's early intervention (提前介入,
// 人民检察院刑事诉讼规则 §256) and the police's handling of a malicious wage claim (恶意讨薪,
// 保障农民工工资支付条例 §7). Neither changes the case's state; each has its own progress.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "case_walk.h"
#include "domain/case_steps.h"

namespace wagelink::domain {
namespace {

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


std::vector<E> Steps(const CaseSnapshot& snapshot, const test::Actor& actor) {
  return AvailableSteps(snapshot, actor.body, actor.permissions);
}

bool Offers(const CaseSnapshot& snapshot, const test::Actor& actor, E event) {
  const auto steps = Steps(snapshot, actor);
  return std::find(steps.begin(), steps.end(), event) != steps.end();
}

bool Tells(const Transition& transition, Body body) {
  return std::find(transition.notify_bodies.begin(), transition.notify_bodies.end(), body) !=
         transition.notify_bodies.end();
}

Error Refused(const CaseSnapshot& snapshot, const StepRequest& request) {
  auto decided = Decide(snapshot, request);
  EXPECT_FALSE(decided.ok()) << CaseEventCode(request.event);
  if (decided.ok()) return Error{};
  EXPECT_EQ(decided.error().code, ErrorCode::kTransitionRefused);
  return decided.error();
}

EarlyInterventionPayload Ground(InterventionGround ground) { return EarlyInterventionPayload{ground}; }

MaliciousClaimReferralPayload S7Findings() {
  MaliciousClaimReferralPayload findings;
  findings.no_arrears = true;
  findings.forged_records = true;
  findings.blocking_offices = true;
  return findings;
}

// ---- 提前介入 ----

TEST(EarlyIntervention, TheProcuratorateMayJoinAtScreeningConsultationAndWhileThePoliceHaveTheCaseOnly) {
  const std::set<S> joinable{S::kScreening, S::kConsultation, S::kPoliceReviewing, S::kMaterialsSupplement,
                             S::kPoliceInvestigating};
  for (S state : AllCaseStates()) {
    EXPECT_EQ(Offers(InState(state), kProsecutor, E::kJoinEarlyIntervention), joinable.contains(state))
        << CaseStateCode(state);
    for (const auto* other : {&kHandler, &kHead, &kPoliceOfficer, &kJudge, &kLegalAidOfficer}) {
      EXPECT_FALSE(Offers(InState(state), *other, E::kJoinEarlyIntervention)) << other->body;
    }
  }
  const Error wrong_body = Refused(InState(S::kScreening), Request(E::kJoinEarlyIntervention, kHandler, kLater,
                                                                   Ground(InterventionGround::kOwnInitiative), "重大"));
  EXPECT_EQ(wrong_body.field, "actor_body");
  const Error too_early = Refused(InState(S::kInvestigating), Request(E::kJoinEarlyIntervention, kProsecutor, kLater,
                                                                      Ground(InterventionGround::kOwnInitiative), "x"));
  EXPECT_EQ(too_early.field, "event");
}

TEST(EarlyIntervention, JoiningNeedsAReasonAndAGroundThatFitsWhereTheCaseIs) {
  const Error no_reason = Refused(InState(S::kScreening), Request(E::kJoinEarlyIntervention, kProsecutor, kLater,
                                                                  Ground(InterventionGround::kOwnInitiative), "　 "));
  EXPECT_EQ(no_reason.field, "reason");
  const Error no_payload =
      Refused(InState(S::kScreening), Request(E::kJoinEarlyIntervention, kProsecutor, kLater, {}, "重大疑难"));
  EXPECT_EQ(no_payload.field, "payload");
  // The police cannot have asked while they do not have the case; labour inspection must really have asked.
  const Error police = Refused(InState(S::kScreening), Request(E::kJoinEarlyIntervention, kProsecutor, kLater,
                                                               Ground(InterventionGround::kPoliceRequest), "应商请"));
  EXPECT_EQ(police.field, "ground");
  const Error agency = Refused(InState(S::kConsultation), Request(E::kJoinEarlyIntervention, kProsecutor, kLater,
                                                                  Ground(InterventionGround::kAgencyRequest), "应商请"));
  EXPECT_EQ(agency.field, "ground");
  EXPECT_TRUE(Decide(InState(S::kPoliceReviewing), Request(E::kJoinEarlyIntervention, kProsecutor, kLater,
                                                           Ground(InterventionGround::kPoliceRequest), "公安商请"))
                  .ok());
}

TEST(EarlyIntervention, JoiningOpinionsRepliesAndTheEndNeverChangeTheStateAndEachOpinionStays) {
  test::CaseWalk walk(InState(S::kScreening).progress);
  auto asked = walk.Step(E::kRequestEarlyIntervention, kHandler, "2026-03-02T09:00:00+08:00", {}, "性质难以认定，商请提前介入");
  EXPECT_EQ(asked.to, S::kScreening);
  EXPECT_TRUE(Tells(asked, Body::kProcuratorate));
  EXPECT_EQ(walk.snapshot.progress.early_intervention, EarlyInterventionStage::kRequested);
  EXPECT_FALSE(Offers(walk.snapshot, kHandler, E::kRequestEarlyIntervention)) << "asked once is enough";

  auto joined = walk.Step(E::kJoinEarlyIntervention, kProsecutor, "2026-03-02T10:00:00+08:00",
                          Ground(InterventionGround::kAgencyRequest), "应劳动保障监察大队商请");
  EXPECT_EQ(joined.from, S::kScreening);
  EXPECT_EQ(joined.to, S::kScreening);
  EXPECT_TRUE(joined.clocks_to_start.empty()) << "no time limit in LEGAL.md for an intervention";
  EXPECT_TRUE(Tells(joined, Body::kHrss));
  EXPECT_FALSE(Tells(joined, Body::kPolice)) << "the police do not have the case yet";
  EXPECT_EQ(walk.snapshot.progress.early_intervention, EarlyInterventionStage::kJoined);
  EXPECT_FALSE(Offers(walk.snapshot, kProsecutor, E::kJoinEarlyIntervention));

  for (int i = 1; i <= 3; ++i) {
    auto opinion = walk.Step(E::kGiveInterventionOpinion, kProsecutor, "2026-03-03T10:0" + std::to_string(i) + ":00+08:00",
                             InterventionOpinionPayload{OpinionAspect::kEvidence}, "建议调取银行流水");
    EXPECT_EQ(opinion.to, S::kScreening);
    EXPECT_TRUE(Tells(opinion, Body::kHrss));
  }
  EXPECT_EQ(walk.snapshot.progress.intervention_opinions, 3u);
  EXPECT_TRUE(Offers(walk.snapshot, kHandler, E::kReplyInterventionOpinion));
  auto reply = walk.Step(E::kReplyInterventionOpinion, kHandler, "2026-03-04T10:00:00+08:00", {}, "已调取");
  EXPECT_EQ(reply.to, S::kScreening);
  EXPECT_TRUE(Tells(reply, Body::kProcuratorate));
  EXPECT_FALSE(Offers(walk.snapshot, kHandler, E::kReplyInterventionOpinion)) << "nothing left to answer";

  // The case moves on; the procuratorate stays with it and the police hear of its opinions once they have it.
  walk.snapshot.progress.state = S::kPoliceReviewing;
  auto with_police = walk.Step(E::kGiveInterventionOpinion, kProsecutor, "2026-03-10T10:00:00+08:00",
                               InterventionOpinionPayload{OpinionAspect::kCharacterisation}, "构成拒不支付劳动报酬罪");
  EXPECT_EQ(with_police.to, S::kPoliceReviewing);
  EXPECT_TRUE(Tells(with_police, Body::kPolice));
  EXPECT_TRUE(Tells(with_police, Body::kHrss));

  auto ended = walk.Step(E::kEndEarlyIntervention, kProsecutor, "2026-03-11T10:00:00+08:00");
  EXPECT_EQ(ended.to, S::kPoliceReviewing);
  EXPECT_EQ(walk.snapshot.progress.early_intervention, EarlyInterventionStage::kEnded);
  EXPECT_FALSE(Offers(walk.snapshot, kProsecutor, E::kGiveInterventionOpinion));
  EXPECT_EQ(Refused(walk.snapshot, Request(E::kGiveInterventionOpinion, kProsecutor, "2026-03-12T10:00:00+08:00",
                                           InterventionOpinionPayload{}, "再提意见"))
                .field,
            "event");
  EXPECT_TRUE(Offers(walk.snapshot, kProsecutor, E::kJoinEarlyIntervention)) << "it may join again";
}

TEST(EarlyIntervention, OpinionsNeedTheTextAndAJoinedProcuratorate) {
  CaseSnapshot screening = InState(S::kScreening);
  EXPECT_FALSE(Offers(screening, kProsecutor, E::kGiveInterventionOpinion));
  EXPECT_FALSE(Offers(screening, kProsecutor, E::kEndEarlyIntervention));
  EXPECT_EQ(Refused(screening, Request(E::kGiveInterventionOpinion, kProsecutor, kLater, InterventionOpinionPayload{},
                                       "意见"))
                .field,
            "event");
  screening.progress.early_intervention = EarlyInterventionStage::kJoined;
  EXPECT_EQ(Refused(screening, Request(E::kGiveInterventionOpinion, kProsecutor, kLater, InterventionOpinionPayload{}))
                .field,
            "reason");
  EXPECT_EQ(Refused(screening, Request(E::kGiveInterventionOpinion, kPoliceOfficer, kLater,
                                       InterventionOpinionPayload{}, "意见"))
                .field,
            "actor_body");
}

TEST(EarlyIntervention, ClosingTheCaseEndsTheIntervention) {
  CaseSnapshot screening = InState(S::kScreening);
  screening.progress.early_intervention = EarlyInterventionStage::kJoined;
  auto closed = Decide(screening, Request(E::kCloseCase, kHandler, kLater, ClosePayload{CloseReason::kOther}, "撤诉"));
  ASSERT_TRUE(closed.ok()) << closed.error().message_en;
  EXPECT_EQ(closed->to, S::kClosedOther);
  EXPECT_EQ(closed->progress.early_intervention, EarlyInterventionStage::kEnded);
}

// ---- 恶意讨薪 ----

TEST(MaliciousClaim, OnlyLabourInspectionRefersItAndOnlyWhileInvestigatingWithTheFindingAndNoArrears) {
  for (S state : AllCaseStates()) {
    EXPECT_EQ(Offers(InState(state), kHandler, E::kReferMaliciousClaim), state == S::kInvestigating)
        << CaseStateCode(state);
    EXPECT_FALSE(Offers(InState(state), kPoliceOfficer, E::kReferMaliciousClaim));
  }
  const CaseSnapshot investigating = InState(S::kInvestigating);
  EXPECT_EQ(Refused(investigating, Request(E::kReferMaliciousClaim, kHandler, kLater, S7Findings())).field, "reason");
  MaliciousClaimReferralPayload owed = S7Findings();
  owed.no_arrears = false;
  EXPECT_EQ(Refused(investigating, Request(E::kReferMaliciousClaim, kHandler, kLater, owed, "围堵")).field,
            "no_arrears")
      << "real arrears are never treated as a malicious claim";
  MaliciousClaimReferralPayload vague;
  vague.no_arrears = true;
  EXPECT_EQ(Refused(investigating, Request(E::kReferMaliciousClaim, kHandler, kLater, vague, "恶意")).field,
            "forged_records");
}

TEST(MaliciousClaim, TheBranchRunsReferredAcceptedThenOneOutcomeWithoutChangingTheState) {
  test::CaseWalk walk("2026-04-13T10:00:00+08:00");
  walk.Step(E::kAcceptComplaint, kHandler, "2026-04-13T14:00:00+08:00");
  auto referred = walk.Step(E::kReferMaliciousClaim, kHandler, "2026-04-20T10:00:00+08:00", S7Findings(),
                            "考勤表系伪造，不存在欠薪事实");
  EXPECT_EQ(referred.to, S::kInvestigating);
  EXPECT_TRUE(Tells(referred, Body::kPolice));
  EXPECT_TRUE(referred.clocks_to_start.empty()) << "no time limit in LEGAL.md for this branch";
  EXPECT_TRUE(walk.Clock("L02").stopped_at.has_value()) << "finding no arrears concludes the investigation";
  EXPECT_EQ(walk.Clock("L02").outcome, ClockOutcome::kMet);
  EXPECT_EQ(walk.snapshot.progress.malicious_claim, MaliciousClaimStage::kReferred);
  EXPECT_FALSE(Offers(walk.snapshot, kHandler, E::kReferMaliciousClaim)) << "referred once";
  EXPECT_FALSE(Offers(walk.snapshot, kHandler, E::kCloseCase)) << "the case waits for the police's outcome";
  EXPECT_EQ(Steps(walk.snapshot, kPoliceOfficer), (std::vector<E>{E::kAcceptMaliciousClaim}));

  auto accepted = walk.Step(E::kAcceptMaliciousClaim, kPoliceOfficer, "2026-04-20T15:00:00+08:00");
  EXPECT_EQ(accepted.to, S::kInvestigating);
  EXPECT_TRUE(Tells(accepted, Body::kHrss));
  EXPECT_EQ(Steps(walk.snapshot, kPoliceOfficer), (std::vector<E>{E::kDecideMaliciousClaim}));

  auto decided = walk.Step(E::kDecideMaliciousClaim, kPoliceOfficer, "2026-04-22T10:00:00+08:00",
                           MaliciousClaimOutcomePayload{MaliciousClaimOutcome::kPublicOrderPenalty, "", "行政拘留十日"});
  EXPECT_EQ(decided.to, S::kInvestigating);
  EXPECT_TRUE(Tells(decided, Body::kHrss));
  EXPECT_FALSE(Tells(decided, Body::kProcuratorate));
  EXPECT_EQ(walk.snapshot.progress.malicious_claim, MaliciousClaimStage::kPublicOrderPenalty);
  EXPECT_TRUE(Steps(walk.snapshot, kPoliceOfficer).empty()) << "the branch is closed";
  EXPECT_TRUE(Offers(walk.snapshot, kHandler, E::kCloseCase));
  auto closed = walk.Step(E::kCloseCase, kHandler, "2026-04-22T11:00:00+08:00", ClosePayload{CloseReason::kOther},
                          "经查无欠薪事实，属恶意讨薪");
  EXPECT_EQ(closed.to, S::kClosedOther);
}

TEST(MaliciousClaim, EachOutcomeCarriesExactlyItsOwnFact) {
  CaseSnapshot accepted = InState(S::kInvestigating);
  accepted.progress.malicious_claim = MaliciousClaimStage::kAccepted;
  using O = MaliciousClaimOutcome;
  auto decide = [&](MaliciousClaimOutcomePayload payload, std::string reason = {}) {
    return Decide(accepted, Request(E::kDecideMaliciousClaim, kPoliceOfficer, kLater, std::move(payload), std::move(reason)));
  };
  EXPECT_EQ(decide({O::kCriminalCase, " ", ""}).error().field, "charge");
  EXPECT_EQ(decide({O::kPublicOrderPenalty, "", ""}).error().field, "penalty");
  EXPECT_EQ(decide({O::kPublicOrderPenalty, "寻衅滋事罪", "罚款五百元"}).error().field, "charge");
  EXPECT_EQ(decide({O::kCriminalCase, "敲诈勒索罪", "罚款五百元"}).error().field, "penalty");
  EXPECT_EQ(decide({O::kNoAction, "", ""}).error().field, "reason") << "no action needs its reasons";

  auto criminal = decide({O::kCriminalCase, "敲诈勒索罪", ""});
  ASSERT_TRUE(criminal.ok());
  EXPECT_EQ(criminal->progress.malicious_claim, MaliciousClaimStage::kCriminalCase);
  EXPECT_TRUE(Tells(*criminal, Body::kProcuratorate)) << "the procuratorate supervises criminal filing";
  auto none = decide({O::kNoAction, "", ""}, "情节显著轻微，批评教育");
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->progress.malicious_claim, MaliciousClaimStage::kNoAction);
}

TEST(MaliciousClaim, ThePoliceCannotAcceptOrDecideOutOfOrder) {
  CaseSnapshot investigating = InState(S::kInvestigating);
  EXPECT_EQ(Refused(investigating, Request(E::kAcceptMaliciousClaim, kPoliceOfficer, kLater)).field, "event");
  investigating.progress.malicious_claim = MaliciousClaimStage::kReferred;
  EXPECT_EQ(Refused(investigating, Request(E::kDecideMaliciousClaim, kPoliceOfficer, kLater,
                                           MaliciousClaimOutcomePayload{MaliciousClaimOutcome::kNoAction}, "无"))
                .field,
            "event");
  EXPECT_EQ(Refused(investigating, Request(E::kAcceptMaliciousClaim, kHandler, kLater)).field, "actor_body");
  EXPECT_EQ(Refused(investigating, Request(E::kAcceptMaliciousClaim, kProsecutor, kLater)).field, "actor_body");
}

TEST(SideSteps, StagesRoundTripTheirCodes) {
  for (auto stage : {EarlyInterventionStage::kNone, EarlyInterventionStage::kRequested, EarlyInterventionStage::kJoined,
                     EarlyInterventionStage::kEnded}) {
    EXPECT_EQ(ParseEarlyInterventionStage(EarlyInterventionStageCode(stage)), stage);
  }
  for (auto stage : {MaliciousClaimStage::kNone, MaliciousClaimStage::kReferred, MaliciousClaimStage::kAccepted,
                     MaliciousClaimStage::kCriminalCase, MaliciousClaimStage::kPublicOrderPenalty,
                     MaliciousClaimStage::kNoAction}) {
    EXPECT_EQ(ParseMaliciousClaimStage(MaliciousClaimStageCode(stage)), stage);
  }
  EXPECT_EQ(ParseInterventionGround("police_request"), InterventionGround::kPoliceRequest);
  EXPECT_EQ(ParseOpinionAspect("law_application"), OpinionAspect::kLawApplication);
  EXPECT_EQ(ParseMaliciousClaimOutcome("public_order_penalty"), MaliciousClaimOutcome::kPublicOrderPenalty);
  EXPECT_EQ(ParseMaliciousClaimOutcome("fine"), std::nullopt);
}

}  // namespace
}  // namespace wagelink::domain
