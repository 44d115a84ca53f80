#include "domain/crime_assessment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "reference_data.h"

namespace wagelink::domain {
namespace {

using test::OfficialThresholds;

const ThresholdProfile& Profile(std::string_view id) {
  const ThresholdProfile* profile = OfficialThresholds().Find(id);
  if (profile == nullptr) throw std::runtime_error("missing profile " + std::string(id));
  return *profile;
}

std::vector<const ThresholdProfile*> ConfiguredProfiles() {
  std::vector<const ThresholdProfile*> profiles;
  for (const auto& profile : OfficialThresholds().profiles()) {
    if (profile.configured) profiles.push_back(&profile);
  }
  return profiles;
}

WorkerClaim Worker(std::string_view yuan, int months) {
  return WorkerClaim{Fen::ParseYuan(yuan).value(), months};
}

std::vector<WorkerClaim> Workers(int count, std::string_view yuan, int months) {
  return std::vector<WorkerClaim>(static_cast<std::size_t>(count), Worker(yuan, months));
}

PaymentOrderFacts UnpaidOrder(OrderDelivery delivery) {
  return PaymentOrderFacts{true, delivery, true, false};
}

const ElementFinding& Element(const AssessmentResult& result, std::string_view id) {
  const auto it = std::find_if(result.elements.begin(), result.elements.end(),
                               [&](const ElementFinding& element) { return element.id == id; });
  if (it == result.elements.end()) throw std::runtime_error("missing element " + std::string(id));
  return *it;
}

bool Missing(const AssessmentResult& result, EvidenceItem item) {
  return std::any_of(result.missing_evidence.begin(), result.missing_evidence.end(),
                     [&](const EvidenceGap& gap) { return gap.item == item; });
}

// S1: 14 workers, 7 months, 186,400 yuan, largest 21,300; boss absconded; order posted; unpaid.
AssessmentInput S1() {
  AssessmentInput input;
  input.province = "national-min";
  input.workers = Workers(13, "12700", 7);
  input.workers.push_back(Worker("21300", 7));
  input.conduct = Conduct::kAbscond;
  input.order = UnpaidOrder(OrderDelivery::kPostedAtSite);
  input.employer_kind = EmployerKind::kUnqualifiedContractor;
  return input;
}

// S2: factory, 38 workers, 2 months, 412,000 yuan, able to pay; order served; unpaid.
AssessmentInput S2() {
  AssessmentInput input;
  input.province = "national-min";
  input.workers = Workers(37, "10800", 2);
  input.workers.push_back(Worker("12400", 2));  // 37 × 10,800 + 12,400 = 412,000
  input.conduct = Conduct::kAbleButRefused;
  input.order = UnpaidOrder(OrderDelivery::kServed);
  input.employer_kind = EmployerKind::kUnit;
  return input;
}

// S3: restaurant, 6 workers, 3 months, 38,700 yuan (largest 8,100); paid in full within the deadline.
AssessmentInput S3() {
  AssessmentInput input;
  input.province = "hubei";
  input.workers = Workers(5, "6120", 3);
  input.workers.push_back(Worker("8100", 3));  // 5 × 6,120 + 8,100 = 38,700
  input.conduct = Conduct::kAbleButRefused;
  input.order = PaymentOrderFacts{true, OrderDelivery::kServed, true, true};
  return input;
}

// S4: start-up that genuinely cannot pay; 11 workers, 2 months, 97,000 yuan.
AssessmentInput S4() {
  AssessmentInput input;
  input.province = "hubei";
  input.workers = Workers(10, "8800", 2);
  input.workers.push_back(Worker("9000", 2));  // 10 × 8,800 + 9,000 = 97,000
  input.conduct = Conduct::kUnable;
  input.order = UnpaidOrder(OrderDelivery::kServed);
  return input;
}

// ---- the scenarios ----

TEST(Assess, S1AbscondingSubcontractorIsTransferredUnderEveryConfiguredProfile) {
  for (const ThresholdProfile* profile : ConfiguredProfiles()) {
    SCOPED_TRACE(profile->id);
    const AssessmentResult result = Assess(S1(), *profile);
    EXPECT_EQ(result.recommendation, Recommendation::kTransfer);
    EXPECT_EQ(result.crime_elements_met, true);
    EXPECT_EQ(result.sentence_band, SentenceBand::kUpTo3Years);
    EXPECT_EQ(result.blacklist.eligible, true);
    EXPECT_EQ(result.amount.met, true);
    EXPECT_EQ(result.amount.prong2_met, true);
    EXPECT_EQ(result.amount.prong, 2);
    EXPECT_EQ(result.amount.total_owed, Fen::FromYuan(186400).value());
    EXPECT_EQ(result.amount.workers_owed, 14);
    EXPECT_EQ(Element(result, "conduct").met, true);
    EXPECT_EQ(Element(result, "order").met, true);
    EXPECT_NE(Element(result, "order").basis.find("§4 ¶2"), std::string::npos);  // posting counts as service
    EXPECT_EQ(Element(result, "not_paid_within_deadline").met, true);
    EXPECT_FALSE(result.mitigation.has_value());
  }
}

TEST(Assess, S1ProngOneAlsoHoldsBecauseTheLargestClaimReachesEvenTheNationalMaximum) {
  const AssessmentResult result = Assess(S1(), Profile("national-max"));
  EXPECT_EQ(result.amount.prong1_met, true);  // 21,300 >= 20,000 after 7 months
  EXPECT_EQ(result.amount.prong, 2);          // both met: the aggregate prong covers every worker
}

TEST(Assess, S1ListsTheEvidenceThePackageStillNeeds) {
  const AssessmentResult result = Assess(S1(), Profile("hubei"));
  EXPECT_TRUE(Missing(result, EvidenceItem::kPostingPhotoVideo));
  EXPECT_TRUE(Missing(result, EvidenceItem::kAbscondNoticeRecord));
  EXPECT_TRUE(Missing(result, EvidenceItem::kWorkerStatements));
  EXPECT_TRUE(Missing(result, EvidenceItem::kContractingChainEvidence));
  EXPECT_FALSE(Missing(result, EvidenceItem::kServiceProof));
  EXPECT_FALSE(Missing(result, EvidenceItem::kPerWorkerBreakdown));

  AssessmentInput complete = S1();
  complete.evidence_on_file = {EvidenceItem::kWorkerStatements,        EvidenceItem::kEmploymentProof,
                               EvidenceItem::kArrearsCalculation,      EvidenceItem::kPaymentOrder,
                               EvidenceItem::kPostingPhotoVideo,       EvidenceItem::kAbscondNoticeRecord,
                               EvidenceItem::kContractingChainEvidence};
  EXPECT_TRUE(Assess(complete, Profile("hubei")).missing_evidence.empty());
}

TEST(Assess, UnconfiguredHebeiMeetsTheAmountAtOrAboveTheNationalUpperBound) {
  // 186,400 yuan for 14 workers is at least 100,000: large in every province, whatever Hebei's figure.
  const AssessmentResult result = Assess(S1(), Profile("hebei"));
  EXPECT_EQ(result.amount.met, true);
  EXPECT_EQ(result.amount.prong, 2);
  EXPECT_NE(Element(result, "amount").explain_zh.find("尚未确认"), std::string::npos);
  EXPECT_NE(Element(result, "amount").explain_zh.find("30,000.00–100,000.00"), std::string::npos);
  EXPECT_EQ(result.recommendation, Recommendation::kTransfer);
}

TEST(Assess, UnconfiguredHebeiBetweenTheNationalBoundsIsUnknownAndAsksToConsult) {
  AssessmentInput input = S1();
  input.workers = Workers(11, "5000", 4);  // 55,000 yuan: inside 30,000–100,000; 5,000 inside 5,000–20,000
  const AssessmentResult result = Assess(input, Profile("hebei"));
  EXPECT_FALSE(result.amount.met.has_value());
  EXPECT_FALSE(result.amount.prong1_met.has_value());
  EXPECT_FALSE(result.amount.prong2_met.has_value());
  EXPECT_FALSE(Element(result, "amount").met.has_value());
  EXPECT_NE(Element(result, "amount").explain_zh.find("无法判断"), std::string::npos);
  EXPECT_FALSE(result.crime_elements_met.has_value());
  EXPECT_EQ(result.recommendation, Recommendation::kConsult);
  EXPECT_NE(result.recommendation_zh.find("数额较大"), std::string::npos);
  EXPECT_FALSE(result.sentence_band.has_value());
  EXPECT_FALSE(result.blacklist.eligible.has_value());
  // The same amounts under a province that chose the upper bound are a firm "not met"; "unset" is unknown.
  EXPECT_EQ(Assess(input, Profile("national-max")).amount.met, false);
  EXPECT_FALSE(Assess(input, Profile("unset")).amount.met.has_value());
  EXPECT_NE(Element(Assess(input, Profile("unset")), "amount").explain_zh.find("尚未选择"), std::string::npos);
}

TEST(Assess, UnconfiguredHebeiBelowTheNationalLowerBoundIsNotMet) {
  AssessmentInput input = S1();
  input.workers = Workers(3, "4999.99", 5);
  const AssessmentResult result = Assess(input, Profile("hebei"));
  EXPECT_EQ(result.amount.prong1_met, false);
  EXPECT_EQ(result.amount.prong2_met, false);
  EXPECT_EQ(result.amount.met, false);
  EXPECT_EQ(result.recommendation, Recommendation::kAdministrative);
}

TEST(Assess, TheAmountTestedIsWhatRemainsUnpaidAfterTheDeadlinePerWorker) {
  AssessmentInput input = S1();  // 14 workers, national-min: 5,000 / 30,000
  input.workers = Workers(12, "6000", 4);
  // The actor paid 4,000 to each of the first eleven within the period: they are owed 2,000 after it.
  for (int i = 0; i < 11; ++i) input.workers[static_cast<std::size_t>(i)].unpaid_after_deadline = Fen::ParseYuan("2000").value();
  const AssessmentResult result = Assess(input, Profile("national-min"));
  EXPECT_EQ(result.amount.total_owed, Fen::ParseYuan("28000").value());  // 11 × 2,000 + 6,000
  EXPECT_EQ(result.amount.prong2_met, false);  // 12 workers but only 28,000 < 30,000
  EXPECT_EQ(result.amount.prong1_met, true);   // the twelfth is still owed 6,000 for 4 months
  input.workers.back().unpaid_after_deadline = Fen::ParseYuan("4999").value();
  EXPECT_EQ(Assess(input, Profile("national-min")).amount.met, false);
}

TEST(Assess, AnOrderOnlyToTheGeneralContractorDoesNotOrderTheActor) {
  AssessmentInput input = S1();
  input.order.addressee = OrderAddressee::kGeneralContractor;
  const AssessmentResult result = Assess(input, Profile("national-min"));
  EXPECT_EQ(Element(result, "order").met, false);
  EXPECT_NE(Element(result, "order").explain_zh.find("施工总承包单位"), std::string::npos);
  EXPECT_EQ(result.recommendation, Recommendation::kAdministrative);
  EXPECT_EQ(result.blacklist.eligible, false);
  input.order.addressee = OrderAddressee::kActualController;
  EXPECT_EQ(Element(Assess(input, Profile("national-min")), "order").met, true);
}

TEST(Assess, AJustifiedReasonMeansNoRefusalAfterTheOrder) {
  AssessmentInput input = S1();
  input.justified_reason = true;
  const AssessmentResult result = Assess(input, Profile("national-min"));
  EXPECT_EQ(Element(result, "not_paid_within_deadline").met, false);
  EXPECT_NE(Element(result, "not_paid_within_deadline").explain_zh.find("正当理由"), std::string::npos);
  EXPECT_EQ(result.crime_elements_met, false);
  EXPECT_EQ(result.blacklist.eligible, false);
}

TEST(Assess, TypedSeriousConsequencesRaiseTheBandAndNameTheirKinds) {
  AssessmentInput input = S1();
  input.serious_consequences = {SeriousConsequence::kSchooling, SeriousConsequence::kViolence};
  const AssessmentResult result = Assess(input, Profile("national-min"));
  EXPECT_EQ(result.sentence_band, SentenceBand::k3To7Years);
  EXPECT_EQ(Element(result, "serious_consequence").met, true);
  EXPECT_NE(Element(result, "serious_consequence").explain_zh.find("失学"), std::string::npos);
  EXPECT_TRUE(Missing(result, EvidenceItem::kSeriousConsequenceEvidence));
}

TEST(Assess, MitigationNeedsTheCompensationBorne) {
  AssessmentInput input = S1();
  input.paid_stage = PaidStage::kBeforeFiling;
  input.compensation_borne = false;
  const AssessmentResult withheld = Assess(input, Profile("national-min"));
  ASSERT_TRUE(withheld.mitigation.has_value());
  EXPECT_EQ(withheld.mitigation->compensation_borne, false);
  EXPECT_NE(withheld.mitigation->effect_zh.find("尚未依法承担赔偿责任"), std::string::npos);
  EXPECT_EQ(withheld.recommendation, Recommendation::kTransfer);  // no "not a crime" without compensation
  input.compensation_borne = true;
  EXPECT_EQ(Assess(input, Profile("national-min")).recommendation, Recommendation::kAdministrative);
}

TEST(Assess, BlacklistNamesTheCriterionItRelies) {
  EXPECT_EQ(Assess(S1(), Profile("national-min")).blacklist.criterion, "amount");
  AssessmentInput input = S1();
  input.workers = Workers(3, "100", 1);
  input.mass_incident = true;
  EXPECT_EQ(Assess(input, Profile("national-min")).blacklist.criterion, "mass_incident");
}

TEST(Assess, S1FromTotalsOnlyMeetsProngTwoAndLeavesProngOneOpen) {
  AssessmentInput input = S1();
  input.workers.clear();
  input.aggregate = AggregateClaim{14, Fen::FromYuan(186400).value()};
  const AssessmentResult result = Assess(input, Profile("national-max"));
  EXPECT_FALSE(result.amount.prong1_met.has_value());
  EXPECT_EQ(result.amount.prong2_met, true);
  EXPECT_EQ(result.amount.met, true);
  EXPECT_EQ(result.amount.prong, 2);
  EXPECT_EQ(result.recommendation, Recommendation::kTransfer);
  EXPECT_TRUE(Missing(result, EvidenceItem::kPerWorkerBreakdown));
}

TEST(Assess, S2RefusingFactoryIsTransferredThroughProngTwoUnderEveryConfiguredProfile) {
  for (const ThresholdProfile* profile : ConfiguredProfiles()) {
    SCOPED_TRACE(profile->id);
    const AssessmentResult result = Assess(S2(), *profile);
    EXPECT_EQ(result.amount.prong1_met, false);  // only 2 months unpaid
    EXPECT_EQ(result.amount.prong2_met, true);
    EXPECT_EQ(result.amount.prong, 2);
    EXPECT_EQ(result.recommendation, Recommendation::kTransfer);
    EXPECT_EQ(result.blacklist.eligible, true);
    EXPECT_TRUE(Missing(result, EvidenceItem::kAbilityToPayEvidence));
    EXPECT_TRUE(Missing(result, EvidenceItem::kServiceProof));
    EXPECT_EQ(Element(result, "employer").required, false);
    EXPECT_NE(Element(result, "employer").basis.find("§9"), std::string::npos);
  }
}

TEST(Assess, S3PaidWithinTheDeadlineIsAdministrativeWithoutCrime) {
  const AssessmentResult result = Assess(S3(), Profile("hubei"));
  EXPECT_EQ(result.recommendation, Recommendation::kAdministrative);
  EXPECT_EQ(result.crime_elements_met, false);
  EXPECT_EQ(result.amount.met, false);  // 8,100 < 10,000 and only 6 workers
  EXPECT_EQ(Element(result, "not_paid_within_deadline").met, false);
  EXPECT_NE(result.recommendation_zh.find("足额支付"), std::string::npos);
  EXPECT_EQ(result.blacklist.eligible, false);
  EXPECT_FALSE(result.sentence_band.has_value());
}

TEST(Assess, S3IsStillAdministrativeWhereTheAmountWouldBeMet) {
  const AssessmentResult result = Assess(S3(), Profile("national-min"));
  EXPECT_EQ(result.amount.met, true);  // 8,100 >= 5,000 after 3 months
  EXPECT_EQ(result.amount.prong, 1);
  EXPECT_EQ(result.recommendation, Recommendation::kAdministrative);
  EXPECT_EQ(result.crime_elements_met, false);
  EXPECT_EQ(result.blacklist.eligible, false);  // the order was complied with
}

TEST(Assess, S4UnableEmployerGoesTheCivilRouteUnderEveryProfile) {
  for (const auto& profile : OfficialThresholds().profiles()) {
    SCOPED_TRACE(profile.id);
    const AssessmentResult result = Assess(S4(), profile);
    EXPECT_EQ(result.recommendation, Recommendation::kCivil);
    EXPECT_EQ(result.crime_elements_met, false);
    EXPECT_EQ(Element(result, "conduct").met, false);
    EXPECT_NE(result.recommendation_zh.find("法律援助"), std::string::npos);
    EXPECT_NE(result.recommendation_en.find("green channel"), std::string::npos);
    EXPECT_TRUE(Missing(result, EvidenceItem::kInabilityEvidence));
  }
}

TEST(Assess, S4BlacklistDoesNotNeedTheConductElement) {
  EXPECT_EQ(Assess(S4(), Profile("hubei")).blacklist.eligible, true);          // 97,000 >= 50,000, 11 workers
  EXPECT_EQ(Assess(S4(), Profile("national-max")).blacklist.eligible, false);  // 97,000 < 100,000
}

// ---- amount thresholds: every test is >= (刑法 §99) ----

struct Figures {
  std::string_view id;
  std::string_view per_worker;
  std::string_view per_worker_minus_one_fen;
  std::string_view aggregate_share;  // one of 10 equal shares of the aggregate figure
  std::string_view aggregate_share_last_minus_one_fen;
};

const std::vector<Figures> kFigures{
    {"national-min", "5000", "4999.99", "3000", "2999.99"},
    {"national-max", "20000", "19999.99", "10000", "9999.99"},
    {"henan", "8000", "7999.99", "4000", "3999.99"},
    {"hunan", "6000", "5999.99", "4000", "3999.99"},
    {"hubei", "10000", "9999.99", "5000", "4999.99"},
    {"hubei-poverty-counties", "5000", "4999.99", "3000", "2999.99"},
    {"guizhou", "10000", "9999.99", "5000", "4999.99"},
    {"liaoning", "10000", "9999.99", "5000", "4999.99"},
    {"chongqing", "10000", "9999.99", "6000", "5999.99"},
    {"jiangsu", "10000", "9999.99", "6000", "5999.99"},
    {"jiangxi", "10000", "9999.99", "5000", "4999.99"},
};

AssessmentInput AmountOnly(std::string_view province, std::vector<WorkerClaim> workers) {
  AssessmentInput input;
  input.province = province;
  input.workers = std::move(workers);
  input.conduct = Conduct::kAbleButRefused;
  input.order = UnpaidOrder(OrderDelivery::kServed);
  return input;
}

TEST(AssessAmount, ProngOneIsMetExactlyAtTheFigureAndNotOneFenBelowInEveryProfile) {
  for (const Figures& figures : kFigures) {
    SCOPED_TRACE(std::string(figures.id));
    const ThresholdProfile& profile = Profile(figures.id);
    EXPECT_EQ(Assess(AmountOnly(figures.id, {Worker(figures.per_worker, 3)}), profile).amount.prong1_met, true);
    EXPECT_EQ(Assess(AmountOnly(figures.id, {Worker(figures.per_worker_minus_one_fen, 3)}), profile).amount.prong1_met,
              false);
    // Three months are required: two months at the figure are not enough.
    EXPECT_EQ(Assess(AmountOnly(figures.id, {Worker(figures.per_worker, 2)}), profile).amount.prong1_met, false);
    const AssessmentResult exact = Assess(AmountOnly(figures.id, {Worker(figures.per_worker, 3)}), profile);
    EXPECT_EQ(exact.recommendation, Recommendation::kTransfer);
    EXPECT_EQ(exact.amount.prong, 1);
  }
}

TEST(AssessAmount, ProngTwoIsMetExactlyAtTheAggregateAndNotOneFenBelowInEveryProfile) {
  for (const Figures& figures : kFigures) {
    SCOPED_TRACE(std::string(figures.id));
    const ThresholdProfile& profile = Profile(figures.id);
    // Short of 3 months, so only prong 2 can apply.
    const AssessmentResult exact = Assess(AmountOnly(figures.id, Workers(10, figures.aggregate_share, 1)), profile);
    EXPECT_EQ(exact.amount.prong2_met, true);
    EXPECT_EQ(exact.amount.prong, 2);
    EXPECT_EQ(exact.recommendation, Recommendation::kTransfer);
    std::vector<WorkerClaim> short_by_a_fen = Workers(9, figures.aggregate_share, 1);
    short_by_a_fen.push_back(Worker(figures.aggregate_share_last_minus_one_fen, 1));
    const AssessmentResult below = Assess(AmountOnly(figures.id, short_by_a_fen), profile);
    EXPECT_EQ(below.amount.prong2_met, false);
    EXPECT_EQ(below.amount.met, false);
    EXPECT_EQ(below.recommendation, Recommendation::kAdministrative);
  }
}

TEST(AssessAmount, NineWorkersNeverMeetProngTwoWhateverTheAmount) {
  const AssessmentResult result = Assess(AmountOnly("national-min", Workers(9, "100000", 1)), Profile("national-min"));
  EXPECT_EQ(result.amount.prong2_met, false);
  EXPECT_EQ(result.amount.met, false);
}

TEST(AssessAmount, WorkersOwedNothingDoNotCountTowardsTenWorkers) {
  std::vector<WorkerClaim> workers = Workers(9, "10000", 1);
  workers.push_back(Worker("0", 1));
  const AssessmentResult result = Assess(AmountOnly("national-min", workers), Profile("national-min"));
  EXPECT_EQ(result.amount.workers_owed, 9);
  EXPECT_EQ(result.amount.prong2_met, false);
}

TEST(AssessAmount, NationalMinimumAndMaximumDisagreeBetweenTheirFigures) {
  const auto input = AmountOnly("x", {Worker("12000", 4)});
  EXPECT_EQ(Assess(input, Profile("national-min")).amount.met, true);
  EXPECT_EQ(Assess(input, Profile("national-max")).amount.met, false);
  EXPECT_EQ(Assess(input, Profile("national-min")).recommendation, Recommendation::kTransfer);
  EXPECT_EQ(Assess(input, Profile("national-max")).recommendation, Recommendation::kAdministrative);
}

TEST(AssessAmount, TotalsOnlyDecideProngOneWhenTheTotalIsBelowTheFigure) {
  AssessmentInput input = AmountOnly("national-min", {});
  input.aggregate = AggregateClaim{3, Fen::FromYuan(4000).value()};
  const AssessmentResult small = Assess(input, Profile("national-min"));
  EXPECT_EQ(small.amount.prong1_met, false);
  EXPECT_EQ(small.amount.prong2_met, false);
  EXPECT_EQ(small.amount.met, false);
  EXPECT_EQ(small.recommendation, Recommendation::kAdministrative);

  input.aggregate = AggregateClaim{1, Fen::FromYuan(6000).value()};
  const AssessmentResult one_worker = Assess(input, Profile("national-min"));
  EXPECT_FALSE(one_worker.amount.prong1_met.has_value());  // months unknown
  EXPECT_FALSE(one_worker.amount.met.has_value());
  EXPECT_EQ(one_worker.recommendation, Recommendation::kConsult);
  EXPECT_NE(one_worker.recommendation_en.find("amount"), std::string::npos);
}

TEST(AssessAmount, ExplanationShowsTheFiguresAndTheirSource) {
  const AssessmentResult result = Assess(S2(), Profile("chongqing"));
  const ElementFinding& amount = Element(result, "amount");
  EXPECT_NE(amount.explain_zh.find("60,000.00"), std::string::npos);
  EXPECT_NE(amount.explain_zh.find("渝人社发〔2014〕202号"), std::string::npos);
  EXPECT_NE(amount.explain_zh.find("SECONDARY"), std::string::npos);
  EXPECT_NE(amount.explain_en.find("412,000.00"), std::string::npos);
  EXPECT_NE(amount.basis.find("刑法 §99"), std::string::npos);
}

// ---- order and deadline ----

TEST(AssessOrder, NoOrderMeansAdministrativeAndTheOrderIsMissing) {
  AssessmentInput input = S1();
  input.order = PaymentOrderFacts{};
  input.evidence_on_file = {EvidenceItem::kPaymentOrder};  // claimed, but no order was issued
  const AssessmentResult result = Assess(input, Profile("hubei"));
  EXPECT_EQ(Element(result, "order").met, false);
  EXPECT_EQ(Element(result, "not_paid_within_deadline").met, false);
  EXPECT_EQ(result.recommendation, Recommendation::kAdministrative);
  EXPECT_TRUE(Missing(result, EvidenceItem::kPaymentOrder));
  EXPECT_EQ(result.blacklist.eligible, false);
}

TEST(AssessOrder, AnOrderNeitherServedNorPostedDoesNotCount) {
  AssessmentInput input = S1();
  input.order = PaymentOrderFacts{true, OrderDelivery::kNone, true, false};
  const AssessmentResult result = Assess(input, Profile("hubei"));
  EXPECT_EQ(Element(result, "order").met, false);
  EXPECT_EQ(result.recommendation, Recommendation::kAdministrative);
  EXPECT_TRUE(Missing(result, EvidenceItem::kServiceProof));
  EXPECT_EQ(result.blacklist.eligible, false);
}

TEST(AssessOrder, BeforeTheDeadlinePassesTheCaseWaits) {
  AssessmentInput input = S1();
  input.order.deadline_passed = false;
  const AssessmentResult result = Assess(input, Profile("hubei"));
  EXPECT_EQ(Element(result, "not_paid_within_deadline").met, false);
  EXPECT_NE(Element(result, "not_paid_within_deadline").explain_zh.find("尚未届满"), std::string::npos);
  EXPECT_EQ(result.recommendation, Recommendation::kAdministrative);
  EXPECT_EQ(result.blacklist.eligible, false);
}

// ---- conduct ----

TEST(AssessConduct, UnknownConductWithEverythingElseMetAsksForConsultation) {
  AssessmentInput input = S2();
  input.conduct = Conduct::kUnknown;
  const AssessmentResult result = Assess(input, Profile("jiangsu"));
  EXPECT_FALSE(Element(result, "conduct").met.has_value());
  EXPECT_FALSE(result.crime_elements_met.has_value());
  EXPECT_EQ(result.recommendation, Recommendation::kConsult);
  EXPECT_NE(result.recommendation_zh.find("行为要件"), std::string::npos);
  EXPECT_NE(result.recommendation_zh.find("个案征询"), std::string::npos);
  EXPECT_TRUE(Missing(result, EvidenceItem::kConductEvidence));
  EXPECT_EQ(result.blacklist.eligible, true);  // the blacklist does not depend on conduct
}

TEST(AssessConduct, UnknownConductButAmountNotMetIsAdministrative) {
  AssessmentInput input = AmountOnly("jiangsu", {Worker("500", 1)});
  input.conduct = Conduct::kUnknown;
  EXPECT_EQ(Assess(input, Profile("jiangsu")).recommendation, Recommendation::kAdministrative);
}

TEST(AssessConduct, TransferringAssetsMeetsTheConductElement) {
  AssessmentInput input = S2();
  input.conduct = Conduct::kTransferAssets;
  const AssessmentResult result = Assess(input, Profile("liaoning"));
  EXPECT_EQ(Element(result, "conduct").met, true);
  EXPECT_NE(Element(result, "conduct").basis.find("§2(一)"), std::string::npos);
  EXPECT_TRUE(Missing(result, EvidenceItem::kAssetTransferEvidence));
  EXPECT_EQ(result.recommendation, Recommendation::kTransfer);
}

// ---- payment stage and consequences (LEGAL.md §1.4) ----

TEST(AssessMitigation, PaidBeforeFilingWithoutSeriousConsequenceMayBeNoCrime) {
  AssessmentInput input = S1();
  input.paid_stage = PaidStage::kBeforeFiling;
  const AssessmentResult result = Assess(input, Profile("hubei"));
  EXPECT_EQ(result.crime_elements_met, true);
  EXPECT_EQ(result.recommendation, Recommendation::kAdministrative);
  ASSERT_TRUE(result.mitigation.has_value());
  EXPECT_EQ(result.mitigation->stage, PaidStage::kBeforeFiling);
  EXPECT_NE(result.mitigation->basis.find("§6"), std::string::npos);
  EXPECT_NE(result.mitigation->effect_zh.find("可以"), std::string::npos);
  EXPECT_NE(result.recommendation_zh.find("“可以”不是“应当”"), std::string::npos);
  EXPECT_NE(result.recommendation_en.find("MAY"), std::string::npos);
  EXPECT_EQ(result.sentence_band, SentenceBand::kUpTo3Years);
}

TEST(AssessMitigation, PaidBeforeProsecutionMayReduceOrWaivePunishment) {
  AssessmentInput input = S1();
  input.paid_stage = PaidStage::kBeforeProsecution;
  const AssessmentResult result = Assess(input, Profile("hubei"));
  EXPECT_EQ(result.recommendation, Recommendation::kTransfer);
  ASSERT_TRUE(result.mitigation.has_value());
  EXPECT_NE(result.mitigation->basis.find("刑法 §276-1 ¶3"), std::string::npos);
  EXPECT_NE(result.mitigation->effect_zh.find("减轻或者免除"), std::string::npos);
}

TEST(AssessMitigation, PaidBeforeFirstInstanceJudgmentMayBeLighter) {
  AssessmentInput input = S1();
  input.paid_stage = PaidStage::kBeforeFirstInstanceJudgment;
  const AssessmentResult result = Assess(input, Profile("hubei"));
  EXPECT_EQ(result.recommendation, Recommendation::kTransfer);
  ASSERT_TRUE(result.mitigation.has_value());
  EXPECT_NE(result.mitigation->effect_zh.find("从轻"), std::string::npos);
}

TEST(AssessMitigation, PaidBeforeFinalJudgmentWithoutSeriousConsequenceIsAnAnalogy) {
  AssessmentInput input = S1();
  input.paid_stage = PaidStage::kBeforeJudgment;
  const AssessmentResult result = Assess(input, Profile("hubei"));
  ASSERT_TRUE(result.mitigation.has_value());
  EXPECT_NE(result.mitigation->basis.find("类推"), std::string::npos);
}

TEST(AssessMitigation, WithSeriousConsequencePaymentBeforeJudgmentMayBeLenientAndNeverAvoidsTransfer) {
  for (const PaidStage stage : {PaidStage::kBeforeFiling, PaidStage::kBeforeProsecution,
                                PaidStage::kBeforeFirstInstanceJudgment, PaidStage::kBeforeJudgment}) {
    AssessmentInput input = S1();
    input.serious_consequence = true;
    input.paid_stage = stage;
    const AssessmentResult result = Assess(input, Profile("hubei"));
    EXPECT_EQ(result.recommendation, Recommendation::kTransfer) << PaidStageName(stage);
    ASSERT_TRUE(result.mitigation.has_value());
    EXPECT_EQ(result.mitigation->basis, "法释〔2013〕3号 §6 ¶3");
    EXPECT_NE(result.mitigation->effect_zh.find("酌情从宽"), std::string::npos);
    EXPECT_EQ(result.sentence_band, SentenceBand::k3To7Years);
  }
}

TEST(AssessMitigation, NothingPaidMeansNoMitigation) {
  EXPECT_FALSE(Assess(S1(), Profile("hubei")).mitigation.has_value());
}

TEST(AssessConsequence, SeriousConsequenceRaisesTheSentenceBand) {
  AssessmentInput input = S2();
  input.serious_consequence = true;
  const AssessmentResult result = Assess(input, Profile("hubei"));
  EXPECT_EQ(result.sentence_band, SentenceBand::k3To7Years);
  EXPECT_EQ(Element(result, "serious_consequence").met, true);
  EXPECT_EQ(Element(result, "serious_consequence").required, false);
  EXPECT_TRUE(Missing(result, EvidenceItem::kSeriousConsequenceEvidence));
}

TEST(AssessConsequence, NoSentenceBandUnlessEveryElementIsMet) {
  AssessmentInput input = S3();
  input.serious_consequence = true;
  EXPECT_FALSE(Assess(input, Profile("hubei")).sentence_band.has_value());
}

// ---- blacklist (人社部令第45号 §5) ----

TEST(AssessBlacklist, MassIncidentMakesEligibleEvenBelowTheThreshold) {
  AssessmentInput input = AmountOnly("hubei", {Worker("500", 1)});
  input.mass_incident = true;
  const AssessmentResult result = Assess(input, Profile("hubei"));
  EXPECT_EQ(result.amount.met, false);
  EXPECT_EQ(result.blacklist.eligible, true);
  EXPECT_NE(result.blacklist.explain_zh.find("§5(二)"), std::string::npos);
  EXPECT_TRUE(Missing(result, EvidenceItem::kMassIncidentRecord));
  // An unconfigured profile is also decided by a mass incident.
  AssessmentInput hebei = S1();
  hebei.province = "hebei";
  hebei.mass_incident = true;
  EXPECT_EQ(Assess(hebei, Profile("hebei")).blacklist.eligible, true);
}

TEST(AssessBlacklist, BelowThresholdWithoutIncidentIsNotEligible) {
  const AssessmentResult result = Assess(AmountOnly("hubei", {Worker("500", 1)}), Profile("hubei"));
  EXPECT_EQ(result.blacklist.eligible, false);
  EXPECT_NE(result.blacklist.basis.find("45号"), std::string::npos);
}

// ---- shape ----

TEST(Assess, ReportsTheFourRequiredElementsFirstAndIsDeterministic) {
  const AssessmentResult first = Assess(S1(), Profile("hubei"));
  ASSERT_GE(first.elements.size(), 4u);
  EXPECT_EQ(first.elements[0].id, "conduct");
  EXPECT_EQ(first.elements[1].id, "amount");
  EXPECT_EQ(first.elements[2].id, "order");
  EXPECT_EQ(first.elements[3].id, "not_paid_within_deadline");
  for (std::size_t i = 0; i < 4; ++i) EXPECT_TRUE(first.elements[i].required);
  for (const ElementFinding& element : first.elements) {
    EXPECT_FALSE(element.basis.empty()) << element.id;
    EXPECT_FALSE(element.explain_zh.empty()) << element.id;
    EXPECT_FALSE(element.explain_en.empty()) << element.id;
  }
  const AssessmentResult second = Assess(S1(), Profile("hubei"));
  EXPECT_EQ(first.recommendation_zh, second.recommendation_zh);
  EXPECT_EQ(first.elements[1].explain_en, second.elements[1].explain_en);
}

TEST(Assess, TransferExplanationPointsToTheStatutoryTransferSteps) {
  const AssessmentResult result = Assess(S1(), Profile("hubei"));
  EXPECT_NE(result.recommendation_zh.find("国务院令第310号"), std::string::npos);
  EXPECT_NE(result.recommendation_zh.find("抄送"), std::string::npos);
  EXPECT_NE(result.recommendation_en.find("time limits of 国务院令第310号"), std::string::npos);
  // People read the steps, not the time-limit rules' ids.
  EXPECT_EQ(result.recommendation_zh.find("L05"), std::string::npos);
  EXPECT_EQ(result.recommendation_en.find("L05"), std::string::npos);
}

}  // namespace
}  // namespace wagelink::domain
