#pragma once
// The security administrator's policy: password rules, lockout and session timeouts. Defaults
// are the project's security baseline (ARCHITECTURE.md); the operator changes them through the
// API, and every instance re-reads them within `kPolicyRefreshSeconds`.
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "security/passwords.h"
#include "services/refreshing_setting.h"
#include "store/database.h"

namespace wagelink::services {

inline constexpr UnixSeconds kPolicyRefreshSeconds = 30;

struct SecurityPolicy {
  security::PasswordPolicy password;
  int lockout_threshold = 5;
  int lockout_minutes = 15;
  int idle_timeout_minutes = 30;
  int absolute_timeout_hours = 12;
  // Roles that must sign in with a second factor (TOTP). The baseline (等保 2.0 三级 §8.1.4.1):
  // the three administrators and 负责人. The demo district makes it optional for every role.
  std::vector<std::string> two_factor_required_roles{"system_admin", "security_admin", "auditor", "unit_head"};

  bool RequiresSecondFactor(const std::vector<std::string>& role_codes) const;
};

boost::json::object SecurityPolicyToJson(const SecurityPolicy& policy);
// Validates every field (ranges that keep the baseline meaningful); the field is named on error.
Result<SecurityPolicy> SecurityPolicyFromJson(const boost::json::object& json);

class SecurityPolicyStore {
 public:
  explicit SecurityPolicyStore(const Clock& clock) : clock_(clock), cached_(clock, kPolicyRefreshSeconds) {}
  SecurityPolicy Current(store::Connection& connection);
  void Save(store::Connection& connection, const SecurityPolicy& policy, const std::string& updated_by);

 private:
  const Clock& clock_;
  RefreshingSetting<SecurityPolicy> cached_;
};

}  // namespace wagelink::services
