#pragma once
// A stream of bytes read piece by piece, so a large file (an uploaded video, an evidence package)
// passes through the server in constant memory: from the request to storage, and from storage
// to the response.
#include <algorithm>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "core/error.h"

namespace wagelink {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Fills the front of `out`; 0 means the end. An error means the stream cannot be trusted
  // (truncated, tampered, unreadable) and whatever was read so far must be discarded.
  virtual Result<std::size_t> Read(std::span<char> out) = 0;
};

// Bytes already in memory (small documents, tests).
class StringSource final : public ByteSource {
 public:
  explicit StringSource(std::string bytes) : bytes_(std::move(bytes)) {}
  Result<std::size_t> Read(std::span<char> out) override {
    std::size_t n = std::min(out.size(), bytes_.size() - at_);
    std::copy_n(bytes_.data() + at_, n, out.data());
    at_ += n;
    return n;
  }

 private:
  std::string bytes_;
  std::size_t at_ = 0;
};

}  // namespace wagelink
