#pragma once
// Turns a handler that needs a signed-in user into a router handler: reads the session cookie,
// authenticates, enforces the CSRF token on unsafe methods, blocks everything but the password
// change while a change is required, and checks the route's permission. The same checks are the
// route's admission, which the server runs from the headers before reading a large body; an
// expensive route (PDF, XLSX, dashboard) also takes one of the user's few rendering slots.
#include <boost/json/object.hpp>
#include <functional>
#include <optional>
#include <vector>

#include "api/api_context.h"
#include "core/error.h"
#include "domain/civil_date.h"
#include "http/message.h"
#include "http/problem.h"
#include "http/router.h"
#include "security/roles.h"
#include "services/principal.h"

namespace wagelink::api {

using AuthedHandler = std::function<http::Response(http::Request&, const services::Principal&)>;

struct GuardOptions {
  std::optional<security::Permission> permission;  // checked before the handler runs
  bool allowed_during_password_change = false;     // /auth/me, /auth/password, /auth/logout
  // A session that has passed the password but owes the second factor reaches only these
  // (/auth/me, /auth/logout, the second-factor and enrolment routes).
  bool allowed_during_second_factor = false;
  bool expensive = false;  // at most server.max_expensive_per_user of these per user at once (429)
  // At least one of these, checked before the handler reads the body: a write route answers 403 to a
  // principal who may not write there at all, whatever the body (permission before validation). The
  // service still decides the finer rule (which step, which body).
  std::vector<security::Permission> any_of;
};

// The permissions under which someone acts on a case (a step, a payment, a finding, a document; the
// grants of domain/case_steps.h): a principal holding none of them may write nothing on a case.
const std::vector<security::Permission>& CaseActingPermissions();

http::GuardedHandler Authed(const ApiContext& context, AuthedHandler handler, GuardOptions options = {});

// The 429 of a per-user limit: the stable code too_many_requests, Retry-After in seconds.
http::Response TooManyAtOnce(const http::Request& request, std::string zh, std::string en, int retry_after_seconds);

std::string SessionCookieName(const ApiContext& context);
std::string SessionCookie(const ApiContext& context, const std::string& token);  // Set-Cookie value
std::string ExpiredSessionCookie(const ApiContext& context);

// Maps a failed Result to a problem response for this request.
inline http::Response Problem(const http::Request& request, const Error& error) {
  return http::ProblemResponse(error, request.request_id);
}

// Reads the {id} path parameter as a positive integer.
Result<std::int64_t> PathId(const http::Request& request, std::string_view name = "id");
// An optional positive id in the query string (?project_id=3); absent gives nullopt.
Result<std::optional<std::int64_t>> QueryId(const http::Request& request, std::string_view name);

// The one required text field of a small action body, nothing else in it (a withdrawal's reason,
// a closing's evidence): at most 4,000 characters.
Result<std::string> ActionText(const http::Request& request, std::string_view field);

// An optional "YYYY-MM-DD" body field; absent or null gives nullopt, anything else must be a date.
Result<std::optional<domain::CivilDate>> OptionalDate(const boost::json::object& body, std::string_view field);

}  // namespace wagelink::api
