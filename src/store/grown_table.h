// store/grown_table.h — plans made for a table's old size, dropped as a transaction grows it.
#pragma once

#include <cstddef>

#include "store/database.h"

namespace wagelink::store {

// Called as a transaction adds rows to a table its other rows refer to (an import's cases), with
// the number added so far: now and then PostgreSQL drops the plans the connection has cached, its
// own for foreign-key checks included, so that each is planned again for the table's present size.
// The check that a worker's case exists is planned once per connection, and if that happened while
// the table held a new district's twenty cases (and the statistics said so), it reads the whole
// table for every check as the table grows: an import of 10,000 complaints took 60-95 s instead of
// 10 (bench/README.md). Planned again after 256, 1,024 and 4,096 rows, the checks look the case up
// by its key from whichever point the planner sees the table as more than a few pages; before it,
// a check reads a few hundred rows at most. SQLite checks through the key: nothing to do there.
void PlanAgainAsTableGrows(Connection& connection, std::size_t rows_added);

}  // namespace wagelink::store
