// Wake-ups between instances on one PostgreSQL database (issue 16; store/postgres_listener.h,
// migration 0027): a setting saved through one instance holds on the others at once, not within
// the 30 s re-read; a notice written through one instance reaches the open streams of the others
// at once, not at their next poll. Both survive the loss of the listening connection.
//
// The suite is registered for the PostgreSQL run only (tests/CMakeLists.txt, Postgres*): an
// embedded SQLite database is served by one instance.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "store/database.h"
#include "support/raw_connection.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {
using namespace std::chrono_literals;

// A second server process on the test server's database, with `settings` added to its config.
std::unique_ptr<ServerProcess> SecondInstance(TestServer& first, const std::string& settings) {
  const std::string config = std::filesystem::path(first.key_file()).parent_path() / "second-instance.toml";
  std::ofstream(config) << "[jobs]\nrun_scheduled = false\n" << settings;
  return std::make_unique<ServerProcess>(first.database_url(), std::vector<std::string>{"--config", config},
                                         first.key_file(), first.anchor_file());
}

// Well under the 30 s after which an instance re-reads its settings anyway.
bool SeenWithin(std::chrono::seconds limit, const std::function<bool()>& seen) {
  const auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (seen()) return true;
    std::this_thread::sleep_for(50ms);
  }
  return false;
}

// Ends the listening connections of every instance, as a failover or a network cut would.
void DropListeningConnections(const std::string& database_url) {
  auto db = store::Database::Open(database_url, 1);
  ASSERT_TRUE(db) << db.error().message_en;
  (*db)->Acquire()->QueryOne(
      "SELECT COUNT(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE query LIKE 'LISTEN %' AND pid <> pg_backend_pid()");
}

TEST(PostgresWakeups, ASettingSavedThroughOneInstanceHoldsOnTheOtherAtOnce) {
  TestServer first;
  auto second = SecondInstance(first, "");
  HttpClient on_second(second->port());
  ASSERT_EQ(on_second.Login("secadmin", kDemoPassword).status, 200);
  auto threshold_on_second = [&] {
    auto policy = on_second.Get("/api/v1/security/password-policy");
    EXPECT_EQ(policy.status, 200) << policy.body;
    return policy.Json().at("lockout_threshold").as_int64();
  };
  ASSERT_EQ(threshold_on_second(), 5) << "read, and so cached, by the second instance";

  HttpClient on_first = first.LoginAs("secadmin");
  ASSERT_EQ(on_first.PutJson("/api/v1/security/password-policy", {{"lockout_threshold", 3}}).status, 200);
  EXPECT_TRUE(SeenWithin(10s, [&] { return threshold_on_second() == 3; })) << "still the cached 5";

  // The listening connections are cut; the change made meanwhile is heard once they are back.
  DropListeningConnections(first.database_url());
  ASSERT_EQ(on_first.PutJson("/api/v1/security/password-policy", {{"lockout_threshold", 4}}).status, 200);
  EXPECT_TRUE(SeenWithin(10s, [&] { return threshold_on_second() == 4; })) << "lost with the connection";
}

TEST(PostgresWakeups, ANoticeWrittenThroughOneInstanceReachesAStreamOnAnotherAtOnce) {
  TestServer first;
  // The second instance polls for new notices once a minute: only the wake-up can be in time.
  auto second = SecondInstance(first, "[notifications]\nstream_poll_ms = 60000\n");
  HttpClient coordinator(second->port());
  ASSERT_EQ(coordinator.Login("coordinator", kDemoPassword).status, 200);
  OpenStream office(second->port(), coordinator);
  ASSERT_TRUE(office.ReadUntil("event: ready")) << office.received();

  HttpClient handler = first.LoginAs("handler");
  ASSERT_EQ(handler.PostJson("/api/v1/risks", MajorRiskOwnedByHrss()).status, 201);
  EXPECT_TRUE(office.ReadUntil("\"kind\":\"risk_major\"", 10s)) << office.received();

  DropListeningConnections(first.database_url());
  std::this_thread::sleep_for(100ms);  // let the second instance notice the cut before the write
  ASSERT_EQ(handler.PostJson("/api/v1/risks", MajorRiskOwnedByHrss()).status, 201);
  const auto newest = coordinator.Get("/api/v1/inbox").Json().at("items").at(0).at("id").as_int64();
  EXPECT_TRUE(office.ReadUntil("id: " + std::to_string(newest) + "\n", 10s)) << "the notice written while away";
}

}  // namespace
}  // namespace wagelink::testing
