#include "store/session_repository.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kInsertSession =
    "INSERT INTO sessions (token_hash, csrf_hash, user_id, created_at, last_seen_at, client_address) "
    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
#define WAGELINK_SESSION_WITH_USER                                                                            \
  "SELECT s.id, s.user_id, u.username, b.code, s.created_at, s.last_seen_at, s.client_address, s.revoked_at, "    \
  "u.display_name, u.body_id, u.password_changed_at, u.must_change_password, u.password_policy_exempt, u.active, " \
  "r.role, s.second_factor_pending FROM sessions s JOIN users u ON u.id = s.user_id "                             \
  "JOIN bodies b ON b.id = u.body_id LEFT JOIN user_roles r ON r.user_id = u.id "
constexpr std::string_view kSelectSessionWithUser = WAGELINK_SESSION_WITH_USER "WHERE s.token_hash = ? ORDER BY r.role";
constexpr std::string_view kSelectSessionWithUserById = WAGELINK_SESSION_WITH_USER "WHERE s.id = ? ORDER BY r.role";
#undef WAGELINK_SESSION_WITH_USER
constexpr std::string_view kRevokeOtherUserSessions =
    "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND id <> ? AND revoked_at IS NULL";
constexpr std::string_view kCompleteSecondFactor = "UPDATE sessions SET second_factor_pending = 0 WHERE id = ?";
constexpr std::string_view kInsertPendingSession =
    "INSERT INTO sessions (token_hash, csrf_hash, user_id, created_at, last_seen_at, client_address, "
    "second_factor_pending) VALUES (?, ?, ?, ?, ?, ?, 1) RETURNING id";
constexpr std::string_view kTouchSession = "UPDATE sessions SET last_seen_at = ? WHERE id = ?";
constexpr std::string_view kRevokeSession =
    "UPDATE sessions SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL";
constexpr std::string_view kRevokeUserSessions =
    "UPDATE sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL";
constexpr std::string_view kSelectActiveSessions =
    "SELECT s.id, s.user_id, u.username, b.code, s.created_at, s.last_seen_at, s.client_address, s.revoked_at "
    "FROM sessions s JOIN users u ON u.id = s.user_id JOIN bodies b ON b.id = u.body_id "
    "WHERE s.revoked_at IS NULL AND s.last_seen_at >= ? AND s.created_at >= ? ORDER BY s.last_seen_at DESC LIMIT 1000";
constexpr std::string_view kInsertLogin =
    "INSERT INTO login_log (at, username, user_id, success, reason, client_address) VALUES (?, ?, ?, ?, ?, ?)";
// One statement text whatever the filter holds: an empty value (or -1) switches its part off.
#define WL_LOGIN_FILTER                                                                                    \
  "WHERE (? = '' OR username = ? OR username IN (SELECT username FROM users WHERE display_name LIKE ?)) " \
  "AND (? = -1 OR success = ?) AND (? = '' OR at >= ?) AND (? = '' OR at < ?) "                           \
  "AND (? = '' OR client_address LIKE ?) "
constexpr std::string_view kSelectLogins =
    "SELECT id, at, username, success, reason, client_address FROM login_log " WL_LOGIN_FILTER
    "ORDER BY id DESC LIMIT ? OFFSET ?";
constexpr std::string_view kStreamLogins =
    "SELECT id, at, username, success, reason, client_address FROM login_log " WL_LOGIN_FILTER "ORDER BY id";
constexpr std::string_view kCountLogins = "SELECT COUNT(*) FROM login_log " WL_LOGIN_FILTER;
#undef WL_LOGIN_FILTER

Params LoginFilterParams(const LoginFilter& f) {
  const std::string name_like = f.user.empty() ? std::string() : LikeContains(f.user);
  const std::string address_like = f.client_address.empty() ? std::string() : LikeContains(f.client_address);
  const std::int64_t success = f.success ? std::int64_t{*f.success} : std::int64_t{-1};
  return {f.user,   f.user, name_like, success, success, f.from_at, f.from_at, f.until_at, f.until_at,
          f.client_address, address_like};
}

LoginLogRow ToLogin(const Row& r) { return {r.Int(0), r.Text(1), r.Text(2), r.Bool(3), r.Text(4), r.Text(5)}; }

SessionRow ToSession(const Row& r) {
  return {r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.OptText(7)};
}

}  // namespace

std::int64_t SessionRepository::Insert(std::string_view token_hash, std::string_view csrf_hash, std::int64_t user_id,
                                       const std::string& now, std::string_view client_address) {
  return c_.InsertReturningId(kInsertSession, {std::string(token_hash), std::string(csrf_hash), user_id, now, now,
                                               std::string(client_address)});
}

std::optional<SessionWithUser> SessionRepository::FindWithUser(std::string_view token_hash) {
  return FromRows(c_.Query(kSelectSessionWithUser, {std::string(token_hash)}));
}

std::optional<SessionWithUser> SessionRepository::FindWithUserById(std::int64_t session_id) {
  return FromRows(c_.Query(kSelectSessionWithUserById, {session_id}));
}

std::int64_t SessionRepository::InsertPendingSecondFactor(std::string_view token_hash, std::string_view csrf_hash,
                                                          std::int64_t user_id, const std::string& now,
                                                          std::string_view client_address) {
  return c_.InsertReturningId(kInsertPendingSession, {std::string(token_hash), std::string(csrf_hash), user_id, now,
                                                      now, std::string(client_address)});
}

void SessionRepository::CompleteSecondFactor(std::int64_t session_id) { c_.Execute(kCompleteSecondFactor, {session_id}); }

void SessionRepository::RevokeOthersOfUser(std::int64_t user_id, std::int64_t keep_session_id, const std::string& now) {
  c_.Execute(kRevokeOtherUserSessions, {now, user_id, keep_session_id});
}

std::optional<SessionWithUser> SessionRepository::FromRows(const std::vector<Row>& rows) {
  // One row per role (or one row with a NULL role for a user without roles).
  if (rows.empty()) return std::nullopt;
  const Row& first = rows.front();
  SessionWithUser found{ToSession(first), {}};
  UserRow& user = found.user;
  user.id = found.session.user_id;
  user.username = found.session.username;
  user.body_code = found.session.body_code;
  user.display_name = first.Text(8);
  user.body_id = first.Int(9);
  user.password_changed_at = first.Text(10);
  user.must_change_password = first.Bool(11);
  user.password_policy_exempt = first.Bool(12);
  user.active = first.Bool(13);
  found.session.second_factor_pending = first.Bool(15);
  for (const auto& row : rows) {
    if (auto role = row.OptText(14)) user.roles.push_back(std::move(*role));
  }
  return found;
}

void SessionRepository::Touch(std::int64_t session_id, const std::string& now) { c_.Execute(kTouchSession, {now, session_id}); }

bool SessionRepository::Revoke(std::int64_t session_id, const std::string& now) {
  return c_.Execute(kRevokeSession, {now, session_id}) > 0;
}

void SessionRepository::RevokeAllOfUser(std::int64_t user_id, const std::string& now) {
  c_.Execute(kRevokeUserSessions, {now, user_id});
}

std::vector<SessionRow> SessionRepository::ListActive(const std::string& active_since, const std::string& created_since) {
  std::vector<SessionRow> out;
  c_.Stream(kSelectActiveSessions, {active_since, created_since}, [&](const Row& r) { out.push_back(ToSession(r)); });
  return out;
}

void SessionRepository::LogLogin(const std::string& at, std::string_view username, std::optional<std::int64_t> user_id,
                                 bool success, std::string_view reason, std::string_view client_address) {
  c_.Execute(kInsertLogin, {at, std::string(username).substr(0, 128), user_id ? Value(*user_id) : Value(nullptr),
                            std::int64_t{success}, std::string(reason), std::string(client_address)});
}

std::vector<LoginLogRow> SessionRepository::ListLogins(const LoginFilter& filter, std::int64_t limit,
                                                       std::int64_t offset) {
  Params params = LoginFilterParams(filter);
  params.emplace_back(limit);
  params.emplace_back(offset);
  std::vector<LoginLogRow> out;
  c_.Stream(kSelectLogins, params, [&](const Row& r) { out.push_back(ToLogin(r)); });
  return out;
}

std::int64_t SessionRepository::CountLogins(const LoginFilter& filter) {
  return c_.QueryOne(kCountLogins, LoginFilterParams(filter))->Int(0);
}

void SessionRepository::StreamLogins(const LoginFilter& filter, const std::function<void(const LoginLogRow&)>& on_row) {
  c_.Stream(kStreamLogins, LoginFilterParams(filter), [&](const Row& r) { on_row(ToLogin(r)); });
}

}  // namespace wagelink::store
