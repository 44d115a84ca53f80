// `wagelink crypto switch` (issue 13, docs/security.md "Cryptographic suites") on the database the
// suite runs against: the demo district plus a new case, moved to the 国密 suite and back. Every
// encrypted value is rewritten under the target suite and still reads the same, blind indexes are
// recomputed, the audit log verifies across both switches, sessions end, and a server whose
// configuration does not match the database's suite refuses to start.
#include <gtest/gtest.h>

#include <fstream>

#include <ctime>

#include "security/field_crypto.h"
#include "security/totp.h"
#include "store/database.h"
#include "support/case_api.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

struct Installation {
  ScratchDatabase db;
  std::string key = db.directory() + "/master.key";
  std::string anchors = db.directory() + "/anchors.jsonl";
  std::vector<std::string> Flags() const {
    return {"--db", db.url(), "--data-dir", SourceDir() + "/data", "--key-file", key, "--anchor-file", anchors};
  }
  CommandResult Run(std::vector<std::string> args) const {
    const auto flags = Flags();
    args.insert(args.end(), flags.begin(), flags.end());
    return RunWagelink(args);
  }
  std::string ConfigFor(const std::string& suite) const {
    const std::string path = db.directory() + "/" + suite + ".toml";
    std::ofstream(path) << "[security]\ncrypto_suite = \"" << suite << "\"\n";
    return path;
  }
};

// Every worker's encrypted values: each must be in `prefix`'s form, and each ID number's index must be
// the one `suite` computes from the value it decrypts to.
void ExpectWorkersIn(const Installation& at, security::CryptoSuite suite, std::string_view prefix) {
  auto db = store::Database::Open(at.db.url(), 1);
  ASSERT_TRUE(db) << db.error().message_en;
  auto master = security::MasterKey::FromFile(at.key);
  ASSERT_TRUE(master) << master.error().message_en;
  const security::FieldCipher cipher(*master, suite);
  int values = 0;
  for (const auto& row : (*db)->Acquire()->Query(
           "SELECT id, id_number_enc, id_number_index, phone_enc, bank_card_enc FROM workers ORDER BY id")) {
    for (std::size_t column : {1u, 3u, 4u}) {
      if (!row.OptText(column)) continue;
      ++values;
      EXPECT_TRUE(row.Text(column).starts_with(prefix)) << "worker " << row.Int(0) << " column " << column;
    }
    if (auto sealed = row.OptText(1)) {
      auto id_number = cipher.Decrypt(*sealed, "worker.id_number:" + std::to_string(row.Int(0)));
      ASSERT_TRUE(id_number) << id_number.error().message_en;
      EXPECT_EQ(row.Text(2), cipher.BlindIndex("id_number", *id_number)) << "worker " << row.Int(0);
    }
  }
  EXPECT_GT(values, 20) << "the demo district and the new case hold encrypted values";
  auto c = (*db)->Acquire();
  for (const auto& row : c->Query("SELECT secret_sealed FROM totp_enrolments UNION ALL "
                                  "SELECT content_enc FROM imports WHERE content_enc <> ''")) {
    EXPECT_TRUE(row.Text(0).starts_with(prefix)) << "TOTP secrets and pending import files move too";
  }
}

std::string NewestAuditHash(const Installation& at, std::string& newest_signature) {
  auto db = store::Database::Open(at.db.url(), 1);
  auto c = (*db)->Acquire();
  newest_signature = c->QueryOne("SELECT signature FROM audit_checkpoints ORDER BY seq DESC LIMIT 1")->Text(0);
  return c->QueryOne("SELECT action || ' ' || hash FROM audit_log ORDER BY seq DESC LIMIT 1")->Text(0);
}

std::string RevealIdNumber(HttpClient& client, std::int64_t case_id, std::int64_t worker_id) {
  auto revealed = client.PostJson(CasePath(case_id, "/workers/" + std::to_string(worker_id) + "/reveal"),
                                  {{"field", "id_number"}, {"reason", "identity_check"}, {"purpose", "核对身份以制作询问笔录"}});
  EXPECT_EQ(revealed.status, 200) << revealed.body;
  return revealed.status == 200 ? std::string(revealed.Json().at("value").as_string()) : "";
}

std::string TotpCodeAt(const std::string& secret_base32, std::int64_t unix_seconds) {
  return security::TotpAt(*security::Base32Decode(secret_base32), unix_seconds);
}

// The auditor turns on the second factor (optional in the demo district). The enrolment is confirmed
// with the previous step's code, so any later sign-in code is a fresh one. The server accepts one step
// either side of its own, so a previous-step code is refused when a step boundary passes between
// computing it and the server checking it (a slow, sanitized run); a second code, computed after
// that boundary, cannot meet another one within the same request.
std::string EnrolAuditorInTotp(int port) {
  HttpClient auditor(port);
  EXPECT_EQ(auditor.Login("auditor", kDemoPassword).status, 200);
  auto started = auditor.PostJson("/api/v1/auth/totp/enrolment", boost::json::object{});
  EXPECT_EQ(started.status, 200) << started.body;
  if (started.status != 200) return "";
  std::string secret(started.Json().at("secret").as_string());
  auto confirm_with_previous_step = [&] {
    return auditor.PostJson("/api/v1/auth/totp/enrolment/confirm",
                            {{"code", TotpCodeAt(secret, std::time(nullptr) - security::kTotpStepSeconds)}});
  };
  auto confirmed = confirm_with_previous_step();
  if (confirmed.status == 400) confirmed = confirm_with_previous_step();
  EXPECT_EQ(confirmed.status, 200) << confirmed.body;
  return secret;
}

// A complaints file uploaded and checked but not committed: its content stays encrypted until then.
HttpResponse UploadPendingComplaints(HttpClient& handler) {
  const std::string csv = "投诉人姓名,公民身份号码,欠薪金额（元）,投诉时间,被投诉单位名称,统一社会信用代码\n"
                          "钱一," + ValidIdNumber("32010219850101001") + ",3000,2026-01-05,丙公司," +
                          ValidCreditCode("91320102MA1XY0009") + "\n";
  auto upload = handler.Send("POST", "/api/v1/imports?kind=complaints&channel=12333", csv, {{"Content-Type", "text/csv"}});
  EXPECT_EQ(upload.status, 201) << upload.body;
  auto checked = handler.PutJson("/api/v1/imports/" + std::to_string(upload.Json().at("id").as_int64()) + "/mapping",
                                 {{"mapping", upload.Json().at("mapping")}});
  EXPECT_EQ(checked.status, 200) << checked.body;
  EXPECT_EQ(checked.Json().at("status"), "validated") << checked.body;
  return upload;
}

TEST(CryptoSwitch, APopulatedDatabaseMovesToSmAndBackReadingTheSameAndVerifyingWhole) {
  Installation live;
  auto init = live.Run({"init", "--demo"});
  ASSERT_EQ(init.exit_code, 0) << init.output;
  std::int64_t case_id = 0, worker_id = 0;
  std::string id_number, totp_secret;
  std::int64_t pending_import = 0;
  std::map<std::string, std::string> old_session;
  {
    ServerProcess server(live.db.url(), {}, live.key, live.anchors);
    totp_secret = EnrolAuditorInTotp(server.port());
    ASSERT_FALSE(totp_secret.empty());
    HttpClient handler(server.port());
    ASSERT_EQ(handler.Login("handler", kDemoPassword).status, 200);
    pending_import = UploadPendingComplaints(handler).Json().at("id").as_int64();
    auto created = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
    ASSERT_EQ(created.status, 201) << created.body;
    case_id = created.Json().at("id").as_int64();
    worker_id = created.Json().at("workers").at(0).at("id").as_int64();
    id_number = RevealIdNumber(handler, case_id, worker_id);
    ASSERT_FALSE(id_number.empty());
    old_session = handler.cookies;
    server.Signal(SIGTERM);
    ASSERT_EQ(server.WaitExit(), 0);
  }
  ExpectWorkersIn(live, security::CryptoSuite::kSodium, "v1.");

  auto switched = live.Run({"crypto", "switch", "--to", "sm"});
  ASSERT_EQ(switched.exit_code, 0) << switched.output;
  EXPECT_NE(switched.output.find("fields re-encrypted"), std::string::npos) << switched.output;
  EXPECT_NE(switched.output.find("crypto_suite = \"sm\""), std::string::npos) << switched.output;
  ExpectWorkersIn(live, security::CryptoSuite::kShangMi, "sm4g1.");
  std::string signature;
  EXPECT_TRUE(NewestAuditHash(live, signature).starts_with("security.crypto_switched sm3:")) << "recorded under the new suite";
  EXPECT_TRUE(signature.starts_with("sm2:")) << "and vouched for by an SM2 checkpoint: " << signature;
  EXPECT_NE(ReadFile(live.anchors).find("\"signature\":\"sm2:"), std::string::npos) << "published outside the database";
  auto verified = live.Run({"audit", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << "Ed25519/BLAKE2b before the switch, SM2/SM3 after: " << verified.output;

  // The configuration must follow: a server still set to libsodium refuses the database.
  auto mismatch = live.Run({"sweep"});
  EXPECT_EQ(mismatch.exit_code, 1) << mismatch.output;
  EXPECT_NE(mismatch.output.find("wagelink crypto switch --to sodium"), std::string::npos) << mismatch.output;

  {
    ServerProcess server(live.db.url(), {"--config", live.ConfigFor("sm")}, live.key, live.anchors);
    HttpClient stale(server.port());
    stale.cookies = old_session;
    EXPECT_EQ(stale.Get(CasePath(case_id)).status, 401) << "the switch ended every session";
    HttpClient handler(server.port());
    ASSERT_EQ(handler.Login("handler", kDemoPassword).status, 200);
    EXPECT_EQ(RevealIdNumber(handler, case_id, worker_id), id_number) << "the re-encrypted value reads the same";
    auto committed = handler.Send("POST", "/api/v1/imports/" + std::to_string(pending_import) + "/commit");
    EXPECT_EQ(committed.status, 200) << "the pending file was re-encrypted and still opens: " << committed.body;
    HttpClient auditor(server.port());
    ASSERT_EQ(auditor.Login("auditor", kDemoPassword).Json().at("user").at("second_factor"), "totp");
    auto verified = auditor.PostJson("/api/v1/auth/second-factor", {{"code", TotpCodeAt(totp_secret, std::time(nullptr))}});
    EXPECT_EQ(verified.status, 200) << "the TOTP secret was re-encrypted and still opens: " << verified.body;
    ASSERT_EQ(handler.PostJson("/api/v1/cases", ScenarioOneComplaint()).status, 201);
    server.Signal(SIGTERM);
    ASSERT_EQ(server.WaitExit(), 0);
  }
  ExpectWorkersIn(live, security::CryptoSuite::kShangMi, "sm4g1.");
  EXPECT_TRUE(NewestAuditHash(live, signature).find(" sm3:") != std::string::npos) << "new entries in the new suite";

  auto back = live.Run({"crypto", "switch", "--to", "sodium"});
  ASSERT_EQ(back.exit_code, 0) << back.output;
  ExpectWorkersIn(live, security::CryptoSuite::kSodium, "v1.");
  verified = live.Run({"audit", "verify"});
  EXPECT_EQ(verified.exit_code, 0) << "three segments, two switches: " << verified.output;
  EXPECT_EQ(live.Run({"crypto", "switch", "--to", "sodium"}).exit_code, 0) << "switching to the suite in use changes nothing";
  ExpectWorkersIn(live, security::CryptoSuite::kSodium, "v1.");
}

// A switch that meets a value this master key cannot open changes nothing at all.
TEST(CryptoSwitch, AValueThatDoesNotDecryptStopsTheSwitchWithNothingChanged) {
  Installation live;
  ASSERT_EQ(live.Run({"init", "--demo"}).exit_code, 0);
  std::string before_signature;
  const std::string before = NewestAuditHash(live, before_signature);
  {
    auto db = store::Database::Open(live.db.url(), 1);
    (*db)->Acquire()->Execute(
        "UPDATE workers SET phone_enc = (SELECT phone_enc FROM workers w2 WHERE w2.id <> workers.id AND w2.phone_enc IS NOT NULL "
        "ORDER BY w2.id LIMIT 1) WHERE id = (SELECT MAX(id) FROM workers WHERE phone_enc IS NOT NULL)");
  }
  auto switched = live.Run({"crypto", "switch", "--to", "sm"});
  EXPECT_EQ(switched.exit_code, 1) << switched.output;
  EXPECT_NE(switched.output.find("workers.phone_enc"), std::string::npos) << switched.output;
  ExpectWorkersIn(live, security::CryptoSuite::kSodium, "v1.");
  std::string after_signature;
  EXPECT_EQ(NewestAuditHash(live, after_signature), before) << "no audit entry for a switch that did not happen";
}

}  // namespace
}  // namespace wagelink::testing
