#pragma once
// Taking a step of the mechanism (domain::Decide decides; this applies the decision — state,
// timeline event, clocks, parties, inbox notices, the documents the step issues
// (domain/step_documents.h), audit — in one transaction) and keeping the transfer package.
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "services/case_records.h"

namespace wagelink::services {

struct StepInput {
  domain::CaseEvent event;
  std::optional<domain::Instant> at;  // when the step was taken; default now; never in the future
  std::string reason;
  domain::StepPayload payload;
  std::optional<std::int64_t> expected_version;  // optimistic concurrency from the UI
  // Edited DERIVED wording of the documents the step issues (kind -> field -> text); naming a
  // document the step issues only on request (e.g. a 检察建议书) asks for it.
  std::map<std::string, std::map<std::string, std::string>> document_fields;
};

class CaseSteps {
 public:
  explicit CaseSteps(CaseRecords& records) : records_(records) {}

  Result<CaseDetail> TakeStep(const Principal& who, std::int64_t case_id, const StepInput& step);

 private:
  CaseRecords& records_;
};

}  // namespace wagelink::services
