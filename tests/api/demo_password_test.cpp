// Issue 13: `make run` served the demo accounts, with the password published in the README, on
// any address. `serve` now refuses a non-loopback address while a demo account still uses it,
// and on loopback the UI is told to show a warning.
#include <gtest/gtest.h>

#include <fstream>

#include "support/test_server.h"

namespace wagelink::testing {
namespace {

std::string FastHashingConfig(const std::string& directory) {
  std::string path = directory + "/fast.toml";
  std::ofstream(path) << "[testing]\nfast_password_hashing = true\n";
  return path;
}

TEST(DemoPassword, ServeRefusesANonLoopbackAddressWhileDemoAccountsUseThePublishedPassword) {
  ScratchDatabase db;
  auto result = RunWagelink({"serve", "--demo", "--address", "0.0.0.0", "--port", "0", "--db", db.url(), "--config",
                             FastHashingConfig(db.directory()), "--data-dir", SourceDir() + "/data", "--key-file",
                             db.directory() + "/master.key", "--anchor-file", db.directory() + "/anchors.jsonl"});
  EXPECT_NE(result.exit_code, 0) << result.output;
  EXPECT_NE(result.output.find("0.0.0.0"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("示范密码"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("published demo password"), std::string::npos) << result.output;
}

TEST(DemoPassword, LoopbackServesAndTheUiIsWarned) {
  ScratchDatabase db;
  ServerProcess server(db.url(), {"--demo", "--config", FastHashingConfig(db.directory())});
  auto notice = HttpClient(server.port()).Get("/api/v1/auth/demo-notice");
  ASSERT_EQ(notice.status, 200) << notice.body;
  EXPECT_TRUE(notice.Json().at("published_demo_password").as_bool());
}

TEST(DemoPassword, NoWarningWithoutDemoAccounts) {
  TestServer server({.demo = false});
  auto notice = server.Client().Get("/api/v1/auth/demo-notice");
  ASSERT_EQ(notice.status, 200);
  EXPECT_FALSE(notice.Json().at("published_demo_password").as_bool());
}

}  // namespace
}  // namespace wagelink::testing
