#pragma once
// The three separated administrators' work (三员分立), each gated by its own permission:
// - system admin (user.manage): accounts — create, rename, enable/disable;
// - security admin (role.manage, password_policy.manage, session.manage): role assignment,
//   password and session policy, online sessions and forced logout;
// - auditor (audit.read, loginlog.read): audit log search and chain verification, login log.
// Every change is audited in the same transaction.
#include <boost/json/object.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "services/audit_trail.h"
#include "services/auth_service.h"
#include "services/log_search.h"
#include "services/page.h"
#include "services/principal.h"
#include "services/security_policy.h"
#include "store/audit_repository.h"
#include "store/database.h"
#include "store/identity_repository.h"
#include "store/session_repository.h"

namespace wagelink::services {

// An account as the administrators see it: never its password hash or failed-login counter.
struct UserAccount {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string body_code;
  std::vector<std::string> roles;
  bool active = true;
  std::optional<std::string> locked_until;
  bool must_change_password = true;
  std::optional<std::string> last_login_at;
};

struct OnlineSession {
  std::int64_t id = 0;
  std::string username;
  std::string body_code;
  std::string created_at;
  std::string last_seen_at;
  std::string client_address;
};

struct LoginAttempt {
  std::string at;
  std::string username;
  std::string display_name;  // the account's name when the typed name is an account, else ""
  bool success = false;
  std::string reason;
  std::string client_address;
};

// One audit entry as the auditor reads it: the record, with the actor's name and the target named
// the way people know it (a case by its number, an account by its person's name) where there is one.
struct AuditView {
  security::AuditEntry entry;
  std::string actor_name;
  std::string target_name;
};

struct NewUser {
  std::string username;
  std::string display_name;
  std::string body_code;
  std::string initial_password;  // the user must change it at first sign-in
};

// 用户导入: one row the file could not give (its spreadsheet row number, the field, why).
struct UserImportError {
  std::size_t line = 0;
  std::string field;
  std::string message_zh;
  std::string message_en;
};

// Either every account was created (`created`) or none was (`errors` says why, row by row).
struct UserImportOutcome {
  std::vector<UserAccount> created;
  std::vector<UserImportError> errors;
};

struct UserChange {
  std::optional<std::string> display_name;
  std::optional<bool> active;
  std::optional<std::vector<std::string>> roles;  // role codes; needs role.manage
};
// The change's one JSON form: stored with a pending change request and shown by the API.
boost::json::object UserChangeToJson(const UserChange& change);

// 三员分立: a change to another administrator's account (or one that would make someone an
// administrator) is not applied by the one who asks; it waits for a second, different administrator.
struct ChangeRequestView {
  std::int64_t id = 0;
  std::int64_t target_user_id = 0;
  std::string target_display_name;
  std::string requested_by_display_name;
  UserChange change;
  std::string status;  // pending | approved | rejected
  std::string created_at;
  std::optional<std::string> decided_by_display_name;
  std::optional<std::string> decided_at;
};

// Either the change was applied, or it awaits a second administrator.
struct UserChangeOutcome {
  std::optional<UserAccount> applied;
  std::optional<ChangeRequestView> pending;
};

class AdminService {
 public:
  AdminService(store::Database& db, const Clock& clock, const AuditTrail& audit, SecurityPolicyStore& policy,
               AuthService& auth)
      : db_(db), clock_(clock), audit_(audit), policy_(policy), auth_(auth) {}

  Result<Page<UserAccount>> ListUsers(const Principal& who, const std::string& text, std::int64_t limit,
                                      std::int64_t offset);
  Result<UserAccount> CreateUser(const Principal& who, const NewUser& user);
  // 用户导入: accounts from a CSV/XLSX file with the columns 登录名, 姓名, 所属单位 (name or code)
  // and 初始密码, all or nothing, each checked as CreateUser checks one; each must change the
  // password at the first sign-in. Roles are granted afterwards by the security administrator.
  static constexpr std::size_t kMaxImportedUsers = 500;
  Result<UserImportOutcome> ImportUsers(const Principal& who, std::string_view file);
  // 用户导出: every account as CSV in words (body and roles by name, state, last sign-in), for the
  // system administrator; the export is audited as user.export.
  Result<std::string> ExportUsersCsv(const Principal& who);
  Result<UserChangeOutcome> ChangeUser(const Principal& who, std::int64_t user_id, const UserChange& change);
  // 重置密码: the system administrator gives a business user a temporary password (checked against
  // the password policy and the account's history). The user must change it at the next sign-in,
  // every session of the account ends and its sign-in locks are lifted. An administrator's own
  // password, or another administrator's, is not reset this way (三员分立: each changes their own).
  Result<UserAccount> ResetPassword(const Principal& who, std::int64_t user_id, const std::string& temporary_password);
  // Lifts every sign-in lock on the account (all addresses); the security administrator's.
  Result<UserAccount> UnlockUser(const Principal& who, std::int64_t user_id);

  // For administrators only: the requests (pending first when `status` is "pending").
  Result<std::vector<ChangeRequestView>> ListChangeRequests(const Principal& who, const std::string& status);
  // A second administrator — neither the one who asked nor the one changed — approves (the change
  // is applied now) or rejects it. Both are audited.
  Result<ChangeRequestView> DecideChangeRequest(const Principal& who, std::int64_t request_id, bool approve);

  Result<SecurityPolicy> GetPolicy(const Principal& who);
  Result<SecurityPolicy> SetPolicy(const Principal& who, const SecurityPolicy& policy);

  // The system administrator ran a scheduled job from the 定时任务 page: recorded as system.job_run
  // with its outcome (the job's own work records itself). Refused without settings.manage.
  Status RecordJobRun(const Principal& who, std::string_view job, std::string_view outcome);

  Result<std::vector<OnlineSession>> ListSessions(const Principal& who);
  Status RevokeSession(const Principal& who, std::int64_t session_id);

  // The auditor's reading of the logs (admin_logs.cpp). A search that does not hold (a wrong date,
  // an unknown body) is refused, never widened.
  Result<Page<LoginAttempt>> ListLogins(const Principal& who, const LoginSearch& search, std::int64_t limit,
                                        std::int64_t offset);
  // The matching login attempts as CSV, oldest first, like the audit export; audited as loginlog.export.
  Result<std::string> ExportLoginsCsv(const Principal& who, const LoginSearch& search);
  Result<Page<AuditView>> ListAudit(const Principal& who, const AuditSearch& search, std::int64_t limit,
                                    std::int64_t offset);
  // Reading and verifying the log are themselves audited (audit.read, audit.verify).
  Result<security::ChainReport> VerifyAudit(const Principal& who);
  // The auditor's own anchor: signs the head (after recording the download as audit.anchor_download)
  // and returns it as one anchor line, to keep apart and hand to `audit verify --anchor` later.
  Result<std::string> DownloadAuditAnchor(const Principal& who);
  // The matching audit entries as CSV (UTF-8 with BOM so spreadsheet programs read Chinese), oldest
  // first, in words people read beside the codes. The export itself is audited (audit.export).
  Result<std::string> ExportAuditCsv(const Principal& who, const AuditSearch& search);

 private:
  // A new account's row, checked (name, display name, password policy, body); not hashed, not stored.
  Result<store::UserRow> CheckedNewUser(store::Connection& connection, const NewUser& input, const SecurityPolicy& policy);
  // Validates `change` against the account as it is now; the role codes parsed.
  Status ValidateChange(const Principal& who, const store::UserRow& user, const UserChange& change);
  store::UserRow ApplyChange(store::Connection& connection, const Principal& who, const store::UserRow& before,
                             const UserChange& change);
  UserAccount AccountWithLock(store::Connection& connection, const store::UserRow& row);
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  SecurityPolicyStore& policy_;
  AuthService& auth_;
};

// The standard refusal when a permission is missing.
Error Forbidden(security::Permission missing);

}  // namespace wagelink::services
