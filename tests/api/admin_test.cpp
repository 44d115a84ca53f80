// 三员分立: the system admin, security admin and auditor each do only their own work; role
// combinations that break the separation are refused; every change lands in the audit log.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace wagelink::testing {
namespace {

std::int64_t CreateUser(HttpClient& sysadmin, const std::string& username, const std::string& body) {
  auto created = sysadmin.PostJson("/api/v1/users", {{"username", username}, {"display_name", "测试用户"},
                                                      {"body_code", body}, {"password", "Initial#Pass2026"}});
  EXPECT_EQ(created.status, 201) << created.body;
  return created.Json().at("id").as_int64();
}

TEST(Admin, SystemAdminCreatesAccountsButCannotAssignRoles) {
  TestServer server;
  HttpClient sysadmin = server.LoginAs("sysadmin");
  std::int64_t id = CreateUser(sysadmin, "li.si", "police");
  auto roles = sysadmin.PatchJson("/api/v1/users/" + std::to_string(id), {{"roles", {"police_officer"}}});
  EXPECT_EQ(roles.status, 403);
  auto rename = sysadmin.PatchJson("/api/v1/users/" + std::to_string(id), {{"display_name", "李四"}});
  EXPECT_EQ(rename.status, 200);
  EXPECT_EQ(rename.Json().at("display_name").as_string(), "李四");
}

TEST(Admin, SecurityAdminAssignsRolesButCannotCreateAccounts) {
  TestServer server;
  HttpClient sysadmin = server.LoginAs("sysadmin");
  std::int64_t id = CreateUser(sysadmin, "li.si", "police");
  HttpClient secadmin = server.LoginAs("secadmin");
  EXPECT_EQ(secadmin.PostJson("/api/v1/users", {{"username", "x.y"}, {"display_name", "x"}, {"body_code", "police"},
                                                {"password", "Initial#Pass2026"}}).status, 403);
  auto assigned = secadmin.PatchJson("/api/v1/users/" + std::to_string(id), {{"roles", {"police_officer"}}});
  ASSERT_EQ(assigned.status, 200) << assigned.body;
  EXPECT_EQ(assigned.Json().at("roles").as_array().at(0).as_string(), "police_officer");
}

TEST(Admin, RoleSetsBreakingSeparationOfDutiesAreRefused) {
  TestServer server;
  std::int64_t id;
  {
    HttpClient sysadmin = server.LoginAs("sysadmin");
    id = CreateUser(sysadmin, "li.si", "wage_office");
  }
  HttpClient secadmin = server.LoginAs("secadmin");
  std::string target = "/api/v1/users/" + std::to_string(id);
  for (auto roles : {boost::json::array{"system_admin", "auditor"}, boost::json::array{"security_admin", "auditor"},
                     boost::json::array{"system_admin", "security_admin"}, boost::json::array{"auditor", "wage_office_coordinator"},
                     boost::json::array{"system_admin", "case_handler"}}) {
    auto response = secadmin.PatchJson(target, {{"roles", roles}});
    EXPECT_EQ(response.status, 400) << boost::json::serialize(roles) << " " << response.body;
    EXPECT_EQ(response.Json().at("field").as_string(), "roles");
  }
  EXPECT_EQ(secadmin.PatchJson(target, {{"roles", {"no_such_role"}}}).status, 400);
  EXPECT_EQ(secadmin.PatchJson(target, {{"roles", {"police_officer"}}}).status, 400) << "a police role outside the police";
}

int handler_reads_policy(TestServer& server) {
  return server.LoginAs("handler").Get("/api/v1/security/password-policy").status;
}

TEST(Admin, AdministratorsCannotReachBusinessDataOrEachOthersWork) {
  TestServer server;
  HttpClient sysadmin = server.LoginAs("sysadmin"), secadmin = server.LoginAs("secadmin"), auditor = server.LoginAs("auditor");
  EXPECT_EQ(sysadmin.Get("/api/v1/audit").status, 403);
  EXPECT_EQ(secadmin.Get("/api/v1/audit").status, 403);
  EXPECT_EQ(auditor.Get("/api/v1/audit").status, 200);
  EXPECT_EQ(auditor.Get("/api/v1/users").status, 403);
  EXPECT_EQ(auditor.Get("/api/v1/security/sessions").status, 403);
  EXPECT_EQ(sysadmin.PutJson("/api/v1/security/password-policy", {{"lockout_threshold", 4}}).status, 403);
  EXPECT_EQ(handler_reads_policy(server), 200) << "the rules are shown on the change-password page";
  EXPECT_EQ(secadmin.Get("/api/v1/security/login-log").status, 403);
  EXPECT_EQ(auditor.Get("/api/v1/security/login-log").status, 200);
  HttpClient handler = server.LoginAs("handler");
  EXPECT_EQ(handler.Get("/api/v1/users").status, 403);
  EXPECT_EQ(handler.Get("/api/v1/audit").status, 403);
}

TEST(Admin, NobodyCanChangeTheirOwnRolesOrDisableThemselves) {
  TestServer server;
  HttpClient secadmin = server.LoginAs("secadmin");
  auto me = secadmin.Get("/api/v1/auth/me").Json().at("user").at("id").as_int64();
  EXPECT_EQ(secadmin.PatchJson("/api/v1/users/" + std::to_string(me), {{"roles", {"security_admin"}}}).status, 403);
}

TEST(Admin, DisablingAUserEndsTheirSessions) {
  TestServer server;
  HttpClient police = server.LoginAs("police");
  auto police_id = police.Get("/api/v1/auth/me").Json().at("user").at("id").as_int64();
  HttpClient sysadmin = server.LoginAs("sysadmin");
  ASSERT_EQ(sysadmin.PatchJson("/api/v1/users/" + std::to_string(police_id), {{"active", false}}).status, 200);
  EXPECT_EQ(police.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(server.Client().Login("police", kDemoPassword).status, 401);
}

TEST(Admin, SecurityAdminSeesOnlineSessionsAndForcesLogout) {
  TestServer server;
  HttpClient judge = server.LoginAs("judge");
  HttpClient secadmin = server.LoginAs("secadmin");
  auto sessions = secadmin.Get("/api/v1/security/sessions");
  ASSERT_EQ(sessions.status, 200);
  std::int64_t judge_session = 0;
  auto sessions_json = sessions.Json();
  for (const auto& s : sessions_json.at("items").as_array()) {
    if (s.at("username").as_string() == "judge") judge_session = s.at("id").as_int64();
  }
  ASSERT_NE(judge_session, 0);
  EXPECT_EQ(secadmin.Delete("/api/v1/security/sessions/" + std::to_string(judge_session)).status, 204);
  EXPECT_EQ(judge.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(secadmin.Delete("/api/v1/security/sessions/" + std::to_string(judge_session)).status, 404);
}

TEST(Admin, PasswordPolicyIsValidatedAndTakesEffect) {
  TestServer server;
  HttpClient secadmin = server.LoginAs("secadmin");
  auto policy = secadmin.Get("/api/v1/security/password-policy");
  ASSERT_EQ(policy.status, 200);
  EXPECT_EQ(policy.Json().at("lockout_threshold").as_int64(), 5);
  EXPECT_EQ(secadmin.PutJson("/api/v1/security/password-policy", {{"lockout_threshold", 1}}).status, 400);
  EXPECT_EQ(secadmin.PutJson("/api/v1/security/password-policy", {{"shoe_size", 42}}).status, 400);
  ASSERT_EQ(secadmin.PutJson("/api/v1/security/password-policy", {{"lockout_threshold", 3}}).status, 200);
  for (int i = 0; i < 2; ++i) EXPECT_EQ(server.Client().Login("legalaid", "wrong").status, 401);
  EXPECT_EQ(server.Client().Login("legalaid", "wrong").status, 423);
}

TEST(Admin, AuditorReadsLoginLogWithSuccessesAndFailures) {
  TestServer server;
  server.Client().Login("handler", "wrong");
  server.LoginAs("handler");
  HttpClient auditor = server.LoginAs("auditor");
  auto log = auditor.Get("/api/v1/security/login-log?page_size=10");
  ASSERT_EQ(log.status, 200);
  bool saw_failure = false, saw_success = false;
  auto log_json = log.Json();
  for (const auto& row : log_json.at("items").as_array()) {
    if (row.at("username").as_string() != "handler") continue;
    (row.at("success").as_bool() ? saw_success : saw_failure) = true;
  }
  EXPECT_TRUE(saw_failure);
  EXPECT_TRUE(saw_success);
  EXPECT_EQ(auditor.Get("/api/v1/security/login-log?page_size=0").status, 400);
}

TEST(Admin, EveryAdministrativeChangeIsAudited) {
  TestServer server;
  HttpClient sysadmin = server.LoginAs("sysadmin");
  std::int64_t id = CreateUser(sysadmin, "li.si", "court");
  HttpClient secadmin = server.LoginAs("secadmin");
  ASSERT_EQ(secadmin.PatchJson("/api/v1/users/" + std::to_string(id), {{"roles", {"court_judge"}}}).status, 200);
  HttpClient auditor = server.LoginAs("auditor");
  auto created = auditor.Get("/api/v1/audit?q=user.create").Json();
  ASSERT_EQ(created.at("total").as_int64(), 1);
  auto entry = created.at("items").at(0).as_object();
  EXPECT_EQ(entry.at("actor_username").as_string(), "sysadmin");
  EXPECT_EQ(entry.at("target_id").as_string(), std::to_string(id));
  EXPECT_EQ(entry.at("role").as_string(), "system_admin");
  EXPECT_FALSE(entry.at("request_id").as_string().empty());
  EXPECT_EQ(auditor.Get("/api/v1/audit?q=user.roles_change").Json().at("total").as_int64(), 1);
  EXPECT_GE(auditor.Get("/api/v1/audit?q=auth.login").Json().at("total").as_int64(), 3);
}

}  // namespace
}  // namespace wagelink::testing
