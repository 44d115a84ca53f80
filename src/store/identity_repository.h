#pragma once
// Persistence of bodies, users, roles and the liaison roster. No business rules here: callers
// (services) decide who may do what; these functions only read and write rows.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct BodyRow {
  std::int64_t id = 0;
  std::string code;
  std::optional<std::int64_t> parent_id;
  std::string kind;  // region | body
  std::string name_zh;
  std::string name_en;
};

struct UserRow {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  std::int64_t body_id = 0;
  std::string body_code;
  std::string password_hash;
  std::string password_changed_at;
  bool must_change_password = true;
  bool password_policy_exempt = false;
  bool active = true;
  std::int64_t failed_logins = 0;
  std::optional<std::string> locked_until;
  std::optional<std::string> last_login_at;
  std::vector<std::string> roles;
};

struct LiaisonRow {
  std::int64_t id = 0;
  std::string body_code;
  std::string name;
  std::string title;
  std::string phone;
};

class IdentityRepository {
 public:
  explicit IdentityRepository(Connection& connection) : c_(connection) {}

  std::optional<BodyRow> FindBody(std::string_view code);
  std::vector<BodyRow> ListBodies();
  std::int64_t InsertBody(const BodyRow& body, const std::string& now);

  std::optional<UserRow> FindUserByName(std::string_view username);
  std::optional<UserRow> FindUser(std::int64_t id);
  std::int64_t InsertUser(const UserRow& user, const std::string& now);
  void SetRoles(std::int64_t user_id, const std::vector<std::string>& roles);

  // Users whose username or display name contains `text` (empty = all), by username.
  std::vector<UserRow> ListUsers(const std::string& text, std::int64_t limit, std::int64_t offset);
  // Active users of one body with their roles (username, display name, roles only).
  std::vector<UserRow> ListActiveUsersOfBody(std::int64_t body_id);
  std::int64_t CountUsers(const std::string& text);
  // The password hashes of active accounts exempt from the password policy (demo accounts).
  std::vector<std::string> ActiveExemptPasswordHashes();
  void UpdateProfile(std::int64_t user_id, const std::string& display_name, bool active);
  void RecordFailedLogin(std::int64_t user_id, std::int64_t failed_logins, const std::optional<std::string>& locked_until);
  void RecordSuccessfulLogin(std::int64_t user_id, const std::string& now);
  // Replaces the password and keeps the old hash in the history. The new password was checked
  // against the policy, so an account exempt from it (a demo account) is exempt no longer.
  void SetPassword(std::int64_t user_id, const std::string& hash, const std::string& now, bool must_change);
  // Newest first, including the current password.
  std::vector<std::string> PasswordHistory(std::int64_t user_id, int depth);

  std::vector<LiaisonRow> ListLiaisons();
  std::optional<LiaisonRow> FindLiaison(std::int64_t id);
  bool UpdateLiaison(std::int64_t id, std::int64_t body_id, const LiaisonRow& liaison, const std::string& now);
  bool DeleteLiaison(std::int64_t id);
  std::int64_t InsertLiaison(std::int64_t body_id, const LiaisonRow& liaison, const std::string& now);
  bool LiaisonExists(std::int64_t body_id, std::string_view name);

 private:
  std::vector<std::string> RolesOf(std::int64_t user_id);
  Connection& c_;
};

}  // namespace wagelink::store
