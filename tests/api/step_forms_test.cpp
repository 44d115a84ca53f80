// GET /api/v1/reference/case-steps: the form of every case step, which the web client renders and
// checks its step dialogs from (domain/case_step_forms.h). The web unit tests run against
// web/tests/fixtures/case-steps.json; this test holds that fixture to what the server serves, so the
// client's tests cannot drift from the server. After a change to the forms, rewrite it with
//   WAGELINK_TEST_BACKEND=sqlite WAGELINK_UPDATE_FIXTURES=1 ./build/api_tests --gtest_filter='StepForms.*'
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "support/test_server.h"

namespace wagelink::testing {
namespace {

const std::string kFixture = std::string(WAGELINK_SOURCE_DIR) + "/web/tests/fixtures/case-steps.json";

const boost::json::object& StepOf(const boost::json::object& catalogue, std::string_view event) {
  for (const auto& step : catalogue.at("steps").as_array()) {
    if (step.at("event").as_string() == event) return step.as_object();
  }
  throw std::runtime_error("no step " + std::string(event));
}

const boost::json::object& FieldOf(const boost::json::object& step, std::string_view key) {
  for (const auto& field : step.at("fields").as_array()) {
    if (field.at("key").as_string() == key) return field.as_object();
  }
  throw std::runtime_error("no field " + std::string(key));
}

// Two-space indented JSON, one member per line: a fixture whose diffs a reviewer can read.
void Pretty(std::ostream& out, const boost::json::value& value, int depth) {
  const std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
  const std::string inner(static_cast<std::size_t>(depth + 1) * 2, ' ');
  if (value.is_object() && !value.as_object().empty()) {
    out << "{\n";
    bool first = true;
    for (const auto& [key, member] : value.as_object()) {
      out << (first ? "" : ",\n") << inner << boost::json::serialize(boost::json::string(key)) << ": ";
      Pretty(out, member, depth + 1);
      first = false;
    }
    out << "\n" << indent << "}";
  } else if (value.is_array() && !value.as_array().empty()) {
    out << "[\n";
    bool first = true;
    for (const auto& item : value.as_array()) {
      out << (first ? "" : ",\n") << inner;
      Pretty(out, item, depth + 1);
      first = false;
    }
    out << "\n" << indent << "]";
  } else {
    out << boost::json::serialize(value);
  }
}

TEST(StepForms, CatalogueSaysWhatEachStepNeeds) {
  TestServer server;
  HttpClient police = server.LoginAs("police");
  auto response = police.Get("/api/v1/reference/case-steps");
  ASSERT_EQ(response.status, 200) << response.body;
  const boost::json::value parsed = response.Json();
  const boost::json::object& catalogue = parsed.as_object();
  EXPECT_EQ(catalogue.at("steps").as_array().size(), 55u);
  EXPECT_EQ(StepOf(catalogue, "open_supervision").at("reason"), (boost::json::object{{"rule", "always"}}));

  const auto& order = StepOf(catalogue, "issue_order");
  EXPECT_EQ(order.at("tone"), "forward");
  EXPECT_EQ(FieldOf(order, "deadline").at("kind"), "date");
  EXPECT_TRUE(FieldOf(order, "deadline").at("required").as_bool());
  EXPECT_EQ(FieldOf(order, "deadline").at("after"), "served_at");
  // The addressee may be left out: the order then goes to the employer (docs/cases.md).
  const auto& addressee = FieldOf(order, "addressee");
  EXPECT_FALSE(addressee.at("required").as_bool());
  EXPECT_EQ(addressee.at("default"), "employer");
  EXPECT_EQ(addressee.at("options"), (boost::json::array{"employer", "actual_controller", "general_contractor", "developer"}));

  const auto& prosecution = StepOf(catalogue, "decide_prosecution");
  EXPECT_EQ(prosecution.at("reason"), (boost::json::object{{"rule", "when"}, {"when", {{"key", "decision"}, {"equals", "not_prosecute"}}}}));
  EXPECT_EQ(FieldOf(prosecution, "decision").at("options"), (boost::json::array{"prosecute", "not_prosecute"}));
  EXPECT_EQ(StepOf(catalogue, "decline_filing").at("reason"), (boost::json::object{{"rule", "always"}}));
  EXPECT_EQ(StepOf(catalogue, "decline_filing").at("tone"), "refusal");
  EXPECT_EQ(StepOf(catalogue, "sign_receipt").at("reason"), (boost::json::object{{"rule", "optional"}}));
  EXPECT_TRUE(StepOf(catalogue, "sign_receipt").at("fields").as_array().empty());

  EXPECT_EQ(FieldOf(StepOf(catalogue, "form_case_group"), "officers").at("min_items"), 2);
  const auto& penalty = FieldOf(StepOf(catalogue, "decide_malicious_claim"), "penalty");
  EXPECT_EQ(penalty.at("max_bytes"), 1000);
  EXPECT_EQ(penalty.at("shown_when"), (boost::json::object{{"key", "handling"}, {"equals", "public_order_penalty"}}));
}

TEST(StepForms, CatalogueIsRevalidatedByItsStrongEtagAndNeedsASignedInUser) {
  TestServer server;
  EXPECT_EQ(server.Client().Get("/api/v1/reference/case-steps").status, 401);
  HttpClient handler = server.LoginAs("handler");
  auto first = handler.Get("/api/v1/reference/case-steps");
  ASSERT_EQ(first.status, 200);
  const std::string etag = first.Header("etag");
  ASSERT_FALSE(etag.empty());
  EXPECT_EQ(etag.front(), '"') << "a strong ETag";
  EXPECT_EQ(first.Header("cache-control"), "no-cache");
  auto again = handler.Send("GET", "/api/v1/reference/case-steps", "", {{"If-None-Match", etag}});
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  EXPECT_EQ(again.Header("etag"), etag);
  auto stale = handler.Send("GET", "/api/v1/reference/case-steps", "", {{"If-None-Match", "\"old\""}});
  EXPECT_EQ(stale.status, 200);
  EXPECT_EQ(stale.body, first.body);
}

// The server refuses what the catalogue does not declare, and takes what it does.
TEST(StepForms, ParserAcceptsExactlyTheCataloguesPayloadFields) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  // The body is parsed before the case is looked up, so any id shows what the parser takes.
  const std::string id = "1";
  auto refused = handler.PostJson("/api/v1/cases/" + id + "/steps",
                                  {{"event", "issue_order"}, {"payload", {{"deadline", "2026-02-01"}, {"conduct", "abscond"}}}});
  EXPECT_EQ(refused.status, 400);
  EXPECT_NE(refused.body.find("payload.conduct"), std::string::npos) << refused.body;
  auto nested = handler.PostJson("/api/v1/cases/" + id + "/steps",
                                 {{"event", "refer_malicious_claim"}, {"reason", "x"},
                                  {"payload", {{"findings", {{"no_arrears", true}, {"fake", true}}}}}});
  EXPECT_EQ(nested.status, 400);
  EXPECT_NE(nested.body.find("payload.findings.fake"), std::string::npos) << nested.body;
  const std::string too_long(1001, 'x');
  auto text = handler.PostJson("/api/v1/cases/" + id + "/steps",
                               {{"event", "decide_malicious_claim"}, {"payload", {{"handling", "public_order_penalty"}, {"penalty", too_long}}}});
  EXPECT_EQ(text.status, 400);
  EXPECT_NE(text.body.find("payload.penalty"), std::string::npos) << text.body;
}

TEST(StepForms, WebFixtureIsWhatTheServerServes) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  auto response = handler.Get("/api/v1/reference/case-steps");
  ASSERT_EQ(response.status, 200);
  const boost::json::value served = response.Json();
  if (const char* update = std::getenv("WAGELINK_UPDATE_FIXTURES"); update && std::string(update) == "1") {
    std::ofstream out(kFixture);
    Pretty(out, served, 0);
    out << "\n";
    ASSERT_TRUE(out.good()) << kFixture;
  }
  std::ifstream in(kFixture);
  ASSERT_TRUE(in) << kFixture;
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(boost::json::parse(text.str()), served)
      << "web/tests/fixtures/case-steps.json differs from the server's catalogue: rewrite it (see the top of "
         "this file) and make the web unit tests pass against it";
}

}  // namespace
}  // namespace wagelink::testing
