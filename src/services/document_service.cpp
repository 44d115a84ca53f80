// Issuing (documents no step issues), listing and downloading the documents (文书) of a case.
#include "services/document_service.h"

#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include "docs/pdf_document.h"
#include "domain/step_documents.h"
#include "security/digest.h"
#include "security/encoding.h"
#include "services/case_scope.h"
#include "services/zh_text.h"
#include "store/case_repository.h"
#include "store/document_repository.h"

namespace wagelink::services {
namespace {

Error NotVisible() {
  return MakeError(ErrorCode::kNotFound, "案件不存在或您无权查看", "No such case, or not visible to your body");
}

}  // namespace

Result<DocumentView> DocumentService::Issue(const Principal& who, std::int64_t case_id, const DocumentRequest& request) {
  auto scope = CaseScopeOf(who);
  if (!scope) return scope.error();
  const docs::DocumentTemplate* t = catalog_->templates.Find(request.kind);
  if (!t) {
    std::string known;
    for (const auto& item : catalog_->templates.items) known += (known.empty() ? "" : ", ") + item.kind;
    return MakeError(ErrorCode::kValidationFailed, "kind：未知文书种类，可选：" + known, "kind: unknown document; one of " + known, "kind");
  }
  if (t->kind == "risk_report" || t->kind == "meeting_minutes" || t->kind == "supervision_recommendation") {  // record_documents.cpp
    return MakeError(ErrorCode::kValidationFailed, "kind：该文书属于风险、联席会议或检察建议，不在案件中制发",
                     "kind: this document belongs to a risk, a meeting or a recommendation", "kind");
  }
  if (const domain::StepDocument* step = domain::IssuingStepOf(t->kind)) {
    const std::string step_zh(domain::CaseEventNameZh(step->event));
    return MakeError(ErrorCode::kConflict, "《" + t->title + "》在办理“" + step_zh + "”时由系统随该环节制作，不能单独制作",
                     "\"" + t->title_en + "\" is issued by the step " + std::string(domain::CaseEventCode(step->event)) +
                         ", not on its own",
                     "kind");
  }
  const domain::Instant now = domain::Instant::FromUnixSeconds(clock_.Now());
  auto connection = db_.Acquire();
  store::CaseRepository cases(*connection);
  store::Transaction tx(*connection);
  auto row = cases.FindCase(case_id, *scope);
  if (!row) return NotVisible();
  auto issued = issuing_.Issue(*connection, who, *row,
                               {.kind = t->kind,
                                .moment = {.at = now, .now = now, .overrides = request.overrides, .deadline = request.deadline}});
  if (!issued) return issued.error();
  tx.Commit();
  return issued;
}

Result<std::vector<DocumentView>> DocumentService::List(const Principal& who, std::int64_t case_id) {
  auto scope = CaseScopeOf(who);
  if (!scope) return scope.error();
  auto connection = db_.Acquire();
  if (!store::CaseRepository(*connection).FindCase(case_id, *scope)) return NotVisible();
  std::vector<DocumentView> out;
  for (const auto& doc : store::DocumentRepository(*connection).ListForCase(case_id)) out.push_back(ViewOfDocument(doc));
  return out;
}

Result<DocumentDownload> DocumentService::Download(const Principal& who, std::int64_t document_id) {
  auto scope = CaseScopeOf(who);
  if (!scope) return scope.error();
  auto connection = db_.Acquire();
  store::DocumentRepository documents(*connection);
  auto doc = documents.Find(document_id, *scope);
  if (!doc) return MakeError(ErrorCode::kNotFound, "文书不存在或您无权查看", "No such document, or not visible to your body");
  auto original = security::FromBase64Url(doc->pdf_base64);
  if (!original ||
      security::Sha256Hex(std::string_view(reinterpret_cast<const char*>(original->data()), original->size())) != doc->sha256) {
    return MakeError(ErrorCode::kInternal, "文书原件与其哈希不符，已拒绝下载", "the stored document does not match its hash");
  }
  boost::system::error_code ec;
  auto json = boost::json::parse(doc->view_model, ec);
  if (ec) return MakeError(ErrorCode::kInternal, "文书视图数据损坏", "corrupt document view model");
  auto view = docs::PdfDocumentFromJson(json);
  if (!view) return view.error();
  const domain::Instant now = domain::Instant::FromUnixSeconds(clock_.Now());
  view->watermark = DownloadWatermark(who.display_name, who.username, now);
  auto pdf = docs::RenderPdf(*view);
  if (!pdf) return pdf.error();
  store::Transaction tx(*connection);
  audit_.Append(*connection, who, "document.download", {"document", std::to_string(doc->id)}, nullptr,
                boost::json::object{{"case_id", doc->case_id}, {"doc_no", doc->doc_no}, {"sha256", doc->sha256}});
  tx.Commit();
  return DocumentDownload{doc->title + "（" + doc->doc_no + "）.pdf", std::move(pdf->bytes), doc->sha256};
}

}  // namespace wagelink::services
