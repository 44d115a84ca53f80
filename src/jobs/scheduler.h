#pragma once
// Runs periodic jobs (the deadline sweep) on a background thread. With several server instances
// on one database, only the instance holding the job's lease runs it; a crashed holder's lease
// expires and another instance takes over.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "store/database.h"

namespace wagelink::jobs {

struct Job {
  std::string name;
  std::string label_zh;  // what the 定时任务 page calls it
  std::string label_en;
  std::chrono::seconds interval;
  std::function<void()> run;
};

// How one job has fared on this instance since it started (GET /metrics, the 定时任务 page).
struct JobStatus {
  std::string name;
  std::string label_zh;
  std::string label_en;
  std::int64_t interval_seconds = 0;
  std::int64_t runs = 0;         // runs this instance made (it held the lease)
  std::int64_t failures = 0;     // runs that threw
  std::int64_t lease_missed = 0;  // turns another instance held the lease (or the database was unreachable)
  UnixSeconds last_started = 0;  // 0 = never ran here
  std::int64_t last_duration_ms = 0;
  bool last_failed = false;
  std::string last_error;        // the last failure's message, cut to 300 bytes
  UnixSeconds next_run = 0;      // 0 = the loop is not running (tests, CLI)
};

class Scheduler {
 public:
  Scheduler(store::Database& db, const Clock& clock, std::vector<Job> jobs);
  ~Scheduler();
  void Start();
  void Stop();
  // Runs every job whose lease this instance can take, now (used by tests and `wagelink sweep`).
  void RunDueJobsOnce();
  enum class RunOutcome { kRan, kNoSuchJob, kAlreadyRunning, kLeaseHeldElsewhere };
  // Runs one job now on the calling thread (the 定时任务 page's "run now"); its status afterwards.
  RunOutcome RunNow(std::string_view name);
  std::vector<JobStatus> Status() const;

 private:
  void Loop();
  RunOutcome RunJob(std::size_t index);
  store::Database& db_;
  const Clock& clock_;
  std::vector<Job> jobs_;
  std::vector<std::chrono::steady_clock::time_point> next_run_;  // guarded by mutex_
  bool looping_ = false;                                          // guarded by mutex_
  mutable std::mutex status_mutex_;
  std::vector<JobStatus> status_;                                 // guarded by status_mutex_
  // Set while a job runs here, so "run now" and the loop never run one job twice at once (both
  // would hold this instance's lease).
  std::unique_ptr<std::atomic<bool>[]> running_;
  std::string instance_id_;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace wagelink::jobs
