#pragma once
// Versioned schema migrations, embedded in the binary (src/store/migrations/NNNN_name.sql).
// One portable SQL text per migration; the token {{ID}} becomes each engine's auto-increment
// primary key. Applied in order, each in its own transaction, under a lock so that several
// instances starting together apply each migration once.
#include <limits>
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct MigrationStatus {
  int current_version = 0;
  int latest_version = 0;
  bool up_to_date() const { return current_version == latest_version; }
};

int LatestMigrationVersion();
MigrationStatus ReadMigrationStatus(Connection& connection);
// Applies every pending migration up to `up_to_version` (all by default; a test stops earlier to put
// data of an older schema in place before the migration that changes it); returns the names applied.
std::vector<std::string> ApplyMigrations(Connection& connection, int up_to_version = std::numeric_limits<int>::max());

}  // namespace wagelink::store
