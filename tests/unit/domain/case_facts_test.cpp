#include "domain/case_facts.h"

#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>
#include <random>

#include "domain/assessment_json.h"
#include "domain/finding_json.h"
#include "reference_data.h"

namespace wagelink::domain {
namespace {

using test::OfficialThresholds;

Fen Yuan(std::string_view text) { return Fen::ParseYuan(text).value(); }
CivilDate Day(std::string_view iso) { return CivilDate::ParseIso(iso).value(); }

// S1's shape: 14 workers owed 12,700 (one 21,300) for 7 months; order to the boss posted, deadline 12-10.
CaseFacts S1() {
  CaseFacts facts;
  facts.province = "national-max";
  for (int i = 0; i < 13; ++i) facts.workers.push_back({Yuan("12700"), 7});
  facts.workers.push_back({Yuan("21300"), 7});
  facts.orders.push_back({OrderAddressee::kEmployer, OrderDelivery::kPostedAtSite, Day("2025-12-10")});
  facts.orders.push_back({OrderAddressee::kGeneralContractor, OrderDelivery::kServed, Day("2025-12-10")});
  facts.findings.conduct = Conduct::kAbscond;
  facts.findings.employer_kind = EmployerKind::kUnqualifiedContractor;
  return facts;
}

void PayEveryWorker(CaseFacts& facts, Payer payer, CivilDate on) {
  for (std::size_t i = 0; i < facts.workers.size(); ++i) facts.payments.push_back({i, facts.workers[i].owed, on, payer});
}

TEST(CaseFacts, AnAdvanceByTheGeneralContractorBeforeTheDeadlineDoesNotUndoTheRefusal) {
  CaseFacts facts = S1();
  PayEveryWorker(facts, Payer::kGeneralContractor, Day("2025-12-09"));
  const AssessmentInput input = AssessmentInputOf(facts, Day("2025-12-11"));
  EXPECT_TRUE(input.order.issued);
  EXPECT_EQ(input.order.addressee, OrderAddressee::kEmployer);  // the order to the actor decides
  EXPECT_TRUE(input.order.deadline_passed);
  EXPECT_FALSE(input.order.paid_in_full);
  EXPECT_EQ(input.workers.front().Tested(), Yuan("12700"));
  const AssessmentResult result = Assess(input, *OfficialThresholds().Find("national-max"));
  EXPECT_EQ(result.recommendation, Recommendation::kTransfer);
  EXPECT_EQ(input.paid_stage, PaidStage::kNone);
}

TEST(CaseFacts, TheActorsOwnPaymentInFullByTheDeadlineIsCompliance) {
  CaseFacts facts = S1();
  PayEveryWorker(facts, Payer::kActualController, Day("2025-12-10"));  // the last day still counts
  const AssessmentInput input = AssessmentInputOf(facts, Day("2025-12-11"));
  EXPECT_TRUE(input.order.paid_in_full);
  EXPECT_EQ(input.workers.front().Tested(), Fen());
  EXPECT_EQ(Assess(input, *OfficialThresholds().Find("national-max")).recommendation, Recommendation::kAdministrative);
}

TEST(CaseFacts, PartialPaymentsLeaveOnlyWhatIsStillUnpaidAfterTheDeadlineToBeTested) {
  CaseFacts facts = S1();
  // The employer pays 10,000 to each of the 13 within the period and nothing to the last; a late payment
  // after the deadline does not change what was unpaid when it expired.
  for (std::size_t i = 0; i < 13; ++i) facts.payments.push_back({i, Yuan("10000"), Day("2025-12-08"), Payer::kEmployer});
  facts.payments.push_back({13, Yuan("21300"), Day("2025-12-12"), Payer::kEmployer});
  const AssessmentInput input = AssessmentInputOf(facts, Day("2025-12-20"));
  EXPECT_EQ(input.workers[0].Tested(), Yuan("2700"));
  EXPECT_EQ(input.workers[13].Tested(), Yuan("21300"));
  const AssessmentResult result = Assess(input, *OfficialThresholds().Find("national-max"));
  EXPECT_EQ(result.amount.total_owed, Yuan("56400"));  // 13 × 2,700 + 21,300
  EXPECT_EQ(result.amount.prong2_met, false);          // below 100,000
  EXPECT_EQ(result.amount.prong1_met, true);           // 21,300 ≥ 20,000 for 7 months
}

TEST(CaseFacts, TheMitigationStageIsFixedByTheDateOfTheActorsPaymentNotByTheCaseState) {
  CaseFacts facts = S1();
  facts.milestones.filed_on = Day("2025-12-15");
  facts.milestones.prosecuted_on = Day("2026-03-01");
  PayEveryWorker(facts, Payer::kEmployer, Day("2026-01-20"));  // during the police investigation
  EXPECT_EQ(AssessmentInputOf(facts, Day("2026-01-21")).paid_stage, PaidStage::kBeforeProsecution);
  // Months later, at trial, the payment still dates from before the prosecution.
  facts.milestones.first_instance_judgment_on = Day("2026-06-01");
  EXPECT_EQ(AssessmentInputOf(facts, Day("2026-07-01")).paid_stage, PaidStage::kBeforeProsecution);

  CaseFacts before_filing = S1();
  before_filing.milestones.filed_on = Day("2025-12-15");
  PayEveryWorker(before_filing, Payer::kEmployer, Day("2025-12-12"));
  EXPECT_EQ(AssessmentInputOf(before_filing, Day("2026-02-01")).paid_stage, PaidStage::kBeforeFiling);
}

TEST(CaseFacts, AnAdvanceCompletingThePaymentIsNoMitigationForTheActor) {
  CaseFacts facts = S1();
  facts.milestones.filed_on = Day("2025-12-15");
  PayEveryWorker(facts, Payer::kEmergencyFund, Day("2025-12-20"));
  EXPECT_EQ(AssessmentInputOf(facts, Day("2025-12-21")).paid_stage, PaidStage::kNone);
}

TEST(CaseFacts, WithoutAnOrderToTheActorTheOrderElementFails) {
  CaseFacts facts = S1();
  facts.orders.erase(facts.orders.begin());  // only the general contractor was ordered
  const AssessmentInput input = AssessmentInputOf(facts, Day("2025-12-11"));
  EXPECT_EQ(input.order.addressee, OrderAddressee::kGeneralContractor);
  EXPECT_EQ(Assess(input, *OfficialThresholds().Find("national-max")).crime_elements_met, false);
}

TEST(CaseFacts, TheDeadlinePassesOnlyWhenItsDayIsOver) {
  const CaseFacts facts = S1();
  EXPECT_FALSE(AssessmentInputOf(facts, Day("2025-12-10")).order.deadline_passed);
  EXPECT_TRUE(AssessmentInputOf(facts, Day("2025-12-11")).order.deadline_passed);
}

TEST(CaseFacts, NewerFindingsReviseOlderOnes) {
  CurrentFindings current;
  FindingValue abscond;
  abscond.conduct = Conduct::kAbscond;
  Apply(current, FindingKind::kConduct, abscond);
  FindingValue able;
  able.conduct = Conduct::kAbleButRefused;
  Apply(current, FindingKind::kConduct, able);
  EXPECT_EQ(current.conduct, Conduct::kAbleButRefused);
  FindingValue borne;
  borne.yes = true;
  Apply(current, FindingKind::kCompensationBorne, borne);
  EXPECT_EQ(current.compensation_borne, true);
}

TEST(FindingJson, RoundTripsEveryKindAndRefusesUnknownFields) {
  const boost::json::object employer{{"employer_kind", "unit"},
                                     {"actual_controller", "王某"},
                                     {"responsible_persons", boost::json::array{"李某", "赵某"}}};
  auto parsed = ParseFindingValue(FindingKind::kEmployerKind, employer, "value");
  ASSERT_TRUE(parsed) << parsed.error().message_en;
  EXPECT_EQ(parsed->persons.actual_controller, "王某");
  EXPECT_EQ(FindingValueToJson(FindingKind::kEmployerKind, *parsed), employer);
  EXPECT_NE(DescribeFindingZh(FindingKind::kEmployerKind, *parsed).find("实际控制人：王某"), std::string::npos);

  const boost::json::object consequences{{"consequences", boost::json::array{"schooling", "violence"}}};
  auto typed = ParseFindingValue(FindingKind::kSeriousConsequences, consequences, "value");
  ASSERT_TRUE(typed);
  EXPECT_EQ(FindingValueToJson(FindingKind::kSeriousConsequences, *typed), consequences);

  auto extra = ParseFindingValue(FindingKind::kConduct, {{"conduct", "abscond"}, {"note", "x"}}, "value");
  ASSERT_FALSE(extra);
  EXPECT_EQ(extra.error().field, "value.note");
  EXPECT_FALSE(ParseFindingValue(FindingKind::kConduct, {{"conduct", "fled"}}, "value"));
  EXPECT_FALSE(ParseFindingValue(FindingKind::kSeriousConsequences,
                                 {{"consequences", boost::json::array{"schooling", "schooling"}}}, "value"));
  EXPECT_FALSE(ParseFindingValue(FindingKind::kMassIncident, {{"occurred", "yes"}}, "value"));
}

// The case's input, written in the public contract and read back, assesses exactly as the case does:
// what `wagelink assess` answers for a case's assessment_input is what the case shows.
TEST(CaseFacts, TheCaseInputReplayedThroughTheContractAssessesTheSame) {
  std::mt19937 random(20261203);
  const auto pick = [&](int n) { return static_cast<int>(random() % static_cast<unsigned>(n)); };
  const Payer payers[] = {Payer::kEmployer, Payer::kActualController, Payer::kGeneralContractor,
                          Payer::kDeveloper, Payer::kEmergencyFund, Payer::kCourtExecution};
  for (int round = 0; round < 300; ++round) {
    CaseFacts facts;
    facts.province = std::vector<std::string>{"national-min", "national-max", "hebei", "unset", "jiangsu"}[pick(5)];
    const int workers = 1 + pick(16);
    for (int i = 0; i < workers; ++i) facts.workers.push_back({Fen::FromFen(100 * (1 + pick(3000000))), pick(9)});
    const int orders = pick(3);
    for (int i = 0; i < orders; ++i) {
      facts.orders.push_back({static_cast<OrderAddressee>(pick(4)), static_cast<OrderDelivery>(pick(3)),
                              Day("2026-03-01").AddDays(pick(20))});
    }
    const int payments = pick(8);
    for (int i = 0; i < payments; ++i) {
      const auto worker = static_cast<std::size_t>(pick(workers));
      facts.payments.push_back({worker, Fen::FromFen(facts.workers[worker].owed.fen() / (1 + pick(3))),
                                Day("2026-02-20").AddDays(pick(60)), payers[pick(6)]});
    }
    if (pick(2)) facts.milestones.filed_on = Day("2026-03-25");
    facts.findings.conduct = static_cast<Conduct>(pick(5));
    if (pick(3) == 0) facts.findings.consequences = {SeriousConsequence::kBasicLiving};
    facts.findings.mass_incident = pick(4) == 0;
    facts.findings.justified_reason = pick(6) == 0;
    if (pick(2)) facts.findings.compensation_borne = pick(2) == 0;
    facts.findings.employer_kind = static_cast<EmployerKind>(pick(3));

    const AssessmentInput input = AssessmentInputOf(facts, Day("2026-03-15").AddDays(pick(40)));
    const ThresholdProfile& profile = *OfficialThresholds().Find(facts.province);
    const std::string direct = boost::json::serialize(AssessmentToJson(Assess(input, profile)));
    auto replayed = AssessJson(boost::json::serialize(AssessmentInputToJson(input)), OfficialThresholds());
    ASSERT_TRUE(replayed) << replayed.error().message_en;
    ASSERT_EQ(boost::json::serialize(*replayed), direct) << "round " << round;
  }
}

}  // namespace
}  // namespace wagelink::domain
