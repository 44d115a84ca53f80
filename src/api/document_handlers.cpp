// /api/v1/cases/{id}/documents and /api/v1/documents/{id}/pdf: official documents (文书).
// Handlers only translate; DocumentService decides who may issue what and renders. Most documents
// are issued by their step (POST /cases/{id}/steps with document_fields); POST here issues only the
// documents no step issues.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/guard.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "services/document_service.h"
#include "services/meeting_service.h"
#include "services/risk_service.h"

namespace wagelink::api {
namespace {

constexpr std::size_t kMaxOverrideFields = 32;

boost::json::object DocumentJson(const services::DocumentView& d) {
  return {{"id", d.id},
          {"case_id", d.case_id},
          {"kind", d.kind},
          {"title", d.title},
          {"doc_no", d.doc_no},
          {"body_code", d.body_code},
          {"issuer_name", d.issuer_name},
          {"year", d.year},
          {"seq", d.seq},
          {"document_date", d.document_date},
          {"document_date_zh", d.document_date_zh},
          {"step", d.step},
          {"step_name_zh", d.step_name_zh},
          {"issued_at", d.issued_at},
          {"issued_by", d.issued_by_username},
          {"sha256", d.sha256},
          {"byte_size", d.byte_size},
          {"pages", d.pages},
          {"event_id", d.event_id},
          {"pdf_url", "/api/v1/documents/" + std::to_string(d.id) + "/pdf"}};
}

Result<services::DocumentRequest> ReadDocumentRequest(const boost::json::object& body) {
  services::DocumentRequest input;
  for (const auto& [key, value] : body) {
    if (key != "kind" && key != "deadline" && key != "fields") {
      std::string where(std::string(key).substr(0, 64));
      return MakeError(ErrorCode::kValidationFailed, where + "：不接受的字段", where + ": unknown field", where);
    }
  }
  auto kind = http::RequiredString(body, "kind", 64);
  if (!kind) return kind.error();
  input.kind = *kind;
  auto deadline = http::OptionalString(body, "deadline", 10);
  if (!deadline) return deadline.error();
  if (*deadline) {
    auto date = domain::CivilDate::ParseIso(**deadline, "deadline");
    if (!date) return date.error();
    input.deadline = *date;
  }
  if (auto fields = body.find("fields"); fields != body.end() && !fields->value().is_null()) {
    if (!fields->value().is_object() || fields->value().as_object().size() > kMaxOverrideFields) {
      return MakeError(ErrorCode::kValidationFailed, "fields：应为 {字段名: 文字} 对象", "fields: must be an object {field: text}", "fields");
    }
    for (const auto& [name, text] : fields->value().as_object()) {
      if (!text.is_string()) {
        std::string where = "fields." + std::string(name);
        return MakeError(ErrorCode::kValidationFailed, where + "：应为文字", where + ": must be a string", where);
      }
      input.overrides[std::string(name)] = std::string(text.as_string());
    }
  }
  return input;
}

http::Response PdfResponse(const http::Request& request, Result<services::DocumentDownload> download, std::int64_t id) {
  if (!download) return Problem(request, download.error());
  auto response = http::Response::Text(200, "application/pdf", std::move(download->bytes));
  response.SetHeader("Content-Disposition", http::AttachmentDisposition(download->filename, "document-" + std::to_string(id) + ".pdf"));
  response.SetHeader("Cache-Control", "no-store");
  if (!download->original_sha256.empty()) response.SetHeader("X-Document-SHA256", download->original_sha256);
  return response;
}

}  // namespace

void RegisterDocumentRoutes(http::Router& router, const ApiContext& context) {
  const GuardOptions kRendering{.expensive = true};  // a PDF is rendered on each download
  router.Add("POST", "/api/v1/cases/{id}/documents", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request, {"kind", "deadline", "fields"});
    if (!body) return Problem(request, body.error());
    auto input = ReadDocumentRequest(*body);
    if (!input) return Problem(request, input.error());
    auto issued = context.documents->Issue(who, *id, *input);
    if (!issued) return Problem(request, issued.error());
    return http::Response::Json(201, DocumentJson(*issued));
  }, {.any_of = CaseActingPermissions()}));

  router.Add("GET", "/api/v1/cases/{id}/documents", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto documents = context.documents->List(who, *id);
    if (!documents) return Problem(request, documents.error());
    boost::json::array items;
    for (const auto& d : *documents) items.push_back(DocumentJson(d));
    return http::Response::Json(200, boost::json::object{{"items", items}});
  }));

  router.Add("GET", "/api/v1/documents/{id}/pdf", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    return PdfResponse(request, context.documents->Download(who, *id), *id);
  }, kRendering));
  router.Add("GET", "/api/v1/risks/{id}/report.pdf", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    return PdfResponse(request, context.documents->RiskReport(who, *id, *context.risks), *id);
  }, kRendering));
  router.Add("GET", "/api/v1/meetings/{id}/minutes.pdf", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    return PdfResponse(request, context.documents->MeetingMinutes(who, *id, *context.meetings), *id);
  }, kRendering));
  router.Add("GET", "/api/v1/recommendations/{id}/document.pdf", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    return PdfResponse(request, context.documents->Recommendation(who, *id, *context.recommendations), *id);
  }, kRendering));
}

}  // namespace wagelink::api
