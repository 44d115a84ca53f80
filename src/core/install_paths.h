#pragma once
// Where the reference data (data/) and the built web UI are when the configuration does not say.
// They are found from the binary's own location, never from the current folder, so
// `wagelink calendar …` works from anywhere: an installed package keeps them in
// <prefix>/share/wagelink/{data,web} beside <prefix>/bin/wagelink; a binary built in the source tree
// (build/wagelink) uses the tree's data/ and web/dist.
#include <filesystem>
#include <string>

namespace wagelink {

struct InstallPaths {
  std::string data_dir;
  std::string web_root;
};

// The first layout whose data folder holds time_limits.json; the source-tree layout otherwise (so an
// error names the path that was tried).
InstallPaths DefaultInstallPaths(const std::filesystem::path& executable);

// This process's binary (/proc/self/exe), or empty if it cannot be read.
std::filesystem::path CurrentExecutable();

}  // namespace wagelink
