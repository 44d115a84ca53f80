#pragma once
// Test support: many cases at once, written beside the service as a bulk load would (bench/
// generate.py), for tests of what happens past the list's count cap. The running totals are then
// recounted, as the next start after a bulk load does, so the drift check at the server's stop holds.
#include <cstdint>
#include <string>

#include "store/case_tally_repository.h"
#include "store/database.h"

namespace wagelink::testing {

// The running totals recounted from the cases, as the next start after a bulk load does.
inline void RecountCaseTallies(store::Connection& c) {
  c.Execute("INSERT INTO case_tallies (scope, metric, value) VALUES ('', 'recount', 1)");
  store::CaseTallyRepository(c).RecountIfAsked();
}

// `count` cases numbered BULK-1 … BULK-<count>, all titled `title`, received 2026-05-01, in the
// state complaint_received, of the database's first employer and with no party; the running
// totals are left for RecountCaseTallies (which needs no transaction open).
inline void InsertBulkCaseRows(store::Connection& c, std::int64_t count, const std::string& title) {
  // Both engines take a recursive counter in front of an INSERT.
  c.Execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?) "
            "INSERT INTO cases (case_no, title, state, channel, received_at, employer_id, created_at, updated_at) "
            "SELECT 'BULK-' || i, ?, 'complaint_received', 'walk_in', '2026-05-01T00:00:00Z', "
            "(SELECT MIN(id) FROM employers), '2026-05-01T00:00:00Z', '2026-05-01T00:00:00Z' FROM n",
            {count, title});
}

// The same, with the running totals recounted.
inline void InsertBulkCases(store::Connection& c, std::int64_t count, const std::string& title) {
  InsertBulkCaseRows(c, count, title);
  RecountCaseTallies(c);
}

}  // namespace wagelink::testing
