#pragma once
// Case facts as the investigation establishes them (findings): a timeline event by the body entitled
// to make it, with reason, evidence references, who and when; a newer finding of the same kind
// revises it, nothing is edited in place (case_facts.h, case_mapping.h).
#include <optional>
#include <string>
#include <vector>

#include "domain/case_facts.h"
#include "services/case_records.h"

namespace wagelink::services {

// A finding of the investigation (domain::FindingKind): what it establishes, why, on which evidence.
struct FindingInput {
  domain::FindingKind kind = domain::FindingKind::kConduct;
  domain::FindingValue value;
  std::string reason;                         // the grounds, required
  std::vector<std::string> evidence;          // references to the evidence relied on (file names, record numbers)
  std::optional<domain::CivilDate> found_on;  // default today; never in the future
};

class CaseFindings {
 public:
  explicit CaseFindings(CaseRecords& records) : records_(records) {}

  Result<CaseDetail> RecordFinding(const Principal& who, std::int64_t case_id, const FindingInput& finding);

 private:
  CaseRecords& records_;
};

}  // namespace wagelink::services
