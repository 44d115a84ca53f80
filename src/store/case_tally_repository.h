#pragma once
// The dashboard's (驾驶舱) case figures and funnel, and the case list's counts, as running totals per
// scope: '*' for the region, a body code for the cases that body is a party to. A case contributes
// its count, one in its state, workers, amount owed (nothing when no arrears were found), amount
// paid, whether it is paid in full, one for each funnel step it has reached, and its statutory duty
// clocks by responsible body: open, met on time, met late, not met.
//
// A service that changes what a case contributes (its totals, its events, its parties) brackets the
// change: Withdraw(case) before, Deposit(case) after, in the same transaction. A new case is only
// deposited. The totals are therefore exact at every commit, and reading them costs one look-up
// whatever the number of cases. Counted() recomputes them from the cases themselves: the same rule,
// used to recount and by the tests to prove the running totals never drift.
#include <cstdint>
#include <map>
#include <span>
#include <string>

#include "store/database.h"

namespace wagelink::store {

// metric → value; zero values are left out.
using CaseTallies = std::map<std::string, std::int64_t>;

// Metric names. A funnel step's metric is kReachedPrefix + the event's code.
inline constexpr std::string_view kTallyCases = "cases";
inline constexpr std::string_view kTallyWorkers = "workers";
inline constexpr std::string_view kTallyOwedFen = "owed_fen";
inline constexpr std::string_view kTallyPaidFen = "paid_fen";
inline constexpr std::string_view kTallyPaidInFull = "paid_in_full";
inline constexpr std::string_view kReachedPrefix = "reached:";
// A case counts once in its scope's metric kStatePrefix + the case's state.
inline constexpr std::string_view kStatePrefix = "state:";
// A duty clock's metric: kClockPrefix + responsible body + ":" + open | met | met_late | not_met.
inline constexpr std::string_view kClockPrefix = "clock:";
inline constexpr std::string_view kRegionScope = "*";

class CaseTallyRepository {
 public:
  explicit CaseTallyRepository(Connection& connection) : c_(connection) {}

  // Takes the case's contribution out of every scope it counts in (before a change).
  void Withdraw(std::int64_t case_id);
  // Adds it to every scope it counts in now (after the change, or for a new case).
  void Deposit(std::int64_t case_id);
  // Adds new cases, a few hundred to a statement: an import of 100,000 complaints updates each
  // tally row a few hundred times, not 100,000 times (on PostgreSQL every update of a row in one
  // transaction leaves a version behind that later updates step over).
  void Deposit(std::span<const std::int64_t> new_case_ids);

  // The running totals of one scope.
  CaseTallies Kept(std::string_view scope);
  // How many cases the scope holds in any of `states` (all states when empty; at most
  // kMaxStateFilter): exact, one indexed look-up, for the case list's count.
  std::int64_t CasesIn(std::string_view scope, std::span<const std::string> states);
  // Every scope's totals recomputed from the cases (scope → totals).
  std::map<std::string, CaseTallies> Counted();
  // Every scope's running totals (scope → totals), for comparing with Counted().
  std::map<std::string, CaseTallies> KeptEverywhere();

  // Replaces the running totals with Counted(), if the database asked for it (a new table, or a bulk
  // load that bypassed the services). Runs its own transaction; safe when instances start together.
  void RecountIfAsked();

 private:
  void Adjust(std::string_view sql, std::int64_t case_id);
  Connection& c_;
};

}  // namespace wagelink::store
