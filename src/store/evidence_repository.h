#pragma once
// The records of evidence files (the bytes are in the BlobStore), each on its owner: a case, a risk
// item or a meeting (owner_kind, owner_id). Append-only but for the one withdrawal a record may get;
// the database refuses anything else (migrations 0015, 0018).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct EvidenceRow {
  std::int64_t id = 0;
  std::string owner_kind;  // case | risk | meeting (domain::EvidenceOwnerCode)
  std::int64_t owner_id = 0;
  std::string kind;
  std::optional<std::string> supports;
  std::string note;
  std::string file_name;
  std::string content_type;
  std::int64_t byte_size = 0;
  std::string sha256;
  std::int64_t crc32 = 0;
  std::string storage_key;
  std::optional<std::int64_t> added_by;
  std::string added_by_name;
  std::string added_body;
  std::string added_at;
  std::optional<std::string> withdrawn_at;
  std::optional<std::string> withdrawn_by_name;
  std::optional<std::string> withdrawn_reason;
};

class EvidenceRepository {
 public:
  explicit EvidenceRepository(Connection& connection) : c_(connection) {}

  std::int64_t Insert(const EvidenceRow& row);
  // The owner's files, withdrawn ones included, oldest first.
  std::vector<EvidenceRow> ListFor(std::string_view owner_kind, std::int64_t owner_id);
  // The file only when it belongs to that owner.
  std::optional<EvidenceRow> Find(std::string_view owner_kind, std::int64_t owner_id, std::int64_t file_id);
  // False when the file was already withdrawn (or does not exist).
  bool Withdraw(std::int64_t file_id, const std::string& at, const std::string& by_name, const std::string& reason);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
