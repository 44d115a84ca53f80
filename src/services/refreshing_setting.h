#pragma once
// One operator setting held in memory and re-read from the settings table at most every
// `refresh_seconds`, so several instances on one database converge without a query per request.
// A save on this instance drops the cached value at once.
#include <functional>
#include <memory>
#include <mutex>

#include "core/clock.h"

namespace wagelink::services {

template <typename T>
class RefreshingSetting {
 public:
  RefreshingSetting(const Clock& clock, UnixSeconds refresh_seconds) : clock_(clock), refresh_seconds_(refresh_seconds) {}

  std::shared_ptr<const T> Get(const std::function<T()>& load) {
    const UnixSeconds now = clock_.Now();
    {
      std::lock_guard lock(mutex_);
      if (cached_ && now >= loaded_at_ && now - loaded_at_ < refresh_seconds_) return cached_;
    }
    auto fresh = std::make_shared<const T>(load());
    std::lock_guard lock(mutex_);
    cached_ = fresh;
    loaded_at_ = now;
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
};

}  // namespace wagelink::services
