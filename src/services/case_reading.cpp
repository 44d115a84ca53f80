// Reading cases: the list and the whole case (case_reading.h).
#include "services/case_reading.h"

#include "domain/case_state.h"
#include "services/case_mapping.h"

namespace wagelink::services {
namespace {

// Each order is its own statement in the store, so the planner sees a plain ORDER BY.
Result<store::CaseSort> SortOf(const std::string& code) {
  if (code == "received_desc") return store::CaseSort::kReceivedNewest;
  if (code == "received_asc") return store::CaseSort::kReceivedOldest;
  if (code == "updated_desc") return store::CaseSort::kUpdatedNewest;
  if (code == "outstanding_desc") return store::CaseSort::kOwedLargest;
  return InvalidField("sort", "应为 received_desc、received_asc、updated_desc 或 outstanding_desc",
                      "must be received_desc, received_asc, updated_desc or outstanding_desc");
}

Result<store::CaseFilter> FilterOf(const CaseListQuery& query) {
  static_assert(kMaxStatesPerQuery <= store::kMaxStateFilter);
  if (query.states.size() > kMaxStatesPerQuery) {
    return InvalidField("state", "最多同时筛选 8 个状态", "at most 8 states at once");
  }
  store::CaseFilter filter;
  for (const auto& code : query.states) {
    if (!domain::ParseCaseStateCode(code)) {
      return InvalidField("state", "未知的案件状态 " + code.substr(0, 40), "unknown case state " + code.substr(0, 40));
    }
    filter.states.push_back(code);
  }
  auto sort = SortOf(query.sort);
  if (!sort) return sort.error();
  filter.sort = *sort;
  filter.text = query.text.substr(0, 100);
  filter.party_body = query.party_body.substr(0, 40);
  return filter;
}

}  // namespace

Result<Page<CaseSummary>> CaseReading::List(const Principal& who, const CaseListQuery& query, std::int64_t limit,
                                            std::int64_t offset) {
  auto scope = records_.ScopeOf(who);
  if (!scope) return scope.error();
  auto filter = FilterOf(query);
  if (!filter) return filter.error();
  auto connection = records_.db().Acquire();
  store::CaseRepository cases(*connection);
  Page<CaseSummary> page;
  for (const auto& row : cases.ListCases(*scope, *filter, limit, offset)) page.items.push_back(SummaryOf(row));
  const auto total = cases.CountCases(*scope, *filter);
  page.total = total.value;
  page.total_is_lower_bound = total.at_least;
  return page;
}

Result<CaseDetail> CaseReading::Get(const Principal& who, std::int64_t case_id) {
  auto scope = records_.ScopeOf(who);
  if (!scope) return scope.error();
  auto connection = records_.db().Acquire();
  store::CaseRepository cases(*connection);
  auto row = CaseRecords::FindVisible(cases, *scope, case_id);
  if (!row) return row.error();
  return records_.LoadDetail(*connection, who, *row);
}

}  // namespace wagelink::services
