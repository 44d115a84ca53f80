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

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include "store/database.h"
#include "store/postgres_listener.h"
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

// A server that takes the connection and never answers (a hung host, a half-open firewall): the
// listener keeps waiting for it, and stopping the instance must not wait with it.
TEST(PostgresWakeups, StoppingDoesNotWaitForADatabaseThatNeverAnswers) {
  const int silent = socket(AF_INET, SOCK_STREAM, 0);
  ASSERT_GE(silent, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(bind(silent, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  ASSERT_EQ(listen(silent, 4), 0);
  socklen_t length = sizeof address;
  ASSERT_EQ(getsockname(silent, reinterpret_cast<sockaddr*>(&address), &length), 0);
  const std::string url = "postgresql://wagelink@127.0.0.1:" + std::to_string(ntohs(address.sin_port)) + "/wagelink";
  int heard = 0;
  auto listener = std::make_unique<store::PostgresListener>(url, std::vector<std::string>{store::kSettingsChannel},
                                                            [&](const std::string&) { ++heard; }, [&] { ++heard; });
  // Wait until the listener has really connected, so the stop below is tested mid-handshake and not
  // before any connection was attempted; the accepted socket stays open and never answers.
  pollfd incoming{silent, POLLIN, 0};
  ASSERT_EQ(poll(&incoming, 1, 10'000), 1) << "the listener never connected to the silent server";
  const int accepted = accept(silent, nullptr, nullptr);
  ASSERT_GE(accepted, 0);
  std::this_thread::sleep_for(100ms);  // the listener has sent its first bytes and waits for an answer
  const auto stopping = std::chrono::steady_clock::now();
  listener.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - stopping, 10s) << "a hang detector, not a speed budget: it takes microseconds";
  EXPECT_EQ(heard, 0);
  close(accepted);
  close(silent);
}

}  // namespace
}  // namespace wagelink::testing
