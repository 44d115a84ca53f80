#pragma once
// Operator settings as JSON text under a key (password policy, thresholds chosen, rule overrides).
#include <optional>
#include <string>

#include "store/database.h"

namespace wagelink::store {

class SettingsRepository {
 public:
  explicit SettingsRepository(Connection& connection) : c_(connection) {}
  std::optional<std::string> Get(std::string_view key);
  void Put(std::string_view key, std::string_view value, const std::string& now, std::string_view updated_by);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
