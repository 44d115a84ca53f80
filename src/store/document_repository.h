#pragma once
// Issued documents (文书). Append-only: there is no update or delete; a correction is a new
// document with a new number. Reads that concern a case go through the case's scope predicate.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/case_repository.h"
#include "store/database.h"

namespace wagelink::store {

struct DocumentRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string kind;
  std::string body_code;
  std::string series;  // the number series (the document type)
  std::int64_t year = 0;
  std::int64_t seq = 0;
  std::string doc_no;
  std::string title;
  std::string issuer_name;    // the body's full name as printed
  std::string document_date;  // YYYY-MM-DD, the day of the act
  std::string step;           // case event code of the issuing step; empty = issued on its own
  std::string view_model;
  std::string overrides = "{}";
  std::string pdf_base64;  // empty in lists
  std::string sha256;
  std::int64_t byte_size = 0;
  std::int64_t pages = 0;
  std::int64_t event_id = 0;
  std::int64_t issued_by = 0;
  std::string issued_by_username;
  std::string issued_at;
};

class DocumentRepository {
 public:
  explicit DocumentRepository(Connection& connection) : c_(connection) {}

  std::int64_t Insert(const DocumentRow& row);
  // Documents of one case, oldest first, without the PDF bytes.
  std::vector<DocumentRow> ListForCase(std::int64_t case_id);
  // One document with its PDF, only when its case is within `scope`.
  std::optional<DocumentRow> Find(std::int64_t id, const CaseScope& scope);
  // The newest document of `kind` on the case (e.g. the order a 送达回证 refers to).
  std::optional<DocumentRow> LatestOfKind(std::int64_t case_id, std::string_view kind);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
