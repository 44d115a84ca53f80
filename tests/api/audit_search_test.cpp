// The auditor searches the audit log by case number, person, action, body and Beijing dates, and the
// login log by person, result, dates and address; both export exactly what the search matched, and
// the exports are audited (issue 14, "less friction").
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <string>

#include "core/clock.h"
#include "support/case_api.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr const char* kMorning = "2025-12-22T02:00:00Z";        // 10:00 on 22 December in Beijing
constexpr const char* kAfterMidnight = "2025-12-22T16:30:00Z";  // 00:30 on 23 December in Beijing


std::int64_t Total(HttpClient& auditor, const std::string& query) {
  auto r = auditor.Get("/api/v1/audit?page_size=200&" + query);
  EXPECT_EQ(r.status, 200) << query << " " << r.body;
  return r.status == 200 ? r.Json().at("total").as_int64() : -1;
}

boost::json::array Items(HttpClient& auditor, const std::string& query) {
  auto r = auditor.Get("/api/v1/audit?page_size=200&" + query);
  EXPECT_EQ(r.status, 200) << query << " " << r.body;
  return r.status == 200 ? r.Json().at("items").as_array() : boost::json::array{};
}

void AddLiaison(HttpClient& coordinator, const std::string& name) {
  auto r = coordinator.PostJson("/api/v1/liaisons",
                                {{"body_code", "court"}, {"name", name}, {"title", "科员"}, {"phone", "4037263"}});
  ASSERT_EQ(r.status, 201) << r.body;
}

// On a server started at kMorning: case WL-2025-00001 registered and one worker's ID number revealed
// by the handler (李承办, hrss), a liaison added by the coordinator (刘协调, wage_office) at 10:00 on
// 22 December in Beijing, and another at 00:30 on 23 December in Beijing, still 22 December in UTC.
void DoTwoDaysOfWork(TestServer& server) {
  HttpClient handler = server.LoginAs("handler");
  const std::int64_t id = CreateScenarioOneCase(handler);
  auto worker = handler.Get(CasePath(id)).Json().at("workers").at(0).at("id").as_int64();
  auto revealed =
      handler.PostJson(CasePath(id, "/workers/" + std::to_string(worker) + "/reveal"),
                       {{"field", "id_number"}, {"reason", "identity_check"}, {"purpose", "核对身份以制作询问笔录"}});
  EXPECT_EQ(revealed.status, 200) << revealed.body;
  HttpClient coordinator = server.LoginAs("coordinator");
  AddLiaison(coordinator, "联络员甲");
  server.clock().Set(*ParseUtc(kAfterMidnight));
  HttpClient later = server.LoginAs("coordinator");
  AddLiaison(later, "联络员乙");
}

std::vector<std::string> CsvLines(const std::string& body) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < body.size()) {
    auto end = body.find('\n', start);
    if (end == std::string::npos) end = body.size();
    lines.push_back(body.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

TEST(AuditSearch, ACaseNumberFindsTheCaseAndItsWorkersEntriesOnly) {
  TestServer server({.start_time = *ParseUtc(kMorning)});
  DoTwoDaysOfWork(server);
  HttpClient auditor = server.LoginAs("auditor");
  auto items = Items(auditor, "case_no=WL-2025-00001");
  ASSERT_FALSE(items.empty());
  bool saw_create = false, saw_reveal = false;
  for (const auto& item : items) {
    const auto& e = item.as_object();
    const auto type = std::string(e.at("target_type").as_string());
    EXPECT_TRUE(type == "case" || type == "worker") << boost::json::serialize(e);
    if (type == "case") {
      EXPECT_EQ(e.at("target_name"), "WL-2025-00001");
    }
    saw_create = saw_create || e.at("action") == "case.create";
    saw_reveal = saw_reveal || e.at("action") == "pii.reveal";
  }
  EXPECT_TRUE(saw_create);
  EXPECT_TRUE(saw_reveal) << "a reveal names the worker, who belongs to the case";
  EXPECT_EQ(Total(auditor, "case_no=WL-2099-99999"), 0);
}

TEST(AuditSearch, APersonIsFoundByLoginNameOrPartOfTheirName) {
  TestServer server({.start_time = *ParseUtc(kMorning)});
  DoTwoDaysOfWork(server);
  HttpClient auditor = server.LoginAs("auditor");
  const auto by_login = Total(auditor, "actor=handler");
  EXPECT_GE(by_login, 3) << "login, registration, reveal";
  EXPECT_EQ(Total(auditor, "actor=" + QueryValue("李承办")), by_login);
  EXPECT_EQ(Total(auditor, "actor=" + QueryValue("承办")), by_login);
  for (const auto& item : Items(auditor, "actor=" + QueryValue("承办"))) {
    EXPECT_EQ(item.at("actor_username"), "handler");
  }
  EXPECT_EQ(Total(auditor, "actor=" + QueryValue("无此人")), 0);
  EXPECT_EQ(Total(auditor, "actor=" + QueryValue("李%")), by_login) << "a wildcard typed is dropped, never widens";
}

TEST(AuditSearch, ActionBodyAndBeijingDatesNarrowAndCombine) {
  TestServer server({.start_time = *ParseUtc(kMorning)});
  DoTwoDaysOfWork(server);
  HttpClient auditor = server.LoginAs("auditor");
  EXPECT_EQ(Total(auditor, "action=liaison.create"), 2);
  for (const auto& item : Items(auditor, "action=liaison.create")) EXPECT_EQ(item.at("action_zh"), "新增联络员");
  EXPECT_EQ(Total(auditor, "action=liaison.create&body=wage_office"), 2);
  EXPECT_EQ(Total(auditor, "action=liaison.create&body=hrss"), 0);
  // 00:30 on 23 December in Beijing is 16:30 on 22 December in UTC: the day is Beijing's.
  EXPECT_EQ(Total(auditor, "action=liaison.create&from=2025-12-22&to=2025-12-22"), 1);
  EXPECT_EQ(Total(auditor, "action=liaison.create&from=2025-12-23&to=2025-12-23"), 1);
  EXPECT_EQ(Total(auditor, "action=liaison.create&from=2025-12-23"), 1);
  EXPECT_EQ(Total(auditor, "action=liaison.create&to=2025-12-21"), 0);
  EXPECT_EQ(Total(auditor, "actor=" + QueryValue("刘协调") + "&action=liaison.create&from=2025-12-23"), 1);
  EXPECT_EQ(Total(auditor, "actor=handler&action=liaison.create"), 0);
  EXPECT_EQ(Total(auditor, "case_no=WL-2025-00001&action=pii.reveal&body=hrss&from=2025-12-22&to=2025-12-22"), 1);
  EXPECT_EQ(Total(auditor, "q=pii.reveal"), 1) << "the former exact search still works";
  EXPECT_EQ(Total(auditor, "q=pii.reveal&case_no=WL-2099-99999"), 0);
}

TEST(AuditSearch, BadSearchesAreRefusedWithTheFieldNamed) {
  TestServer server;
  HttpClient auditor = server.LoginAs("auditor");
  const std::string too_long(200, 'a');
  for (const auto& [query, field] :
       std::vector<std::pair<std::string, std::string>>{{"from=2025-13-01", "from"},
                                                        {"to=2025-02-30", "to"},
                                                        {"from=20251201", "from"},
                                                        {"from=2025-12-23&to=2025-12-22", "from"},
                                                        {"body=nowhere", "body"},
                                                        {"action=" + QueryValue("DROP TABLE"), "action"},
                                                        {"actor=" + too_long, "actor"},
                                                        {"case_no=" + too_long, "case_no"},
                                                        {"q=" + too_long, "q"}}) {
    for (const std::string route : {"/api/v1/audit?", "/api/v1/audit/export.csv?"}) {
      auto r = auditor.Get(route + query);
      ASSERT_EQ(r.status, 400) << route << query;
      EXPECT_EQ(r.Json().at("code"), "validation_failed");
      EXPECT_EQ(r.Json().at("field").as_string(), field) << query;
    }
  }
  for (const auto& [query, field] :
       std::vector<std::pair<std::string, std::string>>{{"success=maybe", "success"},
                                                        {"from=yesterday", "from"},
                                                        {"from=2026-01-02&to=2026-01-01", "from"},
                                                        {"username=" + too_long, "username"},
                                                        {"client_address=" + too_long, "client_address"}}) {
    for (const std::string route : {"/api/v1/security/login-log?", "/api/v1/security/login-log/export.csv?"}) {
      auto r = auditor.Get(route + query);
      ASSERT_EQ(r.status, 400) << route << query;
      EXPECT_EQ(r.Json().at("field").as_string(), field) << query;
    }
  }
  EXPECT_EQ(Total(auditor, "action=audit.export"), 0) << "a refused export wrote nothing and recorded nothing";
}

TEST(AuditSearch, TheExportHoldsExactlyTheMatchingEntriesInWordsAndIsAudited) {
  TestServer server({.start_time = *ParseUtc(kMorning)});
  DoTwoDaysOfWork(server);
  HttpClient auditor = server.LoginAs("auditor");
  auto csv = auditor.Get("/api/v1/audit/export.csv?action=liaison.create&from=2025-12-22&to=2025-12-22");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_NE(csv.Header("content-disposition").find("attachment"), std::string::npos);
  auto lines = CsvLines(csv.body);
  ASSERT_EQ(lines.size(), 2u) << csv.body;
  EXPECT_EQ(lines[0].rfind("\xEF\xBB\xBF序号,时间（北京时间）,操作人", 0), 0u) << lines[0];
  EXPECT_NE(lines[1].find("\"2025年12月22日 10:00:00\""), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find("\"刘协调\""), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find("\"区治欠办\""), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find("\"新增联络员\""), std::string::npos) << lines[1];
  EXPECT_NE(lines[1].find("\"liaison.create\""), std::string::npos) << "the code stays beside the words";

  // The same search gives the same entries as the list, oldest first.
  auto all = CsvLines(auditor.Get("/api/v1/audit/export.csv?actor=handler").body);
  auto listed = Items(auditor, "actor=handler");
  ASSERT_EQ(all.size(), listed.size() + 1);
  EXPECT_EQ(all[1].rfind("\"" + std::to_string(listed.back().at("seq").as_int64()) + "\",", 0), 0u) << all[1];

  auto exports = Items(auditor, "action=audit.export");
  ASSERT_EQ(exports.size(), 2u);
  EXPECT_EQ(exports[0].at("action_zh"), "导出审计日志");
  EXPECT_EQ(exports[0].at("actor_username"), "auditor");
}

TEST(AuditSearch, TheLoginLogIsSearchedAndExportedAndTheExportIsAudited) {
  TestServer server({.start_time = *ParseUtc(kMorning)});
  EXPECT_NE(server.Client().Login("handler", "not-the-password").status, 200);
  server.Client().Login("nobody", "whatever");
  server.LoginAs("handler");
  HttpClient auditor = server.LoginAs("auditor");
  auto total = [&](const std::string& query) {
    auto r = auditor.Get("/api/v1/security/login-log?page_size=200&" + query);
    EXPECT_EQ(r.status, 200) << query << " " << r.body;
    return r.Json().at("total").as_int64();
  };
  const auto everything = total("");
  EXPECT_GE(everything, 4);
  EXPECT_EQ(total("username=handler&success=false"), 1);
  EXPECT_EQ(total("username=handler"), 2);
  EXPECT_EQ(total("username=" + QueryValue("李承办")), 2) << "by the person's name";
  EXPECT_EQ(total("username=nobody"), 1);
  EXPECT_GE(total("success=false"), 2);
  EXPECT_GE(total("success=true"), 2);
  EXPECT_EQ(total("success=false") + total("success=true"), everything);
  EXPECT_EQ(total("from=2025-12-22&to=2025-12-22"), everything);
  EXPECT_EQ(total("from=2025-12-23"), 0);
  EXPECT_EQ(total("client_address=127.0.0"), everything);
  EXPECT_EQ(total("client_address=10.77."), 0);

  auto csv = auditor.Get("/api/v1/security/login-log/export.csv?username=handler&success=false");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  auto lines = CsvLines(csv.body);
  ASSERT_EQ(lines.size(), 2u) << csv.body;
  EXPECT_EQ(lines[0], "\xEF\xBB\xBF时间（北京时间）,登录名,姓名,结果,原因,来源地址");
  EXPECT_EQ(lines[1].rfind("\"2025年12月22日 10:00:00\",\"handler\",\"李承办\",\"失败\",\"密码错误\",", 0), 0u)
      << lines[1];

  auto recorded = Items(auditor, "action=loginlog.export");
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].at("action_zh"), "导出登录日志");
  EXPECT_EQ(recorded[0].at("target_type_zh"), "登录日志");
  EXPECT_EQ(recorded[0].at("actor_username"), "auditor");
}

TEST(AuditSearch, OnlyTheAuditorSearchesAndExportsTheLogs) {
  TestServer server;
  for (const char* who : {"sysadmin", "secadmin", "handler", "leader"}) {
    HttpClient client = server.LoginAs(who);
    for (const char* route :
         {"/api/v1/audit?action=auth.login", "/api/v1/audit/export.csv?action=auth.login", "/api/v1/audit/actions",
          "/api/v1/security/login-log?success=false", "/api/v1/security/login-log/export.csv?success=false"}) {
      EXPECT_EQ(client.Get(route).status, 403) << who << " " << route;
    }
  }
  HttpClient auditor = server.LoginAs("auditor");
  EXPECT_EQ(Total(auditor, "action=loginlog.export"), 0);
}

TEST(AuditSearch, TheActionListNamesEveryActionInWords) {
  TestServer server;
  auto r = server.LoginAs("auditor").Get("/api/v1/audit/actions");
  ASSERT_EQ(r.status, 200);
  const auto items = r.Json().at("items").as_array();
  auto named = [&](const std::string& code) -> std::string {
    for (const auto& item : items) {
      if (item.at("code").as_string() == code) return std::string(item.at("name_zh").as_string());
    }
    return "";
  };
  EXPECT_EQ(named("liaison.create"), "新增联络员");
  EXPECT_EQ(named("loginlog.export"), "导出登录日志");
  EXPECT_EQ(named("case.step.accept_complaint").rfind("办理：", 0), 0u);
  for (const auto& item : items) {
    EXPECT_FALSE(item.at("name_zh").as_string().empty()) << item.at("code").as_string();
    EXPECT_NE(item.at("name_zh"), "其他操作") << item.at("code").as_string();
  }
}

}  // namespace
}  // namespace wagelink::testing
