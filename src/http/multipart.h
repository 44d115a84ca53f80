#pragma once
// multipart/form-data (RFC 7578) as browsers send a file upload: the parts' names, file names and
// bytes. Only what an upload form needs: no nested multiparts, no transfer encodings.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace wagelink::http {

struct FormPart {
  std::string name;
  std::optional<std::string> file_name;  // present for file inputs
  std::string_view body;                 // points into the request body
};

// The value of `key="..."` (or unquoted) inside a header line, e.g. a boundary, name or filename.
std::optional<std::string> HeaderParameter(std::string_view header, std::string_view key);

// `content_type` is the request's Content-Type header (with the boundary parameter).
Result<std::vector<FormPart>> ParseMultipart(std::string_view content_type, std::string_view body);

}  // namespace wagelink::http
