#include "domain/assessment_vocabulary.h"

#include <gtest/gtest.h>

#include <set>
#include <string>

namespace wagelink::domain {
namespace {

// The spellings are a public contract: a rename here breaks API clients, so they are pinned.
TEST(AssessmentVocabulary, SpellsEveryValueAsTheContractSays) {
  EXPECT_EQ(ConductName(Conduct::kAbscond), "abscond");
  EXPECT_EQ(ConductName(Conduct::kTransferAssets), "transfer_assets");
  EXPECT_EQ(ConductName(Conduct::kAbleButRefused), "able_but_refused");
  EXPECT_EQ(ConductName(Conduct::kUnable), "unable");
  EXPECT_EQ(ConductName(Conduct::kUnknown), "unknown");
  EXPECT_EQ(OrderDeliveryName(OrderDelivery::kServed), "served");
  EXPECT_EQ(OrderDeliveryName(OrderDelivery::kPostedAtSite), "posted_at_site");
  EXPECT_EQ(OrderDeliveryName(OrderDelivery::kNone), "none");
  EXPECT_EQ(PaidStageName(PaidStage::kNone), "none");
  EXPECT_EQ(PaidStageName(PaidStage::kBeforeFiling), "before_filing");
  EXPECT_EQ(PaidStageName(PaidStage::kBeforeProsecution), "before_prosecution");
  EXPECT_EQ(PaidStageName(PaidStage::kBeforeFirstInstanceJudgment), "before_first_instance_judgment");
  EXPECT_EQ(PaidStageName(PaidStage::kBeforeJudgment), "before_judgment");
  EXPECT_EQ(RecommendationName(Recommendation::kTransfer), "transfer");
  EXPECT_EQ(RecommendationName(Recommendation::kConsult), "consult");
  EXPECT_EQ(RecommendationName(Recommendation::kAdministrative), "administrative");
  EXPECT_EQ(RecommendationName(Recommendation::kCivil), "civil");
  EXPECT_EQ(SentenceBandName(SentenceBand::kUpTo3Years), "up_to_3_years");
  EXPECT_EQ(SentenceBandName(SentenceBand::k3To7Years), "3_to_7_years");
  EXPECT_EQ(EmployerKindName(EmployerKind::kUnqualifiedContractor), "unqualified_contractor");
}

TEST(AssessmentVocabulary, ParsesWhatItPrintsAndNothingElse) {
  for (const Conduct value :
       {Conduct::kAbscond, Conduct::kTransferAssets, Conduct::kAbleButRefused, Conduct::kUnable, Conduct::kUnknown}) {
    EXPECT_EQ(ParseConduct(ConductName(value)), value);
  }
  for (const PaidStage value : {PaidStage::kNone, PaidStage::kBeforeFiling, PaidStage::kBeforeProsecution,
                                PaidStage::kBeforeFirstInstanceJudgment, PaidStage::kBeforeJudgment}) {
    EXPECT_EQ(ParsePaidStage(PaidStageName(value)), value);
  }
  for (const EmployerKind value :
       {EmployerKind::kUnit, EmployerKind::kIndividual, EmployerKind::kUnqualifiedContractor}) {
    EXPECT_EQ(ParseEmployerKind(EmployerKindName(value)), value);
  }
  EXPECT_EQ(ParseConduct("Abscond"), std::nullopt);
  EXPECT_EQ(ParseOrderDelivery("posted"), std::nullopt);
  EXPECT_EQ(ParsePaidStage(""), std::nullopt);
}

TEST(AssessmentVocabulary, EveryEvidenceItemHasAUniqueIdWordingAndBasis) {
  std::set<std::string> ids;
  for (int i = 0; i <= static_cast<int>(EvidenceItem::kMassIncidentRecord); ++i) {
    const auto item = static_cast<EvidenceItem>(i);
    const EvidenceText& text = EvidenceTextOf(item);
    EXPECT_EQ(text.item, item);
    EXPECT_FALSE(text.zh.empty());
    EXPECT_FALSE(text.en.empty());
    EXPECT_FALSE(text.basis.empty());
    EXPECT_TRUE(ids.insert(std::string(text.id)).second) << text.id;
    EXPECT_EQ(ParseEvidenceItem(EvidenceItemName(item)), item);
  }
  EXPECT_EQ(ParseEvidenceItem("selfie"), std::nullopt);
}

}  // namespace
}  // namespace wagelink::domain
