#include "services/admin_service.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <regex>

#include "core/log_event.h"

namespace wagelink::services {
namespace {
using security::Permission;

boost::json::object Snapshot(const store::UserRow& u) {
  boost::json::array roles;
  for (const auto& r : u.roles) roles.emplace_back(r);
  return {{"username", u.username}, {"display_name", u.display_name}, {"body", u.body_code},
          {"active", u.active}, {"roles", roles}};
}

UserAccount AccountOf(const store::UserRow& u) {
  return {.id = u.id,
          .username = u.username,
          .display_name = u.display_name,
          .body_code = u.body_code,
          .roles = u.roles,
          .active = u.active,
          .locked_until = u.locked_until,
          .must_change_password = u.must_change_password,
          .last_login_at = u.last_login_at};
}

}  // namespace

Error Forbidden(Permission missing) {
  return MakeError(ErrorCode::kForbidden,
                   "您的角色无权执行此操作（需要权限：" + std::string(security::PermissionNameZh(missing)) + "）",
                   "Your role may not do this (requires " + std::string(security::PermissionCode(missing)) + ")");
}

Result<Page<UserAccount>> AdminService::ListUsers(const Principal& who, const std::string& text, std::int64_t limit,
                                                  std::int64_t offset) {
  if (!who.Can(Permission::kUserManage) && !who.Can(Permission::kRoleManage)) return Forbidden(Permission::kUserManage);
  auto connection = db_.Acquire();
  store::IdentityRepository identity(*connection);
  Page<UserAccount> page;
  for (const auto& row : identity.ListUsers(text, limit, offset)) page.items.push_back(AccountOf(row));
  page.total = identity.CountUsers(text);
  return page;
}

Result<UserAccount> AdminService::CreateUser(const Principal& who, const NewUser& input) {
  if (!who.Can(Permission::kUserManage)) return Forbidden(Permission::kUserManage);
  static const std::regex kUsername("^[a-z][a-z0-9_.-]{2,31}$");
  if (!std::regex_match(input.username, kUsername)) {
    return MakeError(ErrorCode::kValidationFailed, "用户名须为 3–32 位小写字母、数字、下划线、点或连字符，并以字母开头",
                     "username: 3–32 lower-case letters, digits, _ . -, starting with a letter", "username");
  }
  if (input.display_name.empty() || input.display_name.size() > 64) {
    return MakeError(ErrorCode::kValidationFailed, "姓名不能为空且不超过 64 字节", "display_name: 1–64 bytes", "display_name");
  }
  auto connection = db_.Acquire();
  SecurityPolicy policy = policy_.Current(*connection);
  if (auto ok = security::CheckPasswordPolicy(input.initial_password, input.username, policy.password, {}); !ok) {
    Error e = ok.error();
    e.field = "password";
    return e;
  }
  store::IdentityRepository identity(*connection);
  auto body = identity.FindBody(input.body_code);
  if (!body || body->kind != "body") {
    return MakeError(ErrorCode::kValidationFailed, "所属部门不存在：" + input.body_code, "unknown body " + input.body_code,
                     "body_code");
  }
  auto hash = auth_.HashBounded(input.initial_password);
  if (!hash) return hash.error();
  const std::string now = FormatUtc(clock_.Now());
  store::UserRow row;
  row.username = input.username;
  row.display_name = input.display_name;
  row.body_id = body->id;
  row.password_hash = *hash;
  row.password_changed_at = now;
  row.must_change_password = true;
  store::Transaction tx(*connection);
  try {
    row.id = identity.InsertUser(row, now);
  } catch (const store::UniqueViolation&) {
    return MakeError(ErrorCode::kConflict, "用户名已存在：" + input.username, "username already exists", "username");
  }
  row.body_code = body->code;
  audit_.Append(*connection, who, "user.create", {"user", std::to_string(row.id)}, nullptr, Snapshot(row));
  tx.Commit();
  return AccountOf(row);
}

Result<UserAccount> AdminService::ChangeUser(const Principal& who, std::int64_t user_id, const UserChange& change) {
  // The permission first, always: an empty change must not tell a stranger anything about the account.
  if (!who.Can(Permission::kUserManage) && !who.Can(Permission::kRoleManage)) return Forbidden(Permission::kUserManage);
  if (!change.display_name && !change.active && !change.roles) {
    return MakeError(ErrorCode::kValidationFailed, "请至少提供一项修改：display_name、active 或 roles",
                     "name at least one change: display_name, active or roles", "changes");
  }
  if ((change.display_name || change.active) && !who.Can(Permission::kUserManage)) return Forbidden(Permission::kUserManage);
  if (change.roles && !who.Can(Permission::kRoleManage)) return Forbidden(Permission::kRoleManage);
  auto connection = db_.Acquire();
  store::IdentityRepository identity(*connection);
  auto user = identity.FindUser(user_id);
  if (!user) return MakeError(ErrorCode::kNotFound, "用户不存在", "no such user");
  store::UserRow before = *user;
  std::vector<security::Role> roles;
  if (change.roles) {
    for (const auto& code : *change.roles) {
      auto role = security::ParseRole(code);
      if (!role) return MakeError(ErrorCode::kValidationFailed, "未知角色：" + code, "unknown role " + code, "roles");
      if (auto ok = security::ValidateRoleForBody(*role, user->body_code); !ok) return ok.error();
      roles.push_back(*role);
    }
    if (auto ok = security::ValidateRoleSet(roles); !ok) return ok.error();
    if (user_id == who.user_id) {
      return MakeError(ErrorCode::kForbidden, "不能修改自己的角色", "You cannot change your own roles", "roles");
    }
  }
  if (change.active && !*change.active && user_id == who.user_id) {
    return MakeError(ErrorCode::kForbidden, "不能停用自己的账号", "You cannot disable your own account", "active");
  }
  store::Transaction tx(*connection);
  if (change.display_name || change.active) {
    if (change.display_name && (change.display_name->empty() || change.display_name->size() > 64)) {
      return MakeError(ErrorCode::kValidationFailed, "姓名不能为空且不超过 64 字节", "display_name: 1–64 bytes", "display_name");
    }
    identity.UpdateProfile(user_id, change.display_name.value_or(user->display_name), change.active.value_or(user->active));
    if (change.active && !*change.active) {
      store::SessionRepository(*connection).RevokeAllOfUser(user_id, FormatUtc(clock_.Now()));
    }
  }
  if (change.roles) identity.SetRoles(user_id, *change.roles);
  auto after = identity.FindUser(user_id);
  audit_.Append(*connection, who, change.roles ? "user.roles_change" : "user.update", {"user", std::to_string(user_id)},
                Snapshot(before), Snapshot(*after));
  tx.Commit();
  return AccountOf(*after);
}

Result<SecurityPolicy> AdminService::GetPolicy(const Principal&) {
  // Readable by everyone signed in: the change-password page shows the rules a user must meet.
  auto connection = db_.Acquire();
  return policy_.Current(*connection);
}

Result<SecurityPolicy> AdminService::SetPolicy(const Principal& who, const SecurityPolicy& policy) {
  if (!who.Can(Permission::kPasswordPolicyManage)) return Forbidden(Permission::kPasswordPolicyManage);
  auto connection = db_.Acquire();
  SecurityPolicy before = policy_.Current(*connection);
  store::Transaction tx(*connection);
  policy_.Save(*connection, policy, who.username);
  audit_.Append(*connection, who, "security.policy_change", {"settings", "security.policy"}, SecurityPolicyToJson(before),
                SecurityPolicyToJson(policy));
  tx.Commit();
  return policy;
}

Result<std::vector<OnlineSession>> AdminService::ListSessions(const Principal& who) {
  if (!who.Can(Permission::kSessionManage)) return Forbidden(Permission::kSessionManage);
  auto connection = db_.Acquire();
  SecurityPolicy policy = policy_.Current(*connection);
  UnixSeconds now = clock_.Now();
  std::vector<OnlineSession> out;
  for (const auto& s : store::SessionRepository(*connection)
                           .ListActive(FormatUtc(now - policy.idle_timeout_minutes * 60),
                                       FormatUtc(now - policy.absolute_timeout_hours * 3600))) {
    out.push_back({.id = s.id,
                   .username = s.username,
                   .body_code = s.body_code,
                   .created_at = s.created_at,
                   .last_seen_at = s.last_seen_at,
                   .client_address = s.client_address});
  }
  return out;
}

Status AdminService::RevokeSession(const Principal& who, std::int64_t session_id) {
  if (!who.Can(Permission::kSessionManage)) return Forbidden(Permission::kSessionManage);
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  if (!store::SessionRepository(*connection).Revoke(session_id, FormatUtc(clock_.Now()))) {
    return MakeError(ErrorCode::kNotFound, "会话不存在或已结束", "no such active session");
  }
  audit_.Append(*connection, who, "session.force_logout", {"session", std::to_string(session_id)});
  tx.Commit();
  return Ok{};
}

Result<Page<LoginAttempt>> AdminService::ListLogins(const Principal& who, std::int64_t limit, std::int64_t offset) {
  if (!who.Can(Permission::kLoginLogRead)) return Forbidden(Permission::kLoginLogRead);
  auto connection = db_.Acquire();
  store::SessionRepository sessions(*connection);
  Page<LoginAttempt> page;
  for (const auto& r : sessions.ListLogins(limit, offset)) {
    page.items.push_back({.at = r.at,
                          .username = r.username,
                          .success = r.success,
                          .reason = r.reason,
                          .client_address = r.client_address});
  }
  page.total = sessions.CountLogins();
  return page;
}

Result<Page<security::AuditEntry>> AdminService::ListAudit(const Principal& who, const std::string& text,
                                                           std::int64_t limit, std::int64_t offset) {
  if (!who.Can(Permission::kAuditRead)) return Forbidden(Permission::kAuditRead);
  auto connection = db_.Acquire();
  store::AuditRepository audit(*connection);
  Page<security::AuditEntry> page{audit.List(limit, offset, text), audit.Count(text)};
  store::Transaction tx(*connection);
  audit_.Append(*connection, who, "audit.read", {"audit_log", ""}, nullptr,
                boost::json::object{{"q", text}, {"offset", offset}, {"rows", page.items.size()}});
  tx.Commit();
  return page;
}

namespace {
// Quotes a CSV cell and defuses spreadsheet formulas (=, +, -, @ at the start).
std::string CsvCell(const std::string& value) {
  std::string cell = value;
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@')) cell = "'" + cell;
  std::string out = "\"";
  for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}
}  // namespace

Result<std::string> AdminService::ExportAuditCsv(const Principal& who) {
  if (!who.Can(Permission::kAuditRead)) return Forbidden(Permission::kAuditRead);
  auto connection = db_.Acquire();
  std::string csv = "\xEF\xBB\xBFseq,at,actor,body,role,action,target_type,target_id,request_id,client,hash\n";
  store::AuditRepository(*connection).StreamAll([&](const security::AuditEntry& e) {
    csv += std::to_string(e.seq) + "," + CsvCell(e.at) + "," + CsvCell(e.actor_username) + "," + CsvCell(e.body_code) +
           "," + CsvCell(e.role) + "," + CsvCell(e.action) + "," + CsvCell(e.target_type) + "," + CsvCell(e.target_id) +
           "," + CsvCell(e.request_id) + "," + CsvCell(e.client_address) + "," + e.hash + "\n";
  });
  store::Transaction tx(*connection);
  audit_.Append(*connection, who, "audit.export", {"audit_log", ""});
  tx.Commit();
  return csv;
}

Result<security::ChainReport> AdminService::VerifyAudit(const Principal& who) {
  if (!who.Can(Permission::kAuditRead)) return Forbidden(Permission::kAuditRead);
  auto connection = db_.Acquire();
  return audit_.Verify(*connection, who);
}

Result<std::string> AdminService::DownloadAuditAnchor(const Principal& who) {
  if (!who.Can(Permission::kAuditRead)) return Forbidden(Permission::kAuditRead);
  std::optional<security::Checkpoint> head;
  {
    auto connection = db_.Acquire();
    store::Transaction tx(*connection);
    audit_.Append(*connection, who, "audit.anchor_download", {"audit_log", ""});
    head = audit_.CheckpointHead(*connection);
    tx.Commit();
  }
  // Also into the anchor file now; a failure there is the publishing job's to report and retry.
  if (auto published = audit_.PublishAnchors(db_); !published) {
    LogEvent(spdlog::level::err, "audit_anchor_publish_failed", {{"error", published.error().message_en}});
  }
  return audit_.AnchorLineFor(*head);
}

}  // namespace wagelink::services
