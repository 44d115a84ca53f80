#include "services/admin_service.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <algorithm>
#include <map>
#include <regex>
#include <set>

#include "domain/body.h"
#include "imports/table.h"
#include "services/csv_text.h"
#include "store/admin_change_repository.h"
#include "store/login_lockout_repository.h"
#include "store/session_repository.h"

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

bool IsAdministratorRole(std::string_view code) {
  return code == security::RoleCode(security::Role::kSystemAdmin) ||
         code == security::RoleCode(security::Role::kSecurityAdmin) ||
         code == security::RoleCode(security::Role::kAuditor);
}

bool IsAdministrator(const std::vector<std::string>& role_codes) {
  return std::any_of(role_codes.begin(), role_codes.end(), IsAdministratorRole);
}

bool IsAdministrator(const std::vector<security::Role>& roles) {
  return std::any_of(roles.begin(), roles.end(), [](auto r) { return IsAdministratorRole(security::RoleCode(r)); });
}

UserChange UserChangeFromJson(const std::string& text) {
  UserChange change;
  auto json = boost::json::parse(text).as_object();
  if (auto* v = json.if_contains("display_name")) change.display_name = std::string(v->as_string());
  if (auto* v = json.if_contains("active")) change.active = v->as_bool();
  if (auto* v = json.if_contains("roles")) {
    std::vector<std::string> roles;
    for (const auto& r : v->as_array()) roles.emplace_back(r.as_string());
    change.roles = std::move(roles);
  }
  return change;
}

ChangeRequestView ChangeRequestOf(const store::AdminChangeRow& row) {
  return {.id = row.id,
          .target_user_id = row.target_user_id,
          .target_display_name = row.target_display_name,
          .requested_by_display_name = row.requested_by_display_name,
          .change = UserChangeFromJson(row.change_json),
          .status = row.status,
          .created_at = row.created_at,
          .decided_by_display_name = row.decided_by_display_name,
          .decided_at = row.decided_at};
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

boost::json::object UserChangeToJson(const UserChange& change) {
  boost::json::object out;
  if (change.display_name) out["display_name"] = *change.display_name;
  if (change.active) out["active"] = *change.active;
  if (change.roles) {
    boost::json::array roles;
    for (const auto& r : *change.roles) roles.emplace_back(r);
    out["roles"] = std::move(roles);
  }
  return out;
}

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
  auto locks = store::LoginLockoutRepository(*connection).LockedNames(FormatUtc(clock_.Now()));
  for (const auto& row : identity.ListUsers(text, limit, offset)) {
    page.items.push_back(AccountOf(row));
    // Locks are kept per address now; the account shows the latest still running, if any.
    auto it = locks.find(row.username);
    page.items.back().locked_until = it != locks.end() ? std::optional(it->second) : std::nullopt;
  }
  page.total = identity.CountUsers(text);
  return page;
}

Result<store::UserRow> AdminService::CheckedNewUser(store::Connection& connection, const NewUser& input,
                                                    const SecurityPolicy& policy) {
  static const std::regex kUsername("^[a-z][a-z0-9_.-]{2,31}$");
  if (!std::regex_match(input.username, kUsername)) {
    return MakeError(ErrorCode::kValidationFailed, "用户名须为 3–32 位小写字母、数字、下划线、点或连字符，并以字母开头",
                     "username: 3–32 lower-case letters, digits, _ . -, starting with a letter", "username");
  }
  if (input.display_name.empty() || input.display_name.size() > 64) {
    return MakeError(ErrorCode::kValidationFailed, "姓名不能为空且不超过 64 字节", "display_name: 1–64 bytes", "display_name");
  }
  if (auto ok = security::CheckPasswordPolicy(input.initial_password, input.username, policy.password, {}); !ok) {
    Error e = ok.error();
    e.field = "password";
    return e;
  }
  store::IdentityRepository identity(connection);
  auto body = identity.FindBody(input.body_code);
  if (!body || body->kind != "body") {
    return MakeError(ErrorCode::kValidationFailed, "所属部门不存在：" + input.body_code, "unknown body " + input.body_code,
                     "body_code");
  }
  store::UserRow row;  // hashed by the caller once every row it creates has passed
  row.username = input.username;
  row.display_name = input.display_name;
  row.body_id = body->id;
  row.body_code = body->code;
  row.must_change_password = true;
  return row;
}

Result<UserAccount> AdminService::CreateUser(const Principal& who, const NewUser& input) {
  if (!who.Can(Permission::kUserManage)) return Forbidden(Permission::kUserManage);
  auto connection = db_.Acquire();
  auto row = CheckedNewUser(*connection, input, policy_.Current(*connection));
  if (!row) return row.error();
  auto hash = auth_.HashBounded(input.initial_password);
  if (!hash) return hash.error();
  row->password_hash = *hash;
  const std::string now = FormatUtc(clock_.Now());
  row->password_changed_at = now;
  store::Transaction tx(*connection);
  try {
    row->id = store::IdentityRepository(*connection).InsertUser(*row, now);
  } catch (const store::UniqueViolation&) {
    return MakeError(ErrorCode::kConflict, "用户名已存在：" + input.username, "username already exists", "username");
  }
  audit_.Append(*connection, who, "user.create", {"user", std::to_string(row->id)}, nullptr, Snapshot(*row));
  tx.Commit();
  return AccountOf(*row);
}

Result<UserImportOutcome> AdminService::ImportUsers(const Principal& who, std::string_view file) {
  if (!who.Can(Permission::kUserManage)) return Forbidden(Permission::kUserManage);
  auto table = imports::ReadTable(file, {.max_rows = kMaxImportedUsers});
  if (!table) return table.error();
  const std::vector<std::string> kColumns = {"登录名", "姓名", "所属单位", "初始密码"};
  std::vector<std::size_t> at;
  for (const auto& name : kColumns) {
    auto found = std::find(table->header.begin(), table->header.end(), name);
    if (found == table->header.end()) {
      return MakeError(ErrorCode::kValidationFailed, "表头须包含：登录名、姓名、所属单位、初始密码（缺少“" + name + "”）",
                       "The header must name 登录名, 姓名, 所属单位 and 初始密码 (" + name + " is missing)", "file");
    }
    at.push_back(static_cast<std::size_t>(found - table->header.begin()));
  }
  auto connection = db_.Acquire();
  store::IdentityRepository identity(*connection);
  std::map<std::string, std::string> body_code_of;  // a body's code, or its Chinese name → its code
  for (const auto& body : identity.ListBodies()) {
    if (body.kind != "body") continue;
    body_code_of[body.code] = body.code;
    body_code_of[body.name_zh] = body.code;
  }
  const SecurityPolicy policy = policy_.Current(*connection);
  UserImportOutcome outcome;
  std::vector<store::UserRow> rows;
  std::vector<std::string> passwords;  // hashed only once the whole file has passed
  std::set<std::string> seen;
  for (const auto& line : table->rows) {
    auto cell = [&](std::size_t column) { return at[column] < line.cells.size() ? line.cells[at[column]] : std::string(); };
    NewUser input{cell(0), cell(1), cell(2), cell(3)};
    if (auto code = body_code_of.find(input.body_code); code != body_code_of.end()) input.body_code = code->second;
    auto refuse = [&](std::string field, std::string zh, std::string en) {
      outcome.errors.push_back({line.line, std::move(field), std::move(zh), std::move(en)});
    };
    if (!seen.insert(input.username).second) {
      refuse("username", "登录名在文件中重复：" + input.username, "username repeated in the file: " + input.username);
      continue;
    }
    if (identity.FindUserByName(input.username)) {
      refuse("username", "用户名已存在：" + input.username, "username already exists: " + input.username);
      continue;
    }
    auto row = CheckedNewUser(*connection, input, policy);
    if (!row) {
      refuse(row.error().field, row.error().message_zh, row.error().message_en);
      continue;
    }
    rows.push_back(std::move(*row));
    passwords.push_back(input.initial_password);
  }
  if (table->rows.empty()) {
    return MakeError(ErrorCode::kValidationFailed, "文件中没有用户", "The file holds no users", "file");
  }
  if (!outcome.errors.empty()) return outcome;  // all or nothing: nobody is created
  for (std::size_t i = 0; i < rows.size(); ++i) {
    auto hash = auth_.HashBounded(passwords[i]);
    if (!hash) return hash.error();
    rows[i].password_hash = *hash;
  }
  const std::string now = FormatUtc(clock_.Now());
  store::Transaction tx(*connection);
  for (auto& row : rows) {
    row.password_changed_at = now;
    row.id = identity.InsertUser(row, now);
    audit_.Append(*connection, who, "user.create", {"user", std::to_string(row.id)}, nullptr, Snapshot(row));
    outcome.created.push_back(AccountOf(row));
  }
  audit_.Append(*connection, who, "user.import", {"users", ""}, nullptr,
                boost::json::object{{"created", static_cast<std::int64_t>(rows.size())}});
  tx.Commit();
  return outcome;
}

Result<UserChangeOutcome> AdminService::ChangeUser(const Principal& who, std::int64_t user_id,
                                                   const UserChange& change) {
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
  if (auto ok = ValidateChange(who, *user, change); !ok) return ok.error();
  const bool administrator_involved =
      IsAdministrator(user->roles) || (change.roles && IsAdministrator(*change.roles));
  store::Transaction tx(*connection);
  if (administrator_involved && user_id != who.user_id) {
    store::AdminChangeRepository requests(*connection);
    if (requests.HasPendingFor(user_id)) {
      return MakeError(ErrorCode::kConflict, "该账号已有待审批的变更，请先由另一名管理员审批或驳回",
                       "This account already has a change awaiting approval; have it approved or rejected first");
    }
    const std::string now = FormatUtc(clock_.Now());
    auto id = requests.Insert(user_id, who.user_id, boost::json::serialize(UserChangeToJson(change)), now);
    audit_.Append(*connection, who, "user.change_requested", {"user", std::to_string(user_id)}, Snapshot(*user),
                  boost::json::object{{"request", id}, {"change", UserChangeToJson(change)}});
    auto view = ChangeRequestOf(*requests.Find(id));
    tx.Commit();
    return UserChangeOutcome{.pending = std::move(view)};
  }
  auto after = ApplyChange(*connection, who, *user, change);
  auto account = AccountWithLock(*connection, after);
  tx.Commit();
  return UserChangeOutcome{.applied = std::move(account)};
}

Status AdminService::ValidateChange(const Principal& who, const store::UserRow& user, const UserChange& change) {
  if (change.roles) {
    std::vector<security::Role> roles;
    for (const auto& code : *change.roles) {
      auto role = security::ParseRole(code);
      if (!role) return MakeError(ErrorCode::kValidationFailed, "未知角色：" + code, "unknown role " + code, "roles");
      if (auto ok = security::ValidateRoleForBody(*role, user.body_code); !ok) return ok.error();
      roles.push_back(*role);
    }
    if (auto ok = security::ValidateRoleSet(roles); !ok) return ok.error();
    if (user.id == who.user_id) {
      return MakeError(ErrorCode::kForbidden, "不能修改自己的角色", "You cannot change your own roles", "roles");
    }
  }
  if (change.active && !*change.active && user.id == who.user_id) {
    return MakeError(ErrorCode::kForbidden, "不能停用自己的账号", "You cannot disable your own account", "active");
  }
  if (change.display_name && (change.display_name->empty() || change.display_name->size() > 64)) {
    return MakeError(ErrorCode::kValidationFailed, "姓名不能为空且不超过 64 字节", "display_name: 1–64 bytes", "display_name");
  }
  return Ok{};
}

store::UserRow AdminService::ApplyChange(store::Connection& connection, const Principal& who,
                                         const store::UserRow& before, const UserChange& change) {
  store::IdentityRepository identity(connection);
  if (change.display_name || change.active) {
    identity.UpdateProfile(before.id, change.display_name.value_or(before.display_name),
                           change.active.value_or(before.active));
    if (change.active && !*change.active) {
      store::SessionRepository(connection).RevokeAllOfUser(before.id, FormatUtc(clock_.Now()));
    }
  }
  if (change.roles) identity.SetRoles(before.id, *change.roles);
  auto after = identity.FindUser(before.id);
  audit_.Append(connection, who, change.roles ? "user.roles_change" : "user.update", {"user", std::to_string(before.id)},
                Snapshot(before), Snapshot(*after));
  return *after;
}

UserAccount AdminService::AccountWithLock(store::Connection& connection, const store::UserRow& row) {
  UserAccount account = AccountOf(row);
  auto locks = store::LoginLockoutRepository(connection).LockedNames(FormatUtc(clock_.Now()));
  if (auto it = locks.find(row.username); it != locks.end()) account.locked_until = it->second;
  return account;
}

Result<UserAccount> AdminService::UnlockUser(const Principal& who, std::int64_t user_id) {
  if (!who.Can(Permission::kSessionManage)) return Forbidden(Permission::kSessionManage);
  auto connection = db_.Acquire();
  auto user = store::IdentityRepository(*connection).FindUser(user_id);
  if (!user) return MakeError(ErrorCode::kNotFound, "用户不存在", "no such user");
  const std::string now = FormatUtc(clock_.Now());
  store::Transaction tx(*connection);
  auto addresses = store::LoginLockoutRepository(*connection).ClearAllFor(user->username, now);
  store::IdentityRepository(*connection).RecordFailedLogin(user->id, 0, std::nullopt);
  audit_.Append(*connection, who, "user.unlock", {"user", std::to_string(user_id)}, nullptr,
                boost::json::object{{"locked_addresses", addresses}});
  auto account = AccountWithLock(*connection, *user);
  tx.Commit();
  account.locked_until.reset();
  return account;
}

Result<std::string> AdminService::ExportUsersCsv(const Principal& who) {
  if (!who.Can(Permission::kUserManage)) return Forbidden(Permission::kUserManage);
  std::string csv = std::string(kCsvBom) + "登录名,姓名,所属单位,角色,状态,须修改密码,最近登录（北京时间）\n";
  std::int64_t rows = 0;
  for (std::int64_t offset = 0;; offset += 500) {
    auto page = ListUsers(who, "", 500, offset);
    if (!page) return page.error();
    for (const auto& u : page->items) {
      std::string roles;
      for (const auto& code : u.roles) {
        auto role = security::ParseRole(code);
        roles += (roles.empty() ? "" : "、") + (role ? std::string(security::RoleNameZh(*role)) : code);
      }
      auto body = domain::ParseBodyCode(u.body_code);
      csv += CsvLine({u.username, u.display_name, body ? std::string(domain::BodyNameZh(*body)) : u.body_code, roles,
                      u.active ? "启用" : "停用", u.must_change_password ? "是" : "否",
                      u.last_login_at ? BeijingTime(*u.last_login_at) : ""});
      ++rows;
    }
    if (static_cast<std::int64_t>(page->items.size()) < 500) break;
  }
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  audit_.Append(*connection, who, "user.export", {"users", ""}, nullptr, boost::json::object{{"rows", rows}});
  tx.Commit();
  return csv;
}

Result<UserAccount> AdminService::ResetPassword(const Principal& who, std::int64_t user_id,
                                                const std::string& temporary_password) {
  if (!who.Can(Permission::kUserManage)) return Forbidden(Permission::kUserManage);
  auto connection = db_.Acquire();
  store::IdentityRepository identity(*connection);
  auto user = identity.FindUser(user_id);
  if (!user) return MakeError(ErrorCode::kNotFound, "用户不存在", "no such user");
  if (user->id == who.user_id || IsAdministrator(user->roles)) {
    return MakeError(ErrorCode::kForbidden, "管理员账号（含本人）的密码不能由他人重置，请本人在“修改密码”中更改",
                     "An administrator's password (yours included) is not reset by another; its holder changes it");
  }
  SecurityPolicy policy = policy_.Current(*connection);
  auto history = identity.PasswordHistory(user->id, policy.password.history_depth);
  if (auto ok = security::CheckPasswordPolicy(temporary_password, user->username, policy.password, history); !ok) {
    Error e = ok.error();
    e.field = "password";
    return e;
  }
  auto hash = auth_.HashBounded(temporary_password);
  if (!hash) return hash.error();
  const std::string now = FormatUtc(clock_.Now());
  store::Transaction tx(*connection);
  identity.SetPassword(user->id, *hash, now, /*must_change=*/true);
  store::SessionRepository(*connection).RevokeAllOfUser(user->id, now);
  store::LoginLockoutRepository(*connection).ClearAllFor(user->username, now);
  identity.RecordFailedLogin(user->id, 0, std::nullopt);
  audit_.Append(*connection, who, "user.password_reset", {"user", std::to_string(user->id)});
  auto refreshed = identity.FindUser(user->id);
  auto account = AccountWithLock(*connection, *refreshed);
  tx.Commit();
  return account;
}

Status AdminService::RecordJobRun(const Principal& who, std::string_view job, std::string_view outcome) {
  if (!who.Can(Permission::kSettingsManage)) return Forbidden(Permission::kSettingsManage);
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  audit_.Append(*connection, who, "system.job_run", {"job", std::string(job)}, nullptr,
                boost::json::object{{"outcome", outcome}});
  tx.Commit();
  return Ok{};
}

Result<std::vector<ChangeRequestView>> AdminService::ListChangeRequests(const Principal& who, const std::string& status) {
  if (!IsAdministrator(who.roles)) return Forbidden(Permission::kUserManage);
  if (!status.empty() && status != "pending" && status != "approved" && status != "rejected") {
    return MakeError(ErrorCode::kValidationFailed, "状态应为 pending、approved 或 rejected",
                     "status must be pending, approved or rejected", "status");
  }
  auto connection = db_.Acquire();
  std::vector<ChangeRequestView> out;
  for (const auto& row : store::AdminChangeRepository(*connection).List(status, 200)) out.push_back(ChangeRequestOf(row));
  return out;
}

Result<ChangeRequestView> AdminService::DecideChangeRequest(const Principal& who, std::int64_t request_id, bool approve) {
  if (!IsAdministrator(who.roles)) return Forbidden(Permission::kUserManage);
  auto connection = db_.Acquire();
  store::AdminChangeRepository requests(*connection);
  auto request = requests.Find(request_id);
  if (!request) return MakeError(ErrorCode::kNotFound, "变更申请不存在", "no such change request");
  if (request->status != "pending") {
    return MakeError(ErrorCode::kConflict, "该申请已处理", "This request has already been decided");
  }
  if (request->requested_by == who.user_id) {
    return MakeError(ErrorCode::kForbidden, "不能审批自己提出的申请，须由另一名管理员审批",
                     "You cannot decide your own request; another administrator must");
  }
  if (request->target_user_id == who.user_id) {
    return MakeError(ErrorCode::kForbidden, "不能审批针对自己账号的申请，须由另一名管理员审批",
                     "You cannot decide a request about your own account; another administrator must");
  }
  UserChange change = UserChangeFromJson(request->change_json);
  const std::string now = FormatUtc(clock_.Now());
  store::IdentityRepository identity(*connection);
  auto user = identity.FindUser(request->target_user_id);
  if (!user) return MakeError(ErrorCode::kNotFound, "用户不存在", "no such user");
  store::Transaction tx(*connection);
  if (approve) {
    // Checked again as the account is now; the rules are the requester's, who asked for it.
    Principal requester = who;
    requester.user_id = request->requested_by;
    if (auto ok = ValidateChange(requester, *user, change); !ok) return ok.error();
  }
  if (!requests.Decide(request_id, approve ? "approved" : "rejected", who.user_id, now)) {
    return MakeError(ErrorCode::kConflict, "该申请已处理", "This request has already been decided");
  }
  audit_.Append(*connection, who, approve ? "user.change_approved" : "user.change_rejected",
                {"user", std::to_string(request->target_user_id)}, nullptr,
                boost::json::object{{"request", request_id}, {"requested_by", request->requested_by}});
  if (approve) ApplyChange(*connection, who, *user, change);
  auto view = ChangeRequestOf(*requests.Find(request_id));
  tx.Commit();
  return view;
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
