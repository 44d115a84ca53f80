#pragma once
// Spreadsheet imports and the external keys they brought in. An import is written by its uploader
// only; reads are limited to the uploader's body by the service.
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct ImportRow {
  std::int64_t id = 0;
  std::string kind;
  std::optional<std::int64_t> case_id;
  std::string channel;
  std::string file_name;
  std::string format;
  std::string encoding;
  std::int64_t byte_size = 0;
  std::string sha256;
  std::string content_enc;
  std::string header = "[]";
  std::int64_t row_count = 0;
  std::string mapping = "{}";
  std::string status;
  std::int64_t error_count = 0;
  std::string report = "[]";
  std::string result = "{}";
  std::string body_code;
  std::int64_t created_by = 0;
  std::string created_at;
  std::string updated_at;
  std::optional<std::string> committed_at;
  std::optional<std::int64_t> project_id;  // a project feed: the project it reports on
  std::string feed_month;                  // a project feed: the month, YYYY-MM
};

class ImportRepository {
 public:
  explicit ImportRepository(Connection& connection) : c_(connection) {}

  std::int64_t Insert(const ImportRow& row);
  std::optional<ImportRow> Find(std::int64_t id);
  // Mapping, status, counts and report after a validation.
  void SaveValidation(const ImportRow& row);
  // Marks committed and drops the file; false when another request committed it first.
  bool MarkCommitted(std::int64_t id, const std::string& result, const std::string& now);
  // Drops the file of every import not committed and untouched since `cutoff` (status expired).
  std::int64_t ExpireUntouchedSince(const std::string& cutoff, const std::string& now);
  // A committed import of the same kind with the same file bytes.
  std::optional<std::int64_t> CommittedWithSha(std::string_view kind, std::string_view sha256);

  // Which of `keys` of this kind were imported before: many to a statement, not one round trip each.
  std::set<std::string> ExistingKeys(std::string_view kind, const std::vector<std::string>& keys);
  // Deferred (store/deferred_write.h).
  void InsertKey(std::string_view kind, std::string_view key, std::int64_t import_id, std::optional<std::int64_t> case_id);
  // The case number of a case that already has a worker with this ID-number blind index, within
  // one case or against one employer when given.
  std::optional<std::string> CaseWithWorkerIndex(std::string_view id_number_index, std::optional<std::int64_t> case_id,
                                                 std::optional<std::int64_t> employer_id);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
