#pragma once
// One queue of write transactions per SQLite file in this process.
//
// SQLite lets one writer in at a time and makes the others poll on the busy timeout; polling is not
// first come, first served, so under a burst (twelve officers issuing orders at once) one writer can
// lose every poll until its timeout and its request fails with "database is locked". Writers of this
// process therefore take a ticket here first and enter BEGIN IMMEDIATE in ticket order; the busy
// timeout is left for other processes (the CLI) and single-statement writes.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>

namespace wagelink::store {

class SqliteWriterQueue {
 public:
  // The queue of the database file at `path`, shared by every connection of this process to it.
  static std::shared_ptr<SqliteWriterQueue> ForFile(const std::string& path);

  // Waits for this caller's turn; false if it did not come within `patience` (the ticket is then
  // given up, so the writers behind it are not held up).
  bool Enter(std::chrono::milliseconds patience);
  // Hands the turn to the next ticket still waiting.
  void Leave();

 private:
  std::mutex mutex_;
  std::condition_variable turn_changed_;
  std::uint64_t next_ticket_ = 0;
  std::uint64_t serving_ = 0;
  std::set<std::uint64_t> abandoned_;
};

}  // namespace wagelink::store
