#pragma once
// Writes whose answer nobody waits for: a case's party row, its workers, its clock, an audit entry.
//
// Inside a transaction on PostgreSQL they are queued on the connection and sent together with its
// next statement in one round trip (libpq pipeline mode), so a run of such writes costs one round
// trip instead of one each. They still run in the order they were written, before that statement,
// so a later read sees them. A failure among them is thrown by that next statement (or by COMMIT)
// as the failed write's own error, and the transaction rolls back as ever; rolling back drops the
// queue unsent. On SQLite, whose statements cost no round trip, and outside a transaction they run
// at once.
//
// So a caller may defer a write only if it does not catch that write's failure on the spot (a
// UniqueViolation it turns into a conflict, say) and does not need its changed-row count.
//
// A free function rather than a Connection method: only PostgreSQL has anything to gain.
#include <string_view>

#include "store/database.h"

namespace wagelink::store {

void ExecuteDeferred(Connection& connection, std::string_view sql, const Params& params = {});

}  // namespace wagelink::store
