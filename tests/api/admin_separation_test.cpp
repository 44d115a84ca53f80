// Issue 13, 三员分立: no administrator changes another administrator's account or roles alone; the
// change waits for a second, different administrator, and every step is in the audit trail.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace wagelink::testing {
namespace {

std::int64_t UserId(HttpClient& admin, const std::string& username) {
  auto users = admin.Get("/api/v1/users?q=" + username).Json();  // kept alive for the loop
  for (const auto& u : users.at("items").as_array()) {
    if (u.at("username").as_string() == username) return u.at("id").as_int64();
  }
  return 0;
}

TEST(AdminSeparation, DisablingTheAuditorWaitsForASecondAdministrator) {
  TestServer server;
  HttpClient sysadmin = server.LoginAs("sysadmin");
  HttpClient auditor = server.LoginAs("auditor");
  auto auditor_id = UserId(sysadmin, "auditor");
  auto asked = sysadmin.PatchJson("/api/v1/users/" + std::to_string(auditor_id), {{"active", false}});
  ASSERT_EQ(asked.status, 202) << asked.body;
  auto request_id = asked.Json().at("pending_request").at("id").as_int64();
  EXPECT_EQ(asked.Json().at("pending_request").at("status"), "pending");
  EXPECT_EQ(auditor.Get("/api/v1/auth/me").status, 200) << "nothing applied yet";

  auto path = "/api/v1/admin-change-requests/" + std::to_string(request_id);
  EXPECT_EQ(sysadmin.PostJson(path + "/approve", boost::json::object{}).status, 403) << "not by the one who asked";
  EXPECT_EQ(auditor.PostJson(path + "/approve", boost::json::object{}).status, 403) << "not by the one it changes";
  EXPECT_EQ(server.LoginAs("handler").PostJson(path + "/approve", boost::json::object{}).status, 403)
      << "only administrators decide";

  HttpClient secadmin = server.LoginAs("secadmin");
  auto pending = secadmin.Get("/api/v1/admin-change-requests?status=pending");
  ASSERT_EQ(pending.status, 200);
  ASSERT_EQ(pending.Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(pending.Json().at("items").at(0).at("requested_by_display_name"), "系统管理员");
  auto approved = secadmin.PostJson(path + "/approve", boost::json::object{});
  ASSERT_EQ(approved.status, 200) << approved.body;
  EXPECT_EQ(approved.Json().at("status"), "approved");
  EXPECT_EQ(auditor.Get("/api/v1/auth/me").status, 401) << "applied on approval: the auditor is disabled";
  EXPECT_EQ(secadmin.PostJson(path + "/approve", boost::json::object{}).status, 409) << "decided once";
}

TEST(AdminSeparation, RoleChangesOfAdministratorsAndPromotionsWaitAndCanBeRejected) {
  TestServer server;
  HttpClient secadmin = server.LoginAs("secadmin");
  auto sysadmin_id = UserId(secadmin, "sysadmin");
  auto promote = secadmin.PatchJson("/api/v1/users/" + std::to_string(sysadmin_id), {{"roles", {"security_admin"}}});
  ASSERT_EQ(promote.status, 202) << promote.body;
  auto request_id = promote.Json().at("pending_request").at("id").as_int64();
  HttpClient auditor = server.LoginAs("auditor");
  auto rejected = auditor.PostJson("/api/v1/admin-change-requests/" + std::to_string(request_id) + "/reject",
                                   boost::json::object{});
  ASSERT_EQ(rejected.status, 200) << rejected.body;
  EXPECT_EQ(rejected.Json().at("status"), "rejected");
  HttpClient sysadmin = server.LoginAs("sysadmin");
  auto roles = sysadmin.Get("/api/v1/auth/me").Json().at("user").at("roles");
  EXPECT_EQ(roles, boost::json::value_from(std::vector<std::string>{"system_admin"})) << "unchanged";

  // Making an ordinary user an administrator waits as well.
  auto coordinator_id = UserId(secadmin, "coordinator");
  EXPECT_EQ(secadmin.PatchJson("/api/v1/users/" + std::to_string(coordinator_id), {{"roles", {"auditor"}}}).status, 202);
  // An ordinary change to an ordinary account is applied at once, as before.
  auto police_id = UserId(secadmin, "police");
  EXPECT_EQ(sysadmin.PatchJson("/api/v1/users/" + std::to_string(police_id), {{"display_name", "赵明明"}}).status, 200);

  EXPECT_EQ(auditor.Get("/api/v1/audit?q=user.change_requested").Json().at("total").as_int64(), 2);
  EXPECT_EQ(auditor.Get("/api/v1/audit?q=user.change_rejected").Json().at("total").as_int64(), 1);
}

}  // namespace
}  // namespace wagelink::testing
