// GET /metrics: the Prometheus text format, for the operator's monitoring (docs/operations.md,
// "Monitoring"). Not a user's route: it is answered only to a bearer of the token configured in
// [monitoring] metrics_token_file, and not at all (404) when none is configured.
#include <array>

#include "api/guard.h"
#include "api/prometheus_text.h"
#include "api/routes.h"
#include "core/process_memory.h"
#include "core/request_metrics.h"
#include "http/problem.h"
#include "jobs/scheduler.h"
#include "security/tokens.h"
#include "services/auth_service.h"
#include "services/operational_figures.h"
#include "services/readiness.h"

namespace wagelink::api {
namespace {

bool BearerMatches(const http::Request& request, std::string_view token) {
  auto header = request.Header("authorization");
  constexpr std::string_view kScheme = "Bearer ";
  if (!header || !header->starts_with(kScheme)) return false;
  return security::ConstantTimeEquals(header->substr(kScheme.size()), token);
}

void WriteRequests(PrometheusText& out, const RequestMetrics& metrics) {
  auto series = metrics.Snapshot();
  out.Family("wagelink_http_requests_total", "counter", "Requests answered, by route pattern and status class.");
  for (const auto& s : series) {
    out.Sample("wagelink_http_requests_total", {{"method", s.method}, {"route", s.route}, {"status", s.status_class}},
               static_cast<std::int64_t>(s.count));
  }
  out.Family("wagelink_http_request_duration_seconds", "histogram",
             "Time from the request's header to the last byte of the answer, by route pattern and status class.");
  constexpr std::string_view kName = "wagelink_http_request_duration_seconds";
  for (const auto& s : series) {
    MetricLabels labels = {{"method", s.method}, {"route", s.route}, {"status", s.status_class}};
    for (std::size_t i = 0; i < kLatencyBucketsSeconds.size(); ++i) {
      char le[16];
      std::snprintf(le, sizeof le, "%g", kLatencyBucketsSeconds[i]);
      out.Bucket("wagelink_http_request_duration_seconds_bucket", labels, le, s.cumulative_buckets[i]);
    }
    out.Bucket("wagelink_http_request_duration_seconds_bucket", labels, "+Inf", s.count);
    out.Sample(std::string(kName) + "_sum", labels, s.sum_seconds);
    out.Sample(std::string(kName) + "_count", labels, static_cast<std::int64_t>(s.count));
  }
}

void WriteServerLoad(PrometheusText& out, const http::ServerLoad& load) {
  auto gauge = [&out](std::string_view name, std::string_view help, std::size_t value) {
    out.Family(name, "gauge", help);
    out.Sample(name, {}, static_cast<std::int64_t>(value));
  };
  gauge("wagelink_http_connections", "Open client connections.", load.connections);
  gauge("wagelink_http_pending_requests", "Handler jobs queued or running on the worker pool.", load.pending_requests);
  gauge("wagelink_http_worker_threads", "Threads of the worker pool.", load.worker_threads);
  gauge("wagelink_http_open_streams", "Open live-update streams (Server-Sent Events).", load.open_streams);
}

void WriteJobs(PrometheusText& out, const std::vector<jobs::JobStatus>& jobs) {
  struct Column {
    std::string_view name, type, help;
    std::int64_t jobs::JobStatus::*field;
  };
  static constexpr std::array<Column, 4> kColumns = {{
      {"wagelink_job_runs_total", "counter", "Runs of a scheduled job on this instance.", &jobs::JobStatus::runs},
      {"wagelink_job_failures_total", "counter", "Runs of a scheduled job that failed.", &jobs::JobStatus::failures},
      {"wagelink_job_lease_missed_total", "counter",
       "Turns a scheduled job was not run here because another instance held its lease.",
       &jobs::JobStatus::lease_missed},
      {"wagelink_job_last_run_timestamp_seconds", "gauge", "When the job last started here (Unix time; 0 = never).",
       &jobs::JobStatus::last_started},
  }};
  for (const auto& column : kColumns) {
    out.Family(column.name, column.type, column.help);
    for (const auto& job : jobs) out.Sample(column.name, {{"job", job.name}}, job.*column.field);
  }
  out.Family("wagelink_job_last_run_failed", "gauge", "1 when the job's last run here failed.");
  for (const auto& job : jobs) {
    out.Sample("wagelink_job_last_run_failed", {{"job", job.name}}, std::int64_t{job.last_failed});
  }
  out.Family("wagelink_job_last_duration_seconds", "gauge", "How long the job's last run here took.");
  for (const auto& job : jobs) {
    out.Sample("wagelink_job_last_duration_seconds", {{"job", job.name}}, job.last_duration_ms / 1000.0);
  }
}

void WriteDatabase(PrometheusText& out, const services::OperationalFigures& figures,
                   const services::Readiness& readiness) {
  out.Family("wagelink_ready", "gauge", "1 when the database is reachable and its schema is the one expected.");
  out.Sample("wagelink_ready", {}, std::int64_t{readiness.ready()});
  out.Family("wagelink_schema_version", "gauge", "The database's schema version.");
  out.Sample("wagelink_schema_version", {}, std::int64_t{readiness.schema_version});
  out.Family("wagelink_db_pool_connections", "gauge", "Database connections of this instance's pool, by state.");
  auto in_use = figures.pool.open - std::min(figures.pool.open, figures.pool.idle);
  out.Sample("wagelink_db_pool_connections", {{"state", "idle"}}, static_cast<std::int64_t>(figures.pool.idle));
  out.Sample("wagelink_db_pool_connections", {{"state", "in_use"}}, static_cast<std::int64_t>(in_use));
  out.Family("wagelink_db_pool_max_connections", "gauge", "The pool's limit.");
  out.Sample("wagelink_db_pool_max_connections", {}, static_cast<std::int64_t>(figures.pool.max_connections));
  out.Family("wagelink_db_pool_waiting", "gauge", "Callers waiting for a free database connection.");
  out.Sample("wagelink_db_pool_waiting", {}, static_cast<std::int64_t>(figures.pool.waiting));
  if (figures.reads_routed) {
    out.Family("wagelink_reads_on_standby_total", "counter", "Lag-tolerant reads served by the hot standby.");
    out.Sample("wagelink_reads_on_standby_total", {}, static_cast<std::int64_t>(figures.reads_routed->on_standby));
    out.Family("wagelink_reads_on_primary_total", "counter",
               "Lag-tolerant reads served by the primary: the standby was behind the session's writes, too far behind, or unreachable.");
    out.Sample("wagelink_reads_on_primary_total", {}, static_cast<std::int64_t>(figures.reads_routed->on_primary));
    out.Family("wagelink_standby_lag_seconds", "gauge",
               "The standby's lag behind the primary as last measured (at most once a second); -1 = cannot be told.");
    const auto lag_ms = figures.reads_routed->standby_lag_ms;
    out.Sample("wagelink_standby_lag_seconds", {}, lag_ms < 0 ? -1.0 : static_cast<double>(lag_ms) / 1000.0);
    out.Family("wagelink_standby_max_lag_seconds", "gauge", "database.max_standby_lag_ms: a standby further behind serves no reads.");
    out.Sample("wagelink_standby_max_lag_seconds", {}, static_cast<double>(figures.reads_routed->max_standby_lag_ms) / 1000.0);
  }
  if (!figures.database_reachable) return;  // the figures below would be zeros that look true
  out.Family("wagelink_outbox_pending", "gauge", "Notices waiting to be handed to the SMS / WeChat gateway.");
  out.Sample("wagelink_outbox_pending", {}, figures.outbox_pending);
  out.Family("wagelink_clocks_running", "gauge", "Open statutory duty clocks not yet due, by responsible body.");
  for (const auto& body : figures.clocks) out.Sample("wagelink_clocks_running", {{"body", body.body_code}}, body.running);
  out.Family("wagelink_clocks_overdue", "gauge", "Open statutory duty clocks past their due instant, by responsible body.");
  for (const auto& body : figures.clocks) out.Sample("wagelink_clocks_overdue", {{"body", body.body_code}}, body.overdue);
}

}  // namespace

void RegisterMonitoringRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/metrics", [&context](http::Request& request) {
    if (context.metrics_token.empty()) {
      return http::ProblemResponse(ErrorCode::kNotFound, "请求的地址不存在", "No such resource", request.request_id);
    }
    if (!BearerMatches(request, context.metrics_token)) {
      auto refused = http::ProblemResponse(ErrorCode::kUnauthenticated, "监控指标需要监控令牌",
                                           "The metrics need the monitoring token", request.request_id);
      refused.SetHeader("WWW-Authenticate", "Bearer realm=\"wagelink-metrics\"");
      return refused;
    }
    PrometheusText out;
    WriteRequests(out, *context.request_metrics);
    if (context.server_load) WriteServerLoad(out, context.server_load());
    WriteJobs(out, context.scheduler->Status());
    WriteDatabase(out, context.operational_figures->Read(), context.readiness->Check());
    if (context.auth) {
      out.Family("wagelink_password_checks_total", "counter",
                 "Password hash verifications (sign-ins, password changes, the demo-password check): an unknown name costs one like a wrong password.");
      out.Sample("wagelink_password_checks_total", {}, static_cast<std::int64_t>(context.auth->password_checks()));
    }
    auto memory = ReadProcessMemory();
    out.Family("process_resident_memory_bytes", "gauge", "Resident memory of the server process.");
    out.Sample("process_resident_memory_bytes", {}, memory.resident_bytes);
    out.Family("wagelink_process_peak_resident_memory_bytes", "gauge", "The highest resident memory so far.");
    out.Sample("wagelink_process_peak_resident_memory_bytes", {}, memory.peak_resident_bytes);
    auto response = http::Response::Text(200, "text/plain; version=0.0.4; charset=utf-8", out.Take());
    response.SetHeader("Cache-Control", "no-store");
    return response;
  }, {.public_route = true});
}

}  // namespace wagelink::api
