#include "store/case_tally_repository.h"

#include <algorithm>

#include "store/audit_repository.h"
#include "store/case_repository.h"
#include "store/case_sql.h"
#include "store/deferred_write.h"

namespace wagelink::store {
namespace {

// What each case contributes, one row per (case, metric), for the cases the filters admit (the same
// cases, named over `c`, over `v` for the funnel's events and over `k` for the statutory clocks).
// clang-format off
#define WL_CONTRIBUTIONS(case_filter, event_filter, clock_filter)                                                             \
  "SELECT c.id AS case_id, CASE m.metric WHEN 'state' THEN 'state:' || c.state ELSE m.metric END AS metric, "   \
  "CASE m.metric WHEN 'cases' THEN 1 WHEN 'state' THEN 1 WHEN 'workers' THEN c.workers_count "                   \
  /* A claim found to involve no arrears owes nothing, whatever was claimed. */                                  \
  "WHEN 'owed_fen' THEN CASE WHEN " WL_CASE_NO_ARREARS_FOUND " = 1 THEN 0 ELSE c.owed_fen END "                  \
  "WHEN 'paid_fen' THEN c.paid_fen "                                                                             \
  "ELSE CASE WHEN c.owed_fen > 0 AND c.paid_fen >= c.owed_fen THEN 1 ELSE 0 END END AS value "                   \
  "FROM cases c CROSS JOIN (SELECT 'cases' AS metric UNION ALL SELECT 'state' UNION ALL SELECT 'workers' "       \
  "UNION ALL SELECT 'owed_fen' UNION ALL SELECT 'paid_fen' UNION ALL SELECT 'paid_in_full') m "                  \
  "WHERE " case_filter " "                                                                                       \
  "UNION ALL SELECT v.case_id, 'reached:' || v.event, 1 FROM case_events v "                                     \
  "WHERE v.event IN ('accept_complaint', 'issue_order', 'send_transfer', 'file_case', 'decide_prosecution', "    \
  "'deliver_judgment', 'record_execution') "                                                                     \
  /* 不起诉 sends the case back to labour inspection (反向衔接): it is no prosecution. */                          \
  "AND NOT (v.event = 'decide_prosecution' AND v.to_state = 'administrative_handling') AND " event_filter " "     \
  "GROUP BY v.case_id, v.event "                                                                                 \
  /* Duty clocks by responsible body: open, or stopped met on time, met late, not met. */                        \
  "UNION ALL SELECT k.case_id, 'clock:' || k.responsible_body || ':' || CASE WHEN k.stopped_at IS NULL "         \
  "THEN 'open' WHEN k.outcome = 'met' AND k.stopped_at <= k.due_at THEN 'met' WHEN k.outcome = 'met' "           \
  "THEN 'met_late' ELSE k.outcome END, COUNT(*) FROM case_clocks k WHERE k.kind = 'duty' AND " clock_filter " " \
  "GROUP BY k.case_id, 2"

// The scopes a case counts in: the region, and each body that is a party to it.
#define WL_SCOPES(case_filter, party_filter)                                                                     \
  "SELECT c.id AS case_id, '*' AS scope FROM cases c WHERE " case_filter " "                                     \
  "UNION ALL SELECT p.case_id, p.body_code FROM case_parties p WHERE " party_filter

#define WL_TALLIED(sign, case_filter, event_filter, clock_filter, party_filter)                                 \
  "SELECT s.scope, t.metric, " sign " CAST(SUM(t.value) AS BIGINT) FROM (" WL_CONTRIBUTIONS(case_filter,        \
  event_filter, clock_filter) ") t JOIN (" WL_SCOPES(case_filter, party_filter) ") s ON s.case_id = t.case_id " \
  "WHERE 1 = 1 GROUP BY s.scope, t.metric"

// Ordered, so that two transactions would take the rows in the same order (they also hold the
// district's write-order lock first, see Adjust).
#define WL_ADJUST(sign, case_filter, event_filter, clock_filter, party_filter)                                  \
  "INSERT INTO case_tallies (scope, metric, value) "                                                             \
  WL_TALLIED(sign, case_filter, event_filter, clock_filter, party_filter) " ORDER BY 1, 2 "                                   \
  "ON CONFLICT (scope, metric) DO UPDATE SET value = case_tallies.value + excluded.value"
// clang-format on

constexpr std::string_view kWithdraw = WL_ADJUST("-1 *", "c.id = ?", "v.case_id = ?", "k.case_id = ?", "p.case_id = ?");
constexpr std::string_view kDeposit = WL_ADJUST("", "c.id = ?", "v.case_id = ?", "k.case_id = ?", "p.case_id = ?");
// The statements above name the case once in each filter, in this order: c, v, k, c, p.
constexpr int kFiltersPerStatement = 5;

constexpr std::size_t kCasesPerDeposit = 256;

// kDeposit for kCasesPerDeposit cases: each filter an IN list (a short batch repeats its last id,
// which IN counts once).
const std::string& DepositManyStatement() {
  static const std::string sql = [] {
    std::string list = "(";
    for (std::size_t i = 0; i < kCasesPerDeposit; ++i) list.append(i ? ", ?" : "?");
    list += ")";
    std::string text(WL_ADJUST("", "c.id IN ~", "v.case_id IN ~", "k.case_id IN ~", "p.case_id IN ~"));
    for (auto at = text.find('~'); at != std::string::npos; at = text.find('~', at)) text.replace(at, 1, list);
    return text;
  }();
  return sql;
}

constexpr std::string_view kCounted = WL_TALLIED("", "1 = 1", "1 = 1", "1 = 1", "1 = 1");
constexpr std::string_view kRecount =
    "INSERT INTO case_tallies (scope, metric, value) " WL_TALLIED("", "1 = 1", "1 = 1", "1 = 1", "1 = 1");

#undef WL_ADJUST
#undef WL_TALLIED
#undef WL_SCOPES
#undef WL_CONTRIBUTIONS

constexpr std::string_view kKept = "SELECT metric, value FROM case_tallies WHERE scope = ? AND value <> 0";
constexpr std::string_view kKeptEverywhere = "SELECT scope, metric, value FROM case_tallies WHERE scope <> '' AND value <> 0";
// The cases of a scope in any of kMaxStateFilter states (a shorter list repeats its last state).
constexpr std::string_view kCasesInStates =
    "SELECT COALESCE(SUM(value), 0) FROM case_tallies WHERE scope = ? AND metric IN (?, ?, ?, ?, ?, ?, ?, ?)";
static_assert(kMaxStateFilter == 8, "kCasesInStates lists eight states");
constexpr std::string_view kRecountAsked = "SELECT 1 FROM case_tallies WHERE scope = '' AND metric = 'recount'";

std::map<std::string, CaseTallies> ByScope(Connection& c, std::string_view sql) {
  std::map<std::string, CaseTallies> out;
  c.Stream(sql, {}, [&](const Row& r) {
    if (r.Int(2) != 0) out[r.Text(0)][r.Text(1)] = r.Int(2);
  });
  return out;
}

}  // namespace

void CaseTallyRepository::Adjust(std::string_view sql, std::int64_t case_id) {
  // Every writer of a tally row holds the district's write-order lock first (the audit chain's,
  // which every audited change takes anyway), so two transactions never hold tally rows in opposite
  // orders: on PostgreSQL they queue, they cannot deadlock.
  AuditRepository(c_).LockForAppend();
  ExecuteDeferred(c_, sql, Params(kFiltersPerStatement, case_id));
}

void CaseTallyRepository::Withdraw(std::int64_t case_id) { Adjust(kWithdraw, case_id); }
void CaseTallyRepository::Deposit(std::int64_t case_id) { Adjust(kDeposit, case_id); }

void CaseTallyRepository::Deposit(std::span<const std::int64_t> new_case_ids) {
  if (new_case_ids.empty()) return;
  AuditRepository(c_).LockForAppend();
  for (std::size_t first = 0; first < new_case_ids.size(); first += kCasesPerDeposit) {
    Params ids;
    ids.reserve(kCasesPerDeposit);
    for (std::size_t i = 0; i < kCasesPerDeposit; ++i) ids.emplace_back(new_case_ids[std::min(first + i, new_case_ids.size() - 1)]);
    Params params;
    params.reserve(kFiltersPerStatement * kCasesPerDeposit);
    for (int filter = 0; filter < kFiltersPerStatement; ++filter) params.insert(params.end(), ids.begin(), ids.end());
    ExecuteDeferred(c_, DepositManyStatement(), std::move(params));
  }
}

CaseTallies CaseTallyRepository::Kept(std::string_view scope) {
  CaseTallies out;
  c_.Stream(kKept, {std::string(scope)}, [&](const Row& r) { out[r.Text(0)] = r.Int(1); });
  return out;
}

std::int64_t CaseTallyRepository::CasesIn(std::string_view scope, std::span<const std::string> states) {
  // Unused places repeat the last state (IN counts a metric once however often it is named); no
  // state filter asks for the scope's case count in every place.
  Params params{std::string(scope)};
  for (std::size_t i = 0; i < kMaxStateFilter; ++i) {
    params.emplace_back(states.empty() ? std::string("cases")
                                       : std::string(kStatePrefix) + states[std::min(i, states.size() - 1)]);
  }
  return c_.QueryOne(kCasesInStates, params)->Int(0);
}

std::map<std::string, CaseTallies> CaseTallyRepository::Counted() { return ByScope(c_, kCounted); }
std::map<std::string, CaseTallies> CaseTallyRepository::KeptEverywhere() { return ByScope(c_, kKeptEverywhere); }

void CaseTallyRepository::RecountIfAsked() {
  if (!c_.QueryOne(kRecountAsked)) return;  // the common case: nothing to do, no lock taken
  Transaction tx(c_);
  AuditRepository(c_).LockForAppend();
  if (!c_.QueryOne(kRecountAsked)) return;  // another instance recounted while we waited
  c_.Execute("DELETE FROM case_tallies", {});
  c_.Execute(kRecount, {});
  tx.Commit();
}

}  // namespace wagelink::store
