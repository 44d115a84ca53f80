// /api/v1/imports: spreadsheet imports in two steps (docs/imports.md). Upload a CSV/XLSX (raw body
// or multipart/form-data; a project feed names project_id and month) → the proposed column mapping; PUT the confirmed mapping → the row-level
// report; POST commit → everything written in one transaction, or nothing.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <charconv>

#include "api/guard.h"
#include "api/routes.h"
#include "core/process_memory.h"
#include "http/json_body.h"
#include "http/multipart.h"
#include "imports/table_builder.h"
#include "services/import_service.h"

namespace wagelink::api {
namespace {

// A 100,000-row roster is ~10 MiB as CSV and less as XLSX; 32 MiB leaves room without inviting abuse.
constexpr std::size_t kMaxUploadBytes = 32u << 20;

boost::json::object ImportJson(const services::ImportView& view) {
  const auto& r = view.row;
  auto kind = imports::ParseImportKind(r.kind).value_or(imports::ImportKind::kComplaints);
  boost::json::array columns, fields;
  for (std::size_t i = 0; i < view.header.size(); ++i) {
    columns.push_back({{"index", i}, {"letter", imports::ColumnLetters(i)}, {"header", view.header[i]}});
  }
  for (const auto& f : imports::FieldsOf(kind)) {
    fields.push_back({{"field", f.key}, {"label_zh", f.label_zh}, {"label_en", f.label_en}, {"required", f.required}});
  }
  boost::system::error_code ec;
  auto result = boost::json::parse(r.result, ec);
  boost::json::object out{{"id", r.id},
                          {"kind", r.kind},
                          {"status", r.status},
                          {"case_id", r.case_id ? boost::json::value(*r.case_id) : boost::json::value(nullptr)},
                          {"channel", r.channel},
                          {"project_id", r.project_id ? boost::json::value(*r.project_id) : boost::json::value(nullptr)},
                          {"project_no", view.project_no},
                          {"project_name", view.project_name},
                          {"month", r.feed_month},
                          {"file_name", r.file_name},
                          {"format", r.format},
                          {"encoding", r.encoding},
                          {"byte_size", r.byte_size},
                          {"sha256", r.sha256},
                          {"row_count", r.row_count},
                          {"columns", std::move(columns)},
                          {"fields", std::move(fields)},
                          {"mapping", services::MappingJson(view.mapping)},
                          {"error_count", r.error_count},
                          {"errors", services::ReportJson(view.errors)},
                          {"errors_truncated", static_cast<std::size_t>(r.error_count) > view.errors.size()},
                          {"errors_csv_url", "/api/v1/imports/" + std::to_string(r.id) + "/errors.csv"},
                          {"result", ec ? boost::json::value(boost::json::object{}) : result},
                          {"created_at", r.created_at},
                          {"committed_at", r.committed_at ? boost::json::value(*r.committed_at) : boost::json::value(nullptr)}};
  if (r.status == "uploaded") out["formula_cells"] = view.formula_cells;
  return out;
}

http::Response ViewOr(const http::Request& request, const Result<services::ImportView>& view, int status = 200) {
  if (!view) return Problem(request, view.error());
  return http::Response::Json(status, ImportJson(*view));
}

// The phases that hold the whole file in memory (upload, validation, commit) give it back to the
// system when done, so that the next phase's peak is not added on top (core/process_memory.h).
template <typename Phase>
http::Response WholeTablePhase(const http::Request& request, Phase phase, int status = 200) {
  http::Response response = ViewOr(request, phase(), status);
  ReturnFreedMemory();
  return response;
}

Result<std::optional<std::int64_t>> PositiveIdOrNone(std::string_view field, const std::string& text) {
  if (text.empty()) return std::optional<std::int64_t>();
  std::int64_t id = 0;
  auto [end, err] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (err != std::errc{} || end != text.data() + text.size() || id <= 0) return InvalidField(field, "应为正整数", "must be a positive integer");
  return std::optional(id);
}

Result<services::ImportUpload> ReadUpload(const http::Request& request) {
  services::ImportUpload upload;
  auto text = [&](std::string_view key) { return std::string(request.Query(key).value_or("")); };
  std::string kind = text("kind"), case_id = text("case_id"), channel = text("channel"), project_id = text("project_id");
  upload.month = text("month");
  upload.file_name = text("file_name");
  std::string_view content_type = request.Header("content-type").value_or("");
  if (content_type.starts_with("multipart/form-data")) {
    auto parts = http::ParseMultipart(content_type, request.body);
    if (!parts) return parts.error();
    bool have_file = false;
    for (const auto& part : *parts) {
      if (part.file_name) {
        if (have_file) return InvalidField("file", "一次只能上传一个文件", "upload one file at a time");
        have_file = true;
        upload.bytes = std::string(part.body);
        if (upload.file_name.empty()) upload.file_name = *part.file_name;
      } else if (part.body.size() <= 64) {
        if (part.name == "kind") kind = part.body;
        if (part.name == "case_id") case_id = part.body;
        if (part.name == "channel") channel = part.body;
        if (part.name == "project_id") project_id = part.body;
        if (part.name == "month") upload.month = part.body;
      }
    }
    if (!have_file) return InvalidField("file", "请选择要上传的文件", "no file in the form");
  } else {
    upload.bytes = request.body;
  }
  upload.kind = kind;
  if (!channel.empty()) upload.channel = channel;
  auto case_ref = PositiveIdOrNone("case_id", case_id);
  if (!case_ref) return case_ref.error();
  upload.case_id = *case_ref;
  auto project_ref = PositiveIdOrNone("project_id", project_id);
  if (!project_ref) return project_ref.error();
  upload.project_id = *project_ref;
  return upload;
}

// {"mapping": {"owed_yuan": 3, "worker_name": "姓名", "phone": null}}: a column index or header text.
Result<imports::ColumnMapping> ReadMapping(const boost::json::object& body, const std::vector<std::string>& header) {
  auto it = body.find("mapping");
  if (it == body.end() || !it->value().is_object()) return InvalidField("mapping", "必填，应为 {字段: 列} 对象", "required object {field: column}");
  imports::ColumnMapping mapping;
  for (const auto& [key, value] : it->value().as_object()) {
    std::string field(key);
    if (value.is_null()) continue;
    if (value.is_int64() && value.as_int64() >= 0) {
      mapping[field] = static_cast<std::size_t>(value.as_int64());
    } else if (value.is_string()) {
      auto at = std::find(header.begin(), header.end(), std::string(value.as_string()));
      if (at == header.end()) return InvalidField("mapping." + field, "表头中没有这一列", "no such column in the header");
      mapping[field] = static_cast<std::size_t>(at - header.begin());
    } else {
      return InvalidField("mapping." + field, "应为列号或表头文字", "must be a column index or header text");
    }
  }
  return mapping;
}

}  // namespace

void RegisterImportRoutes(http::Router& router, const ApiContext& context) {
  // Cases and parties need case.write, a project's feeds risk.write; the service checks the kind's.
  auto importer = GuardOptions{.any_of = {security::Permission::kCaseWrite, security::Permission::kRiskWrite}};
  router.Add("POST", "/api/v1/imports", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto upload = ReadUpload(request);
    if (!upload) return Problem(request, upload.error());
    return WholeTablePhase(request, [&] { return context.imports->Upload(who, *upload); }, 201);
  }, importer), {.max_body_bytes = kMaxUploadBytes, .query = {"kind", "case_id", "project_id", "month", "channel", "file_name"}});
  router.Add("GET", "/api/v1/imports/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    return ViewOr(request, context.imports->Get(who, *id));
  }, importer));
  router.Add("PUT", "/api/v1/imports/{id}/mapping", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request, {"mapping"});
    if (!body) return Problem(request, body.error());
    auto current = context.imports->Get(who, *id);
    if (!current) return Problem(request, current.error());
    auto mapping = ReadMapping(*body, current->header);
    if (!mapping) return Problem(request, mapping.error());
    return WholeTablePhase(request, [&] { return context.imports->Validate(who, *id, *mapping); });
  }, importer));
  router.Add("POST", "/api/v1/imports/{id}/commit", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    return WholeTablePhase(request, [&] { return context.imports->Commit(who, *id); });
  }, importer));
  router.Add("GET", "/api/v1/imports/{id}/errors.csv", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto csv = context.imports->ErrorReportCsv(who, *id);
    if (!csv) return Problem(request, csv.error());
    auto response = http::Response::Text(200, "text/csv; charset=utf-8", std::move(*csv));
    response.SetHeader("Content-Disposition", "attachment; filename=\"import-" + std::to_string(*id) + "-errors.csv\"");
    response.SetHeader("Cache-Control", "no-store");
    return response;
  }, importer));
}

}  // namespace wagelink::api
