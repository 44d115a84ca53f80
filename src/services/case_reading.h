#pragma once
// Reading cases: the list and the whole case, each within the caller's need-to-know scope.
#include "services/case_records.h"

namespace wagelink::services {

class CaseReading {
 public:
  explicit CaseReading(CaseRecords& records) : records_(records) {}

  Result<Page<store::CaseRow>> List(const Principal& who, const store::CaseFilter& filter, std::int64_t limit,
                                    std::int64_t offset);
  Result<CaseDetail> Get(const Principal& who, std::int64_t case_id);

 private:
  CaseRecords& records_;
};

}  // namespace wagelink::services
