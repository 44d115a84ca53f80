// The `wagelink` executable as an operator runs it: graceful shutdown, configuration errors,
// idempotent init and migrate.
#include <signal.h>

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "support/test_server.h"

namespace wagelink::testing {
namespace {

TEST(Process, SigtermFinishesInFlightRequestThenExitsZero) {
  ScratchDatabase db;
  std::string config = db.directory() + "/hooks.toml";
  std::ofstream(config) << "[testing]\ntest_hooks = true\n";
  ServerProcess server(db.url(), {"--config", config});
  auto in_flight = std::async(std::launch::async, [&] { return HttpClient(server.port()).Get("/api/v1/_test/sleep?ms=1200"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  server.Signal(SIGTERM);
  auto response = in_flight.get();
  EXPECT_EQ(response.status, 200) << "the request in flight at SIGTERM must complete";
  EXPECT_EQ(server.WaitExit(), 0);
}

TEST(Process, SigintClosesIdleKeepAliveConnectionsAndExitsZero) {
  ScratchDatabase db;
  ServerProcess server(db.url());
  HttpClient idle(server.port());
  ASSERT_EQ(idle.Get("/healthz").status, 200);  // leaves an idle keep-alive connection open
  server.Signal(SIGINT);
  EXPECT_EQ(server.WaitExit(5000), 0);
}

TEST(Process, InvalidConfigurationNamesTheSettingAndExitsNonZero) {
  std::string dir = MakeTempDir();
  std::ofstream(dir + "/bad.toml") << "[server]\nport = 99999\n";
  auto result = RunWagelink({"serve", "--config", dir + "/bad.toml"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("server.port"), std::string::npos) << result.output;

  std::ofstream(dir + "/typo.toml") << "[server]\nprot = 8080\n";
  result = RunWagelink({"serve", "--config", dir + "/typo.toml"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("server.prot"), std::string::npos) << result.output;

  std::ofstream(dir + "/broken.toml") << "[server\nport = \n";
  result = RunWagelink({"serve", "--config", dir + "/broken.toml"});
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.output.find("broken.toml:1"), std::string::npos) << result.output;
}

TEST(Process, CommandsFindTheReferenceDataFromAnyFolder) {
  // No --data-dir and a current folder with no data/ in it: the binary finds the data beside itself.
  const std::string elsewhere = MakeTempDir();
  auto result = RunWagelink({"calendar", "add-working-days", "2026-12-30", "1"}, {}, elsewhere);
  EXPECT_EQ(result.output.substr(0, 11), "2026-12-31\n") << result.output;
  EXPECT_EQ(result.exit_code, 0) << result.output;
  std::filesystem::remove_all(elsewhere);
}

TEST(Process, UnsupportedDatabaseUrlIsRefusedClearly) {
  auto result = RunWagelink({"migrate", "--db", "mysql://root:secret@host/db"});
  EXPECT_NE(result.exit_code, 0);
  EXPECT_NE(result.output.find("sqlite:"), std::string::npos) << result.output;
  EXPECT_EQ(result.output.find("secret"), std::string::npos) << "passwords in URLs must never be printed";
}

TEST(Process, InitDemoTwiceIsSafeAndMigrateIsIdempotent) {
  ScratchDatabase db;
  std::string data = SourceDir() + "/data";
  auto first = RunWagelink({"init", "--demo", "--db", db.url(), "--data-dir", data});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("\"users_created\":13"), std::string::npos) << first.output;
  auto second = RunWagelink({"init", "--demo", "--db", db.url(), "--data-dir", data});
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("\"users_created\":0"), std::string::npos) << second.output;
  EXPECT_NE(second.output.find("\"bodies_created\":0"), std::string::npos) << second.output;
  auto migrate = RunWagelink({"migrate", "--db", db.url()});
  EXPECT_EQ(migrate.exit_code, 0);
  EXPECT_NE(migrate.output.find("schema is up to date"), std::string::npos) << migrate.output;
}

}  // namespace
}  // namespace wagelink::testing
