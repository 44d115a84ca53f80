#include "domain/evidence_content.h"

#include <array>

namespace wagelink::domain {
namespace {

using F = ContentFamily;
constexpr ContentType kJpeg{"jpeg", "image/jpeg", "jpg", F::kImage};
constexpr ContentType kPng{"png", "image/png", "png", F::kImage};
constexpr ContentType kWebp{"webp", "image/webp", "webp", F::kImage};
constexpr ContentType kMp4{"mp4", "video/mp4", "mp4", F::kVideo};
constexpr ContentType kMov{"mov", "video/quicktime", "mov", F::kVideo};
constexpr ContentType kWebm{"webm", "video/webm", "webm", F::kVideo};
constexpr ContentType kPdf{"pdf", "application/pdf", "pdf", F::kDocument};
constexpr ContentType kDocx{"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", F::kDocument};
constexpr ContentType kXlsx{"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", F::kDocument};
constexpr ContentType kDoc{"doc", "application/msword", "doc", F::kDocument};
constexpr ContentType kXls{"xls", "application/vnd.ms-excel", "xls", F::kDocument};
constexpr ContentType kMp3{"mp3", "audio/mpeg", "mp3", F::kAudio};
constexpr ContentType kM4a{"m4a", "audio/mp4", "m4a", F::kAudio};
constexpr ContentType kWav{"wav", "audio/wav", "wav", F::kAudio};
constexpr ContentType kAmr{"amr", "audio/amr", "amr", F::kAudio};

bool At(std::string_view head, std::size_t offset, std::string_view magic) {
  return head.size() >= offset + magic.size() && head.substr(offset, magic.size()) == magic;
}

bool EndsWithIgnoringCase(std::string_view name, std::string_view suffix) {
  if (name.size() < suffix.size()) return false;
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    char c = name[name.size() - suffix.size() + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != suffix[i]) return false;
  }
  return true;
}

// ISO base media (MP4, MOV, M4A): a box size then "ftyp" and the major brand. QuickTime files
// written by older cameras may open with another top-level atom instead.
std::optional<ContentType> IsoMedia(std::string_view head) {
  if (At(head, 4, "ftyp")) {
    if (At(head, 8, "qt  ")) return kMov;
    if (At(head, 8, "M4A ") || At(head, 8, "M4B ")) return kM4a;
    return kMp4;
  }
  for (std::string_view atom : {"moov", "mdat", "wide", "free"}) {
    if (At(head, 4, atom)) return kMov;
  }
  return std::nullopt;
}

// An Office Open XML document is a ZIP whose parts are named for the application; any other ZIP
// (which could carry anything) is refused. The first local entries' names are in the head.
std::optional<ContentType> OfficeOpenXml(std::string_view head) {
  if (head.find("[Content_Types].xml") == std::string_view::npos && head.find("_rels/.rels") == std::string_view::npos) {
    return std::nullopt;
  }
  if (head.find("word/") != std::string_view::npos) return kDocx;
  if (head.find("xl/") != std::string_view::npos) return kXlsx;
  return std::nullopt;
}

// MPEG audio without an ID3 tag starts on a frame header: 11 sync bits, then a version and layer
// that are not "reserved". (FF D8 is JPEG and is matched first.)
bool MpegAudioFrame(std::string_view head) {
  if (head.size() < 3) return false;
  auto b0 = static_cast<unsigned char>(head[0]), b1 = static_cast<unsigned char>(head[1]);
  bool sync = b0 == 0xFF && (b1 & 0xE0) == 0xE0;
  bool version_ok = (b1 & 0x18) != 0x08;
  bool layer_ok = (b1 & 0x06) != 0x00;
  auto b2 = static_cast<unsigned char>(head[2]);
  bool bitrate_ok = (b2 & 0xF0) != 0xF0;
  return sync && version_ok && layer_ok && bitrate_ok;
}

}  // namespace

std::optional<ContentType> DetectContent(std::string_view head, std::string_view declared_name) {
  if (At(head, 0, "\xFF\xD8\xFF")) return kJpeg;
  if (At(head, 0, "\x89PNG\r\n\x1A\n")) return kPng;
  if (At(head, 0, "RIFF") && At(head, 8, "WEBP")) return kWebp;
  if (At(head, 0, "RIFF") && At(head, 8, "WAVE")) return kWav;
  if (At(head, 0, "%PDF-")) return kPdf;
  if (At(head, 0, "\x1A\x45\xDF\xA3")) return kWebm;
  if (At(head, 0, "PK\x03\x04")) return OfficeOpenXml(head);
  if (At(head, 0, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) return EndsWithIgnoringCase(declared_name, ".xls") ? kXls : kDoc;
  if (At(head, 0, "#!AMR\n") || At(head, 0, "#!AMR-WB\n")) return kAmr;
  if (At(head, 0, "ID3") || MpegAudioFrame(head)) return kMp3;
  return IsoMedia(head);
}

std::string_view FamilyCode(ContentFamily family) {
  switch (family) {
    case F::kImage: return "image";
    case F::kVideo: return "video";
    case F::kDocument: return "document";
    case F::kAudio: return "audio";
  }
  return "document";
}

}  // namespace wagelink::domain
