// GET /api/v1/worklist (issue 14): each body's and role's work in one call — the cases needing its
// action, why, their clocks with the citation in words and the steps it may take; the procuratorate
// supervising a police filing decision left overdue; the court's green channel through execution with
// what each worker was paid; the head told by name when a transfer report awaits approval.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include "support/pdf_text.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

// 2026-05-06 10:00 in Shanghai: every demo scenario has played; S9's filing decision (L11) ran out.
constexpr const char* kAfterScenarios = "2026-05-06T02:00:00Z";

boost::json::object DemoScenarios() {
  std::ifstream in(SourceDir() + "/data/demo/scenarios.json");
  std::ostringstream text;
  text << in.rdbuf();
  return boost::json::parse(text.str()).as_object();
}

// The demo file with only scenario `id`, its script cut to the first `keep` entries (all when < 0).
std::string OneScenario(const std::string& id, int keep = -1) {
  auto root = DemoScenarios();
  boost::json::array cases;
  for (auto& c : root.at("cases").as_array()) {
    if (c.at("id").as_string() != id) continue;
    if (keep >= 0) c.at("script").as_array().resize(static_cast<std::size_t>(keep));
    cases.push_back(c);
  }
  root["cases"] = cases;
  return boost::json::serialize(root);
}

int ScriptIndexOf(const std::string& id, const std::string& event) {
  auto root = DemoScenarios();
  for (const auto& c : root.at("cases").as_array()) {
    if (c.at("id").as_string() != id) continue;
    const auto& script = c.at("script").as_array();
    for (std::size_t i = 0; i < script.size(); ++i) {
      const auto* e = script[i].as_object().if_contains("event");
      if (e && e->as_string() == event) return static_cast<int>(i);
    }
  }
  return -1;
}

const boost::json::object* ItemOf(const boost::json::object& worklist, const std::string& project) {
  for (const auto& item : worklist.at("items").as_array()) {
    if (item.at("project_name").as_string() == project) return &item.as_object();
  }
  return nullptr;
}

std::set<std::string> Codes(const boost::json::object& item, const char* key, const char* field) {
  std::set<std::string> out;
  for (const auto& r : item.at(key).as_array()) out.emplace(r.at(field).as_string());
  return out;
}

std::int64_t CaseIdOf(HttpClient& client, const std::string& project) {
  const auto list = client.Get("/api/v1/cases?page_size=100").Json();
  for (const auto& c : list.at("items").as_array()) {
    if (c.at("project_name").as_string() == project) return c.at("id").as_int64();
  }
  return 0;
}

HttpResponse Step(HttpClient& client, std::int64_t id, boost::json::object body) {
  return client.PostJson("/api/v1/cases/" + std::to_string(id) + "/steps", body);
}

struct Demo {
  TestServer server{{.start_time = *ParseUtc(kAfterScenarios)}};
  Demo() {
    std::ifstream in(SourceDir() + "/data/demo/scenarios.json");
    std::ostringstream text;
    text << in.rdbuf();
    auto loaded = server.app().SeedDemoScenarios(text.str());
    if (!loaded) throw std::runtime_error(loaded.error().message_en);
  }
};

TEST(Worklist, EachRoleGetsItsOwnWorkInOneCall) {
  Demo demo;
  // The procuratorate: the transfer copied to it, the overdue filing decision it may supervise.
  const auto prosecutor = demo.server.LoginAs("prosecutor").Get("/api/v1/worklist").Json().as_object();
  EXPECT_EQ(prosecutor.at("body"), "procuratorate");
  const auto* s9 = ItemOf(prosecutor, "城北仓储中心");
  ASSERT_NE(s9, nullptr);
  EXPECT_TRUE(Codes(*s9, "reasons", "code").contains("supervisable"));
  EXPECT_TRUE(Codes(*s9, "reasons", "code").contains("transfer_copy"));
  EXPECT_TRUE(Codes(*s9, "next_steps", "event").contains("open_supervision"));
  bool l11 = false;
  for (const auto& c : s9->at("clocks").as_array()) {
    if (c.at("rule_id") != "L11") continue;
    l11 = true;
    EXPECT_EQ(c.at("status"), "overdue");
    EXPECT_EQ(c.at("role"), "supervisor");
    EXPECT_EQ(c.at("citation_words"), "国务院令第310号第8条；《公安机关办理刑事案件程序规定》第180条第1款");
    EXPECT_FALSE(c.at("due_date").as_string().empty());
  }
  EXPECT_TRUE(l11) << "the clock it supervises comes with the case";
  for (const auto& s : s9->at("next_steps").as_array()) {
    if (s.at("event") == "open_supervision") {
      EXPECT_EQ(s.at("name_zh"), "依职权启动立案监督");
    }
  }
  bool sections_named = false;
  for (const auto& s : prosecutor.at("sections").as_array()) {
    if (s.at("code") == "supervisable") sections_named = s.at("name_zh") == "可启动立案监督" && s.at("count") == 1;
  }
  EXPECT_TRUE(sections_named);
  EXPECT_NE(ItemOf(prosecutor, "滨海花园二期"), nullptr) << "S1 was transferred with a copy and is being investigated";
  EXPECT_EQ(ItemOf(prosecutor, "东湖学校改造工程"), nullptr) << "S8 is the court's now: nothing for the procuratorate";

  // The police: the decision they owe, overdue.
  const auto police = demo.server.LoginAs("police").Get("/api/v1/worklist").Json().as_object();
  const auto* police_s9 = ItemOf(police, "城北仓储中心");
  ASSERT_NE(police_s9, nullptr);
  EXPECT_TRUE(Codes(*police_s9, "reasons", "code").contains("clock_due"));
  EXPECT_TRUE(Codes(*police_s9, "next_steps", "event").contains("file_case"));
  EXPECT_GE(police.at("overdue").as_int64(), 1);

  // The court: S4 on the civil route (green channel) and S8 in execution, with the district's targets.
  const auto judge = demo.server.LoginAs("judge").Get("/api/v1/worklist").Json().as_object();
  const auto* s4 = ItemOf(judge, "");
  const auto* s8 = ItemOf(judge, "东湖学校改造工程");
  ASSERT_NE(s4, nullptr);
  ASSERT_NE(s8, nullptr);
  EXPECT_TRUE(Codes(*s4, "reasons", "code").contains("green_channel"));
  EXPECT_TRUE(Codes(*s8, "reasons", "code").contains("execution"));
  EXPECT_TRUE(Codes(*s8, "next_steps", "event").contains("record_execution"));
  EXPECT_EQ(judge.at("green_channel_targets").at("status_tag"), "LOCAL");
  EXPECT_EQ(judge.at("green_channel_targets").at("targets").as_array().size(), 5u);
  std::int64_t paid = 0;
  for (const auto& w : s8->at("execution").as_array()) paid += w.at("paid_by_execution").at("fen").as_int64();
  EXPECT_EQ(paid, 9'000'000) << "court execution per worker adds up to the 90,000 yuan recorded";
  EXPECT_EQ(s8->at("execution").as_array().size(), 12u);

  // Labour inspection: open cases with its next steps; closed ones (S3, S7) are not work.
  const auto handler = demo.server.LoginAs("handler").Get("/api/v1/worklist").Json().as_object();
  EXPECT_NE(ItemOf(handler, "滨海花园二期"), nullptr);
  for (const auto& item : handler.at("items").as_array()) {
    EXPECT_NE(item.at("state"), "closed_administrative");
    EXPECT_NE(item.at("state"), "closed_other");
  }
  // The leadership has no steps: it follows up what is overdue anywhere.
  const auto leader = demo.server.LoginAs("leader").Get("/api/v1/worklist").Json().as_object();
  const auto* leader_s9 = ItemOf(leader, "城北仓储中心");
  ASSERT_NE(leader_s9, nullptr);
  EXPECT_EQ(Codes(*leader_s9, "reasons", "code"), std::set<std::string>{"overdue_oversight"});
  EXPECT_TRUE(leader_s9->at("next_steps").as_array().empty());
  // Legal aid: S4, where it may record the civil route's steps.
  const auto legalaid = demo.server.LoginAs("legalaid").Get("/api/v1/worklist").Json().as_object();
  EXPECT_EQ(legalaid.at("items").as_array().size(), 1u);
  // The administrators read no cases.
  EXPECT_EQ(demo.server.LoginAs("sysadmin").Get("/api/v1/worklist").status, 403);
}

TEST(Worklist, TheProsecutorSupervisesAFilingDecisionThePoliceLetRunOut) {
  Demo demo;
  HttpClient prosecutor = demo.server.LoginAs("prosecutor");
  HttpClient police = demo.server.LoginAs("police");
  const auto s9 = CaseIdOf(prosecutor, "城北仓储中心");
  const auto s8 = CaseIdOf(prosecutor, "东湖学校改造工程");
  ASSERT_GT(s9, 0);

  auto blank = Step(prosecutor, s9, {{"event", "open_supervision"}});
  EXPECT_EQ(blank.status, 409) << "the grounds are required";
  EXPECT_EQ(Step(prosecutor, s8, {{"event", "open_supervision"}, {"reason", "x"}}).status, 409)
      << "a judgment in execution is no filing decision to supervise";
  EXPECT_EQ(Step(police, s9, {{"event", "open_supervision"}, {"reason", "x"}}).status, 409) << "the procuratorate's step";

  auto opened = Step(prosecutor, s9, {{"event", "open_supervision"},
                                      {"reason", "公安机关收到移送后逾期未作出是否立案的决定，依职权启动立案监督。"}});
  ASSERT_EQ(opened.status, 200) << opened.body;
  EXPECT_EQ(opened.Json().at("state"), "supervision");
  bool told = false;
  const auto police_inbox = police.Get("/api/v1/inbox?page_size=100").Json();
  for (const auto& n : police_inbox.at("items").as_array()) {
    told |= n.at("case_id") == s9 && n.at("title_zh").as_string().find("依职权启动立案监督") != std::string::npos;
  }
  EXPECT_TRUE(told) << "the police hear of it in their inbox";

  auto worklist = prosecutor.Get("/api/v1/worklist").Json().as_object();
  const auto* item = ItemOf(worklist, "城北仓储中心");
  ASSERT_NE(item, nullptr);
  EXPECT_TRUE(Codes(*item, "reasons", "code").contains("supervision"));
  EXPECT_FALSE(Codes(*item, "reasons", "code").contains("supervisable"));
  EXPECT_TRUE(Codes(*item, "next_steps", "event").contains("request_reasons"));

  // 规则 §562: ask the police for the reasons of the delay (7 days, L19, the police's duty).
  auto reasons = Step(prosecutor, s9, {{"event", "request_reasons"}});
  ASSERT_EQ(reasons.status, 200) << reasons.body;
  worklist = prosecutor.Get("/api/v1/worklist").Json().as_object();
  item = ItemOf(worklist, "城北仓储中心");
  ASSERT_NE(item, nullptr);
  bool delay_clock = false;
  for (const auto& c : item->at("clocks").as_array()) delay_clock |= c.at("rule_id") == "L19" && c.at("status") == "running";
  EXPECT_TRUE(delay_clock) << "its supervision's clock shows in its worklist";
  // The notice asks for the reasons of the delay: the police never refused.
  std::string pdf_url;
  const auto documents = prosecutor.Get("/api/v1/cases/" + std::to_string(s9) + "/documents").Json();
  for (const auto& d : documents.at("items").as_array()) {
    if (d.at("kind") == "explain_non_filing_request") pdf_url = d.at("pdf_url").as_string();
  }
  ASSERT_FALSE(pdf_url.empty()) << "the step issued its notice";
  const auto notice = ReadPdf(prosecutor.Get(pdf_url).body, "explain_delay").text;
  EXPECT_NE(notice.find("逾期未作出是否立案决定的理由"), std::string::npos) << notice;
  EXPECT_NE(notice.find("依职权启动立案监督"), std::string::npos) << notice;
  EXPECT_EQ(notice.find("决定不予立案"), std::string::npos) << notice;
  // The police answer by filing the case: the supervision ends, the overdue L11 is met late.
  auto filed = Step(police, s9, {{"event", "file_case"}});
  ASSERT_EQ(filed.status, 200) << filed.body;
  EXPECT_EQ(filed.Json().at("state"), "police_investigating");
}

TEST(Worklist, TheCourtsGreenChannelThroughExecutionPaysEachWorker) {
  TestServer server({.start_time = *ParseUtc("2026-03-21T02:00:00Z")});
  auto loaded = server.app().SeedDemoScenarios(OneScenario("S4", ScriptIndexOf("S4", "record_civil_step")));
  ASSERT_TRUE(loaded) << loaded.error().message_en;
  HttpClient handler = server.LoginAs("handler");
  const auto id = CaseIdOf(handler, "");
  ASSERT_GT(id, 0);
  // Days pass between the steps: each act signs in afresh (a session does not outlive its idle limit).
  auto civil = [&](const char* kind) {
    HttpClient judge = server.LoginAs("judge");
    return Step(judge, id, {{"event", "record_civil_step"}, {"payload", {{"kind", kind}}}});
  };
  auto track = [&]() {
    const auto worklist = server.LoginAs("judge").Get("/api/v1/worklist").Json().as_object();
    const auto* item = ItemOf(worklist, "");
    EXPECT_NE(item, nullptr) << boost::json::serialize(worklist);
    std::map<std::string, boost::json::object> by;
    if (item && item->at("green_channel").is_object()) {
      for (const auto& p : item->at("green_channel").at("priorities").as_array()) {
        by[std::string(p.at("priority").as_string())] = p.as_object();
      }
    }
    return by;
  };

  // 2026-03-23: the legal-aid lawyer files the workers' suit and asks for every priority; the court,
  // told of it, becomes a party and finds the case in its worklist.
  server.clock().Set(*ParseUtc("2026-03-23T02:00:00Z"));
  HttpClient legalaid = server.LoginAs("legalaid");
  ASSERT_EQ(Step(legalaid, id, {{"event", "record_civil_step"},
                                {"payload", {{"kind", "litigation"},
                                             {"green_channel", {{"priority_mediation", true}, {"priority_acceptance", true},
                                                                {"priority_filing", true}, {"priority_trial", true},
                                                                {"priority_execution", true}}}}}}).status, 200);
  auto t = track();
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t["priority_filing"].at("status"), "met");
  EXPECT_EQ(t["priority_mediation"].at("status"), "running");
  EXPECT_EQ(t["priority_mediation"].at("target_date"), "2026-04-07") << "15 days from the flag (LOCAL target)";
  EXPECT_EQ(t["priority_acceptance"].at("target_date"), "2026-03-30") << "7 days after filing";
  EXPECT_EQ(t["priority_trial"].at("status"), "waiting") << "counted once the suit is accepted";

  // 2026-04-10: acceptance and mediation come after their targets.
  server.clock().Set(*ParseUtc("2026-04-10T02:00:00Z"));
  t = track();
  EXPECT_EQ(t["priority_mediation"].at("status"), "overdue");
  EXPECT_EQ(t["priority_acceptance"].at("status"), "overdue");
  ASSERT_EQ(civil("acceptance").status, 200);
  ASSERT_EQ(civil("mediation").status, 200);
  t = track();
  EXPECT_EQ(t["priority_mediation"].at("status"), "met_late");
  EXPECT_EQ(t["priority_acceptance"].at("status"), "met_late");
  EXPECT_EQ(t["priority_trial"].at("target_date"), "2026-06-09") << "60 days after acceptance";

  // 2026-05-08: judgment; 2026-05-20: execution pays two workers by name and the rest in proportion.
  server.clock().Set(*ParseUtc("2026-05-08T02:00:00Z"));
  ASSERT_EQ(civil("judgment").status, 200);
  server.clock().Set(*ParseUtc("2026-05-20T02:00:00Z"));
  ASSERT_EQ(civil("execution").status, 200);
  HttpClient judge = server.LoginAs("judge");
  const auto detail = judge.Get("/api/v1/cases/" + std::to_string(id)).Json();
  const auto& workers = detail.at("workers").as_array();
  const auto first = workers.at(0).at("id").as_int64();
  const auto second = workers.at(1).at("id").as_int64();
  auto pay = [&](boost::json::object body) {
    return judge.PostJson("/api/v1/cases/" + std::to_string(id) + "/payments", body);
  };
  ASSERT_EQ(pay({{"worker_id", first}, {"amount_yuan", "1000"}, {"paid_on", "2026-05-20"}, {"payer", "court_execution"}}).status, 200);
  ASSERT_EQ(pay({{"worker_id", second}, {"amount_yuan", "500.50"}, {"paid_on", "2026-05-20"}, {"payer", "court_execution"}}).status, 200);
  t = track();
  EXPECT_EQ(t["priority_trial"].at("status"), "met");
  EXPECT_EQ(t["priority_execution"].at("status"), "met");
  EXPECT_EQ(t["priority_execution"].at("done_on"), "2026-05-20");

  const auto worklist = judge.Get("/api/v1/worklist").Json().as_object();
  const auto* item = ItemOf(worklist, "");
  ASSERT_NE(item, nullptr);
  std::map<std::int64_t, std::int64_t> paid;
  for (const auto& w : item->at("execution").as_array()) {
    paid[w.at("worker_id").as_int64()] = w.at("paid_by_execution").at("fen").as_int64();
  }
  EXPECT_EQ(paid[first], 100'000);
  EXPECT_EQ(paid[second], 50'050);
  EXPECT_EQ(paid.size(), 11u) << "every worker listed, paid or not";
}

TEST(Worklist, TheHeadIsToldByNameWhenATransferAwaitsApproval) {
  TestServer server({.start_time = *ParseUtc("2025-12-11T07:00:00Z")});
  auto loaded = server.app().SeedDemoScenarios(OneScenario("S1", ScriptIndexOf("S1", "approve_transfer")));
  ASSERT_TRUE(loaded) << loaded.error().message_en;
  HttpClient head = server.LoginAs("head");
  const auto id = CaseIdOf(head, "滨海花园二期");
  auto notices = [&](const std::string& user) {
    int n = 0;
    const auto inbox = server.LoginAs(user).Get("/api/v1/inbox?page_size=100").Json();
    for (const auto& item : inbox.at("items").as_array()) {
      if (item.at("case_id") == id && item.at("title_zh").as_string().find("待您办理") != std::string::npos) ++n;
    }
    return n;
  };
  EXPECT_EQ(notices("head"), 1) << "the report awaits the head's approval";
  EXPECT_EQ(notices("handler2"), 0) << "a colleague without the approval does not act next";
  EXPECT_EQ(notices("handler"), 0) << "the one who submitted it is not told of his own step";
  const auto worklist = head.Get("/api/v1/worklist").Json().as_object();
  const auto* item = ItemOf(worklist, "滨海花园二期");
  ASSERT_NE(item, nullptr);
  EXPECT_TRUE(Codes(*item, "reasons", "code").contains("transfer_approval"));

  // The head approves: the handlers, who must send it within 24 hours, are told by name.
  ASSERT_EQ(Step(head, id, {{"event", "approve_transfer"}}).status, 200);
  EXPECT_EQ(notices("handler"), 1);
  EXPECT_EQ(notices("handler2"), 1);
  EXPECT_EQ(notices("head"), 1) << "not told of his own approval";
}

}  // namespace
}  // namespace wagelink::testing
