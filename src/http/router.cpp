#include "http/router.h"

#include <algorithm>
#include <stdexcept>

#include "core/utf8.h"

namespace wagelink::http {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (start <= path.size()) {
    auto slash = path.find('/', start);
    auto end = slash == std::string_view::npos ? path.size() : slash;
    if (end > start) parts.push_back(path.substr(start, end - start));
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return parts;
}

std::optional<Error> RefusedQueryParameter(const Route& route, const Request& request) {
  const auto& taken = route.options.query;
  for (auto it = request.query.begin(); it != request.query.end(); ++it) {
    const std::string name(TruncateUtf8(it->first, kEchoedKeyBytes));
    if (std::find(taken.begin(), taken.end(), it->first) == taken.end()) {
      std::string accepted;
      for (const auto& known : taken) accepted += (accepted.empty() ? "" : ", ") + known;
      return MakeError(ErrorCode::kValidationFailed,
                       "查询参数 " + name + " 不是此地址所接受的参数" + (accepted.empty() ? "（此地址不接受查询参数）" : "（可用：" + accepted + "）"),
                       "query parameter " + name + " is not one this address takes" +
                           (accepted.empty() ? " (it takes none)" : " (it takes: " + accepted + ")"),
                       name);
    }
    // A repeated name would be read once and the other value silently dropped.
    if (std::any_of(request.query.begin(), it, [&](const auto& earlier) { return earlier.first == it->first; })) {
      return MakeError(ErrorCode::kValidationFailed, "查询参数 " + name + " 只能给出一次",
                       "query parameter " + name + " may be given only once", name);
    }
  }
  return std::nullopt;
}

void Router::Add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  Add(std::move(method), std::move(pattern), GuardedHandler{{}, std::move(handler)}, options);
}

void Router::Add(std::string method, std::string pattern, GuardedHandler handler, RouteOptions options) {
  Route route{std::move(method), std::move(pattern), std::move(handler.handle), options, {}, std::move(handler.admit)};
  for (auto part : SplitPath(route.pattern)) route.segments.emplace_back(part);
  for (const auto& existing : routes_) {
    if (existing.method == route.method && existing.pattern == route.pattern) {
      throw std::logic_error("duplicate route " + route.method + " " + route.pattern);
    }
  }
  routes_.push_back(std::move(route));
}

const Route* Router::MatchPath(std::string_view method, const std::vector<std::string_view>& parts,
                               std::vector<std::pair<std::string, std::string>>* params) const {
  for (const auto& route : routes_) {
    if (route.method != method || route.segments.size() != parts.size()) continue;
    bool ok = true;
    std::vector<std::pair<std::string, std::string>> found;
    for (std::size_t i = 0; i < parts.size() && ok; ++i) {
      const std::string& seg = route.segments[i];
      if (seg.size() > 2 && seg.front() == '{' && seg.back() == '}') {
        found.emplace_back(seg.substr(1, seg.size() - 2), std::string(parts[i]));
      } else {
        ok = seg == parts[i];
      }
    }
    if (ok) {
      if (params) *params = std::move(found);
      return &route;
    }
  }
  return nullptr;
}

Router::Match Router::Find(Request& request) const {
  auto parts = SplitPath(request.path);
  std::string_view method = request.method == "HEAD" ? std::string_view("GET") : request.method;
  if (const Route* route = MatchPath(method, parts, &request.path_params)) {
    request.route_pattern = route->pattern;
    return {MatchKind::kFound, route, {}};
  }
  std::string allowed;
  for (const auto& route : routes_) {
    if (allowed.find(route.method) != std::string::npos) continue;
    if (MatchPath(route.method, parts, nullptr) == &route) {
      allowed += allowed.empty() ? route.method : ", " + route.method;
    }
  }
  return {allowed.empty() ? MatchKind::kNotFound : MatchKind::kMethodNotAllowed, nullptr, allowed};
}

std::size_t Router::BodyLimitFor(std::string_view method, std::string_view path) const {
  const Route* route = MatchPath(method, SplitPath(path), nullptr);
  return route ? route->options.max_body_bytes : RouteOptions{}.max_body_bytes;
}

std::shared_ptr<BodySpool> Router::SpoolFor(std::string_view method, std::string_view path) const {
  const Route* route = MatchPath(method, SplitPath(path), nullptr);
  return route && route->options.spool ? route->options.spool() : nullptr;
}

bool Router::AnswersInline(std::string_view method, std::string_view path) const {
  const Route* route = MatchPath(method, SplitPath(path), nullptr);
  return route && route->options.answer_inline;
}

}  // namespace wagelink::http
