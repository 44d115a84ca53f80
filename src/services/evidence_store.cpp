#include "services/evidence_store.h"

#include <algorithm>

#include "docs/zip_stream.h"
#include "security/digest.h"
#include "security/file_sealing.h"

namespace wagelink::services {
namespace {

constexpr std::size_t kReadPiece = 256 * 1024;

std::string Megabytes(std::int64_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

std::string_view FamilyZh(domain::ContentFamily family) {
  switch (family) {
    case domain::ContentFamily::kImage: return "照片";
    case domain::ContentFamily::kVideo: return "视频";
    case domain::ContentFamily::kDocument: return "文档";
    case domain::ContentFamily::kAudio: return "录音";
  }
  return "文件";
}

Error RefusedType() {
  return MakeError(ErrorCode::kUnsupportedMediaType,
                   "file：不接受这种文件。只能上传照片（JPEG、PNG、WebP）、视频（MP4、MOV、WebM）、PDF、"
                   "Word/Excel 文档和录音（MP3、M4A、WAV、AMR）；文件类型按文件内容判断，改扩展名无效",
                   "file: this kind of file is not accepted. Upload photos (JPEG, PNG, WebP), video (MP4, MOV, WebM), "
                   "PDF, Word/Excel documents or audio (MP3, M4A, WAV, AMR); the type is read from the content, "
                   "not the file name",
                   "file");
}

}  // namespace

std::int64_t EvidenceLimits::For(domain::ContentFamily family) const {
  switch (family) {
    case domain::ContentFamily::kImage: return image_bytes;
    case domain::ContentFamily::kVideo: return video_bytes;
    case domain::ContentFamily::kDocument: return document_bytes;
    case domain::ContentFamily::kAudio: return audio_bytes;
  }
  return document_bytes;
}

std::int64_t EvidenceLimits::Largest() const { return std::max({image_bytes, video_bytes, document_bytes, audio_bytes}); }

Result<StoredEvidence> EvidenceStore::Put(ByteSource& plaintext, std::string_view declared_name) {
  std::string head;
  std::string piece(kReadPiece, '\0');
  // The first bytes decide the type before anything is kept.
  while (head.size() < domain::kContentSniffBytes) {
    auto got = plaintext.Read(std::span<char>(piece.data(), domain::kContentSniffBytes - head.size()));
    if (!got) return got.error();
    if (*got == 0) break;
    head.append(piece.data(), *got);
  }
  if (head.empty()) return InvalidField("file", "文件是空的", "the file is empty");
  auto type = domain::DetectContent(head, declared_name);
  if (!type) return RefusedType();
  const std::int64_t limit = limits_.For(type->family);

  auto writer = blobs_->Begin();
  security::FileSealer sealer(files_key_);
  security::Sha256Stream sha;
  std::uint32_t crc = 0;
  std::int64_t size = 0;
  std::string sealed;
  auto keep = [&](std::string_view bytes) -> Status {
    size += static_cast<std::int64_t>(bytes.size());
    if (size > limit) {
      return MakeError(ErrorCode::kPayloadTooLarge,
                       "file：" + std::string(FamilyZh(type->family)) + "文件不能超过 " + Megabytes(limit),
                       "file: a " + std::string(domain::FamilyCode(type->family)) + " file may not exceed " + Megabytes(limit),
                       "file");
    }
    sha.Update(bytes);
    crc = docs::Crc32Update(crc, bytes);
    sealer.Append(bytes, sealed);
    writer->Write(sealed);
    sealed.clear();
    return Ok{};
  };
  if (auto kept = keep(head); !kept) return kept.error();
  for (;;) {
    auto got = plaintext.Read(std::span<char>(piece.data(), piece.size()));
    if (!got) return got.error();  // the writer is discarded: nothing is kept
    if (*got == 0) break;
    if (auto kept = keep(std::string_view(piece.data(), *got)); !kept) return kept.error();
  }
  sealer.Finish(sealed);
  writer->Write(sealed);
  StoredEvidence stored{.storage_key = "", .sha256 = sha.HexDigest(), .crc32 = crc, .byte_size = size, .type = *type};
  stored.storage_key = stored.sha256;
  writer->Commit(stored.storage_key);
  return stored;
}

std::unique_ptr<ByteSource> EvidenceStore::Open(const std::string& storage_key) {
  auto sealed = blobs_->Open(storage_key);
  if (!sealed) return nullptr;
  return security::OpenSealed(files_key_, std::move(sealed));
}

}  // namespace wagelink::services
