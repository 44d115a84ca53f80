// Issue 13, "The audit trail": every attack that once left `wagelink audit verify` answering
// "intact" is run here against a real database file (SQLite, and the PostgreSQL run of the same
// binary): the server writes the log and publishes its anchors, an attacker with the database in
// hand drops the append-only triggers and tampers, and the real `wagelink audit verify` must exit 3
// with a message that says what happened.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>

#include "security/audit_chain.h"
#include "security/master_key.h"
#include "store/audit_repository.h"
#include "store/database.h"
#include "support/audit_attack.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

// A log of about 50 entries whose head the server has signed and published (as its job does every
// minute): the starting point of every attack.
void WriteAndPublish(TestServer& server) {
  MakeAuditedChanges(server, 40);
  ASSERT_TRUE(server.app().PublishAuditAnchors().ok());
}

std::vector<security::AuditEntry> Entries(store::Connection& c) {
  std::vector<security::AuditEntry> entries;
  store::AuditRepository(c).StreamAll([&](const security::AuditEntry& e) { entries.push_back(e); });
  return entries;
}

std::int64_t Head(store::Connection& c) { return store::AuditRepository(c).Last().seq; }

// Writes entries back with new content and hashes, from `from` on, chaining each to the one before.
void Rewrite(store::Connection& c, std::vector<security::AuditEntry> entries, std::int64_t from,
             const std::function<std::string(const security::AuditEntry&, const std::string&)>& hash) {
  std::string prev(security::kGenesisHash);
  for (auto& e : entries) {
    if (e.seq >= from) {
      e.prev_hash = prev;
      e.hash = hash(e, prev);
      c.Execute("UPDATE audit_log SET actor_username = ?, prev_hash = ?, hash = ? WHERE seq = ?",
                {e.actor_username, e.prev_hash, e.hash, e.seq});
    }
    prev = e.hash;
  }
}

std::string Unkeyed(const security::AuditEntry& e, const std::string& prev) { return security::LegacyChainHash(e, prev); }

CommandResult VerifyCli(const TestServer& server, std::vector<std::string> extra = {}) {
  std::vector<std::string> args = {"audit",      "verify",          "--db",          server.database_url(),
                                   "--key-file", server.key_file(), "--data-dir",    SourceDir() + "/data",
                                   "--anchor-file", server.anchor_file()};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunWagelink(args);
}

void ExpectTampered(const CommandResult& result, const std::string& en, const std::string& zh) {
  EXPECT_EQ(result.exit_code, 3) << result.output;
  EXPECT_NE(result.output.find("audit log TAMPERED"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find(en), std::string::npos) << result.output;
  EXPECT_NE(result.output.find(zh), std::string::npos) << result.output;
}

TEST(AuditAttack, AnIntactLogVerifiesAgainstThePublishedAnchors) {
  TestServer server;
  WriteAndPublish(server);
  auto result = VerifyCli(server);
  EXPECT_EQ(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("audit log intact"), std::string::npos) << result.output;
  std::ifstream anchors(server.anchor_file());
  std::string line;
  int lines = 0;
  while (std::getline(anchors, line)) ++lines;
  EXPECT_GE(lines, 3);  // every 16th entry and the head
}

TEST(AuditAttack, CuttingTheTailIsCaught) {
  TestServer server;
  WriteAndPublish(server);
  auto c = TamperConnection(server);
  const auto head = Head(*c);
  c->Execute("DELETE FROM audit_log WHERE seq > ?", {head - 31});
  c->Execute("DELETE FROM audit_checkpoints WHERE seq > ?", {head - 31});
  ExpectTampered(VerifyCli(server), "vouches for seq " + std::to_string(head), "末尾条目被删除或数据库被回滚");
}

TEST(AuditAttack, AnAppendedEntryWithItsHashRecomputedIsCaught) {
  TestServer server;
  WriteAndPublish(server);
  auto c = TamperConnection(server);
  auto last = Entries(*c).back();
  security::AuditEntry forged = last;
  forged.seq = last.seq + 1;
  forged.actor_username = "coordinator";
  forged.action = "pii.reveal";
  forged.prev_hash = last.hash;
  forged.hash = Unkeyed(forged, last.hash);  // BLAKE2b as before: all an attacker without the key can do
  store::AuditRepository(*c).Insert(forged);
  ExpectTampered(VerifyCli(server), "seq " + std::to_string(forged.seq) + ": content does not match its keyed hash",
                 "被修改或伪造");
}

TEST(AuditAttack, RewritingEntriesAfterTheLastCheckpointIsCaught) {
  TestServer server;
  WriteAndPublish(server);
  MakeAuditedChanges(server, 3);  // entries newer than any checkpoint or anchor
  auto c = TamperConnection(server);
  const auto from = store::AuditRepository(*c).NewestCheckpoint()->seq + 1;
  auto entries = Entries(*c);
  for (auto& e : entries) {
    if (e.seq >= from) e.actor_username = "someone-else";
  }
  Rewrite(*c, entries, from, Unkeyed);
  ExpectTampered(VerifyCli(server), "seq " + std::to_string(from) + ": content does not match its keyed hash",
                 "序号 " + std::to_string(from));
}

TEST(AuditAttack, DeletingARangeWithItsCheckpointsIsCaught) {
  TestServer server;
  WriteAndPublish(server);
  auto c = TamperConnection(server);
  c->Execute("DELETE FROM audit_log WHERE seq > 10");
  c->Execute("DELETE FROM audit_checkpoints WHERE seq > 10");
  ExpectTampered(VerifyCli(server), "(" + server.anchor_file() + ")", "数据库被回滚");
}

TEST(AuditAttack, DeletingAllCheckpointsAndRewritingTheChainIsCaught) {
  TestServer server;
  WriteAndPublish(server);
  auto c = TamperConnection(server);
  c->Execute("DELETE FROM audit_checkpoints");
  auto entries = Entries(*c);
  entries[4].actor_username = "someone-else";
  Rewrite(*c, entries, 1, Unkeyed);
  ExpectTampered(VerifyCli(server), "seq 1: content does not match its keyed hash", "序号 1");
}

TEST(AuditAttack, EvenWithTheMasterKeyARewriteDoesNotMatchThePublishedAnchors) {
  // An insider who also holds the master key re-hashes with it and re-signs nothing: the anchors
  // outside the database still hold the old hashes.
  TestServer server;
  WriteAndPublish(server);
  auto master = security::MasterKey::FromFile(server.key_file());
  ASSERT_TRUE(master.ok());
  const security::SubKey mac_key = master->Derive(security::KeyPurpose::kAuditChain);
  auto c = TamperConnection(server);
  c->Execute("DELETE FROM audit_checkpoints");
  auto entries = Entries(*c);
  entries[4].actor_username = "someone-else";
  Rewrite(*c, entries, 5, [&](const security::AuditEntry& e, const std::string& prev) {
    return security::ChainHash(e, prev, mac_key);
  });
  ExpectTampered(VerifyCli(server), "(" + server.anchor_file() + ") does not match the log", "被改写或回滚");
}

TEST(AuditAttack, DeletingEveryRowIsCaught) {
  TestServer server;
  WriteAndPublish(server);
  auto c = TamperConnection(server);
  const auto head = Head(*c);
  c->Execute("DELETE FROM audit_log");
  c->Execute("DELETE FROM audit_checkpoints");
  ExpectTampered(VerifyCli(server), "the log ends at seq 0 but a checkpoint (" + server.anchor_file() +
                                        ") vouches for seq " + std::to_string(head),
                 "日志在序号 0 处结束");
}

TEST(AuditAttack, WithTheAnchorFileGoneTooTheAuditorsDownloadCatchesAWipe) {
  TestServer server;
  WriteAndPublish(server);
  auto download = server.LoginAs("auditor").Get("/api/v1/audit/anchor");
  ASSERT_EQ(download.status, 200);
  const std::string kept = MakeTempDir() + "/auditor-anchor.jsonl";
  std::ofstream(kept) << download.body;
  auto c = TamperConnection(server);
  c->Execute("DELETE FROM audit_log");
  c->Execute("DELETE FROM audit_checkpoints");
  std::filesystem::remove(server.anchor_file());
  // The missing anchor file alone is a finding ...
  ExpectTampered(VerifyCli(server), "anchor file " + server.anchor_file() + " does not exist", "锚点文件");
  // ... and the auditor's own anchor names the rows that are gone.
  ExpectTampered(VerifyCli(server, {"--anchor", kept}), "(" + kept + ") vouches for seq", "日志在序号");
}

TEST(AuditAttack, AForgedAnchorIsCaught) {
  TestServer server;
  WriteAndPublish(server);
  std::ofstream(server.anchor_file(), std::ios::app)
      << R"({"seq":1,"hash":"00","signed_at":"2026-01-05T01:00:00Z","kind":"periodic","signature":"00","public_key":"00"})"
      << "\n";
  ExpectTampered(VerifyCli(server), "has an invalid signature", "签名无效");
}

TEST(AuditAttack, ALegacyLogIsVerifiedTheOldWaySealedAndThenKeyed) {
  TestServer server;
  MakeAuditedChanges(server, 20);
  // Turn the log into what a server before the keyed chain wrote: unkeyed hashes, checkpoints
  // signed over them, no anchor file.
  auto master = security::MasterKey::FromFile(server.key_file());
  ASSERT_TRUE(master.ok());
  const auto signer = security::AuditSigningKey::Derive(*master);
  {
    auto c = TamperConnection(server);
    c->Execute("DELETE FROM audit_checkpoints");
    Rewrite(*c, Entries(*c), 1, Unkeyed);
    for (const auto& e : Entries(*c)) {
      if (e.seq % 16 == 0) store::AuditRepository(*c).InsertCheckpoint(security::SignCheckpoint(signer, e.seq, e.hash, e.at));
    }
  }
  const std::string anchors = MakeTempDir() + "/anchors.jsonl";
  const std::vector<std::string> common = {"--db", server.database_url(), "--key-file", server.key_file(),
                                           "--data-dir", SourceDir() + "/data", "--anchor-file", anchors};
  auto with = [&](std::vector<std::string> args) {
    args.insert(args.end(), common.begin(), common.end());
    return RunWagelink(args);
  };
  auto c = store::Connect(server.database_url());
  ASSERT_TRUE(c);
  const auto legacy_head = Head(**c);
  auto upgrade = with({"init"});  // the first start of the new version seals the legacy log
  ASSERT_EQ(upgrade.exit_code, 0) << upgrade.output;
  auto seal = store::AuditRepository(**c).NewestCheckpoint();
  ASSERT_TRUE(seal);
  EXPECT_EQ(seal->kind, security::CheckpointKind::kLegacySeal);
  EXPECT_EQ(seal->seq, legacy_head + 1);
  EXPECT_EQ(Entries(**c).back().action, "audit.legacy_sealed");
  auto verified = with({"audit", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << verified.output;

  MakeAuditedChanges(server, 2);  // keyed from here on
  EXPECT_EQ(with({"audit", "verify"}).exit_code, 0);
  auto tamper = std::move(c.value());  // the triggers are already gone
  auto last = Entries(*tamper).back();
  security::AuditEntry forged = last;
  forged.seq = last.seq + 1;
  forged.prev_hash = last.hash;
  forged.hash = Unkeyed(forged, last.hash);
  store::AuditRepository(*tamper).Insert(forged);
  ExpectTampered(with({"audit", "verify"}), "seq " + std::to_string(forged.seq) + ": content does not match",
                 "被修改或伪造");
}

TEST(AuditAttack, CheckpointsAreAppendOnlyInTheDatabase) {
  TestServer server;
  WriteAndPublish(server);
  auto c = store::Connect(server.database_url());
  ASSERT_TRUE(c);
  EXPECT_THROW((*c)->Execute("UPDATE audit_checkpoints SET hash = 'x'"), store::DatabaseError);
  EXPECT_THROW((*c)->Execute("DELETE FROM audit_checkpoints"), store::DatabaseError);
}

}  // namespace
}  // namespace wagelink::testing
