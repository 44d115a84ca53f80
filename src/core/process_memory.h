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

// Hands the heap's free memory back to the system. glibc keeps what a thread freed in that thread's
// arena, so after a request that held a whole table the next big request (on another worker thread,
// in another arena) would add its own peak on top: the resident size became the sum of the phases'
// peaks, not the largest. Call it after such a request only; it walks every arena.
void ReturnFreedMemory();

}  // namespace wagelink
