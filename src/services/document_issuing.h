#pragma once
// Issuing one document inside the caller's transaction: the facts of the moment bound into the
// template (document_values.h), the next number of the body's series for the document type (a
// counter row updated in the same transaction, so numbers have no gaps or duplicates however many
// issue at once), the official layout (src/docs), the PDF bytes stored with their SHA-256, and the
// audit entry. A step issues its documents this way (case_steps.cpp); so does DocumentService for the
// few documents no step issues. Nothing here re-renders a stored document.
#include <map>
#include <optional>
#include <string>

#include "core/error.h"
#include "services/audit_trail.h"
#include "services/document_catalog.h"
#include "services/document_values.h"
#include "services/document_views.h"
#include "services/principal.h"
#include "services/reference_data.h"
#include "store/case_repository.h"
#include "store/database.h"
#include "store/document_repository.h"

namespace wagelink::services {

struct IssueRequest {
  std::string kind;
  DocumentMoment moment;
  // The case event the document belongs to: the issuing step's. 0: a document issued on its own,
  // which gets a "document_issued" event of its own.
  std::int64_t step_event_id = 0;
};

class DocumentIssuing {
 public:
  DocumentIssuing(const DocumentCatalog& catalog, const ReferenceData& reference, const AuditTrail& audit)
      : catalog_(catalog), reference_(reference), audit_(audit) {}

  const DocumentCatalog& catalog() const { return catalog_; }

  // Inside an open transaction on `connection`; the caller commits.
  Result<DocumentView> Issue(store::Connection& connection, const Principal& who, const store::CaseRow& row,
                             const IssueRequest& request) const;

 private:
  const DocumentCatalog& catalog_;
  const ReferenceData& reference_;
  const AuditTrail& audit_;
};

DocumentView ViewOfDocument(const store::DocumentRow& row);

}  // namespace wagelink::services
