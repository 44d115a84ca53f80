// Need-to-know beyond the case itself (issue 13): everything tied to a case — blacklist listings,
// publications, an employer's exposure record, agenda and action items, access receipts, ledgers —
// follows the case scope; risks are managed only by their owner body and 区治欠办; free text holds no
// personal numbers; and every write route answers 403 before it reads the body of a principal who may
// not write there at all. Each test is reproduced as police, judge and legal aid against a case that
// only labour inspection may see.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "api/routes.h"
#include "support/case_api.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr const char* kAfterScenarioOne = "2025-12-22T02:00:00Z";
const std::vector<std::string> kOutsiders{"police", "judge", "legalaid"};

TestServer ScenarioServer() { return TestServer({.start_time = *ParseUtc(kAfterScenarioOne)}); }

// S1 registered and handled by labour inspection alone: the order went unpaid, screening chose
// administrative handling, so no other body is a party. Returns the case id.
std::int64_t CaseOfLabourInspectionOnly(HttpClient& handler) {
  const std::int64_t id = CreateScenarioOneCase(handler);
  EXPECT_EQ(Step(handler, id, "accept_complaint", "2025-12-01T03:00:00Z").status, 200);
  EXPECT_EQ(Step(handler, id, "issue_order", "2025-12-05T08:00:00Z",
                 {{"document", "rectification_order"}, {"deadline", "2025-12-10"}, {"service", "posted_at_premises"},
                  {"served_at", "2025-12-05T08:00:00Z"}, {"service_evidence_recorded", true}})
                .status,
            200);
  EXPECT_EQ(Step(handler, id, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "unpaid_after_deadline"}})
                .status,
            200);
  auto screened = Step(handler, id, "complete_screening", "2025-12-11T02:00:00Z", {{"recommendation", "administrative"}},
                       "包工头已承诺分期支付，先行行政处理");
  EXPECT_EQ(screened.status, 200) << screened.body;
  return id;
}

std::string Path(const std::string& base, std::int64_t id, const std::string& tail = "") {
  return base + std::to_string(id) + tail;
}

std::int64_t AuditCount(TestServer& server, const std::string& query) {
  return server.LoginAs("auditor").Get("/api/v1/audit?q=" + query).Json().at("total").as_int64();
}

TEST(NeedToKnow, ListingsPublicationsAndTheExposureRecordFollowTheCaseScope) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler"), head = server.LoginAs("head");
  const std::int64_t case_id = CaseOfLabourInspectionOnly(handler);
  auto proposed = handler.PostJson(
      "/api/v1/blacklist",
      {{"case_id", case_id},
       {"criterion", "amount"},
       {"grounds", "经责令限期支付，逾期仍未支付 14 名农民工工资，数额达到拒不支付劳动报酬罪数额标准。"},
       {"persons", boost::json::array{{{"role", "principal"}, {"name", "王某"}}}}});
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const std::int64_t listing = proposed.Json().at("id").as_int64();
  const std::int64_t employer = proposed.Json().at("employer_id").as_int64();
  ASSERT_EQ(handler.PostJson(Path("/api/v1/blacklist/", listing, "/actions"), {{"action", "serve_notice"}}).status, 200);
  server.clock().Set(*ParseUtc("2026-02-02T02:00:00Z"));
  head = server.LoginAs("head");
  auto listed = head.PostJson(Path("/api/v1/blacklist/", listing, "/actions"),
                              {{"action", "decide_list"}, {"note", "陈述申辩期满，未提出异议"}});
  ASSERT_EQ(listed.status, 200) << listed.body;
  auto draft = head.PostJson("/api/v1/publications", {{"case_id", case_id},
                                                      {"category", "wage_arrears"},
                                                      {"credit_code", "无（自然人包工头，未登记）"},
                                                      {"main_facts", "拖欠 14 名农民工工资共计 186400 元。"},
                                                      {"handling", "经责令限期支付逾期未支付，依法作出行政处理。"}});
  ASSERT_EQ(draft.status, 201) << draft.body;
  const std::int64_t publication = draft.Json().at("id").as_int64();

  for (const auto& user : kOutsiders) {
    HttpClient outsider = server.LoginAs(user);
    ASSERT_EQ(outsider.Get(CasePath(case_id)).status, 404) << user << " is no party to the case";
    auto list = outsider.Get("/api/v1/blacklist");
    ASSERT_EQ(list.status, 200) << list.body;
    EXPECT_EQ(list.Json().at("total").as_int64(), 0) << user;
    EXPECT_EQ(list.body.find("王某"), std::string::npos) << user;
    EXPECT_EQ(outsider.Get(Path("/api/v1/blacklist/", listing)).status, 404) << user;
    auto exposure = outsider.Get(Path("/api/v1/employers/", employer, "/exposure"));
    ASSERT_EQ(exposure.status, 200) << exposure.body;
    EXPECT_TRUE(exposure.Json().at("listings").as_array().empty()) << user;
    EXPECT_TRUE(exposure.Json().at("publications").as_array().empty()) << user;
    EXPECT_EQ(outsider.Get(Path("/api/v1/publications/", publication)).status, 404) << user;
    EXPECT_TRUE(outsider.Get("/api/v1/publications").Json().at("items").as_array().empty()) << user;
  }
  for (const std::string user : {"head", "coordinator", "prosecutor"}) {
    HttpClient insider = server.LoginAs(user);
    EXPECT_EQ(insider.Get(Path("/api/v1/blacklist/", listing)).status, 200) << user;
    EXPECT_EQ(insider.Get(Path("/api/v1/publications/", publication)).status, 200) << user;
    EXPECT_EQ(insider.Get(Path("/api/v1/employers/", employer, "/exposure")).Json().at("listings").as_array().size(), 1u)
        << user;
  }
}

TEST(NeedToKnow, OnlyTheOwnerBodyAndTheWageOfficeFollowUpCloseOrReopenARisk) {
  TestServer server({.start_time = *ParseUtc("2026-01-20T02:00:00Z")});
  HttpClient police = server.LoginAs("police"), legalaid = server.LoginAs("legalaid");
  boost::json::object risk = MajorRiskOwnedByHrss();
  risk["owner_body"] = "police";
  auto created = police.PostJson("/api/v1/risks", risk);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string level = std::string(created.Json().at("level").as_string());
  const std::string path = Path("/api/v1/risks/", created.Json().at("id").as_int64());

  auto lowered = legalaid.PostJson(path + "/followups", {{"note", "已核实，风险可控"},
                                                         {"indicators", boost::json::object{}},
                                                         {"workers_affected", 1}});
  EXPECT_EQ(lowered.status, 403) << lowered.body;
  EXPECT_EQ(police.Get(path).Json().at("level").as_string(), level) << "the level is the owner's";
  EXPECT_EQ(police.PostJson(path + "/followups", {{"note", "已复核"}}).status, 201);
  EXPECT_EQ(server.LoginAs("coordinator").PostJson(path + "/followups", {{"note", "区治欠办督办"}}).status, 201);

  ASSERT_EQ(police.PostJson(path + "/close", {{"evidence", "工资已全额发放，工资支付表已核"}}).status, 200);
  EXPECT_EQ(legalaid.PostJson(path + "/reopen", {{"reason", "再次欠薪"}}).status, 403);
  EXPECT_EQ(police.Get(path).Json().at("status"), "closed");
  EXPECT_EQ(police.PostJson(path + "/reopen", {{"reason", "节后再次出现欠薪"}}).status, 200);
}

TEST(NeedToKnow, AnEmptyUserChangeIsRefusedAfterThePermissionAndWritesNothing) {
  TestServer server;
  HttpClient sysadmin = server.LoginAs("sysadmin");
  auto users = sysadmin.Get("/api/v1/users?q=handler2").Json();
  const std::string path = Path("/api/v1/users/", users.at("items").at(0).at("id").as_int64());
  const std::int64_t changes_before = AuditCount(server, "user.update");

  auto judged = server.LoginAs("judge").PatchJson(path, boost::json::object{});
  EXPECT_EQ(judged.status, 403) << judged.body;
  EXPECT_EQ(judged.body.find("handler2"), std::string::npos) << "no account details to a judge";
  auto garbage = server.LoginAs("judge").Send("PATCH", path, "{not json", {{"Content-Type", "application/json"}});
  EXPECT_EQ(garbage.status, 403) << "the permission comes before the body";

  auto empty = sysadmin.PatchJson(path, boost::json::object{});
  EXPECT_EQ(empty.status, 400) << empty.body;
  EXPECT_EQ(empty.Json().at("field"), "changes");
  EXPECT_EQ(empty.body.find("handler2"), std::string::npos);
  EXPECT_EQ(AuditCount(server, "user.update"), changes_before) << "no false audit entry";
}

TEST(NeedToKnow, MeetingsAndActionItemsHideCasesOutsideTheReadersScope) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler"), coordinator = server.LoginAs("coordinator");
  // Never accepted: its acceptance clock (L01, due 2025-12-08) is overdue and goes on the agenda.
  auto created = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t case_id = created.Json().at("id").as_int64();
  const std::string case_no = std::string(created.Json().at("case_no").as_string());
  auto meeting = coordinator.PostJson("/api/v1/meetings", {{"kind", "ad_hoc"}, {"title", "欠薪专题会"},
                                                           {"scheduled_at", "2025-12-23T02:00:00Z"}});
  ASSERT_EQ(meeting.status, 201) << meeting.body;
  const std::string path = Path("/api/v1/meetings/", meeting.Json().at("id").as_int64());
  auto decided = coordinator.PostJson(path + "/decisions", {{"decision", "公安提前了解案情"}, {"owner_body", "police"},
                                                            {"due_date", "2025-12-30"}, {"case_id", case_id}});
  ASSERT_EQ(decided.status, 201) << decided.body;
  auto seen = coordinator.Get(path);
  ASSERT_NE(seen.body.find(case_no), std::string::npos) << "the wage-arrears office sees the region";

  for (const auto& user : kOutsiders) {
    HttpClient outsider = server.LoginAs(user);
    auto detail = outsider.Get(path);
    ASSERT_EQ(detail.status, 200) << detail.body;
    EXPECT_EQ(detail.body.find(case_no), std::string::npos) << user;
    bool masked = false;
    const auto json = detail.Json();
    for (const auto& item : json.at("agenda").as_array()) {
      if (item.at("source") != "overdue_clock") continue;
      masked = true;
      EXPECT_TRUE(item.at("ref_id").is_null()) << user;
    }
    EXPECT_TRUE(masked) << "the overdue clock keeps its place on the agenda";
    EXPECT_TRUE(json.at("action_items").at(0).at("case_id").is_null()) << user;
    auto items = outsider.Get("/api/v1/action-items");
    ASSERT_EQ(items.status, 200) << items.body;
    EXPECT_TRUE(items.Json().at("items").at(0).at("case_id").is_null()) << user;
  }
}

TEST(NeedToKnow, TheWageOfficeListsAccessReceiptsAndLedgersNeedTheExportPermission) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler");
  auto created = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::int64_t id = created.Json().at("id").as_int64();
  const std::int64_t worker = created.Json().at("workers").at(0).at("id").as_int64();
  ASSERT_EQ(handler.PostJson(CasePath(id, "/workers/" + std::to_string(worker) + "/reveal"),
                             {{"field", "id_number"}, {"reason", "identity_check"}, {"purpose", "核对身份以制作询问笔录"}}).status,
            200);
  auto receipts = server.LoginAs("coordinator").Get("/api/v1/pii/access-receipts");
  ASSERT_EQ(receipts.status, 200) << receipts.body;
  EXPECT_EQ(receipts.Json().at("total").as_int64(), 1) << "区治欠办 reads the receipts of the region";

  // The police and the procuratorate keep transfer ledgers (they hold case.export); these do not.
  for (const std::string user : {"judge", "legalaid", "leader"}) {
    EXPECT_EQ(server.LoginAs(user).Get("/api/v1/ledgers/cases.xlsx").status, 403) << user << " holds no case.export";
    EXPECT_EQ(server.LoginAs(user).Get("/api/v1/ledgers/transfers.xlsx").status, 403) << user;
  }
  EXPECT_EQ(handler.Get("/api/v1/ledgers/cases.xlsx").status, 200);
}

void ExpectPersonalDataRefused(const HttpResponse& response, const std::string& field, const std::string& clear) {
  EXPECT_EQ(response.status, 400) << response.body;
  if (response.status != 400) return;
  EXPECT_EQ(std::string(response.Json().at("field").as_string()), field) << response.body;
  const std::string detail(response.Json().at("detail").as_string());
  EXPECT_NE(detail.find("身份证号码、手机号码或银行卡号"), std::string::npos);
  // People read the Chinese text: it names the finding in words, never the field's code.
  EXPECT_EQ(detail.find(field), std::string::npos) << detail;
  EXPECT_NE(response.Json().at("detail_en").as_string().find("free text may not hold"), boost::json::string::npos);
  EXPECT_EQ(response.body.find(clear), std::string::npos) << "the refusal never repeats the number";
}

TEST(NeedToKnow, FreeTextWithIdPhoneOrBankNumbersIsRefusedOnSave) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler"), coordinator = server.LoginAs("coordinator");
  const std::string phone = "13912345678", id_number = ValidIdNumber("11010119800101100");

  boost::json::object complaint = ScenarioOneComplaint();
  complaint["summary"] = "工人代表联系电话 " + phone + "，要求尽快支付。";
  ExpectPersonalDataRefused(handler.PostJson("/api/v1/cases", complaint), "summary", phone);
  EXPECT_EQ(handler.Get("/api/v1/cases").Json().at("total").as_int64(), 0) << "nothing stored";

  boost::json::object risk = MajorRiskOwnedByHrss();
  risk["description"] = "包工头身份证号 " + id_number + "，已失联。";
  ExpectPersonalDataRefused(handler.PostJson("/api/v1/risks", risk), "description", id_number);
  auto ok_risk = handler.PostJson("/api/v1/risks", MajorRiskOwnedByHrss());
  ASSERT_EQ(ok_risk.status, 201) << ok_risk.body;
  ExpectPersonalDataRefused(
      handler.PostJson(Path("/api/v1/risks/", ok_risk.Json().at("id").as_int64(), "/followups"),
                       {{"note", "工人电话 139 1234 5678"}}),
      "note", phone);

  auto meeting = coordinator.PostJson("/api/v1/meetings", {{"kind", "ad_hoc"}, {"title", "欠薪专题会"},
                                                           {"scheduled_at", "2025-12-23T02:00:00Z"}});
  ASSERT_EQ(meeting.status, 201) << meeting.body;
  ExpectPersonalDataRefused(
      coordinator.PostJson(Path("/api/v1/meetings/", meeting.Json().at("id").as_int64(), "/agenda"),
                           {{"title", "工资代发"}, {"detail", "代发卡号 6222 0202 0000 0000 006"}}),
      "detail", "6222020200000000006");

  ExpectPersonalDataRefused(
      server.LoginAs("legalaid").PostJson("/api/v1/publicity/articles",
                                          {{"title", "典型案例"}, {"body", "求助热线：" + phone}}),
      "body", phone);
}

TEST(NeedToKnow, APublicationDraftWithAPhoneNumberIsNeverStored) {
  TestServer server = ScenarioServer();
  HttpClient handler = server.LoginAs("handler"), head = server.LoginAs("head");
  const std::int64_t case_id = CaseOfLabourInspectionOnly(handler);
  boost::json::object draft{{"case_id", case_id},
                            {"category", "wage_arrears"},
                            {"credit_code", "无（自然人包工头，未登记）"},
                            {"main_facts", "拖欠工资；工人（电话１３６ ２０００ １０００）多次讨要。"},
                            {"handling", "依法作出行政处理。"}};
  ExpectPersonalDataRefused(head.PostJson("/api/v1/publications", draft), "main_facts", "13620001000");
  EXPECT_TRUE(head.Get("/api/v1/publications").Json().at("items").as_array().empty());
  draft["main_facts"] = "拖欠 14 名农民工工资共计 186400 元。";
  auto created = head.PostJson("/api/v1/publications", draft);
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = Path("/api/v1/publications/", created.Json().at("id").as_int64());
  ExpectPersonalDataRefused(head.PatchJson(path, {{"handling", "联系人 13620001000"}}), "handling", "13620001000");
  EXPECT_EQ(head.Get(path).Json().at("handling"), "依法作出行政处理。");
}

TEST(NeedToKnow, ALegalPublicityArticleIsWithdrawnFromThePublicPageWithAnAuditEntry) {
  TestServer server;
  HttpClient legalaid = server.LoginAs("legalaid");
  auto created = legalaid.PostJson("/api/v1/publicity/articles", {{"title", "典型案例"}, {"body", "某公司拒不支付劳动报酬案"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = Path("/api/v1/publicity/articles/", created.Json().at("id").as_int64(), "/withdraw");
  ASSERT_EQ(server.Client().Get("/api/v1/public/exposure").Json().at("articles").as_array().size(), 1u);

  EXPECT_EQ(server.LoginAs("police").PostJson(path, {{"reason", "x"}}).status, 403);
  EXPECT_EQ(legalaid.PostJson(path, boost::json::object{}).status, 400) << "a reason is required";
  auto withdrawn = legalaid.PostJson(path, {{"reason", "案例中当事人信息需进一步脱敏"}});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.Json().at("status"), "withdrawn");
  EXPECT_TRUE(server.Client().Get("/api/v1/public/exposure").Json().at("articles").as_array().empty());
  EXPECT_EQ(legalaid.PostJson(path, {{"reason", "again"}}).status, 404);
  EXPECT_EQ(AuditCount(server, "publicity.withdraw"), 1);
}

// Routes every signed-in user may write to: their own session, password, second factor and inbox,
// and the assessment calculator (which stores nothing).
const std::set<std::string> kOpenToEveryone{
    "POST /api/v1/auth/logout", "POST /api/v1/auth/password", "POST /api/v1/inbox/{id}/read",
    "PUT /api/v1/inbox/preferences", "POST /api/v1/assessments", "POST /api/v1/auth/second-factor",
    "POST /api/v1/auth/totp/enrolment", "POST /api/v1/auth/totp/enrolment/confirm"};

// The auditor is one of the three administrators (三员), any other of whom decides a change to an
// administrator account (docs/security.md); the request is looked up, so an unknown id is 404.
const std::set<std::string> kAuditorMayWrite{"POST /api/v1/admin-change-requests/{id}/approve",
                                             "POST /api/v1/admin-change-requests/{id}/reject"};

std::string WithIds(std::string pattern) {
  for (auto at = pattern.find('{'); at != std::string::npos; at = pattern.find('{')) {
    pattern.replace(at, pattern.find('}', at) - at + 1, "1");
  }
  return pattern;
}

// As the auditor (no business or write permission at all) and as the leader (every read, no write),
// each write route of the route table answers 403 to a garbage body: the permission is checked
// before the body is read.
TEST(NeedToKnow, EveryWriteRouteAnswers403BeforeValidationToARoleThatMayNotWriteThere) {
  TestServer server;
  api::ApiContext context;
  auto router = api::BuildRouter(context);  // the production route table
  std::size_t walked = 0;
  for (const std::string user : {"auditor", "leader"}) {
    HttpClient client = server.LoginAs(user);
    for (const auto& route : router->routes()) {
      if (route.method == "GET" || route.options.public_route) continue;
      if (kOpenToEveryone.contains(route.method + " " + route.pattern)) continue;
      if (user == "auditor" && kAuditorMayWrite.contains(route.method + " " + route.pattern)) continue;
      auto response =
          client.Send(route.method, WithIds(route.pattern), "{garbage", {{"Content-Type", "application/json"}});
      EXPECT_EQ(response.status, 403) << user << " " << route.method << " " << route.pattern << ": " << response.body;
      ++walked;
    }
  }
  EXPECT_GT(walked, 70u) << "every write route, twice";
}

// Routes that take no JSON body, or a file: an unknown field cannot be sent to them.
const std::set<std::string> kWithoutJsonBody{
    "POST /api/v1/auth/logout",   "POST /api/v1/inbox/{id}/read",      "POST /api/v1/imports",
    "POST /api/v1/imports/{id}/commit", "POST /api/v1/publications/{id}/publish",
    "DELETE /api/v1/security/sessions/{id}", "DELETE /api/v1/liaisons/{id}",
    "DELETE /api/v1/meetings/{id}/agenda/{item_id}", "POST /api/v1/cases/{id}/evidence",
    "POST /api/v1/risks/{id}/evidence", "POST /api/v1/meetings/{id}/evidence",
    "POST /api/v1/auth/totp/enrolment", "POST /api/v1/users/{id}/two-factor/reset",
    "POST /api/v1/users/{id}/unlock", "POST /api/v1/admin-change-requests/{id}/approve",
    "POST /api/v1/admin-change-requests/{id}/reject", "POST /api/v1/announcements/{id}/withdraw",
    "POST /api/v1/system/jobs/{name}/run", "POST /api/v1/users/import", "POST /api/v1/api-clients/{key_id}/disable"};

// Every write route, as the first demo user who may write there, refuses a field it does not know:
// 400 naming the field, never a silent drop (a misspelt "reason" must not vanish from a record).
TEST(UnknownFields, EveryWriteRouteRefusesAFieldItDoesNotKnowAndNamesIt) {
  TestServer server;
  api::ApiContext context;
  auto router = api::BuildRouter(context);
  std::map<std::string, HttpClient> clients;
  for (const std::string user : {"handler", "head", "coordinator", "police", "prosecutor", "judge", "legalaid",
                                 "sysadmin", "secadmin", "auditor", "leader"}) {
    clients.emplace(user, server.LoginAs(user));
  }
  std::size_t walked = 0;
  for (const auto& route : router->routes()) {
    const std::string name = route.method + " " + route.pattern;
    if (route.method == "GET" || route.options.public_route || kWithoutJsonBody.contains(name)) continue;
    bool someone_may = false;
    for (auto& [user, client] : clients) {
      auto response = client.Send(route.method, WithIds(route.pattern), R"({"zz_not_a_field": 1})",
                                  {{"Content-Type", "application/json"}});
      if (response.status == 403) continue;
      someone_may = true;
      EXPECT_EQ(response.status, 400) << user << " " << name << ": " << response.body;
      EXPECT_NE(response.body.find("zz_not_a_field"), std::string::npos) << user << " " << name << ": " << response.body;
      ++walked;
      break;
    }
    EXPECT_TRUE(someone_may) << name << ": no demo user may write there";
  }
  EXPECT_GT(walked, 35u) << "every write route with a JSON body";
}

// The same for the query string, on every route (reads, writes, files, public pages): a parameter the
// route does not take is refused before the handler runs, so a write with one changes nothing.
TEST(UnknownFields, EveryRouteRefusesAQueryParameterItDoesNotTakeAndNamesIt) {
  TestServer server;
  api::ApiContext context;
  auto router = api::BuildRouter(context);
  std::vector<std::pair<std::string, HttpClient>> clients;
  clients.emplace_back("anonymous", server.Client());
  for (const std::string user : {"leader", "handler", "head", "coordinator", "police", "prosecutor", "judge",
                                 "legalaid", "sysadmin", "secadmin", "auditor"}) {
    clients.emplace_back(user, server.LoginAs(user));
  }
  std::size_t walked = 0;
  for (const auto& route : router->routes()) {
    const std::string name = route.method + " " + route.pattern;
    bool someone_may = false;
    for (auto& [user, client] : clients) {
      auto response = client.Send(route.method, WithIds(route.pattern) + "?zz_not_a_param=1", "{}",
                                  {{"Content-Type", "application/json"}});
      if (response.status == 401 || response.status == 403) continue;
      someone_may = true;
      EXPECT_EQ(response.status, 400) << user << " " << name << ": " << response.body;
      EXPECT_NE(response.body.find("zz_not_a_param"), std::string::npos) << user << " " << name << ": " << response.body;
      ++walked;
      break;
    }
    EXPECT_TRUE(someone_may) << name << ": nobody is admitted";
  }
  EXPECT_GT(walked, 150u) << "every route";
  // Nothing was written: the handler's log out never ran, so the leader's session still works.
  EXPECT_EQ(clients[1].second.Get("/api/v1/auth/me").status, 200);
}

}  // namespace
}  // namespace wagelink::testing
