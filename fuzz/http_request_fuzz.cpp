// The request path in front of every handler, on raw bytes as a client sends them: Beast's parser
// with the server's header limit, then what the server does with a parsed header — the client
// address behind trusted proxies, the path decoded, the query split, the session cookie read, the
// route found among every route of the published API description (docs/api/openapi.json), and a
// multipart body taken apart when the request says it carries one. The description rather than
// api::BuildRouter: the latter pulls in every handler and service, which the small clang tree does
// not build (fuzz/README.md); OpenApi.EveryRouteIsDocumentedAndEveryDocumentedPathExists keeps the
// two route tables identical, so the patterns fuzzed are the patterns served.
#include <boost/beast/http.hpp>
#include <boost/json/parse.hpp>
#include <map>

#include "fuzz_support.h"
#include "http/client_address.h"
#include "http/message.h"
#include "http/multipart.h"
#include "http/request_head.h"
#include "http/router.h"

namespace wagelink {
const std::map<std::string_view, std::string_view>& kApiAssets();
}

using namespace wagelink;
namespace bhttp = boost::beast::http;

namespace {

http::Router EveryPublishedRoute() {
  http::Router router;
  auto api = boost::json::parse(kApiAssets().at("openapi.json")).as_object();
  for (const auto& [path, operations] : api.at("paths").as_object()) {
    for (const auto& [method, operation] : operations.as_object()) {
      (void)operation;
      std::string upper(method);
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      router.Add(upper, std::string(path), [](http::Request&) { return http::Response::NoContent(); });
    }
  }
  return router;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const http::Router router = EveryPublishedRoute();
  static const http::TrustedProxies proxies = http::TrustedProxies::Parse({"127.0.0.1", "10.0.0.0/8", "fd00::/8"}).value();

  bhttp::request_parser<bhttp::string_body> parser;
  parser.header_limit(8 * 1024);  // the server's default (config: header_limit)
  parser.body_limit(64 * 1024);
  parser.eager(true);
  boost::beast::error_code ec;
  std::size_t used = 0;
  while (used < size && !parser.is_done()) {
    std::size_t n = parser.put(boost::asio::buffer(data + used, size - used), ec);
    if (ec == bhttp::error::need_more) ec = {};
    if (ec || n == 0) break;
    used += n;
  }
  if (!parser.is_header_done()) return 0;

  std::vector<std::string_view> forwarded_for;
  http::Request request = http::RequestFromHeader(parser.get(), forwarded_for);
  request.client_address = proxies.ClientOf("127.0.0.1", forwarded_for);
  (void)request.Cookie("wagelink_session");
  (void)request.Cookie("wagelink_csrf");

  std::string raw_path = request.target.substr(0, request.target.find('?'));
  auto decoded = request.target.starts_with('/') ? http::DecodePath(raw_path) : std::nullopt;
  if (!decoded) return 0;
  request.path = std::move(*decoded);
  if (auto query_start = request.target.find('?'); query_start != std::string::npos) {
    auto query = http::ParseQuery(std::string_view(request.target).substr(query_start + 1));
    if (!query) return 0;  // the server refuses it (400)
    request.query = std::move(*query);
  }
  (void)router.BodyLimitFor(request.method, raw_path);
  auto match = router.Find(request);
  if (match.kind == http::Router::MatchKind::kFound) {
    (void)request.PathParam("id");
    (void)http::RefusedQueryParameter(*match.route, request);
  }

  if (parser.is_done()) {
    request.body = parser.get().body();
    if (auto content_type = request.Header("content-type")) (void)http::ParseMultipart(*content_type, request.body);
  }
  return 0;
}
