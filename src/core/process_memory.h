#pragma once
// This process's memory as the kernel counts it (/proc/self/status), for GET /metrics and the
// benchmarks that check RSS stays flat.
#include <cstdint>

namespace wagelink {

struct ProcessMemory {
  std::int64_t resident_bytes = 0;       // VmRSS
  std::int64_t peak_resident_bytes = 0;  // VmHWM
};

// Zeros where /proc is not available.
ProcessMemory ReadProcessMemory();

}  // namespace wagelink
