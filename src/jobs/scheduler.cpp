#include "jobs/scheduler.h"

#include <random>

#include "core/log_event.h"
#include "store/job_lease_repository.h"

namespace wagelink::jobs {

Scheduler::Scheduler(store::Database& db, const Clock& clock, std::vector<Job> jobs)
    : db_(db), clock_(clock), jobs_(std::move(jobs)), next_run_(jobs_.size(), std::chrono::steady_clock::now()) {
  std::random_device random;
  instance_id_ = "instance-" + std::to_string(random()) + std::to_string(random());
}

Scheduler::~Scheduler() { Stop(); }

void Scheduler::Start() { thread_ = std::thread([this] { Loop(); }); }

void Scheduler::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Scheduler::RunDueJobsOnce() {
  for (auto& job : jobs_) {
    UnixSeconds now = clock_.Now();
    bool leader = false;
    try {
      auto connection = db_.Acquire();
      leader = store::JobLeaseRepository(*connection)
                   .TryAcquire(job.name, instance_id_, FormatUtc(now), FormatUtc(now + 2 * job.interval.count() + 30));
    } catch (const std::exception& e) {
      LogEvent(spdlog::level::warn, "job_lease_failed", {{"job", job.name}, {"error", e.what()}});
    }
    if (!leader) continue;
    try {
      job.run();
    } catch (const std::exception& e) {
      LogEvent(spdlog::level::err, "job_failed", {{"job", job.name}, {"error", e.what()}});
    }
  }
}

void Scheduler::Loop() {
  std::unique_lock lock(mutex_);
  while (!stopping_) {
    auto now = std::chrono::steady_clock::now();
    auto next = now + std::chrono::hours(1);
    for (std::size_t i = 0; i < jobs_.size(); ++i) {
      if (next_run_[i] <= now) {
        lock.unlock();
        RunDueJobsOnce();
        lock.lock();
        for (std::size_t j = 0; j < jobs_.size(); ++j) next_run_[j] = now + jobs_[j].interval;
        break;
      }
      next = std::min(next, next_run_[i]);
    }
    wake_.wait_until(lock, std::min(next, now + std::chrono::seconds(60)), [this] { return stopping_; });
  }
}

}  // namespace wagelink::jobs
