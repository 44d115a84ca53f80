// Nothing but the public page's feed (and health, login, the API description) is reachable without a
// session: every other route of the production route table answers 401 to an anonymous request.
#include <gtest/gtest.h>

#include <set>

#include "api/routes.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

std::string Concrete(const std::string& pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '{') {
      out += "1";
      i = pattern.find('}', i);
    } else {
      out += pattern[i];
    }
  }
  return out;
}

TEST(PublicAccess, OnlyTheAllowListIsPublicAndEveryOtherRouteAnswers401WithoutLogin) {
  TestServer server;
  api::ApiContext context;
  auto router = api::BuildRouter(context);  // the production route table (test hooks off)
  const std::set<std::string> allowed{"GET /healthz", "GET /readyz", "GET /api/v1/openapi.json",
                                      "POST /api/v1/auth/login", "GET /api/v1/public/exposure",
                                      // one boolean: the sign-in page warns while the demo password still works
                                      "GET /api/v1/auth/demo-notice",
                                      // no session, but its own bearer token (404 without one: metrics_test)
                                      "GET /metrics",
                                      // no session, but a request signed by a machine client (machine_feeds_test)
                                      "POST /api/v1/machine/projects/{project_no}/feeds"};
  std::set<std::string> public_routes;
  int checked = 0;
  HttpClient anonymous = server.Client();
  std::set<std::string> refused;
  for (const auto& route : router->routes()) {
    const std::string key = route.method + " " + route.pattern;
    if (route.options.public_route) {
      public_routes.insert(key);
      continue;
    }
    const std::string body = route.method == "GET" || route.method == "DELETE" ? "" : "{}";
    auto response = anonymous.Send(route.method, Concrete(route.pattern), body, {{"Content-Type", "application/json"}});
    EXPECT_EQ(response.status, 401) << key << ": " << response.body;
    if (response.status == 401) refused.insert(key);
    ++checked;
  }
  EXPECT_EQ(public_routes, allowed);
  EXPECT_EQ(anonymous.Send("POST", "/api/v1/machine/projects/XM-2026-0001/feeds", "{}", {{"Content-Type", "application/json"}}).status,
            401)
      << "the machine route refuses an unsigned request";
  // The evidence files of every owner are behind the sign-in, the uploads before their body is read.
  for (const std::string owner : {"cases", "risks", "meetings"}) {
    for (const auto& route : {"POST /api/v1/" + owner + "/{id}/evidence", "GET /api/v1/" + owner + "/{id}/evidence",
                                     "GET /api/v1/" + owner + "/{id}/evidence/{file_id}/content",
                                     "POST /api/v1/" + owner + "/{id}/evidence/{file_id}/withdraw"}) {
      EXPECT_TRUE(refused.contains(route)) << route;
    }
  }
  EXPECT_GT(checked, 60);

  auto feed = anonymous.Get("/api/v1/public/exposure?q=%3Cscript%3E");
  EXPECT_EQ(feed.status, 200);
  EXPECT_EQ(feed.Json().at("query"), "<script>") << "echoed as JSON data, never as markup";
  EXPECT_EQ(feed.Header("content-type").rfind("application/json", 0), 0u);
}

}  // namespace
}  // namespace wagelink::testing
