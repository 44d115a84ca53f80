#pragma once
// Maps (method, path pattern) to handlers. Patterns are literal segments and `{name}` parameters,
// e.g. "/api/v1/cases/{id}/events". The route table is also the source the OpenAPI test checks.
#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"
#include "http/body_spool.h"
#include "http/message.h"

namespace wagelink::http {

using Handler = std::function<Response(Request&)>;
// Decides from the request line and headers alone whether a request may go on: nullopt = go on,
// a response = refused (401, 403 ...). The server asks it before reading a body beyond the default
// limit, so an anonymous upload is refused without being read.
using Admission = std::function<std::optional<Response>(Request&)>;

// A handler that makes its own admission checks again when it runs (api/guard.h builds them).
struct GuardedHandler {
  Admission admit;
  Handler handle;
};

struct RouteOptions {
  bool public_route = false;           // reachable without a session (login, health, public page)
  std::size_t max_body_bytes = 1 << 20;  // raised deliberately per route (imports)
  BodySpoolFactory spool;                 // set: the body is spooled (http/body_spool.h), not kept in memory
  // Answered on the I/O thread, never queued behind the worker pool: only for a handler that does no
  // I/O and takes microseconds (the liveness check, which must answer while slow database work
  // fills every worker).
  bool answer_inline = false;
  // The query parameters the route takes; any other, or one given twice, is refused (400 naming it)
  // once the route's admission has passed. docs/api/openapi.json must list the same names.
  std::vector<std::string> query;
};

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
  std::vector<std::string> segments;  // pattern split on '/'
  Admission admit;                    // empty for routes that need nothing but the request
};

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});
  void Add(std::string method, std::string pattern, GuardedHandler handler, RouteOptions options = {});

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
  // A new spool for the body of a request to a spooling route; nullptr for any other route.
  std::shared_ptr<BodySpool> SpoolFor(std::string_view method, std::string_view path) const;
  // True when the route a request would reach is answered on the I/O thread (RouteOptions::answer_inline).
  bool AnswersInline(std::string_view method, std::string_view path) const;

  const std::vector<Route>& routes() const { return routes_; }

 private:
  const Route* MatchPath(std::string_view method, const std::vector<std::string_view>& parts,
                         std::vector<std::pair<std::string, std::string>>* params) const;
  std::vector<Route> routes_;
};

std::vector<std::string_view> SplitPath(std::string_view path);

// The first query parameter of `request` that `route` does not take, or that is given twice, as a
// validation error naming it; nullopt when every parameter is one the route takes, once.
std::optional<Error> RefusedQueryParameter(const Route& route, const Request& request);

}  // namespace wagelink::http
