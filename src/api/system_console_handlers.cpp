// The system administrator's console pages as RuoYi-style systems have them: 定时任务 (the
// scheduled jobs of this instance, their lease and outcome, and "run now") and 服务监控 (this
// instance, its database, the free space of its folders and the queues). Both need settings.manage.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <filesystem>

#include "api/guard.h"
#include "api/routes.h"
#include "core/process_memory.h"
#include "jobs/scheduler.h"
#include "services/admin_service.h"
#include "services/operational_figures.h"
#include "services/readiness.h"

namespace wagelink::api {
namespace {

using security::Permission;

boost::json::value InstantOrNull(UnixSeconds at) { return at > 0 ? boost::json::value(FormatUtc(at)) : nullptr; }

boost::json::object JobJson(const jobs::JobStatus& job) {
  return {{"name", job.name},
          {"label_zh", job.label_zh},
          {"label_en", job.label_en},
          {"interval_seconds", job.interval_seconds},
          {"runs", job.runs},
          {"failures", job.failures},
          {"lease_missed", job.lease_missed},
          {"last_started_at", InstantOrNull(job.last_started)},
          {"last_duration_ms", job.last_duration_ms},
          {"last_failed", job.last_failed},
          {"last_error", job.last_error},
          {"next_run_at", InstantOrNull(job.next_run)}};
}

const jobs::JobStatus* FindJob(const std::vector<jobs::JobStatus>& jobs, std::string_view name) {
  for (const auto& job : jobs) {
    if (job.name == name) return &job;
  }
  return nullptr;
}

boost::json::object FolderJson(const ApiContext::MonitoredFolder& folder) {
  boost::json::object out{{"label_zh", folder.label_zh}, {"label_en", folder.label_en}};
  std::error_code error;
  // A folder not created yet (the evidence store makes its own at the first upload) is measured on
  // the disk it will be created on: its nearest existing parent.
  std::filesystem::path at = folder.path;
  while (!at.empty() && !std::filesystem::exists(at, error)) at = at.parent_path();
  const auto space = std::filesystem::space(at.empty() ? std::filesystem::path(".") : at, error);
  out["reachable"] = !error;
  if (!error) {
    out["total_bytes"] = static_cast<std::int64_t>(space.capacity);
    out["free_bytes"] = static_cast<std::int64_t>(space.available);
  }
  return out;
}

http::Response Monitor(const ApiContext& context) {
  const auto memory = ReadProcessMemory();
  const auto load = context.server_load ? context.server_load() : http::ServerLoad{};
  const auto now = context.clock->Now();
  boost::json::object instance{{"started_at", FormatUtc(context.started_at)},
                               {"uptime_seconds", now - context.started_at},
                               {"resident_bytes", memory.resident_bytes},
                               {"peak_resident_bytes", memory.peak_resident_bytes},
                               {"connections", load.connections},
                               {"pending_requests", load.pending_requests},
                               {"worker_threads", load.worker_threads},
                               {"open_streams", load.open_streams}};
  const auto readiness = context.readiness->Check();
  const auto figures = context.operational_figures->Read();
  boost::json::object database{{"reachable", readiness.database_reachable},
                               {"ready", readiness.ready()},
                               {"schema_version", readiness.schema_version},
                               {"expected_schema_version", readiness.expected_schema_version},
                               {"pool_open", figures.pool.open},
                               {"pool_idle", figures.pool.idle},
                               {"pool_max", figures.pool.max_connections},
                               {"pool_waiting", figures.pool.waiting}};
  boost::json::array folders;
  for (const auto& folder : context.monitored_folders) folders.push_back(FolderJson(folder));
  std::int64_t failing_jobs = 0;
  for (const auto& job : context.scheduler->Status()) failing_jobs += job.last_failed ? 1 : 0;
  boost::json::object queues{{"outbox_pending", figures.database_reachable ? boost::json::value(figures.outbox_pending) : nullptr},
                             {"failing_jobs", failing_jobs}};
  return http::Response::Json(200, boost::json::object{{"checked_at", FormatUtc(now)},
                                                       {"instance", instance},
                                                       {"database", database},
                                                       {"folders", folders},
                                                       {"queues", queues}});
}

}  // namespace

void RegisterSystemConsoleRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/system/jobs", Authed(context, [&context](http::Request&, const services::Principal&) {
    boost::json::array items;
    for (const auto& job : context.scheduler->Status()) items.push_back(JobJson(job));
    return http::Response::Json(200, boost::json::object{{"items", items}});
  }, {.permission = Permission::kSettingsManage}));

  router.Add("POST", "/api/v1/system/jobs/{name}/run", Authed(context, [&context](http::Request& request,
                                                                                   const services::Principal& who) {
    const std::string name(request.PathParam("name").value_or(""));
    const auto outcome = context.scheduler->RunNow(name);
    if (outcome == jobs::Scheduler::RunOutcome::kNoSuchJob) {
      return Problem(request, MakeError(ErrorCode::kNotFound, "没有这个定时任务", "No such scheduled job"));
    }
    if (outcome == jobs::Scheduler::RunOutcome::kAlreadyRunning) {
      return Problem(request, MakeError(ErrorCode::kConflict, "该任务正在运行，请稍后刷新查看结果",
                                        "The job is running now; refresh later for its outcome"));
    }
    if (outcome == jobs::Scheduler::RunOutcome::kLeaseHeldElsewhere) {
      return Problem(request, MakeError(ErrorCode::kConflict, "该任务此刻由另一服务实例运行，未在本实例重复运行",
                                        "Another instance holds this job now; it was not run twice"));
    }
    const auto status = context.scheduler->Status();
    const auto* job = FindJob(status, name);
    if (auto recorded = context.admin->RecordJobRun(who, name, job->last_failed ? "failed" : "ran"); !recorded) {
      return Problem(request, recorded.error());
    }
    return http::Response::Json(200, JobJson(*job));
  }, {.permission = Permission::kSettingsManage}));

  router.Add("GET", "/api/v1/system/monitor", Authed(context, [&context](http::Request&, const services::Principal&) {
    return Monitor(context);
  }, {.permission = Permission::kSettingsManage}));
}

}  // namespace wagelink::api
