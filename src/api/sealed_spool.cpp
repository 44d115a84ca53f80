#include "api/sealed_spool.h"

#include <fcntl.h>
#include <sodium.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

#include "security/file_sealing.h"
#include "security/sodium_runtime.h"

namespace wagelink::api {
namespace {

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
    std::filesystem::create_directories(directory_);
    std::string pattern = (directory_ / "spool-XXXXXX").string();
    fd_ = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd_ < 0) throw std::runtime_error("cannot create an upload spool in " + directory_.string() + ": " + std::strerror(errno));
    ::unlink(pattern.c_str());  // the open descriptor keeps it; nothing stays on disk after us
    sealer_ = std::make_unique<security::FileSealer>(key_);
  }

  void WriteSealed() {
    std::string_view rest = sealed_;
    while (!rest.empty()) {
      ssize_t n = ::write(fd_, rest.data(), rest.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) throw std::runtime_error(std::string("cannot write the upload spool: ") + std::strerror(errno));
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
