#include "store/early_intervention_repository.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kJoinEvent = "join_early_intervention";

// The case's latest join event, in the caller's scope (the same bound predicate as the case list).
#define WL_LATEST_JOIN                                                                                     \
  "FROM case_events e JOIN cases c ON c.id = e.case_id JOIN employers m ON m.id = c.employer_id "          \
  "WHERE e.event = ? AND e.id = (SELECT MAX(l.id) FROM case_events l WHERE l.case_id = e.case_id AND "     \
  "l.event = e.event) "                                                                                    \
  "AND (? = 1 OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND p.body_code = ?))"
constexpr std::string_view kList =
    "SELECT c.id, c.case_no, c.title, c.state, c.progress, c.project_name, m.name, e.at, e.payload, e.reason "
    WL_LATEST_JOIN " ORDER BY e.id DESC LIMIT ? OFFSET ?";
constexpr std::string_view kCount = "SELECT COUNT(*) " WL_LATEST_JOIN;
#undef WL_LATEST_JOIN

Params ScopeParams(const CaseScope& scope) {
  return {std::string(kJoinEvent), std::int64_t{scope.all_in_region}, scope.body_code};
}

}  // namespace

std::vector<EarlyInterventionRow> EarlyInterventionRepository::List(const CaseScope& scope, std::int64_t limit,
                                                                    std::int64_t offset) {
  Params params = ScopeParams(scope);
  params.emplace_back(limit);
  params.emplace_back(offset);
  std::vector<EarlyInterventionRow> out;
  c_.Stream(kList, params, [&](const Row& r) {
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7), r.Text(8),
                   r.Text(9)});
  });
  return out;
}

std::int64_t EarlyInterventionRepository::Count(const CaseScope& scope) {
  return c_.QueryOne(kCount, ScopeParams(scope))->Int(0);
}

}  // namespace wagelink::store
