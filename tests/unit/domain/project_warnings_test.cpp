// Project warnings (工程建设项目监测预警) against the shipped data/project_warning_rules.json: every
// rule at every level, the district's thresholds, the §14 pay-day shift and hostile rule files.
#include "domain/project_warnings.h"

#include <gtest/gtest.h>

#include "reference_data.h"

namespace wagelink::domain {
namespace {

ProjectWarningRuleSet ShippedRules() {
  auto rules = ProjectWarningRuleSet::Parse(test::ReadSourceFile("data/project_warning_rules.json"));
  if (!rules) throw std::runtime_error(rules.error().message_en);
  return std::move(rules).value();
}

CivilDate D(const char* iso) { return CivilDate::ParseIso(iso).value(); }

// A project in good order: account opened with the contract, deposit held, board up, paid on the 15th.
ProjectRecord OrderlyProject() {
  ProjectRecord p;
  p.contract_signed_on = D("2026-03-01");
  p.special_account_opened_on = D("2026-03-10");
  p.wage_deposit = WageDeposit::kCash;
  p.notice_board_up = true;
  p.pay_day = 15;
  return p;
}

// `workers` attend `month`; the first `paid` of them are paid through the account on the 10th of
// the next month; `deposit_fen` of labour cost is paid in.
ProjectMonth Month(int year, unsigned month, int workers, int paid, std::int64_t deposit_fen = 30'000'000) {
  ProjectMonth m;
  m.year = year;
  m.month = month;
  for (int w = 0; w < workers; ++w) {
    const std::string key = "worker-" + std::to_string(w);
    m.attendance_days[key] = 22;
    if (w < paid) m.pay[key] = {600'000, D(month == 12 ? "2027-01-10" : (MonthKey(year, month + 1) + "-10").c_str()), true};
  }
  m.labour_cost_deposited_fen = deposit_fen;
  return m;
}

const RuleObservation& Observed(const std::vector<RuleObservation>& all, std::string_view rule) {
  for (const auto& o : all) {
    if (o.rule_id == rule) return o;
  }
  throw std::runtime_error("rule not evaluated");
}

std::string LevelOf(const ProjectWarningRuleSet& rules, const std::vector<RuleObservation>& all, std::string_view rule) {
  const auto& o = Observed(all, rule);
  return o.level ? rules.levels()[*o.level].code : "none";
}

class ProjectWarnings : public ::testing::Test {
 protected:
  ProjectWarningRuleSet rules = ShippedRules();
  const WorkCalendar& calendar = test::OfficialCalendar();
  std::vector<RuleObservation> Evaluate(const ProjectRecord& p, const std::vector<ProjectMonth>& months, const char* today) {
    return EvaluateProject(rules, p, months, D(today), calendar);
  }
};

TEST_F(ProjectWarnings, AnOrderlyProjectRaisesNothingAndSaysWhy) {
  auto all = Evaluate(OrderlyProject(), {Month(2026, 9, 40, 40), Month(2026, 10, 40, 40)}, "2026-11-20");
  ASSERT_EQ(all.size(), rules.rules().size()) << "every rule is measured";
  for (const auto& o : all) {
    EXPECT_FALSE(o.level) << o.rule_id << " fired at " << o.measured;
    EXPECT_FALSE(o.evidence.empty()) << o.rule_id << " says what cleared it";
  }
}

TEST_F(ProjectWarnings, NoSpecialAccountIsOrangeAfterThirtyDaysAndRedAfterSixty) {
  ProjectRecord p = OrderlyProject();
  p.special_account_opened_on.reset();
  EXPECT_EQ(LevelOf(rules, Evaluate(p, {}, "2026-03-30"), "PW-NO-SPECIAL-ACCOUNT"), "none");  // 29 days
  EXPECT_EQ(LevelOf(rules, Evaluate(p, {}, "2026-03-31"), "PW-NO-SPECIAL-ACCOUNT"), "orange");
  EXPECT_EQ(LevelOf(rules, Evaluate(p, {}, "2026-04-30"), "PW-NO-SPECIAL-ACCOUNT"), "red");
  auto all = Evaluate(p, {}, "2026-04-30");
  EXPECT_EQ(Observed(all, "PW-NO-SPECIAL-ACCOUNT").measured, 60);
  EXPECT_EQ(Observed(all, "PW-NO-SPECIAL-ACCOUNT").at_least, 60) << "the threshold that decided is reported";
  p.special_account_opened_on = D("2026-05-02");  // registered as opened later than today: not yet
  EXPECT_EQ(LevelOf(rules, Evaluate(p, {}, "2026-04-30"), "PW-NO-SPECIAL-ACCOUNT"), "red");
}

TEST_F(ProjectWarnings, LabourCostMissingForAMonthIsOrangeAndForTwoRunningMonthsRed) {
  const auto p = OrderlyProject();
  auto one = Evaluate(p, {Month(2026, 9, 40, 40), Month(2026, 10, 40, 40, 0)}, "2026-11-01");
  EXPECT_EQ(LevelOf(rules, one, "PW-LABOUR-COST-NOT-DEPOSITED"), "orange");
  EXPECT_EQ(Observed(one, "PW-LABOUR-COST-NOT-DEPOSITED").evidence.front().month, "2026-10");
  EXPECT_EQ(LevelOf(rules, Evaluate(p, {Month(2026, 10, 40, 40, 0)}, "2026-10-31"), "PW-LABOUR-COST-NOT-DEPOSITED"), "none")
      << "the month is not over yet";
  auto two = Evaluate(p, {Month(2026, 9, 40, 40, 0), Month(2026, 10, 40, 40, 0)}, "2026-11-01");
  EXPECT_EQ(LevelOf(rules, two, "PW-LABOUR-COST-NOT-DEPOSITED"), "red");
  auto broken = Evaluate(p, {Month(2026, 8, 40, 40, 0), Month(2026, 10, 40, 40, 0)}, "2026-11-01");
  EXPECT_EQ(Observed(broken, "PW-LABOUR-COST-NOT-DEPOSITED").measured, 1) << "a month without work ends the run";
  auto cleared = Evaluate(p, {Month(2026, 9, 40, 40, 0), Month(2026, 10, 40, 40, 0), Month(2026, 11, 40, 40)}, "2026-12-01");
  EXPECT_EQ(LevelOf(rules, cleared, "PW-LABOUR-COST-NOT-DEPOSITED"), "none") << "the newest month was paid in";
}

TEST_F(ProjectWarnings, WagesNotPaidThroughTheAccountByThePayDayAreRed) {
  const auto p = OrderlyProject();  // pay day 15: October's wages by 2026-11-13 (the 15th is a Sunday, §14)
  EXPECT_EQ(WageDeadline(2026, 10, 15, calendar), D("2026-11-13"));
  auto due = Evaluate(p, {Month(2026, 10, 40, 0)}, "2026-11-14");
  EXPECT_EQ(LevelOf(rules, due, "PW-WAGES-NOT-PAID-THROUGH-ACCOUNT"), "red");
  EXPECT_EQ(LevelOf(rules, Evaluate(p, {Month(2026, 10, 40, 0)}, "2026-11-13"), "PW-WAGES-NOT-PAID-THROUGH-ACCOUNT"), "none")
      << "on the pay day itself they are not late yet";
  ProjectMonth cash = Month(2026, 10, 40, 40);
  for (auto& [worker, pay] : cash.pay) pay.through_special_account = false;
  EXPECT_EQ(LevelOf(rules, Evaluate(p, {cash}, "2026-11-20"), "PW-WAGES-NOT-PAID-THROUGH-ACCOUNT"), "red")
      << "paid, but not through the special account (§31)";
}

TEST_F(ProjectWarnings, APayDayInAHolidayMovesBeforeItAndNoAgreedDayMeansTheEndOfTheNextMonth) {
  EXPECT_EQ(WageDeadline(2026, 9, 5, calendar), D("2026-09-30")) << "2026-10-05 is in the National Day holiday";
  EXPECT_EQ(WageDeadline(2026, 10, std::nullopt, calendar), D("2026-11-30"));
  EXPECT_EQ(WageDeadline(2026, 12, 31, calendar), D("2027-01-29")) << "the 31st of January 2027 is a Sunday";
  EXPECT_EQ(WageDeadline(2026, 1, 31, calendar), D("2026-02-28"))
      << "no 31 February: its last day, a Saturday worked to make up for the Spring Festival";
}

TEST_F(ProjectWarnings, FewerPaidThanAttendingIsYellowAndMoreThanTenPercentUnpaidRed) {
  const auto p = OrderlyProject();
  auto yellow = Evaluate(p, {Month(2026, 10, 100, 99)}, "2026-11-20");
  EXPECT_EQ(LevelOf(rules, yellow, "PW-PAID-HEADCOUNT-SHORT"), "yellow");
  EXPECT_EQ(Observed(yellow, "PW-PAID-HEADCOUNT-SHORT").evidence.front().worker_keys, std::vector<std::string>{"worker-99"});
  EXPECT_EQ(LevelOf(rules, Evaluate(p, {Month(2026, 10, 100, 90)}, "2026-11-20"), "PW-PAID-HEADCOUNT-SHORT"), "yellow")
      << "exactly 10% unpaid is not more than 10%";
  EXPECT_EQ(LevelOf(rules, Evaluate(p, {Month(2026, 10, 1000, 899)}, "2026-11-20"), "PW-PAID-HEADCOUNT-SHORT"), "red")
      << "10.1% unpaid";
}

TEST_F(ProjectWarnings, AWorkerAttendingUnpaidForTwoRunningMonthsIsOrangeAndThreeRed) {
  const auto p = OrderlyProject();
  std::vector<ProjectMonth> months{Month(2026, 8, 10, 10), Month(2026, 9, 10, 9), Month(2026, 10, 10, 9)};
  auto two = Evaluate(p, months, "2026-11-20");
  EXPECT_EQ(LevelOf(rules, two, "PW-WORKER-UNPAID-MONTHS"), "orange");
  EXPECT_EQ(Observed(two, "PW-WORKER-UNPAID-MONTHS").evidence.front().worker_keys, std::vector<std::string>{"worker-9"});
  months[0] = Month(2026, 8, 10, 9);
  EXPECT_EQ(LevelOf(rules, Evaluate(p, months, "2026-11-20"), "PW-WORKER-UNPAID-MONTHS"), "red");
  months[1].pay["worker-9"] = {600'000, D("2026-10-10"), true};
  EXPECT_EQ(Observed(Evaluate(p, months, "2026-11-20"), "PW-WORKER-UNPAID-MONTHS").measured, 1)
      << "a paid month ends the run";
}

TEST_F(ProjectWarnings, NoDepositIsOrangeUnlessExemptOrGuaranteedAndNoBoardYellow) {
  ProjectRecord p = OrderlyProject();
  p.wage_deposit = WageDeposit::kNone;
  p.notice_board_up = false;
  auto all = Evaluate(p, {}, "2026-04-01");
  EXPECT_EQ(LevelOf(rules, all, "PW-NO-WAGE-DEPOSIT"), "orange");
  EXPECT_EQ(LevelOf(rules, all, "PW-NO-NOTICE-BOARD"), "yellow");
  for (auto kind : {WageDeposit::kBankGuarantee, WageDeposit::kInsurance, WageDeposit::kExempt}) {
    p.wage_deposit = kind;
    EXPECT_EQ(LevelOf(rules, Evaluate(p, {}, "2026-04-01"), "PW-NO-WAGE-DEPOSIT"), "none") << WageDepositCode(kind);
  }
}

TEST_F(ProjectWarnings, TheDistrictsThresholdsReplaceTheDefaultsAndBadOnesAreRefused) {
  auto strict = rules.WithThresholds({{"PW-NO-SPECIAL-ACCOUNT", {10, 20}}});
  ASSERT_TRUE(strict) << strict.error().message_en;
  ProjectRecord p = OrderlyProject();
  p.special_account_opened_on.reset();
  auto all = EvaluateProject(*strict, p, {}, D("2026-03-21"), calendar);
  EXPECT_EQ(LevelOf(*strict, all, "PW-NO-SPECIAL-ACCOUNT"), "red");
  EXPECT_FALSE(rules.WithThresholds({{"PW-NOPE", {1}}}));
  EXPECT_FALSE(rules.WithThresholds({{"PW-NO-SPECIAL-ACCOUNT", {10}}})) << "one per grade";
  EXPECT_FALSE(rules.WithThresholds({{"PW-NO-SPECIAL-ACCOUNT", {20, 10}}})) << "must ascend";
  EXPECT_FALSE(rules.WithThresholds({{"PW-NO-SPECIAL-ACCOUNT", {0, 10}}}));
}

TEST_F(ProjectWarnings, EveryShippedRuleNamesItsLegalBasisAndStatus) {
  for (const auto& rule : rules.rules()) {
    EXPECT_NE(rule.basis.find("《"), std::string::npos) << rule.id << " names its document";
    EXPECT_FALSE(rule.threshold_basis.empty()) << rule.id;
    EXPECT_NE(rule.basis_en.find("art. "), std::string::npos) << rule.id << " names its article in English too";
    EXPECT_FALSE(rule.threshold_basis_en.empty()) << rule.id;
    EXPECT_TRUE(ParseSourceStatus(rule.threshold_status).has_value()) << rule.id;
    for (const auto& grade : rule.grades) EXPECT_LT(grade.level, rules.levels().size());
  }
  EXPECT_EQ(rules.rules().size(), ProjectWarningMeasures().size()) << "one shipped rule per measure";
}

TEST(ProjectWarningRules, HostileFilesAreRefusedWithThePathOfTheFault) {
  const std::string base = test::ReadSourceFile("data/project_warning_rules.json");
  auto with = [&](const std::string& from, const std::string& to) {
    std::string text = base;
    const auto at = text.find(from);
    if (at == std::string::npos) throw std::runtime_error("fixture text not found: " + from);
    return text.replace(at, from.size(), to);
  };
  for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
           {"\"measure\": \"no_notice_board\"", "\"measure\": \"board_colour\""},
           {"{\"level\": \"orange\", \"at_least\": 30}", "{\"level\": \"purple\", \"at_least\": 30}"},
           {"{\"level\": \"orange\", \"at_least\": 30}, {\"level\": \"red\", \"at_least\": 60}",
            "{\"level\": \"red\", \"at_least\": 30}, {\"level\": \"orange\", \"at_least\": 60}"},
           {"\"status\": \"CONFIRMED\"", "\"status\": \"probably\""},
           {"\"grades\": [{\"level\": \"yellow\", \"at_least\": 1}]}", "\"grades\": [], \"extra\": 1}"},
       }) {
    auto parsed = ProjectWarningRuleSet::Parse(with(from, to));
    EXPECT_FALSE(parsed) << to;
    if (!parsed) {
      EXPECT_NE(parsed.error().message_en.find("rules["), std::string::npos) << parsed.error().message_en;
    }
  }
}

}  // namespace
}  // namespace wagelink::domain
