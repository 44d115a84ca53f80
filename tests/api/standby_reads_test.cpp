// Reads on a hot standby with read-your-writes (store::Database::AcquireForReading,
// services/read_your_writes.h, docs/operations.md "Reads on the standby").
//
// Here the "standby" is the test's own PostgreSQL server named a second time: what this checks is
// the routing and the cookie, not replication. A session that has not written reads on the standby
// pool; after a write, its reads must see the write's position, which a server that is not in
// recovery never reports as replayed, so they go to the primary. tests/cluster/read_from_standby.test.mjs
// pauses a real standby's replay and shows the difference. PostgreSQL run only (Postgres*).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <unistd.h>

#include "app/application.h"
#include "app/config.h"
#include "store/database.h"
#include "store/raise_only.h"
#include "support/metrics_text.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr const char* kReadAfter = "wagelink_read_after";

store::Database::ReadRouting Routed(TestServer& server) { return server.app().database().ReadsRouted(); }

TEST(PostgresStandbyReads, ASessionReadsTheStandbyUntilItWritesThenTheDatabaseThatHasItsWrite) {
  constexpr const char* kMetricsToken = "metrics-token-0123456789abcdefghijklmnop";
  TestServer server({.tweak = [&](app::Config& config) {
    config.standby_url = config.database_url;
    config.metrics_token = kMetricsToken;
  }});
  ASSERT_TRUE(server.app().database().has_standby());
  auto coordinator = server.LoginAs("coordinator");
  EXPECT_EQ(coordinator.cookies.count(kReadAfter), 0u) << "signing in is not a write the session reads back";

  auto before = Routed(server);
  ASSERT_EQ(coordinator.Get("/api/v1/bulletins").status, 200);
  ASSERT_EQ(coordinator.Get("/api/v1/cases?page_size=5").status, 200);
  ASSERT_EQ(coordinator.Get("/api/v1/dashboard").status, 200);
  auto after = Routed(server);
  EXPECT_EQ(after.on_standby, before.on_standby + 3) << "the list, the case list and the dashboard";
  EXPECT_EQ(after.on_primary, before.on_primary);

  auto issued = coordinator.PostJson("/api/v1/bulletins", {{"period", "on_demand"}, {"from", "2025-12-01"}, {"to", "2025-12-07"}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  ASSERT_EQ(coordinator.cookies.count(kReadAfter), 1u) << issued.Header("set-cookie");
  const std::string position = coordinator.cookies.at(kReadAfter);
  EXPECT_NE(position.find('/'), std::string::npos) << position;
  EXPECT_NE(issued.Header("set-cookie").find("HttpOnly"), std::string::npos);

  before = Routed(server);
  const auto id = issued.Json().at("id").as_int64();
  EXPECT_EQ(coordinator.Get("/api/v1/bulletins/" + std::to_string(id)).status, 200);
  after = Routed(server);
  EXPECT_EQ(after.on_primary, before.on_primary + 1) << "a server not in recovery has replayed nothing";
  EXPECT_EQ(after.on_standby, before.on_standby);

  // Another session has nothing to wait for.
  auto leader = server.LoginAs("leader");
  before = Routed(server);
  EXPECT_EQ(leader.Get("/api/v1/bulletins/" + std::to_string(id)).status, 200);
  EXPECT_EQ(Routed(server).on_standby, before.on_standby + 1);

  // A value that is not a WAL position is ignored, never handed to the database.
  leader.cookies[kReadAfter] = "1/2'; DROP TABLE cases; --";
  before = Routed(server);
  EXPECT_EQ(leader.Get("/api/v1/cases?page_size=5").status, 200);
  EXPECT_EQ(Routed(server).on_standby, before.on_standby + 1);

  // A server not in recovery is a primary: nothing to lag behind.
  EXPECT_EQ(Routed(server).standby_lag_ms, 0);
  EXPECT_EQ(Routed(server).max_standby_lag_ms, 10'000) << "the default of database.max_standby_lag_ms";
  // And so the operator's scrape says.
  const auto scrape = server.Client().Send("GET", "/metrics", {}, {{"Authorization", std::string("Bearer ") + kMetricsToken}});
  ASSERT_EQ(scrape.status, 200);
  EXPECT_EQ(Sample(scrape.body, "wagelink_standby_lag_seconds"), 0.0) << scrape.body;
  EXPECT_EQ(Sample(scrape.body, "wagelink_standby_max_lag_seconds"), 10.0) << scrape.body;

  // A refused write changes nothing the session must read back: no new position.
  auto refused = coordinator.PostJson("/api/v1/bulletins", {{"period", "on_demand"}, {"from", "2025-12-07"}, {"to", "2025-12-01"}});
  EXPECT_EQ(refused.status, 400) << refused.body;
  EXPECT_EQ(refused.Header("set-cookie").find(kReadAfter), std::string::npos);
}

TEST(PostgresStandbyReads, AStandbyThatCannotBeReachedLeavesTheReadsOnThePrimary) {
  TestServer server({.tweak = [](app::Config& config) {
    config.standby_url = "postgresql://wagelink@127.0.0.1:1/wagelink?connect_timeout=2";
  }});
  auto leader = server.LoginAs("leader");
  const auto before = Routed(server);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(leader.Get("/api/v1/cases?page_size=5").status, 200);
  const auto after = Routed(server);
  EXPECT_EQ(after.on_primary, before.on_primary + 3);
  EXPECT_EQ(after.on_standby, before.on_standby);
}

TEST(StandbyReadsConfiguration, AStandbyIsForPostgreSqlOnly) {
  app::CommandLineOverrides overrides;
  overrides.database_url = "sqlite:var/x.db";
  auto refused = app::LoadConfig(std::nullopt, {{"WAGELINK_STANDBY_DB", "postgresql://h/wagelink"}}, overrides);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().field, "database.standby_url");
  overrides.database_url = "postgresql://primary/wagelink";
  auto accepted = app::LoadConfig(std::nullopt, {{"WAGELINK_STANDBY_DB", "postgresql://standby/wagelink"}}, overrides);
  ASSERT_TRUE(accepted) << accepted.error().message_en;
  EXPECT_EQ(accepted->standby_url, "postgresql://standby/wagelink");
  EXPECT_FALSE(app::LoadConfig(std::nullopt, {{"WAGELINK_STANDBY_DB", "sqlite:other.db"}}, overrides));
}

TEST(StandbyReadsConfiguration, TheLagBoundIsAtLeastATenthOfASecondAndAtMostAnHour) {
  app::CommandLineOverrides overrides;
  overrides.database_url = "postgresql://primary/wagelink";
  const auto with_bound = [&](const std::string& bound) {
    const auto path = std::filesystem::temp_directory_path() / ("wagelink-lag-" + std::to_string(::getpid()) + ".toml");
    std::ofstream(path) << "[database]\nmax_standby_lag_ms = " << bound << "\n";
    auto config = app::LoadConfig(path.string(), {}, overrides);
    std::filesystem::remove(path);
    return config;
  };
  auto accepted = with_bound("2500");
  ASSERT_TRUE(accepted) << accepted.error().message_en;
  EXPECT_EQ(accepted->max_standby_lag_ms, 2500);
  for (const auto* refused : {"99", "3600001", "-1"}) {
    auto config = with_bound(refused);
    ASSERT_FALSE(config) << refused;
    EXPECT_EQ(config.error().field, "database.max_standby_lag_ms");
    EXPECT_NE(config.error().message_zh.find("100..3600000"), std::string::npos) << config.error().message_zh;
  }
}

TEST(StandbyReadsConfiguration, WalPositionsOrderAsTheServerOrdersThem) {
  EXPECT_EQ(store::ParseWalPosition("0/0"), 0u);
  EXPECT_EQ(store::ParseWalPosition("16/B374D848"), (std::uint64_t{0x16} << 32) | 0xB374D848u);
  EXPECT_LT(*store::ParseWalPosition("0/FFFFFFFF"), *store::ParseWalPosition("1/0"));
  EXPECT_LT(*store::ParseWalPosition("1/9"), *store::ParseWalPosition("1/10"));
  for (const auto* refused : {"", "/", "1/", "/1", "16B374D848", "16/b374d848", "123456789/0", "1/2/3", "1/2'; --", " 1/2"}) {
    EXPECT_FALSE(store::ParseWalPosition(refused)) << refused;
  }
}

// The replayed position a read-after cookie is compared with may be measured by several request
// threads at once; a measurement that finishes late must not lower it below a later one.
TEST(StandbyReadsConfiguration, TheRememberedReplayPositionOnlyRises) {
  std::atomic<std::uint64_t> replayed{0};
  store::RaiseTo(replayed, *store::ParseWalPosition("1/10"));
  store::RaiseTo(replayed, *store::ParseWalPosition("1/9"));
  EXPECT_EQ(replayed.load(), *store::ParseWalPosition("1/10")) << "an older measurement finished late";
  constexpr std::uint64_t kThreads = 4;
  constexpr std::uint64_t kEach = 50'000;
  std::vector<std::thread> measuring;
  for (std::uint64_t t = 0; t < kThreads; ++t) {
    // Each thread's measurements rise; together they interleave, lower and higher.
    measuring.emplace_back([&replayed, t] {
      for (std::uint64_t i = 0; i < kEach; ++i) store::RaiseTo(replayed, (std::uint64_t{1} << 32) + i * kThreads + t);
    });
  }
  for (auto& thread : measuring) thread.join();
  EXPECT_EQ(replayed.load(), (std::uint64_t{1} << 32) + (kEach - 1) * kThreads + kThreads - 1);
}

}  // namespace
}  // namespace wagelink::testing
