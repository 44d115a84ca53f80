#pragma once
// The security administrator's policy: password rules, lockout and session timeouts. Defaults
// are the project's security baseline (ARCHITECTURE.md); the operator changes them through the
// API, and every instance re-reads them within `kPolicyRefreshSeconds`.
#include <boost/json/object.hpp>

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
