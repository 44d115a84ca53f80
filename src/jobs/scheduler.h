#pragma once
// Runs periodic jobs (the deadline sweep) on a background thread. With several server instances
// on one database, only the instance holding the job's lease runs it; a crashed holder's lease
// expires and another instance takes over.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "store/database.h"

namespace wagelink::jobs {

struct Job {
  std::string name;
  std::chrono::seconds interval;
  std::function<void()> run;
};

class Scheduler {
 public:
  Scheduler(store::Database& db, const Clock& clock, std::vector<Job> jobs);
  ~Scheduler();
  void Start();
  void Stop();
  // Runs every job whose lease this instance can take, now (used by tests and `wagelink sweep`).
  void RunDueJobsOnce();

 private:
  void Loop();
  store::Database& db_;
  const Clock& clock_;
  std::vector<Job> jobs_;
  std::vector<std::chrono::steady_clock::time_point> next_run_;
  std::string instance_id_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace wagelink::jobs
