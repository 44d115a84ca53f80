// Joint meetings through the API: the agenda builds itself from the data (S5: the red risk, S2-style
// disputed refusal, overdue action items), the convener edits it, minutes and attendance are
// recorded, decisions become action items that are reminded when overdue and completed with evidence.
#include <gtest/gtest.h>

#include "domain/validators.h"
#include "support/scenarios.h"
#include "support/pdf_text.h"
#include "support/case_api.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

// S1's case driven to the police's refusal to file (不予立案) on 2025-12-15.
std::int64_t CaseRefusedByThePolice(TestServer& server) {
  HttpClient handler = server.LoginAs("handler"), head = server.LoginAs("head"), police = server.LoginAs("police");
  const std::int64_t id = CreateScenarioOneCase(handler);
  auto ok = [](const HttpResponse& r) { EXPECT_EQ(r.status, 200) << r.body; };
  ok(Step(handler, id, "accept_complaint", "2025-12-01T03:00:00Z"));
  ok(Step(handler, id, "issue_order", "2025-12-05T08:00:00Z",
          {{"document", "rectification_order"}, {"deadline", "2025-12-10"}, {"service", "posted_at_premises"},
           {"served_at", "2025-12-05T08:00:00Z"}, {"service_evidence_recorded", true}}));
  ok(Step(handler, id, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "unpaid_after_deadline"}}));
  ok(Step(handler, id, "complete_screening", "2025-12-11T02:00:00Z",
          {{"recommendation", "transfer"}}));
  ok(Step(handler, id, "form_case_group", "2025-12-11T02:30:00Z", {{"officers", {"handler", "handler2"}}}));
  ok(Step(handler, id, "submit_transfer_report", "2025-12-11T06:00:00Z"));
  ok(Step(head, id, "approve_transfer", "2025-12-12T02:00:00Z"));
  EXPECT_EQ(AttachTransferPackage(handler, id), 201);
  ok(Step(handler, id, "send_transfer", "2025-12-12T07:00:00Z", {{"copy_to_procuratorate", true}}));
  ok(Step(police, id, "sign_receipt", "2025-12-12T08:00:00Z"));
  ok(Step(police, id, "decline_filing", "2025-12-15T02:00:00Z", {}, "属于劳资民事纠纷，不予立案。"));
  return id;
}

boost::json::object ScenarioFiveRisk() {
  auto code = [](const std::string& first17) { return first17 + *domain::CreditCodeCheckCharacter(first17); };
  return {{"employer_name", "某市政路桥工程有限公司"},
          {"employer_credit_code", code("91330100MA2B3C4D5")},
          {"project_name", "滨江大道市政道路改造工程"},
          {"workers_affected", 63},
          {"amount_yuan", "1200000"},
          {"pay_due_dates", boost::json::array{"2026-02-10"}},
          {"source", "bank_special_account_alert"},
          {"indicators", {{"special_account_months_unpaid", 2}, {"mass_incident_signal", true}}},
          {"owner_body", "hrss"}};
}

std::vector<std::string> AgendaSources(const boost::json::value& meeting) {
  std::vector<std::string> out;
  for (const auto& a : meeting.at("agenda").as_array()) out.emplace_back(a.at("source").as_string());
  return out;
}

std::int64_t Count(const std::vector<std::string>& v, const std::string& s) { return std::count(v.begin(), v.end(), s); }

std::int64_t UnreadOfKind(HttpClient& client, const std::string& kind) {
  std::int64_t n = 0;
  const auto inbox = client.Get("/api/v1/inbox?page_size=200").Json();  // must outlive the loop
  for (const auto& item : inbox.at("items").as_array()) {
    n += item.at("kind").as_string() == kind && !item.at("read").as_bool();
  }
  return n;
}
std::int64_t UnreadOfKind(HttpClient&& client, const std::string& kind) { return UnreadOfKind(client, kind); }

TEST(Meeting, S5AdHocMeetingAgendaListsTheRedRiskTheDisputedRefusalAndOverdueActionItems) {
  TestServer server({.start_time = *ParseUtc("2026-01-05T01:00:00Z")});
  std::int64_t refused = CaseRefusedByThePolice(server);

  // A regular meeting on 2026-01-05 decided two things due 2026-01-15.
  HttpClient coordinator = server.LoginAs("coordinator");
  auto regular = coordinator.PostJson("/api/v1/meetings", {{"kind", "regular"}, {"title", "2026年第一季度联席会议"},
                                                           {"scheduled_at", "2026-01-05T10:00:00+08:00"}});
  ASSERT_EQ(regular.status, 201) << regular.body;
  std::string regular_path = "/api/v1/meetings/" + std::to_string(regular.Json().at("id").as_int64());
  for (const char* body : {"court", "police"}) {
    auto d = coordinator.PostJson(regular_path + "/decisions",
                                  {{"decision", std::string("督办事项：") + body}, {"owner_body", body}, {"due_date", "2026-01-15"}});
    ASSERT_EQ(d.status, 201) << d.body;
  }
  EXPECT_EQ(UnreadOfKind(server.LoginAs("judge"), "action_item_assigned"), 1);

  // 2026-01-16: both are overdue; the sweep tells each owner and the wage-arrears office, once.
  server.clock().Set(*ParseUtc("2026-01-15T15:59:59Z"));
  server.app().RunJobsOnce();
  EXPECT_EQ(UnreadOfKind(server.LoginAs("judge"), "action_item_overdue"), 0) << "not overdue on its due day";
  server.clock().Set(*ParseUtc("2026-01-15T16:00:00Z"));  // 2026-01-16 00:00 Beijing
  server.app().RunJobsOnce();
  server.app().RunJobsOnce();
  EXPECT_EQ(UnreadOfKind(server.LoginAs("judge"), "action_item_overdue"), 1);
  EXPECT_EQ(UnreadOfKind(server.LoginAs("police"), "action_item_overdue"), 1);
  EXPECT_EQ(UnreadOfKind(server.LoginAs("coordinator"), "action_item_overdue"), 2);

  // 2026-01-20: the S5 risk scores red.
  server.clock().Set(*ParseUtc("2026-01-20T02:00:00Z"));
  auto risk = server.LoginAs("handler").PostJson("/api/v1/risks", ScenarioFiveRisk());
  ASSERT_EQ(risk.status, 201) << risk.body;
  ASSERT_EQ(risk.Json().at("level"), "severe");
  std::int64_t risk_id = risk.Json().at("id").as_int64();

  coordinator = server.LoginAs("coordinator");
  auto adhoc = coordinator.PostJson("/api/v1/meetings", {{"kind", "ad_hoc"}, {"title", "春节前欠薪风险专题联席会议"},
                                                         {"scheduled_at", "2026-01-22T09:30:00+08:00"},
                                                         {"location", "区人社局三楼会议室"}});
  ASSERT_EQ(adhoc.status, 201) << adhoc.body;
  auto meeting = adhoc.Json();
  EXPECT_EQ(meeting.at("scheduled_at"), "2026-01-22T01:30:00Z");
  EXPECT_EQ(meeting.at("status"), "planned");
  auto sources = AgendaSources(meeting);
  EXPECT_EQ(Count(sources, "major_risk"), 1);
  EXPECT_EQ(Count(sources, "disputed_refusal"), 1);
  EXPECT_EQ(Count(sources, "overdue_action_item"), 2);
  EXPECT_EQ(sources.front(), "major_risk") << "the major risks come first";
  bool risk_listed = false, refusal_listed = false;
  for (const auto& a : meeting.at("agenda").as_array()) {
    risk_listed |= a.at("source") == "major_risk" && a.at("ref_id") == risk_id &&
                   std::string(a.at("title").as_string()).find("特别重大") != std::string::npos;
    refusal_listed |= a.at("source") == "disputed_refusal" && a.at("ref_id") == refused;
  }
  EXPECT_TRUE(risk_listed);
  EXPECT_TRUE(refusal_listed);

  // The convener edits the agenda.
  std::string path = "/api/v1/meetings/" + std::to_string(meeting.at("id").as_int64());
  auto added = coordinator.PostJson(path + "/agenda", {{"title", "应急周转金垫付方案"}, {"detail", "区财政"}});
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Json().at("agenda").as_array().back().at("source"), "manual");
  std::int64_t first_overdue = 0;
  const auto added_json = added.Json();
  for (const auto& a : added_json.at("agenda").as_array()) {
    if (a.at("source") == "overdue_action_item" && !first_overdue) first_overdue = a.at("id").as_int64();
  }
  const auto before_removal = added.Json().at("agenda").as_array().size();
  auto removed = coordinator.Delete(path + "/agenda/" + std::to_string(first_overdue));
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.Json().at("agenda").as_array().size(), before_removal - 1);
  EXPECT_EQ(coordinator.Delete(path + "/agenda/" + std::to_string(first_overdue)).status, 404);

  // Minutes, attendance and the three decisions of S5.
  server.clock().Set(*ParseUtc("2026-01-22T03:00:00Z"));
  coordinator = server.LoginAs("coordinator");
  auto minuted = coordinator.PutJson(path + "/minutes",
                                     {{"minutes", "会议研究了滨江大道项目欠薪风险。"},
                                      {"attendance", {{{"body_code", "police"}, {"name", "赵明"}, {"present", true}},
                                                      {{"body_code", "court"}, {"name", "付立红"}, {"present", true}},
                                                      {{"body_code", "justice"}, {"name", "周智勇"}, {"present", false}}}}});
  ASSERT_EQ(minuted.status, 200) << minuted.body;
  EXPECT_EQ(minuted.Json().at("status"), "held");
  EXPECT_EQ(minuted.Json().at("attendance").as_array().size(), 3u);
  for (auto [decision, body, due] : {std::tuple{"责令建设单位于1月30日前垫付工资", "hrss", "2026-01-30"},
                                     std::tuple{"公安制定现场处置预案", "police", "2026-01-23"},
                                     std::tuple{"法院优先执行关联判决", "court", "2026-02-05"}}) {
    auto d = coordinator.PostJson(path + "/decisions",
                                  {{"decision", decision}, {"owner_body", body}, {"due_date", due}, {"risk_id", risk_id}});
    ASSERT_EQ(d.status, 201) << d.body;
  }
  auto detail = server.LoginAs("leader").Get(path).Json();
  EXPECT_EQ(detail.at("action_items").as_array().size(), 3u);
  auto minutes_pdf = server.LoginAs("leader").Get(path + "/minutes.pdf");
  ASSERT_EQ(minutes_pdf.status, 200) << minutes_pdf.body.substr(0, 300);
  auto minutes_text = ReadPdf(minutes_pdf.body, "meeting_minutes");
  EXPECT_GE(minutes_text.pages, 1);
  for (const char* expected : {"会议纪要", "一、出席单位和人员", "赵明", "周智勇（缺席）", "会议研究了滨江大道项目欠薪风险。",
                               "责令建设单位于1月30日前垫付工资", "责任单位：区公安分局", "2026-01-23", "抄送："}) {
    EXPECT_NE(minutes_text.text.find(expected), std::string::npos) << expected << "\n" << minutes_text.text;
  }

  // Completion with evidence by the owner body; not by another body.
  auto hrss_items = coordinator.Get("/api/v1/action-items?owner_body=hrss&status=open").Json().at("items").as_array();
  ASSERT_EQ(hrss_items.size(), 1u);
  std::string item = "/api/v1/action-items/" + std::to_string(hrss_items.at(0).at("id").as_int64()) + "/complete";
  EXPECT_EQ(server.LoginAs("police").PostJson(item, {{"evidence", "x"}}).status, 403);
  HttpClient handler = server.LoginAs("handler");
  auto no_evidence = handler.PostJson(item, {{"evidence", ""}});
  EXPECT_EQ(no_evidence.status, 400);
  EXPECT_EQ(no_evidence.Json().at("field"), "evidence");
  auto done = handler.PostJson(item, {{"evidence", "建设单位已于1月29日垫付120万元"}});
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json().at("status"), "done");
  EXPECT_EQ(done.Json().at("completed_by_body"), "hrss");
  EXPECT_EQ(handler.PostJson(item, {{"evidence", "again"}}).status, 409);

  // 2026-02-06: the risk is closed with evidence (整改销号).
  server.clock().Set(*ParseUtc("2026-02-06T02:00:00Z"));
  auto closed = server.LoginAs("coordinator").PostJson("/api/v1/risks/" + std::to_string(risk_id) + "/close",
                                                       {{"evidence", "工资已全额发放，工资支付表及银行流水已核"}});
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json().at("status"), "closed");
}

TEST(Meeting, OnlyTheWageOfficeConvenesAndEditsAndBadInputNamesTheField) {
  TestServer server({.start_time = *ParseUtc("2026-01-05T01:00:00Z")});
  boost::json::object body{{"kind", "ad_hoc"}, {"title", "专题会"}, {"scheduled_at", "2026-01-06T09:00:00+08:00"}};
  for (const char* user : {"handler", "police", "leader", "prosecutor"}) {
    EXPECT_EQ(server.LoginAs(user).PostJson("/api/v1/meetings", body).status, 403) << user;
  }
  EXPECT_EQ(server.LoginAs("sysadmin").Get("/api/v1/meetings").status, 403);
  HttpClient coordinator = server.LoginAs("coordinator");
  auto expect_field = [&](boost::json::object b, const std::string& field) {
    auto r = coordinator.PostJson("/api/v1/meetings", b);
    EXPECT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Json().at("field").as_string(), field) << r.body;
  };
  auto bad = body;
  bad["kind"] = "party";
  expect_field(bad, "kind");
  bad = body;
  bad["scheduled_at"] = "next tuesday";
  expect_field(bad, "scheduled_at");
  bad = body;
  bad.erase("title");
  expect_field(bad, "title");

  auto created = coordinator.PostJson("/api/v1/meetings", body);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_TRUE(created.Json().at("agenda").as_array().empty()) << "nothing to discuss in an empty district";
  std::string path = "/api/v1/meetings/" + std::to_string(created.Json().at("id").as_int64());
  HttpClient police = server.LoginAs("police");
  EXPECT_EQ(police.Get(path).status, 200);
  EXPECT_EQ(police.PostJson(path + "/agenda", {{"title", "x"}}).status, 403);
  EXPECT_EQ(police.PostJson(path + "/decisions", {{"decision", "x"}, {"owner_body", "police"}, {"due_date", "2026-01-10"}}).status, 403);
  auto bad_owner = coordinator.PostJson(path + "/decisions", {{"decision", "x"}, {"owner_body", "mars"}, {"due_date", "2026-01-10"}});
  EXPECT_EQ(bad_owner.Json().at("field"), "owner_body");
  auto bad_date = coordinator.PostJson(path + "/decisions", {{"decision", "x"}, {"owner_body", "police"}, {"due_date", "2026-02-30"}});
  EXPECT_EQ(bad_date.Json().at("field"), "due_date");
  auto bad_risk = coordinator.PostJson(path + "/decisions",
                                       {{"decision", "x"}, {"owner_body", "police"}, {"due_date", "2026-01-10"}, {"risk_id", 99}});
  EXPECT_EQ(bad_risk.Json().at("field"), "risk_id");
  auto bad_attendance = coordinator.PutJson(path + "/minutes", {{"minutes", "m"}, {"attendance", {{{"body_code", "mars"}, {"name", "x"}}}}});
  EXPECT_EQ(bad_attendance.Json().at("field"), "attendance[0].body_code");
  EXPECT_EQ(coordinator.Get("/api/v1/meetings/999").status, 404);
  EXPECT_EQ(coordinator.Get("/api/v1/action-items?status=maybe").Json().at("field"), "status");
  EXPECT_TRUE(coordinator.Get(path).Json().at("action_items").as_array().empty()) << "refusals store nothing";
}

}  // namespace
}  // namespace wagelink::testing
