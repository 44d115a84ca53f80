// The 检察建议 loop's rules (domain/recommendation.h): who may be addressed, when a reply and an
// evaluation may be made, and how late a reply is.
#include "domain/recommendation.h"

#include <gtest/gtest.h>

namespace wagelink::domain {
namespace {

CivilDate Date(std::string_view iso) { return *CivilDate::ParseIso(iso); }

TEST(Recommendation, GoesToTheBodiesTheProcuratorateSupervisesOnly) {
  for (Body b : {Body::kHrss, Body::kWageOffice, Body::kPolice, Body::kCourt, Body::kJustice}) {
    EXPECT_TRUE(MayBeAddressed(b)) << BodyCode(b);
  }
  EXPECT_FALSE(MayBeAddressed(Body::kProcuratorate));
  EXPECT_FALSE(MayBeAddressed(Body::kLeadership));
  EXPECT_FALSE(MayBeAddressed(Body::kEmployer));
}

TEST(Recommendation, IsOverdueFromTheDayAfterItsDueDateUntilAnswered) {
  const auto due = Date("2026-03-05");
  EXPECT_EQ(DaysOverdue(RecommendationStatus::kAwaitingReply, due, Date("2026-03-05")), 0) << "the due day itself is in time";
  EXPECT_EQ(DaysOverdue(RecommendationStatus::kAwaitingReply, due, Date("2026-03-06")), 1);
  EXPECT_EQ(DaysOverdue(RecommendationStatus::kAwaitingReply, due, Date("2026-04-05")), 31);
  EXPECT_EQ(DaysOverdue(RecommendationStatus::kReplied, due, Date("2026-04-05")), 0) << "an answered one is not overdue";
  EXPECT_EQ(DaysOverdue(RecommendationStatus::kEvaluated, due, Date("2026-04-05")), 0);
}

TEST(Recommendation, IsAnsweredOnceAndEvaluatedOnceAfterTheReplyOrItsDueDate) {
  const auto due = Date("2026-03-05");
  EXPECT_TRUE(CheckReply(RecommendationStatus::kAwaitingReply).ok());
  EXPECT_EQ(CheckReply(RecommendationStatus::kReplied).error().code, ErrorCode::kConflict);
  EXPECT_EQ(CheckReply(RecommendationStatus::kEvaluated).error().code, ErrorCode::kConflict);

  EXPECT_FALSE(CheckEvaluation(RecommendationStatus::kAwaitingReply, due, Date("2026-03-05")).ok());
  EXPECT_TRUE(CheckEvaluation(RecommendationStatus::kAwaitingReply, due, Date("2026-03-06")).ok()) << "overdue: may be evaluated";
  EXPECT_TRUE(CheckEvaluation(RecommendationStatus::kReplied, due, Date("2026-01-10")).ok());
  EXPECT_EQ(CheckEvaluation(RecommendationStatus::kEvaluated, due, Date("2026-04-01")).error().code, ErrorCode::kConflict);
}

TEST(Recommendation, OnlyAReplyThatSaysItIsRectifiedMustShowItsEvidence) {
  EXPECT_TRUE(ReplyNeedsEvidence(ReplyKind::kRectified));
  EXPECT_FALSE(ReplyNeedsEvidence(ReplyKind::kRectifying));
  EXPECT_FALSE(ReplyNeedsEvidence(ReplyKind::kObjection));
}

TEST(Recommendation, CodesReadBackAndHaveChineseNames) {
  for (auto s : {RecommendationStatus::kAwaitingReply, RecommendationStatus::kReplied, RecommendationStatus::kEvaluated}) {
    EXPECT_EQ(ParseRecommendationStatus(RecommendationStatusCode(s)), s);
    EXPECT_FALSE(RecommendationStatusNameZh(s).empty());
  }
  for (auto k : {ReplyKind::kRectified, ReplyKind::kRectifying, ReplyKind::kObjection}) {
    EXPECT_EQ(ParseReplyKind(ReplyKindCode(k)), k);
  }
  for (auto o : {EvaluationOutcome::kRectified, EvaluationOutcome::kPartlyRectified, EvaluationOutcome::kNotRectified}) {
    EXPECT_EQ(ParseEvaluationOutcome(EvaluationOutcomeCode(o)), o);
  }
  EXPECT_EQ(ParseRecommendationBasis("project_warning"), RecommendationBasis::kProjectWarning);
  EXPECT_FALSE(ParseRecommendationBasis("meeting").has_value());
  EXPECT_FALSE(ParseReplyKind("").has_value());
}

}  // namespace
}  // namespace wagelink::domain
