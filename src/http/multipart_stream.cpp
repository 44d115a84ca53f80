#include "http/multipart_stream.h"

#include "http/multipart.h"

#include <cstring>

namespace wagelink::http {
namespace {

constexpr std::size_t kFillBytes = 64 * 1024;
constexpr std::size_t kMaxPartHeaders = 8 * 1024;
constexpr std::size_t kMaxParts = 16;

Error Malformed() {
  return MakeError(ErrorCode::kBadRequest, "上传内容格式错误或不完整（multipart/form-data）",
                   "Malformed or incomplete multipart/form-data body", "file");
}

}  // namespace

MultipartStream::MultipartStream(std::string delimiter, ByteSource& body)
    : delimiter_(std::move(delimiter)), body_(body), buffer_("\r\n") {}  // the first delimiter has no CRLF of its own

Result<std::unique_ptr<MultipartStream>> MultipartStream::Open(std::string_view content_type, ByteSource& body) {
  if (!content_type.starts_with("multipart/form-data")) {
    return MakeError(ErrorCode::kUnsupportedMediaType, "请以 multipart/form-data 表单上传文件",
                     "Upload the file as multipart/form-data");
  }
  auto boundary = HeaderParameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 200) return Malformed();
  return std::unique_ptr<MultipartStream>(new MultipartStream("\r\n--" + *boundary, body));
}

Result<bool> MultipartStream::Fill() {
  if (body_ended_) return false;
  if (at_ > kFillBytes) {
    buffer_.erase(0, at_);
    at_ = 0;
  }
  std::size_t old_size = buffer_.size();
  buffer_.resize(old_size + kFillBytes);
  auto got = body_.Read(std::span<char>(buffer_.data() + old_size, kFillBytes));
  if (!got) {
    buffer_.resize(old_size);
    return got.error();
  }
  buffer_.resize(old_size + *got);
  if (*got == 0) body_ended_ = true;
  return *got > 0;
}

Result<std::size_t> MultipartStream::ReadPart(std::span<char> out) {
  if (!in_part_) return std::size_t{0};
  for (;;) {
    std::string_view seen = Buffered();
    auto found = seen.find(delimiter_);
    if (found == 0) {
      at_ += delimiter_.size();
      in_part_ = false;
      return std::size_t{0};
    }
    // Bytes that cannot be the start of a delimiter may be handed out now.
    std::size_t safe = found != std::string_view::npos ? found
                       : seen.size() >= delimiter_.size() ? seen.size() - delimiter_.size() + 1
                                                          : 0;
    if (safe > 0 && !out.empty()) {
      std::size_t n = std::min(safe, out.size());
      std::memcpy(out.data(), seen.data(), n);
      at_ += n;
      return n;
    }
    auto more = Fill();
    if (!more) return more.error();
    if (!*more) return Malformed();  // the body ended inside a part: truncated
  }
}

Result<std::optional<StreamedPartHeader>> MultipartStream::NextPart() {
  if (finished_) return std::optional<StreamedPartHeader>{};
  if (parts_ == 0 && !in_part_) {
    // Skip the preamble up to the first delimiter.
    for (;;) {
      auto found = Buffered().find(delimiter_);
      if (found != std::string_view::npos) {
        at_ += found + delimiter_.size();
        break;
      }
      if (Buffered().size() > kMaxPartHeaders) return Malformed();
      auto more = Fill();
      if (!more) return more.error();
      if (!*more) return Malformed();
    }
  } else {
    std::string discard(kFillBytes, '\0');
    for (;;) {
      auto got = ReadPart(std::span<char>(discard.data(), discard.size()));
      if (!got) return got.error();
      if (*got == 0) break;
    }
  }
  while (Buffered().size() < 2) {
    auto more = Fill();
    if (!more) return more.error();
    if (!*more) return Malformed();
  }
  if (Buffered().starts_with("--")) {
    finished_ = true;
    return std::optional<StreamedPartHeader>{};
  }
  if (!Buffered().starts_with("\r\n")) return Malformed();
  at_ += 2;
  std::size_t headers_end;
  for (;;) {
    headers_end = Buffered().find("\r\n\r\n");
    if (headers_end != std::string_view::npos) break;
    if (Buffered().size() > kMaxPartHeaders) return Malformed();
    auto more = Fill();
    if (!more) return more.error();
    if (!*more) return Malformed();
  }
  if (++parts_ > kMaxParts) return Malformed();
  std::string headers(Buffered().substr(0, headers_end));
  at_ += headers_end + 4;
  StreamedPartHeader part;
  for (std::size_t line_start = 0; line_start <= headers.size();) {
    auto line_end = headers.find("\r\n", line_start);
    std::string_view line = std::string_view(headers).substr(
        line_start, line_end == std::string::npos ? std::string_view::npos : line_end - line_start);
    std::string lower(line.substr(0, line.find(':')));
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (lower == "content-disposition") {
      part.name = HeaderParameter(line, "name").value_or("");
      part.file_name = HeaderParameter(line, "filename");
    }
    if (line_end == std::string::npos) break;
    line_start = line_end + 2;
  }
  in_part_ = true;
  return std::optional<StreamedPartHeader>(std::move(part));
}

Result<std::string> MultipartStream::ReadSmallPart(std::size_t limit) {
  std::string value;
  std::string piece(4096, '\0');
  for (;;) {
    auto got = ReadPart(std::span<char>(piece.data(), piece.size()));
    if (!got) return got.error();
    if (*got == 0) return value;
    value.append(piece.data(), *got);
    if (value.size() > limit) return Malformed();
  }
}

}  // namespace wagelink::http
