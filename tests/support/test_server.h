#pragma once
// Test support: a real WageLink server on a real, fresh database for each test.
// The backend comes from WAGELINK_TEST_BACKEND (sqlite | postgresql); PostgreSQL needs
// WAGELINK_TEST_PG_URL (scripts/with-postgres.sh sets it). No mocks anywhere.
#include <sys/types.h>

#include <boost/json.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/application.h"
#include "core/clock.h"

namespace wagelink::testing {

std::string SourceDir();
// The whole file (empty if it cannot be read).
std::string ReadFile(const std::string& path);
std::string BackendName();

// A fresh, empty database for one test: a temporary SQLite file or a new PostgreSQL database.
// Removed (or dropped) on destruction.
class ScratchDatabase {
 public:
  ScratchDatabase();
  ~ScratchDatabase();
  const std::string& url() const { return url_; }
  const std::string& directory() const { return dir_; }

 private:
  std::string dir_;
  std::string url_;
  std::string pg_admin_url_;
  std::string pg_name_;
};

// A ScratchDatabase opened with a pool of `pool_size` connections and every migration applied, for
// tests of the store itself. Throws if it cannot be opened.
class MigratedScratchDatabase {
 public:
  explicit MigratedScratchDatabase(std::size_t pool_size = 2);
  ~MigratedScratchDatabase();
  store::Database& db() { return *db_; }
  const std::string& url() const { return scratch_.url(); }

 private:
  ScratchDatabase scratch_;  // outlives the pool
  std::unique_ptr<store::Database> db_;
};

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  boost::json::value Json() const;
  std::string Header(const std::string& lower_name) const;
};

// A keep-alive HTTP/1.1 client with a cookie jar and the CSRF token of its last login.
class HttpClient {
 public:
  explicit HttpClient(std::uint16_t port);
  HttpClient(HttpClient&&) noexcept;
  HttpClient& operator=(HttpClient&&) noexcept;
  ~HttpClient();
  HttpResponse Send(const std::string& method, const std::string& target, const std::string& body = {},
                    std::map<std::string, std::string> headers = {});
  HttpResponse Get(const std::string& target) { return Send("GET", target); }
  HttpResponse PostJson(const std::string& target, const boost::json::value& body);
  HttpResponse PutJson(const std::string& target, const boost::json::value& body);
  HttpResponse PatchJson(const std::string& target, const boost::json::value& body);
  HttpResponse Delete(const std::string& target);
  // Logs in and keeps the session cookie and CSRF token; returns the login response.
  HttpResponse Login(const std::string& username, const std::string& password);
  std::string csrf_token;
  std::map<std::string, std::string> cookies;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

inline constexpr const char* kDemoPassword = "WageLink#2026";

struct TestServerOptions {
  bool demo = true;                         // seed the demo district (cheap argon2 cost)
  std::function<void(app::Config&)> tweak;  // adjust the configuration
  UnixSeconds start_time = 0;               // 0 = 2026-01-05T01:00:00Z (a Monday, 09:00 in Shanghai)
  bool demo_scenarios = false;              // and the demo scenarios' cases, as `make run` seeds them
};

// An in-process server on a scratch database with a ManualClock.
class TestServer {
 public:
  explicit TestServer(TestServerOptions options = {});
  ~TestServer();
  std::uint16_t port() const { return port_; }
  HttpClient Client() const { return HttpClient(port_); }
  // A client already logged in as a demo user.
  HttpClient LoginAs(const std::string& username) const;
  ManualClock& clock() { return clock_; }
  app::Application& app() { return *app_; }
  const std::string& database_url() const { return db_.url(); }
  std::string key_file() const { return db_.directory() + "/master.key"; }
  // Where the server publishes audit anchors (outside the database).
  std::string anchor_file() const { return db_.directory() + "/anchors/audit.jsonl"; }

 private:
  ScratchDatabase db_;
  ManualClock clock_;
  std::unique_ptr<app::Application> app_;
  std::uint16_t port_ = 0;
};

// `build/wagelink` as a child process (for kill -9, SIGTERM and CLI tests).
class ServerProcess {
 public:
  // `key_file` "" = a new one in the process's own folder (only right for a fresh database: the
  // server refuses to create a key for a database that already holds data). `anchor_file` "" = one
  // in the process's own folder; give one path to every process that serves the same database when a
  // test verifies the audit log across restarts.
  ServerProcess(const std::string& database_url, std::vector<std::string> extra_args = {},
                const std::string& key_file = "", const std::string& anchor_file = "");
  ~ServerProcess();
  std::uint16_t port() const { return port_; }
  void Signal(int signal);
  // Waits for exit and returns the exit status (or 128+signal when killed).
  int WaitExit(int timeout_ms = 20000);
  // Everything the process wrote to stdout and stderr so far.
  std::string Log() const;

 private:
  pid_t pid_ = -1;
  std::uint16_t port_ = 0;
  std::string dir_;
};

// Runs `build/wagelink ARGS...` to completion; returns exit code and combined output.
struct CommandResult {
  int exit_code = -1;
  std::string output;
};
// `working_directory`: where the command runs (empty: the test's own).
CommandResult RunWagelink(const std::vector<std::string>& args, const std::string& input = {},
                          const std::string& working_directory = {});

std::string MakeTempDir();

}  // namespace wagelink::testing
