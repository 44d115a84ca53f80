#pragma once
// The three separated administrators' work (三员分立), each gated by its own permission:
// - system admin (user.manage): accounts — create, rename, enable/disable;
// - security admin (role.manage, password_policy.manage, session.manage): role assignment,
//   password and session policy, online sessions and forced logout;
// - auditor (audit.read, loginlog.read): audit log search and chain verification, login log.
// Every change is audited in the same transaction.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "services/audit_trail.h"
#include "services/auth_service.h"
#include "services/page.h"
#include "services/principal.h"
#include "services/security_policy.h"
#include "store/audit_repository.h"
#include "store/database.h"
#include "store/identity_repository.h"
#include "store/session_repository.h"

namespace wagelink::services {

struct NewUser {
  std::string username;
  std::string display_name;
  std::string body_code;
  std::string initial_password;  // the user must change it at first sign-in
};

struct UserChange {
  std::optional<std::string> display_name;
  std::optional<bool> active;
  std::optional<std::vector<std::string>> roles;  // role codes; needs role.manage
};

class AdminService {
 public:
  AdminService(store::Database& db, const Clock& clock, const AuditTrail& audit, SecurityPolicyStore& policy,
               AuthService& auth)
      : db_(db), clock_(clock), audit_(audit), policy_(policy), auth_(auth) {}

  Result<Page<store::UserRow>> ListUsers(const Principal& who, const std::string& text, std::int64_t limit,
                                         std::int64_t offset);
  Result<store::UserRow> CreateUser(const Principal& who, const NewUser& user);
  Result<store::UserRow> ChangeUser(const Principal& who, std::int64_t user_id, const UserChange& change);

  Result<SecurityPolicy> GetPolicy(const Principal& who);
  Result<SecurityPolicy> SetPolicy(const Principal& who, const SecurityPolicy& policy);

  Result<std::vector<store::SessionRow>> ListSessions(const Principal& who);
  Status RevokeSession(const Principal& who, std::int64_t session_id);

  Result<Page<store::LoginLogRow>> ListLogins(const Principal& who, std::int64_t limit, std::int64_t offset);
  Result<Page<security::AuditEntry>> ListAudit(const Principal& who, const std::string& text, std::int64_t limit,
                                               std::int64_t offset);
  Result<security::ChainReport> VerifyAudit(const Principal& who);
  // The audit log as CSV (UTF-8 with BOM so spreadsheet programs read Chinese), oldest first.
  // The export itself is audited.
  Result<std::string> ExportAuditCsv(const Principal& who);

 private:
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  SecurityPolicyStore& policy_;
  AuthService& auth_;
};

// The standard refusal when a permission is missing.
Error Forbidden(security::Permission missing);

}  // namespace wagelink::services
