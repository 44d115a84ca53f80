#pragma once
// Every value WageLink keeps encrypted (security/field_crypto.h), read and rewritten in place by
// `wagelink crypto switch` when the deployment changes its cryptographic suite. The caller owns the
// transaction: the switch is all or nothing.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "store/database.h"

namespace wagelink::store {

// One encrypted value and what names it: the associated data it was sealed under is
// `context` (e.g. "worker.phone:42"); `index_kind` is set when the value also has a blind index.
struct SealedField {
  std::string table;     // "workers" | "totp_enrolments" | "imports"
  std::string column;    // e.g. "phone_enc"
  std::int64_t row_id = 0;
  std::string context;
  std::string sealed;
  std::optional<std::string> index_column;  // "id_number_index" for ID numbers
};

class SealedFieldsRepository {
 public:
  explicit SealedFieldsRepository(Connection& connection) : c_(connection) {}

  // Every non-empty encrypted value, one at a time (constant memory for a big district).
  void ForEach(const std::function<void(const SealedField&)>& visit);
  // Rewrites one value (and its index when the field has one).
  void Replace(const SealedField& field, const std::string& sealed, const std::optional<std::string>& index);
  // Ends every session: their CSRF tokens are keyed under the old suite (everyone signs in again).
  std::int64_t RevokeAllSessions(const std::string& now);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
