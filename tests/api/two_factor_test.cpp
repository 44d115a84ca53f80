// Issue 13, two-factor sign-in: TOTP enrolment confirmed by a first code, ten one-time recovery
// codes, the two-stage sign-in, no replay, wrong codes counted, and the policy held by the
// security administrator. The demo district makes the factor optional; these tests require it.
#include <gtest/gtest.h>

#include "security/totp.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

// The security administrator makes the second factor required for `roles` (before enrolling).
void RequireSecondFactorFor(TestServer& server, std::vector<std::string> roles) {
  HttpClient secadmin = server.LoginAs("secadmin");
  auto policy = secadmin.Get("/api/v1/security/password-policy").Json().as_object();
  policy["two_factor_required_roles"] = boost::json::value_from(roles);
  auto saved = secadmin.PutJson("/api/v1/security/password-policy", policy);
  ASSERT_EQ(saved.status, 200) << saved.body;
}

std::string CodeAt(const std::string& secret_base32, UnixSeconds now) {
  return security::TotpAt(*security::Base32Decode(secret_base32), now);
}

struct Enrolled {
  std::string secret;
  std::vector<std::string> recovery_codes;
};

// Signs `username` in with the password (a pending session that must enrol), enrols, confirms.
Enrolled EnrolDuringSignIn(TestServer& server, HttpClient& client, const std::string& username) {
  auto login = client.Login(username, kDemoPassword);
  EXPECT_EQ(login.status, 200) << login.body;
  EXPECT_EQ(login.Json().at("user").at("second_factor"), "enrol");
  auto started = client.PostJson("/api/v1/auth/totp/enrolment", boost::json::object{});
  EXPECT_EQ(started.status, 200) << started.body;
  Enrolled out;
  out.secret = std::string(started.Json().at("secret").as_string());
  auto confirmed = client.PostJson("/api/v1/auth/totp/enrolment/confirm", {{"code", CodeAt(out.secret, server.clock().Now())}});
  EXPECT_EQ(confirmed.status, 200) << confirmed.body;
  auto answer = confirmed.Json();  // kept alive for the loop
  for (const auto& c : answer.at("recovery_codes").as_array()) out.recovery_codes.emplace_back(c.as_string());
  client.csrf_token = std::string(answer.at("csrf_token").as_string());
  return out;
}

TEST(TwoFactor, ARequiredRoleSignsInInTwoStagesAndEnrolsWithAFirstCode) {
  TestServer server;
  RequireSecondFactorFor(server, {"security_admin", "auditor", "system_admin", "unit_head"});
  HttpClient auditor = server.Client();
  auto login = auditor.Login("auditor", kDemoPassword);
  ASSERT_EQ(login.status, 200);
  EXPECT_EQ(login.Json().at("user").at("second_factor"), "enrol");
  auto blocked = auditor.Get("/api/v1/audit");
  EXPECT_EQ(blocked.status, 403) << "the password alone reaches nothing";
  EXPECT_EQ(blocked.Json().at("field"), "second_factor");
  EXPECT_EQ(auditor.Get("/api/v1/auth/me").status, 200);

  auto started = auditor.PostJson("/api/v1/auth/totp/enrolment", boost::json::object{});
  ASSERT_EQ(started.status, 200) << started.body;
  std::string uri(started.Json().at("otpauth_uri").as_string());
  std::string secret(started.Json().at("secret").as_string());
  EXPECT_EQ(uri.rfind("otpauth://totp/WageLink:auditor?secret=" + secret, 0), 0u) << uri;
  EXPECT_NE(uri.find("algorithm=SHA1&digits=6&period=30"), std::string::npos);
  EXPECT_EQ(auditor.PostJson("/api/v1/auth/totp/enrolment/confirm", {{"code", "000000"}}).status, 400);
  auto confirmed = auditor.PostJson("/api/v1/auth/totp/enrolment/confirm", {{"code", CodeAt(secret, server.clock().Now())}});
  ASSERT_EQ(confirmed.status, 200) << confirmed.body;
  EXPECT_EQ(confirmed.Json().at("recovery_codes").as_array().size(), 10u);
  EXPECT_FALSE(confirmed.Header("set-cookie").empty()) << "a new session replaces the pending one";
  auditor.csrf_token = std::string(confirmed.Json().at("csrf_token").as_string());
  EXPECT_EQ(auditor.Get("/api/v1/audit").status, 200);
  EXPECT_TRUE(auditor.Get("/api/v1/auth/me").Json().at("user").at("second_factor").is_null());
  EXPECT_TRUE(auditor.Get("/api/v1/auth/me").Json().at("user").at("two_factor_enrolled").as_bool());

  // Next time: password, then a code; the code of the enrolment's step is not accepted again.
  HttpClient next = server.Client();
  ASSERT_EQ(next.Login("auditor", kDemoPassword).Json().at("user").at("second_factor"), "totp");
  EXPECT_EQ(next.PostJson("/api/v1/auth/second-factor", {{"code", CodeAt(secret, server.clock().Now())}}).status, 400)
      << "a used code is refused (replay)";
  server.clock().Advance(30);
  auto verified = next.PostJson("/api/v1/auth/second-factor", {{"code", CodeAt(secret, server.clock().Now())}});
  ASSERT_EQ(verified.status, 200) << verified.body;
  next.csrf_token = std::string(verified.Json().at("csrf_token").as_string());
  EXPECT_EQ(next.Get("/api/v1/audit").status, 200);
  EXPECT_EQ(next.PostJson("/api/v1/auth/second-factor", {{"code", "123456"}}).status, 409) << "nothing owed any more";
  EXPECT_GE(next.Get("/api/v1/audit?q=auth.totp_enrolled").Json().at("total").as_int64(), 1);
}

TEST(TwoFactor, AnEnrolledUserNeedsTheFactorEvenWhereThePolicyLeavesItOptional) {
  TestServer server;  // the demo policy: optional for every role
  HttpClient handler = server.LoginAs("handler");
  auto started = handler.PostJson("/api/v1/auth/totp/enrolment", boost::json::object{});
  ASSERT_EQ(started.status, 200) << started.body;
  std::string secret(started.Json().at("secret").as_string());
  ASSERT_EQ(handler.PostJson("/api/v1/auth/totp/enrolment/confirm", {{"code", CodeAt(secret, server.clock().Now())}}).status,
            200);
  EXPECT_EQ(handler.PostJson("/api/v1/auth/totp/enrolment", boost::json::object{}).status, 409)
      << "no silent re-enrolment over a confirmed one";
  HttpClient again = server.Client();
  EXPECT_EQ(again.Login("handler", kDemoPassword).Json().at("user").at("second_factor"), "totp");
}

TEST(TwoFactor, RecoveryCodesWorkOnceEach) {
  TestServer server;
  RequireSecondFactorFor(server, {"unit_head"});
  HttpClient first = server.Client();
  Enrolled head = EnrolDuringSignIn(server, first, "head");
  ASSERT_EQ(head.recovery_codes.size(), 10u);
  HttpClient second = server.Client();
  second.Login("head", kDemoPassword);
  auto recovered = second.PostJson("/api/v1/auth/second-factor", {{"code", head.recovery_codes[3]}});
  ASSERT_EQ(recovered.status, 200) << recovered.body;
  HttpClient third = server.Client();
  third.Login("head", kDemoPassword);
  EXPECT_EQ(third.PostJson("/api/v1/auth/second-factor", {{"code", head.recovery_codes[3]}}).status, 400)
      << "a recovery code is used up";
  third.csrf_token = std::string(third.Get("/api/v1/auth/me").Json().at("csrf_token").as_string());
  EXPECT_EQ(third.Get("/api/v1/auth/totp").Json().at("recovery_codes_left").as_int64(), 9);
}

TEST(TwoFactor, WrongCodesEndThePendingSessionAtTheLockoutLimit) {
  TestServer server;
  RequireSecondFactorFor(server, {"unit_head"});
  HttpClient first = server.Client();
  EnrolDuringSignIn(server, first, "head");
  HttpClient guesser = server.Client();
  guesser.Login("head", kDemoPassword);
  for (int i = 0; i < 4; ++i) EXPECT_EQ(guesser.PostJson("/api/v1/auth/second-factor", {{"code", "000001"}}).status, 400);
  auto locked = guesser.PostJson("/api/v1/auth/second-factor", {{"code", "000001"}});
  EXPECT_EQ(locked.status, 423) << locked.body;
  EXPECT_EQ(guesser.Get("/api/v1/auth/me").status, 401) << "the pending session is ended";
}

TEST(TwoFactor, ThePolicyIsTheSecurityAdministratorsAndAudited) {
  TestServer server;
  HttpClient secadmin = server.LoginAs("secadmin");
  auto policy = secadmin.Get("/api/v1/security/password-policy").Json().as_object();
  EXPECT_TRUE(policy.at("two_factor_required_roles").as_array().empty()) << "the demo district: optional";
  policy["two_factor_required_roles"] = boost::json::array{"unit_head", "no_such_role"};
  EXPECT_EQ(secadmin.PutJson("/api/v1/security/password-policy", policy).status, 400);
  HttpClient sysadmin = server.LoginAs("sysadmin");
  policy["two_factor_required_roles"] = boost::json::array{"unit_head"};
  EXPECT_EQ(sysadmin.PutJson("/api/v1/security/password-policy", policy).status, 403);
  EXPECT_EQ(secadmin.PutJson("/api/v1/security/password-policy", policy).status, 200);
  auto trail = server.LoginAs("auditor").Get("/api/v1/audit?q=security.policy_change").Json();
  EXPECT_EQ(trail.at("total").as_int64(), 2) << "the demo seeding's and this change";
  HttpClient head = server.Client();
  EXPECT_EQ(head.Login("head", kDemoPassword).Json().at("user").at("second_factor"), "enrol");
}

TEST(TwoFactor, TheSecurityAdministratorResetsALostEnrolment) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  auto started = handler.PostJson("/api/v1/auth/totp/enrolment", boost::json::object{});
  std::string secret(started.Json().at("secret").as_string());
  ASSERT_EQ(handler.PostJson("/api/v1/auth/totp/enrolment/confirm", {{"code", CodeAt(secret, server.clock().Now())}}).status,
            200);
  auto id = handler.Get("/api/v1/auth/me").Json().at("user").at("id").as_int64();
  EXPECT_EQ(server.LoginAs("sysadmin").PostJson("/api/v1/users/" + std::to_string(id) + "/two-factor/reset",
                                                 boost::json::object{}).status,
            403);
  EXPECT_EQ(server.LoginAs("secadmin").PostJson("/api/v1/users/" + std::to_string(id) + "/two-factor/reset",
                                                 boost::json::object{}).status,
            204);
  HttpClient again = server.Client();
  EXPECT_TRUE(again.Login("handler", kDemoPassword).Json().at("user").at("second_factor").is_null());
}

}  // namespace
}  // namespace wagelink::testing
