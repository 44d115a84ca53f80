#pragma once
// Workers' personal data: revealed only with a stated purpose, audited, and listed to the owning
// body as access receipts.
#include <string>

#include "services/case_records.h"

namespace wagelink::services {

class CasePersonalData {
 public:
  explicit CasePersonalData(CaseRecords& records) : records_(records) {}

  // `reason` is a code from data/reveal_reasons.json; `purpose` the free text that completes it.
  // The receipt records "<reason in Chinese>：<purpose>".
  Result<std::string> RevealPii(const Principal& who, std::int64_t case_id, std::int64_t worker_id,
                                const std::string& field, const std::string& reason, const std::string& purpose);
  Result<Page<AccessReceipt>> AccessReceipts(const Principal& who, std::int64_t limit, std::int64_t offset);

 private:
  CaseRecords& records_;
};

}  // namespace wagelink::services
