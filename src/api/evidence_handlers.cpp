// /api/v1/{cases|risks|meetings}/{id}/evidence: evidence files of a case, a risk item or a joint
// meeting (docs/evidence.md), one set of routes per owner over one service. Uploads are
// multipart/form-data, spooled by the server (never held in memory) and admitted from the headers
// (the owner's write permission) before a byte of the body is read; downloads are streamed as
// attachments that a browser never renders in the page.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/guard.h"
#include "api/routes.h"
#include "domain/evidence_kinds.h"
#include "http/json_body.h"
#include "http/multipart_stream.h"
#include "services/evidence_service.h"

namespace wagelink::api {
namespace {

constexpr std::size_t kMaxFieldBytes = 4096;

// The owners of evidence files, the collection their routes hang under and the permission their
// writes are admitted with before the body is read (the service then applies the owner's own rules).
struct EvidenceOwnerRoutes {
  domain::EvidenceOwner owner;
  std::string_view collection;
  security::Permission write;
};
constexpr EvidenceOwnerRoutes kOwners[] = {
    {domain::EvidenceOwner::kCase, "cases", security::Permission::kCaseWrite},
    {domain::EvidenceOwner::kRisk, "risks", security::Permission::kRiskWrite},
    {domain::EvidenceOwner::kMeeting, "meetings", security::Permission::kMeetingManage},
};

std::string_view CollectionOf(std::string_view owner_kind) {
  for (const auto& routes : kOwners) {
    if (domain::EvidenceOwnerCode(routes.owner) == owner_kind) return routes.collection;
  }
  return "cases";
}

boost::json::value Opt(const std::optional<std::string>& v) { return v ? boost::json::value(*v) : boost::json::value(nullptr); }

boost::json::object FileJson(const services::EvidenceFileView& f) {
  return {{"id", f.id},
          {"owner_kind", f.owner_kind},
          {"owner_id", f.owner_id},
          {"kind", f.kind},
          {"kind_zh", f.kind_zh},
          {"kind_en", f.kind_en},
          {"supports", Opt(f.supports)},
          {"supports_zh", f.supports_zh},
          {"supports_en", f.supports_en},
          {"note", f.note},
          {"file_name", f.file_name},
          {"content_type", f.content_type},
          {"byte_size", f.byte_size},
          {"sha256", f.sha256},
          {"added_by_name", f.added_by_name},
          {"added_body", f.added_body},
          {"added_at", f.added_at},
          {"withdrawn", f.withdrawn},
          {"withdrawn_at", Opt(f.withdrawn_at)},
          {"withdrawn_by_name", Opt(f.withdrawn_by_name)},
          {"withdrawn_reason", Opt(f.withdrawn_reason)},
          {"download_url", "/api/v1/" + std::string(CollectionOf(f.owner_kind)) + "/" + std::to_string(f.owner_id) + "/evidence/" +
                               std::to_string(f.id) + "/content"}};
}

boost::json::object ListingJson(const services::EvidenceListing& listing, const services::EvidenceLimits& limits) {
  boost::json::array files, package, missing, kinds, supports;
  for (const auto& f : listing.files) files.push_back(FileJson(f));
  for (const auto& status : listing.package) {
    const auto& item = *status.item;
    boost::json::array file_ids, item_kinds;
    for (auto id : status.file_ids) file_ids.push_back(id);
    for (const auto& k : item.kinds) item_kinds.emplace_back(k);
    package.push_back({{"id", item.id}, {"zh", item.zh}, {"en", item.en}, {"basis", item.basis}, {"required", item.required},
                       {"present", status.present}, {"generated_document", item.generated_document}, {"kinds", std::move(item_kinds)},
                       {"file_ids", std::move(file_ids)},
                       {"document_id", status.document_id ? boost::json::value(*status.document_id) : boost::json::value(nullptr)}});
  }
  for (const auto& m : listing.missing) missing.emplace_back(m);
  for (const auto& k : listing.kinds) kinds.push_back({{"code", k.code}, {"zh", k.zh}, {"en", k.en}});
  for (const auto& s : listing.supports) supports.push_back({{"code", s.code}, {"zh", s.zh}, {"en", s.en}});
  return {{"files", std::move(files)},
          {"supports", std::move(supports)},
          {"package", std::move(package)},
          {"missing", std::move(missing)},
          {"kinds", std::move(kinds)},
          {"limits", {{"image_bytes", limits.image_bytes},
                      {"video_bytes", limits.video_bytes},
                      {"document_bytes", limits.document_bytes},
                      {"audio_bytes", limits.audio_bytes}}}};
}

http::Response Streamed(const http::Request& request, Result<services::EvidenceDownload> download, const std::string& fallback) {
  if (!download) return Problem(request, download.error());
  http::Response response;
  response.status = 200;
  response.SetHeader("Content-Type", download->content_type);
  std::string extension = download->file_name.substr(download->file_name.find_last_of('.') + 1);
  response.SetHeader("Content-Disposition", http::AttachmentDisposition(download->file_name, fallback + "." + extension));
  // Whatever the bytes are, the browser neither guesses their type nor runs them in our origin.
  response.SetHeader("X-Content-Type-Options", "nosniff");
  response.SetHeader("Content-Security-Policy", "default-src 'none'; sandbox");
  response.SetHeader("Cache-Control", "no-store");
  if (!download->sha256.empty()) response.SetHeader("X-Content-SHA256", download->sha256);
  response.body_length = download->byte_size;
  response.body_source = std::shared_ptr<ByteSource>(std::move(download->content));
  return response;
}

http::Response Upload(const ApiContext& context, http::Request& request, const services::Principal& who,
                      domain::EvidenceOwner owner) {
  auto id = PathId(request);
  if (!id) return Problem(request, id.error());
  std::unique_ptr<ByteSource> body = request.body_spool ? request.body_spool->Read()
                                                        : std::make_unique<StringSource>(std::move(request.body));
  auto form = http::MultipartStream::Open(request.Header("content-type").value_or(""), *body);
  if (!form) return Problem(request, form.error());
  services::EvidenceUpload upload;
  for (;;) {
    auto part = (*form)->NextPart();
    if (!part) return Problem(request, part.error());
    if (!*part) break;
    if ((*part)->file_name) {
      upload.file_name = *(*part)->file_name;
      auto file = context.evidence->Upload(who, {.kind = owner, .id = *id}, upload, (*form)->Part());
      if (!file) return Problem(request, file.error());
      // One file per request: the rest of the form is not read.
      return http::Response::Json(201, FileJson(*file));
    }
    auto value = (*form)->ReadSmallPart(kMaxFieldBytes);
    if (!value) return Problem(request, value.error());
    const std::string& name = (*part)->name;
    if (name == "kind") {
      upload.kind = *value;
    } else if (name == "supports") {
      if (!value->empty()) upload.supports = *value;
    } else if (name == "note") {
      upload.note = *value;
    } else {
      return Problem(request, InvalidField(name, "未知的表单字段", "unknown form field"));
    }
  }
  return Problem(request, InvalidField("file", "请选择要上传的文件（表单字段应在文件之前）",
                                       "no file in the form (the fields must come before the file)"));
}

}  // namespace

void RegisterEvidenceRoutes(http::Router& router, const ApiContext& context) {
  // The largest file a configured limit allows, plus room for the form around it.
  const std::size_t upload_limit = context.evidence_body_limit + (1u << 20);
  for (const auto& routes : kOwners) {
    const auto owner = routes.owner;
    const std::string base = "/api/v1/" + std::string(routes.collection) + "/{id}/evidence";
    router.Add("POST", base, Authed(context, [&context, owner](http::Request& request, const services::Principal& who) {
      return Upload(context, request, who, owner);
    }, {.permission = routes.write}), {.max_body_bytes = upload_limit, .spool = context.upload_spool});

    router.Add("GET", base, Authed(context, [&context, owner](http::Request& request, const services::Principal& who) {
      auto id = PathId(request);
      if (!id) return Problem(request, id.error());
      auto listing = context.evidence->List(who, {.kind = owner, .id = *id});
      if (!listing) return Problem(request, listing.error());
      return http::Response::Json(200, ListingJson(*listing, context.evidence->limits()));
    }));

    router.Add("GET", base + "/{file_id}/content", Authed(context, [&context, owner](http::Request& request, const services::Principal& who) {
      auto id = PathId(request);
      if (!id) return Problem(request, id.error());
      auto file_id = PathId(request, "file_id");
      if (!file_id) return Problem(request, file_id.error());
      return Streamed(request, context.evidence->Download(who, {.kind = owner, .id = *id}, *file_id),
                      "evidence-" + std::to_string(*file_id));
    }));

    router.Add("POST", base + "/{file_id}/withdraw", Authed(context, [&context, owner](http::Request& request, const services::Principal& who) {
      auto id = PathId(request);
      if (!id) return Problem(request, id.error());
      auto file_id = PathId(request, "file_id");
      if (!file_id) return Problem(request, file_id.error());
      auto body = http::ParseJsonObject(request, {"reason"});
      if (!body) return Problem(request, body.error());
      auto reason = http::RequiredString(*body, "reason");
      if (!reason) return Problem(request, reason.error());
      auto file = context.evidence->Withdraw(who, {.kind = owner, .id = *id}, *file_id, *reason);
      if (!file) return Problem(request, file.error());
      return http::Response::Json(200, FileJson(*file));
    }, {.permission = routes.write}));
  }

  router.Add("GET", "/api/v1/cases/{id}/evidence-package", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    return Streamed(request, context.evidence->Package(who, *id), "transfer-package-" + std::to_string(*id));
  }));
}

}  // namespace wagelink::api
