// Bodies and the liaison roster: readable by every body, edited only by the wage-arrears office.
#include <gtest/gtest.h>

#include <set>

#include "support/test_server.h"

namespace wagelink::testing {
namespace {

TEST(Roster, DemoDistrictHasSevenBodiesUnderTheRegionAndTheFiveNamedLiaisons) {
  TestServer server;
  HttpClient police = server.LoginAs("police");
  auto bodies = police.Get("/api/v1/bodies").Json().at("items").as_array();
  int under_region = 0;
  for (const auto& b : bodies) under_region += b.at("parent_code") == "district";
  EXPECT_EQ(under_region, 7);
  auto liaisons = police.Get("/api/v1/liaisons").Json().at("items").as_array();
  ASSERT_EQ(liaisons.size(), 5u);
  std::set<std::string> names;
  for (const auto& l : liaisons) names.insert(std::string(l.at("name").as_string()));
  EXPECT_EQ(names, (std::set<std::string>{"赵明", "付立红", "鄂晶晶", "周智勇", "闫志强"}));
}

TEST(Roster, OnlyTheWageOfficeEditsTheRoster) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  boost::json::object entry{{"body_code", "court"}, {"name", "张法官"}, {"title", "立案庭副庭长"}, {"phone", "4037263"}};
  EXPECT_EQ(handler.PostJson("/api/v1/liaisons", entry).status, 403);
  HttpClient coordinator = server.LoginAs("coordinator");
  auto created = coordinator.PostJson("/api/v1/liaisons", entry);
  ASSERT_EQ(created.status, 201) << created.body;
  std::string path = "/api/v1/liaisons/" + std::to_string(created.Json().at("id").as_int64());
  entry["title"] = "立案庭庭长";
  auto updated = coordinator.PutJson(path, entry);
  ASSERT_EQ(updated.status, 200);
  EXPECT_EQ(updated.Json().at("title").as_string(), "立案庭庭长");
  EXPECT_EQ(handler.Get("/api/v1/liaisons").Json().at("items").as_array().size(), 6u);
  EXPECT_EQ(coordinator.Delete(path).status, 204);
  EXPECT_EQ(coordinator.Delete(path).status, 404);
  EXPECT_EQ(coordinator.Delete("/api/v1/liaisons/abc").status, 404);
}

TEST(Roster, InvalidEntriesAreRefusedWithTheFieldNamed) {
  TestServer server;
  HttpClient coordinator = server.LoginAs("coordinator");
  auto bad_body = coordinator.PostJson("/api/v1/liaisons", {{"body_code", "mars"}, {"name", "x"}, {"title", "y"}, {"phone", "4037263"}});
  EXPECT_EQ(bad_body.status, 400);
  EXPECT_EQ(bad_body.Json().at("field").as_string(), "body_code");
  auto bad_phone = coordinator.PostJson("/api/v1/liaisons", {{"body_code", "court"}, {"name", "x"}, {"title", "y"}, {"phone", "<script>"}});
  EXPECT_EQ(bad_phone.status, 400);
  EXPECT_EQ(bad_phone.Json().at("field").as_string(), "phone");
  auto missing = coordinator.PostJson("/api/v1/liaisons", {{"body_code", "court"}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.Json().at("field").as_string(), "name");
}

}  // namespace
}  // namespace wagelink::testing

namespace wagelink::testing {
namespace {

TEST(Roster, ColleaguesAreTheActiveUsersOfTheCallersOwnBodyWithTheirRoles) {
  TestServer server;
  auto colleagues = server.LoginAs("handler").Get("/api/v1/colleagues");
  ASSERT_EQ(colleagues.status, 200) << colleagues.body;
  std::vector<std::string> names;
  const auto json = colleagues.Json();
  for (const auto& item : json.at("items").as_array()) names.emplace_back(item.at("username").as_string());
  EXPECT_EQ(names, (std::vector<std::string>{"handler", "handler2", "head", "liaison"}));
  EXPECT_EQ(json.at("items").at(3).at("roles"), (boost::json::array{"case_handler", "liaison_officer"}));
  EXPECT_EQ(colleagues.body.find("password"), std::string::npos);

  auto police = server.LoginAs("police").Get("/api/v1/colleagues").Json();
  ASSERT_EQ(police.at("items").as_array().size(), 1u) << "only the caller's own body";
  EXPECT_EQ(police.at("items").at(0).at("username"), "police");
  EXPECT_EQ(server.Client().Get("/api/v1/colleagues").status, 401);
}

}  // namespace
}  // namespace wagelink::testing
