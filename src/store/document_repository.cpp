#include "store/document_repository.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO documents (case_id, kind, body_code, year, seq, doc_no, title, view_model, overrides, pdf_base64, "
    "sha256, byte_size, pages, event_id, issued_by, issued_by_username, issued_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kListForCase =
    "SELECT d.id, d.case_id, d.kind, d.body_code, d.year, d.seq, d.doc_no, d.title, d.view_model, d.overrides, '', "
    "d.sha256, d.byte_size, d.pages, d.event_id, d.issued_by, d.issued_by_username, d.issued_at FROM documents d "
    "WHERE d.case_id = ? ORDER BY d.id";
// The case scope predicate of CaseRepository, bound as (all_in_region 0/1, body_code).
constexpr std::string_view kFind =
    "SELECT d.id, d.case_id, d.kind, d.body_code, d.year, d.seq, d.doc_no, d.title, d.view_model, d.overrides, "
    "d.pdf_base64, d.sha256, d.byte_size, d.pages, d.event_id, d.issued_by, d.issued_by_username, d.issued_at "
    "FROM documents d WHERE d.id = ? AND "
    "(? = 1 OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = d.case_id AND p.body_code = ?))";
constexpr std::string_view kLatestOfKind =
    "SELECT d.id, d.case_id, d.kind, d.body_code, d.year, d.seq, d.doc_no, d.title, d.view_model, d.overrides, '', "
    "d.sha256, d.byte_size, d.pages, d.event_id, d.issued_by, d.issued_by_username, d.issued_at FROM documents d "
    "WHERE d.case_id = ? AND d.kind = ? ORDER BY d.id DESC LIMIT 1";

DocumentRow ToDocument(const Row& r) {
  return {r.Int(0),  r.Int(1),  r.Text(2),  r.Text(3),  r.Int(4),  r.Int(5),  r.Text(6),  r.Text(7),  r.Text(8),
          r.Text(9), r.Text(10), r.Text(11), r.Int(12), r.Int(13), r.Int(14), r.Int(15), r.Text(16), r.Text(17)};
}

}  // namespace

std::int64_t DocumentRepository::Insert(const DocumentRow& d) {
  return c_.InsertReturningId(kInsert, {d.case_id, d.kind, d.body_code, d.year, d.seq, d.doc_no, d.title, d.view_model,
                                        d.overrides, d.pdf_base64, d.sha256, d.byte_size, d.pages, d.event_id,
                                        d.issued_by, d.issued_by_username, d.issued_at});
}

std::vector<DocumentRow> DocumentRepository::ListForCase(std::int64_t case_id) {
  std::vector<DocumentRow> out;
  c_.Stream(kListForCase, {case_id}, [&](const Row& r) { out.push_back(ToDocument(r)); });
  return out;
}

std::optional<DocumentRow> DocumentRepository::Find(std::int64_t id, const CaseScope& scope) {
  auto row = c_.QueryOne(kFind, {id, std::int64_t{scope.all_in_region}, scope.body_code});
  if (!row) return std::nullopt;
  return ToDocument(*row);
}

std::optional<DocumentRow> DocumentRepository::LatestOfKind(std::int64_t case_id, std::string_view kind) {
  auto row = c_.QueryOne(kLatestOfKind, {case_id, std::string(kind)});
  if (!row) return std::nullopt;
  return ToDocument(*row);
}

}  // namespace wagelink::store
