#pragma once
// One operator setting held in memory and re-read from the settings table at most every
// `refresh_seconds`, so several instances on one database converge without a query per request.
// A save on this instance drops the cached value at once; a save on another instance on
// PostgreSQL does too, through ForgetAllSettings (the wake-up of store/postgres_listener.h).
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include "core/clock.h"

namespace wagelink::services {

// Bumped when the settings may have changed elsewhere; every RefreshingSetting in the process then
// reads its value again at its next use. Process-wide because the settings table is one per
// database and a process serves one database (a spare reload in a test process is harmless).
inline std::atomic<std::uint64_t>& SettingsGeneration() {
  static std::atomic<std::uint64_t> generation{0};
  return generation;
}
inline void ForgetAllSettings() { SettingsGeneration().fetch_add(1); }

template <typename T>
class RefreshingSetting {
 public:
  RefreshingSetting(const Clock& clock, UnixSeconds refresh_seconds) : clock_(clock), refresh_seconds_(refresh_seconds) {}

  std::shared_ptr<const T> Get(const std::function<T()>& load) {
    const UnixSeconds now = clock_.Now();
    // Read before loading: a change announced while loading makes the next use load again.
    const std::uint64_t generation = SettingsGeneration().load();
    {
      std::lock_guard lock(mutex_);
      if (cached_ && generation == loaded_generation_ && now >= loaded_at_ && now - loaded_at_ < refresh_seconds_) {
        return cached_;
      }
    }
    auto fresh = std::make_shared<const T>(load());
    std::lock_guard lock(mutex_);
    cached_ = fresh;
    loaded_at_ = now;
    loaded_generation_ = generation;
    return fresh;
  }

  void Invalidate() {
    std::lock_guard lock(mutex_);
    cached_.reset();
  }

 private:
  const Clock& clock_;
  const UnixSeconds refresh_seconds_;
  std::mutex mutex_;
  std::shared_ptr<const T> cached_;
  UnixSeconds loaded_at_ = 0;
  std::uint64_t loaded_generation_ = 0;
};

}  // namespace wagelink::services
