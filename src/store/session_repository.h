#pragma once
// Sessions (stored by token hash) and the login log.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"
#include "store/identity_repository.h"

namespace wagelink::store {

struct SessionRow {
  std::int64_t id = 0;
  std::int64_t user_id = 0;
  std::string username;
  std::string body_code;
  std::string created_at;
  std::string last_seen_at;
  std::string client_address;
  std::optional<std::string> revoked_at;
  bool second_factor_pending = false;  // past the password, still owing the second factor
};

struct LoginLogRow {
  std::int64_t id = 0;
  std::string at;
  std::string username;
  bool success = false;
  std::string reason;
  std::string client_address;
};

// What the auditor searches the login log for; every part optional, all parts must hold.
struct LoginFilter {
  std::string user;                // the typed login name exactly, or part of the account's display name
  std::optional<bool> success;
  std::string from_at;             // instants as stored (UTC ISO text): at >= from_at
  std::string until_at;            // at < until_at
  std::string client_address;      // part of the address
};

struct SessionWithUser {
  SessionRow session;
  UserRow user;  // without password hash, lockout or login fields
};

class SessionRepository {
 public:
  explicit SessionRepository(Connection& connection) : c_(connection) {}

  std::int64_t Insert(std::string_view token_hash, std::string_view csrf_hash, std::int64_t user_id,
                      const std::string& now, std::string_view client_address);
  // The session with its user and the user's roles in one statement: every authenticated request
  // runs it, so it is one round trip instead of three.
  std::optional<SessionWithUser> FindWithUser(std::string_view token_hash);
  std::optional<SessionWithUser> FindWithUserById(std::int64_t session_id);
  // A session that may only submit the second factor until CompleteSecondFactor.
  std::int64_t InsertPendingSecondFactor(std::string_view token_hash, std::string_view csrf_hash, std::int64_t user_id,
                                         const std::string& now, std::string_view client_address);
  void CompleteSecondFactor(std::int64_t session_id);
  // Ends every session of the user but one (after a password change: ASVS 3.3.3).
  void RevokeOthersOfUser(std::int64_t user_id, std::int64_t keep_session_id, const std::string& now);
  void Touch(std::int64_t session_id, const std::string& now);
  bool Revoke(std::int64_t session_id, const std::string& now);
  void RevokeAllOfUser(std::int64_t user_id, const std::string& now);
  // Sessions not revoked whose last activity is at or after `active_since` and creation at or after `created_since`.
  std::vector<SessionRow> ListActive(const std::string& active_since, const std::string& created_since);

  void LogLogin(const std::string& at, std::string_view username, std::optional<std::int64_t> user_id, bool success,
                std::string_view reason, std::string_view client_address);
  // Newest first.
  std::vector<LoginLogRow> ListLogins(const LoginFilter& filter, std::int64_t limit, std::int64_t offset);
  std::int64_t CountLogins(const LoginFilter& filter);
  // Oldest first, one row at a time (the export).
  void StreamLogins(const LoginFilter& filter, const std::function<void(const LoginLogRow&)>& on_row);

 private:
  static std::optional<SessionWithUser> FromRows(const std::vector<Row>& rows);
  Connection& c_;
};

}  // namespace wagelink::store
