#include "store/import_repository.h"
#include "store/deferred_write.h"

#include <algorithm>

namespace wagelink::store {
namespace {

constexpr std::string_view kColumns =
    "id, kind, case_id, channel, file_name, format, encoding, byte_size, sha256, content_enc, header, row_count, mapping, "
    "status, error_count, report, result, body_code, created_by, created_at, updated_at, committed_at, project_id, feed_month";
constexpr std::string_view kInsert =
    "INSERT INTO imports (kind, case_id, channel, file_name, format, encoding, byte_size, sha256, content_enc, header, "
    "row_count, mapping, status, body_code, created_by, created_at, updated_at, project_id, feed_month) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kSaveValidation =
    "UPDATE imports SET mapping = ?, status = ?, error_count = ?, report = ?, updated_at = ? WHERE id = ? AND status <> 'committed'";
constexpr std::string_view kMarkCommitted =
    "UPDATE imports SET status = 'committed', content_enc = '', result = ?, committed_at = ?, updated_at = ? "
    "WHERE id = ? AND status = 'validated'";
constexpr std::string_view kExpire =
    "UPDATE imports SET content_enc = '', status = 'expired', updated_at = ? "
    "WHERE status IN ('uploaded', 'invalid', 'validated') AND updated_at < ?";
constexpr std::string_view kCommittedWithSha =
    "SELECT id FROM imports WHERE kind = ? AND sha256 = ? AND status = 'committed' ORDER BY id LIMIT 1";
constexpr std::string_view kExistingKeysHead = "SELECT external_key FROM import_keys WHERE kind = ? AND external_key IN (";
// Every statement asks for this many keys (the last padded with a repeat), so one statement text
// serves them all and PostgreSQL prepares it once per connection.
constexpr std::size_t kKeysPerStatement = 256;
constexpr std::string_view kInsertKey = "INSERT INTO import_keys (kind, external_key, import_id, case_id) VALUES (?, ?, ?, ?)";
constexpr std::string_view kCaseWithWorkerIndex =
    "SELECT c.case_no FROM workers w JOIN cases c ON c.id = w.case_id "
    "WHERE w.id_number_index = ? AND (? = 0 OR w.case_id = ?) AND (? = 0 OR c.employer_id = ?) ORDER BY c.id LIMIT 1";

ImportRow ToImport(const Row& r) {
  return {r.Int(0),   r.Text(1),  r.OptInt(2),  r.Text(3),  r.Text(4),  r.Text(5),  r.Text(6),  r.Int(7),
          r.Text(8),  r.Text(9),  r.Text(10),   r.Int(11),  r.Text(12), r.Text(13), r.Int(14),  r.Text(15),
          r.Text(16), r.Text(17), r.Int(18),    r.Text(19), r.Text(20), r.OptText(21), r.OptInt(22), r.Text(23)};
}

}  // namespace

std::int64_t ImportRepository::Insert(const ImportRow& r) {
  return c_.InsertReturningId(kInsert, {r.kind, NullableValue(r.case_id), r.channel, r.file_name, r.format, r.encoding, r.byte_size,
                                        r.sha256, r.content_enc, r.header, r.row_count, r.mapping, r.status, r.body_code,
                                        r.created_by, r.created_at, r.updated_at, NullableValue(r.project_id), r.feed_month});
}

std::optional<ImportRow> ImportRepository::Find(std::int64_t id) {
  auto row = c_.QueryOne("SELECT " + std::string(kColumns) + " FROM imports WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return ToImport(*row);
}

void ImportRepository::SaveValidation(const ImportRow& r) {
  c_.Execute(kSaveValidation, {r.mapping, r.status, r.error_count, r.report, r.updated_at, r.id});
}

bool ImportRepository::MarkCommitted(std::int64_t id, const std::string& result, const std::string& now) {
  return c_.Execute(kMarkCommitted, {result, now, now, id}) == 1;
}

std::int64_t ImportRepository::ExpireUntouchedSince(const std::string& cutoff, const std::string& now) {
  return c_.Execute(kExpire, {now, cutoff});
}

std::optional<std::int64_t> ImportRepository::CommittedWithSha(std::string_view kind, std::string_view sha256) {
  auto row = c_.QueryOne(kCommittedWithSha, {std::string(kind), std::string(sha256)});
  if (!row) return std::nullopt;
  return row->Int(0);
}

std::set<std::string> ImportRepository::ExistingKeys(std::string_view kind, const std::vector<std::string>& keys) {
  std::set<std::string> existing;
  if (keys.empty()) return existing;
  std::string sql(kExistingKeysHead);
  for (std::size_t i = 0; i < kKeysPerStatement; ++i) sql.append(i ? ", ?" : "?");
  sql.append(")");
  for (std::size_t first = 0; first < keys.size(); first += kKeysPerStatement) {
    Params params{std::string(kind)};
    for (std::size_t i = 0; i < kKeysPerStatement; ++i) params.emplace_back(keys[std::min(first + i, keys.size() - 1)]);
    c_.Stream(sql, params, [&](const Row& r) { existing.insert(r.Text(0)); });
  }
  return existing;
}

void ImportRepository::InsertKey(std::string_view kind, std::string_view key, std::int64_t import_id, std::optional<std::int64_t> case_id) {
  ExecuteDeferred(c_, kInsertKey, {std::string(kind), std::string(key), import_id, NullableValue(case_id)});
}

std::optional<std::string> ImportRepository::CaseWithWorkerIndex(std::string_view id_number_index, std::optional<std::int64_t> case_id,
                                                                 std::optional<std::int64_t> employer_id) {
  auto row = c_.QueryOne(kCaseWithWorkerIndex, {std::string(id_number_index), std::int64_t{case_id.has_value()}, case_id.value_or(0),
                                                std::int64_t{employer_id.has_value()}, employer_id.value_or(0)});
  if (!row) return std::nullopt;
  return row->Text(0);
}

}  // namespace wagelink::store
