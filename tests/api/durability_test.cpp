// A write that returned success survives `kill -9` of the server; nothing secret reaches the logs.
#include <signal.h>

#include <gtest/gtest.h>

#include <set>

#include "support/test_server.h"

namespace wagelink::testing {
namespace {

TEST(Durability, AcknowledgedWritesSurviveKillNine) {
  ScratchDatabase db;
  const std::string key = db.directory() + "/master.key";
  auto init = RunWagelink({"init", "--demo", "--db", db.url(), "--data-dir", SourceDir() + "/data", "--key-file", key,
                           "--anchor-file", db.directory() + "/anchors.jsonl"});
  ASSERT_EQ(init.exit_code, 0) << init.output;
  std::vector<std::int64_t> created;
  {
    ServerProcess server(db.url(), {}, key);
    HttpClient coordinator(server.port());
    ASSERT_EQ(coordinator.Login("coordinator", kDemoPassword).status, 200);
    for (int i = 0; i < 20; ++i) {
      auto r = coordinator.PostJson("/api/v1/liaisons", {{"body_code", "justice"}, {"name", "值班员" + std::to_string(i)},
                                                         {"title", "法律援助中心"}, {"phone", "4186252"}});
      ASSERT_EQ(r.status, 201);
      created.push_back(r.Json().at("id").as_int64());
    }
    server.Signal(SIGKILL);  // no chance to flush or close anything
    EXPECT_EQ(server.WaitExit(), 128 + SIGKILL);
  }
  ServerProcess restarted(db.url(), {}, key);
  HttpClient police(restarted.port());
  ASSERT_EQ(police.Login("police", kDemoPassword).status, 200);
  auto liaisons = police.Get("/api/v1/liaisons").Json().at("items").as_array();
  std::set<std::int64_t> ids;
  for (const auto& l : liaisons) ids.insert(l.at("id").as_int64());
  for (auto id : created) EXPECT_TRUE(ids.contains(id)) << "liaison " << id << " was acknowledged but lost";
}

TEST(Durability, PasswordsAndSessionTokensNeverReachTheLog) {
  ScratchDatabase db;
  const std::string key = db.directory() + "/master.key";
  ASSERT_EQ(RunWagelink({"init", "--demo", "--db", db.url(), "--data-dir", SourceDir() + "/data", "--key-file", key,
                         "--anchor-file", db.directory() + "/anchors.jsonl"})
                .exit_code,
            0);
  ServerProcess server(db.url(), {}, key);
  HttpClient client(server.port());
  ASSERT_EQ(client.Login("handler", kDemoPassword).status, 200);
  client.Login("handler", "Wrong#Secret-123");
  client.Get("/api/v1/liaisons?q=secret-query-text");
  server.Signal(SIGTERM);
  ASSERT_EQ(server.WaitExit(), 0);
  std::string log = server.Log();
  EXPECT_NE(log.find("\"path\":\"/api/v1/auth/login\""), std::string::npos) << "the access log is there";
  EXPECT_EQ(log.find(kDemoPassword), std::string::npos);
  EXPECT_EQ(log.find("Wrong#Secret-123"), std::string::npos);
  EXPECT_EQ(log.find("secret-query-text"), std::string::npos) << "query strings may carry personal data";
  for (const auto& [name, value] : client.cookies) EXPECT_EQ(log.find(value), std::string::npos) << "session token logged";
  EXPECT_EQ(log.find(client.csrf_token), std::string::npos);
}

}  // namespace
}  // namespace wagelink::testing
