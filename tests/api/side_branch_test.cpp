// The side branches over HTTP on SQLite and PostgreSQL: the procuratorate's early intervention
// (提前介入, 人民检察院刑事诉讼规则 §256) and the police's handling of a malicious wage claim (恶意讨薪,
// SCENARIOS.md S7). The step-by-step refusals of each body are walked in case_branches.json; this
// file checks what the branches change beyond the machine: who sees the case, the inboxes, the
// procuratorate's worklist, and the record of S7's finding.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "support/case_branches.h"
#include "support/scenarios.h"

namespace wagelink::testing {
namespace {

std::string CasePath(std::int64_t id, const std::string& tail = "") { return "/api/v1/cases/" + std::to_string(id) + tail; }

HttpResponse Step(HttpClient& client, std::int64_t id, const std::string& event, const std::string& at,
                  boost::json::object payload = {}, const std::string& reason = "") {
  boost::json::object body{{"event", event}, {"at", at}, {"payload", payload}};
  if (!reason.empty()) body["reason"] = reason;
  return client.PostJson(CasePath(id, "/steps"), body);
}

// A procuratorate user whose scope is its own body's cases (a liaison officer), signed in.
HttpClient ProcuratorateLiaison(TestServer& server) {
  HttpClient sysadmin = server.LoginAs("sysadmin");
  auto created = sysadmin.PostJson("/api/v1/users", {{"username", "jc.lianluo"}, {"display_name", "检察联络员"},
                                                      {"body_code", "procuratorate"}, {"password", "Initial#Pass2026"}});
  EXPECT_EQ(created.status, 201) << created.body;
  HttpClient secadmin = server.LoginAs("secadmin");
  auto roles = secadmin.PatchJson("/api/v1/users/" + std::to_string(created.Json().at("id").as_int64()),
                                  {{"roles", {"liaison_officer"}}});
  EXPECT_EQ(roles.status, 200) << roles.body;
  HttpClient liaison = server.Client();
  EXPECT_EQ(liaison.Login("jc.lianluo", "Initial#Pass2026").status, 200);
  EXPECT_EQ(liaison.PostJson("/api/v1/auth/password", {{"old_password", "Initial#Pass2026"},
                                                       {"new_password", "Jiancha#Lianluo2026"}})
                .status,
            204);
  return liaison;
}

bool HasParty(const boost::json::value& detail, std::string_view body) {
  for (const auto& party : detail.at("parties").as_array()) {
    if (party.as_string() == body) return true;
  }
  return false;
}

// Titles of the notices about `case_no` in the user's inbox.
std::vector<std::string> InboxTitles(HttpClient& client, const std::string& case_no) {
  std::vector<std::string> titles;
  const auto inbox = client.Get("/api/v1/inbox?page_size=200").Json();  // kept: the loop reads into it
  for (const auto& item : inbox.at("items").as_array()) {
    const std::string title(item.at("title_zh").as_string());
    if (title.starts_with(case_no)) titles.push_back(title);
  }
  return titles;
}

bool Contains(const std::vector<std::string>& titles, std::string_view part) {
  for (const auto& title : titles) {
    if (title.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(EarlyIntervention, TheProcuratorateBecomesAPartyOnlyByJoiningAndItsOpinionsReachTheInboxes) {
  TestServer server({.start_time = *ParseUtc(kAfterEveryBranch)});
  HttpClient handler = server.LoginAs("handler"), prosecutor = server.LoginAs("prosecutor");
  HttpClient liaison = ProcuratorateLiaison(server);
  auto created = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t id = created.Json().at("id").as_int64();
  const std::string case_no(created.Json().at("case_no").as_string());
  ASSERT_EQ(Step(handler, id, "accept_complaint", "2025-12-01T03:00:00Z").status, 200);
  ASSERT_EQ(Step(handler, id, "issue_order", "2025-12-05T08:00:00Z",
                 {{"document", "rectification_order"}, {"deadline", "2025-12-10"}, {"service", "served"},
                  {"served_at", "2025-12-05T08:00:00Z"}})
                .status,
            200);
  ASSERT_EQ(Step(handler, id, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "unpaid_after_deadline"}}).status,
            200);

  // Before joining: not a party; a procuratorate user limited to its body's cases does not see it.
  EXPECT_FALSE(HasParty(handler.Get(CasePath(id)).Json(), "procuratorate"));
  EXPECT_EQ(liaison.Get(CasePath(id)).status, 404);
  EXPECT_EQ(prosecutor.Get("/api/v1/cases?party=procuratorate").Json().at("total").as_int64(), 0);
  EXPECT_EQ(prosecutor.Get("/api/v1/early-interventions").Json().at("total").as_int64(), 0);

  auto joined = Step(prosecutor, id, "join_early_intervention", "2025-12-11T02:00:00Z", {{"ground", "own_initiative"}},
                     "14 名劳动者，包工头逃匿，定性疑难，本院认为确有必要提前介入。");
  ASSERT_EQ(joined.status, 200) << joined.body;
  EXPECT_EQ(joined.Json().at("state").as_string(), "screening") << "a side step keeps the state";
  EXPECT_EQ(joined.Json().at("progress").at("early_intervention").as_string(), "joined");
  EXPECT_TRUE(HasParty(joined.Json(), "procuratorate"));
  EXPECT_EQ(liaison.Get(CasePath(id)).status, 200) << "the body sees the case once it has joined";
  EXPECT_EQ(liaison.Get("/api/v1/cases").Json().at("total").as_int64(), 1);
  EXPECT_EQ(prosecutor.Get("/api/v1/cases?party=procuratorate").Json().at("total").as_int64(), 1);
  EXPECT_TRUE(Contains(InboxTitles(handler, case_no), "提前介入"));

  for (const auto& [aspect, text] : {std::pair{"characterisation", "可认定为以逃匿方法逃避支付。"},
                                     std::pair{"evidence", "请固定张贴送达的照片和录像。"}}) {
    auto opinion = Step(prosecutor, id, "give_intervention_opinion", "2025-12-11T03:00:00Z", {{"aspect", aspect}}, text);
    ASSERT_EQ(opinion.status, 200) << opinion.body;
    EXPECT_EQ(opinion.Json().at("state").as_string(), "screening");
  }
  auto detail = handler.Get(CasePath(id)).Json();
  int opinions = 0;
  for (const auto& e : detail.at("timeline").as_array()) {
    if (e.at("event") != "give_intervention_opinion") continue;
    ++opinions;
    EXPECT_EQ(e.at("event_zh").as_string(), "提出介入意见");
    EXPECT_EQ(e.at("actor_body").as_string(), "procuratorate");
    EXPECT_EQ(e.at("from_state"), e.at("to_state"));
    EXPECT_NE(e.at("explanation_zh").as_string().find("《人民检察院刑事诉讼规则》§256"), std::string::npos);
  }
  EXPECT_EQ(opinions, 2) << "every opinion stays on the timeline";
  EXPECT_EQ(detail.at("progress").at("intervention_opinions").as_int64(), 2);
  EXPECT_TRUE(Contains(InboxTitles(handler, case_no), "提出介入意见"));
  HttpClient police = server.LoginAs("police");
  EXPECT_FALSE(Contains(InboxTitles(police, case_no), "提出介入意见"))
      << "the police hear of opinions only once the case is with them";

  // The procuratorate's worklist.
  auto list = prosecutor.Get("/api/v1/early-interventions").Json();
  ASSERT_EQ(list.at("total").as_int64(), 1);
  const auto& item = list.at("items").at(0);
  EXPECT_EQ(item.at("case_id").as_int64(), id);
  EXPECT_EQ(item.at("stage").as_string(), "joined");
  EXPECT_EQ(item.at("ground").as_string(), "own_initiative");
  EXPECT_EQ(item.at("opinions").as_int64(), 2);
  EXPECT_TRUE(item.at("opinion_unanswered").as_bool());
  EXPECT_EQ(item.at("state_zh").as_string(), "涉嫌犯罪甄别");
  EXPECT_EQ(liaison.Get("/api/v1/early-interventions").Json().at("total").as_int64(), 1);
  HttpClient judge = server.LoginAs("judge");
  EXPECT_EQ(judge.Get("/api/v1/early-interventions").Json().at("total").as_int64(), 0)
      << "the list keeps the need-to-know scope";

  ASSERT_EQ(Step(handler, id, "reply_intervention_opinion", "2025-12-11T05:00:00Z", {}, "已补充固定证据。").status, 200);
  EXPECT_TRUE(Contains(InboxTitles(prosecutor, case_no), "回复介入意见"));
  ASSERT_EQ(Step(prosecutor, id, "end_early_intervention", "2025-12-11T06:00:00Z").status, 200);
  list = prosecutor.Get("/api/v1/early-interventions").Json();
  EXPECT_EQ(list.at("items").at(0).at("stage").as_string(), "ended");
  EXPECT_FALSE(list.at("items").at(0).at("opinion_unanswered").as_bool());

  // Hostile input: an unknown field at the top or in the payload is refused and names itself.
  auto top = prosecutor.PostJson(CasePath(id, "/steps"), {{"event", "join_early_intervention"}, {"reasn", "x"}});
  EXPECT_EQ(top.status, 400);
  EXPECT_EQ(top.Json().at("field").as_string(), "reasn");
  auto nested = Step(prosecutor, id, "join_early_intervention", "2025-12-11T07:00:00Z",
                     {{"ground", "own_initiative"}, {"urgent", true}}, "再次介入");
  EXPECT_EQ(nested.status, 400);
  EXPECT_EQ(nested.Json().at("field").as_string(), "payload.urgent");
  auto kind = Step(prosecutor, id, "give_intervention_opinion", "2025-12-11T07:00:00Z", {{"aspect", "mood"}}, "x");
  EXPECT_EQ(kind.status, 400);
  EXPECT_EQ(kind.Json().at("field").as_string(), "payload.aspect");
}

// S7 over HTTP with its own complaint: one "worker" claiming 60,000 yuan for a project whose real
// workers were paid.
TEST(MaliciousClaim, S7IsReferredPenalisedByThePoliceAndTheRecordShowsTheFinding) {
  TestServer server({.start_time = *ParseUtc("2026-05-01T02:00:00Z")});
  HttpClient handler = server.LoginAs("handler"), police = server.LoginAs("police");
  boost::json::object complaint{
      {"channel", "petition"},
      {"received_at", "2026-04-13T02:00:00Z"},
      {"employer", {{"name", "某市政工程有限公司"}, {"credit_code", ValidCreditCode("91110000MA0097531")},
                    {"kind", "unit"}, {"address", "某区环城路 9 号"}, {"legal_representative", "郑某"}}},
      {"project_name", "环城路改造工程"},
      {"summary", "一名自称工人者持考勤表带人围堵区政府大门，要求支付 6 万元工资。"},
      {"workers", {{{"name", "李某"}, {"owed_yuan", 60000}, {"months_unpaid", 4}, {"period_from", "2025-12"},
                    {"period_to", "2026-03"}}}}};
  auto created = handler.PostJson("/api/v1/cases", complaint);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t id = created.Json().at("id").as_int64();
  const std::string case_no(created.Json().at("case_no").as_string());
  ASSERT_EQ(Step(handler, id, "accept_complaint", "2026-04-13T06:00:00Z").status, 200);
  EXPECT_EQ(police.Get(CasePath(id)).status, 404) << "not the police's case before the referral";

  auto referred = Step(handler, id, "refer_malicious_claim", "2026-04-20T02:00:00Z",
                       {{"findings", {{"no_arrears", true}, {"forged_records", true}, {"blocking_offices", true}}}},
                       "所持考勤表系伪造，不存在欠薪事实；带人围堵区政府大门。");
  ASSERT_EQ(referred.status, 200) << referred.body;
  EXPECT_EQ(referred.Json().at("state").as_string(), "investigating");
  EXPECT_EQ(referred.Json().at("progress").at("malicious_claim").as_string(), "referred");
  EXPECT_TRUE(HasParty(referred.Json(), "police"));
  EXPECT_TRUE(Contains(InboxTitles(police, case_no), "认定恶意讨薪并移送公安机关"));

  auto detail = police.Get(CasePath(id));
  ASSERT_EQ(detail.status, 200) << "the police now see the case";
  std::vector<std::string> offered;
  const auto police_view = detail.Json();
  for (const auto& s : police_view.at("available_steps").as_array()) offered.emplace_back(s.at("event").as_string());
  EXPECT_EQ(offered, std::vector<std::string>{"accept_malicious_claim"});

  HttpClient prosecutor = server.LoginAs("prosecutor");
  auto wrong_body = Step(prosecutor, id, "accept_malicious_claim", "2026-04-20T06:00:00Z");
  EXPECT_EQ(wrong_body.status, 409);
  EXPECT_EQ(wrong_body.Json().at("field").as_string(), "actor_body");
  ASSERT_EQ(Step(police, id, "accept_malicious_claim", "2026-04-20T06:00:00Z", {}, "受案登记").status, 200);
  auto both = Step(police, id, "decide_malicious_claim", "2026-04-24T02:00:00Z",
                   {{"handling", "public_order_penalty"}, {"penalty", "行政拘留十日"}, {"charge", "寻衅滋事罪"}});
  EXPECT_EQ(both.status, 409);
  EXPECT_EQ(both.Json().at("field").as_string(), "charge");
  auto decided = Step(police, id, "decide_malicious_claim", "2026-04-24T02:00:00Z",
                      {{"handling", "public_order_penalty"}, {"penalty", "对为首者行政拘留十日"}});
  ASSERT_EQ(decided.status, 200) << decided.body;
  EXPECT_EQ(decided.Json().at("progress").at("malicious_claim").as_string(), "public_order_penalty");
  EXPECT_TRUE(decided.Json().at("available_steps").as_array().empty()) << "the branch is closed for the police";
  EXPECT_TRUE(Contains(InboxTitles(handler, case_no), "作出恶意讨薪处理结果"));

  auto closed = Step(handler, id, "close_case", "2026-04-24T06:00:00Z", {{"reason", "other"}},
                     "经查不存在欠薪事实，属恶意讨薪；公安机关已作出治安处罚。");
  ASSERT_EQ(closed.status, 200) << closed.body;
  auto record = closed.Json();
  EXPECT_EQ(record.at("state").as_string(), "closed_other");
  bool finding = false, penalty = false;
  for (const auto& e : record.at("timeline").as_array()) {
    if (e.at("event") == "refer_malicious_claim") {
      finding = e.at("reason").as_string().find("不存在欠薪事实") != std::string::npos &&
                e.at("payload").at("findings").at("forged_records").as_bool();
    }
    if (e.at("event") == "decide_malicious_claim") {
      penalty = e.at("payload").at("handling") == "public_order_penalty" &&
                e.at("payload").at("penalty") == "对为首者行政拘留十日" && !e.at("payload").as_object().contains("charge");
    }
  }
  EXPECT_TRUE(finding) << "the record keeps the finding";
  EXPECT_TRUE(penalty) << "and the police's decision, with only its own fact";
}

}  // namespace
}  // namespace wagelink::testing
