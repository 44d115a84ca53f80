#pragma once
// Maps (method, path pattern) to handlers. Patterns are literal segments and `{name}` parameters,
// e.g. "/api/v1/cases/{id}/events". The route table is also the source the OpenAPI test checks.
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "http/message.h"

namespace wagelink::http {

using Handler = std::function<Response(Request&)>;

struct RouteOptions {
  bool public_route = false;           // reachable without a session (login, health, public page)
  std::size_t max_body_bytes = 1 << 20;  // raised deliberately per route (imports)
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
  std::vector<std::string> segments;  // pattern split on '/'
};

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});

  enum class MatchKind { kFound, kNotFound, kMethodNotAllowed };
  struct Match {
    MatchKind kind = MatchKind::kNotFound;
    const Route* route = nullptr;
    std::string allowed_methods;  // for 405
  };
  // On kFound, writes the path parameters into `request.path_params`.
  Match Find(Request& request) const;
  // The body limit of the route a request would reach (the default when none matches).
  std::size_t BodyLimitFor(std::string_view method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  const Route* MatchPath(std::string_view method, const std::vector<std::string_view>& parts,
                         std::vector<std::pair<std::string, std::string>>* params) const;
  std::vector<Route> routes_;
};

std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace wagelink::http
