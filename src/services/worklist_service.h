#pragma once
// The worklist (待办) of the caller's body and role in one call: the open cases in its need-to-know
// scope that need its action or attention now, decided by domain::ClassifyWork on what each case
// shows (the steps the machine offers the caller, its open clocks, its progress).
#include "core/error.h"
#include "services/case_records.h"
#include "services/worklist_views.h"

namespace wagelink::services {

// Open cases read per call, most recently changed first: a district's open register; beyond it the
// worklist says it is truncated and the case list takes over.
inline constexpr std::int64_t kWorklistCaseCap = 200;

class WorklistService {
 public:
  explicit WorklistService(CaseRecords& records) : records_(records) {}

  Result<Worklist> Get(const Principal& who);

 private:
  CaseRecords& records_;
};

}  // namespace wagelink::services
