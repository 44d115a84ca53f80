// /api/v1/auth: sign in, who am I, sign out, change password.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/guard.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "services/auth_service.h"
#include "services/two_factor_service.h"

namespace wagelink::api {
namespace {

boost::json::object UserJson(const services::UserView& u) {
  boost::json::array roles, permissions;
  for (auto r : u.roles) roles.emplace_back(security::RoleCode(r));
  for (auto p : u.permissions) permissions.emplace_back(security::PermissionCode(p));
  boost::json::object out{{"id", u.id},
                          {"username", u.username},
                          {"display_name", u.display_name},
                          {"body", {{"code", u.body_code}, {"name_zh", u.body_name_zh}, {"name_en", u.body_name_en}}},
                          {"roles", roles},
                          {"permissions", permissions},
                          {"must_change_password", u.must_change_password},
                          {"idle_timeout_seconds", u.idle_timeout_seconds},
                          {"two_factor_enrolled", u.two_factor_enrolled},
                          {"two_factor_required", u.two_factor_required},
                          // "totp" or "enrol" while the sign-in owes its second stage; null after.
                          {"second_factor", u.second_factor.empty() ? boost::json::value(nullptr)
                                                                    : boost::json::value(u.second_factor)}};
  if (u.password_expires_at) {
    out["password_expires_at"] = *u.password_expires_at;
  } else {
    out["password_expires_at"] = nullptr;
  }
  return out;
}

// A completed sign-in: the new session's cookie and CSRF token.
http::Response SignedIn(const ApiContext& context, const services::LoginResult& result, boost::json::object extra = {}) {
  extra["csrf_token"] = result.csrf_token;
  extra["user"] = UserJson(result.user);
  auto response = http::Response::Json(200, std::move(extra));
  response.SetHeader("Set-Cookie", SessionCookie(context, result.session_token));
  return response;
}

// {"code": "123456"}: a TOTP code or a recovery code; nothing else.
Result<std::string> ReadCode(const http::Request& request) {
  auto body = http::ParseJsonObject(request, {"code"});
  if (!body) return body.error();
  auto code = http::RequiredString(*body, "code", 32);
  if (!code) return code.error();
  return *code;
}

void RegisterTwoFactorRoutes(http::Router& router, const ApiContext& context) {
  const GuardOptions during_sign_in{.allowed_during_password_change = true, .allowed_during_second_factor = true};
  router.Add("POST", "/api/v1/auth/second-factor", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto code = ReadCode(request);
    if (!code) return Problem(request, code.error());
    auto result = context.two_factor->VerifySignIn(who, *code, {request.client_address, request.AuditRequestId()});
    if (!result) return Problem(request, result.error());
    return SignedIn(context, *result);
  }, during_sign_in));

  router.Add("GET", "/api/v1/auth/totp", Authed(context, [&context](http::Request&, const services::Principal& who) {
    auto status = context.two_factor->StateOf(who);
    return http::Response::Json(200, boost::json::object{{"enrolled", status.enrolled},
                                                         {"required", status.required},
                                                         {"recovery_codes_left", status.recovery_codes_left}});
  }, during_sign_in));

  router.Add("POST", "/api/v1/auth/totp/enrolment", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto enrolment = context.two_factor->BeginEnrolment(who);
    if (!enrolment) return Problem(request, enrolment.error());
    auto response = http::Response::Json(200, boost::json::object{{"otpauth_uri", enrolment->otpauth_uri},
                                                                  {"secret", enrolment->secret_base32}});
    response.SetHeader("Cache-Control", "no-store");
    return response;
  }, during_sign_in));

  router.Add("POST", "/api/v1/auth/totp/enrolment/confirm", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto code = ReadCode(request);
    if (!code) return Problem(request, code.error());
    auto confirmed = context.two_factor->ConfirmEnrolment(who, *code, {request.client_address, request.AuditRequestId()});
    if (!confirmed) return Problem(request, confirmed.error());
    boost::json::array codes;
    for (const auto& c : confirmed->recovery_codes) codes.emplace_back(c);
    if (confirmed->completed_sign_in) {
      auto response = SignedIn(context, *confirmed->completed_sign_in, {{"recovery_codes", codes}});
      response.SetHeader("Cache-Control", "no-store");
      return response;
    }
    auto response = http::Response::Json(200, boost::json::object{{"recovery_codes", codes}});
    response.SetHeader("Cache-Control", "no-store");
    return response;
  }, during_sign_in));

  router.Add("POST", "/api/v1/users/{id}/two-factor/reset", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    if (auto done = context.two_factor->Reset(who, *id); !done) return Problem(request, done.error());
    return http::Response::NoContent();
  }, {.permission = security::Permission::kSessionManage}));
}

}  // namespace

void RegisterAuthRoutes(http::Router& router, const ApiContext& context) {
  RegisterTwoFactorRoutes(router, context);
  // Public: the sign-in page warns while demo accounts still use the published password (served
  // on loopback only; `serve` refuses any other address then).
  router.Add("GET", "/api/v1/auth/demo-notice", [&context](http::Request&) {
    bool published = context.published_demo_password && context.published_demo_password->load();
    return http::Response::Json(200, boost::json::object{{"published_demo_password", published}});
  }, {.public_route = true});

  router.Add("POST", "/api/v1/auth/login", [&context](http::Request& request) {
    auto body = http::ParseJsonObject(request, {"username", "password"});
    if (!body) return Problem(request, body.error());
    auto username = http::RequiredString(*body, "username", 64);
    if (!username) return Problem(request, username.error());
    auto password = http::RequiredString(*body, "password", 256);
    if (!password) return Problem(request, password.error());
    auto result = context.auth->Login(*username, *password, {request.client_address, request.AuditRequestId()});
    if (!result) {
      auto response = Problem(request, result.error());
      if (result.error().code == ErrorCode::kTooManyRequests) response.SetHeader("Retry-After", "60");
      return response;
    }
    return SignedIn(context, *result);
  }, {.public_route = true, .max_body_bytes = 4096});

  router.Add("GET", "/api/v1/auth/me", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto view = context.auth->Me(who);
    if (!view) return Problem(request, view.error());
    auto token = request.Cookie(SessionCookieName(context)).value_or("");
    return http::Response::Json(200, boost::json::object{{"csrf_token", context.auth->CsrfTokenFor(token)},
                                                         {"user", UserJson(*view)}});
  }, {.allowed_during_password_change = true, .allowed_during_second_factor = true}));

  router.Add("POST", "/api/v1/auth/logout", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    if (auto done = context.auth->Logout(who); !done) return Problem(request, done.error());
    auto response = http::Response::NoContent();
    response.SetHeader("Set-Cookie", ExpiredSessionCookie(context));
    return response;
  }, {.allowed_during_password_change = true, .allowed_during_second_factor = true}));

  router.Add("POST", "/api/v1/auth/password", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObject(request, {"old_password", "new_password"});
    if (!body) return Problem(request, body.error());
    auto old_password = http::RequiredString(*body, "old_password", 256);
    if (!old_password) return Problem(request, old_password.error());
    auto new_password = http::RequiredString(*body, "new_password", 256);
    if (!new_password) return Problem(request, new_password.error());
    if (auto done = context.auth->ChangePassword(who, *old_password, *new_password); !done) {
      return Problem(request, done.error());
    }
    return http::Response::NoContent();
  }, {.allowed_during_password_change = true}));
}

}  // namespace wagelink::api
