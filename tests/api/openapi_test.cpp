// The published API description must list exactly the routes the server has.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "support/test_server.h"
#include "api/routes.h"

namespace wagelink::testing {
namespace {

TEST(OpenApi, DocumentIsServedAsOpenApi31) {
  TestServer server({.demo = false});
  auto response = server.Client().Get("/api/v1/openapi.json");
  ASSERT_EQ(response.status, 200);
  EXPECT_EQ(response.Json().at("openapi").as_string(), "3.1.0");
}

TEST(OpenApi, EveryRouteIsDocumentedAndEveryDocumentedPathExists) {
  TestServer server({.demo = false});
  auto spec = server.Client().Get("/api/v1/openapi.json").Json().as_object();
  std::set<std::string> documented;
  for (const auto& [path, item] : spec.at("paths").as_object()) {
    for (const auto& [method, operation] : item.as_object()) {
      std::string upper(method);
      std::transform(upper.begin(), upper.end(), upper.begin(), ::toupper);
      documented.insert(upper + " " + std::string(path));
    }
  }
  api::ApiContext context;
  auto router = api::BuildRouter(context);  // test hooks off: the production route table
  std::set<std::string> served;
  for (const auto& route : router->routes()) served.insert(route.method + " " + route.pattern);
  for (const auto& route : served) EXPECT_TRUE(documented.contains(route)) << "undocumented route: " << route;
  for (const auto& route : documented) EXPECT_TRUE(served.contains(route)) << "documented but not served: " << route;
}

// The server refuses a query parameter its route does not name (http::RouteOptions::query), so a
// parameter the document lists but the route does not take would be refused, and one the route
// takes but the document omits would be unknown to every client.
TEST(OpenApi, EveryRouteTakesExactlyTheQueryParametersItsDocumentLists) {
  TestServer server({.demo = false});
  auto spec = server.Client().Get("/api/v1/openapi.json").Json().as_object();
  api::ApiContext context;
  auto router = api::BuildRouter(context);
  for (const auto& route : router->routes()) {
    std::string method(route.method);
    std::transform(method.begin(), method.end(), method.begin(), ::tolower);
    const auto* operation = spec.at("paths").as_object().if_contains(route.pattern);
    if (operation == nullptr || !operation->as_object().contains(method)) continue;  // the test above fails
    std::set<std::string> documented;
    if (const auto* parameters = operation->as_object().at(method).as_object().if_contains("parameters")) {
      for (const auto& parameter : parameters->as_array()) {
        if (parameter.as_object().at("in").as_string() == "query") {
          documented.insert(std::string(parameter.as_object().at("name").as_string()));
        }
      }
    }
    const std::set<std::string> taken(route.options.query.begin(), route.options.query.end());
    EXPECT_EQ(taken, documented) << route.method << " " << route.pattern;
  }
}

}  // namespace
}  // namespace wagelink::testing
