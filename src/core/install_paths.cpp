#include "core/install_paths.h"

#include <array>
#include <system_error>

namespace wagelink {

InstallPaths DefaultInstallPaths(const std::filesystem::path& executable) {
  namespace fs = std::filesystem;
  const fs::path prefix = executable.parent_path().parent_path();
  const std::array<InstallPaths, 2> layouts{{
      {(prefix / "share/wagelink/data").string(), (prefix / "share/wagelink/web").string()},  // installed
      {(prefix / "data").string(), (prefix / "web/dist").string()},                           // source tree
  }};
  for (const auto& layout : layouts) {
    std::error_code ec;
    if (fs::is_regular_file(fs::path(layout.data_dir) / "time_limits.json", ec)) return layout;
  }
  return layouts.back();
}

std::filesystem::path CurrentExecutable() {
  std::error_code ec;
  auto path = std::filesystem::read_symlink("/proc/self/exe", ec);
  return ec ? std::filesystem::path{} : path;
}

}  // namespace wagelink
