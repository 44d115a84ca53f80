// The tamper-evident audit log: append-only in the database, and `audit verify` (API and CLI)
// names the first bad entry when anyone changes, deletes, inserts or reorders entries directly.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "store/database.h"
#include "support/audit_attack.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

boost::json::object Verify(TestServer& server) {
  HttpClient auditor = server.LoginAs("auditor");
  auto r = auditor.Get("/api/v1/audit/verify");
  EXPECT_EQ(r.status, 200);
  return r.Json().as_object();
}

TEST(Audit, IntactLogVerifiesWithSignedCheckpoints) {
  TestServer server;
  MakeAuditedChanges(server, 40);
  auto report = Verify(server);
  EXPECT_TRUE(report.at("ok").as_bool()) << boost::json::serialize(report);
  EXPECT_GE(report.at("checkpoints_checked").as_int64(), 1);
  auto cli = RunWagelink({"audit", "verify", "--db", server.database_url(), "--key-file", server.key_file(), "--data-dir", SourceDir() + "/data", "--anchor-file", server.anchor_file()});
  EXPECT_EQ(cli.exit_code, 0) << cli.output;
}

TEST(Audit, TheDatabaseRefusesUpdatesAndDeletesOfAuditEntries) {
  TestServer server;
  MakeAuditedChanges(server, 2);
  auto c = store::Connect(server.database_url());
  ASSERT_TRUE(c);
  EXPECT_THROW((*c)->Execute("UPDATE audit_log SET action = 'x' WHERE seq = 1"), store::DatabaseError);
  EXPECT_THROW((*c)->Execute("DELETE FROM audit_log WHERE seq = 1"), store::DatabaseError);
}

TEST(Audit, AChangedEntryIsNamed) {
  TestServer server;
  MakeAuditedChanges(server, 5);
  TamperConnection(server)->Execute("UPDATE audit_log SET actor_username = 'someone-else' WHERE seq = 4");
  auto report = Verify(server);
  EXPECT_FALSE(report.at("ok").as_bool());
  EXPECT_EQ(report.at("first_bad_seq").as_int64(), 4);
  auto cli = RunWagelink({"audit", "verify", "--db", server.database_url(), "--key-file", server.key_file(), "--data-dir", SourceDir() + "/data", "--anchor-file", server.anchor_file()});
  EXPECT_EQ(cli.exit_code, 3);
  EXPECT_NE(cli.output.find("entry 4"), std::string::npos) << cli.output;
}

TEST(Audit, ADeletedEntryIsNamed) {
  TestServer server;
  MakeAuditedChanges(server, 5);
  TamperConnection(server)->Execute("DELETE FROM audit_log WHERE seq = 3");
  auto report = Verify(server);
  EXPECT_FALSE(report.at("ok").as_bool());
  EXPECT_EQ(report.at("first_bad_seq").as_int64(), 3);
}

TEST(Audit, ReorderedEntriesAreDetected) {
  TestServer server;
  MakeAuditedChanges(server, 5);
  auto c = TamperConnection(server);
  c->Execute("UPDATE audit_log SET seq = 1000 WHERE seq = 3");
  c->Execute("UPDATE audit_log SET seq = 3 WHERE seq = 4");
  c->Execute("UPDATE audit_log SET seq = 4 WHERE seq = 1000");
  auto report = Verify(server);
  EXPECT_FALSE(report.at("ok").as_bool());
  EXPECT_EQ(report.at("first_bad_seq").as_int64(), 3);
}

TEST(Audit, AnInsertedEntryIsDetected) {
  TestServer server;
  MakeAuditedChanges(server, 3);
  auto c = TamperConnection(server);
  c->Execute("UPDATE audit_log SET seq = seq + 1000 WHERE seq >= 2");
  c->Execute("UPDATE audit_log SET seq = seq - 999 WHERE seq >= 1000");
  c->Execute("INSERT INTO audit_log (seq, at, actor_username, action, prev_hash, hash) "
             "VALUES (2, '2026-01-05T01:00:00Z', 'ghost', 'user.create', 'x', 'y')");
  auto report = Verify(server);
  EXPECT_FALSE(report.at("ok").as_bool());
  EXPECT_EQ(report.at("first_bad_seq").as_int64(), 2);
}

TEST(Audit, ARewrittenAndRehashedTailIsCaughtByTheSignedCheckpoint) {
  TestServer server;
  MakeAuditedChanges(server, 40);  // checkpoints at seq 16 and 32
  auto c = TamperConnection(server);
  // Without the signing key, an attacker can re-hash the chain but not re-sign the checkpoint.
  c->Execute("UPDATE audit_checkpoints SET hash = 'forged' WHERE seq = 32");
  auto report = Verify(server);
  EXPECT_FALSE(report.at("ok").as_bool());
}

}  // namespace
}  // namespace wagelink::testing

namespace wagelink::testing {
namespace {

TEST(Audit, TheLogsNameActionsTargetsPeopleAndOutcomesInWords) {
  TestServer server;
  MakeAuditedChanges(server, 1);
  EXPECT_NE(server.Client().Login("handler", "not the password").status, 200);
  HttpClient auditor = server.LoginAs("auditor");
  // The audit log: the codes stay for the record and the export; beside them what people read.
  bool saw_login = false, saw_liaison = false;
  const auto entries = auditor.Get("/api/v1/audit?page_size=100").Json();  // must outlive the loop
  for (const auto& item : entries.at("items").as_array()) {
    const auto& e = item.as_object();
    EXPECT_FALSE(e.at("action_zh").as_string().empty()) << e.at("action").as_string();
    EXPECT_EQ(std::string(e.at("action_zh").as_string()).find('.'), std::string::npos) << e.at("action_zh").as_string();
    if (e.at("action") == "auth.login" && e.at("actor_username") == "coordinator") {
      saw_login = true;
      EXPECT_EQ(e.at("action_zh"), "登录");
      EXPECT_EQ(e.at("action_en"), "Signed in");
      EXPECT_EQ(e.at("actor_name"), "刘协调");
      EXPECT_EQ(e.at("target_type_zh"), "登录会话");
    }
    if (e.at("action") == "liaison.create") {
      saw_liaison = true;
      EXPECT_EQ(e.at("action_zh"), "新增联络员");
    }
  }
  EXPECT_TRUE(saw_login);
  EXPECT_TRUE(saw_liaison);
  // The login log: the outcome in words, and the person behind an account's name.
  bool saw_bad_password = false;
  const auto logins = auditor.Get("/api/v1/security/login-log?page_size=100").Json();  // must outlive the loop
  for (const auto& item : logins.at("items").as_array()) {
    const auto& r = item.as_object();
    EXPECT_FALSE(r.at("reason_zh").as_string().empty()) << r.at("reason").as_string();
    if (r.at("reason") == "bad_password") {
      saw_bad_password = true;
      EXPECT_EQ(r.at("reason_zh"), "密码错误");
      EXPECT_EQ(r.at("display_name"), "李承办");
    }
    if (r.at("reason") == "ok") {
      EXPECT_EQ(r.at("reason_zh"), "登录成功");
    }
  }
  EXPECT_TRUE(saw_bad_password);
}

TEST(Audit, AuditorExportsTheLogAsCsvAndTheExportIsAudited) {
  TestServer server;
  MakeAuditedChanges(server, 2);
  HttpClient auditor = server.LoginAs("auditor");
  auto csv = auditor.Get("/api/v1/audit/export.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBF序号,时间（北京时间）,操作人", 0), 0u);
  EXPECT_NE(csv.body.find("\"liaison.create\""), std::string::npos);
  EXPECT_EQ(server.LoginAs("sysadmin").Get("/api/v1/audit/export.csv").status, 403);
  EXPECT_EQ(auditor.Get("/api/v1/audit?q=audit.export").Json().at("total").as_int64(), 1);
}

}  // namespace
}  // namespace wagelink::testing

namespace wagelink::testing {
namespace {

TEST(Audit, ReadingAndVerifyingTheLogAreThemselvesAudited) {
  TestServer server;
  HttpClient auditor = server.LoginAs("auditor");
  ASSERT_EQ(auditor.Get("/api/v1/audit").status, 200);
  EXPECT_EQ(auditor.Get("/api/v1/audit?q=audit.read").Json().at("total").as_int64(), 1);  // this read is recorded after
  ASSERT_EQ(auditor.Get("/api/v1/audit/verify").status, 200);
  EXPECT_EQ(auditor.Get("/api/v1/audit?q=audit.verify").Json().at("total").as_int64(), 1);
  auto cli = RunWagelink({"audit", "verify", "--db", server.database_url(), "--key-file", server.key_file(),
                          "--data-dir", SourceDir() + "/data", "--anchor-file", server.anchor_file()});
  EXPECT_EQ(cli.exit_code, 0) << cli.output;
  auto by_cli = auditor.Get("/api/v1/audit?q=audit-verify").Json();  // the command's request id
  ASSERT_EQ(by_cli.at("total").as_int64(), 1);
  EXPECT_EQ(by_cli.at("items").as_array()[0].at("action").as_string(), "audit.verify");
}

TEST(Audit, TheAnchorDownloadIsTheAuditorsAloneAndIsAudited) {
  TestServer server;
  MakeAuditedChanges(server, 3);
  for (const char* other : {"sysadmin", "secadmin", "coordinator", "leader"}) {
    EXPECT_EQ(server.LoginAs(other).Get("/api/v1/audit/anchor").status, 403) << other;
  }
  HttpClient auditor = server.LoginAs("auditor");
  auto anchor = auditor.Get("/api/v1/audit/anchor");
  ASSERT_EQ(anchor.status, 200);
  EXPECT_EQ(anchor.Header("content-type"), "application/x-ndjson");
  auto line = boost::json::parse(anchor.body).as_object();
  auto downloads = auditor.Get("/api/v1/audit?q=audit.anchor_download").Json();
  ASSERT_EQ(downloads.at("total").as_int64(), 1);
  const auto& entry = downloads.at("items").as_array()[0].as_object();
  EXPECT_EQ(entry.at("actor_username").as_string(), "auditor");
  EXPECT_EQ(line.at("seq").as_int64(), entry.at("seq").as_int64());  // the anchor vouches for its own download
  EXPECT_EQ(line.at("hash").as_string(), entry.at("hash").as_string());
  const std::string kept = MakeTempDir() + "/auditor.jsonl";
  std::ofstream(kept) << anchor.body;
  auto cli = RunWagelink({"audit", "verify", "--db", server.database_url(), "--key-file", server.key_file(),
                          "--data-dir", SourceDir() + "/data", "--anchor-file", server.anchor_file(), "--anchor", kept});
  EXPECT_EQ(cli.exit_code, 0) << cli.output;
  EXPECT_NE(cli.output.find("1 handed anchors"), std::string::npos) << cli.output;
}

TEST(Audit, AClientsRequestIdCannotPassForOneTheServerGenerated) {
  TestServer server;
  HttpClient client = server.Client();
  auto login = client.Send("POST", "/api/v1/auth/login",
                           boost::json::serialize(boost::json::object{{"username", "coordinator"}, {"password", kDemoPassword}}),
                           {{"Content-Type", "application/json"}, {"X-Request-Id", "0123456789abcdef"}});
  ASSERT_EQ(login.status, 200);
  EXPECT_EQ(login.Header("x-request-id"), "0123456789abcdef");  // still echoed for the caller's own tracing
  HttpClient auditor = server.LoginAs("auditor");
  EXPECT_EQ(auditor.Get("/api/v1/audit?q=0123456789abcdef").Json().at("total").as_int64(), 0);
  auto recorded = auditor.Get("/api/v1/audit?q=client:0123456789abcdef").Json();
  ASSERT_EQ(recorded.at("total").as_int64(), 1);
  EXPECT_EQ(recorded.at("items").as_array()[0].at("action").as_string(), "auth.login");
  // A server-generated id: 16 hex digits, never with the "client:" prefix a caller's id gets.
  auto own = auditor.Get("/api/v1/audit?q=auth.login").Json();
  const std::string id(own.at("items").as_array()[0].at("request_id").as_string());
  EXPECT_EQ(id.size(), 16u) << id;
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos) << id;
}

TEST(AuditKeys, AMissingKeyFileIsNeverCreatedForADatabaseInUseNorByVerify) {
  TestServer server;
  MakeAuditedChanges(server, 1);
  const std::string dir = MakeTempDir();
  const std::string missing = dir + "/missing.key";
  auto serve = RunWagelink({"serve", "--db", server.database_url(), "--key-file", missing, "--data-dir",
                            SourceDir() + "/data", "--port", "0", "--anchor-file", dir + "/anchors.jsonl"});
  EXPECT_EQ(serve.exit_code, 1) << serve.output;
  EXPECT_NE(serve.output.find("拒绝新建密钥"), std::string::npos) << serve.output;
  EXPECT_NE(serve.output.find("refusing to create a new key"), std::string::npos) << serve.output;
  EXPECT_FALSE(std::filesystem::exists(missing));

  ScratchDatabase fresh;  // even on an empty database, verify creates no key
  for (const std::string& url : {server.database_url(), fresh.url()}) {
    auto verify = RunWagelink({"audit", "verify", "--db", url, "--key-file", missing, "--data-dir",
                               SourceDir() + "/data", "--anchor-file", dir + "/anchors.jsonl"});
    EXPECT_EQ(verify.exit_code, 1) << verify.output;
    EXPECT_NE(verify.output.find("审计核验从不创建密钥"), std::string::npos) << verify.output;
    EXPECT_NE(verify.output.find("audit verify never creates a key"), std::string::npos) << verify.output;
    EXPECT_FALSE(std::filesystem::exists(missing));
  }
}

}  // namespace
}  // namespace wagelink::testing
