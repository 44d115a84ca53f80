// Reading cases: the list and the whole case (case_reading.h).
#include "services/case_reading.h"

#include <utility>

#include "core/utf8.h"
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

// The limit counts characters, not bytes: a cut in bytes would split a Chinese character (three
// bytes). Text that is not UTF-8 is refused here, before a database that checks encodings does.
Result<std::string> SearchTermOf(const std::string& text) {
  if (!IsValidUtf8(text)) {
    return InvalidField("q", "搜索词含有无效字符（应为 UTF-8 文本）", "search term is not valid UTF-8 text");
  }
  if (CodePointCount(text) > kMaxSearchCharacters) {
    return InvalidField("q", "搜索词过长（至多 " + std::to_string(kMaxSearchCharacters) + " 个字）",
                        "search term too long (at most " + std::to_string(kMaxSearchCharacters) + " characters)");
  }
  return text;
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
  auto text = SearchTermOf(query.text);
  if (!text) return text.error();
  filter.text = std::move(*text);
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
  auto connection = records_.db().AcquireForReading(who.read_after);
  store::CaseRepository cases(*connection);
  Page<CaseSummary> page;
  for (const auto& row : cases.ListCases(*scope, *filter, limit, offset)) page.items.push_back(SummaryOf(row));
  const auto total = cases.CountCases(*scope, *filter);
  page.total = total.value;
  page.total_is_lower_bound = total.at_least;
  return page;
}

Result<std::vector<CaseTabCount>> CaseReading::CountTabs(const Principal& who, const CaseListQuery& query,
                                                        bool with_every_state) {
  auto scope = records_.ScopeOf(who);
  if (!scope) return scope.error();
  // A caller that forgot both would learn nothing from an empty answer.
  if (query.states.empty() && !with_every_state) {
    return InvalidField("state", "请指定要计数的状态，或以 all=true 计数全部",
                        "name the states to count, or count every state with all=true");
  }
  auto filter = FilterOf(query);
  if (!filter) return filter.error();
  auto connection = records_.db().AcquireForReading(who.read_after);
  store::CaseRepository cases(*connection);  // one repository: the search is planned once
  std::vector<CaseTabCount> tabs;
  auto count = [&](std::optional<std::string> state) {
    filter->states = state ? std::vector<std::string>{*state} : std::vector<std::string>{};
    const auto counted = cases.CountCases(*scope, *filter);
    tabs.push_back({std::move(state), counted.value, counted.at_least});
  };
  if (with_every_state) count(std::nullopt);
  for (const auto& state : query.states) count(state);
  return tabs;
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
