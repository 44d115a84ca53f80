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

enum class SealedKind { kWorkerField, kTotpSecret, kImportFile };

// One encrypted value and where it lives. The services derive the associated data it was sealed
// under from `kind`, `name` and `row_id` (services/sealing_contexts.h); `index_column` is set when
// the value also has a blind index.
struct SealedField {
  SealedKind kind = SealedKind::kWorkerField;
  std::string table;     // "workers" | "totp_enrolments" | "imports"
  std::string column;    // e.g. "phone_enc"
  std::int64_t row_id = 0;  // worker id, user id or import id
  std::string name;      // the worker field ("phone"), or the import file's sha256; empty for TOTP
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
