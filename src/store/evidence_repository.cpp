#include "store/evidence_repository.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kColumns =
    "id, case_id, kind, supports, note, file_name, content_type, byte_size, sha256, crc32, storage_key, added_by, "
    "added_by_name, added_body, added_at, withdrawn_at, withdrawn_by_name, withdrawn_reason";

EvidenceRow RowOf(const Row& r) {
  return {.id = r.Int(0),
          .case_id = r.Int(1),
          .kind = r.Text(2),
          .supports = r.OptText(3),
          .note = r.Text(4),
          .file_name = r.Text(5),
          .content_type = r.Text(6),
          .byte_size = r.Int(7),
          .sha256 = r.Text(8),
          .crc32 = r.Int(9),
          .storage_key = r.Text(10),
          .added_by = r.OptInt(11),
          .added_by_name = r.Text(12),
          .added_body = r.Text(13),
          .added_at = r.Text(14),
          .withdrawn_at = r.OptText(15),
          .withdrawn_by_name = r.OptText(16),
          .withdrawn_reason = r.OptText(17)};
}

}  // namespace

std::int64_t EvidenceRepository::Insert(const EvidenceRow& row) {
  return c_.InsertReturningId(
      "INSERT INTO evidence_files (case_id, kind, supports, note, file_name, content_type, byte_size, sha256, crc32, "
      "storage_key, added_by, added_by_name, added_body, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {row.case_id, row.kind, NullableValue(row.supports), row.note, row.file_name, row.content_type, row.byte_size, row.sha256,
       row.crc32, row.storage_key, NullableValue(row.added_by), row.added_by_name, row.added_body, row.added_at});
}

std::vector<EvidenceRow> EvidenceRepository::ListForCase(std::int64_t case_id) {
  std::vector<EvidenceRow> rows;
  c_.Stream("SELECT " + std::string(kColumns) + " FROM evidence_files WHERE case_id = ? ORDER BY id", {case_id},
            [&](const Row& r) { rows.push_back(RowOf(r)); });
  return rows;
}

std::optional<EvidenceRow> EvidenceRepository::Find(std::int64_t case_id, std::int64_t file_id) {
  auto row = c_.QueryOne("SELECT " + std::string(kColumns) + " FROM evidence_files WHERE case_id = ? AND id = ?", {case_id, file_id});
  if (!row) return std::nullopt;
  return RowOf(*row);
}

bool EvidenceRepository::Withdraw(std::int64_t file_id, const std::string& at, const std::string& by_name, const std::string& reason) {
  return c_.Execute(
             "UPDATE evidence_files SET withdrawn_at = ?, withdrawn_by_name = ?, withdrawn_reason = ? "
             "WHERE id = ? AND withdrawn_at IS NULL",
             {at, by_name, reason, file_id}) == 1;
}

}  // namespace wagelink::store
