#include "core/process_memory.h"

#include <malloc.h>

#include <fstream>
#include <sstream>
#include <string>

namespace wagelink {

ProcessMemory ReadProcessMemory() {
  ProcessMemory memory;
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    auto kib = [&line] {
      std::istringstream fields(line.substr(line.find(':') + 1));
      std::int64_t value = 0;
      fields >> value;
      return value * 1024;
    };
    if (line.starts_with("VmRSS:")) memory.resident_bytes = kib();
    if (line.starts_with("VmHWM:")) memory.peak_resident_bytes = kib();
  }
  return memory;
}

void ReturnFreedMemory() { malloc_trim(0); }

}  // namespace wagelink
