#include "http/multipart.h"

namespace wagelink::http {
namespace {

Error Malformed() {
  return MakeError(ErrorCode::kBadRequest, "multipart/form-data 请求格式错误", "Malformed multipart/form-data body", "file");
}

}  // namespace

std::optional<std::string> HeaderParameter(std::string_view header, std::string_view key) {
  for (std::size_t at = header.find(key); at != std::string_view::npos; at = header.find(key, at + 1)) {
    bool starts_word = at == 0 || header[at - 1] == ' ' || header[at - 1] == ';';
    std::size_t eq = at + key.size();
    if (!starts_word || eq >= header.size() || header[eq] != '=') continue;
    std::string_view rest = header.substr(eq + 1);
    if (rest.starts_with('"')) {
      auto close = rest.find('"', 1);
      if (close == std::string_view::npos) return std::nullopt;
      return std::string(rest.substr(1, close - 1));
    }
    return std::string(rest.substr(0, rest.find(';')));
  }
  return std::nullopt;
}

Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body) {
  auto boundary = HeaderParameter(content_type, "boundary");
  if (!boundary || boundary->empty() || boundary->size() > 200) return Malformed();
  const std::string delimiter = "--" + *boundary;
  std::vector<FormPart> parts;
  std::size_t at = body.find(delimiter);
  if (at == std::string_view::npos) return Malformed();
  for (;;) {
    at += delimiter.size();
    if (body.substr(at).starts_with("--")) return parts;  // closing delimiter
    if (!body.substr(at).starts_with("\r\n")) return Malformed();
    at += 2;
    auto headers_end = body.find("\r\n\r\n", at);
    if (headers_end == std::string_view::npos) return Malformed();
    std::string_view headers = body.substr(at, headers_end - at);
    auto next = body.find("\r\n" + delimiter, headers_end + 4);
    if (next == std::string_view::npos) return Malformed();
    FormPart part;
    for (std::size_t line_start = 0; line_start <= headers.size();) {
      auto line_end = headers.find("\r\n", line_start);
      std::string_view line = headers.substr(line_start, line_end == std::string_view::npos ? std::string_view::npos : line_end - line_start);
      std::string lower(line.substr(0, line.find(':')));
      for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (lower == "content-disposition") {
        part.name = HeaderParameter(line, "name").value_or("");
        part.file_name = HeaderParameter(line, "filename");
      }
      if (line_end == std::string_view::npos) break;
      line_start = line_end + 2;
    }
    part.body = body.substr(headers_end + 4, next - headers_end - 4);
    parts.push_back(std::move(part));
    if (parts.size() > 16) return Malformed();
    at = next + 2;
  }
}

}  // namespace wagelink::http
