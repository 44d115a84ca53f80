#include "services/auth_service.h"

#include <cctype>

#include "security/tokens.h"
#include "store/identity_repository.h"
#include "store/login_lockout_repository.h"
#include "store/totp_repository.h"
#include "store/session_repository.h"

namespace wagelink::services {
namespace {

constexpr UnixSeconds kShanghaiOffset = 8 * 3600;  // no daylight saving in China since 1991

Error BadCredentials(const SecurityPolicy& policy) {
  return MakeError(ErrorCode::kUnauthenticated,
                   "用户名或密码错误。连续失败 " + std::to_string(policy.lockout_threshold) + " 次将锁定 " +
                       std::to_string(policy.lockout_minutes) + " 分钟。",
                   "Wrong username or password. " + std::to_string(policy.lockout_threshold) +
                       " failures in a row lock the account for " + std::to_string(policy.lockout_minutes) + " minutes.");
}

Error Locked(UnixSeconds until) {
  return MakeError(ErrorCode::kAccountLocked,
                   "该账号在本机多次登录失败，已暂停登录，请于 " + ShanghaiMinute(until) +
                       "（北京时间）后再试，或请安全管理员解锁。",
                   "Sign-in to this account from this computer is paused after repeated failures; try again after " +
                       ShanghaiMinute(until) + " (Beijing time) or ask the security administrator to unlock it.");
}

// Names are counted as typed, case-folded: "SecAdmin" and "secadmin" share one counter.
std::string LockoutKey(std::string_view username) {
  std::string key(username);
  for (auto& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

Error SessionInvalid() {
  return MakeError(ErrorCode::kUnauthenticated, "未登录或登录已超时，请重新登录", "Not signed in or the session has expired");
}

bool MustChangePassword(const store::UserRow& user, const SecurityPolicy& policy, UnixSeconds now) {
  if (user.password_policy_exempt) return false;
  auto changed = ParseUtc(user.password_changed_at);
  bool expired = changed && security::IsPasswordExpired(std::chrono::sys_seconds{std::chrono::seconds{*changed}},
                                                        std::chrono::sys_seconds{std::chrono::seconds{now}},
                                                        policy.password);
  return user.must_change_password || expired;
}

std::vector<security::Role> ParseRoles(const std::vector<std::string>& codes) {
  std::vector<security::Role> roles;
  for (const auto& code : codes) {
    if (auto role = security::ParseRole(code)) roles.push_back(*role);
  }
  return roles;
}

}  // namespace

std::string ShanghaiMinute(UnixSeconds t) {
  std::string iso = FormatUtc(t + kShanghaiOffset);  // YYYY-MM-DDTHH:MM:SSZ
  return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

AuthService::AuthService(store::Database& db, const Clock& clock, std::shared_ptr<const SecurityKeys> keys,
                         const AuditTrail& audit, SecurityPolicyStore& policy, security::Argon2Cost cost)
    : db_(db), clock_(clock), keys_(std::move(keys)), audit_(audit), policy_(policy), cost_(cost) {
  auto dummy = security::HashPassword("not-a-real-password-" + security::RandomHex(8), cost_);
  dummy_hash_ = dummy ? *dummy : "";
}

Result<std::string> AuthService::HashBounded(std::string_view password) {
  hashing_.acquire();
  auto hash = security::HashPassword(password, cost_);
  hashing_.release();
  return hash;
}

bool AuthService::VerifyBounded(std::string_view hash, std::string_view password) {
  hashing_.acquire();
  ++password_checks_;
  bool ok = security::VerifyPassword(hash, password);
  hashing_.release();
  return ok;
}

bool AuthService::AllowAttempt(const std::string& client) {
  // Counted in the database, so that every instance behind the load balancer applies one limit.
  const UnixSeconds now = clock_.Now();
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::LoginLockoutRepository attempts(*connection);
  attempts.HoldClient(client);
  if (attempts.CountAttempts(client, now - 60, now) >= kLoginAttemptsPerMinute) return false;
  attempts.RecordAttempt(client, now);
  tx.Commit();
  return true;
}

std::int64_t AuthService::PurgeOldAttempts() {
  auto connection = db_.Acquire();
  return store::LoginLockoutRepository(*connection).ForgetAttemptsUntil(clock_.Now() - 60);
}

Result<LoginResult> AuthService::Login(std::string_view username, std::string_view password,
                                       const RequestOrigin& origin) {
  if (!AllowAttempt(origin.client_address)) {
    return MakeError(ErrorCode::kTooManyRequests, "登录尝试过于频繁，请一分钟后再试", "Too many sign-in attempts; wait a minute");
  }
  if (username.empty() || password.empty() || username.size() > 64 || password.size() > 256) {
    return MakeError(ErrorCode::kValidationFailed, "请输入用户名和密码", "Username and password are required", "username");
  }
  const UnixSeconds now = clock_.Now();
  const std::string now_text = FormatUtc(now);
  auto connection = db_.Acquire();
  SecurityPolicy policy = policy_.Current(*connection);
  store::IdentityRepository identity(*connection);
  store::SessionRepository sessions(*connection);

  // Locks are kept per (name as typed, client address) whether or not the name is an account: a
  // locked name answers the same, with no password check, for real and unknown names alike.
  const std::string lock_key = LockoutKey(username);
  store::LoginLockoutRepository lockouts(*connection);
  auto lockout = lockouts.Find(lock_key, origin.client_address);
  if (lockout && lockout->locked_until) {
    auto until = ParseUtc(*lockout->locked_until);
    if (until && *until > now) {
      auto known = identity.FindUserByName(username);
      sessions.LogLogin(now_text, username, known ? std::optional(known->id) : std::nullopt, false, "locked",
                        origin.client_address);
      return Locked(*until);
    }
  }
  auto user = identity.FindUserByName(username);
  bool password_ok = false;
  if (!user || !user->active) {
    VerifyBounded(dummy_hash_, password);  // same work as a real check
  } else {
    password_ok = VerifyBounded(user->password_hash, password);
  }
  if (!password_ok) {
    store::Transaction tx(*connection);
    std::int64_t failures = (lockout && !lockout->locked_until ? lockout->failures : 0) + 1;
    std::optional<std::string> locked_until;
    if (failures >= policy.lockout_threshold) {
      locked_until = FormatUtc(now + policy.lockout_minutes * 60);
      failures = 0;
    }
    lockouts.Save(lock_key, origin.client_address, {failures, locked_until}, now_text);
    const char* reason = !user ? "unknown_user" : !user->active ? "disabled" : "bad_password";
    sessions.LogLogin(now_text, username, user ? std::optional(user->id) : std::nullopt, false,
                      locked_until ? "locked_now" : reason, origin.client_address);
    if (locked_until) {
      Principal actor = SystemActor(origin.request_id);
      actor.client_address = origin.client_address;
      audit_.Append(*connection, actor, "auth.account_locked",
                    user ? AuditTarget{"user", std::to_string(user->id)} : AuditTarget{"login", lock_key});
    }
    tx.Commit();
    return locked_until ? Locked(now + policy.lockout_minutes * 60) : BadCredentials(policy);
  }
  lockouts.Clear(lock_key, origin.client_address);

  // With a second factor owed, the session may only submit it (or enrol) until it is completed.
  auto enrolment = store::TotpRepository(*connection).Find(user->id);
  const bool enrolled = enrolment && enrolment->confirmed_at;
  const bool second_factor_owed = enrolled || policy.RequiresSecondFactor(user->roles);
  return IssueSession(*connection, *user, policy, origin, second_factor_owed);
}

Result<LoginResult> AuthService::IssueSession(store::Connection& connection, const store::UserRow& user,
                                              const SecurityPolicy& policy, const RequestOrigin& origin,
                                              bool second_factor_owed) {
  const UnixSeconds now = clock_.Now();
  const std::string now_text = FormatUtc(now);
  store::IdentityRepository identity(connection);
  store::SessionRepository sessions(connection);
  LoginResult result;
  result.session_token = security::NewSessionToken();
  result.csrf_token = CsrfTokenFor(result.session_token);
  store::Transaction tx(connection);
  const std::string token_hash = security::HashToken(result.session_token);
  const std::string csrf_hash = security::HashToken(result.csrf_token);
  std::int64_t session_id = 0;
  Principal actor;
  actor.user_id = user.id;
  actor.username = user.username;
  actor.body_code = user.body_code;
  actor.roles = ParseRoles(user.roles);
  actor.request_id = origin.request_id;
  actor.client_address = origin.client_address;
  if (second_factor_owed) {
    session_id = sessions.InsertPendingSecondFactor(token_hash, csrf_hash, user.id, now_text, origin.client_address);
    sessions.LogLogin(now_text, user.username, user.id, false, "second_factor_pending", origin.client_address);
    audit_.Append(connection, actor, "auth.password_verified", {"session", std::to_string(session_id)});
  } else {
    identity.RecordSuccessfulLogin(user.id, now_text);
    session_id = sessions.Insert(token_hash, csrf_hash, user.id, now_text, origin.client_address);
    sessions.LogLogin(now_text, user.username, user.id, true, "ok", origin.client_address);
    audit_.Append(connection, actor, "auth.login", {"session", std::to_string(session_id)});
  }
  tx.Commit();

  actor.session_id = session_id;
  actor.display_name = user.display_name;
  actor.body_id = user.body_id;
  actor.permissions = security::PermissionsOf(actor.roles);
  actor.must_change_password = MustChangePassword(user, policy, now);
  actor.second_factor_pending = second_factor_owed;
  // On the connection already held: a second Acquire here deadlocks once every pooled connection
  // is held by a sign-in waiting for another (as many simultaneous sign-ins as the pool is large).
  auto view = MeOn(connection, actor);
  if (!view) return view.error();
  result.user = *view;
  return result;
}

Result<LoginResult> AuthService::CompleteSecondFactor(store::Connection& connection, const Principal& pending,
                                                      const RequestOrigin& origin) {
  // A new session (new token) replaces the one that only knew the password.
  auto user = store::IdentityRepository(connection).FindUser(pending.user_id);
  if (!user || !user->active) return SessionInvalid();
  SecurityPolicy policy = policy_.Current(connection);
  store::SessionRepository(connection).Revoke(pending.session_id, FormatUtc(clock_.Now()));
  return IssueSession(connection, *user, policy, origin, false);
}

// Revoked, idle past the limit, older than the absolute limit, or its user disabled.
bool AuthService::SessionEnded(store::SessionRepository& sessions, const store::SessionWithUser& found,
                               const SecurityPolicy& policy, UnixSeconds now) {
  if (found.session.revoked_at || !found.user.active) return true;
  auto created = ParseUtc(found.session.created_at);
  auto seen = ParseUtc(found.session.last_seen_at);
  if (!created || !seen || now - *seen > policy.idle_timeout_minutes * 60 ||
      now - *created > policy.absolute_timeout_hours * 3600) {
    sessions.Revoke(found.session.id, FormatUtc(now));
    return true;
  }
  return false;
}

Result<Principal> AuthService::Authenticate(std::string_view session_token, const RequestOrigin& origin) {
  if (session_token.empty() || session_token.size() > 128) return SessionInvalid();
  const UnixSeconds now = clock_.Now();
  auto connection = db_.Acquire();
  SecurityPolicy policy = policy_.Current(*connection);
  store::SessionRepository sessions(*connection);
  auto found = sessions.FindWithUser(security::HashToken(session_token));
  if (!found || SessionEnded(sessions, *found, policy, now)) return SessionInvalid();
  const store::SessionRow* session = &found->session;
  const store::UserRow* user = &found->user;
  if (auto seen = ParseUtc(session->last_seen_at); seen && now - *seen >= kTouchEverySeconds) {
    sessions.Touch(session->id, FormatUtc(now));
  }

  Principal p;
  p.user_id = user->id;
  p.session_id = session->id;
  p.username = user->username;
  p.display_name = user->display_name;
  p.body_id = user->body_id;
  p.body_code = user->body_code;
  p.roles = ParseRoles(user->roles);
  p.permissions = security::PermissionsOf(p.roles);
  p.request_id = origin.request_id;
  p.client_address = origin.client_address;
  p.must_change_password = MustChangePassword(*user, policy, now);
  p.second_factor_pending = session->second_factor_pending;
  return p;
}

bool AuthService::SessionStillValid(std::int64_t session_id) {
  auto connection = db_.Acquire();
  SecurityPolicy policy = policy_.Current(*connection);
  store::SessionRepository sessions(*connection);
  auto found = sessions.FindWithUserById(session_id);
  return found && !found->session.second_factor_pending && !SessionEnded(sessions, *found, policy, clock_.Now());
}

Result<Principal> AuthService::PrincipalFor(std::string_view username, const RequestOrigin& origin) {
  auto connection = db_.Acquire();
  auto user = store::IdentityRepository(*connection).FindUserByName(username);
  if (!user || !user->active) return MakeError(ErrorCode::kNotFound, "用户不存在", "no such active user", "username");
  Principal p;
  p.user_id = user->id;
  p.username = user->username;
  p.display_name = user->display_name;
  p.body_id = user->body_id;
  p.body_code = user->body_code;
  p.roles = ParseRoles(user->roles);
  p.permissions = security::PermissionsOf(p.roles);
  p.request_id = origin.request_id;
  p.client_address = origin.client_address;
  return p;
}

int AuthService::CheckPublishedDemoPassword(std::string_view password, bool stop_at_first) {
  std::vector<std::string> hashes;
  {
    auto connection = db_.Acquire();
    hashes = store::IdentityRepository(*connection).ActiveExemptPasswordHashes();
  }
  int using_it = 0;
  for (const auto& hash : hashes) {
    using_it += VerifyBounded(hash, password) ? 1 : 0;
    if (stop_at_first && using_it > 0) break;
  }
  published_demo_password_.store(using_it > 0);
  return using_it;
}

std::string AuthService::CsrfTokenFor(std::string_view session_token) const {
  return keys_->cipher().BlindIndex("csrf", session_token);
}

bool AuthService::CsrfMatches(std::string_view session_token, std::string_view presented) const {
  return !presented.empty() && security::ConstantTimeEquals(CsrfTokenFor(session_token), presented);
}

Status AuthService::Logout(const Principal& principal) {
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::SessionRepository(*connection).Revoke(principal.session_id, FormatUtc(clock_.Now()));
  audit_.Append(*connection, principal, "auth.logout", {"session", std::to_string(principal.session_id)});
  tx.Commit();
  return Ok{};
}

Status AuthService::ChangePassword(const Principal& principal, std::string_view old_password,
                                   std::string_view new_password) {
  auto connection = db_.Acquire();
  SecurityPolicy policy = policy_.Current(*connection);
  store::IdentityRepository identity(*connection);
  auto user = identity.FindUser(principal.user_id);
  if (!user) return SessionInvalid();
  if (!VerifyBounded(user->password_hash, old_password)) {
    return MakeError(ErrorCode::kValidationFailed, "原密码不正确", "The current password is wrong", "old_password");
  }
  auto history = identity.PasswordHistory(user->id, policy.password.history_depth);
  if (auto ok = security::CheckPasswordPolicy(new_password, user->username, policy.password, history); !ok) {
    return ok.error();
  }
  auto hash = HashBounded(new_password);
  if (!hash) return hash.error();
  const std::string now = FormatUtc(clock_.Now());
  store::Transaction tx(*connection);
  identity.SetPassword(user->id, *hash, now, false);
  // Whoever else holds a session of this account (perhaps the reason for the change) is signed out;
  // the session that made the change stays (ASVS 3.3.3).
  store::SessionRepository(*connection).RevokeOthersOfUser(user->id, principal.session_id, now);
  audit_.Append(*connection, principal, "auth.password_changed", {"user", std::to_string(user->id)});
  tx.Commit();
  return Ok{};
}

Result<UserView> AuthService::Me(const Principal& principal) {
  auto connection = db_.Acquire();
  return MeOn(*connection, principal);
}

Result<UserView> AuthService::MeOn(store::Connection& connection, const Principal& principal) {
  SecurityPolicy policy = policy_.Current(connection);
  store::IdentityRepository identity(connection);
  auto user = identity.FindUser(principal.user_id);
  if (!user) return SessionInvalid();
  auto body = identity.FindBody(user->body_code);
  UserView view;
  view.id = user->id;
  view.username = user->username;
  view.display_name = user->display_name;
  view.body_code = user->body_code;
  view.body_name_zh = body ? body->name_zh : "";
  view.body_name_en = body ? body->name_en : "";
  view.roles = principal.roles;
  view.permissions = principal.permissions;
  view.must_change_password = principal.must_change_password;
  if (!user->password_policy_exempt && policy.password.max_age_days > 0) {
    if (auto changed = ParseUtc(user->password_changed_at)) {
      view.password_expires_at = FormatUtc(*changed + policy.password.max_age_days * 86400LL);
    }
  }
  view.idle_timeout_seconds = policy.idle_timeout_minutes * 60;
  auto enrolment = store::TotpRepository(connection).Find(user->id);
  view.two_factor_enrolled = enrolment && enrolment->confirmed_at;
  view.two_factor_required = policy.RequiresSecondFactor(user->roles);
  if (principal.second_factor_pending) view.second_factor = view.two_factor_enrolled ? "totp" : "enrol";
  return view;
}

}  // namespace wagelink::services
