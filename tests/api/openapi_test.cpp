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

}  // namespace
}  // namespace wagelink::testing
