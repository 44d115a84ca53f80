#pragma once
// Who is acting: the signed-in user with their body, roles and permissions, plus the request's
// id and client address for the audit trail. Built by AuthService for every authenticated request.
#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "security/roles.h"

namespace wagelink::services {

struct Principal {
  std::int64_t user_id = 0;
  std::int64_t session_id = 0;
  std::string username;
  std::string display_name;
  std::int64_t body_id = 0;
  std::string body_code;
  std::vector<security::Role> roles;
  std::vector<security::Permission> permissions;
  bool must_change_password = false;
  bool second_factor_pending = false;  // signed in with the password only: may submit the second factor
  std::string request_id;
  std::string client_address;
  // The database position this session's reads must see: its last write, when reads that tolerate
  // lag may go to a hot standby (services/read_your_writes.h). "" = none to wait for.
  std::string read_after;

  bool Can(security::Permission p) const {
    return std::find(permissions.begin(), permissions.end(), p) != permissions.end();
  }
  security::DataScope scope() const { return security::DataScopeFor(roles); }
  // The role code recorded in audit entries: all roles, comma-separated.
  std::string RoleCodes() const;
};

// The actor for writes the system makes by itself (seeding, scheduled jobs).
Principal SystemActor(std::string request_id = "system");

}  // namespace wagelink::services
