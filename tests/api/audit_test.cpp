// The tamper-evident audit log: append-only in the database, and `audit verify` (API and CLI)
// names the first bad entry when anyone changes, deletes, inserts or reorders entries directly.
#include <gtest/gtest.h>

#include "store/database.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

// Writes enough audited changes to pass the first signed checkpoint (every 32 entries).
void MakeAuditedChanges(TestServer& server, int count) {
  HttpClient coordinator = server.LoginAs("coordinator");
  for (int i = 0; i < count; ++i) {
    auto r = coordinator.PostJson("/api/v1/liaisons", {{"body_code", "court"}, {"name", "联络员" + std::to_string(i)},
                                                       {"title", "科员"}, {"phone", "4037263"}});
    ASSERT_EQ(r.status, 201);
  }
}

// An attacker with database access first removes the append-only trigger.
std::unique_ptr<store::Connection> TamperConnection(const TestServer& server) {
  auto c = store::Connect(server.database_url());
  if (!c) throw std::runtime_error(c.error().message_en);
  if ((*c)->dialect() == store::Dialect::kSqlite) {
    (*c)->ExecuteScript("DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;");
  } else {
    (*c)->ExecuteScript("DROP TRIGGER audit_log_no_update ON audit_log; DROP TRIGGER audit_log_no_delete ON audit_log;");
  }
  return std::move(c.value());
}

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
  auto cli = RunWagelink({"audit", "verify", "--db", server.database_url(), "--key-file", server.key_file(), "--data-dir", SourceDir() + "/data"});
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
  auto cli = RunWagelink({"audit", "verify", "--db", server.database_url(), "--key-file", server.key_file(), "--data-dir", SourceDir() + "/data"});
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
  MakeAuditedChanges(server, 40);  // checkpoint at seq 32
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

TEST(Audit, AuditorExportsTheLogAsCsvAndTheExportIsAudited) {
  TestServer server;
  MakeAuditedChanges(server, 2);
  HttpClient auditor = server.LoginAs("auditor");
  auto csv = auditor.Get("/api/v1/audit/export.csv");
  ASSERT_EQ(csv.status, 200);
  EXPECT_EQ(csv.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(csv.body.rfind("\xEF\xBB\xBFseq,at,actor", 0), 0u);
  EXPECT_NE(csv.body.find("\"liaison.create\""), std::string::npos);
  EXPECT_EQ(server.LoginAs("sysadmin").Get("/api/v1/audit/export.csv").status, 403);
  EXPECT_EQ(auditor.Get("/api/v1/audit?q=audit.export").Json().at("total").as_int64(), 1);
}

}  // namespace
}  // namespace wagelink::testing
