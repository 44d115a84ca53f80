#include "services/document_issuing.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "docs/pdf_document.h"
#include "security/digest.h"
#include "security/encoding.h"
#include "security/roles.h"
#include "services/same_state_event.h"
#include "services/zh_text.h"
#include "store/case_timeline_repository.h"

namespace wagelink::services {

DocumentView ViewOfDocument(const store::DocumentRow& d) {
  std::string date_zh;
  if (auto date = domain::CivilDate::ParseIso(d.document_date)) date_zh = DateZh(*date);
  std::string step_zh;
  if (auto step = domain::ParseCaseEventCode(d.step)) step_zh = std::string(domain::CaseEventNameZh(*step));
  return {.id = d.id,
          .case_id = d.case_id,
          .kind = d.kind,
          .title = d.title,
          .doc_no = d.doc_no,
          .body_code = d.body_code,
          .issuer_name = d.issuer_name,
          .year = d.year,
          .seq = d.seq,
          .document_date = d.document_date,
          .document_date_zh = date_zh,
          .step = d.step,
          .step_name_zh = step_zh,
          .issued_at = d.issued_at,
          .issued_by_username = d.issued_by_username,
          .sha256 = d.sha256,
          .byte_size = d.byte_size,
          .pages = d.pages,
          .event_id = d.event_id};
}

Result<DocumentView> DocumentIssuing::Issue(store::Connection& connection, const Principal& who,
                                            const store::CaseRow& row, const IssueRequest& request) const {
  const docs::DocumentTemplate* t = catalog_.templates.Find(request.kind);
  const DocumentSeries* series = catalog_.issuers.SeriesOf(request.kind);
  const DocumentIssuer* issuer = t ? catalog_.issuers.Issuer(t->issuer_body) : nullptr;
  if (!t || !series || !issuer) {  // the loader cross-checks these at start
    return MakeError(ErrorCode::kInternal, "文书 " + request.kind + " 未配置模板、发文机关或文号",
                     "document " + request.kind + " has no template, issuer or number series");
  }
  auto permission = security::ParsePermission(t->permission);
  if (!permission || !who.Can(*permission) || who.body_code != t->issuer_body) {
    return MakeError(ErrorCode::kForbidden, "《" + t->title + "》由" + issuer->name_zh + "制作，您无权制作",
                     "\"" + t->title_en + "\" is issued by " + t->issuer_body + "; you may not issue it");
  }
  if (auto ok = docs::CheckOverrides(*t, request.moment.overrides); !ok) return ok.error();
  auto values = CaseDocumentValues(connection, catalog_, reference_, *t, row, who, request.moment);
  if (!values) return values.error();
  auto filled = docs::FillTemplate(*t, *values);
  if (!filled) return filled.error();

  // Dated with the day of the act; numbered in the series of that year.
  const domain::CivilDate date = domain::ShanghaiDate(request.moment.at);
  const int year = date.year();
  const std::string now_text = request.moment.now.ToIsoUtc();
  store::CaseRepository cases(connection);
  const std::int64_t seq = cases.NextSequence(SeriesCounterName(t->issuer_body, t->kind), year);
  docs::PdfDocument view = std::move(filled.value());
  view.issuer = issuer->name_zh;
  view.number = DocumentNumber(*series, year, seq);
  if (t->signer) view.signer = who.display_name.empty() ? who.username : who.display_name;
  view.date = DateZh(date);
  if (t->letterhead) {  // a form (送达回证, 登记表) has no 版记
    view.print_office = issuer->print_office;
    view.print_date = DateZh(date);
  }
  view.created_at = now_text;
  auto pdf = docs::RenderPdf(view);
  if (!pdf) return pdf.error();

  store::DocumentRow doc{.case_id = row.id,
                         .kind = t->kind,
                         .body_code = t->issuer_body,
                         .series = t->kind,
                         .year = year,
                         .seq = seq,
                         .doc_no = view.number,
                         .title = t->title,
                         .issuer_name = issuer->name_zh,
                         .document_date = date.ToIso(),
                         .step = request.moment.step ? std::string(domain::CaseEventCode(*request.moment.step)) : "",
                         .view_model = boost::json::serialize(docs::PdfDocumentToJson(view)),
                         .pdf_base64 = security::ToBase64Url(security::AsBytes(pdf->bytes)),
                         .sha256 = security::Sha256Hex(pdf->bytes),
                         .byte_size = static_cast<std::int64_t>(pdf->bytes.size()),
                         .pages = pdf->pages,
                         .event_id = request.step_event_id,
                         .issued_by = who.user_id,
                         .issued_by_username = who.username,
                         .issued_at = now_text};
  boost::json::object overrides;
  for (const auto& [k, text] : request.moment.overrides) overrides[k] = text;
  doc.overrides = boost::json::serialize(overrides);

  if (doc.event_id == 0) {  // issued on its own: its own timeline entry
    auto event = SameStateEvent(who, row, "document_issued", now_text);
    event.payload = boost::json::serialize(boost::json::object{
        {"kind", doc.kind}, {"doc_no", doc.doc_no}, {"title", doc.title}, {"sha256", doc.sha256}, {"pages", doc.pages}});
    event.explanation_zh = "制作文书《" + doc.title + "》（" + doc.doc_no + "）";
    event.explanation_en = "Issued \"" + t->title_en + "\" (" + doc.doc_no + ")";
    doc.event_id = store::CaseTimelineRepository(connection).InsertEvent(event);
  }
  doc.id = store::DocumentRepository(connection).Insert(doc);
  audit_.Append(connection, who, "document.issue", {"document", std::to_string(doc.id)}, nullptr,
                boost::json::object{{"case_id", row.id}, {"kind", doc.kind}, {"doc_no", doc.doc_no},
                                    {"step", doc.step}, {"sha256", doc.sha256}});
  return ViewOfDocument(doc);
}

}  // namespace wagelink::services
