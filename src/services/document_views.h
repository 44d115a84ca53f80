#pragma once
// What the document use cases hand out: an issued document as listed on its case, and a download.
// Built from stored rows with designated initializers (document_issuing.cpp), so a column can change
// without changing the API.
#include <cstdint>
#include <string>

namespace wagelink::services {

// An issued document as listed on its case (the PDF itself is downloaded separately).
struct DocumentView {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string kind;
  std::string title;
  std::string doc_no;
  std::string body_code;
  std::string issuer_name;   // the body's full name as printed on the document
  std::int64_t year = 0;
  std::int64_t seq = 0;
  std::string document_date;     // YYYY-MM-DD: the day of the act (成文日期)
  std::string document_date_zh;  // 2026年3月2日, for people
  std::string step;              // case event code of the issuing step; empty = issued on its own
  std::string step_name_zh;      // 移送, for people
  std::string issued_at;         // when the platform stored it (UTC)
  std::string issued_by_username;
  std::string sha256;
  std::int64_t byte_size = 0;
  std::int64_t pages = 0;
  std::int64_t event_id = 0;
};

struct DocumentDownload {
  std::string filename;
  std::string bytes;            // watermarked for the viewer
  std::string original_sha256;  // of the document as issued
};

}  // namespace wagelink::services
