// multipart/form-data bodies, both readers: the whole-body one (small forms) and the streaming one
// (evidence uploads, imports). The first line of the input is the Content-Type header, the rest the body.
#include "core/byte_source.h"
#include "fuzz_support.h"
#include "http/multipart.h"
#include "http/multipart_stream.h"

using namespace wagelink;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view input = fuzz::AsText(data, size);
  auto newline = input.find('\n');
  if (newline == std::string_view::npos) return 0;
  std::string_view content_type = input.substr(0, newline);
  std::string_view body = input.substr(newline + 1);

  (void)http::ParseMultipart(content_type, body);

  StringSource source{std::string(body)};
  auto stream = http::MultipartStream::Open(content_type, source);
  if (!stream) return 0;
  for (int parts = 0; parts < 64; ++parts) {
    auto part = (*stream)->NextPart();
    if (!part || !*part) break;
    if (!(*part)->file_name) {
      if (!(*stream)->ReadSmallPart(1024)) break;
      continue;
    }
    char buffer[97];  // an odd size, so reads end in the middle of delimiters
    for (;;) {
      auto n = (*stream)->Part().Read(buffer);
      if (!n || *n == 0) break;
    }
  }
  return 0;
}
