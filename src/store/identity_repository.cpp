#include "store/identity_repository.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kSelectBodyByCode =
    "SELECT id, code, parent_id, kind, name_zh, name_en FROM bodies WHERE code = ?";
constexpr std::string_view kSelectBodies =
    "SELECT id, code, parent_id, kind, name_zh, name_en FROM bodies ORDER BY sort_order, id";
constexpr std::string_view kInsertBody =
    "INSERT INTO bodies (code, parent_id, kind, name_zh, name_en, sort_order, created_at) "
    "VALUES (?, ?, ?, ?, ?, (SELECT COUNT(*) FROM bodies), ?) RETURNING id";

constexpr std::string_view kSelectUserByName =
    "SELECT u.id, u.username, u.display_name, u.body_id, b.code, u.password_hash, u.password_changed_at, "
    "u.must_change_password, u.password_policy_exempt, u.active, u.failed_logins, u.locked_until, u.last_login_at "
    "FROM users u JOIN bodies b ON b.id = u.body_id WHERE u.username = ?";
constexpr std::string_view kSelectUserById =
    "SELECT u.id, u.username, u.display_name, u.body_id, b.code, u.password_hash, u.password_changed_at, "
    "u.must_change_password, u.password_policy_exempt, u.active, u.failed_logins, u.locked_until, u.last_login_at "
    "FROM users u JOIN bodies b ON b.id = u.body_id WHERE u.id = ?";
constexpr std::string_view kInsertUser =
    "INSERT INTO users (username, display_name, body_id, password_hash, password_changed_at, must_change_password, "
    "password_policy_exempt, active, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kSelectRoles = "SELECT role FROM user_roles WHERE user_id = ? ORDER BY role";
constexpr std::string_view kDeleteRoles = "DELETE FROM user_roles WHERE user_id = ?";
constexpr std::string_view kInsertRole = "INSERT INTO user_roles (user_id, role) VALUES (?, ?)";

constexpr std::string_view kListUsers =
    "SELECT u.id, u.username, u.display_name, u.body_id, b.code, u.password_hash, u.password_changed_at, "
    "u.must_change_password, u.password_policy_exempt, u.active, u.failed_logins, u.locked_until, u.last_login_at "
    "FROM users u JOIN bodies b ON b.id = u.body_id "
    "WHERE (? = '' OR u.username LIKE ? OR u.display_name LIKE ?) ORDER BY u.username LIMIT ? OFFSET ?";
constexpr std::string_view kActiveUsersOfBody =
    "SELECT u.id, u.username, u.display_name, r.role FROM users u LEFT JOIN user_roles r ON r.user_id = u.id "
    "WHERE u.body_id = ? AND u.active = 1 ORDER BY u.username, r.role";
constexpr std::string_view kCountUsers =
    "SELECT COUNT(*) FROM users u WHERE (? = '' OR u.username LIKE ? OR u.display_name LIKE ?)";
constexpr std::string_view kUpdateProfile = "UPDATE users SET display_name = ?, active = ? WHERE id = ?";
constexpr std::string_view kFailedLogin = "UPDATE users SET failed_logins = ?, locked_until = ? WHERE id = ?";
constexpr std::string_view kSuccessfulLogin =
    "UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?";
constexpr std::string_view kArchivePassword =
    "INSERT INTO password_history (user_id, password_hash, created_at) "
    "SELECT id, password_hash, password_changed_at FROM users WHERE id = ?";
constexpr std::string_view kSetPassword =
    "UPDATE users SET password_hash = ?, password_changed_at = ?, must_change_password = ?, password_policy_exempt = 0 "
    "WHERE id = ?";
constexpr std::string_view kPasswordHistory =
    "SELECT password_hash FROM users WHERE id = ? "
    "UNION ALL SELECT * FROM (SELECT password_hash FROM password_history WHERE user_id = ? ORDER BY id DESC LIMIT ?) h";
constexpr std::string_view kSelectLiaison =
    "SELECT l.id, b.code, l.name, l.title, l.phone FROM liaisons l JOIN bodies b ON b.id = l.body_id WHERE l.id = ?";
constexpr std::string_view kUpdateLiaison =
    "UPDATE liaisons SET body_id = ?, name = ?, title = ?, phone = ?, updated_at = ? WHERE id = ?";
constexpr std::string_view kDeleteLiaison = "DELETE FROM liaisons WHERE id = ?";
constexpr std::string_view kSelectLiaisons =
    "SELECT l.id, b.code, l.name, l.title, l.phone FROM liaisons l JOIN bodies b ON b.id = l.body_id "
    "ORDER BY b.sort_order, l.id";
constexpr std::string_view kInsertLiaison =
    "INSERT INTO liaisons (body_id, name, title, phone, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kLiaisonExists = "SELECT 1 FROM liaisons WHERE body_id = ? AND name = ?";

BodyRow ToBody(const Row& r) {
  return {r.Int(0), r.Text(1), r.OptInt(2), r.Text(3), r.Text(4), r.Text(5)};
}

UserRow ToUser(const Row& r) {
  UserRow u;
  u.id = r.Int(0);
  u.username = r.Text(1);
  u.display_name = r.Text(2);
  u.body_id = r.Int(3);
  u.body_code = r.Text(4);
  u.password_hash = r.Text(5);
  u.password_changed_at = r.Text(6);
  u.must_change_password = r.Bool(7);
  u.password_policy_exempt = r.Bool(8);
  u.active = r.Bool(9);
  u.failed_logins = r.Int(10);
  u.locked_until = r.OptText(11);
  u.last_login_at = r.OptText(12);
  return u;
}

Value OptionalId(const std::optional<std::int64_t>& id) { return id ? Value(*id) : Value(nullptr); }

}  // namespace

std::optional<BodyRow> IdentityRepository::FindBody(std::string_view code) {
  auto row = c_.QueryOne(kSelectBodyByCode, {std::string(code)});
  if (!row) return std::nullopt;
  return ToBody(*row);
}

std::vector<BodyRow> IdentityRepository::ListBodies() {
  std::vector<BodyRow> out;
  c_.Stream(kSelectBodies, {}, [&](const Row& r) { out.push_back(ToBody(r)); });
  return out;
}

std::int64_t IdentityRepository::InsertBody(const BodyRow& body, const std::string& now) {
  return c_.InsertReturningId(kInsertBody,
                              {body.code, OptionalId(body.parent_id), body.kind, body.name_zh, body.name_en, now});
}

std::vector<std::string> IdentityRepository::RolesOf(std::int64_t user_id) {
  std::vector<std::string> roles;
  c_.Stream(kSelectRoles, {user_id}, [&](const Row& r) { roles.push_back(r.Text(0)); });
  return roles;
}

std::optional<UserRow> IdentityRepository::FindUserByName(std::string_view username) {
  auto row = c_.QueryOne(kSelectUserByName, {std::string(username)});
  if (!row) return std::nullopt;
  UserRow user = ToUser(*row);
  user.roles = RolesOf(user.id);
  return user;
}

std::optional<UserRow> IdentityRepository::FindUser(std::int64_t id) {
  auto row = c_.QueryOne(kSelectUserById, {id});
  if (!row) return std::nullopt;
  UserRow user = ToUser(*row);
  user.roles = RolesOf(user.id);
  return user;
}

std::int64_t IdentityRepository::InsertUser(const UserRow& user, const std::string& now) {
  return c_.InsertReturningId(
      kInsertUser, {user.username, user.display_name, user.body_id, user.password_hash, user.password_changed_at,
                    std::int64_t{user.must_change_password}, std::int64_t{user.password_policy_exempt},
                    std::int64_t{user.active}, now});
}

void IdentityRepository::SetRoles(std::int64_t user_id, const std::vector<std::string>& roles) {
  c_.Execute(kDeleteRoles, {user_id});
  for (const auto& role : roles) c_.Execute(kInsertRole, {user_id, role});
}

std::vector<UserRow> IdentityRepository::ListUsers(const std::string& text, std::int64_t limit, std::int64_t offset) {
  std::vector<UserRow> out;
  auto pattern = LikeContains(text);
  c_.Stream(kListUsers, {text, pattern, pattern, limit, offset}, [&](const Row& r) { out.push_back(ToUser(r)); });
  for (auto& user : out) user.roles = RolesOf(user.id);
  return out;
}

std::vector<UserRow> IdentityRepository::ListActiveUsersOfBody(std::int64_t body_id) {
  std::vector<UserRow> out;
  // One row per role; rows of one user are adjacent (ordered by username).
  c_.Stream(kActiveUsersOfBody, {body_id}, [&](const Row& r) {
    if (out.empty() || out.back().id != r.Int(0)) {
      UserRow user;
      user.id = r.Int(0);
      user.username = r.Text(1);
      user.display_name = r.Text(2);
      out.push_back(std::move(user));
    }
    if (auto role = r.OptText(3)) out.back().roles.push_back(*role);
  });
  return out;
}

std::int64_t IdentityRepository::CountUsers(const std::string& text) {
  auto pattern = LikeContains(text);
  return c_.QueryOne(kCountUsers, {text, pattern, pattern})->Int(0);
}

void IdentityRepository::UpdateProfile(std::int64_t user_id, const std::string& display_name, bool active) {
  c_.Execute(kUpdateProfile, {display_name, std::int64_t{active}, user_id});
}

std::vector<std::string> IdentityRepository::ActiveExemptPasswordHashes() {
  std::vector<std::string> out;
  c_.Stream("SELECT password_hash FROM users WHERE password_policy_exempt = 1 AND active = 1", {},
            [&](const Row& r) { out.push_back(r.Text(0)); });
  return out;
}

void IdentityRepository::RecordFailedLogin(std::int64_t user_id, std::int64_t failed_logins,
                                           const std::optional<std::string>& locked_until) {
  c_.Execute(kFailedLogin, {failed_logins, locked_until ? Value(*locked_until) : Value(nullptr), user_id});
}

void IdentityRepository::RecordSuccessfulLogin(std::int64_t user_id, const std::string& now) {
  c_.Execute(kSuccessfulLogin, {now, user_id});
}

void IdentityRepository::SetPassword(std::int64_t user_id, const std::string& hash, const std::string& now,
                                     bool must_change) {
  c_.Execute(kArchivePassword, {user_id});
  c_.Execute(kSetPassword, {hash, now, std::int64_t{must_change}, user_id});
}

std::vector<std::string> IdentityRepository::PasswordHistory(std::int64_t user_id, int depth) {
  std::vector<std::string> out;
  c_.Stream(kPasswordHistory, {user_id, user_id, std::int64_t{depth}}, [&](const Row& r) { out.push_back(r.Text(0)); });
  return out;
}

std::optional<LiaisonRow> IdentityRepository::FindLiaison(std::int64_t id) {
  auto r = c_.QueryOne(kSelectLiaison, {id});
  if (!r) return std::nullopt;
  return LiaisonRow{r->Int(0), r->Text(1), r->Text(2), r->Text(3), r->Text(4)};
}

bool IdentityRepository::UpdateLiaison(std::int64_t id, std::int64_t body_id, const LiaisonRow& l, const std::string& now) {
  return c_.Execute(kUpdateLiaison, {body_id, l.name, l.title, l.phone, now, id}) > 0;
}

bool IdentityRepository::DeleteLiaison(std::int64_t id) { return c_.Execute(kDeleteLiaison, {id}) > 0; }

std::vector<LiaisonRow> IdentityRepository::ListLiaisons() {
  std::vector<LiaisonRow> out;
  c_.Stream(kSelectLiaisons, {}, [&](const Row& r) { out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4)}); });
  return out;
}

std::int64_t IdentityRepository::InsertLiaison(std::int64_t body_id, const LiaisonRow& l, const std::string& now) {
  return c_.InsertReturningId(kInsertLiaison, {body_id, l.name, l.title, l.phone, now, now});
}

bool IdentityRepository::LiaisonExists(std::int64_t body_id, std::string_view name) {
  return c_.QueryOne(kLiaisonExists, {body_id, std::string(name)}).has_value();
}

}  // namespace wagelink::store
