// GET /metrics: the operator's Prometheus scrape. Off unless a token is configured, refused without
// it, and when answered it counts real requests per route pattern, the scheduled jobs' runs, the
// overdue clocks per body and the process's memory.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <regex>

#include "support/case_api.h"
#include "support/metrics_text.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr const char* kToken = "metrics-token-0123456789abcdefghijklmnop";

TestServer WithMetrics() {
  return TestServer({.tweak = [](app::Config& config) { config.metrics_token = kToken; }});
}

HttpResponse Scrape(const TestServer& server, const std::string& token = kToken) {
  return server.Client().Send("GET", "/metrics", {}, {{"Authorization", "Bearer " + token}});
}

// The sample's value; a missing sample fails the test (and reads as NaN, which equals nothing).
double Value(const std::string& text, const std::string& series) {
  auto value = Sample(text, series);
  if (!value) ADD_FAILURE() << "no sample " << series;
  return value.value_or(std::nan(""));
}

TEST(Metrics, AnswerNotFoundWhenNoTokenIsConfigured) {
  TestServer server({.demo = false});
  auto response = server.Client().Get("/metrics");
  EXPECT_EQ(response.status, 404) << response.body;
  EXPECT_EQ(server.Client().Send("GET", "/metrics", {}, {{"Authorization", "Bearer "}}).status, 404);
}

TEST(Metrics, RefuseAScrapeWithoutTheRightToken) {
  auto server = WithMetrics();
  auto bare = server.Client().Get("/metrics");
  EXPECT_EQ(bare.status, 401) << bare.body;
  EXPECT_NE(bare.Header("www-authenticate").find("Bearer"), std::string::npos);
  EXPECT_EQ(Scrape(server, "metrics-token-0123456789abcdefghijklmnoX").status, 401);
  EXPECT_EQ(Scrape(server, std::string(kToken) + "x").status, 401);
  // A signed-in administrator's session is not the monitoring token either.
  auto admin = server.LoginAs("sysadmin");
  EXPECT_EQ(admin.Get("/metrics").status, 401);
}

TEST(Metrics, CountRequestsPerRoutePatternWithLatencyBuckets) {
  auto server = WithMetrics();
  auto handler = server.LoginAs("handler");
  std::vector<std::int64_t> cases;
  for (int i = 0; i < 3; ++i) {
    auto created = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
    ASSERT_EQ(created.status, 201) << created.body;
    cases.push_back(created.Json().at("id").as_int64());
  }
  for (auto id : cases) ASSERT_EQ(handler.Get(CasePath(id)).status, 200);
  EXPECT_EQ(handler.Get("/api/v1/no-such-thing").status, 404);

  auto response = Scrape(server);
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.Header("content-type"), "text/plain; version=0.0.4; charset=utf-8");
  const auto& text = response.body;
  // One series for every case read, whatever the id: the route pattern, not the path.
  auto reads = Sample(text, R"m(wagelink_http_requests_total{method="GET",route="/api/v1/cases/{id}",status="2xx"})m");
  ASSERT_TRUE(reads) << text.substr(0, 3000);
  EXPECT_EQ(*reads, static_cast<double>(cases.size()));
  EXPECT_EQ(text.find("route=\"/api/v1/cases/" + std::to_string(cases[0])), std::string::npos);
  EXPECT_TRUE(Sample(text, R"m(wagelink_http_requests_total{method="GET",route="(unmatched)",status="4xx"})m"));
  // The histogram is cumulative and ends with +Inf equal to the count.
  std::string labels = R"m(method="GET",route="/api/v1/cases/{id}",status="2xx")m";
  double previous = 0;
  for (const char* le : {"0.001", "0.01", "0.1", "1", "10"}) {
    auto bucket = Sample(text, "wagelink_http_request_duration_seconds_bucket{" + labels + ",le=\"" + le + "\"}");
    ASSERT_TRUE(bucket) << le;
    EXPECT_GE(*bucket, previous);
    previous = *bucket;
  }
  EXPECT_EQ(Sample(text, "wagelink_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"}"), reads);
  EXPECT_EQ(Sample(text, "wagelink_http_request_duration_seconds_count{" + labels + "}"), reads);
  EXPECT_GT(Value(text, "wagelink_http_request_duration_seconds_sum{" + labels + "}"), 0.0);
  // Every family is announced once with its type.
  EXPECT_NE(text.find("# TYPE wagelink_http_request_duration_seconds histogram\n"), std::string::npos);
  EXPECT_NE(text.find("# TYPE wagelink_http_requests_total counter\n"), std::string::npos);
}

TEST(Metrics, ReportLoadPoolMemoryAndReadiness) {
  auto server = WithMetrics();
  auto text = Scrape(server).body;
  EXPECT_GE(Value(text, "wagelink_http_connections"), 1.0);  // the scrape's own
  EXPECT_GE(Value(text, "wagelink_http_pending_requests"), 1.0);
  EXPECT_GE(Value(text, "wagelink_http_worker_threads"), 1.0);
  EXPECT_EQ(Value(text, "wagelink_http_open_streams"), 0.0);
  EXPECT_EQ(Value(text, "wagelink_ready"), 1.0);
  EXPECT_GE(Value(text, "wagelink_db_pool_max_connections"), 1.0);
  EXPECT_TRUE(Sample(text, R"m(wagelink_db_pool_connections{state="idle"})m"));
  EXPECT_EQ(Value(text, "wagelink_db_pool_waiting"), 0.0);
  EXPECT_GT(Value(text, "process_resident_memory_bytes"), 1e6);
  EXPECT_GE(Value(text, "wagelink_process_peak_resident_memory_bytes"), Value(text, "process_resident_memory_bytes"));
}

TEST(Metrics, CountScheduledJobRunsAndOverdueClocksPerBody) {
  auto server = WithMetrics();
  auto handler = server.LoginAs("handler");
  auto created = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
  ASSERT_EQ(created.status, 201) << created.body;
  ASSERT_EQ(Step(handler, created.Json().at("id").as_int64(), "accept_complaint", "2026-01-05T01:00:00Z").status, 200);
  auto before = Scrape(server).body;
  EXPECT_EQ(Value(before, R"m(wagelink_job_runs_total{job="deadline_sweep"})m"), 0.0) << before.substr(0, 2000);
  EXPECT_EQ(Value(before, R"m(wagelink_job_last_run_timestamp_seconds{job="deadline_sweep"})m"), 0.0);
  // Run the jobs a year after the complaint was accepted: its open duty clock is then overdue.
  server.clock().Advance(365 * 86400);
  server.app().RunJobsOnce();
  auto after = Scrape(server).body;
  EXPECT_EQ(Value(after, R"m(wagelink_job_runs_total{job="deadline_sweep"})m"), 1.0);
  EXPECT_EQ(Value(after, R"m(wagelink_job_failures_total{job="deadline_sweep"})m"), 0.0);
  EXPECT_EQ(Value(after, R"m(wagelink_job_last_run_timestamp_seconds{job="deadline_sweep"})m"),
            static_cast<double>(server.clock().Now()));
  std::regex overdue(R"re(wagelink_clocks_overdue\{body="([^"]+)"\} (\d+))re");
  double total_overdue = 0, total_running = 0;
  for (std::sregex_iterator it(after.begin(), after.end(), overdue), end; it != end; ++it) {
    total_overdue += std::stod((*it)[2]);
    total_running += Value(after, "wagelink_clocks_running{body=\"" + (*it)[1].str() + "\"}");
  }
  EXPECT_GT(total_overdue, 0.0) << after;
  EXPECT_EQ(total_running, 0.0);
  EXPECT_TRUE(Sample(after, "wagelink_outbox_pending"));
}

// The lockout's promise that an unknown name is not told apart from a wrong password rests on the
// unknown name paying the same password verification (services::AuthService::Login). Timing
// cannot show it on the tests' cheap hash, where the database work dominates; the count does.
TEST(Metrics, AnUnknownNameCostsOnePasswordCheckLikeAWrongPassword) {
  auto server = WithMetrics();
  const auto checks = [&] { return Value(Scrape(server).body, "wagelink_password_checks_total"); };
  const auto sign_in = [&](const std::string& name, const std::string& password) {
    boost::json::object body{{"username", name}, {"password", password}};
    return server.Client().Send("POST", "/api/v1/auth/login", boost::json::serialize(body),
                                {{"Content-Type", "application/json"}}).status;
  };
  const double at_start = checks();
  EXPECT_EQ(sign_in("police", "wrong"), 401);
  const double after_wrong = checks();
  EXPECT_EQ(sign_in("no-such-user", "wrong"), 401);
  const double after_unknown = checks();
  EXPECT_EQ(sign_in("police", kDemoPassword), 200);
  EXPECT_EQ(after_wrong - at_start, 1);
  EXPECT_EQ(after_unknown - after_wrong, 1) << "an unknown name skipped the password verification";
  EXPECT_EQ(checks() - after_unknown, 1);
}

TEST(Metrics, AShortOrUnreadableTokenFileStopsTheServerAtStartNamingTheSetting) {
  std::string dir = MakeTempDir();
  std::ofstream(dir + "/short.token") << "too-short\n";
  for (const std::string& token_file : {dir + "/short.token", dir + "/missing.token"}) {
    std::ofstream(dir + "/wagelink.toml") << "[monitoring]\nmetrics_token_file = \"" << token_file << "\"\n";
    auto result = RunWagelink({"serve", "--config", dir + "/wagelink.toml", "--db", "sqlite:" + dir + "/w.db", "--port", "0"});
    EXPECT_NE(result.exit_code, 0) << token_file;
    EXPECT_NE(result.output.find("monitoring.metrics_token_file"), std::string::npos) << result.output;
  }
}

}  // namespace
}  // namespace wagelink::testing
