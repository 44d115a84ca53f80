// Risk scoring against the shipped data/risk_rules.json (operator defaults) and hostile rule files.
#include "domain/risk_scoring.h"

#include <gtest/gtest.h>

#include "reference_data.h"

namespace wagelink::domain {
namespace {

RiskRuleSet ShippedRules() {
  auto rules = RiskRuleSet::Parse(test::ReadSourceFile("data/risk_rules.json"));
  if (!rules) throw std::runtime_error(rules.error().message_en);
  return std::move(rules).value();
}

Instant At(const char* rfc3339) { return Instant::ParseRfc3339(rfc3339).value(); }

bool Fired(const RiskAssessment& a, std::string_view id) {
  for (const auto& f : a.fired) {
    if (f.id == id) return true;
  }
  return false;
}

TEST(RiskScoring, S5SpecialAccountMassIncidentInSeasonIsSevereAndGoesToTheLeadership) {
  auto rules = ShippedRules();
  RiskFacts facts;
  facts.workers_affected = 63;
  facts.amount_fen = 120000000;
  facts.pay_due_dates = {CivilDate::ParseIso("2026-02-10").value()};
  facts.indicators = {{"special_account_months_unpaid", 2}, {"mass_incident_signal", 1}};
  auto a = ScoreRisk(rules, facts, At("2026-01-20T10:00:00+08:00"));
  EXPECT_EQ(a.level_code, "severe");
  EXPECT_TRUE(a.in_seasonal_window);
  EXPECT_TRUE(Fired(a, "RL-SPECIAL-ACCOUNT"));
  EXPECT_TRUE(Fired(a, "RL-MASS-INCIDENT"));
  EXPECT_TRUE(Fired(a, "W-SEASONAL"));
  EXPECT_FALSE(Fired(a, "W-PAY-OVERDUE"));  // the pay date is still ahead
  EXPECT_TRUE(a.notify_wage_office);
  EXPECT_TRUE(a.notify_leadership);
  EXPECT_EQ(a.review_days, 1);  // seasonal cadence of the top level
  EXPECT_EQ(a.next_review_date.ToIso(), "2026-01-21");
  for (const auto& f : a.fired) {
    if (f.id == "RL-SPECIAL-ACCOUNT") {
      EXPECT_EQ(f.observed, 2);
    }
    if (f.id == "RL-WORKERS") {
      EXPECT_EQ(f.observed, 63);
    }
  }
}

TEST(RiskScoring, ARedLineSetsAFloorEvenWithALowScore) {
  auto rules = ShippedRules();
  RiskFacts facts;
  facts.workers_affected = 3;
  facts.amount_fen = 1000000;
  facts.indicators = {{"special_account_months_unpaid", 2}};
  auto a = ScoreRisk(rules, facts, At("2026-06-01T10:00:00+08:00"));
  EXPECT_EQ(a.score, 35);
  EXPECT_EQ(a.level_code, "major");  // by score only "elevated"
  EXPECT_TRUE(a.notify_wage_office);
  EXPECT_FALSE(a.notify_leadership);
  EXPECT_FALSE(a.in_seasonal_window);
  EXPECT_EQ(a.review_days, 7);
}

TEST(RiskScoring, BelowEveryThresholdIsGeneralAndOneMonthOfSpecialAccountDoesNotFire) {
  auto rules = ShippedRules();
  RiskFacts facts;
  facts.workers_affected = 9;
  facts.amount_fen = 9999999;
  facts.indicators = {{"special_account_months_unpaid", 1}};
  auto a = ScoreRisk(rules, facts, At("2026-06-01T10:00:00+08:00"));
  EXPECT_EQ(a.level_code, "general");
  EXPECT_TRUE(a.fired.empty());
  EXPECT_FALSE(a.notify_wage_office);
  EXPECT_EQ(a.next_review_date.ToIso(), "2026-07-01");
}

TEST(RiskScoring, ThresholdsAreInclusiveAndAPassedPayDateFires) {
  auto rules = ShippedRules();
  RiskFacts facts;
  facts.workers_affected = 10;
  facts.amount_fen = 10000000;
  facts.pay_due_dates = {CivilDate::ParseIso("2026-05-31").value()};
  auto a = ScoreRisk(rules, facts, At("2026-06-01T00:30:00+08:00"));
  EXPECT_TRUE(Fired(a, "W-WORKERS-10"));
  EXPECT_TRUE(Fired(a, "W-AMOUNT-100K"));
  EXPECT_TRUE(Fired(a, "W-PAY-OVERDUE"));
  EXPECT_EQ(a.score, 35);
  EXPECT_EQ(a.level_code, "elevated");
}

TEST(RiskScoring, SeasonalWindowWrapsTheYearEnd) {
  auto rules = ShippedRules();
  const auto& w = rules.seasonal_window();
  EXPECT_TRUE(w.Contains(CivilDate::ParseIso("2025-11-01").value()));
  EXPECT_TRUE(w.Contains(CivilDate::ParseIso("2025-12-31").value()));
  EXPECT_TRUE(w.Contains(CivilDate::ParseIso("2026-02-28").value()));
  EXPECT_FALSE(w.Contains(CivilDate::ParseIso("2026-03-01").value()));
  EXPECT_FALSE(w.Contains(CivilDate::ParseIso("2025-10-31").value()));
  // 2025-10-31T16:30Z is already 11-01 in Shanghai.
  RiskFacts facts;
  EXPECT_TRUE(ScoreRisk(rules, facts, At("2025-10-31T16:30:00Z")).in_seasonal_window);
}

TEST(RiskScoring, ShippedRulesAreLabelledAsOperatorDefaultsWithASourcePerRule) {
  auto rules = ShippedRules();
  EXPECT_NE(rules.status_zh().find("平台默认值"), std::string::npos);
  for (const auto& r : rules.rules()) EXPECT_FALSE(r.basis.empty()) << r.id;
}

TEST(RiskScoring, MalformedRuleFilesAreRefusedWithThePath) {
  const std::string base =
      R"({"status":"platform_default","status_zh":"x","levels":[{"code":"a","zh":"a","en":"a","colour":"blue","min_score":0,"review_days":30,"seasonal_review_days":10},{"code":"b","zh":"b","en":"b","colour":"red","min_score":10,"review_days":3,"seasonal_review_days":1}],"seasonal_window":{"from":"11-01","to":"02-28","zh":"","en":"","basis":""},"escalation":{"wage_office_from_level":"b","leadership_from_level":"b"},"rules":[RULE]})";
  auto with = [&](const std::string& rule) {
    std::string text = base;
    text.replace(text.find("RULE"), 4, rule);
    return RiskRuleSet::Parse(text);
  };
  EXPECT_TRUE(with(R"({"id":"x","indicator":"workers_affected","at_least":5,"points":10,"zh":"","en":"","basis":""})").ok());
  auto unknown = with(R"({"id":"x","indicator":"moon_phase","at_least":5,"points":10,"zh":"","en":"","basis":""})");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().field, "rules[0].indicator");
  auto floor = with(R"({"id":"x","indicator":"workers_affected","at_least":5,"points":10,"floor_level":"purple","zh":"","en":"","basis":""})");
  ASSERT_FALSE(floor.ok());
  EXPECT_EQ(floor.error().field, "rules[0].floor_level");
  auto zero = with(R"({"id":"x","indicator":"workers_affected","at_least":0,"points":10,"zh":"","en":"","basis":""})");
  ASSERT_FALSE(zero.ok());
  EXPECT_EQ(zero.error().field, "rules[0].at_least");
  EXPECT_FALSE(RiskRuleSet::Parse("{not json").ok());
}

TEST(RiskScoring, WrittenReportCarriesTheFiguresTheRulesAndTheThresholdLabel) {
  auto rules = ShippedRules();
  RiskFacts facts;
  facts.workers_affected = 63;
  facts.amount_fen = 120000000;
  facts.indicators = {{"special_account_months_unpaid", 2}, {"mass_incident_signal", 1}};
  auto a = ScoreRisk(rules, facts, At("2026-01-20T10:00:00+08:00"));
  RiskReportInput in;
  in.risk_no = "FX-2026-0001";
  in.employer_name = "某路桥建设有限公司";
  in.project_name = "市政道路改造工程";
  in.workers_affected = 63;
  in.amount_fen = 120000000;
  in.source_zh = "银行专户预警";
  in.owner_body_zh = "区人社局";
  auto report = BuildRiskReport(rules, in, a);
  EXPECT_NE(report.title.find("特别重大"), std::string::npos);
  // Written for people: a Chinese date, amounts in 元, each rule by its name and its legal basis —
  // no rule ids, colour codes, ISO timestamps, amounts in 分 or references to LEGAL.md.
  EXPECT_EQ(report.date, "2026年1月20日");
  ASSERT_EQ(report.sections.size(), 4u);
  EXPECT_NE(report.sections[0].text.find("1,200,000.00 元"), std::string::npos);
  const std::string& judged = report.sections[1].text;
  EXPECT_NE(judged.find("截至2026年1月20日10时00分"), std::string::npos) << judged;
  EXPECT_NE(judged.find("群体性事件苗头"), std::string::npos) << judged;
  EXPECT_NE(judged.find("实际 1,200,000.00 元，达到 1,000,000.00 元"), std::string::npos) << judged;
  EXPECT_NE(judged.find("平台默认值"), std::string::npos);
  for (const char* machine : {"RL-", "(red)", "（red）", "T10:00", "120000000", "LEGAL.md", "SECONDARY", "LOCAL"}) {
    for (const auto& section : report.sections) EXPECT_EQ(section.text.find(machine), std::string::npos) << machine;
    for (const auto& figure : report.figures) EXPECT_EQ(figure.value.find(machine), std::string::npos) << machine;
  }
}

}  // namespace
}  // namespace wagelink::domain
