// The demo district's scenarios (SCENARIOS.md S1–S4, S7, and S8–S9 that reach the procuratorate and
// the court) load through the real services, and each ends where the scenario says: the right state,
// clocks met, money per worker.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "support/test_server.h"

namespace wagelink::testing {
namespace {

std::string ScenariosJson() {
  std::ifstream in(SourceDir() + "/data/demo/scenarios.json");
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

boost::json::object FindCase(HttpClient& client, const std::string& query) {
  auto list = client.Get("/api/v1/cases?q=" + query).Json();
  EXPECT_EQ(list.at("total").as_int64(), 1) << query;
  auto id = list.at("items").at(0).at("id").as_int64();
  return client.Get("/api/v1/cases/" + std::to_string(id)).Json().as_object();
}

std::string ClockStatus(const boost::json::object& detail, const std::string& rule) {
  for (const auto& c : detail.at("clocks").as_array()) {
    if (c.at("rule_id").as_string() == rule) return std::string(c.at("status").as_string());
  }
  return "absent";
}

TEST(Scenarios, DemoScenariosLoadOnceAndEndWhereTheScenariosSay) {
  TestServer server({.start_time = *ParseUtc("2026-05-01T02:00:00Z")});
  auto loaded = server.app().SeedDemoScenarios(ScenariosJson());
  ASSERT_TRUE(loaded) << loaded.error().message_en;
  EXPECT_EQ(*loaded, 7);
  auto again = server.app().SeedDemoScenarios(ScenariosJson());
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0) << "loading twice adds nothing";

  HttpClient coordinator = server.LoginAs("coordinator");
  EXPECT_EQ(coordinator.Get("/api/v1/cases").Json().at("total").as_int64(), 7);

  auto s1 = FindCase(coordinator, "%E6%BB%A8%E6%B5%B7");  // 滨海
  EXPECT_EQ(s1.at("state").as_string(), "police_investigating");
  EXPECT_EQ(s1.at("outstanding").at("yuan").as_string(), "66400.00");
  for (const char* rule : {"L06", "L07", "L11"}) EXPECT_EQ(ClockStatus(s1, rule), "met") << "S1 " << rule;

  auto s2 = FindCase(coordinator, "%E7%B2%BE%E5%AF%86");  // 精密
  EXPECT_EQ(s2.at("state").as_string(), "police_investigating") << "filed on 2026-04-08 after 立案监督";
  for (const char* rule : {"L12", "L13", "L14", "L16", "L18"}) EXPECT_EQ(ClockStatus(s2, rule), "met") << "S2 " << rule;
  bool declined = false, ordered = false;
  for (const auto& e : s2.at("timeline").as_array()) {
    declined |= e.at("event") == "decline_filing" && e.at("reason").as_string() == "属于劳资民事纠纷，不予立案。";
    ordered |= e.at("event") == "order_filing" && e.at("actor_body") == "procuratorate";
  }
  EXPECT_TRUE(declined);
  EXPECT_TRUE(ordered);
  auto first_event = s2.at("timeline").at(0).as_object();
  EXPECT_EQ(first_event.at("event_zh").as_string(), "登记投诉") << "records that are not steps are named too";
  bool outcome_kept = false;
  for (const auto& e : s2.at("timeline").as_array()) {
    if (e.at("event") == "record_order_outcome") outcome_kept = e.at("payload").at("outcome") == "unpaid_after_deadline";
  }
  EXPECT_TRUE(outcome_kept) << "the timeline keeps what each step decided";

  auto s3 = FindCase(coordinator, "%E9%A4%90%E9%A5%AE");  // 餐饮
  EXPECT_EQ(s3.at("state").as_string(), "closed_administrative");
  EXPECT_EQ(s3.at("outstanding").at("fen").as_int64(), 0);
  EXPECT_EQ(ClockStatus(s3, "L07"), "absent") << "nothing is sent to the police";
  EXPECT_EQ(s3.at("assessment").at("recommendation").as_string(), "administrative");

  auto s4 = FindCase(coordinator, "%E4%BF%A1%E6%81%AF%E7%A7%91%E6%8A%80");  // 信息科技
  EXPECT_EQ(s4.at("state").as_string(), "civil_route");
  EXPECT_EQ(s4.at("assessment").at("recommendation").as_string(), "civil");
  EXPECT_EQ(ClockStatus(s4, "L23"), "met");
  EXPECT_EQ(ClockStatus(s4, "L24"), "met");
  EXPECT_EQ(s4.at("paid").at("yuan").as_string(), "97000.00") << "the emergency fund, then court execution";
  std::int64_t court_paid = 0;
  for (const auto& p : s4.at("payments").as_array()) {
    if (p.at("payer") == "court_execution") court_paid += p.at("amount").at("fen").as_int64();
  }
  EXPECT_EQ(court_paid, 5'700'000) << "execution recorded per worker";

  auto s8 = FindCase(coordinator, "%E4%B8%9C%E6%B9%96");  // 东湖
  EXPECT_EQ(s8.at("state").as_string(), "execution");
  for (const char* rule : {"L11", "L21", "L22"}) EXPECT_EQ(ClockStatus(s8, rule), "met") << "S8 " << rule;
  EXPECT_EQ(s8.at("outstanding").at("yuan").as_string(), "60000.00");

  auto s9 = FindCase(coordinator, "%E5%9F%8E%E5%8C%97");  // 城北
  EXPECT_EQ(s9.at("state").as_string(), "police_reviewing");
  EXPECT_EQ(ClockStatus(s9, "L11"), "overdue") << "the police let the filing decision run out";

  auto s7 = FindCase(coordinator, "%E7%8E%AF%E5%9F%8E");  // 环城
  EXPECT_EQ(s7.at("state").as_string(), "closed_other");
  // The malicious claim went to the police as a public-order matter and ended in a 治安处罚; the
  // record carries the finding so the project's real workers are not confused with the claimant.
  EXPECT_EQ(s7.at("progress").at("malicious_claim").as_string(), "public_order_penalty");
  EXPECT_EQ(ClockStatus(s7, "L02"), "met") << "finding no arrears concluded the investigation";
  std::vector<std::string> s7_events;
  for (const auto& e : s7.at("timeline").as_array()) {
    s7_events.emplace_back(e.at("event").as_string());
    if (e.at("event") == "refer_malicious_claim") {
      EXPECT_TRUE(e.at("payload").at("findings").at("no_arrears").as_bool());
      EXPECT_NE(e.at("reason").as_string().find("不存在欠薪事实"), std::string::npos);
    }
    if (e.at("event") == "decide_malicious_claim") {
      EXPECT_EQ(e.at("actor_body").as_string(), "police");
      EXPECT_EQ(e.at("payload").at("handling").as_string(), "public_order_penalty");
      EXPECT_EQ(e.at("event_zh").as_string(), "作出恶意讨薪处理结果");
    }
  }
  EXPECT_EQ(s7_events, (std::vector<std::string>{"register_complaint", "accept_complaint", "refer_malicious_claim",
                                                 "accept_malicious_claim", "decide_malicious_claim", "close_case"}));
  bool police_party = false;
  for (const auto& p : s7.at("parties").as_array()) police_party |= p.as_string() == "police";
  EXPECT_TRUE(police_party) << "the referral made the police a party";

  HttpClient judge = server.LoginAs("judge");
  EXPECT_EQ(judge.Get("/api/v1/cases").Json().at("total").as_int64(), 2) << "S4 (green channel) and S8 (execution)";
  HttpClient legalaid = server.LoginAs("legalaid");
  EXPECT_EQ(legalaid.Get("/api/v1/cases").Json().at("total").as_int64(), 1) << "only S4 went to legal aid";
  HttpClient auditor = server.LoginAs("auditor");
  EXPECT_TRUE(auditor.Get("/api/v1/audit/verify").Json().at("ok").as_bool());
}

}  // namespace
}  // namespace wagelink::testing
