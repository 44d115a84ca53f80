#include "store/sealed_fields_repository.h"

#include <vector>

namespace wagelink::store {
namespace {

struct WorkerColumn {
  const char* column;
  const char* field;
  const char* index_column;
};
constexpr WorkerColumn kWorkerColumns[] = {
    {"id_number_enc", "id_number", "id_number_index"},
    {"phone_enc", "phone", nullptr},
    {"bank_card_enc", "bank_card", nullptr},
};

// Read in pages by id, so the updates of one page never run inside the read of another (SQLite
// and libpq both stream a statement's rows while it is open).
template <class Visit>
void InPages(Connection& c, const std::string& select_after, Visit visit) {
  std::int64_t after = 0;
  for (;;) {
    std::vector<Row> rows = c.Query(select_after, {after});
    if (rows.empty()) return;
    for (const auto& row : rows) visit(row);
    after = rows.back().Int(0);
  }
}

}  // namespace

void SealedFieldsRepository::ForEach(const std::function<void(const SealedField&)>& visit) {
  for (const auto& w : kWorkerColumns) {
    const std::string column = w.column;
    InPages(c_, "SELECT id, " + column + " FROM workers WHERE id > ? AND " + column + " IS NOT NULL AND " + column +
                    " <> '' ORDER BY id LIMIT 500",
            [&](const Row& r) {
              visit({SealedKind::kWorkerField, "workers", column, r.Int(0), w.field, r.Text(1),
                     w.index_column ? std::optional<std::string>(w.index_column) : std::nullopt});
            });
  }
  InPages(c_, "SELECT user_id, secret_sealed FROM totp_enrolments WHERE user_id > ? ORDER BY user_id LIMIT 500",
          [&](const Row& r) {
            visit({SealedKind::kTotpSecret, "totp_enrolments", "secret_sealed", r.Int(0), "", r.Text(1), std::nullopt});
          });
  InPages(c_, "SELECT id, sha256, content_enc FROM imports WHERE id > ? AND content_enc <> '' ORDER BY id LIMIT 20",
          [&](const Row& r) {
            visit({SealedKind::kImportFile, "imports", "content_enc", r.Int(0), r.Text(1), r.Text(2), std::nullopt});
          });
}

void SealedFieldsRepository::Replace(const SealedField& field, const std::string& sealed,
                                     const std::optional<std::string>& index) {
  // Table and column names come from the fixed lists above, never from input.
  const std::string key = field.table == "totp_enrolments" ? "user_id" : "id";
  if (field.index_column && index) {
    c_.Execute("UPDATE " + field.table + " SET " + field.column + " = ?, " + *field.index_column + " = ? WHERE " + key + " = ?",
               {sealed, *index, field.row_id});
  } else {
    c_.Execute("UPDATE " + field.table + " SET " + field.column + " = ? WHERE " + key + " = ?", {sealed, field.row_id});
  }
}

std::int64_t SealedFieldsRepository::RevokeAllSessions(const std::string& now) {
  return c_.Execute("UPDATE sessions SET revoked_at = ? WHERE revoked_at IS NULL", {now});
}

}  // namespace wagelink::store
