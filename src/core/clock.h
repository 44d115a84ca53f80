#pragma once
// Time enters WageLink only through a Clock, so services and jobs can be tested at any instant
// (for example the statutory deadlines of a 2025 scenario) without touching the system clock.
#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wagelink {

// Seconds since the Unix epoch, UTC.
using UnixSeconds = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual UnixSeconds Now() const = 0;
};

class SystemClock final : public Clock {
 public:
  UnixSeconds Now() const override;
};

// A clock that stands still until moved; used by tests and by `--fake-now` demo runs.
class ManualClock final : public Clock {
 public:
  explicit ManualClock(UnixSeconds now) : now_(now) {}
  UnixSeconds Now() const override { return now_.load(); }
  void Set(UnixSeconds now) { now_.store(now); }
  void Advance(UnixSeconds seconds) { now_.fetch_add(seconds); }

 private:
  std::atomic<UnixSeconds> now_;
};

// "2025-12-01T07:00:00Z" — the one text form of instants in storage and the API.
std::string FormatUtc(UnixSeconds t);
// Accepts "YYYY-MM-DDTHH:MM:SSZ" and "YYYY-MM-DDTHH:MM:SS+08:00" style offsets.
std::optional<UnixSeconds> ParseUtc(std::string_view text);

}  // namespace wagelink
