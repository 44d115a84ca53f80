#pragma once
// TOTP enrolments (secret sealed by the caller) and one-time recovery codes (stored as keyed hashes).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct TotpEnrolmentRow {
  std::int64_t user_id = 0;
  std::string secret_sealed;
  std::optional<std::string> confirmed_at;
  std::int64_t last_used_step = 0;
};

class TotpRepository {
 public:
  explicit TotpRepository(Connection& connection) : c_(connection) {}

  std::optional<TotpEnrolmentRow> Find(std::int64_t user_id);
  // Replaces any enrolment of the user with a new unconfirmed one.
  void StartEnrolment(std::int64_t user_id, const std::string& secret_sealed, const std::string& now);
  void Confirm(std::int64_t user_id, std::int64_t step, const std::string& now);
  // Records `step` as used only if it is newer than the last one: false when another request
  // used this or a later code first (a replay).
  bool UseStep(std::int64_t user_id, std::int64_t step);
  void Remove(std::int64_t user_id);

  void ReplaceRecoveryCodes(std::int64_t user_id, const std::vector<std::string>& code_hashes);
  // Marks the unused code with this hash used; false if there is none.
  bool UseRecoveryCode(std::int64_t user_id, const std::string& code_hash, const std::string& now);
  std::int64_t UnusedRecoveryCodes(std::int64_t user_id);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
