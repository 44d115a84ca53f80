#pragma once
// Official documents (文书) of a case. Most are issued by the step that issues them, inside the
// step's transaction (case_steps.cpp, domain/step_documents.h); the few that no step issues (the
// blacklist documents, which follow their own procedure) are issued here on request, the same way
// (document_issuing.h). Downloads check the stored original against its hash and re-render its
// frozen view model with the viewer's watermark — never with newer case data.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/civil_date.h"
#include "services/audit_trail.h"
#include "services/document_catalog.h"
#include "services/document_issuing.h"
#include "services/document_views.h"
#include "services/principal.h"
#include "services/reference_data.h"
#include "store/database.h"

namespace wagelink::services {

class RiskService;
class MeetingService;
class RecommendationService;

struct DocumentRequest {
  std::string kind;
  std::map<std::string, std::string> overrides;  // edited DERIVED wording, field -> text
  std::optional<domain::CivilDate> deadline;     // 限期 of an order not yet recorded on the case
};

class DocumentService {
 public:
  DocumentService(store::Database& db, const Clock& clock, const AuditTrail& audit,
                  std::shared_ptr<const ReferenceData> reference, std::shared_ptr<const DocumentCatalog> catalog)
      : db_(db),
        clock_(clock),
        audit_(audit),
        reference_(std::move(reference)),
        catalog_(std::move(catalog)),
        issuing_(*catalog_, *reference_, audit_) {}

  // A document no step issues; a document a step issues is refused with the step's name.
  Result<DocumentView> Issue(const Principal& who, std::int64_t case_id, const DocumentRequest& request);
  Result<std::vector<DocumentView>> List(const Principal& who, std::int64_t case_id);
  Result<DocumentDownload> Download(const Principal& who, std::int64_t document_id);

  // Documents that belong to a risk or a meeting rather than a case (record_documents.cpp): rendered
  // on demand from the stored written report / the recorded meeting with the viewer's watermark,
  // numbered by the record's own number (risk_no, meeting_no), and audited. The services check that
  // the viewer may read the record.
  Result<DocumentDownload> RiskReport(const Principal& who, std::int64_t risk_id, RiskService& risks);
  Result<DocumentDownload> MeetingMinutes(const Principal& who, std::int64_t meeting_id, MeetingService& meetings);
  // The 检察建议书 of a recommendation as it was issued (its content never changes after issue),
  // to whoever may read the recommendation.
  Result<DocumentDownload> Recommendation(const Principal& who, std::int64_t recommendation_id, RecommendationService& recommendations);

 private:
  // Dated today unless `dated` (a record issued on a day of its own, such as a 检察建议).
  Result<DocumentDownload> RenderRecord(const Principal& who, const std::string& kind, docs::TemplateValues values,
                                        const std::string& number, const AuditTarget& target,
                                        std::optional<domain::CivilDate> dated = std::nullopt);
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const ReferenceData> reference_;
  std::shared_ptr<const DocumentCatalog> catalog_;
  DocumentIssuing issuing_;
};

}  // namespace wagelink::services
