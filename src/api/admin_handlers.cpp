// The three administrators' endpoints: /users, /security/*, /audit (permission checks live in
// AdminService; the guard only requires a session).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/guard.h"
#include "api/page_json.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "services/admin_service.h"
#include "services/log_labels.h"

namespace wagelink::api {
namespace {

boost::json::value OptionalText(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : boost::json::value(nullptr);
}

boost::json::object UserAccountJson(const services::UserAccount& u) {
  boost::json::array roles;
  for (const auto& r : u.roles) roles.emplace_back(r);
  return {{"id", u.id}, {"username", u.username}, {"display_name", u.display_name}, {"body_code", u.body_code},
          {"roles", roles}, {"active", u.active}, {"locked_until", OptionalText(u.locked_until)},
          {"must_change_password", u.must_change_password}, {"last_login_at", OptionalText(u.last_login_at)}};
}

boost::json::object ChangeRequestJson(const services::ChangeRequestView& r) {
  return {{"id", r.id},
          {"target_user_id", r.target_user_id},
          {"target_display_name", r.target_display_name},
          {"requested_by_display_name", r.requested_by_display_name},
          {"change", services::UserChangeToJson(r.change)},
          {"status", r.status},
          {"created_at", r.created_at},
          {"decided_by_display_name", OptionalText(r.decided_by_display_name)},
          {"decided_at", OptionalText(r.decided_at)}};
}

// The record's codes for the export and for machines, and beside them what people read: the
// actor's name, the action and the target's kind in words, the target by case number or name.
boost::json::object AuditJson(const services::AuditView& view) {
  const auto& e = view.entry;
  const auto action = services::AuditActionLabel(e.action);
  const auto target = services::AuditTargetLabel(e.target_type);
  return {{"seq", e.seq},
          {"at", e.at},
          {"actor_username", e.actor_username},
          {"actor_name", view.actor_name},
          {"body_code", e.body_code},
          {"role", e.role},
          {"action", e.action},
          {"action_zh", action.zh},
          {"action_en", action.en},
          {"target_type", e.target_type},
          {"target_type_zh", target.zh},
          {"target_type_en", target.en},
          {"target_id", e.target_id},
          {"target_name", view.target_name},
          {"request_id", e.request_id},
          {"client_address", e.client_address},
          {"hash", e.hash}};
}

Result<services::UserChange> ReadUserChange(const boost::json::object& body) {
  services::UserChange change;
  auto name = http::OptionalString(body, "display_name", 64);
  if (!name) return name.error();
  change.display_name = *name;
  auto active = http::OptionalBool(body, "active");
  if (!active) return active.error();
  change.active = *active;
  if (auto it = body.find("roles"); it != body.end()) {
    if (!it->value().is_array()) {
      return MakeError(ErrorCode::kValidationFailed, "roles：应为角色代码数组", "roles: must be an array of role codes", "roles");
    }
    std::vector<std::string> roles;
    for (const auto& r : it->value().as_array()) {
      if (!r.is_string()) return MakeError(ErrorCode::kValidationFailed, "roles：应为字符串", "roles: strings only", "roles");
      roles.emplace_back(r.as_string());
    }
    change.roles = roles;
  }
  return change;
}

// The searches' parts as the query string gives them ("" when absent); the service checks them.
services::AuditSearch AuditSearchOf(const http::Request& request) {
  auto part = [&](std::string_view name) { return std::string(request.Query(name).value_or("")); };
  return {.text = part("q"), .case_no = part("case_no"), .actor = part("actor"), .action = part("action"),
          .body = part("body"), .from = part("from"), .to = part("to")};
}

services::LoginSearch LoginSearchOf(const http::Request& request) {
  auto part = [&](std::string_view name) { return std::string(request.Query(name).value_or("")); };
  return {.user = part("username"), .success = part("success"), .from = part("from"), .to = part("to"),
          .client_address = part("client_address")};
}

http::Response CsvDownload(std::string csv, std::string_view filename, std::string_view ascii_fallback) {
  auto response = http::Response::Text(200, "text/csv; charset=utf-8", std::move(csv));
  response.SetHeader("Content-Disposition", http::AttachmentDisposition(filename, ascii_fallback));
  return response;
}

}  // namespace

void RegisterAdminRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/users", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    auto users = context.admin->ListUsers(who, std::string(request.Query("q").value_or("")).substr(0, 64),
                                          page->page_size, page->offset());
    if (!users) return Problem(request, users.error());
    return PageResponse(*users, *page, UserAccountJson);
  }), {.query = {"q", "page", "page_size"}});

  router.Add("POST", "/api/v1/users", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObject(request, {"username", "display_name", "body_code", "password"});
    if (!body) return Problem(request, body.error());
    services::NewUser input;
    for (auto [field, out] : {std::pair{"username", &input.username}, std::pair{"display_name", &input.display_name},
                              std::pair{"body_code", &input.body_code}, std::pair{"password", &input.initial_password}}) {
      auto value = http::RequiredString(*body, field, 256);
      if (!value) return Problem(request, value.error());
      *out = *value;
    }
    auto created = context.admin->CreateUser(who, input);
    if (!created) return Problem(request, created.error());
    return http::Response::Json(201, UserAccountJson(*created));
  }, {.permission = security::Permission::kUserManage}));

  router.Add("PATCH", "/api/v1/users/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request, {"display_name", "active", "roles"});
    if (!body) return Problem(request, body.error());
    auto change = ReadUserChange(*body);
    if (!change) return Problem(request, change.error());
    auto changed = context.admin->ChangeUser(who, *id, *change);
    if (!changed) return Problem(request, changed.error());
    if (changed->pending) {
      // 三员分立: accepted, not applied — a second administrator decides.
      return http::Response::Json(202, boost::json::object{{"pending_request", ChangeRequestJson(*changed->pending)}});
    }
    return http::Response::Json(200, UserAccountJson(*changed->applied));
  }, {.any_of = {security::Permission::kUserManage, security::Permission::kRoleManage}}));

  router.Add("GET", "/api/v1/users/export.csv", Authed(context, [&context](http::Request& request,
                                                                         const services::Principal& who) {
    auto csv = context.admin->ExportUsersCsv(who);
    if (!csv) return Problem(request, csv.error());
    return CsvDownload(std::move(*csv), "用户列表.csv", "users.csv");
  }, {.permission = security::Permission::kUserManage}));

  router.Add("POST", "/api/v1/users/import", Authed(context, [&context](http::Request& request,
                                                                       const services::Principal& who) {
    auto outcome = context.admin->ImportUsers(who, request.body);
    if (!outcome) return Problem(request, outcome.error());
    if (!outcome->errors.empty()) {
      // Nobody was created: the whole file is refused, with every row's reason.
      boost::json::array errors;
      for (const auto& e : outcome->errors) {
        errors.push_back({{"row", e.line}, {"field", e.field}, {"message_zh", e.message_zh}, {"message_en", e.message_en}});
      }
      return http::ProblemResponse(
          MakeError(ErrorCode::kValidationFailed, "文件中有 " + std::to_string(outcome->errors.size()) + " 处错误，未创建任何账号",
                    std::to_string(outcome->errors.size()) + " problems in the file; no account was created", "file"),
          request.request_id, boost::json::object{{"errors", std::move(errors)}});
    }
    boost::json::array created;
    for (const auto& account : outcome->created) created.push_back(UserAccountJson(account));
    return http::Response::Json(201, boost::json::object{{"created", created}});
  }, {.permission = security::Permission::kUserManage}));

  router.Add("POST", "/api/v1/users/{id}/reset-password", Authed(context, [&context](http::Request& request,
                                                                                   const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request, {"password"});
    if (!body) return Problem(request, body.error());
    auto password = http::RequiredString(*body, "password", 256);
    if (!password) return Problem(request, password.error());
    auto reset = context.admin->ResetPassword(who, *id, *password);
    if (!reset) return Problem(request, reset.error());
    return http::Response::Json(200, UserAccountJson(*reset));
  }, {.permission = security::Permission::kUserManage}));

  router.Add("POST", "/api/v1/users/{id}/unlock", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto unlocked = context.admin->UnlockUser(who, *id);
    if (!unlocked) return Problem(request, unlocked.error());
    return http::Response::Json(200, UserAccountJson(*unlocked));
  }, {.permission = security::Permission::kSessionManage}));

  router.Add("GET", "/api/v1/admin-change-requests", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto list = context.admin->ListChangeRequests(who, std::string(request.Query("status").value_or("")).substr(0, 16));
    if (!list) return Problem(request, list.error());
    boost::json::array items;
    for (const auto& r : *list) items.push_back(ChangeRequestJson(r));
    return http::Response::Json(200, boost::json::object{{"items", items}});
  }), {.query = {"status"}});

  for (const char* decision : {"approve", "reject"}) {
    const bool approve = std::string_view(decision) == "approve";
    router.Add("POST", std::string("/api/v1/admin-change-requests/{id}/") + decision,
               Authed(context, [&context, approve](http::Request& request, const services::Principal& who) {
      auto id = PathId(request);
      if (!id) return Problem(request, id.error());
      auto decided = context.admin->DecideChangeRequest(who, *id, approve);
      if (!decided) return Problem(request, decided.error());
      return http::Response::Json(200, ChangeRequestJson(*decided));
    }));
  }

  router.Add("GET", "/api/v1/security/password-policy", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto policy = context.admin->GetPolicy(who);
    if (!policy) return Problem(request, policy.error());
    return http::Response::Json(200, services::SecurityPolicyToJson(*policy));
  }, {.allowed_during_password_change = true}));

  router.Add("PUT", "/api/v1/security/password-policy", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObjectCheckedByDomain(request);
    if (!body) return Problem(request, body.error());
    auto policy = services::SecurityPolicyFromJson(*body);
    if (!policy) return Problem(request, policy.error());
    auto saved = context.admin->SetPolicy(who, *policy);
    if (!saved) return Problem(request, saved.error());
    return http::Response::Json(200, services::SecurityPolicyToJson(*saved));
  }, {.permission = security::Permission::kPasswordPolicyManage}));

  router.Add("GET", "/api/v1/security/sessions", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto sessions = context.admin->ListSessions(who);
    if (!sessions) return Problem(request, sessions.error());
    boost::json::array items;
    for (const auto& s : *sessions) {
      items.push_back({{"id", s.id}, {"username", s.username}, {"body_code", s.body_code}, {"created_at", s.created_at},
                       {"last_seen_at", s.last_seen_at}, {"client_address", s.client_address},
                       {"current", s.id == who.session_id}});
    }
    return http::Response::Json(200, boost::json::object{{"items", items}});
  }));

  router.Add("DELETE", "/api/v1/security/sessions/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    if (auto done = context.admin->RevokeSession(who, *id); !done) return Problem(request, done.error());
    return http::Response::NoContent();
  }, {.permission = security::Permission::kSessionManage}));

  router.Add("GET", "/api/v1/security/login-log", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    auto logins = context.admin->ListLogins(who, LoginSearchOf(request), page->page_size, page->offset());
    if (!logins) return Problem(request, logins.error());
    return PageResponse(*logins, *page, [](const services::LoginAttempt& r) {
      const auto reason = services::LoginReasonLabel(r.reason);
      return boost::json::object{{"at", r.at},          {"username", r.username},
                                 {"display_name", r.display_name}, {"success", r.success},
                                 {"reason", r.reason},  {"reason_zh", reason.zh},
                                 {"reason_en", reason.en}, {"client_address", r.client_address}};
    });
  }), {.query = {"username", "success", "from", "to", "client_address", "page", "page_size"}});

  router.Add("GET", "/api/v1/security/login-log/export.csv", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto csv = context.admin->ExportLoginsCsv(who, LoginSearchOf(request));
    if (!csv) return Problem(request, csv.error());
    return CsvDownload(std::move(*csv), "登录日志.csv", "wagelink-login-log.csv");
  }), {.query = {"username", "success", "from", "to", "client_address"}});

  router.Add("GET", "/api/v1/audit", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    auto entries = context.admin->ListAudit(who, AuditSearchOf(request), page->page_size, page->offset());
    if (!entries) return Problem(request, entries.error());
    return PageResponse(*entries, *page, AuditJson);
  }), {.query = {"q", "case_no", "actor", "action", "body", "from", "to", "page", "page_size"}});

  router.Add("GET", "/api/v1/audit/export.csv", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto csv = context.admin->ExportAuditCsv(who, AuditSearchOf(request));
    if (!csv) return Problem(request, csv.error());
    return CsvDownload(std::move(*csv), "审计日志.csv", "wagelink-audit.csv");
  }), {.query = {"q", "case_no", "actor", "action", "body", "from", "to"}});

  // The actions people can search for, in words, for the search form's list.
  router.Add("GET", "/api/v1/audit/actions", Authed(context, [](http::Request&, const services::Principal&) {
    boost::json::array items;
    for (const auto& choice : services::AuditActionChoices()) {
      items.push_back({{"code", choice.code}, {"name_zh", choice.label.zh}, {"name_en", choice.label.en}});
    }
    return http::Response::Json(200, boost::json::object{{"items", std::move(items)}});
  }, {.permission = security::Permission::kAuditRead}));

  router.Add("GET", "/api/v1/audit/anchor", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto anchor = context.admin->DownloadAuditAnchor(who);
    if (!anchor) return Problem(request, anchor.error());
    auto response = http::Response::Text(200, "application/x-ndjson", std::move(*anchor));
    response.SetHeader("Content-Disposition", "attachment; filename=\"wagelink-audit-anchor.jsonl\"");
    return response;
  }));

  router.Add("GET", "/api/v1/audit/verify", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto report = context.admin->VerifyAudit(who);
    if (!report) return Problem(request, report.error());
    return http::Response::Json(200, boost::json::object{
        {"ok", report->ok},
        {"first_bad_seq", report->first_bad_seq ? boost::json::value(*report->first_bad_seq) : boost::json::value(nullptr)},
        {"reason_zh", report->reason_zh}, {"reason_en", report->reason_en},
        {"entries_checked", report->entries_checked}, {"checkpoints_checked", report->checkpoints_checked}});
  }));
}

}  // namespace wagelink::api
