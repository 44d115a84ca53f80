#include "services/evidence_service.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <map>

#include "docs/zip_stream.h"
#include "domain/body.h"
#include "domain/case_events.h"
#include "domain/evidence_kinds.h"
#include "security/digest.h"
#include "security/encoding.h"
#include "services/admin_service.h"
#include "services/case_records.h"
#include "services/case_scope.h"
#include "services/evidence_package.h"
#include "services/same_state_event.h"
#include "services/zh_text.h"
#include "store/case_repository.h"
#include "store/case_timeline_repository.h"
#include "store/document_repository.h"
#include "store/evidence_repository.h"

namespace wagelink::services {
namespace {

using security::Permission;

std::size_t Characters(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char ch : text) n += (ch & 0xC0) != 0x80;
  return n;
}

EvidenceFileView ViewOf(const ReferenceData& reference, domain::EvidenceOwner owner, const store::EvidenceRow& r) {
  auto kind = domain::FindEvidenceKind(owner, r.kind);
  EvidenceChoice supported;
  if (r.supports) {
    for (auto& choice : EvidenceSupportChoices(reference, owner)) {
      if (choice.code == *r.supports) supported = std::move(choice);
    }
  }
  return {.id = r.id,
          .owner_kind = r.owner_kind,
          .owner_id = r.owner_id,
          .kind = r.kind,
          .kind_zh = std::string(kind ? kind->zh : r.kind),
          .kind_en = std::string(kind ? kind->en : r.kind),
          .supports = r.supports,
          .supports_zh = supported.zh,
          .supports_en = supported.en,
          .note = r.note,
          .file_name = r.file_name,
          .content_type = r.content_type,
          .byte_size = r.byte_size,
          .sha256 = r.sha256,
          .added_by_name = r.added_by_name,
          .added_body = r.added_body,
          .added_at = r.added_at,
          .withdrawn = r.withdrawn_at.has_value(),
          .withdrawn_at = r.withdrawn_at,
          .withdrawn_by_name = r.withdrawn_by_name,
          .withdrawn_reason = r.withdrawn_reason};
}

Error NoSuchFile() {
  return MakeError(ErrorCode::kNotFound, "证据材料不存在", "No such evidence file here");
}

std::string_view OwnerCode(EvidenceOwnerRef owner) { return domain::EvidenceOwnerCode(owner.kind); }

// The audit entry's details: which owner the file is on.
boost::json::object OwnerDetails(EvidenceOwnerRef owner) {
  return {{"owner_kind", OwnerCode(owner)}, {"owner_id", owner.id}};
}

// A file name safe in a ZIP, a Content-Disposition header and every file system: no folders, no
// control characters, no characters Windows refuses, at most 80 characters.
std::string SafeFileName(std::string_view name) {
  if (auto slash = name.find_last_of("/\\"); slash != std::string_view::npos) name.remove_prefix(slash + 1);
  std::string safe;
  std::size_t characters = 0;
  for (std::size_t i = 0; i < name.size() && characters < 80; ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    if (c < 0x20 || c == 0x7F || std::string_view("<>:\"|?*").find(static_cast<char>(c)) != std::string_view::npos) {
      safe.push_back('_');
    } else {
      safe.push_back(static_cast<char>(c));
    }
    if ((c & 0xC0) != 0x80) ++characters;
  }
  // Never cut inside a UTF-8 sequence.
  while (!safe.empty() && (static_cast<unsigned char>(safe.back()) & 0xC0) == 0x80) safe.pop_back();
  if (!safe.empty() && (static_cast<unsigned char>(safe.back()) & 0x80)) safe.pop_back();
  while (!safe.empty() && (safe.front() == '.' || safe.front() == ' ')) safe.erase(safe.begin());
  return safe.empty() ? "file" : safe;
}

// The name a download gets: the uploaded stem with the extension of what the bytes are.
std::string DownloadName(const store::EvidenceRow& row, std::string_view extension) {
  std::string stem = SafeFileName(row.file_name);
  if (auto dot = stem.find_last_of('.'); dot != std::string::npos && dot > 0) stem.resize(dot);
  return stem + "." + std::string(extension);
}

std::string_view ExtensionOfMime(std::string_view mime) {
  static const std::map<std::string_view, std::string_view> kExtensions{
      {"image/jpeg", "jpg"}, {"image/png", "png"}, {"image/webp", "webp"}, {"video/mp4", "mp4"},
      {"video/quicktime", "mov"}, {"video/webm", "webm"}, {"application/pdf", "pdf"},
      {"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"},
      {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"}, {"application/msword", "doc"},
      {"application/vnd.ms-excel", "xls"}, {"audio/mpeg", "mp3"}, {"audio/mp4", "m4a"}, {"audio/wav", "wav"},
      {"audio/amr", "amr"}};
  auto it = kExtensions.find(mime);
  return it == kExtensions.end() ? "bin" : it->second;
}

std::string BodyZh(const std::string& code) {
  auto body = domain::ParseBodyCode(code);
  return body ? std::string(domain::BodyNameZh(*body)) : code;
}

std::string CsvField(const std::string& text) {
  std::string quoted = "\"";
  for (char c : text) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  // A cell opening with = + - @ is a formula to a spreadsheet: neutralise it (CSV injection).
  if (!text.empty() && std::string_view("=+-@").find(text.front()) != std::string_view::npos) quoted.insert(1, "'");
  return quoted + "\"";
}

std::string TimeZh(const std::string& iso) {
  auto at = domain::Instant::ParseRfc3339(iso);
  return at ? MinuteZh(*at) : iso;
}

std::string Padded(std::size_t n, std::size_t width) {
  std::string text = std::to_string(n);
  return std::string(text.size() < width ? width - text.size() : 0, '0') + text;
}

// MS-DOS date and time (Asia/Shanghai) of the archive's entries.
std::pair<std::uint16_t, std::uint16_t> DosDateTime(domain::Instant now) {
  auto local = domain::ToShanghai(now);
  int year = std::max(1980, local.date.year());
  auto date = static_cast<std::uint16_t>(((year - 1980) << 9) | (static_cast<int>(local.date.month()) << 5) |
                                         static_cast<int>(local.date.day()));
  int seconds = local.seconds_of_day;
  auto time = static_cast<std::uint16_t>(((seconds / 3600) << 11) | (((seconds / 60) % 60) << 5) | ((seconds % 60) / 2));
  return {date, time};
}

}  // namespace

Status EvidenceService::CheckUpload(const Principal& who, EvidenceOwnerRef owner, const EvidenceUpload& upload) {
  {
    auto connection = db_.Acquire();
    if (auto allowed = MayAddEvidenceTo(*connection, who, owner); !allowed) return allowed;
  }
  if (!domain::FindEvidenceKind(owner.kind, upload.kind)) {
    return InvalidField("kind", "请选择证据类别", "choose the kind of evidence");
  }
  if (upload.supports && !KnownEvidenceSupport(*reference_, owner.kind, *upload.supports)) {
    return owner.kind == domain::EvidenceOwner::kCase
               ? InvalidField("supports", "应为移送材料项或办案环节", "must be a transfer package item or a case step")
               : InvalidField("supports", "请从列表中选择该材料用于什么", "choose what the file supports from the list");
  }
  if (upload.note.size() > 2000) return InvalidField("note", "说明不能超过 500 字", "at most 500 characters");
  if (upload.file_name.empty() || upload.file_name.size() > 1000) {
    return InvalidField("file", "请选择要上传的文件", "choose a file to upload");
  }
  return Ok{};
}

Result<EvidenceFileView> EvidenceService::Upload(const Principal& who, EvidenceOwnerRef owner, const EvidenceUpload& upload,
                                                 ByteSource& content) {
  if (auto allowed = CheckUpload(who, owner, upload); !allowed) return allowed.error();
  // The bytes are stored first, outside any transaction; the record follows in one transaction.
  // A failure in between leaves a stored file that no record names (content-addressed, harmless).
  auto stored = store_.Put(content, upload.file_name);
  if (!stored) return stored.error();

  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  // Asked again inside the transaction: the right may have gone while the bytes streamed in.
  if (auto allowed = MayAddEvidenceTo(*connection, who, owner); !allowed) return allowed.error();
  const std::string now = domain::Instant::FromUnixSeconds(clock_.Now()).ToIsoUtc();
  store::EvidenceRow file{.id = 0,
                          .owner_kind = std::string(OwnerCode(owner)),
                          .owner_id = owner.id,
                          .kind = upload.kind,
                          .supports = upload.supports,
                          .note = upload.note,
                          .file_name = SafeFileName(upload.file_name),
                          .content_type = std::string(stored->type.mime),
                          .byte_size = stored->byte_size,
                          .sha256 = stored->sha256,
                          .crc32 = stored->crc32,
                          .storage_key = stored->storage_key,
                          .added_by = who.user_id,
                          .added_by_name = who.display_name.empty() ? who.username : who.display_name,
                          .added_body = who.body_code,
                          .added_at = now};
  file.id = store::EvidenceRepository(*connection).Insert(file);
  RecordEvidenceChange(*connection, who, owner, EvidenceChange::kAdded, file, now);
  auto details = OwnerDetails(owner);
  details.insert({{"kind", file.kind}, {"sha256", file.sha256}, {"byte_size", file.byte_size}});
  audit_.Append(*connection, who, "evidence.upload", {"evidence_file", std::to_string(file.id)}, nullptr, std::move(details));
  tx.Commit();
  return ViewOf(*reference_, owner.kind, file);
}

Result<EvidenceListing> EvidenceService::List(const Principal& who, EvidenceOwnerRef owner) {
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  if (auto allowed = MayReadEvidenceOf(*connection, who, owner); !allowed) return allowed.error();
  EvidenceListing listing;
  std::vector<store::EvidenceRow> files;
  if (owner.kind == domain::EvidenceOwner::kCase) {
    auto package = PackageOf(*connection, *reference_, owner.id);
    files = std::move(package.files);
    listing.package = std::move(package.items);
    listing.missing = std::move(package.missing);
  } else {
    files = store::EvidenceRepository(*connection).ListFor(OwnerCode(owner), owner.id);
  }
  for (const auto& file : files) listing.files.push_back(ViewOf(*reference_, owner.kind, file));
  for (const auto& kind : domain::EvidenceKinds(owner.kind)) {
    listing.kinds.push_back({std::string(kind.code), std::string(kind.zh), std::string(kind.en)});
  }
  listing.supports = EvidenceSupportChoices(*reference_, owner.kind);
  // The receipt names the owner the reader looked into, as a case's did before files had others.
  audit_.Append(*connection, who, "evidence.list", {std::string(OwnerCode(owner)), std::to_string(owner.id)});
  tx.Commit();
  return listing;
}

Result<EvidenceDownload> EvidenceService::Download(const Principal& who, EvidenceOwnerRef owner, std::int64_t file_id) {
  std::optional<store::EvidenceRow> file;
  {
    auto connection = db_.Acquire();
    store::Transaction tx(*connection);
    if (auto allowed = MayReadEvidenceOf(*connection, who, owner); !allowed) return allowed.error();
    file = store::EvidenceRepository(*connection).Find(OwnerCode(owner), owner.id, file_id);
    if (!file) return NoSuchFile();
    auto details = OwnerDetails(owner);
    details.insert({{"sha256", file->sha256}});
    audit_.Append(*connection, who, "evidence.download", {"evidence_file", std::to_string(file_id)}, nullptr, std::move(details));
    tx.Commit();
  }
  auto content = store_.Open(file->storage_key);
  if (!content) {
    return MakeError(ErrorCode::kInternal, "证据文件在存储中缺失，请联系管理员", "The evidence file is missing from storage");
  }
  return EvidenceDownload{.file_name = DownloadName(*file, ExtensionOfMime(file->content_type)),
                          .content_type = file->content_type,
                          .byte_size = static_cast<std::uint64_t>(file->byte_size),
                          .sha256 = file->sha256,
                          .content = std::move(content)};
}

Result<EvidenceFileView> EvidenceService::Withdraw(const Principal& who, EvidenceOwnerRef owner, std::int64_t file_id,
                                                   const std::string& reason) {
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  if (auto allowed = MayAddEvidenceTo(*connection, who, owner); !allowed) return allowed.error();
  if (Characters(reason) < 4 || reason.size() > 2000) {
    return InvalidField("reason", "请说明撤回的理由（至少 4 个字）", "state why the file is withdrawn (at least 4 characters)");
  }
  store::EvidenceRepository files(*connection);
  auto file = files.Find(OwnerCode(owner), owner.id, file_id);
  if (!file) return NoSuchFile();
  if (file->added_body != who.body_code) {
    return MakeError(ErrorCode::kForbidden, "只有添加该材料的单位可以撤回", "Only the body that added the file may withdraw it");
  }
  if (file->withdrawn_at) return MakeError(ErrorCode::kConflict, "该材料已撤回", "The file was already withdrawn");
  const std::string now = domain::Instant::FromUnixSeconds(clock_.Now()).ToIsoUtc();
  const std::string by = who.display_name.empty() ? who.username : who.display_name;
  if (!files.Withdraw(file_id, now, by, reason)) return MakeError(ErrorCode::kConflict, "该材料已撤回", "The file was already withdrawn");
  auto updated = files.Find(OwnerCode(owner), owner.id, file_id);
  RecordEvidenceChange(*connection, who, owner, EvidenceChange::kWithdrawn, *updated, now);
  auto details = OwnerDetails(owner);
  details.insert({{"reason", reason}});
  audit_.Append(*connection, who, "evidence.withdraw", {"evidence_file", std::to_string(file_id)}, nullptr, std::move(details));
  tx.Commit();
  return ViewOf(*reference_, owner.kind, *updated);
}

Result<EvidenceDownload> EvidenceService::Package(const Principal& who, std::int64_t case_id) {
  auto scope = CaseScopeOf(who);
  if (!scope) return scope.error();
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  auto row = store::CaseRepository(*connection).FindCase(case_id, *scope);
  if (!row) return NoSuchCase();
  auto package = PackageOf(*connection, *reference_, case_id);
  std::map<std::int64_t, const store::EvidenceRow*> files_by_id;
  for (const auto& file : package.files) files_by_id[file.id] = &file;
  std::map<std::int64_t, store::DocumentRow> documents;  // issued documents of the package, with their PDF
  store::DocumentRepository document_repository(*connection);

  std::vector<docs::ZipEntry> entries;
  std::string manifest = "\xEF\xBB\xBF序号,材料项,文件,类别,字节数,SHA-256,添加人,添加单位,添加时间\r\n";
  std::string sums;
  std::size_t number = 0;
  std::map<std::int64_t, bool> packed;  // a file that satisfies two items is packed once, under the first
  std::size_t item_number = 0;
  for (const auto& status : package.items) {
    ++item_number;
    const std::string folder = Padded(item_number, 2) + "_" + SafeFileName(status.item->zh) + "/";
    if (status.document_id) {
      auto document = document_repository.Find(*status.document_id, *scope);
      auto pdf = document ? security::FromBase64Url(document->pdf_base64) : std::nullopt;
      if (pdf) {
        std::string bytes(pdf->begin(), pdf->end());
        const std::string name = folder + SafeFileName(document->title + "（" + document->doc_no + "）") + ".pdf";
        ++number;
        manifest += std::to_string(number) + "," + CsvField(status.item->zh) + "," + CsvField(name) + ",文书," +
                    std::to_string(bytes.size()) + "," + document->sha256 + "," + CsvField(document->issued_by_username) + "," +
                    CsvField(BodyZh(document->body_code)) + "," + CsvField(TimeZh(document->issued_at)) + "\r\n";
        sums += document->sha256 + "  " + name + "\n";
        auto crc = docs::Crc32Update(0, bytes);
        entries.push_back({.name = name, .size = bytes.size(), .crc32 = crc, .open = [bytes] {
                             return std::unique_ptr<ByteSource>(std::make_unique<StringSource>(bytes));
                           }});
      }
    }
    for (std::int64_t id : status.file_ids) {
      if (packed[id]) continue;
      packed[id] = true;
      const auto& file = *files_by_id.at(id);
      ++number;
      const std::string name = folder + Padded(number, 3) + "_" + DownloadName(file, ExtensionOfMime(file.content_type));
      auto kind = domain::FindEvidenceKind(domain::EvidenceOwner::kCase, file.kind);
      manifest += std::to_string(number) + "," + CsvField(status.item->zh) + "," + CsvField(name) + "," +
                  CsvField(std::string(kind ? kind->zh : file.kind)) + "," + std::to_string(file.byte_size) + "," + file.sha256 +
                  "," + CsvField(file.added_by_name) + "," + CsvField(BodyZh(file.added_body)) + "," + CsvField(TimeZh(file.added_at)) +
                  "\r\n";
      sums += file.sha256 + "  " + name + "\n";
      entries.push_back({.name = name,
                         .size = static_cast<std::uint64_t>(file.byte_size),
                         .crc32 = static_cast<std::uint32_t>(file.crc32),
                         .open = [this, key = file.storage_key] { return store_.Open(key); }});
    }
  }
  if (number == 0) {
    return MakeError(ErrorCode::kNotFound, "本案还没有可移送的材料", "The case has no package materials yet");
  }
  for (std::string* text : {&manifest, &sums}) {
    const std::string name = text == &manifest ? "移送材料清单.csv" : "SHA256SUMS";
    const std::string bytes = *text;
    entries.insert(entries.begin(), {.name = name, .size = bytes.size(), .crc32 = docs::Crc32Update(0, bytes), .open = [bytes] {
                                       return std::unique_ptr<ByteSource>(std::make_unique<StringSource>(bytes));
                                     }});
  }
  const std::uint64_t length = docs::ZipLength(entries);
  if (length > docs::kMaxZipBytes || entries.size() > docs::kMaxZipEntries) {
    return MakeError(ErrorCode::kPayloadTooLarge, "材料包超过 4 GB，无法打包为一个文件，请分别下载",
                     "The package exceeds 4 GB and cannot be one archive; download the files one by one");
  }
  const auto now = domain::Instant::FromUnixSeconds(clock_.Now());
  if (who.body_code == "police") {
    auto event = SameStateEvent(who, *row, "evidence_package_received", now.ToIsoUtc());
    event.payload = boost::json::serialize(boost::json::object{{"files", number}, {"sha256sums", security::Sha256Hex(sums)}});
    event.explanation_zh = "公安机关接收移送材料包（" + std::to_string(number) + " 份材料）";
    event.explanation_en = "The police received the transfer package (" + std::to_string(number) + " items)";
    store::CaseTimelineRepository(*connection).InsertEvent(event);
  }
  audit_.Append(*connection, who, "evidence.package", {"case", std::to_string(case_id)}, nullptr,
                boost::json::object{{"files", number}, {"sha256sums", security::Sha256Hex(sums)}});
  tx.Commit();
  auto [dos_date, dos_time] = DosDateTime(now);
  return EvidenceDownload{.file_name = "移送材料包-" + row->case_no + ".zip",
                          .content_type = "application/zip",
                          .byte_size = length,
                          .sha256 = "",
                          .content = docs::StoredZip(std::move(entries), dos_date, dos_time)};
}

}  // namespace wagelink::services
