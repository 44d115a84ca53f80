#pragma once
// Official documents (文书) of a case (issue 6): the right body renders a document from the case
// and its template, takes the next number of its own per-year sequence, and stores the PDF with its
// SHA-256 and the view model, attached to a "document_issued" case event — one transaction with
// the audit entry. Downloads are re-rendered from the stored view model with the viewer's
// watermark; the stored original is checked against its hash first.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "docs/document_template.h"
#include "domain/civil_date.h"
#include "services/audit_trail.h"
#include "services/principal.h"
#include "services/reference_data.h"
#include "store/database.h"
#include "store/document_repository.h"

namespace wagelink::services {

class RiskService;
class MeetingService;

// The templates of data/templates, loaded and validated at start.
struct DocumentTemplates {
  std::vector<docs::DocumentTemplate> items;
  const docs::DocumentTemplate* Find(std::string_view kind) const;
};

struct DocumentRequest {
  std::string kind;
  std::map<std::string, std::string> overrides;  // edited DERIVED wording, field -> text
  std::optional<domain::CivilDate> deadline;     // 限期 of an order not yet recorded on the case
};

// An issued document as listed on its case (the PDF itself is downloaded separately).
struct DocumentView {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string kind;
  std::string title;
  std::string doc_no;
  std::string body_code;
  std::int64_t year = 0;
  std::int64_t seq = 0;
  std::string issued_at;
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

class DocumentService {
 public:
  DocumentService(store::Database& db, const Clock& clock, const AuditTrail& audit,
                  std::shared_ptr<const ReferenceData> reference, std::shared_ptr<const DocumentTemplates> templates)
      : db_(db), clock_(clock), audit_(audit), reference_(std::move(reference)), templates_(std::move(templates)) {}

  Result<DocumentView> Issue(const Principal& who, std::int64_t case_id, const DocumentRequest& request);
  Result<std::vector<DocumentView>> List(const Principal& who, std::int64_t case_id);
  Result<DocumentDownload> Download(const Principal& who, std::int64_t document_id);

  // Documents that belong to a risk or a meeting rather than a case (record_documents.cpp): rendered
  // on demand from the stored written report / the recorded meeting with the viewer's watermark,
  // numbered by the record's own number (risk_no, meeting_no), and audited. The services check that
  // the viewer may read the record.
  Result<DocumentDownload> RiskReport(const Principal& who, std::int64_t risk_id, RiskService& risks);
  Result<DocumentDownload> MeetingMinutes(const Principal& who, std::int64_t meeting_id, MeetingService& meetings);

 private:
  Result<DocumentDownload> RenderRecord(const Principal& who, const std::string& kind, docs::TemplateValues values,
                                        const std::string& number, const AuditTarget& target);
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const ReferenceData> reference_;
  std::shared_ptr<const DocumentTemplates> templates_;
};

}  // namespace wagelink::services
