#include "services/auth_service.h"

#include "security/tokens.h"
#include "store/identity_repository.h"
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
  return MakeError(ErrorCode::kAccountLocked, "账号因多次登录失败已被锁定，请于 " + ShanghaiMinute(until) + "（北京时间）后再试。",
                   "The account is locked after repeated failed sign-ins; try again after " + ShanghaiMinute(until) +
                       " (Beijing time).");
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
  bool ok = security::VerifyPassword(hash, password);
  hashing_.release();
  return ok;
}

bool AuthService::AllowAttempt(const std::string& client) {
  UnixSeconds now = clock_.Now();
  std::lock_guard lock(attempts_mutex_);
  if (attempts_.size() > 10'000) attempts_.clear();  // bound memory under an address-spraying attack
  auto& times = attempts_[client];
  std::erase_if(times, [now](UnixSeconds t) { return t <= now - 60 || t > now; });
  if (static_cast<int>(times.size()) >= kLoginAttemptsPerMinute) return false;
  times.push_back(now);
  return true;
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

  auto user = identity.FindUserByName(username);
  if (!user || !user->active) {
    VerifyBounded(dummy_hash_, password);  // same work as a real check
    sessions.LogLogin(now_text, username, std::nullopt, false, user ? "disabled" : "unknown_user", origin.client_address);
    return BadCredentials(policy);
  }
  if (user->locked_until) {
    auto until = ParseUtc(*user->locked_until);
    if (until && *until > now) {
      sessions.LogLogin(now_text, username, user->id, false, "locked", origin.client_address);
      return Locked(*until);
    }
  }
  if (!VerifyBounded(user->password_hash, password)) {
    store::Transaction tx(*connection);
    std::int64_t failures = user->failed_logins + 1;
    std::optional<std::string> locked_until;
    if (failures >= policy.lockout_threshold) {
      locked_until = FormatUtc(now + policy.lockout_minutes * 60);
      failures = 0;
    }
    identity.RecordFailedLogin(user->id, failures, locked_until);
    sessions.LogLogin(now_text, username, user->id, false, locked_until ? "locked_now" : "bad_password",
                      origin.client_address);
    if (locked_until) {
      Principal actor = SystemActor(origin.request_id);
      actor.client_address = origin.client_address;
      audit_.Append(*connection, actor, "auth.account_locked", {"user", std::to_string(user->id)});
    }
    tx.Commit();
    return locked_until ? Locked(now + policy.lockout_minutes * 60) : BadCredentials(policy);
  }

  LoginResult result;
  result.session_token = security::NewSessionToken();
  result.csrf_token = CsrfTokenFor(result.session_token);
  store::Transaction tx(*connection);
  identity.RecordSuccessfulLogin(user->id, now_text);
  std::int64_t session_id = sessions.Insert(security::HashToken(result.session_token),
                                            security::HashToken(result.csrf_token), user->id, now_text,
                                            origin.client_address);
  sessions.LogLogin(now_text, username, user->id, true, "ok", origin.client_address);
  Principal actor;
  actor.user_id = user->id;
  actor.username = user->username;
  actor.body_code = user->body_code;
  actor.roles = ParseRoles(user->roles);
  actor.request_id = origin.request_id;
  actor.client_address = origin.client_address;
  audit_.Append(*connection, actor, "auth.login", {"session", std::to_string(session_id)});
  tx.Commit();

  actor.session_id = session_id;
  actor.display_name = user->display_name;
  actor.body_id = user->body_id;
  actor.permissions = security::PermissionsOf(actor.roles);
  actor.must_change_password = MustChangePassword(*user, policy, now);
  auto view = Me(actor);
  if (!view) return view.error();
  result.user = *view;
  return result;
}

Result<Principal> AuthService::Authenticate(std::string_view session_token, const RequestOrigin& origin) {
  if (session_token.empty() || session_token.size() > 128) return SessionInvalid();
  const UnixSeconds now = clock_.Now();
  auto connection = db_.Acquire();
  SecurityPolicy policy = policy_.Current(*connection);
  store::SessionRepository sessions(*connection);
  auto found = sessions.FindWithUser(security::HashToken(session_token));
  if (!found || found->session.revoked_at) return SessionInvalid();
  const store::SessionRow* session = &found->session;
  auto created = ParseUtc(session->created_at);
  auto seen = ParseUtc(session->last_seen_at);
  if (!created || !seen || now - *seen > policy.idle_timeout_minutes * 60 ||
      now - *created > policy.absolute_timeout_hours * 3600) {
    sessions.Revoke(session->id, FormatUtc(now));
    return SessionInvalid();
  }
  const store::UserRow* user = &found->user;
  if (!user->active) return SessionInvalid();
  if (now - *seen >= kTouchEverySeconds) sessions.Touch(session->id, FormatUtc(now));

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
  return p;
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
  audit_.Append(*connection, principal, "auth.password_changed", {"user", std::to_string(user->id)});
  tx.Commit();
  return Ok{};
}

Result<UserView> AuthService::Me(const Principal& principal) {
  auto connection = db_.Acquire();
  SecurityPolicy policy = policy_.Current(*connection);
  store::IdentityRepository identity(*connection);
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
  return view;
}

}  // namespace wagelink::services
