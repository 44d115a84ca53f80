#include "api/guard.h"

#include <algorithm>
#include <charconv>
#include <variant>

#include "http/body_spool.h"
#include "http/json_body.h"
#include "security/digest.h"
#include "services/admin_service.h"
#include "services/auth_service.h"
#include "services/read_your_writes.h"
#include "services/write_receipts.h"

namespace wagelink::api {

std::string SessionCookieName(const ApiContext& context) {
  // __Host- requires Secure; on plain-HTTP development setups the name says so instead.
  return context.secure_cookies ? "__Host-wagelink_session" : "wagelink_session_insecure_dev";
}

std::string SessionCookie(const ApiContext& context, const std::string& token) {
  return SessionCookieName(context) + "=" + token + "; Path=/; HttpOnly; SameSite=Strict" +
         (context.secure_cookies ? "; Secure" : "");
}

namespace {

// The position a session's reads must see (services/read_your_writes.h): HttpOnly like the session,
// and gone when the browser closes, with the session cookie.
std::string ReadAfterCookieName(const ApiContext& context) {
  return context.secure_cookies ? "__Host-wagelink_read_after" : "wagelink_read_after";
}

bool ReadsMayGoToAStandby(const ApiContext& context) {
  return context.read_your_writes != nullptr && context.read_your_writes->needed();
}

// After a write that succeeded, the session's later reads must include it wherever they are served.
void RememberTheWrite(const ApiContext& context, const http::Request& request, http::Response& response) {
  if (!ReadsMayGoToAStandby(context) || !request.IsUnsafeMethod() || response.status >= 400) return;
  try {
    response.AddHeader("Set-Cookie", ReadAfterCookieName(context) + "=" + context.read_your_writes->PositionNow() +
                                         "; Path=/; HttpOnly; SameSite=Strict" + (context.secure_cookies ? "; Secure" : ""));
  } catch (const store::DatabaseError&) {
    // The write is committed; failing its answer now would make the client repeat it. Without the
    // cookie the session may, at worst, not see its write on the standby for a moment.
  }
}

}  // namespace

std::string ExpiredSessionCookie(const ApiContext& context) {
  return SessionCookieName(context) + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0" +
         (context.secure_cookies ? "; Secure" : "");
}

Result<std::int64_t> PathId(const http::Request& request, std::string_view name) {
  auto text = request.PathParam(name);
  std::int64_t id = 0;
  if (text) {
    auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
    if (ec == std::errc() && end == text->data() + text->size() && id > 0) return id;
  }
  return MakeError(ErrorCode::kNotFound, "编号无效", "invalid id", std::string(name));
}

Result<std::optional<std::int64_t>> QueryId(const http::Request& request, std::string_view name) {
  auto text = request.Query(name);
  if (!text) return std::optional<std::int64_t>{};
  std::int64_t id = 0;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
  if (ec == std::errc() && end == text->data() + text->size() && id > 0) return std::optional<std::int64_t>{id};
  return InvalidField(name, "编号无效", "invalid id");
}

const std::vector<security::Permission>& CaseActingPermissions() {
  using P = security::Permission;
  static const std::vector<P> permissions{P::kCaseWrite,   P::kCaseTransferApprove, P::kCasePoliceAct,
                                          P::kCaseProcuratorateAct, P::kCaseCourtAct, P::kLegalAidAct,
                                          P::kBlacklistPropose, P::kBlacklistDecide};
  return permissions;
}

namespace {

// Every check a signed-in route makes before its handler, in this order; a refusal or the principal.
std::variant<http::Response, services::Principal> Admit(const ApiContext& context, http::Request& request,
                                                        const GuardOptions& options) {
  auto token = request.Cookie(SessionCookieName(context));
  if (!token) {
    return http::ProblemResponse(ErrorCode::kUnauthenticated, "请先登录", "Please sign in", request.request_id);
  }
  auto principal = context.auth->Authenticate(*token, {request.client_address, request.AuditRequestId()});
  if (!principal) {
    auto response = Problem(request, principal.error());
    response.SetHeader("Set-Cookie", ExpiredSessionCookie(context));
    return response;
  }
  if (request.IsUnsafeMethod()) {
    auto presented = request.Header("x-csrf-token");
    if (!presented || !context.auth->CsrfMatches(*token, *presented)) {
      return http::ProblemResponse(ErrorCode::kCsrfFailed, "缺少或错误的 X-CSRF-Token，请刷新页面后重试",
                                   "Missing or wrong X-CSRF-Token; reload the page", request.request_id);
    }
  }
  if (principal->second_factor_pending && !options.allowed_during_second_factor) {
    // 403 naming the field "second_factor": the client then shows the code form (GET /auth/me
    // says which: "totp" or "enrol").
    return Problem(request, MakeError(ErrorCode::kForbidden, "请先输入动态验证码完成登录",
                                      "Enter your authenticator code to finish signing in", "second_factor"));
  }
  if (principal->must_change_password && !options.allowed_during_password_change) {
    return http::ProblemResponse(ErrorCode::kPasswordChangeRequired, "请先修改密码后再继续操作",
                                 "Change your password before continuing", request.request_id);
  }
  if (options.permission && !principal->Can(*options.permission)) {
    return Problem(request, services::Forbidden(*options.permission));
  }
  if (!options.any_of.empty() &&
      std::none_of(options.any_of.begin(), options.any_of.end(), [&](auto p) { return principal->Can(p); })) {
    return Problem(request, services::Forbidden(options.any_of.front()));
  }
  if (ReadsMayGoToAStandby(context)) {
    auto read_after = request.Cookie(ReadAfterCookieName(context));
    if (read_after && services::ReadYourWrites::IsPosition(*read_after)) principal->read_after = *read_after;
  }
  return std::move(principal.value());
}

// The answer to a repeated write whose first attempt was stored: the client takes "already_applied"
// as success and reloads what it shows.
http::Response AlreadyApplied(const http::Request& request) {
  return http::ProblemResponse(services::AlreadyAppliedError(), request.request_id, {{"already_applied", true}});
}

// A write sent with an Idempotency-Key (services/write_receipts.h): refused when the key's write is
// already stored, otherwise handled with the key recorded by the write's own transaction.
http::Response HandleKeyedWrite(const ApiContext& context, const AuthedHandler& handler, http::Request& request,
                                const services::Principal& principal, std::string_view key) {
  // The key's form is checked before anything else: a malformed key must not make the server hash
  // a large upload only to refuse it.
  if (auto malformed = services::CheckIdempotencyKey(key)) return Problem(request, *malformed);
  // A spooled upload is identified by the SHA-256 of its bytes, read back from the spool: only a
  // keyed upload pays the extra pass (the web client sends its uploads without a key).
  std::string spooled;
  if (request.body_spool) {
    auto source = request.body_spool->Read();
    auto digest = security::Sha256HexOfStream(*source);
    if (!digest) return Problem(request, digest.error());
    spooled = "spooled " + *digest;
  }
  auto receipt = context.write_receipts->Prepare(
      principal.user_id, {key, request.method, request.target, request.body_spool ? std::string_view(spooled) : request.body});
  if (!receipt) return Problem(request, receipt.error());
  if (!*receipt) return AlreadyApplied(request);
  http::Response response;
  using Outcome = services::WriteReceipts::Outcome;
  switch (context.write_receipts->RunRecorded(std::move(**receipt), [&] { response = handler(request, principal); })) {
    case Outcome::kDone: return response;
    case Outcome::kAlreadyApplied: return AlreadyApplied(request);
    case Outcome::kKeyUsedForAnotherRequest: return Problem(request, services::KeyUsedForAnotherRequestError());
  }
  return response;
}

}  // namespace

http::Response TooManyAtOnce(const http::Request& request, std::string zh, std::string en, int retry_after_seconds) {
  auto response = http::ProblemResponse(ErrorCode::kTooManyRequests, std::move(zh), std::move(en), request.request_id);
  response.SetHeader("Retry-After", std::to_string(retry_after_seconds));
  return response;
}

http::GuardedHandler Authed(const ApiContext& context, AuthedHandler handler, GuardOptions options) {
  auto admit = [&context, options](http::Request& request) -> std::optional<http::Response> {
    auto admitted = Admit(context, request, options);
    if (auto* refusal = std::get_if<http::Response>(&admitted)) return std::move(*refusal);
    return std::nullopt;
  };
  auto handle = [&context, handler = std::move(handler), options](http::Request& request) -> http::Response {
    auto admitted = Admit(context, request, options);
    if (auto* refusal = std::get_if<http::Response>(&admitted)) return std::move(*refusal);
    const auto& principal = std::get<services::Principal>(admitted);
    std::optional<KeyedLimit::Slot> rendering;
    if (options.expensive && context.expensive_per_user) {
      rendering = context.expensive_per_user->TryAcquire(std::to_string(principal.user_id));
      if (!rendering) {
        return TooManyAtOnce(request, "您已有 " + std::to_string(context.expensive_per_user->per_key()) +
                                          " 个报表或文书正在生成，请等其完成后再试",
                             "You already have " + std::to_string(context.expensive_per_user->per_key()) +
                                 " reports or documents being generated; retry when they are done",
                             2);
      }
    }
    auto key = request.Header("idempotency-key");
    auto response = key && request.IsUnsafeMethod() && context.write_receipts
                        ? HandleKeyedWrite(context, handler, request, principal, *key)
                        : handler(request, principal);
    RememberTheWrite(context, request, response);
    return response;
  };
  return {std::move(admit), std::move(handle)};
}

Result<std::string> ActionText(const http::Request& request, std::string_view field) {
  auto body = http::ParseJsonObjectCheckedByDomain(request);
  if (!body) return body.error();
  if (auto known = http::OnlyKnownKeys(*body, {field}); !known) return known.error();
  return http::RequiredString(*body, field, 4000);
}

Result<std::optional<domain::CivilDate>> OptionalDate(const boost::json::object& body, std::string_view field) {
  auto text = http::OptionalString(body, field, 10);
  if (!text) return text.error();
  if (!*text) return std::optional<domain::CivilDate>{};
  auto date = domain::CivilDate::ParseIso(**text, field);
  if (!date) return date.error();
  return std::optional<domain::CivilDate>{*date};
}

}  // namespace wagelink::api
