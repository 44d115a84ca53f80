// The blacklist lifecycle of 人社部令第45号 with the real data/exposure_rules.json and the official
// 2026 calendar: notice over the Spring Festival, the decision gate, the 3-year term computed on
// read, early removal after full payment + 6 months + undertaking, and refused steps.
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

Result<ListingFacts> Step(const ListingFacts& facts, ListingAction action, std::string_view today) {
  return ApplyListingAction(Rules(), test::OfficialCalendar(), facts, {action, Date(today)});
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
  EXPECT_FALSE(noticed->defence_uncertain);
}

TEST(BlacklistLifecycle, DecisionWaitsForThePeriodOrTheStatement) {
  auto noticed = *Step({}, ListingAction::kServeNotice, "2026-02-12");
  auto early = Step(noticed, ListingAction::kDecideList, "2026-02-26");
  ASSERT_FALSE(early);
  EXPECT_EQ(early.error().code, ErrorCode::kTransitionRefused);
  EXPECT_NE(early.error().message_zh.find("2026-02-26"), std::string::npos);

  auto defended = *Step(noticed, ListingAction::kRecordDefence, "2026-02-24");
  auto listed = Step(defended, ListingAction::kDecideList, "2026-02-25");
  ASSERT_TRUE(listed) << listed.error().message_en;
  EXPECT_EQ(listed->listed_on, Date("2026-02-25"));
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
    return ApplyListingAction(Rules(), test::OfficialCalendar(), listed,
                              {ListingAction::kRemoveEarly, Date(today), paid, undertaking});
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
  auto withdrawn = *Step({}, ListingAction::kWithdraw, "2026-03-02");
  EXPECT_FALSE(Step(withdrawn, ListingAction::kCorrect, "2026-03-03"));
  EXPECT_TRUE(Step(Listed(), ListingAction::kCorrect, "2026-03-03"));
  EXPECT_EQ(Step(Listed(), ListingAction::kRevoke, "2026-03-03")->status, ListingStatus::kRevoked);
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
