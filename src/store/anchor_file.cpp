#include "store/anchor_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace wagelink::store {
namespace {

Error FileError(const std::string& zh_action, const std::string& en_action, const std::string& path, int error) {
  return MakeError(ErrorCode::kInternal, zh_action + "审计锚点文件 " + path + "：" + std::strerror(error),
                   en_action + " audit anchor file " + path + ": " + std::strerror(error), "audit.anchor_file");
}

}  // namespace

Status AnchorFile::Append(const std::string& lines) const {
  const std::filesystem::path path(path_);
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  const int fd = ::open(path_.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0640);
  if (fd < 0) return FileError("无法打开", "cannot open", path_, errno);
  std::size_t written = 0;
  while (written < lines.size()) {
    const ssize_t put = ::write(fd, lines.data() + written, lines.size() - written);
    if (put < 0 && errno == EINTR) continue;
    if (put < 0) {
      const int error = errno;
      ::close(fd);
      return FileError("无法写入", "cannot write", path_, error);
    }
    written += static_cast<std::size_t>(put);
  }
  const int synced = ::fsync(fd);
  const int error = errno;
  ::close(fd);
  if (synced != 0) return FileError("无法写入", "cannot flush", path_, error);
  return Ok{};
}

Result<std::optional<std::string>> AnchorFile::Read() const {
  std::error_code ec;
  if (!std::filesystem::exists(path_, ec)) return std::optional<std::string>();
  std::ifstream in(path_, std::ios::binary);
  if (!in) return FileError("无法读取", "cannot read", path_, errno);
  std::ostringstream content;
  content << in.rdbuf();
  return std::optional<std::string>(content.str());
}

}  // namespace wagelink::store
