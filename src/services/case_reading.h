#pragma once
// Reading cases: the list and the whole case, each within the caller's need-to-know scope.
#include <optional>

#include "services/case_records.h"

namespace wagelink::services {

// The case list as a caller asks for it; CaseReading::List decides what is acceptable.
struct CaseListQuery {
  std::vector<std::string> states;  // any of these case states (at most kMaxStatesPerQuery); empty = any
  std::string text;                 // case number, title, employer name or project (contains)
  std::string party_body;           // only cases where this body is a party (e.g. the police's incoming list)
  std::string sort = "received_desc";  // received_desc | received_asc | updated_desc | outstanding_desc
};

// One figure of a case list's tabs: the cases in one state (no state: in every state) under the
// list's party and search.
struct CaseTabCount {
  std::optional<std::string> state;
  std::int64_t total = 0;
  bool total_is_lower_bound = false;  // a search counted up to the cap and found more
};

inline constexpr std::size_t kMaxStatesPerQuery = 8;
inline constexpr std::size_t kMaxSearchCharacters = 100;

class CaseReading {
 public:
  explicit CaseReading(CaseRecords& records) : records_(records) {}

  // Refused for an unknown state or order, more than kMaxStatesPerQuery states or a search term
  // longer than kMaxSearchCharacters. The total stops counting at a cap on large registers
  // (total_is_lower_bound).
  Result<Page<CaseSummary>> List(const Principal& who, const CaseListQuery& query, std::int64_t limit,
                                 std::int64_t offset);
  // The tabs of a list: each of query.states counted on its own, and first every state when
  // `with_every_state`, under the same party and search (the same limits as List). A search term
  // is looked up in the index once for all of them.
  Result<std::vector<CaseTabCount>> CountTabs(const Principal& who, const CaseListQuery& query, bool with_every_state);
  Result<CaseDetail> Get(const Principal& who, std::int64_t case_id);

 private:
  CaseRecords& records_;
};

}  // namespace wagelink::services
