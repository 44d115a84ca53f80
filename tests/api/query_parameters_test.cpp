// Unknown fields in a request are refused, not ignored: that holds for the query string too. Each
// route names the query parameters it takes (http::RouteOptions::query); any other, or one given
// twice, is a 400 naming it, and only after the route's admission (an anonymous caller still gets
// 401, a caller without the permission 403).
#include <gtest/gtest.h>

#include <string>

#include "support/test_server.h"

namespace wagelink::testing {
namespace {

void ExpectRefusedNaming(const HttpResponse& response, const std::string& name) {
  EXPECT_EQ(response.status, 400) << response.body;
  const auto problem = response.Json();
  EXPECT_EQ(problem.at("code").as_string(), "validation_failed") << response.body;
  EXPECT_EQ(problem.at("field").as_string(), name) << response.body;
  EXPECT_NE(std::string(problem.at("detail").as_string()).find(name), std::string::npos) << response.body;
  EXPECT_NE(std::string(problem.at("detail_en").as_string()).find(name), std::string::npos) << response.body;
}

TEST(QueryParameters, AnUnknownOrRepeatedParameterIsRefusedNamingIt) {
  TestServer server;
  auto leader = server.LoginAs("leader");
  ASSERT_EQ(leader.Get("/api/v1/cases?state=closed_paid&page_size=5&sort=received_asc").status, 200);
  // A misspelt filter used to be dropped silently: the whole list came back as if it had matched.
  ExpectRefusedNaming(leader.Get("/api/v1/cases?stat=closed_paid"), "stat");
  ExpectRefusedNaming(leader.Get("/api/v1/cases?state=closed_paid&state=trial"), "state");
  // A route that takes no query parameters says so.
  auto dashboard = leader.Get("/api/v1/dashboard?year=2026");
  ExpectRefusedNaming(dashboard, "year");
  EXPECT_NE(std::string(dashboard.Json().at("detail_en").as_string()).find("takes none"), std::string::npos)
      << dashboard.body;
  // The name is echoed back cut at a character boundary, never half a Chinese character.
  std::string long_name, escaped;
  for (int i = 0; i < 30; ++i) long_name += "案", escaped += "%E6%A1%88";  // 90 bytes
  // Escaped or sent raw (as curl does with what it is given), the name is the same.
  for (const std::string& name : {escaped, long_name}) {
    auto cut = leader.Get("/api/v1/inbox?" + name + "=1");
    EXPECT_EQ(cut.status, 400) << cut.body;
    EXPECT_EQ(cut.Json().at("field").as_string(), long_name.substr(0, 63)) << cut.body;
  }
  // A broken escape used to be kept as it stood; now the query string is refused.
  for (const char* broken : {"/api/v1/inbox?page=%zz", "/api/v1/inbox?page=1%0", "/api/v1/inbox?page=1%00"}) {
    auto refused = leader.Get(broken);
    EXPECT_EQ(refused.status, 400) << broken << ": " << refused.body;
    EXPECT_EQ(refused.Json().at("code").as_string(), "bad_request") << broken << ": " << refused.body;
  }
  // Empty pieces carry nothing: a trailing '&' or a bare '?' is not a parameter.
  EXPECT_EQ(leader.Get("/api/v1/inbox?page=1&").status, 200);
  EXPECT_EQ(leader.Get("/api/v1/inbox?").status, 200);
  // A value without a name is still something sent that no route takes.
  auto nameless = leader.Get("/api/v1/inbox?=1");
  EXPECT_EQ(nameless.status, 400) << nameless.body;
  EXPECT_EQ(nameless.Json().at("code").as_string(), "validation_failed") << nameless.body;
}

TEST(QueryParameters, AdmissionComesFirst) {
  TestServer server;
  EXPECT_EQ(server.Client().Get("/api/v1/cases?nonsense=1").status, 401);
  auto auditor = server.LoginAs("auditor");
  // The bulletins need dashboard.read, which the auditor lacks: the refusal says nothing of parameters.
  EXPECT_EQ(auditor.Get("/api/v1/bulletins?nonsense=1").status, 403);
  // A public route has no admission to pass.
  EXPECT_EQ(server.Client().Get("/api/v1/public/exposure?q=%E5%85%AC%E5%8F%B8").status, 200);
  ExpectRefusedNaming(server.Client().Get("/api/v1/public/exposure?page=2"), "page");
  ExpectRefusedNaming(server.Client().Get("/healthz?verbose=1"), "verbose");
}

}  // namespace
}  // namespace wagelink::testing
