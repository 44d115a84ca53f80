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

// A "database" on a loopback port that takes connections and answers only what a test makes it.
class SilentServer {
 public:
  SilentServer() : socket_(socket(AF_INET, SOCK_STREAM, 0)) {
    EXPECT_GE(socket_, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    EXPECT_EQ(bind(socket_, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
    EXPECT_EQ(listen(socket_, 4), 0);
    socklen_t length = sizeof address;
    EXPECT_EQ(getsockname(socket_, reinterpret_cast<sockaddr*>(&address), &length), 0);
    port_ = ntohs(address.sin_port);
  }
  ~SilentServer() {
    if (accepted_ >= 0) close(accepted_);
    close(socket_);
  }
  std::string url() const {
    return "postgresql://wagelink@127.0.0.1:" + std::to_string(port_) + "/wagelink?sslmode=disable&gssencmode=disable";
  }
  // Waits up to 10 s for the listener to connect; false if it never does.
  bool Accept() {
    pollfd incoming{socket_, POLLIN, 0};
    if (poll(&incoming, 1, 10'000) != 1) return false;
    accepted_ = accept(socket_, nullptr, nullptr);
    return accepted_ >= 0;
  }
  // Reads what the client sent within 10 s (empty when nothing came).
  std::string Receive() {
    pollfd readable{accepted_, POLLIN, 0};
    if (poll(&readable, 1, 10'000) != 1) return {};
    char buffer[4096];
    const auto got = recv(accepted_, buffer, sizeof buffer, 0);
    return got > 0 ? std::string(buffer, static_cast<std::size_t>(got)) : std::string();
  }
  // Accepts the startup without a password (AuthenticationOk, ReadyForQuery): the connection is up.
  void AcceptStartup() {
    static constexpr char kAnswer[] = {'R', 0, 0, 0, 8, 0, 0, 0, 0, 'Z', 0, 0, 0, 5, 'I'};
    EXPECT_EQ(send(accepted_, kAnswer, sizeof kAnswer, 0), static_cast<ssize_t>(sizeof kAnswer));
  }

 private:
  int socket_;
  int accepted_ = -1;
  int port_ = 0;
};

// Stopping a listener takes no time, whatever the database is doing: it must not wait with it.
void ExpectStopsAtOnce(std::unique_ptr<store::PostgresListener>& listener) {
  const auto stopping = std::chrono::steady_clock::now();
  listener.reset();
  EXPECT_LT(std::chrono::steady_clock::now() - stopping, 10s) << "a hang detector, not a speed budget: it takes microseconds";
}

// A server that takes the connection and never answers (a hung host, a half-open firewall): the
// listener keeps waiting for it, and stopping the instance must not wait with it.
TEST(PostgresWakeups, StoppingDoesNotWaitForADatabaseThatNeverAnswers) {
  SilentServer silent;
  int heard = 0;
  auto listener = std::make_unique<store::PostgresListener>(silent.url(), std::vector<std::string>{store::kSettingsChannel},
                                                            [&](const std::string&) { ++heard; }, [&] { ++heard; });
  // The stop is tested mid-handshake, not before any connection was attempted.
  ASSERT_TRUE(silent.Accept()) << "the listener never connected to the silent server";
  ASSERT_FALSE(silent.Receive().empty()) << "the listener sends its startup and waits for an answer";
  ExpectStopsAtOnce(listener);
  EXPECT_EQ(heard, 0);
}

// The same once the connection is up: a server that hangs after the startup never answers LISTEN.
TEST(PostgresWakeups, StoppingDoesNotWaitForALISTENThatIsNeverAnswered) {
  SilentServer silent;
  int heard = 0;
  auto listener = std::make_unique<store::PostgresListener>(
      silent.url(), std::vector<std::string>{store::kSettingsChannel, store::kNotificationsChannel},
      [&](const std::string&) { ++heard; }, [&] { ++heard; });
  ASSERT_TRUE(silent.Accept()) << "the listener never connected to the silent server";
  ASSERT_FALSE(silent.Receive().empty()) << "no startup message";
  silent.AcceptStartup();
  const std::string query = silent.Receive();
  ASSERT_FALSE(query.empty()) << "the listener never sent its LISTEN";
  EXPECT_EQ(query.front(), 'Q');
  EXPECT_NE(query.find("LISTEN \"wagelink_settings\";LISTEN \"wagelink_notifications\""), std::string::npos) << query;
  ExpectStopsAtOnce(listener);
  EXPECT_EQ(heard, 0) << "nothing is listening until LISTEN is answered";
}

}  // namespace
}  // namespace wagelink::testing
