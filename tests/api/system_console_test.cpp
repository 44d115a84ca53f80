// Issue 14, the system administrator's console: 定时任务 (the scheduled jobs with their outcome and
// "run now", which is audited and never runs a job another instance holds) and 服务监控.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>

#include "store/database.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

TEST(SystemConsole, TheScheduledJobsAreListedInWordsAndRunNowIsAuditedAndLeaseSafe) {
  TestServer server;
  HttpClient sysadmin = server.LoginAs("sysadmin");
  auto listed = sysadmin.Get("/api/v1/system/jobs");
  ASSERT_EQ(listed.status, 200) << listed.body;
  auto jobs = listed.Json().at("items").as_array();
  ASSERT_GE(jobs.size(), 9u);
  for (const auto& job : jobs) {
    EXPECT_FALSE(job.at("label_zh").as_string().empty()) << job;
    EXPECT_GT(job.at("interval_seconds").as_int64(), 0) << job;
  }
  EXPECT_EQ(server.LoginAs("handler").Get("/api/v1/system/jobs").status, 403) << "the system administrator's page";
  EXPECT_EQ(server.LoginAs("auditor").Send("POST", "/api/v1/system/jobs/deadline_sweep/run").status, 403);

  auto ran = sysadmin.Send("POST", "/api/v1/system/jobs/deadline_sweep/run");
  ASSERT_EQ(ran.status, 200) << ran.body;
  EXPECT_EQ(ran.Json().at("label_zh"), "法定时限逾期检查");
  EXPECT_GE(ran.Json().at("runs").as_int64(), 1);
  EXPECT_FALSE(ran.Json().at("last_started_at").is_null());
  EXPECT_FALSE(ran.Json().at("last_failed").as_bool());
  EXPECT_EQ(sysadmin.Send("POST", "/api/v1/system/jobs/no_such_job/run").status, 404);

  // Another instance holds the lease: this one does not run the job a second time.
  {
    auto db = store::Database::Open(server.database_url(), 1);
    (*db)->Acquire()->Execute("UPDATE job_leases SET holder = 'another-instance', expires_at = '2999-01-01T00:00:00Z' "
                              "WHERE name = 'deadline_sweep'");
  }
  const auto runs_before = ran.Json().at("runs").as_int64();
  auto refused = sysadmin.Send("POST", "/api/v1/system/jobs/deadline_sweep/run");
  EXPECT_EQ(refused.status, 409) << refused.body;
  EXPECT_NE(refused.body.find("另一服务实例"), std::string::npos) << refused.body;
  const auto after = sysadmin.Get("/api/v1/system/jobs").Json();  // kept alive for the loop
  for (const auto& job : after.at("items").as_array()) {
    if (job.at("name") == "deadline_sweep") {
      EXPECT_EQ(job.at("runs").as_int64(), runs_before);
    }
  }

  auto audit = server.LoginAs("auditor").Get("/api/v1/audit?page_size=50&action=system.job_run");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_EQ(audit.Json().at("total").as_int64(), 1) << "the run that happened, once: " << audit.body;
}

TEST(SystemConsole, TheMonitorShowsTheInstanceDatabaseFoldersAndQueues) {
  TestServer server;
  auto monitor = server.LoginAs("sysadmin").Get("/api/v1/system/monitor");
  ASSERT_EQ(monitor.status, 200) << monitor.body;
  auto m = monitor.Json();
  EXPECT_GT(m.at("instance").at("resident_bytes").as_int64(), 1 << 20);
  EXPECT_GE(m.at("instance").at("uptime_seconds").as_int64(), 0);
  EXPECT_TRUE(m.at("database").at("reachable").as_bool());
  EXPECT_TRUE(m.at("database").at("ready").as_bool());
  EXPECT_EQ(m.at("database").at("schema_version"), m.at("database").at("expected_schema_version"));
  auto folders = m.at("folders").as_array();
  ASSERT_FALSE(folders.empty());
  EXPECT_TRUE(std::any_of(folders.begin(), folders.end(), [](const auto& f) { return f.at("reachable").as_bool(); }))
      << "the test server's own folders exist: " << monitor.body;
  for (const auto& folder : folders) {
    EXPECT_FALSE(folder.at("label_zh").as_string().empty());
    if (folder.at("reachable").as_bool()) {
      EXPECT_GT(folder.at("free_bytes").as_int64(), 0) << folder;
    }
  }
  EXPECT_GE(m.at("queues").at("outbox_pending").as_int64(), 0);
  EXPECT_EQ(m.at("queues").at("failing_jobs").as_int64(), 0);
  EXPECT_EQ(server.LoginAs("coordinator").Get("/api/v1/system/monitor").status, 403);
}

std::int64_t UserId(HttpClient& sysadmin, const std::string& username) {
  const auto users = sysadmin.Get("/api/v1/users?q=" + username).Json();  // kept alive for the loop
  for (const auto& user : users.at("items").as_array()) {
    if (user.at("username").as_string() == username) return user.at("id").as_int64();
  }
  ADD_FAILURE() << "no user " << username;
  return 0;
}

// 用户导出: the accounts in words, for a spreadsheet.
TEST(SystemConsole, TheUserListExportsAsCsvInWords) {
  TestServer server;
  auto csv = server.LoginAs("sysadmin").Get("/api/v1/users/export.csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF登录名,姓名,所属单位,角色,状态")) << csv.body.substr(0, 200);
  EXPECT_NE(csv.body.find("\"handler\""), std::string::npos);
  EXPECT_EQ(csv.body.find("case_handler"), std::string::npos) << "roles by name, not by code";
  EXPECT_EQ(server.LoginAs("handler").Get("/api/v1/users/export.csv").status, 403);
  auto audit = server.LoginAs("auditor").Get("/api/v1/audit?action=user.export");
  EXPECT_EQ(audit.Json().at("total").as_int64(), 1) << audit.body;
}

// 用户导入: all or nothing, every row checked as one account is; roles come later from the
// security administrator.
TEST(SystemConsole, UsersImportFromAFileAllOrNothingWithEveryRowsReason) {
  TestServer server;
  HttpClient sysadmin = server.LoginAs("sysadmin");
  const auto before = sysadmin.Get("/api/v1/users").Json().at("total").as_int64();
  const std::string header = "\xEF\xBB\xBF登录名,姓名,所属单位,初始密码\r\n";
  const std::string bad = header +
                          "zhangsan,张三,区人社局（劳动保障监察大队）,Chushi#Mima2026\r\n"
                          "handler,重名,hrss,Chushi#Mima2026\r\n"
                          "lisi,李四,不存在的单位,Chushi#Mima2026\r\n"
                          "wangwu,王五,police,123\r\n"
                          "zhangsan,张三二,police,Chushi#Mima2026\r\n";
  auto refused = sysadmin.Send("POST", "/api/v1/users/import", bad, {{"Content-Type", "text/csv"}});
  ASSERT_EQ(refused.status, 400) << refused.body;
  std::map<std::int64_t, std::string> field_of_row;
  auto refused_json = refused.Json();
  for (const auto& e : refused_json.at("errors").as_array()) field_of_row[e.at("row").as_int64()] = std::string(e.at("field").as_string());
  EXPECT_EQ(field_of_row, (std::map<std::int64_t, std::string>{{3, "username"}, {4, "body_code"}, {5, "password"}, {6, "username"}}))
      << refused.body;
  EXPECT_EQ(sysadmin.Get("/api/v1/users").Json().at("total").as_int64(), before) << "nobody was created";
  EXPECT_EQ(sysadmin.Send("POST", "/api/v1/users/import", "姓名,密码\r\n张三,x\r\n", {{"Content-Type", "text/csv"}}).status, 400)
      << "a header without the four columns is refused";
  EXPECT_EQ(server.LoginAs("handler").Send("POST", "/api/v1/users/import", bad, {{"Content-Type", "text/csv"}}).status, 403);

  const std::string good = header +
                           "zhangsan,张三,区人社局（劳动保障监察大队）,Chushi#Mima2026\r\n"
                           "wangwu,王五,police,Chushi#Mima2027\r\n";
  auto created = sysadmin.Send("POST", "/api/v1/users/import", good, {{"Content-Type", "text/csv"}});
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json().at("created").as_array().size(), 2u);
  EXPECT_EQ(sysadmin.Get("/api/v1/users").Json().at("total").as_int64(), before + 2);
  auto first = server.Client().Login("wangwu", "Chushi#Mima2027");
  ASSERT_EQ(first.status, 200) << first.body;
  EXPECT_TRUE(first.Json().at("user").at("must_change_password").as_bool());
  EXPECT_EQ(first.Json().at("user").at("body").at("code"), "police");
  EXPECT_TRUE(first.Json().at("user").at("roles").as_array().empty()) << "roles are the security administrator's to grant";
  auto audit = server.LoginAs("auditor").Get("/api/v1/audit?action=user.import");
  EXPECT_EQ(audit.Json().at("total").as_int64(), 1) << audit.body;
}

// 重置密码: a temporary password the user must change, every session of the account ended.
TEST(SystemConsole, ResetPasswordGivesATemporaryPasswordThatMustBeChangedAndEndsSessions) {
  TestServer server;
  HttpClient sysadmin = server.LoginAs("sysadmin");
  HttpClient handler = server.LoginAs("handler");
  const std::string path = "/api/v1/users/" + std::to_string(UserId(sysadmin, "handler")) + "/reset-password";
  const std::string temporary = "Linshi#Mima2026";

  auto weak = sysadmin.PostJson(path, {{"password", "123"}});
  EXPECT_EQ(weak.status, 400) << "the password policy holds for a temporary password too: " << weak.body;
  EXPECT_EQ(sysadmin.PostJson(path, {{"password", temporary}, {"notify", true}}).status, 400) << "unknown fields refused";
  EXPECT_EQ(server.LoginAs("secadmin").PostJson(path, {{"password", temporary}}).status, 403);
  auto reset = sysadmin.PostJson(path, {{"password", temporary}});
  ASSERT_EQ(reset.status, 200) << reset.body;

  EXPECT_EQ(handler.Get("/api/v1/auth/me").status, 401) << "the account's sessions ended";
  EXPECT_EQ(server.Client().Login("handler", kDemoPassword).status, 401) << "the old password no longer works";
  HttpClient again = server.Client();
  auto signed_in = again.Login("handler", temporary);
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  EXPECT_TRUE(signed_in.Json().at("user").at("must_change_password").as_bool()) << signed_in.body;

  const std::string admin_path = "/api/v1/users/" + std::to_string(UserId(sysadmin, "secadmin")) + "/reset-password";
  auto refused = sysadmin.PostJson(admin_path, {{"password", temporary}});
  EXPECT_EQ(refused.status, 403) << "三员分立: an administrator's password is changed by its holder: " << refused.body;
  auto audit = server.LoginAs("auditor").Get("/api/v1/audit?action=user.password_reset");
  EXPECT_EQ(audit.Json().at("total").as_int64(), 1) << audit.body;
}

}  // namespace
}  // namespace wagelink::testing
