// /api/v1/auth: sign in, who am I, sign out, change password.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/guard.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "services/auth_service.h"

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
                          {"idle_timeout_seconds", u.idle_timeout_seconds}};
  if (u.password_expires_at) {
    out["password_expires_at"] = *u.password_expires_at;
  } else {
    out["password_expires_at"] = nullptr;
  }
  return out;
}

}  // namespace

void RegisterAuthRoutes(http::Router& router, const ApiContext& context) {
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
    auto response = http::Response::Json(200, boost::json::object{{"csrf_token", result->csrf_token},
                                                                  {"user", UserJson(result->user)}});
    response.SetHeader("Set-Cookie", SessionCookie(context, result->session_token));
    return response;
  }, {.public_route = true, .max_body_bytes = 4096});

  router.Add("GET", "/api/v1/auth/me", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto view = context.auth->Me(who);
    if (!view) return Problem(request, view.error());
    auto token = request.Cookie(SessionCookieName(context)).value_or("");
    return http::Response::Json(200, boost::json::object{{"csrf_token", context.auth->CsrfTokenFor(token)},
                                                         {"user", UserJson(*view)}});
  }, {.allowed_during_password_change = true}));

  router.Add("POST", "/api/v1/auth/logout", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    if (auto done = context.auth->Logout(who); !done) return Problem(request, done.error());
    auto response = http::Response::NoContent();
    response.SetHeader("Set-Cookie", ExpiredSessionCookie(context));
    return response;
  }, {.allowed_during_password_change = true}));

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
