#pragma once
// Sign-in, sessions and passwords (issue 3, "Sessions"):
// - argon2id verification, at most `kConcurrentHashes` at once (each uses 64 MiB);
// - lockout after `lockout_threshold` failures for `lockout_minutes`, the same message for unknown
//   users and wrong passwords (no account enumeration), a dummy verification for unknown users so
//   timing does not tell either;
// - per-client rate limit on login attempts;
// - 256-bit session tokens stored hashed; the CSRF token is a keyed hash of the session token, so
//   it can be re-issued by /auth/me without being stored;
// - idle and absolute timeouts; forced change at first login and on expiry (demo users exempt).
#include <atomic>
#include <chrono>
#include <memory>
#include <optional>
#include <semaphore>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "security/passwords.h"
#include "services/audit_trail.h"
#include "services/principal.h"
#include "services/security_keys.h"
#include "services/security_policy.h"
#include "store/database.h"
#include "store/session_repository.h"

namespace wagelink::services {

inline constexpr int kConcurrentHashes = 2;
// Sign-in attempts one client address may make per minute, on all instances together (the
// login_attempts table): a guessing limit across accounts, beside the per-account lockout.
inline constexpr int kLoginAttemptsPerMinute = 20;
inline constexpr UnixSeconds kTouchEverySeconds = 60;

struct UserView {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::string body_code;
  std::string body_name_zh;
  std::string body_name_en;
  std::vector<security::Role> roles;
  std::vector<security::Permission> permissions;
  bool must_change_password = false;
  std::optional<std::string> password_expires_at;
  int idle_timeout_seconds = 0;
  bool two_factor_enrolled = false;
  bool two_factor_required = false;  // by the security administrator's policy for one of the roles
  // While the session owes the second factor: "totp" (enter a code) or "enrol" (set one up first);
  // empty once signed in fully.
  std::string second_factor;
};

struct LoginResult {
  std::string session_token;  // goes only into the HttpOnly cookie
  std::string csrf_token;
  UserView user;
};

struct RequestOrigin {
  std::string client_address;
  std::string request_id;
};

class AuthService {
 public:
  AuthService(store::Database& db, const Clock& clock, std::shared_ptr<const SecurityKeys> keys,
              const AuditTrail& audit, SecurityPolicyStore& policy, security::Argon2Cost cost);

  Result<LoginResult> Login(std::string_view username, std::string_view password, const RequestOrigin& origin);
  // After the second factor: replaces the pending session with a full one (new token).
  // `connection` must not be inside a transaction (this opens its own).
  Result<LoginResult> CompleteSecondFactor(store::Connection& connection, const Principal& pending,
                                           const RequestOrigin& origin);
  // The principal of a valid session, or kUnauthenticated (missing, expired, revoked, user disabled).
  Result<Principal> Authenticate(std::string_view session_token, const RequestOrigin& origin);
  // For an open live-update stream: false once its session is revoked (logout, forced logout,
  // password change elsewhere), expired (idle or absolute limit) or its user disabled.
  bool SessionStillValid(std::int64_t session_id);
  std::string CsrfTokenFor(std::string_view session_token) const;
  bool CsrfMatches(std::string_view session_token, std::string_view presented) const;
  Status Logout(const Principal& principal);
  Status ChangePassword(const Principal& principal, std::string_view old_password, std::string_view new_password);
  Result<UserView> Me(const Principal& principal);
  // The principal of an active user without a session: for work the system does on a user's
  // behalf (loading the demo scenarios), recorded in the audit log under that user.
  Result<Principal> PrincipalFor(std::string_view username, const RequestOrigin& origin);

  // How many active accounts exempt from the password policy (the demo accounts) still verify
  // with `password` (the published demo password); remembered for the UI's warning banner. With
  // `stop_at_first` it answers 0 or 1: each check is a deliberately slow password hash (about
  // 0.2 s), and a loopback server needs only the banner's yes or no, not 13 of them at every start.
  int CheckPublishedDemoPassword(std::string_view password, bool stop_at_first = false);
  const std::atomic<bool>& published_demo_password() const { return published_demo_password_; }

  security::Argon2Cost cost() const { return cost_; }
  // Password hash verifications since start: a sign-in with an unknown name counts one, like a
  // wrong password, so neither its time nor its CPU tells the names apart (GET /metrics).
  std::uint64_t password_checks() const { return password_checks_.load(); }
  // Hashes with the concurrency bound; shared with user administration.
  Result<std::string> HashBounded(std::string_view password);

  // Forgets sign-in attempts older than the minute they are counted over; run hourly by the
  // login_attempt_purge job, so that a sign-in writes only its own row.
  std::int64_t PurgeOldAttempts();

 private:
  Result<UserView> MeOn(store::Connection& connection, const Principal& principal);
  Result<LoginResult> IssueSession(store::Connection& connection, const store::UserRow& user,
                                   const SecurityPolicy& policy, const RequestOrigin& origin, bool second_factor_owed);
  bool SessionEnded(store::SessionRepository& sessions, const store::SessionWithUser& found,
                    const SecurityPolicy& policy, UnixSeconds now);
  bool VerifyBounded(std::string_view hash, std::string_view password);
  bool AllowAttempt(const std::string& client);

  store::Database& db_;
  const Clock& clock_;
  std::shared_ptr<const SecurityKeys> keys_;
  const AuditTrail& audit_;
  SecurityPolicyStore& policy_;
  security::Argon2Cost cost_;
  std::string dummy_hash_;
  std::counting_semaphore<kConcurrentHashes> hashing_{kConcurrentHashes};
  std::atomic<bool> published_demo_password_{false};
  std::atomic<std::uint64_t> password_checks_{0};
};

// "2026-01-05 17:15" in Asia/Shanghai, for messages.
std::string ShanghaiMinute(UnixSeconds t);

}  // namespace wagelink::services
