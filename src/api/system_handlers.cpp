// Liveness, readiness and the API description.
#include <boost/json/object.hpp>
#include <chrono>
#include <map>
#include <thread>

#include "api/guard.h"
#include "api/routes.h"
#include "http/problem.h"
#include "services/readiness.h"

namespace wagelink {
const std::map<std::string_view, std::string_view>& kApiAssets();
}

namespace wagelink::api {
namespace {

http::Response SleepAsAsked(http::Request& request) {
  int ms = 0;
  if (auto text = request.Query("ms")) ms = std::min(10'000, std::max(0, std::atoi(std::string(*text).c_str())));
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
  return http::Response::Json(200, boost::json::object{{"slept_ms", ms}});
}

}  // namespace

void RegisterSystemRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/healthz", [](http::Request&) {
    return http::Response::Json(200, boost::json::object{{"status", "ok"}});
  }, {.public_route = true, .answer_inline = true});

  router.Add("GET", "/readyz", [&context](http::Request& request) {
    auto readiness = context.readiness->Check();
    boost::json::object body{{"status", readiness.ready() ? "ready" : "not_ready"},
                             {"database", readiness.database_reachable ? "reachable" : "unreachable"},
                             {"schema_version", readiness.schema_version},
                             {"expected_schema_version", readiness.expected_schema_version}};
    if (!readiness.ready()) {
      auto response = http::ProblemResponse(ErrorCode::kServiceUnavailable, "服务未就绪：" + readiness.problem_en,
                                            "not ready: " + readiness.problem_en, request.request_id);
      return response;
    }
    return http::Response::Json(200, body);
  }, {.public_route = true});

  router.Add("GET", "/api/v1/openapi.json", [](http::Request&) {
    auto response = http::Response::Text(200, "application/json; charset=utf-8",
                                         std::string(kApiAssets().at("openapi.json")));
    response.SetHeader("Cache-Control", "no-cache");
    return response;
  }, {.public_route = true});

  if (context.test_hooks) {
    // Holds a worker for ?ms= milliseconds, so tests can prove that shutdown waits for in-flight
    // requests and that one slow handler does not block other connections. Off unless configured.
    router.Add("GET", "/api/v1/_test/sleep", SleepAsAsked, {.public_route = true, .query = {"ms"}});
    // The same, holding one of the caller's expensive-request slots, so tests can fill them.
    router.Add("GET", "/api/v1/_test/render-sleep", Authed(context, [](http::Request& request, const services::Principal&) {
      return SleepAsAsked(request);
    }, {.expensive = true}), {.query = {"ms"}});
  }
}

}  // namespace wagelink::api
