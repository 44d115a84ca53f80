#include "support/test_server.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <chrono>
#include <cstring>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>
#include <spdlog/spdlog.h>

#include "store/case_tally_repository.h"
#include "store/database.h"
#include "store/migrations.h"

namespace wagelink::testing {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {
// Starts `args` with stdin/stdout/stderr redirected to files, through posix_spawn: the test process
// runs server threads, and a plain fork() child that allocates before exec can deadlock forever on a
// malloc lock another thread held at the fork (it hung CI once in RunWagelink).
pid_t Spawn(const std::vector<std::string>& args, const std::string& stdin_path, const std::string& output_path,
            const std::string& working_directory) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (!stdin_path.empty()) posix_spawn_file_actions_addopen(&actions, 0, stdin_path.c_str(), O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, 1, output_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  if (!working_directory.empty()) posix_spawn_file_actions_addchdir_np(&actions, working_directory.c_str());
  std::vector<std::string> owned = args;
  std::vector<char*> argv;
  for (auto& a : owned) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int error = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0) throw std::runtime_error("cannot start " + args[0] + ": " + std::strerror(error));
  return pid;
}

std::string RandomSuffix() {
  static std::mt19937_64 rng{std::random_device{}()};
  static std::mutex mutex;
  std::lock_guard lock(mutex);
  std::ostringstream out;
  out << std::hex << rng();
  return out.str();
}
}  // namespace

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::string SourceDir() { return WAGELINK_SOURCE_DIR; }

std::string BackendName() {
  const char* backend = std::getenv("WAGELINK_TEST_BACKEND");
  return backend ? backend : "sqlite";
}

std::string MakeTempDir() {
  auto dir = std::filesystem::temp_directory_path() / ("wagelink-test-" + RandomSuffix());
  std::filesystem::create_directories(dir);
  return dir.string();
}

ScratchDatabase::ScratchDatabase() : dir_(MakeTempDir()) {
  if (BackendName() == "postgresql") {
    const char* admin = std::getenv("WAGELINK_TEST_PG_URL");
    if (!admin || !*admin) {
      throw std::runtime_error("WAGELINK_TEST_BACKEND=postgresql needs WAGELINK_TEST_PG_URL (use scripts/with-postgres.sh)");
    }
    pg_admin_url_ = admin;
    pg_name_ = "wl_" + RandomSuffix();
    auto connection = store::Connect(pg_admin_url_);
    if (!connection) throw std::runtime_error(connection.error().message_en);
    (*connection)->ExecuteScript("CREATE DATABASE " + pg_name_);  // name is generated hex, not input
    url_ = pg_admin_url_.substr(0, pg_admin_url_.rfind('/')) + "/" + pg_name_;
  } else {
    url_ = "sqlite:" + dir_ + "/test.db";
  }
}

MigratedScratchDatabase::MigratedScratchDatabase(std::size_t pool_size) {
  auto opened = store::Database::Open(scratch_.url(), pool_size);
  if (!opened) throw std::runtime_error("cannot open the scratch database: " + opened.error().message_en);
  db_ = std::move(*opened);
  store::ApplyMigrations(*db_->Acquire());
}

MigratedScratchDatabase::~MigratedScratchDatabase() = default;

ScratchDatabase::~ScratchDatabase() {
  if (!pg_name_.empty()) {
    auto connection = store::Connect(pg_admin_url_);
    if (connection) {
      try {
        (*connection)->ExecuteScript("DROP DATABASE IF EXISTS " + pg_name_ + " WITH (FORCE)");
      } catch (const store::DatabaseError&) {
      }
    }
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

boost::json::value HttpResponse::Json() const { return boost::json::parse(body); }

std::string HttpResponse::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? std::string() : it->second;
}

struct HttpClient::Impl {
  asio::io_context io;
  std::uint16_t port;
  std::unique_ptr<beast::tcp_stream> stream;
  beast::flat_buffer buffer;

  void Connect() {
    stream = std::make_unique<beast::tcp_stream>(io);
    stream->connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    buffer.clear();
  }
};

HttpClient::HttpClient(std::uint16_t port) : impl_(std::make_unique<Impl>()) { impl_->port = port; }
HttpClient::HttpClient(HttpClient&&) noexcept = default;
HttpClient& HttpClient::operator=(HttpClient&&) noexcept = default;
HttpClient::~HttpClient() = default;

HttpResponse HttpClient::Send(const std::string& method, const std::string& target, const std::string& body,
                              std::map<std::string, std::string> headers) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    if (!impl_->stream) impl_->Connect();
    bhttp::request<bhttp::string_body> request{bhttp::string_to_verb(method), target, 11};
    request.set(bhttp::field::host, "127.0.0.1");
    request.keep_alive(true);
    std::string cookie;
    for (const auto& [name, value] : cookies) cookie += (cookie.empty() ? "" : "; ") + name + "=" + value;
    if (!cookie.empty()) request.set(bhttp::field::cookie, cookie);
    if (!csrf_token.empty() && method != "GET") request.set("X-CSRF-Token", csrf_token);
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = body;
    request.prepare_payload();
    beast::error_code ec;
    bhttp::write(*impl_->stream, request, ec);
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(512u << 20);
    if (!ec) bhttp::read(*impl_->stream, impl_->buffer, parser, ec);
    if (ec) {  // the server closed an idle keep-alive connection: reconnect once
      impl_->stream.reset();
      if (attempt == 0) continue;
      throw std::runtime_error("HTTP " + method + " " + target + " failed: " + ec.message());
    }
    auto response = parser.release();
    HttpResponse out;
    out.status = response.result_int();
    for (const auto& field : response) {
      std::string name(field.name_string());
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (name == "set-cookie") {
        std::string value(field.value());
        auto eq = value.find('=');
        auto semi = value.find(';');
        std::string cookie_name = value.substr(0, eq);
        std::string cookie_value = value.substr(eq + 1, semi - eq - 1);
        if (cookie_value.empty() || value.find("Max-Age=0") != std::string::npos) {
          cookies.erase(cookie_name);
        } else {
          cookies[cookie_name] = cookie_value;
        }
      }
      out.headers[name] = std::string(field.value());
    }
    out.body = std::move(response.body());
    if (!response.keep_alive()) impl_->stream.reset();
    return out;
  }
  throw std::runtime_error("unreachable");
}

HttpResponse HttpClient::PostJson(const std::string& target, const boost::json::value& body) {
  return Send("POST", target, boost::json::serialize(body), {{"Content-Type", "application/json"}});
}
HttpResponse HttpClient::PutJson(const std::string& target, const boost::json::value& body) {
  return Send("PUT", target, boost::json::serialize(body), {{"Content-Type", "application/json"}});
}
HttpResponse HttpClient::PatchJson(const std::string& target, const boost::json::value& body) {
  return Send("PATCH", target, boost::json::serialize(body), {{"Content-Type", "application/json"}});
}
HttpResponse HttpClient::Delete(const std::string& target) { return Send("DELETE", target); }

HttpResponse HttpClient::Login(const std::string& username, const std::string& password) {
  auto response = PostJson("/api/v1/auth/login", {{"username", username}, {"password", password}});
  if (response.status == 200) csrf_token = std::string(response.Json().at("csrf_token").as_string());
  return response;
}

TestServer::TestServer(TestServerOptions options)
    : clock_(options.start_time ? options.start_time : *ParseUtc("2026-01-05T01:00:00Z")) {
  spdlog::set_level(spdlog::level::warn);  // keep test output readable
  app::Config config;
  config.port = 0;
  config.database_url = db_.url();
  config.pool_size = 4;
  config.worker_threads = 4;
  config.web_root = db_.directory() + "/no-web";
  config.data_dir = SourceDir() + "/data";
  config.key_file = db_.directory() + "/master.key";
  config.evidence_dir = db_.directory() + "/evidence";
  config.evidence_spool_dir = db_.directory() + "/spool";
  config.audit_anchor_file = anchor_file();
  config.access_log = false;
  config.test_hooks = true;
  config.fast_password_hashing = true;
  config.run_jobs = false;  // tests run the sweep themselves, at instants they choose
  config.periodic_bulletins = false;  // RunJobsOnce issues no bulletins unless a test asks for them
  config.regular_meeting_every_months = 0;  // nor convenes regular meetings
  if (options.tweak) options.tweak(config);
  auto app = app::Application::Open(config, clock_);
  if (!app) throw std::runtime_error("cannot open test application: " + app.error().message_en);
  app_ = std::move(app.value());
  if (options.demo) {
    std::string district = ReadFile(SourceDir() + "/data/demo/district.json");
    auto seeded = app_->SeedDemo(district);
    if (!seeded) throw std::runtime_error("demo seed failed: " + seeded.error().message_en);
  }
  if (options.demo_scenarios) {
    auto seeded = app_->SeedDemoScenarios(ReadFile(SourceDir() + "/data/demo/scenarios.json"));
    if (!seeded) throw std::runtime_error("demo scenarios failed: " + seeded.error().message_en);
  }
  if (auto published = app_->PublishAuditAnchors(); !published) {  // as `wagelink serve` does
    throw std::runtime_error("cannot publish audit anchors: " + published.error().message_en);
  }
  port_ = app_->Start();
}

namespace {

// Every test that runs a server proves the dashboard's running totals (store/case_tally_repository.h)
// never drift: whatever the test did to its cases, what is kept equals a count from the cases.
void ExpectTalliesKeptExactly(const std::string& database_url) {
  auto database = store::Database::Open(database_url, 1);
  if (!database) return;  // a test that broke its own database has reported it
  auto connection = (*database)->Acquire();
  store::CaseTallyRepository tallies(*connection);
  const auto kept = tallies.KeptEverywhere();
  const auto counted = tallies.Counted();
  if (kept == counted) return;
  std::map<std::string, std::pair<std::int64_t, std::int64_t>> differing;  // "scope/metric" → kept, counted
  for (const auto& [scope, metrics] : kept) {
    for (const auto& [metric, value] : metrics) differing[scope + "/" + metric].first = value;
  }
  for (const auto& [scope, metrics] : counted) {
    for (const auto& [metric, value] : metrics) differing[scope + "/" + metric].second = value;
  }
  std::string report;
  for (const auto& [name, values] : differing) {
    if (values.first != values.second) {
      report += " " + name + " kept " + std::to_string(values.first) + " counted " + std::to_string(values.second) + ";";
    }
  }
  ADD_FAILURE() << "the dashboard's running totals drifted from the cases:" << report;
}

}  // namespace

TestServer::~TestServer() {
  app_->Shutdown();
  app_->Wait();
  const std::string database_url = app_->config().database_url;  // a test may have pointed it elsewhere
  app_.reset();
  ExpectTalliesKeptExactly(database_url);
}

HttpClient TestServer::LoginAs(const std::string& username) const {
  HttpClient client(port_);
  auto response = client.Login(username, kDemoPassword);
  if (response.status != 200) throw std::runtime_error("login as " + username + " failed: " + response.body);
  return client;
}

ServerProcess::ServerProcess(const std::string& database_url, std::vector<std::string> extra_args,
                             const std::string& key_file, const std::string& anchor_file)
    : dir_(MakeTempDir()) {
  std::string port_file = dir_ + "/port";
  std::vector<std::string> args = {WAGELINK_BINARY, "serve", "--db", database_url, "--port", "0", "--port-file",
                                   port_file, "--data-dir", SourceDir() + "/data", "--web-root", dir_ + "/no-web",
                                   "--key-file", key_file.empty() ? dir_ + "/master.key" : key_file,
                                   "--anchor-file", anchor_file.empty() ? dir_ + "/anchors.jsonl" : anchor_file};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_ = Spawn(args, {}, dir_ + "/server.log", {});
  // Up to 60 s: under ASan on a loaded 2-core machine, --demo walks every demo case and issues its
  // documents before the port is written, which took more than the former 10 s.
  for (int i = 0; i < 2400; ++i) {
    std::ifstream in(port_file);
    int port = 0;
    if (in >> port && port > 0) {
      port_ = static_cast<std::uint16_t>(port);
      return;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      throw std::runtime_error("server process exited early: " + ReadFile(dir_ + "/server.log"));
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(25));
  }
  throw std::runtime_error("server process did not start: " + ReadFile(dir_ + "/server.log"));
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  std::error_code ec;
  std::filesystem::remove_all(dir_, ec);
}

void ServerProcess::Signal(int signal) { kill(pid_, signal); }

std::string ServerProcess::Log() const { return ReadFile(dir_ + "/server.log"); }

int ServerProcess::WaitExit(int timeout_ms) {
  for (int waited = 0; waited < timeout_ms; waited += 10) {
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      if (WIFEXITED(status)) return WEXITSTATUS(status);
      if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return -2;  // still running
}

CommandResult RunWagelink(const std::vector<std::string>& args, const std::string& input,
                          const std::string& working_directory) {
  std::string dir = MakeTempDir();
  std::string in_path = dir + "/stdin", out_path = dir + "/stdout";
  {
    std::ofstream in(in_path, std::ios::binary);
    in << input;
  }
  std::vector<std::string> full = {WAGELINK_BINARY};
  full.insert(full.end(), args.begin(), args.end());
  const pid_t pid = Spawn(full, in_path, out_path, working_directory);
  // No command the tests run takes minutes: a hung one is killed and reported with its output,
  // instead of eating the whole test's time limit in silence.
  constexpr auto kCommandDeadline = std::chrono::seconds(120);
  const auto deadline = std::chrono::steady_clock::now() + kCommandDeadline;
  int status = 0;
  bool hung = false;
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      hung = true;
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  CommandResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.output = ReadFile(out_path);
  if (hung) result.output += "\n[test harness: the command ran past its deadline and was killed]";
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  return result;
}

}  // namespace wagelink::testing
