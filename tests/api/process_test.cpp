// The `wagelink` executable as an operator runs it: graceful shutdown, configuration errors,
// idempotent init and migrate.
#include <signal.h>

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <sstream>
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
  const std::string key = db.directory() + "/master.key", anchors = db.directory() + "/anchors.jsonl";
  auto first = RunWagelink({"init", "--demo", "--db", db.url(), "--data-dir", data, "--key-file", key, "--anchor-file", anchors});
  ASSERT_EQ(first.exit_code, 0) << first.output;
  EXPECT_NE(first.output.find("\"users_created\":13"), std::string::npos) << first.output;
  auto second = RunWagelink({"init", "--demo", "--db", db.url(), "--data-dir", data, "--key-file", key, "--anchor-file", anchors});
  ASSERT_EQ(second.exit_code, 0) << second.output;
  EXPECT_NE(second.output.find("\"users_created\":0"), std::string::npos) << second.output;
  EXPECT_NE(second.output.find("\"bodies_created\":0"), std::string::npos) << second.output;
  auto migrate = RunWagelink({"migrate", "--db", db.url()});
  EXPECT_EQ(migrate.exit_code, 0);
  EXPECT_NE(migrate.output.find("schema is up to date"), std::string::npos) << migrate.output;
}

// A real district (docs/operations.md): the demo file's bodies and accounts without the shared demo
// password. Each account gets its own one-time password, printed once, which signs in and must be
// changed at once; a second run creates nothing; a file that carries demo_password is refused.
TEST(Process, InitWithADistrictFileGivesEachAccountItsOwnOneTimePassword) {
  ScratchDatabase db;
  const std::string data = SourceDir() + "/data";
  const std::string key = db.directory() + "/master.key", anchors = db.directory() + "/anchors.jsonl";
  auto district = boost::json::parse(ReadFile(data + "/demo/district.json")).as_object();
  const std::string district_with_demo_password = db.directory() + "/with-demo-password.json";
  std::ofstream(district_with_demo_password) << boost::json::serialize(district);
  district.erase("demo_password");
  const std::string district_file = db.directory() + "/district.json";
  std::ofstream(district_file) << boost::json::serialize(district);
  const std::vector<std::string> common = {"--db", db.url(), "--data-dir", data, "--key-file", key, "--anchor-file", anchors};
  auto init = [&](const std::string& file) {
    std::vector<std::string> args = {"init", "--district", file};
    args.insert(args.end(), common.begin(), common.end());
    return RunWagelink(args);
  };

  auto refused = init(district_with_demo_password);
  EXPECT_NE(refused.exit_code, 0) << refused.output;
  EXPECT_NE(refused.output.find("demo_password"), std::string::npos) << refused.output;

  auto created = init(district_file);
  ASSERT_EQ(created.exit_code, 0) << created.output;
  EXPECT_NE(created.output.find("13 accounts created"), std::string::npos) << created.output;
  std::map<std::string, std::string> passwords;
  std::istringstream lines(created.output);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string username, password, rest;
    if (line.starts_with("  ") && (words >> username >> password) && !(words >> rest)) passwords[username] = password;
  }
  ASSERT_EQ(passwords.size(), 13u) << created.output;
  EXPECT_NE(passwords.at("sysadmin"), passwords.at("secadmin"));
  EXPECT_EQ(created.output.find("WageLink#2026"), std::string::npos) << "no account has the demo password";
  EXPECT_EQ(init(district_file).output.find("  sysadmin "), std::string::npos) << "a second run creates no account";

  ServerProcess server(db.url(), {}, key);
  HttpClient client(server.port());
  EXPECT_EQ(client.Login("sysadmin", "WageLink#2026").status, 401);
  auto signed_in = client.Login("sysadmin", passwords.at("sysadmin"));
  ASSERT_EQ(signed_in.status, 200) << signed_in.body;
  EXPECT_TRUE(signed_in.Json().at("user").at("must_change_password").as_bool()) << signed_in.body;
}

}  // namespace
}  // namespace wagelink::testing
