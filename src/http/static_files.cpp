#include "http/static_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace wagelink::http {
namespace {

constexpr std::size_t kMaxFiles = 5000;
constexpr std::uintmax_t kMaxFileBytes = 32u << 20;

// Shown until the web UI is built; no script, so it passes the Content-Security-Policy.
constexpr const char* kStartPage = R"(<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>WageLink 欠薪案件行刑衔接平台</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: 'Noto Sans CJK SC', sans-serif; max-width: 46rem; margin: 4rem auto; line-height: 1.7; color: #1f2d3d">
<h1>WageLink 欠薪案件行刑衔接平台</h1>
<p>区人社局（劳动保障监察大队）、区治欠办、公安分局、检察院、法院、司法局在同一平台上协同办理拒不支付劳动报酬案件：
从投诉受理、责令支付、犯罪甄别，到移送、立案、起诉、审判、执行，直至劳动者拿到工资。每个环节按法定时限计时，每次移交留痕。</p>
<p>WageLink is the platform on which a district's labour inspection, wage-arrears office, police, procuratorate, court
and justice bureau work wage-arrears cases together, every step on the statutory clock.</p>
<p>The web interface has not been built on this machine (<code>web/dist</code> is missing). Run <code>make run</code>.
API: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> · Health: <a href="/healthz">/healthz</a></p>
</body></html>
)";

}  // namespace

std::string ContentTypeFor(std::string_view path) {
  auto dot = path.rfind('.');
  std::string_view ext = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  if (ext == "html") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "gif") return "image/gif";
  if (ext == "ico") return "image/x-icon";
  if (ext == "webp") return "image/webp";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "ttf") return "font/ttf";
  if (ext == "txt") return "text/plain; charset=utf-8";
  if (ext == "wasm") return "application/wasm";
  return "application/octet-stream";
}

StaticFiles::StaticFiles(const std::string& root) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (root.empty() || !fs::is_directory(root, ec)) return;
  for (auto it = fs::recursive_directory_iterator(root, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file(ec) || files_.size() >= kMaxFiles || it->file_size(ec) > kMaxFileBytes) continue;
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream content;
    content << in.rdbuf();
    std::string url = "/" + fs::relative(it->path(), root, ec).generic_string();
    files_.emplace(url, File{content.str(), ContentTypeFor(url)});
  }
}

std::optional<Response> StaticFiles::Serve(const Request& request) const {
  if (request.method != "GET" && request.method != "HEAD") return std::nullopt;
  const std::string& path = request.path;
  if (auto it = files_.find(path); it != files_.end() && path != "/index.html") {
    Response response = Response::Text(200, it->second.content_type, it->second.content);
    response.SetHeader("Cache-Control", path.starts_with("/assets/") ? "public, max-age=31536000, immutable"
                                                                     : "no-cache");
    return response;
  }
  auto last_slash = path.rfind('/');
  bool looks_like_route = path.find('.', last_slash == std::string::npos ? 0 : last_slash) == std::string::npos;
  if (!looks_like_route) return std::nullopt;
  Response response;
  if (auto index = files_.find("/index.html"); index != files_.end()) {
    response = Response::Text(200, index->second.content_type, index->second.content);
  } else {
    response = Response::Text(200, "text/html; charset=utf-8", kStartPage);
  }
  response.SetHeader("Cache-Control", "no-cache");
  return response;
}

}  // namespace wagelink::http
