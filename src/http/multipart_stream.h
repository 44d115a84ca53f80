#pragma once
// multipart/form-data (RFC 7578) read as a stream: part after part, each part's bytes handed out
// piece by piece, so an uploaded video passes through in constant memory. Small fields are read
// whole by the caller; a file part is read as a ByteSource. A body that ends before its closing
// delimiter is an error (a truncated upload), never a shorter file.
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/byte_source.h"
#include "core/error.h"

namespace wagelink::http {

struct StreamedPartHeader {
  std::string name;
  std::optional<std::string> file_name;
};

class MultipartStream {
 public:
  // `content_type` is the request's Content-Type header (with the boundary parameter).
  static Result<std::unique_ptr<MultipartStream>> Open(std::string_view content_type, ByteSource& body);

  // Moves to the next part (skipping what is left of the current one); nullopt after the last.
  Result<std::optional<StreamedPartHeader>> NextPart();
  // The current part's bytes; Read gives 0 at the part's end.
  ByteSource& Part() { return part_; }
  // The current part whole, when it is at most `limit` bytes (a form field).
  Result<std::string> ReadSmallPart(std::size_t limit);

 private:
  class PartSource final : public ByteSource {
   public:
    explicit PartSource(MultipartStream& owner) : owner_(owner) {}
    Result<std::size_t> Read(std::span<char> out) override { return owner_.ReadPart(out); }

   private:
    MultipartStream& owner_;
  };

  MultipartStream(std::string delimiter, ByteSource& body);
  Result<std::size_t> ReadPart(std::span<char> out);
  // Reads more of the body into the buffer; false at its end.
  Result<bool> Fill();
  std::string_view Buffered() const { return std::string_view(buffer_).substr(at_); }

  std::string delimiter_;  // CRLF "--" boundary
  ByteSource& body_;
  std::string buffer_;
  std::size_t at_ = 0;
  bool body_ended_ = false;
  bool in_part_ = false;
  bool finished_ = false;
  std::size_t parts_ = 0;
  PartSource part_{*this};
};

}  // namespace wagelink::http
