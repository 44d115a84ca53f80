// The case across six bodies through the API: scenario S1 end to end with its real dates, the
// right body at each step, clocks met, money per worker, need-to-know scope and refusals.
#include <gtest/gtest.h>

#include <map>
#include <tuple>

#include "store/case_repository.h"
#include "store/database.h"
#include "support/scenarios.h"
#include "support/case_api.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr const char* kAfterScenarioOne = "2025-12-22T02:00:00Z";  // the tests stand after S1's dates

TestServer ScenarioServer() {
  return TestServer({.start_time = *ParseUtc(kAfterScenarioOne)});
}

std::int64_t CreateScenarioOne(HttpClient& handler) {
  auto created = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
  EXPECT_EQ(created.status, 201) << created.body;
  return created.Json().at("id").as_int64();
}

boost::json::object ClockOf(const boost::json::value& detail, const std::string& rule) {
  for (const auto& c : detail.at("clocks").as_array()) {
    if (c.at("rule_id").as_string() == rule) return c.as_object();
  }
  ADD_FAILURE() << "no clock " << rule;
  return {};
}

TEST(Case, ComplaintIsRegisteredWithWorkersMoneyMaskedDataAndTheAcceptanceClock) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler");
  auto created = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
  ASSERT_EQ(created.status, 201) << created.body;
  auto c = created.Json();
  EXPECT_EQ(c.at("case_no").as_string(), "WL-2025-00001");
  EXPECT_EQ(c.at("state").as_string(), "complaint_received");
  EXPECT_EQ(c.at("workers_count").as_int64(), 14);
  EXPECT_EQ(c.at("owed").at("fen").as_int64(), 18'640'000);
  EXPECT_EQ(c.at("owed").at("yuan").as_string(), "186400.00");
  auto worker = c.at("workers").at(0);
  EXPECT_EQ(worker.at("id_number").as_string().size(), 18u);
  EXPECT_NE(worker.at("id_number").as_string().find("**********"), std::string::npos) << "masked in every response";
  EXPECT_EQ(worker.at("phone").as_string(), "139****0000");
  auto l01 = ClockOf(c, "L01");
  EXPECT_EQ(l01.at("due_date").as_string(), "2025-12-08") << "5 working days after Mon 2025-12-01";
  EXPECT_NE(std::string(l01.at("citation").as_string()).find("25号"), std::string::npos);
  EXPECT_EQ(c.at("timeline").as_array().size(), 1u);
  EXPECT_EQ(created.body.find(ValidIdNumber("11010119800101100")), std::string::npos) << "no full ID number anywhere";
  EXPECT_EQ(created.body.find("13910000000"), std::string::npos) << "no full phone number anywhere";
}

// Intake writes a new case with its totals (its workers' sum) instead of refreshing them after; the
// refresh (store::CaseRepository::RefreshCaseTotals) stays the rule. A new term in one must reach both.
TEST(Case, ANewCasesTotalsAreWhatARefreshFromItsWorkersGives) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler");
  const std::int64_t id = CreateScenarioOneCase(handler);
  ASSERT_NE(id, 0) << "scenario one's complaint was not registered";
  auto database = store::Database::Open(server.app().config().database_url, 1);
  ASSERT_TRUE(database);
  auto connection = (*database)->Acquire();
  auto totals = [&] {
    auto r = connection->QueryOne("SELECT workers_count, owed_fen, paid_fen FROM cases WHERE id = ?", {id});
    return std::make_tuple(r->Int(0), r->Int(1), r->Int(2));
  };
  const auto as_written = totals();
  EXPECT_EQ(as_written, std::make_tuple(std::int64_t{14}, std::int64_t{18'640'000}, std::int64_t{0}));
  store::CaseRepository(*connection).RefreshCaseTotals(id);
  EXPECT_EQ(totals(), as_written);
}

TEST(Case, ScenarioOneRunsFromComplaintToPoliceFilingWithEveryClockMet) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler"), head = server.LoginAs("head"), police = server.LoginAs("police"),
             judge = server.LoginAs("judge"), prosecutor = server.LoginAs("prosecutor");
  std::int64_t id = CreateScenarioOne(handler);
  EXPECT_EQ(police.Get(CasePath(id)).status, 404) << "police see the case only once it is transferred";

  auto r = Step(handler, id, "accept_complaint", "2025-12-01T03:00:00Z");
  ASSERT_EQ(r.status, 200) << r.body;
  r = Step(handler, id, "issue_order", "2025-12-05T08:00:00Z",
           {{"document", "rectification_order"}, {"deadline", "2025-12-10"}, {"service", "posted_at_premises"},
            {"served_at", "2025-12-05T08:00:00Z"}, {"service_evidence_recorded", true}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json().at("state").as_string(), "order_pending");
  r = Step(handler, id, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "unpaid_after_deadline"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json().at("assessment").at("recommendation").as_string(), "transfer");
  EXPECT_TRUE(r.Json().at("assessment").at("blacklist_eligible").as_bool());
  r = Step(handler, id, "complete_screening", "2025-12-11T02:00:00Z",
           {{"recommendation", "transfer"}});
  ASSERT_EQ(r.status, 200) << r.body;
  // The case group is made of colleagues: a name typed in (王协办 is handler2's display name, not a
  // user) or an officer of another body is refused, naming the field.
  for (const auto* stranger : {"王协办", "police"}) {
    r = Step(handler, id, "form_case_group", "2025-12-11T02:30:00Z", {{"officers", {"handler", stranger}}});
    EXPECT_EQ(r.status, 400) << stranger << ": " << r.body;
    EXPECT_EQ(r.Json().at("field"), "officers") << r.body;
    EXPECT_NE(std::string(r.Json().at("detail").as_string()).find(stranger), std::string::npos) << r.body;
  }
  r = Step(handler, id, "form_case_group", "2025-12-11T02:30:00Z", {{"officers", {"handler", "handler2"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  r = Step(handler, id, "submit_transfer_report", "2025-12-11T06:00:00Z");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(Step(handler, id, "approve_transfer", "2025-12-12T02:00:00Z").status, 409)
      << "a case handler cannot approve the transfer";
  r = Step(head, id, "approve_transfer", "2025-12-12T02:00:00Z");
  ASSERT_EQ(r.status, 200) << r.body;

  auto blocked = Step(handler, id, "send_transfer", "2025-12-12T07:00:00Z", {{"copy_to_procuratorate", true}});
  EXPECT_EQ(blocked.status, 409) << "the package is incomplete";
  EXPECT_NE(std::string(blocked.Json().at("detail").as_string()).find("涉案物品清单"), std::string::npos) << blocked.body;
  ASSERT_EQ(AttachTransferPackage(handler, id), 201);
  r = Step(handler, id, "send_transfer", "2025-12-12T07:00:00Z", {{"copy_to_procuratorate", true}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json().at("state").as_string(), "transferred");

  ASSERT_EQ(police.Get(CasePath(id)).status, 200) << "the transfer makes the police a party";
  EXPECT_EQ(judge.Get(CasePath(id)).status, 404) << "the court does not see the case before it reaches the court";
  EXPECT_EQ(prosecutor.Get(CasePath(id)).status, 200);
  r = Step(police, id, "sign_receipt", "2025-12-12T08:00:00Z");
  ASSERT_EQ(r.status, 200) << r.body;
  r = Step(police, id, "file_case", "2025-12-15T02:00:00Z");
  ASSERT_EQ(r.status, 200) << r.body;
  auto detail = r.Json();
  EXPECT_EQ(detail.at("state").as_string(), "police_investigating");
  for (const char* rule : {"L01", "L06", "L07", "L11"}) {
    EXPECT_EQ(ClockOf(detail, rule).at("status").as_string(), "met") << rule;
  }
  // 3 days from 2025-12-11 end on Sunday 12-14 and roll over to Monday (刑诉法 §105 by analogy, configurable).
  EXPECT_EQ(ClockOf(detail, "L06").at("due_date").as_string(), "2025-12-15");
  EXPECT_EQ(ClockOf(detail, "L11").at("due_date").as_string(), "2025-12-15");
  EXPECT_EQ(detail.at("timeline").as_array().size(), 16u)
      << "one event per step, from the complaint to 立案, and one per evidence file of the package (5)";

  // 2025-12-20: the general contractor pays 120,000 yuan from the wage special account.
  auto paid = handler.PostJson(CasePath(id, "/payments"), {{"proportional", true}, {"amount_yuan", "120000"},
                                                          {"paid_on", "2025-12-20"}, {"payer", "general_contractor"}});
  ASSERT_EQ(paid.status, 200) << paid.body;
  auto money = paid.Json();
  EXPECT_EQ(money.at("outstanding").at("yuan").as_string(), "66400.00");
  std::int64_t per_worker_outstanding = 0;
  for (const auto& w : money.at("workers").as_array()) per_worker_outstanding += w.at("outstanding").at("fen").as_int64();
  EXPECT_EQ(per_worker_outstanding, 6'640'000) << "money per worker adds up";

  auto police_inbox_case = police.Get("/api/v1/cases?party=police").Json();
  EXPECT_EQ(police_inbox_case.at("total").as_int64(), 1);
}

TEST(Case, WrongBodyWrongStateAndMissingReasonsAreRefusedWithNothingWritten) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler"), coordinator = server.LoginAs("coordinator");
  std::int64_t id = CreateScenarioOne(handler);
  auto wrong_state = Step(handler, id, "send_transfer", "2025-12-02T01:00:00Z");
  EXPECT_EQ(wrong_state.status, 409);
  EXPECT_EQ(wrong_state.Json().at("code").as_string(), "transition_refused");
  auto wrong_body = Step(coordinator, id, "accept_complaint", "2025-12-02T01:00:00Z");
  EXPECT_EQ(wrong_body.status, 403) << "the wage-arrears office acts on no case step at all";
  HttpClient police = server.LoginAs("police");
  auto wrong_step = Step(police, id, "accept_complaint", "2025-12-02T01:00:00Z");
  EXPECT_EQ(wrong_step.status, 404) << "the police act on cases, but do not see this one yet";
  auto no_reason = Step(handler, id, "refuse_complaint", "2025-12-02T01:00:00Z");
  EXPECT_EQ(no_reason.status, 409) << no_reason.body;
  auto future = Step(handler, id, "accept_complaint", "2030-01-01T00:00:00Z");
  EXPECT_EQ(future.status, 400);
  EXPECT_EQ(future.Json().at("field").as_string(), "at");
  auto unknown = Step(handler, id, "teleport", "2025-12-02T01:00:00Z");
  EXPECT_EQ(unknown.status, 400);
  auto detail = handler.Get(CasePath(id)).Json();
  EXPECT_EQ(detail.at("state").as_string(), "complaint_received");
  EXPECT_EQ(detail.at("timeline").as_array().size(), 1u) << "refused steps leave no trace but the audit of nothing";
}

TEST(Case, ComplaintValidationNamesTheFieldAndStoresNothing) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler");
  auto input = ScenarioOneComplaint();
  input["workers"].as_array()[2].as_object()["id_number"] = "110101198001031000";
  auto r = handler.PostJson("/api/v1/cases", input);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.Json().at("field").as_string(), "workers[2].id_number");
  EXPECT_EQ(r.body.find("110101198001031000"), std::string::npos) << "the ID number is not echoed back";
  input = ScenarioOneComplaint();
  input["general_contractor"].as_object()["credit_code"] = "91110000MA00123450";
  r = handler.PostJson("/api/v1/cases", input);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.Json().at("field").as_string(), "general_contractor.credit_code");
  input = ScenarioOneComplaint();
  input["workers"].as_array()[0].as_object()["owed_yuan"] = "12.345";
  EXPECT_EQ(handler.PostJson("/api/v1/cases", input).status, 400);
  input = ScenarioOneComplaint();
  input["channel"] = "carrier_pigeon";
  EXPECT_EQ(handler.PostJson("/api/v1/cases", input).status, 400);
  EXPECT_EQ(handler.Get("/api/v1/cases").Json().at("total").as_int64(), 0);
  EXPECT_EQ(server.LoginAs("police").PostJson("/api/v1/cases", ScenarioOneComplaint()).status, 403);
}

TEST(Case, DataScopeHoldsForListsDetailsSearchAndCounts) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler");
  std::int64_t id = CreateScenarioOne(handler);
  struct Expect {
    const char* user;
    int detail;
    std::int64_t total;
  };
  for (auto e : {Expect{"handler", 200, 1}, Expect{"coordinator", 200, 1}, Expect{"prosecutor", 200, 1},
                 Expect{"leader", 200, 1}, Expect{"police", 404, 0}, Expect{"judge", 404, 0}, Expect{"legalaid", 404, 0}}) {
    HttpClient client = server.LoginAs(e.user);
    EXPECT_EQ(client.Get(CasePath(id)).status, e.detail) << e.user;
    EXPECT_EQ(client.Get("/api/v1/cases").Json().at("total").as_int64(), e.total) << e.user;
    EXPECT_EQ(client.Get("/api/v1/cases?q=%E6%BB%A8%E6%B5%B7").Json().at("total").as_int64(), e.total) << e.user << " search";
  }
  for (const char* admin : {"sysadmin", "secadmin", "auditor"}) {
    HttpClient client = server.LoginAs(admin);
    EXPECT_EQ(client.Get("/api/v1/cases").status, 403) << admin;
    EXPECT_EQ(client.Get(CasePath(id)).status, 403) << admin;
  }
}

TEST(Case, ListFiltersByAnyOfSeveralStatesAndSortsAsAsked) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler");
  // A: all 14 workers, received 12-01; B: 2 workers, 12-02; C: 1 worker, 12-03.
  std::map<std::string, std::int64_t> ids;
  for (auto [name, received, workers] : {std::tuple{"A", "2025-12-01T01:30:00Z", 14}, std::tuple{"B", "2025-12-02T01:30:00Z", 2},
                                         std::tuple{"C", "2025-12-03T01:30:00Z", 1}}) {
    auto complaint = ScenarioOneComplaint();
    complaint["received_at"] = received;
    complaint["workers"].as_array().resize(static_cast<std::size_t>(workers));
    auto created = handler.PostJson("/api/v1/cases", complaint);
    ASSERT_EQ(created.status, 201) << created.body;
    ids[name] = created.Json().at("id").as_int64();
  }
  ASSERT_EQ(Step(handler, ids["A"], "accept_complaint", "2025-12-01T03:00:00Z").status, 200);
  auto order = [&](const std::string& query) {
    auto list = handler.Get("/api/v1/cases?" + query);
    EXPECT_EQ(list.status, 200) << query << "\n" << list.body;
    std::string names;
    const auto json = list.Json();
    for (const auto& item : json.at("items").as_array()) {
      for (const auto& [name, id] : ids) names += item.at("id").as_int64() == id ? name : "";
    }
    return names;
  };
  EXPECT_EQ(order("state=investigating"), "A");
  EXPECT_EQ(order("state=complaint_received"), "CB");
  EXPECT_EQ(order("state=complaint_received,investigating"), "CBA");
  EXPECT_EQ(handler.Get("/api/v1/cases?state=complaint_received,investigating").Json().at("total").as_int64(), 3);
  EXPECT_EQ(order("sort=received_asc"), "ABC");
  EXPECT_EQ(order("sort=outstanding_desc"), "ABC");
  EXPECT_EQ(order("sort=updated_desc&state=investigating,complaint_received"), order("sort=updated_desc"));
  for (const char* bad : {"state=bogus", "state=investigating,", "sort=owed", "state=a,b,c,d,e,f,g,h,i"}) {
    auto r = handler.Get(std::string("/api/v1/cases?") + bad);
    EXPECT_EQ(r.status, 400) << bad;
    EXPECT_TRUE(r.Json().at("field") == "state" || r.Json().at("field") == "sort") << bad << r.body;
  }
}

// Workers are inserted many to a statement with ids taken beforehand (store/case_repository.h):
// past the statement's size each one must still get its own row, in order, with personal data
// sealed under its own id.
TEST(Case, HundredsOfWorkersAreStoredInOrderEachWithTheirOwnSealedFields) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler");
  auto complaint = ScenarioOneComplaint();
  const char* given[] = {"建国", "卫东", "海军", "志强", "宝山", "永刚", "铁柱", "德明", "长江", "春生"};
  const char* family[] = {"张", "李", "王", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"};
  boost::json::array workers;
  std::vector<std::string> id_numbers;
  for (int i = 0; i < 230; ++i) {
    id_numbers.push_back(SyntheticIdNumber("1101011980", 1 + i % 12, 1 + i % 28, i));
    workers.push_back({{"name", std::string(family[i % 15]) + given[i % 10]}, {"id_number", id_numbers.back()},
                       {"owed_yuan", 1000 + i}, {"months_unpaid", 3}, {"period_from", "2025-09"}, {"period_to", "2025-11"}});
  }
  complaint["workers"] = workers;
  auto created = handler.PostJson("/api/v1/cases", complaint);
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.Json().at("id").as_int64();
  auto detail = handler.Get(CasePath(id)).Json();
  const auto listed = detail.at("workers").as_array();
  ASSERT_EQ(listed.size(), 230u);
  for (std::size_t i : {std::size_t{0}, std::size_t{99}, std::size_t{100}, std::size_t{199}, std::size_t{229}}) {
    EXPECT_EQ(listed[i].at("name"), workers[i].at("name")) << i;
    auto revealed = handler.PostJson(CasePath(id, "/workers/" + std::to_string(listed[i].at("id").as_int64()) + "/reveal"),
                                     {{"field", "id_number"}, {"reason", "identity_check"}, {"purpose", "核对身份以制作询问笔录"}});
    ASSERT_EQ(revealed.status, 200) << revealed.body;
    EXPECT_EQ(revealed.Json().at("value").as_string(), id_numbers[i]) << "worker " << i;
  }
  // The case's total owed is every worker's: 230 × 1,000 + (0 + … + 229) yuan.
  EXPECT_EQ(detail.at("owed").at("fen").as_int64(), 25'633'500);
  EXPECT_EQ(detail.at("workers_count").as_int64(), 230);
}

TEST(Case, RevealingPersonalDataNeedsAPurposeAndLeavesAnAccessReceipt) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler");
  std::int64_t id = CreateScenarioOne(handler);
  auto worker = handler.Get(CasePath(id)).Json().at("workers").at(0).at("id").as_int64();
  std::string path = CasePath(id, "/workers/" + std::to_string(worker) + "/reveal");
  EXPECT_EQ(handler.PostJson(path, {{"field", "id_number"}, {"reason", "identity_check"}, {"purpose", ""}}).status, 400);
  auto revealed = handler.PostJson(path, {{"field", "id_number"}, {"reason", "identity_check"}, {"purpose", "核对身份以制作询问笔录"}});
  ASSERT_EQ(revealed.status, 200) << revealed.body;
  EXPECT_EQ(revealed.Json().at("value").as_string(), ValidIdNumber("11010119800101100"));
  auto receipts = server.LoginAs("head").Get("/api/v1/pii/access-receipts");
  ASSERT_EQ(receipts.status, 200) << receipts.body;
  auto items = receipts.Json().at("items").as_array();
  ASSERT_EQ(items.size(), 1u);
  EXPECT_EQ(items[0].at("username").as_string(), "handler");
  EXPECT_EQ(items[0].at("purpose").as_string(), "核对身份以制作询问笔录或文书：核对身份以制作询问笔录")
      << "the reason's name, then the free text";
  EXPECT_EQ(items[0].at("case_no").as_string(), "WL-2025-00001");
  EXPECT_EQ(receipts.Json().at("total").as_int64(), 1);
  EXPECT_EQ(server.LoginAs("auditor").Get("/api/v1/audit?q=pii.reveal").Json().at("total").as_int64(), 1);
}

// Issue 13: "test" or "...." were accepted as purposes. A reason from data/reveal_reasons.json and
// free text with at least six letters or Chinese characters are required now.
TEST(Case, RevealPurposesNeedAListedReasonAndMeaningfulText) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler");
  std::int64_t id = CreateScenarioOne(handler);
  auto worker = handler.Get(CasePath(id)).Json().at("workers").at(0).at("id").as_int64();
  std::string path = CasePath(id, "/workers/" + std::to_string(worker) + "/reveal");
  auto reasons = handler.Get("/api/v1/reference/reveal-reasons");
  ASSERT_EQ(reasons.status, 200);
  EXPECT_GE(reasons.Json().at("items").as_array().size(), 5u);
  EXPECT_EQ(reasons.Json().at("items").at(0).at("name_zh"), "联系劳动者核实欠薪情况");

  for (const char* placeholder : {"test", "....", "testtest", "测试", "测试测试测试", "aaaaaaaa", "查看", "1234567890"}) {
    auto refused = handler.PostJson(path, {{"field", "id_number"}, {"reason", "contact_worker"}, {"purpose", placeholder}});
    EXPECT_EQ(refused.status, 400) << placeholder;
    EXPECT_EQ(refused.Json().at("field"), "purpose") << placeholder;
  }
  auto no_reason = handler.PostJson(path, {{"field", "id_number"}, {"purpose", "电话联系张某核对欠薪月份"}});
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_EQ(no_reason.Json().at("field"), "reason");
  auto unknown_reason =
      handler.PostJson(path, {{"field", "id_number"}, {"reason", "curiosity"}, {"purpose", "电话联系张某核对欠薪月份"}});
  EXPECT_EQ(unknown_reason.status, 400);
  EXPECT_EQ(unknown_reason.Json().at("field"), "reason");
  EXPECT_EQ(handler.PostJson(path, {{"field", "id_number"}, {"reason", "contact_worker"}, {"purpose", "电话联系张某核对欠薪月份"}})
                .status,
            200);
  EXPECT_EQ(handler.PostJson(path, {{"field", "id_number"}, {"reason", "contact_worker"}, {"purpose", "call Zhang about May"}})
                .status,
            200);
}

}  // namespace
}  // namespace wagelink::testing
