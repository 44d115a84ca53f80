// Issue 17, 工程建设项目监测预警: a registered project's monthly feeds raise warnings by the rules of
// data/project_warning_rules.json, the warnings open, raise and close the project's risk item, and
// the feeds keep no ID number. The test server's clock starts on 2026-01-05 (Monday, 09:00 Beijing).
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <string>

#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

boost::json::object Project() {
  return {{"name", "滨江花园二期住宅工程"},
          {"location", "示范区滨江路18号"},
          {"builder", {{"name", "示范区滨江置业有限公司"}, {"credit_code", ValidCreditCode("91330100MA2B3C4D5")}}},
          {"contractor", {{"name", "某建工集团有限公司"}, {"credit_code", ValidCreditCode("91330100MA2K7Y8W9")}}},
          {"contractor_site_office", "滨江花园二期项目部"},
          {"sector_authority", "区住房和城乡建设局"},
          {"labour_officer_name", "钱专管"},
          {"contract_sum_yuan", "86000000"},
          {"contract_signed_on", "2025-09-01"},
          {"started_on", "2025-09-20"},
          {"pay_day", 15},
          {"special_account_bank", "示范银行滨江支行"},
          {"special_account_opened_on", "2025-09-10"},
          {"wage_deposit", "cash"},
          {"wage_deposit_amount_yuan", "1290000"},
          {"wage_deposit_rate_permille", 15},
          {"notice_board_up", true}};
}

std::string WorkerId(int n) {
  return SyntheticIdNumber("3301061990", 1 + n % 12, 1 + n % 28, 100 + n % 900);
}

const char* kNames[] = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵军", "黄敏", "周强", "吴丽"};

boost::json::object Attendance(const std::string& month, int workers) {
  boost::json::array rows;
  for (int w = 0; w < workers; ++w) rows.push_back({{"id_number", WorkerId(w)}, {"name", kNames[w % 10]}, {"days", 22}});
  return {{"kind", "attendance"}, {"month", month}, {"rows", rows}};
}

boost::json::object Payroll(const std::string& month, int paid, const std::string& paid_on) {
  boost::json::array rows;
  for (int w = 0; w < paid; ++w) {
    rows.push_back({{"id_number", WorkerId(w)}, {"name", kNames[w % 10]}, {"amount_yuan", "6800.00"},
                    {"paid_on", paid_on}, {"through_special_account", true}});
  }
  return {{"kind", "payroll"}, {"month", month}, {"rows", rows}};
}

boost::json::object Account(const std::string& month, const std::string& labour_cost_on) {
  boost::json::array rows;
  if (!labour_cost_on.empty()) {
    rows.push_back({{"date", labour_cost_on}, {"purpose", "labour_cost"}, {"amount_yuan", "150000.00"}});
  }
  return {{"kind", "account"}, {"month", month}, {"rows", rows}};
}

const boost::json::object* OpenWarning(const boost::json::value& project, std::string_view rule) {
  for (const auto& w : project.at("warnings").as_array()) {
    if (w.at("rule_id").as_string() == rule && w.at("status").as_string() == "open") return &w.as_object();
  }
  return nullptr;
}

bool InboxHas(HttpClient& client, std::string_view kind) {
  const auto inbox = client.Get("/api/v1/inbox?page_size=100").Json();
  for (const auto& n : inbox.at("items").as_array()) {
    if (n.at("kind").as_string() == kind) return true;
  }
  return false;
}

TEST(ProjectMonitoring, FeedsRaiseWarningsThatOpenRaiseAndCloseTheProjectsRiskItem) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  auto registered = handler.PostJson("/api/v1/projects", Project());
  ASSERT_EQ(registered.status, 201) << registered.body;
  const auto project = registered.Json();
  const std::string base = "/api/v1/projects/" + std::to_string(project.at("id").as_int64());
  EXPECT_TRUE(project.at("project_no").as_string().starts_with("XM-2026-"));
  EXPECT_TRUE(project.at("warnings").as_array().empty()) << "an orderly project raises nothing";
  EXPECT_TRUE(project.at("risk").is_null());

  // November: 20 attend, all paid through the account on 10 December, labour cost paid in. (The
  // roster comes last: a roster alone, its pay day passed, would be a month with nobody paid.)
  for (const auto& feed : {Payroll("2025-11", 20, "2025-12-10"), Account("2025-11", "2025-11-05"), Attendance("2025-11", 20)}) {
    auto received = handler.PostJson(base + "/feeds", feed);
    ASSERT_EQ(received.status, 201) << received.body;
    EXPECT_TRUE(received.Json().at("open_warnings").as_array().empty()) << received.body;
  }
  // December: 20 attend, no labour cost paid in by the month's end → orange, and the risk item opens.
  ASSERT_EQ(handler.PostJson(base + "/feeds", Attendance("2025-12", 20)).status, 201);
  auto no_deposit = handler.PostJson(base + "/feeds", Account("2025-12", ""));
  ASSERT_EQ(no_deposit.status, 201) << no_deposit.body;
  auto december_read = handler.Get(base);
  ASSERT_EQ(december_read.status, 200) << december_read.body;
  auto december = december_read.Json();
  const auto* labour = OpenWarning(december, "PW-LABOUR-COST-NOT-DEPOSITED");
  ASSERT_NE(labour, nullptr) << december;
  EXPECT_EQ(labour->at("level_zh").as_string(), "橙色预警");
  EXPECT_EQ(labour->at("at_least").as_int64(), 1) << "the threshold that decided is shown";
  EXPECT_NE(labour->at("basis").as_string().find("第二十四条"), std::string::npos);
  EXPECT_EQ(labour->at("evidence").at(0).at("month").as_string(), "2025-12");
  ASSERT_FALSE(december.at("risk").is_null()) << "the warning opened the project's risk item";
  EXPECT_EQ(december.at("risk").at("level_zh").as_string(), "重大") << "orange raises the item to major";
  const auto risk_id = december.at("risk").at("id").as_int64();
  auto risk = handler.Get("/api/v1/risks/" + std::to_string(risk_id)).Json();
  EXPECT_EQ(risk.at("source").as_string(), "project_monitoring");
  EXPECT_EQ(risk.at("project_id").as_int64(), project.at("id").as_int64());
  HttpClient coordinator = server.LoginAs("coordinator");
  EXPECT_TRUE(InboxHas(coordinator, "risk_major")) << "a major item reaches the wage-arrears office";

  // December's wages fall due on 15 January (a Thursday); 3 of 20 were not paid → red (15% > 10%).
  ASSERT_EQ(handler.PostJson(base + "/feeds", Payroll("2025-12", 17, "2026-01-14")).status, 201);
  server.clock().Set(server.clock().Now() + 11 * 86400);  // 2026-01-16
  handler = server.LoginAs("handler");                     // the earlier session has expired
  HttpClient sysadmin = server.LoginAs("sysadmin");
  ASSERT_EQ(sysadmin.Send("POST", "/api/v1/system/jobs/project_monitoring/run").status, 200);
  auto due_read = handler.Get(base);
  ASSERT_EQ(due_read.status, 200) << due_read.body;
  auto due = due_read.Json();
  const auto* short_paid = OpenWarning(due, "PW-PAID-HEADCOUNT-SHORT");
  ASSERT_NE(short_paid, nullptr) << due;
  EXPECT_EQ(short_paid->at("level").as_string(), "red");
  EXPECT_EQ(short_paid->at("measured").as_int64(), 15);
  EXPECT_EQ(short_paid->at("evidence").at(0).at("workers_total").as_int64(), 3);
  EXPECT_NE(short_paid->at("evidence").at(0).at("workers").at(0).as_string().find('*'), std::string::npos)
      << "workers appear by masked name only";
  EXPECT_EQ(due.at("risk").at("level_zh").as_string(), "特别重大") << "red raises the item to the top level";
  HttpClient leader = server.LoginAs("leader");
  EXPECT_TRUE(InboxHas(leader, "risk_report")) << "a top-level item goes to the leadership with its written report";
  const auto written = leader.Get("/api/v1/risks/" + std::to_string(risk_id) + "/report");
  ASSERT_EQ(written.status, 200) << written.body;
  // The workers are counted from the attendance feed; the amount owed nobody has counted yet.
  EXPECT_NE(written.body.find("涉及农民工 20 人，涉及金额尚未核定"), std::string::npos) << written.body;
  EXPECT_EQ(written.body.find("0.00 元"), std::string::npos) << "unknown is not zero: " << written.body;
  // The API says the same to the web client, which words it without knowing the rule.
  auto counted = handler.Get("/api/v1/risks/" + std::to_string(risk_id)).Json();
  EXPECT_FALSE(counted.at("workers_pending").as_bool()) << counted;
  EXPECT_TRUE(counted.at("amount_pending").as_bool()) << counted;
  // An item a handler records by hand, with its figures counted, lists as counted beside it.
  ASSERT_EQ(handler.PostJson("/api/v1/risks", {{"employer_name", "某建材贸易有限公司"},
                                               {"employer_credit_code", ValidCreditCode("91330100MA2E6F7G8")},
                                               {"project_name", "城东仓储中心"},
                                               {"workers_affected", 6},
                                               {"amount_yuan", "54000"},
                                               {"source", "inspection"},
                                               {"description", "检查发现仓储工地一个月未发工资。"},
                                               {"owner_body", "hrss"}})
                .status,
            201);
  auto listed = handler.Get("/api/v1/risks?page_size=100").Json();
  int others = 0;
  for (const auto& item : listed.at("items").as_array()) {
    if (item.at("source") != "project_monitoring") {
      ++others;
      EXPECT_FALSE(item.at("amount_pending").as_bool()) << item;
    }
  }
  EXPECT_EQ(others, 1) << "the item recorded by hand";
  EXPECT_EQ(boost::json::serialize(due).find(WorkerId(0)), std::string::npos) << "no ID number is ever given back";

  // Corrected December sheet and the labour cost paid in: both warnings clear, the item closes.
  ASSERT_EQ(handler.PostJson(base + "/feeds", Payroll("2025-12", 20, "2026-01-14")).status, 201);
  auto paid_in = handler.PostJson(base + "/feeds", Account("2025-12", "2025-12-28"));
  ASSERT_EQ(paid_in.status, 201) << paid_in.body;
  EXPECT_TRUE(paid_in.Json().at("open_warnings").as_array().empty()) << paid_in.body;
  auto cleared = handler.Get(base).Json();
  EXPECT_EQ(cleared.at("risk").at("status").as_string(), "closed");
  bool saw_cleared = false;
  for (const auto& w : cleared.at("warnings").as_array()) {
    if (w.at("status").as_string() != "cleared") continue;
    saw_cleared = true;
    EXPECT_FALSE(w.at("cleared_evidence").as_array().empty()) << "closed with the data that cleared it: " << w;
  }
  EXPECT_TRUE(saw_cleared);
  auto closed = handler.Get("/api/v1/risks/" + std::to_string(risk_id)).Json();
  EXPECT_NE(closed.at("closing_evidence").as_string().find("监测预警已全部解除"), std::string::npos) << closed;
}

TEST(ProjectMonitoring, ARepeatedBatchChangesNothingAndALaterOneReplacesItsMonth) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  auto registered = handler.PostJson("/api/v1/projects", Project());
  ASSERT_EQ(registered.status, 201) << registered.body;
  const std::string base = "/api/v1/projects/" + std::to_string(registered.Json().at("id").as_int64());
  auto first = handler.PostJson(base + "/feeds", Attendance("2025-12", 5));
  ASSERT_EQ(first.status, 201);
  auto again = handler.PostJson(base + "/feeds", Attendance("2025-12", 5));
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.Json().at("repeated").as_bool());
  EXPECT_EQ(again.Json().at("batch_id"), first.Json().at("batch_id"));
  auto earlier_month = handler.PostJson(base + "/feeds", Attendance("2025-10", 5));
  EXPECT_EQ(earlier_month.status, 201) << "months may arrive out of order";
  auto corrected = handler.PostJson(base + "/feeds", Attendance("2025-12", 6));
  ASSERT_EQ(corrected.status, 201);
  EXPECT_EQ(corrected.Json().at("replaced_batch_id"), first.Json().at("batch_id"));
  auto feeds = handler.Get(base).Json().at("feeds").as_array();
  EXPECT_EQ(feeds.size(), 2u) << "one current batch per kind and month";
  EXPECT_EQ(feeds.at(0).at("rows").as_int64(), 6);
}

TEST(ProjectMonitoring, BadFeedsAndRegistrationsAreRefusedWithTheFieldAndOutsidersAreForbidden) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  auto bad_code = Project();
  bad_code["contractor"].as_object()["credit_code"] = "91330100MA2K7Y8W90";
  auto refused = handler.PostJson("/api/v1/projects", bad_code);
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("contractor.credit_code"), std::string::npos) << refused.body;
  auto unknown = Project();
  unknown["colour"] = "red";
  EXPECT_EQ(handler.PostJson("/api/v1/projects", unknown).status, 400) << "unknown fields are refused";
  auto future = Project();
  future["contract_signed_on"] = "2026-03-01";
  future.erase("started_on");
  future.erase("special_account_opened_on");
  auto future_refused = handler.PostJson("/api/v1/projects", future);
  EXPECT_EQ(future_refused.status, 400);
  EXPECT_NE(future_refused.body.find("contract_signed_on"), std::string::npos) << "a contract signed after today";
  auto no_amount = Project();
  no_amount.erase("wage_deposit_amount_yuan");
  EXPECT_EQ(handler.PostJson("/api/v1/projects", no_amount).status, 400) << "a cash deposit needs its amount";

  auto registered = handler.PostJson("/api/v1/projects", Project());
  ASSERT_EQ(registered.status, 201);
  const std::string base = "/api/v1/projects/" + std::to_string(registered.Json().at("id").as_int64());
  auto bad_id = Attendance("2025-12", 2);
  bad_id["rows"].as_array()[1].as_object()["id_number"] = "330106199013011234";  // no 13th month
  auto id_refused = handler.PostJson(base + "/feeds", bad_id);
  EXPECT_EQ(id_refused.status, 400);
  EXPECT_NE(id_refused.body.find("rows[1].id_number"), std::string::npos) << id_refused.body;
  auto twice = Attendance("2025-12", 2);
  twice["rows"].as_array()[1] = twice["rows"].as_array()[0];
  EXPECT_EQ(handler.PostJson(base + "/feeds", twice).status, 400) << "one person twice in a roster";
  EXPECT_EQ(handler.PostJson(base + "/feeds", Attendance("2026-02", 2)).status, 400) << "a month not begun";
  EXPECT_EQ(handler.PostJson(base + "/feeds", Account("2025-12", "2026-01-02")).status, 400) << "outside the month";
  auto extra = Attendance("2025-12", 1);
  extra["rows"].as_array()[0].as_object()["bank_card"] = "6222021234567890123";
  EXPECT_EQ(handler.PostJson(base + "/feeds", extra).status, 400) << "unknown row fields are refused";
  EXPECT_EQ(handler.PostJson("/api/v1/projects/999999/feeds", Attendance("2025-12", 1)).status, 404);

  EXPECT_EQ(server.LoginAs("prosecutor").PostJson(base + "/feeds", Attendance("2025-12", 1)).status, 403);
  EXPECT_EQ(server.LoginAs("prosecutor").Get(base).status, 200) << "every reader of the ledger reads projects";
  EXPECT_EQ(server.LoginAs("auditor").Get("/api/v1/projects").status, 403);
  auto rules = handler.Get("/api/v1/project-warning-rules");
  ASSERT_EQ(rules.status, 200);
  EXPECT_EQ(rules.Json().at("rules").as_array().size(), 7u);
}

TEST(ProjectMonitoring, AnEditedProjectIsMeasuredAgainAndAStaleEditIsRefused) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  auto without_board = Project();
  without_board["notice_board_up"] = false;
  without_board["wage_deposit"] = "none";
  auto registered = handler.PostJson("/api/v1/projects", without_board);
  ASSERT_EQ(registered.status, 201) << registered.body;
  const auto& created = registered.Json();
  EXPECT_NE(OpenWarning(created, "PW-NO-NOTICE-BOARD"), nullptr) << created;
  EXPECT_NE(OpenWarning(created, "PW-NO-WAGE-DEPOSIT"), nullptr) << created;
  const std::string base = "/api/v1/projects/" + std::to_string(created.at("id").as_int64());
  auto fixed = Project();
  fixed["version"] = created.at("version");
  auto edited = handler.PutJson(base, fixed);
  ASSERT_EQ(edited.status, 200) << edited.body;
  EXPECT_EQ(OpenWarning(edited.Json(), "PW-NO-NOTICE-BOARD"), nullptr);
  EXPECT_EQ(OpenWarning(edited.Json(), "PW-NO-WAGE-DEPOSIT"), nullptr);
  EXPECT_EQ(edited.Json().at("risk").at("status").as_string(), "closed");
  EXPECT_EQ(handler.PutJson(base, fixed).status, 409) << "the same version twice";
  auto listed = handler.Get("/api/v1/projects?q=滨江");
  ASSERT_EQ(listed.status, 200);
  EXPECT_EQ(listed.Json().at("total").as_int64(), 1);
  EXPECT_EQ(listed.Json().at("items").at(0).at("open_warnings").as_int64(), 0);
  EXPECT_TRUE(listed.Json().at("items").at(0).at("open_warning_level").is_null());
  auto board_down = fixed;
  board_down["notice_board_up"] = false;
  board_down["version"] = edited.Json().at("version");
  ASSERT_EQ(handler.PutJson(base, board_down).status, 200);
  const auto relisted = handler.Get("/api/v1/projects").Json();
  EXPECT_EQ(relisted.at("items").at(0).at("open_warnings").as_int64(), 1);
  EXPECT_EQ(relisted.at("items").at(0).at("open_warning_level").at("zh").as_string(), "黄色预警")
      << "the list says each project's highest open warning";
}

TEST(ProjectMonitoring, TheDistrictSetsTheThresholdsAndTheNextMeasuringUsesThem) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  auto no_account = Project();
  no_account.erase("special_account_opened_on");
  no_account.erase("started_on");
  no_account["contract_signed_on"] = "2025-12-20";  // 16 days before the server's today
  auto registered = handler.PostJson("/api/v1/projects", no_account);
  ASSERT_EQ(registered.status, 201) << registered.body;
  EXPECT_EQ(OpenWarning(registered.Json(), "PW-NO-SPECIAL-ACCOUNT"), nullptr) << "30 days by default";
  const std::string base = "/api/v1/projects/" + std::to_string(registered.Json().at("id").as_int64());

  HttpClient sysadmin = server.LoginAs("sysadmin");
  EXPECT_EQ(handler.PutJson("/api/v1/project-warning-rules", boost::json::object{{"thresholds", boost::json::object{}}}).status,
            403) << "the system administrator sets them";
  auto refused = sysadmin.PutJson("/api/v1/project-warning-rules",
                                  boost::json::object{{"thresholds", {{"PW-NO-SPECIAL-ACCOUNT", {20, 10}}}}});
  EXPECT_EQ(refused.status, 400) << "thresholds must rise with the level";
  auto set = sysadmin.PutJson("/api/v1/project-warning-rules",
                              boost::json::object{{"thresholds", {{"PW-NO-SPECIAL-ACCOUNT", {15, 40}}}}});
  ASSERT_EQ(set.status, 200) << set.body;
  const auto rules = set.Json();
  for (const auto& rule : rules.at("rules").as_array()) {
    if (rule.at("id").as_string() != "PW-NO-SPECIAL-ACCOUNT") continue;
    EXPECT_TRUE(rule.at("set_by_district").as_bool());
    EXPECT_EQ(rule.at("grades").at(0).at("at_least").as_int64(), 15);
    EXPECT_EQ(rule.at("grades").at(0).at("default").as_int64(), 30);
  }
  ASSERT_EQ(sysadmin.Send("POST", "/api/v1/system/jobs/project_monitoring/run").status, 200);
  const auto measured = handler.Get(base).Json();
  const auto* warning = OpenWarning(measured, "PW-NO-SPECIAL-ACCOUNT");
  ASSERT_NE(warning, nullptr) << measured;
  EXPECT_EQ(warning->at("level").as_string(), "orange");
  EXPECT_EQ(warning->at("at_least").as_int64(), 15) << "the district's threshold is the one shown";
  EXPECT_EQ(handler.Get("/api/v1/project-warning-rules").status, 200) << "readers of the ledger see them";
}

}  // namespace
}  // namespace wagelink::testing

namespace wagelink::testing {
namespace {

// A complaint about a registered project is linked to it: by the general contractor's credit code
// and the project's name as the complainant gave it (domain/project_match.h). The demo district's
// 城东物流园 and its contractor 示范路桥建设有限公司.
TEST(ProjectMonitoring, AComplaintAboutARegisteredProjectIsLinkedToIt) {
  TestServer server;
  auto seeded = server.app().SeedDemoProjects(ReadFile(SourceDir() + "/data/demo/projects.json"));
  ASSERT_TRUE(seeded.ok()) << seeded.error().message_en;
  HttpClient handler = server.LoginAs("handler");
  // The demo's own complaint by six of 城东物流园's unpaid workers is linked to it.
  auto demo_cases = handler.Get("/api/v1/cases").Json();
  ASSERT_EQ(demo_cases.at("total").as_int64(), 1) << demo_cases;
  auto demo_case = handler.Get("/api/v1/cases/" + std::to_string(demo_cases.at("items").at(0).at("id").as_int64())).Json();
  ASSERT_FALSE(demo_case.at("project").is_null()) << demo_case;
  EXPECT_EQ(demo_case.at("project").at("name").as_string(), "城东物流园仓储项目");
  EXPECT_EQ(demo_case.at("workers").as_array().size(), 6u);

  auto complaint = ScenarioOneComplaint();
  complaint["general_contractor"].as_object()["credit_code"] = ValidCreditCode("91330100MA2D5E6F7");
  complaint["project_name"] = "城东物流园";
  auto created = handler.PostJson("/api/v1/cases", complaint);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto linked = created.Json();
  ASSERT_FALSE(linked.at("project").is_null()) << linked;
  EXPECT_EQ(linked.at("project").at("name").as_string(), "城东物流园仓储项目");
  EXPECT_NE(linked.at("timeline").at(0).at("explanation_zh").as_string().find("已自动关联"), std::string::npos)
      << linked.at("timeline");

  // The same contractor, a project name it has no registered project of: not linked.
  complaint["project_name"] = "滨海花园二期";
  auto other = handler.PostJson("/api/v1/cases", complaint);
  ASSERT_EQ(other.status, 201) << other.body;
  EXPECT_TRUE(other.Json().at("project").is_null()) << other.body;
}

}  // namespace
}  // namespace wagelink::testing

namespace wagelink::testing {
namespace {

// A refused feed names every bad row, not the first only: the bank mends the whole batch at once.
TEST(ProjectMonitoring, ARefusedFeedNamesEveryBadRow) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  auto registered = handler.PostJson("/api/v1/projects", Project());
  ASSERT_EQ(registered.status, 201) << registered.body;
  const std::string feeds = "/api/v1/projects/" + std::to_string(registered.Json().at("id").as_int64()) + "/feeds";
  auto feed = Attendance("2025-12", 6);
  auto& rows = feed["rows"].as_array();
  rows[1].as_object()["id_number"] = "110101199001011234";  // wrong check digit
  rows[3].as_object()["days"] = 0;
  rows[4].as_object()["id_number"] = rows[0].at("id_number");  // the same person twice
  rows[5].as_object()["days"] = "二十";                          // not a number at all
  auto refused = handler.PostJson(feeds, feed);
  ASSERT_EQ(refused.status, 400) << refused.body;
  const auto problem = refused.Json();
  EXPECT_EQ(problem.at("field").as_string(), "rows[1].id_number") << "the first, as every problem names it";
  const auto& errors = problem.at("errors").as_array();
  ASSERT_EQ(errors.size(), 4u) << problem;
  EXPECT_EQ(errors[0].at("field").as_string(), "rows[1].id_number");
  EXPECT_EQ(errors[1].at("field").as_string(), "rows[3].days");
  EXPECT_EQ(errors[2].at("field").as_string(), "rows[4].id_number");
  EXPECT_EQ(errors[3].at("field").as_string(), "rows[5].days") << "a malformed row is named with the others, in row order";
  EXPECT_FALSE(errors[2].at("message_zh").as_string().empty());
  // A malformed row alone is still named in `errors`.
  auto only_malformed = Attendance("2025-12", 3);
  only_malformed["rows"].as_array()[2].as_object()["days"] = "x";
  auto malformed = handler.PostJson(feeds, only_malformed);
  ASSERT_EQ(malformed.status, 400) << malformed.body;
  EXPECT_EQ(malformed.Json().at("field").as_string(), "rows[2].days");
  EXPECT_EQ(malformed.Json().at("errors").as_array().size(), 1u) << malformed.body;
  // Nothing was stored: the corrected batch is the first.
  rows[1].as_object()["id_number"] = WorkerId(11);
  rows[3].as_object()["days"] = 20;
  rows[4].as_object()["id_number"] = WorkerId(14);
  rows[5].as_object()["days"] = 20;
  auto received = handler.PostJson(feeds, feed);
  ASSERT_EQ(received.status, 201) << received.body;
  EXPECT_TRUE(received.Json().at("replaced_batch_id").is_null());
}

}  // namespace
}  // namespace wagelink::testing
