// The blacklist lifecycle of 人社部令第45号 with the real data/exposure_rules.json and the official
// 2026 calendar: notice over the Spring Festival counted in working days from service, no decision
// before the 陈述申辩 period has ended (not even with the party's statement on file), listed only from
// the decision date, steps recorded on the day they happened, the 3-year term computed on read, early
// removal after full payment + 6 months + undertaking, and refused steps.
#include "domain/blacklist_lifecycle.h"

#include <gtest/gtest.h>

#include "reference_data.h"

namespace wagelink::domain {
namespace {
using test::Date;

const ExposureRules& Rules() {
  static const ExposureRules rules = [] {
    auto parsed = ParseExposureRules(test::ReadSourceFile("data/exposure_rules.json"));
    if (!parsed) throw std::runtime_error(parsed.error().message_en);
    return std::move(parsed).value();
  }();
  return rules;
}

constexpr std::string_view kReasons = "陈述申辩期满，理由不成立，决定列入";

Result<ListingFacts> Step(const ListingFacts& facts, ListingAction action, std::string_view today,
                          std::string_view text = kReasons, std::optional<CivilDate> on = std::nullopt,
                          const ExposureRules& rules = Rules()) {
  return ApplyListingAction(rules, test::OfficialCalendar(), facts, {action, Date(today), on, text});
}

ListingFacts Listed() {
  auto noticed = Step({}, ListingAction::kServeNotice, "2026-02-12");
  auto listed = Step(*noticed, ListingAction::kDecideList, "2026-02-27");
  return *listed;
}

TEST(ExposureRules, DataFileCarriesTheConfirmedTermsAndTheUnconfirmedPeriods) {
  EXPECT_EQ(Rules().listing_term_years.value, 3);
  EXPECT_EQ(Rules().listing_term_years.status, SourceStatus::kConfirmed);
  EXPECT_EQ(Rules().early_removal_months_after_payment.value, 6);
  EXPECT_EQ(Rules().defence_period_working_days.status, SourceStatus::kUnconfirmed);
  EXPECT_EQ(Rules().decision_deadline_working_days.status, SourceStatus::kUnconfirmed);
  EXPECT_EQ(Rules().categories.size(), 7u) << "29号令 lists seven categories";
  ASSERT_NE(Rules().FindCriterion("amount"), nullptr);
  ASSERT_NE(Rules().FindCriterion("mass_incident"), nullptr);
  EXPECT_NE(Rules().FindCriterion("mass_incident")->citation.find("第五条第（二）项"), std::string::npos);
  ASSERT_NE(Rules().FindCategory("wage_arrears"), nullptr);
}

TEST(ExposureRules, RefusesUnknownKeysAndStatusTags) {
  auto text = test::ReadSourceFile("data/exposure_rules.json");
  std::string typo = text;
  typo.replace(typo.find("\"listing_term_years\""), 20, "\"listing_term_yeers\"");
  EXPECT_FALSE(ParseExposureRules(typo));
  std::string bad_status = text;
  bad_status.replace(bad_status.find("\"CONFIRMED\""), 11, "\"PROBABLY\"");
  EXPECT_FALSE(ParseExposureRules(bad_status));
}

TEST(BlacklistLifecycle, NoticeOverTheSpringFestivalRunsFiveWorkingDays) {
  auto noticed = Step({}, ListingAction::kServeNotice, "2026-02-12");
  ASSERT_TRUE(noticed) << noticed.error().message_en;
  EXPECT_EQ(noticed->status, ListingStatus::kNoticed);
  // 02-13 Fri, 02-14 Sat (调休上班), holiday 02-15..23, then 02-24, 02-25, 02-26.
  EXPECT_EQ(noticed->defence_due_on, Date("2026-02-26"));
  EXPECT_EQ(noticed->defence_period_days, 5);
  EXPECT_FALSE(noticed->defence_uncertain);
}

TEST(BlacklistLifecycle, ThePeriodIsTheDistrictsSettingCountedInWorkingDaysFromService) {
  ExposureRules ten = Rules();
  ten.defence_period_working_days.value = 10;
  // Served Friday 2026-04-24; 05-01..05 is the Labour Day holiday and Saturday 05-09 a 调休 working day.
  auto noticed = Step({}, ListingAction::kServeNotice, "2026-04-24", "", std::nullopt, ten);
  ASSERT_TRUE(noticed) << noticed.error().message_en;
  // 04-27, 28, 29, 30, 05-06, 07, 08, 09, 11, 12.
  EXPECT_EQ(noticed->defence_due_on, Date("2026-05-12"));
  EXPECT_EQ(noticed->defence_period_days, 10);
}

TEST(BlacklistLifecycle, NoDecisionBeforeThePeriodHasEndedEvenWithTheStatementOnFile) {
  auto noticed = *Step({}, ListingAction::kServeNotice, "2026-02-12");
  for (auto action : {ListingAction::kDecideList, ListingAction::kDecideNotList}) {
    auto early = Step(noticed, action, "2026-02-26");
    ASSERT_FALSE(early);
    EXPECT_EQ(early.error().code, ErrorCode::kDueProcessPending);
    EXPECT_NE(early.error().message_zh.find("2026年2月26日"), std::string::npos) << early.error().message_zh;
    EXPECT_NE(early.error().message_en.find("2026-02-26"), std::string::npos);
  }
  EXPECT_EQ(EffectiveStatus(noticed, Date("2026-02-26")), ListingStatus::kNoticed);
  EXPECT_EQ(EffectiveStatus(noticed, Date("2026-02-27")), ListingStatus::kAwaitingDecision);

  EXPECT_EQ(Step(noticed, ListingAction::kRecordDefence, "2026-02-24", " ").error().field, "note")
      << "a statement is recorded with its text";
  auto defended = Step(noticed, ListingAction::kRecordDefence, "2026-02-24", "资金周转困难，请求暂缓列入");
  ASSERT_TRUE(defended) << defended.error().message_en;
  EXPECT_EQ(defended->defence_received_on, Date("2026-02-24"));
  auto still_early = Step(*defended, ListingAction::kDecideList, "2026-02-25");
  ASSERT_FALSE(still_early);
  EXPECT_EQ(still_early.error().code, ErrorCode::kDueProcessPending) << "the period is the party's to use";

  EXPECT_EQ(Step(*defended, ListingAction::kDecideList, "2026-02-27", "").error().field, "note")
      << "a decision states its reasons";
  auto listed = Step(*defended, ListingAction::kDecideList, "2026-02-27");
  ASSERT_TRUE(listed) << listed.error().message_en;
  EXPECT_EQ(listed->decided_on, Date("2026-02-27"));
  EXPECT_EQ(listed->listed_on, Date("2026-02-27"));
  auto declined = Step(*defended, ListingAction::kDecideNotList, "2026-03-02", "陈述申辩理由成立");
  ASSERT_TRUE(declined) << declined.error().message_en;
  EXPECT_EQ(declined->status, ListingStatus::kNotListed);
  EXPECT_EQ(declined->decided_on, Date("2026-03-02"));
  EXPECT_FALSE(declined->listed_on);
}

TEST(BlacklistLifecycle, ListedOnlyFromTheDecision) {
  auto noticed = *Step({}, ListingAction::kServeNotice, "2026-02-12");
  for (auto day : {"2026-02-12", "2026-02-26", "2026-02-27", "2027-01-01"}) {
    const auto status = EffectiveStatus(noticed, Date(day));
    EXPECT_FALSE(WasListed(status)) << day;
    EXPECT_TRUE(IsPendingDecision(status)) << day;
  }
  const ListingFacts listed = Listed();
  EXPECT_TRUE(WasListed(EffectiveStatus(listed, Date("2026-02-27"))));
  EXPECT_FALSE(IsPendingDecision(EffectiveStatus(listed, Date("2026-02-27"))));
  EXPECT_TRUE(WasListed(EffectiveStatus(listed, Date("2030-01-01")))) << "expired, but it was listed";
}

TEST(BlacklistLifecycle, StepsAreRecordedOnTheDayTheyHappenedNeverInTheFutureOrOutOfOrder) {
  ListingFacts proposed;
  proposed.proposed_on = Date("2026-02-09");
  auto served = Step(proposed, ListingAction::kServeNotice, "2026-02-13", "", Date("2026-02-10"));
  ASSERT_TRUE(served) << served.error().message_en;
  EXPECT_EQ(served->notice_served_on, Date("2026-02-10"));
  EXPECT_EQ(served->defence_due_on, Date("2026-02-24")) << "02-11, 12, 13, 14 (调休), holiday, 02-24";
  EXPECT_EQ(Step(proposed, ListingAction::kServeNotice, "2026-02-13", "", Date("2026-02-14")).error().field, "on")
      << "not in the future";
  EXPECT_EQ(Step(proposed, ListingAction::kServeNotice, "2026-02-13", "", Date("2026-02-06")).error().field, "on")
      << "not before the proposal";
  EXPECT_EQ(Step(*served, ListingAction::kRecordDefence, "2026-02-13", "陈述", Date("2026-02-09")).error().field, "on");
  auto backdated_early = Step(*served, ListingAction::kDecideList, "2026-03-10", kReasons, Date("2026-02-24"));
  ASSERT_FALSE(backdated_early);
  EXPECT_EQ(backdated_early.error().code, ErrorCode::kDueProcessPending) << "a decision dated inside the period";
  auto backdated = Step(*served, ListingAction::kDecideList, "2026-03-10", kReasons, Date("2026-02-25"));
  ASSERT_TRUE(backdated) << backdated.error().message_en;
  EXPECT_EQ(backdated->listed_on, Date("2026-02-25"));
  EXPECT_EQ(backdated->ends_on, Date("2029-02-24"));
}

TEST(BlacklistLifecycle, ThreeYearTermEndsOnReadWithoutAJob) {
  const ListingFacts listed = Listed();
  EXPECT_EQ(listed.listed_on, Date("2026-02-27"));
  EXPECT_EQ(listed.ends_on, Date("2029-02-26"));
  EXPECT_EQ(EffectiveStatus(listed, Date("2029-02-26")), ListingStatus::kListed);
  EXPECT_EQ(EffectiveStatus(listed, Date("2029-02-27")), ListingStatus::kExpired);
  auto after = Step(listed, ListingAction::kRevoke, "2029-03-01");
  ASSERT_FALSE(after);
  EXPECT_EQ(after.error().code, ErrorCode::kTransitionRefused) << "an expired listing is no longer revocable";
}

TEST(BlacklistLifecycle, EarlyRemovalNeedsSixMonthsAfterFullPaymentAndTheUndertaking) {
  const ListingFacts listed = Listed();
  auto apply = [&](std::string_view today, bool undertaking, std::optional<CivilDate> paid) {
    ListingActionInput input{ListingAction::kRemoveEarly, Date(today)};
    input.paid_in_full_on = paid;
    input.undertaking = undertaking;
    return ApplyListingAction(Rules(), test::OfficialCalendar(), listed, input);
  };
  EXPECT_EQ(apply("2026-09-30", true, std::nullopt).error().field, "paid_in_full_on");
  EXPECT_EQ(apply("2026-09-30", false, Date("2026-03-31")).error().field, "undertaking");
  auto too_soon = apply("2026-09-29", true, Date("2026-03-31"));
  ASSERT_FALSE(too_soon);
  EXPECT_NE(too_soon.error().message_zh.find("2026-09-30"), std::string::npos) << "month-end clamp (民法典 §202)";
  EXPECT_EQ(apply("2026-04-01", true, Date("2026-04-02")).error().field, "paid_in_full_on") << "future payment";
  auto removed = apply("2026-09-30", true, Date("2026-03-31"));
  ASSERT_TRUE(removed) << removed.error().message_en;
  EXPECT_EQ(removed->status, ListingStatus::kRemovedEarly);
  EXPECT_EQ(removed->closed_on, Date("2026-09-30"));
  EXPECT_EQ(EarliestEarlyRemoval(Rules(), Date("2026-03-31")), Date("2026-09-30"));
}

TEST(BlacklistLifecycle, StepsOutOfOrderAreRefused) {
  EXPECT_FALSE(Step({}, ListingAction::kDecideList, "2026-03-02"));
  EXPECT_FALSE(Step({}, ListingAction::kRemoveEarly, "2026-03-02"));
  EXPECT_FALSE(Step(Listed(), ListingAction::kServeNotice, "2026-03-02"));
  EXPECT_FALSE(Step(Listed(), ListingAction::kWithdraw, "2026-03-02"));
  EXPECT_FALSE(Step(Listed(), ListingAction::kRecordDefence, "2026-03-02")) << "no statement after the decision";
  auto noticed = *Step({}, ListingAction::kServeNotice, "2026-02-12");
  EXPECT_EQ(Step(noticed, ListingAction::kWithdraw, "2026-03-02")->status, ListingStatus::kWithdrawn)
      << "withdrawn while awaiting the decision";
  auto withdrawn = *Step({}, ListingAction::kWithdraw, "2026-03-02");
  EXPECT_FALSE(Step(withdrawn, ListingAction::kCorrect, "2026-03-03"));
  EXPECT_TRUE(Step(Listed(), ListingAction::kCorrect, "2026-03-03"));
  EXPECT_EQ(Step(Listed(), ListingAction::kRevoke, "2026-03-03")->status, ListingStatus::kRevoked);
}

TEST(ListingEligibility, FollowsTheCaseAssessmentRefusingNotEligibleAndAskingAReasonWhenUnknown) {
  EligibilityFinding no{true, false, std::nullopt, "逾期未支付，但数额未达到标准", "amount not met"};
  auto refused = CheckListingEligibility(Rules(), no, {"amount", "理由"});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::kTransitionRefused);
  EXPECT_EQ(refused.error().field, "case_id");
  EXPECT_NE(refused.error().message_zh.find("数额未达到标准"), std::string::npos) << "the assessment's explanation";
  EXPECT_FALSE(CheckListingEligibility(Rules(), {}, {"amount", ""})) << "no finding at all";

  EligibilityFinding unknown{true, std::nullopt, std::nullopt, "暂无法判断", "unknown"};
  EXPECT_EQ(CheckListingEligibility(Rules(), unknown, {"amount", " "}).error().field, "eligibility_reason");
  EXPECT_EQ(CheckListingEligibility(Rules(), unknown, {std::nullopt, "已核实工人围堵事件"}).error().field, "criterion")
      << "the criterion relied on must be stated when the assessment names none";
  EXPECT_EQ(*CheckListingEligibility(Rules(), unknown, {"mass_incident", "已核实工人围堵事件"}), "mass_incident");

  EligibilityFinding yes{true, true, std::nullopt, "", ""};
  EXPECT_EQ(*CheckListingEligibility(Rules(), yes, {"amount", ""}), "amount") << "no reason needed when eligible";
  EXPECT_EQ(CheckListingEligibility(Rules(), yes, {"rumour", ""}).error().field, "criterion");
  EligibilityFinding by_amount{true, true, std::string("amount"), "", ""};
  EXPECT_EQ(*CheckListingEligibility(Rules(), by_amount, {std::nullopt, ""}), "amount") << "the assessment's criterion";
  EXPECT_EQ(CheckListingEligibility(Rules(), by_amount, {"mass_incident", ""}).error().field, "criterion")
      << "never contradicts the assessment";
}

TEST(BlacklistLifecycle, ResponsiblePersonsNeedExactlyOneHead) {
  using R = ResponsiblePersonRole;
  EXPECT_TRUE(ValidateResponsiblePersons({{R::kLegalRepresentative, "王某"}, {R::kDirectSupervisor, "李某"}}));
  EXPECT_FALSE(ValidateResponsiblePersons({}));
  EXPECT_FALSE(ValidateResponsiblePersons({{R::kDirectSupervisor, "李某"}}));
  EXPECT_FALSE(ValidateResponsiblePersons({{R::kLegalRepresentative, "王某"}, {R::kPrincipal, "赵某"}}));
  EXPECT_EQ(ValidateResponsiblePersons({{R::kPrincipal, ""}}).error().field, "persons[0].name");
  for (auto code : {"legal_representative", "principal", "direct_supervisor", "other_directly_responsible"}) {
    EXPECT_EQ(ResponsiblePersonRoleCode(*ParseResponsiblePersonRole(code)), code);
  }
}

}  // namespace
}  // namespace wagelink::domain
