#include "store/evidence_repository.h"
#include "store/case_detail_reads.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kColumns =
    "id, owner_kind, owner_id, kind, supports, note, file_name, content_type, byte_size, sha256, crc32, storage_key, added_by, "
    "added_by_name, added_body, added_at, withdrawn_at, withdrawn_by_name, withdrawn_reason";

EvidenceRow RowOf(const Row& r) {
  return {.id = r.Int(0),
          .owner_kind = r.Text(1),
          .owner_id = r.Int(2),
          .kind = r.Text(3),
          .supports = r.OptText(4),
          .note = r.Text(5),
          .file_name = r.Text(6),
          .content_type = r.Text(7),
          .byte_size = r.Int(8),
          .sha256 = r.Text(9),
          .crc32 = r.Int(10),
          .storage_key = r.Text(11),
          .added_by = r.OptInt(12),
          .added_by_name = r.Text(13),
          .added_body = r.Text(14),
          .added_at = r.Text(15),
          .withdrawn_at = r.OptText(16),
          .withdrawn_by_name = r.OptText(17),
          .withdrawn_reason = r.OptText(18)};
}

}  // namespace

std::int64_t EvidenceRepository::Insert(const EvidenceRow& row) {
  return c_.InsertReturningId(
      "INSERT INTO evidence_files (owner_kind, owner_id, kind, supports, note, file_name, content_type, byte_size, sha256, "
      "crc32, storage_key, added_by, added_by_name, added_body, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
      "RETURNING id",
      {row.owner_kind, row.owner_id, row.kind, NullableValue(row.supports), row.note, row.file_name, row.content_type, row.byte_size, row.sha256,
       row.crc32, row.storage_key, NullableValue(row.added_by), row.added_by_name, row.added_body, row.added_at});
}

PlannedRead EvidenceFilesRead(std::string_view owner_kind, std::int64_t owner_id) {
  return {"SELECT " + std::string(kColumns) + " FROM evidence_files WHERE owner_kind = ? AND owner_id = ? ORDER BY id",
          {std::string(owner_kind), owner_id}};
}

std::vector<EvidenceRow> EvidenceRepository::ListFor(std::string_view owner_kind, std::int64_t owner_id) {
  std::vector<EvidenceRow> rows;
  const auto read = EvidenceFilesRead(owner_kind, owner_id);
  c_.Stream(read.sql, read.params, [&](const Row& r) { rows.push_back(RowOf(r)); });
  return rows;
}

std::optional<EvidenceRow> EvidenceRepository::Find(std::string_view owner_kind, std::int64_t owner_id, std::int64_t file_id) {
  auto row = c_.QueryOne("SELECT " + std::string(kColumns) + " FROM evidence_files WHERE owner_kind = ? AND owner_id = ? AND id = ?",
                         {std::string(owner_kind), owner_id, file_id});
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
