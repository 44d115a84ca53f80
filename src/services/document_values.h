#pragma once
// The facts a document states, bound by name into its template: read from the case inside the
// issuing transaction, as they stand at that moment (the outstanding amount of the day of transfer,
// the deadline of the order as served), and never read again — the issued bytes keep them.
#include <map>
#include <optional>
#include <string>

#include "core/error.h"
#include "docs/document_template.h"
#include "domain/case_events.h"
#include "domain/civil_date.h"
#include "services/document_catalog.h"
#include "services/principal.h"
#include "services/reference_data.h"
#include "store/case_repository.h"
#include "store/database.h"

namespace wagelink::services {

// The act a document records: who, when, and what the step carried.
struct DocumentMoment {
  domain::Instant at;                       // when the act took place (the document's date)
  domain::Instant now;                      // when it is issued
  std::optional<domain::CaseEvent> step;    // the issuing step; none for a document issued on its own
  std::string step_reason;                  // the step's reason (an opinion, what was done, the lawyer)
  domain::StepPayload payload;              // the step's payload
  std::map<std::string, std::string> overrides;  // edited DERIVED wording, field -> text
  std::optional<domain::CivilDate> deadline;     // 限期 of an order not yet on the case (issued on its own)
};

// The values of every "case" and "list" field, or a refusal when the document is not meaningful yet
// (e.g. a 送达回证 before anything was served).
Result<docs::TemplateValues> CaseDocumentValues(store::Connection& connection, const DocumentCatalog& catalog,
                                                const ReferenceData& reference, const docs::DocumentTemplate& t,
                                                const store::CaseRow& row, const Principal& who,
                                                const DocumentMoment& moment);

// 186400 fen -> "1,864.00"
std::string YuanZh(std::int64_t fen);

}  // namespace wagelink::services
