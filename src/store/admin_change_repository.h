#pragma once
// Changes asked for on an administrator's account, awaiting a second administrator (三员分立).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct AdminChangeRow {
  std::int64_t id = 0;
  std::int64_t target_user_id = 0;
  std::string target_display_name;
  std::int64_t requested_by = 0;
  std::string requested_by_display_name;
  std::string change_json;  // {"display_name"?, "active"?, "roles"?}
  std::string status;       // pending | approved | rejected
  std::string created_at;
  std::optional<std::int64_t> decided_by;
  std::optional<std::string> decided_by_display_name;
  std::optional<std::string> decided_at;
};

class AdminChangeRepository {
 public:
  explicit AdminChangeRepository(Connection& connection) : c_(connection) {}

  std::int64_t Insert(std::int64_t target_user_id, std::int64_t requested_by, const std::string& change_json,
                      const std::string& now);
  std::optional<AdminChangeRow> Find(std::int64_t id);
  // Newest first; `status` empty = all.
  std::vector<AdminChangeRow> List(const std::string& status, std::int64_t limit);
  // Marks a pending request decided; false when it was no longer pending (decided meanwhile).
  bool Decide(std::int64_t id, const std::string& status, std::int64_t decided_by, const std::string& now);
  bool HasPendingFor(std::int64_t target_user_id);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
