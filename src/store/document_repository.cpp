#include "store/document_repository.h"
#include "store/case_detail_reads.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO documents (case_id, kind, body_code, series, year, seq, doc_no, title, issuer_name, document_date, step, "
    "view_model, overrides, pdf_base64, sha256, byte_size, pages, event_id, issued_by, issued_by_username, issued_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
// The columns of a DocumentRow in order; the 15th is the PDF, selected only where it is needed.
#define WAGELINK_DOCUMENT_COLUMNS(pdf)                                                                      \
  "d.id, d.case_id, d.kind, d.body_code, d.series, d.year, d.seq, d.doc_no, d.title, d.issuer_name, "      \
  "d.document_date, d.step, d.view_model, d.overrides, " pdf ", d.sha256, d.byte_size, d.pages, d.event_id, " \
  "d.issued_by, d.issued_by_username, d.issued_at "
constexpr std::string_view kListForCase =
    "SELECT " WAGELINK_DOCUMENT_COLUMNS("''") "FROM documents d WHERE d.case_id = ? ORDER BY d.id";
// The case scope predicate of CaseRepository, bound as (all_in_region 0/1, body_code).
constexpr std::string_view kFind =
    "SELECT " WAGELINK_DOCUMENT_COLUMNS("d.pdf_base64") "FROM documents d WHERE d.id = ? AND "
    "(? = 1 OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = d.case_id AND p.body_code = ?))";
constexpr std::string_view kLatestOfKind =
    "SELECT " WAGELINK_DOCUMENT_COLUMNS("''") "FROM documents d WHERE d.case_id = ? AND d.kind = ? "
    "ORDER BY d.id DESC LIMIT 1";
#undef WAGELINK_DOCUMENT_COLUMNS

DocumentRow ToDocument(const Row& r) {
  return {.id = r.Int(0),
          .case_id = r.Int(1),
          .kind = r.Text(2),
          .body_code = r.Text(3),
          .series = r.Text(4),
          .year = r.Int(5),
          .seq = r.Int(6),
          .doc_no = r.Text(7),
          .title = r.Text(8),
          .issuer_name = r.Text(9),
          .document_date = r.Text(10),
          .step = r.Text(11),
          .view_model = r.Text(12),
          .overrides = r.Text(13),
          .pdf_base64 = r.Text(14),
          .sha256 = r.Text(15),
          .byte_size = r.Int(16),
          .pages = r.Int(17),
          .event_id = r.Int(18),
          .issued_by = r.Int(19),
          .issued_by_username = r.Text(20),
          .issued_at = r.Text(21)};
}

}  // namespace

std::int64_t DocumentRepository::Insert(const DocumentRow& d) {
  return c_.InsertReturningId(kInsert, {d.case_id, d.kind, d.body_code, d.series, d.year, d.seq, d.doc_no, d.title,
                                        d.issuer_name, d.document_date, d.step, d.view_model, d.overrides, d.pdf_base64, d.sha256, d.byte_size, d.pages, d.event_id,
                                        d.issued_by, d.issued_by_username, d.issued_at});
}

PlannedRead CaseDocumentsRead(std::int64_t case_id) { return {std::string(kListForCase), {case_id}}; }

std::vector<DocumentRow> DocumentRepository::ListForCase(std::int64_t case_id) {
  std::vector<DocumentRow> out;
  const auto read = CaseDocumentsRead(case_id);
  c_.Stream(read.sql, read.params, [&](const Row& r) { out.push_back(ToDocument(r)); });
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
