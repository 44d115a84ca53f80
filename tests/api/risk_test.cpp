// The risk ledger through the API: scoring with the fired rules, escalation to the wage-arrears
// office and the leadership (with the written report), follow-ups, review reminders, closure with
// evidence (整改销号), reopening, permissions and bad input.
#include <gtest/gtest.h>

#include "domain/validators.h"
#include "support/pdf_text.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

std::string CreditCode(const std::string& first17) {
  return first17 + *domain::CreditCodeCheckCharacter(first17);
}

// S5: bank alert on the special account of a municipal road project, 63 workers, 1.2 million yuan due
// before the Spring Festival, a WeChat group talking of blocking the site gate.
boost::json::object ScenarioFiveRisk() {
  return {{"employer_name", "某市政路桥工程有限公司"},
          {"employer_credit_code", CreditCode("91330100MA2B3C4D5")},
          {"project_name", "滨江大道市政道路改造工程"},
          {"general_contractor_name", "某建工集团有限公司"},
          {"general_contractor_credit_code", CreditCode("91330100MA2H8K9L1")},
          {"special_account", "某银行滨江支行 农民工工资专用账户"},
          {"workers_affected", 63},
          {"amount_yuan", "1200000"},
          {"pay_due_dates", boost::json::array{"2026-02-10"}},
          {"source", "bank_special_account_alert"},
          {"indicators", {{"special_account_months_unpaid", 2}, {"mass_incident_signal", true}}},
          {"description", "银行预警：专用账户连续2个月未收到人工费用；微信群有人商议堵工地大门。"},
          {"owner_body", "hrss"}};
}

std::int64_t UnreadOfKind(HttpClient& client, const std::string& kind) {
  std::int64_t n = 0;
  const auto inbox = client.Get("/api/v1/inbox?page_size=200").Json();  // must outlive the loop
  for (const auto& item : inbox.at("items").as_array()) {
    n += item.at("kind").as_string() == kind && !item.at("read").as_bool();
  }
  return n;
}
std::int64_t UnreadOfKind(HttpClient&& client, const std::string& kind) { return UnreadOfKind(client, kind); }

bool FiredRule(const boost::json::value& risk, const std::string& id) {
  for (const auto& f : risk.at("assessment").at("fired").as_array()) {
    if (f.at("id").as_string() == id) return true;
  }
  return false;
}

TEST(Risk, S5BankAlertMassIncidentInTheSeasonalWindowIsRedAndReachesTheLeadershipWithAReport) {
  TestServer server({.start_time = *ParseUtc("2026-01-20T02:00:00Z")});  // 2026-01-20 10:00 Beijing
  HttpClient handler = server.LoginAs("handler");
  auto created = handler.PostJson("/api/v1/risks", ScenarioFiveRisk());
  ASSERT_EQ(created.status, 201) << created.body;
  auto risk = created.Json();
  EXPECT_EQ(risk.at("level"), "severe");
  EXPECT_EQ(risk.at("assessment").at("level_zh"), "特别重大");
  EXPECT_EQ(risk.at("assessment").at("colour"), "red");
  EXPECT_EQ(risk.at("assessment").at("as_of"), "2026-01-20T02:00:00Z");
  EXPECT_TRUE(risk.at("assessment").at("in_seasonal_window").as_bool());
  EXPECT_TRUE(FiredRule(risk, "RL-SPECIAL-ACCOUNT"));
  EXPECT_TRUE(FiredRule(risk, "RL-MASS-INCIDENT"));
  EXPECT_TRUE(FiredRule(risk, "W-SEASONAL"));
  EXPECT_NE(std::string(risk.at("assessment").at("thresholds").as_string()).find("平台默认值"), std::string::npos);
  EXPECT_EQ(risk.at("amount_yuan"), "1200000.00");
  EXPECT_EQ(risk.at("wage_office_notified_at"), "2026-01-20T02:00:00Z") << "at once";
  EXPECT_EQ(risk.at("leadership_notified_at"), "2026-01-20T02:00:00Z") << "the same day";
  EXPECT_TRUE(risk.at("has_report").as_bool());

  HttpClient coordinator = server.LoginAs("coordinator");
  EXPECT_EQ(UnreadOfKind(coordinator, "risk_major"), 1);
  HttpClient leader = server.LoginAs("leader");
  EXPECT_EQ(UnreadOfKind(leader, "risk_report"), 1);
  EXPECT_EQ(UnreadOfKind(server.LoginAs("police"), "risk_report"), 0);

  std::string path = "/api/v1/risks/" + std::to_string(risk.at("id").as_int64());
  auto report = leader.Get(path + "/report");
  ASSERT_EQ(report.status, 200) << report.body;
  auto r = report.Json();
  EXPECT_NE(std::string(r.at("title").as_string()).find("特别重大"), std::string::npos);
  EXPECT_EQ(r.at("addressee"), "区委、区政府");
  EXPECT_EQ(r.at("date"), "2026年1月20日");
  EXPECT_EQ(r.at("sections").as_array().size(), 4u);
  EXPECT_NE(std::string(r.at("sections").at(0).at("text").as_string()).find("63"), std::string::npos);
  EXPECT_NE(std::string(r.at("sections").at(0).at("text").as_string()).find("1,200,000.00"), std::string::npos);
  bool amount_figure = false;
  for (const auto& f : r.at("figures").as_array()) amount_figure |= f.at("value") == "1,200,000.00 元";
  EXPECT_TRUE(amount_figure);
  // The same report as a PDF for the leadership, with the viewer's watermark; audited.
  auto pdf = leader.Get(path + "/report.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  auto text = ReadPdf(pdf.body, "risk_report");
  EXPECT_GE(text.pages, 1);
  for (const char* expected : {"关于重大欠薪风险的书面报告", "区委、区政府：", "特别重大", "1,200,000.00", "主要数据", "以上报告，请审阅。"}) {
    EXPECT_NE(text.text.find(expected), std::string::npos) << expected << "\n" << text.text;
  }
  HttpClient police = server.LoginAs("police");
  EXPECT_EQ(police.Get(path + "/report.pdf").status, police.Get(path + "/report").status) << "the PDF follows the report's access rule";

  // Reviewed daily in the seasonal window at the top level: due 2026-01-21 09:00 Beijing.
  EXPECT_EQ(risk.at("next_review_at"), "2026-01-21T01:00:00Z");
}

TEST(Risk, AMinorRiskIsNotEscalatedAndHasNoReport) {
  TestServer server({.start_time = *ParseUtc("2026-06-01T02:00:00Z")});
  HttpClient police = server.LoginAs("police");
  auto body = ScenarioFiveRisk();
  body["workers_affected"] = 4;
  body["amount_yuan"] = 30000;
  body["indicators"] = boost::json::object{};
  body["source"] = "referral";
  auto created = police.PostJson("/api/v1/risks", body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json().at("level"), "general");
  EXPECT_TRUE(created.Json().at("wage_office_notified_at").is_null());
  EXPECT_EQ(created.Json().at("reported_by_body"), "police");
  std::string path = "/api/v1/risks/" + std::to_string(created.Json().at("id").as_int64());
  EXPECT_EQ(police.Get(path + "/report").status, 404);
  EXPECT_EQ(UnreadOfKind(server.LoginAs("coordinator"), "risk_major"), 0);
  EXPECT_EQ(UnreadOfKind(server.LoginAs("handler"), "risk_assigned"), 1) << "the owner body is told";
}

TEST(Risk, ARiskLinkedToACaseNamesItsCaseNumber) {
  TestServer server({.start_time = *ParseUtc("2026-06-01T02:00:00Z")});
  HttpClient handler = server.LoginAs("handler");
  auto filed = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
  ASSERT_EQ(filed.status, 201) << filed.body;
  const auto the_case = filed.Json();
  auto body = ScenarioFiveRisk();
  body["case_id"] = the_case.at("id").as_int64();
  auto created = handler.PostJson("/api/v1/risks", body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json().at("case_no"), the_case.at("case_no")) << "people read the case number, not the id";
  auto listed = handler.Get("/api/v1/risks").Json();
  EXPECT_EQ(listed.at("items").at(0).at("case_no"), the_case.at("case_no"));

  auto unlinked = handler.PostJson("/api/v1/risks", ScenarioFiveRisk());
  ASSERT_EQ(unlinked.status, 201) << unlinked.body;
  EXPECT_TRUE(unlinked.Json().at("case_no").is_null());
}

TEST(Risk, AFollowupThatAddsAMassIncidentSignalRescoresAndEscalatesOnce) {
  TestServer server({.start_time = *ParseUtc("2026-06-01T02:00:00Z")});
  HttpClient handler = server.LoginAs("handler");
  auto body = ScenarioFiveRisk();
  body["workers_affected"] = 12;
  body["amount_yuan"] = "150000";
  body["indicators"] = boost::json::object{};
  auto created = handler.PostJson("/api/v1/risks", body);
  ASSERT_EQ(created.status, 201);
  EXPECT_EQ(created.Json().at("level"), "elevated");  // 10 + 10 + 15 (the 02-10 pay date has passed)
  std::string path = "/api/v1/risks/" + std::to_string(created.Json().at("id").as_int64());

  server.clock().Advance(600);
  auto followed = handler.PostJson(path + "/followups",
                                   {{"note", "工人在工地门口聚集，扬言堵路"},
                                    {"indicators", {{"mass_incident_signal", 1}}},
                                    {"measures", "已约谈总包单位"}});
  ASSERT_EQ(followed.status, 201) << followed.body;
  auto risk = followed.Json();
  EXPECT_EQ(risk.at("level"), "major");
  EXPECT_EQ(risk.at("measures"), "已约谈总包单位");
  EXPECT_EQ(risk.at("followups").as_array().size(), 1u);
  EXPECT_EQ(risk.at("followups").at(0).at("level_after"), "major");
  EXPECT_EQ(risk.at("assessment").at("as_of"), "2026-06-01T02:10:00Z");
  EXPECT_EQ(risk.at("leadership_notified_at"), "2026-06-01T02:10:00Z") << "mass-incident signal goes to the leadership";
  bool rescored = false;
  for (const auto& h : risk.at("history").as_array()) rescored |= h.at("action") == "rescored";
  EXPECT_TRUE(rescored);

  ASSERT_EQ(handler.PostJson(path + "/followups", {{"note", "复核：情况未变"}}).status, 201);
  EXPECT_EQ(UnreadOfKind(server.LoginAs("coordinator"), "risk_major"), 1) << "escalated once, not at every follow-up";
  EXPECT_EQ(UnreadOfKind(server.LoginAs("leader"), "risk_report"), 1);
}

TEST(Risk, ReviewReminderGoesToTheOwnerAndTheWageOfficeOnceWhenDue) {
  TestServer server({.start_time = *ParseUtc("2026-06-01T02:00:00Z")});
  HttpClient police = server.LoginAs("police");
  auto body = ScenarioFiveRisk();
  body["indicators"] = {{"special_account_months_unpaid", 2}};
  body["workers_affected"] = 5;
  body["amount_yuan"] = "50000";
  body["owner_body"] = "police";
  auto created = police.PostJson("/api/v1/risks", body);
  ASSERT_EQ(created.status, 201);
  ASSERT_EQ(created.Json().at("level"), "major");
  EXPECT_EQ(created.Json().at("next_review_at"), "2026-06-08T01:00:00Z");  // 7 days outside the season

  server.clock().Set(*ParseUtc("2026-06-08T00:59:59Z"));
  server.app().RunJobsOnce();
  police = server.LoginAs("police");
  EXPECT_EQ(UnreadOfKind(police, "risk_review_due"), 0);
  server.clock().Set(*ParseUtc("2026-06-08T01:00:00Z"));
  server.app().RunJobsOnce();
  server.app().RunJobsOnce();
  EXPECT_EQ(UnreadOfKind(police, "risk_review_due"), 1);
  EXPECT_EQ(UnreadOfKind(server.LoginAs("coordinator"), "risk_review_due"), 1);

  // A follow-up resets the cadence.
  std::string path = "/api/v1/risks/" + std::to_string(created.Json().at("id").as_int64());
  auto followed = police.PostJson(path + "/followups", {{"note", "已复核"}});
  ASSERT_EQ(followed.status, 201);
  EXPECT_EQ(followed.Json().at("next_review_at"), "2026-06-15T01:00:00Z");
}

TEST(Risk, ClosingNeedsEvidenceAndTheOwnerOrTheWageOfficeAndReopeningIsRecorded) {
  TestServer server({.start_time = *ParseUtc("2026-01-20T02:00:00Z")});
  HttpClient handler = server.LoginAs("handler");
  auto created = handler.PostJson("/api/v1/risks", ScenarioFiveRisk());
  ASSERT_EQ(created.status, 201);
  std::string path = "/api/v1/risks/" + std::to_string(created.Json().at("id").as_int64());

  auto no_evidence = handler.PostJson(path + "/close", {{"evidence", ""}});
  EXPECT_EQ(no_evidence.status, 400);
  EXPECT_EQ(no_evidence.Json().at("field"), "evidence");
  auto police_close = server.LoginAs("police").PostJson(path + "/close", {{"evidence", "x"}});
  EXPECT_EQ(police_close.status, 403) << "police is neither the owner nor the wage-arrears office";
  EXPECT_EQ(server.LoginAs("leader").PostJson(path + "/close", {{"evidence", "x"}}).status, 403);

  server.clock().Set(*ParseUtc("2026-02-06T02:00:00Z"));
  HttpClient coordinator = server.LoginAs("coordinator");
  auto closed = coordinator.PostJson(path + "/close", {{"evidence", "建设单位已拨付人工费用120万元，工资已全额发放，工资支付表已核"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json().at("status"), "closed");
  EXPECT_EQ(closed.Json().at("closed_by_body"), "wage_office");
  EXPECT_EQ(closed.Json().at("closed_at"), "2026-02-06T02:00:00Z");
  EXPECT_EQ(coordinator.PostJson(path + "/close", {{"evidence", "again"}}).status, 409);
  EXPECT_EQ(coordinator.PostJson(path + "/followups", {{"note", "x"}}).status, 409);

  auto reopened = coordinator.PostJson(path + "/reopen", {{"reason", "节后再次出现欠薪"}});
  ASSERT_EQ(reopened.status, 200) << reopened.body;
  EXPECT_EQ(reopened.Json().at("status"), "open");
  EXPECT_TRUE(reopened.Json().at("closing_evidence").is_null());
  std::vector<std::string> actions;
  const auto reopened_json = reopened.Json();
  for (const auto& h : reopened_json.at("history").as_array()) actions.emplace_back(h.at("action").as_string());
  EXPECT_EQ(actions.front(), "created");
  EXPECT_NE(std::find(actions.begin(), actions.end(), "closed"), actions.end());
  EXPECT_EQ(actions.back(), "reopened");
  EXPECT_EQ(coordinator.PostJson(path + "/reopen", {{"reason", "x"}}).status, 409);

  handler = server.LoginAs("handler");  // the old session idled out while the clock jumped
  auto open_list = handler.Get("/api/v1/risks?status=open&level=severe").Json();
  EXPECT_EQ(open_list.at("total").as_int64(), 1);
  EXPECT_EQ(handler.Get("/api/v1/risks?status=closed").Json().at("total").as_int64(), 0);
}

TEST(Risk, ReadersWithoutRiskWriteAndAdministratorsAreRefused) {
  TestServer server({.start_time = *ParseUtc("2026-01-20T02:00:00Z")});
  for (const char* user : {"prosecutor", "judge", "leader"}) {
    EXPECT_EQ(server.LoginAs(user).PostJson("/api/v1/risks", ScenarioFiveRisk()).status, 403) << user;
  }
  HttpClient sysadmin = server.LoginAs("sysadmin");
  EXPECT_EQ(sysadmin.Get("/api/v1/risks").status, 403);
  EXPECT_EQ(sysadmin.Get("/api/v1/risks/rules").status, 403);
  HttpClient judge = server.LoginAs("judge");
  EXPECT_EQ(judge.Get("/api/v1/risks").status, 200);
  auto rules = judge.Get("/api/v1/risks/rules").Json();
  EXPECT_EQ(rules.at("levels").as_array().size(), 4u);
  EXPECT_NE(std::string(rules.at("status_zh").as_string()).find("平台默认值"), std::string::npos);
  EXPECT_EQ(judge.Get("/api/v1/risks/999").status, 404);
  EXPECT_EQ(server.Client().Get("/api/v1/risks").status, 401);
}

TEST(Risk, APublicOpinionTipMayComeWithoutTheCreditCodeEveryOtherSourceNeedsIt) {
  TestServer server({.start_time = *ParseUtc("2026-06-01T02:00:00Z")});
  HttpClient handler = server.LoginAs("handler");
  auto rules = handler.Get("/api/v1/risks/rules").Json();
  ASSERT_EQ(rules.at("credit_code_optional_sources").as_array().size(), 1u);
  EXPECT_EQ(rules.at("credit_code_optional_sources").at(0), "public_opinion");

  auto tip = ScenarioFiveRisk();
  tip["source"] = "public_opinion";
  tip["employer_credit_code"] = "";
  tip.erase("general_contractor_credit_code");
  auto created = handler.PostJson("/api/v1/risks", tip);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json().at("employer_credit_code"), "");
  // A code that is given is still checked.
  tip["employer_credit_code"] = "123";
  auto wrong = handler.PostJson("/api/v1/risks", tip);
  EXPECT_EQ(wrong.status, 400) << wrong.body;
  EXPECT_EQ(wrong.Json().at("field"), "employer_credit_code");
  // Any other source without a code is refused.
  tip["employer_credit_code"] = "";
  tip["source"] = "inspection";
  auto refused = handler.PostJson("/api/v1/risks", tip);
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.Json().at("field"), "employer_credit_code");
}

TEST(Risk, BadInputIsRefusedWithTheFieldNamed) {
  TestServer server({.start_time = *ParseUtc("2026-01-20T02:00:00Z")});
  HttpClient handler = server.LoginAs("handler");
  auto expect_field = [&](boost::json::object body, const std::string& field) {
    auto response = handler.PostJson("/api/v1/risks", body);
    EXPECT_EQ(response.status, 400) << field << " " << response.body;
    EXPECT_EQ(response.Json().at("field").as_string(), field) << response.body;
  };
  auto bad = ScenarioFiveRisk();
  std::string code(bad["employer_credit_code"].as_string());
  code.back() = code.back() == '0' ? '1' : '0';
  bad["employer_credit_code"] = code;
  expect_field(bad, "employer_credit_code");
  bad = ScenarioFiveRisk();
  bad["general_contractor_credit_code"] = "123";
  expect_field(bad, "general_contractor_credit_code");
  bad = ScenarioFiveRisk();
  bad["workers_affected"] = 0;
  expect_field(bad, "workers_affected");
  bad = ScenarioFiveRisk();
  bad["amount_yuan"] = "-5";
  expect_field(bad, "amount_yuan");
  bad = ScenarioFiveRisk();
  bad["source"] = "rumour";
  expect_field(bad, "source");
  bad = ScenarioFiveRisk();
  bad["owner_body"] = "leadership";
  expect_field(bad, "owner_body");
  bad = ScenarioFiveRisk();
  bad["indicators"] = {{"moon_phase", 1}};
  expect_field(bad, "indicators.moon_phase");
  bad = ScenarioFiveRisk();
  bad["indicators"] = {{"mass_incident_signal", 7}};
  expect_field(bad, "indicators.mass_incident_signal");
  bad = ScenarioFiveRisk();
  bad["pay_due_dates"] = boost::json::array{"2026-02-30"};
  expect_field(bad, "pay_due_dates[0]");
  bad = ScenarioFiveRisk();
  bad["case_id"] = 424242;
  expect_field(bad, "case_id");
  bad = ScenarioFiveRisk();
  bad.erase("employer_name");
  expect_field(bad, "employer_name");
  EXPECT_EQ(handler.Get("/api/v1/risks?level=purple").Json().at("field"), "level");
  EXPECT_EQ(handler.Get("/api/v1/risks").Json().at("total").as_int64(), 0) << "nothing was stored";
}

}  // namespace
}  // namespace wagelink::testing
