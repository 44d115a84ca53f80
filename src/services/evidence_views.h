#pragma once
// What the evidence use cases hand the API (services/evidence_service.h): plain structs built
// with designated initializers, no store rows.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/byte_source.h"
#include "services/reference_data.h"

namespace wagelink::services {

// A kind of file, or something a file can support, offered to people by name.
struct EvidenceChoice {
  std::string code;
  std::string zh;
  std::string en;
};

struct EvidenceFileView {
  std::int64_t id = 0;
  std::string owner_kind;  // case | risk | meeting
  std::int64_t owner_id = 0;
  std::string kind;
  std::string kind_zh;
  std::string kind_en;
  std::optional<std::string> supports;  // package item id or step code, or a risk's or meeting's part
  std::string supports_zh;              // its name for people ("" when none or unknown)
  std::string supports_en;
  std::string note;
  std::string file_name;
  std::string content_type;  // the MIME type decided from the bytes
  std::int64_t byte_size = 0;
  std::string sha256;
  std::string added_by_name;
  std::string added_body;
  std::string added_at;
  bool withdrawn = false;
  std::optional<std::string> withdrawn_at;
  std::optional<std::string> withdrawn_by_name;
  std::optional<std::string> withdrawn_reason;
};

// One item of the transfer package with what satisfies it.
struct PackageItemStatus {
  const PackageItem* item = nullptr;
  bool present = false;
  std::vector<std::int64_t> file_ids;         // files (not withdrawn) that satisfy it
  std::optional<std::int64_t> document_id;    // the issued document (文书) that satisfies it
};

struct EvidenceListing {
  std::vector<EvidenceFileView> files;  // withdrawn ones too: they stay in the record
  std::vector<EvidenceChoice> kinds;     // the owner's kinds, in the order forms offer them
  std::vector<EvidenceChoice> supports;  // what a new file may be attached for
  std::vector<PackageItemStatus> package;  // a case's transfer package; empty for a risk or meeting
  std::vector<std::string> missing;     // required package items with nothing yet (Chinese names)
};

// A file or archive on its way to the client, read piece by piece.
struct EvidenceDownload {
  std::string file_name;     // for Content-Disposition (UTF-8)
  std::string content_type;  // never text/* or an HTML-capable type
  std::uint64_t byte_size = 0;
  std::string sha256;        // empty for the package archive
  std::unique_ptr<ByteSource> content;
};

}  // namespace wagelink::services
