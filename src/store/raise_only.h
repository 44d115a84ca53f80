#pragma once
// A figure several threads measure and only ever moves forward, such as the WAL position a standby
// has replayed (Database::StandbyMayServe): each measurement may finish after a newer one.

#include <atomic>
#include <cstdint>

namespace wagelink::store {

// Raises `value` to `measured` unless it already holds as much: a slower thread's older answer
// must not replace a newer one, so a plain store would be wrong, and so would a load, a comparison
// and a store (another thread can raise it in between).
inline void RaiseTo(std::atomic<std::uint64_t>& value, std::uint64_t measured) {
  auto known = value.load();
  while (known < measured && !value.compare_exchange_weak(known, measured)) {
  }
}

}  // namespace wagelink::store
