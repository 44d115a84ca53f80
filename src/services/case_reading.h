#pragma once
// Reading cases: the list and the whole case, each within the caller's need-to-know scope.
#include "services/case_records.h"

namespace wagelink::services {

// The case list as a caller asks for it; CaseReading::List decides what is acceptable.
struct CaseListQuery {
  std::vector<std::string> states;  // any of these case states (at most kMaxStatesPerQuery); empty = any
  std::string text;                 // case number, title, employer name or project (contains)
  std::string party_body;           // only cases where this body is a party (e.g. the police's incoming list)
  std::string sort = "received_desc";  // received_desc | received_asc | updated_desc | outstanding_desc
};

inline constexpr std::size_t kMaxStatesPerQuery = 8;

class CaseReading {
 public:
  explicit CaseReading(CaseRecords& records) : records_(records) {}

  // Refused for an unknown state or order, or more than kMaxStatesPerQuery states. The total stops
  // counting at a cap on large registers (total_is_lower_bound).
  Result<Page<CaseSummary>> List(const Principal& who, const CaseListQuery& query, std::int64_t limit,
                                 std::int64_t offset);
  Result<CaseDetail> Get(const Principal& who, std::int64_t case_id);

 private:
  CaseRecords& records_;
};

}  // namespace wagelink::services
