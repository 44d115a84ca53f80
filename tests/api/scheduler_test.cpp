// The scheduled jobs' loop (jobs/scheduler.h) on a real database: each job runs on its own interval.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "core/clock.h"
#include "jobs/scheduler.h"
#include "store/database.h"
#include "store/migrations.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {
using namespace std::chrono_literals;

// Issue 16's fault suite found every job running every minute: whenever one was due the loop ran
// all of them and moved all their timers.
TEST(Scheduler, EachJobRunsOnItsOwnIntervalNotWheneverAnotherIsDue) {
  ScratchDatabase scratch;
  auto db = store::Database::Open(scratch.url(), 2);
  ASSERT_TRUE(db) << db.error().message_en;
  store::ApplyMigrations(*(*db)->Acquire(), store::LatestMigrationVersion());
  ManualClock clock(1'767'574'800);
  std::atomic<int> frequent{0}, hourly{0};
  jobs::Scheduler scheduler(**db, clock,
                            {{"frequent", "频繁", "frequent", 1s, [&] { ++frequent; }},
                             {"hourly", "每小时", "hourly", 3600s, [&] { ++hourly; }}});
  scheduler.Start();
  const auto deadline = std::chrono::steady_clock::now() + 20s;
  while (frequent < 4 && std::chrono::steady_clock::now() < deadline) std::this_thread::sleep_for(50ms);
  scheduler.Stop();
  EXPECT_GE(frequent.load(), 4);
  EXPECT_EQ(hourly.load(), 1) << "the hourly job ran at start only, not with every run of the frequent one";
}

}  // namespace
}  // namespace wagelink::testing
