#include "jobs/scheduler.h"

#include <random>

#include "core/log_event.h"
#include "store/job_lease_repository.h"

namespace wagelink::jobs {
namespace {
// The holder renews its lease at each run; another instance takes a job over once the lease has run
// out, i.e. at most one interval plus this margin after the holder's last run (it died or hangs).
// The margin lets a run take a little longer than its interval before another could start it.
constexpr std::int64_t kLeaseMarginSeconds = 60;
}  // namespace

Scheduler::Scheduler(store::Database& db, const Clock& clock, std::vector<Job> jobs)
    : db_(db),
      clock_(clock),
      jobs_(std::move(jobs)),
      next_run_(jobs_.size(), std::chrono::steady_clock::now()),
      running_(std::make_unique<std::atomic<bool>[]>(jobs_.size())) {
  for (const auto& job : jobs_) {
    status_.push_back(
        {.name = job.name, .label_zh = job.label_zh, .label_en = job.label_en, .interval_seconds = job.interval.count()});
  }
  std::random_device random;
  instance_id_ = "instance-" + std::to_string(random()) + std::to_string(random());
}

Scheduler::~Scheduler() { Stop(); }

void Scheduler::Start() {
  {
    std::lock_guard lock(mutex_);
    looping_ = true;
  }
  thread_ = std::thread([this] { Loop(); });
}

void Scheduler::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    looping_ = false;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Scheduler::RunDueJobsOnce() {
  for (std::size_t i = 0; i < jobs_.size(); ++i) RunJob(i);
}

Scheduler::RunOutcome Scheduler::RunNow(std::string_view name) {
  for (std::size_t i = 0; i < jobs_.size(); ++i) {
    if (jobs_[i].name == name) return RunJob(i);
  }
  return RunOutcome::kNoSuchJob;
}

Scheduler::RunOutcome Scheduler::RunJob(std::size_t index) {
  if (running_[index].exchange(true)) return RunOutcome::kAlreadyRunning;
  struct Done {
    std::atomic<bool>& flag;
    ~Done() { flag = false; }
  } done{running_[index]};
  const Job& job = jobs_[index];
  UnixSeconds now = clock_.Now();
  bool leader = false;
  try {
    auto connection = db_.Acquire();
    leader = store::JobLeaseRepository(*connection)
                 .TryAcquire(job.name, instance_id_, FormatUtc(now), FormatUtc(now + job.interval.count() + kLeaseMarginSeconds));
  } catch (const std::exception& e) {
    LogEvent(spdlog::level::warn, "job_lease_failed", {{"job", job.name}, {"error", e.what()}});
  }
  if (!leader) {
    std::lock_guard lock(status_mutex_);
    ++status_[index].lease_missed;
    return RunOutcome::kLeaseHeldElsewhere;
  }
  auto started = std::chrono::steady_clock::now();
  std::string error;
  try {
    job.run();
  } catch (const std::exception& e) {
    error = e.what();
    LogEvent(spdlog::level::err, "job_failed", {{"job", job.name}, {"error", error}});
  }
  auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - started);
  std::lock_guard lock(status_mutex_);
  JobStatus& status = status_[index];
  ++status.runs;
  status.last_started = now;
  status.last_duration_ms = took.count();
  status.last_failed = !error.empty();
  if (!error.empty()) {
    ++status.failures;
    status.last_error = error.substr(0, 300);
  }
  return RunOutcome::kRan;
}

std::vector<JobStatus> Scheduler::Status() const {
  std::vector<JobStatus> out;
  {
    std::lock_guard lock(status_mutex_);
    out = status_;
  }
  std::lock_guard lock(mutex_);
  if (!looping_) return out;
  auto steady_now = std::chrono::steady_clock::now();
  UnixSeconds now = clock_.Now();
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto ahead = std::chrono::duration_cast<std::chrono::seconds>(next_run_[i] - steady_now).count();
    out[i].next_run = now + std::max<std::int64_t>(0, ahead);
  }
  return out;
}

void Scheduler::Loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    // Each job runs on its own interval: only the jobs that are due run, and only their timers move.
    const auto now = std::chrono::steady_clock::now();
    std::vector<std::size_t> due;
    for (std::size_t i = 0; i < jobs_.size(); ++i) {
      if (next_run_[i] <= now) {
        due.push_back(i);
        next_run_[i] = now + jobs_[i].interval;
      }
    }
    if (!due.empty()) {
      lock.unlock();
      for (auto i : due) RunJob(i);
      lock.lock();
      continue;
    }
    auto next = now + std::chrono::seconds(60);  // looked at again at least every minute
    for (const auto& at : next_run_) next = std::min(next, at);
    wake_.wait_until(lock, next, [this] { return stopping_; });
  }
}

}  // namespace wagelink::jobs
