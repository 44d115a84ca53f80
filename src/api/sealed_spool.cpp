#include "api/sealed_spool.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "core/log_event.h"
#include "security/file_sealing.h"
#include "security/sodium_runtime.h"
#include "store/storage_full.h"

namespace wagelink::api {
namespace {

// The server answers a failed spool 503 and closes; it tells a full disk apart by the error code
// (std::errc::no_space_on_device), and the operator learns of it from this line, as from the
// dispatcher's for a full database or evidence store (docs/operations.md "Full disk").
[[noreturn]] void ThrowSpoolError(const std::string& what, int error_number) {
  if (store::IsOutOfSpace(error_number)) {
    LogEvent(spdlog::level::critical, "storage_full", {{"where", "upload_spool"}, {"error", what + ": " + std::strerror(error_number)}});
    throw std::system_error(std::make_error_code(std::errc::no_space_on_device), what);
  }
  throw std::system_error(error_number, std::generic_category(), what);
}

// Reads the spool file from its start through its own offset (the writer's is at the end).
class SpoolFileSource final : public ByteSource {
 public:
  explicit SpoolFileSource(int fd) : fd_(::dup(fd)) {}
  ~SpoolFileSource() override {
    if (fd_ >= 0) ::close(fd_);
  }
  Result<std::size_t> Read(std::span<char> out) override {
    for (;;) {
      ssize_t n = fd_ < 0 ? -1 : ::pread(fd_, out.data(), out.size(), offset_);
      if (n >= 0) {
        offset_ += n;
        return static_cast<std::size_t>(n);
      }
      if (errno != EINTR) return MakeError(ErrorCode::kInternal, "上传内容读取失败", "The upload could not be read back");
    }
  }

 private:
  int fd_;
  off_t offset_ = 0;
};

class SealedSpool final : public http::BodySpool {
 public:
  explicit SealedSpool(std::filesystem::path directory) : directory_(std::move(directory)) {
    security::EnsureSodium();
    crypto_secretstream_xchacha20poly1305_keygen(key_.data());
  }
  ~SealedSpool() override {
    if (fd_ >= 0) ::close(fd_);
  }

  void Append(std::string_view bytes) override {
    if (fd_ < 0) Create();
    sealer_->Append(bytes, sealed_);
    WriteSealed();
  }

  std::unique_ptr<ByteSource> Read() override {
    if (fd_ < 0) Create();
    if (!finished_) {
      sealer_->Finish(sealed_);
      WriteSealed();
      finished_ = true;
    }
    return security::OpenSealed(key_, std::make_unique<SpoolFileSource>(fd_));
  }

 private:
  void Create() {
    std::error_code error;
    std::filesystem::create_directories(directory_, error);
    if (error) ThrowSpoolError("cannot create the upload spool folder " + directory_.string(), error.value());
    std::string pattern = (directory_ / "spool-XXXXXX").string();
    fd_ = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd_ < 0) ThrowSpoolError("cannot create an upload spool in " + directory_.string(), errno);
    ::unlink(pattern.c_str());  // the open descriptor keeps it; nothing stays on disk after us
    sealer_ = std::make_unique<security::FileSealer>(key_);
  }

  void WriteSealed() {
    std::string_view rest = sealed_;
    while (!rest.empty()) {
      ssize_t n = ::write(fd_, rest.data(), rest.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) ThrowSpoolError("cannot write the upload spool", n < 0 ? errno : ENOSPC);
      rest.remove_prefix(static_cast<std::size_t>(n));
    }
    sealed_.clear();
  }

  std::filesystem::path directory_;
  security::SubKey key_;
  std::unique_ptr<security::FileSealer> sealer_;
  std::string sealed_;
  int fd_ = -1;
  bool finished_ = false;
};

}  // namespace

http::BodySpoolFactory SealedSpoolFactory(std::filesystem::path directory) {
  return [directory = std::move(directory)]() -> std::shared_ptr<http::BodySpool> {
    return std::make_shared<SealedSpool>(directory);
  };
}

}  // namespace wagelink::api
