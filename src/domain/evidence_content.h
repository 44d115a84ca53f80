#pragma once
// What an uploaded evidence file is, decided by its first bytes (magic numbers), never by its
// name or the browser's Content-Type: a page of HTML, an SVG, a script or a program renamed to
// .jpg or .pdf is refused, because the platform must never hand such a file to a browser or a
// police officer as if it were a photo or a record.
#include <optional>
#include <string_view>

namespace wagelink::domain {

// Content families carry the per-family size limits of the configuration ([evidence]).
enum class ContentFamily { kImage, kVideo, kDocument, kAudio };

struct ContentType {
  std::string_view code;       // stable: "jpeg", "png", "webp", "mp4", "mov", "webm", "pdf", "docx", "xlsx", "doc", "xls", "mp3", "m4a", "wav", "amr"
  std::string_view mime;       // the Content-Type it is served with (never text/*)
  std::string_view extension;  // the extension given to it on download, whatever it was called
  ContentFamily family;
};

// How many leading bytes DetectContent wants to see (fewer is fine for a short file). Office
// containers need to be looked into: the names of their first entries tell a .docx from a .xlsx.
inline constexpr std::size_t kContentSniffBytes = 64 * 1024;

// The allowed type `head` (the file's first bytes) starts with; nullopt for anything else.
// `declared_name` only tells the legacy OLE formats apart (.doc vs .xls share their container).
std::optional<ContentType> DetectContent(std::string_view head, std::string_view declared_name);

std::string_view FamilyCode(ContentFamily family);

}  // namespace wagelink::domain
