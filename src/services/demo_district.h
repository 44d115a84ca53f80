#pragma once
// Creates the demo district from data/demo/district.json: the region, the six bodies plus the
// district leadership, the five named liaison officers and one demo user per role. Safe to run
// again: whatever already exists is left as it is.
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "security/passwords.h"
#include "store/database.h"

namespace wagelink::services {

struct SeedReport {
  int bodies_created = 0;
  int liaisons_created = 0;
  int users_created = 0;
};

Result<SeedReport> SeedDemoDistrict(store::Database& db, std::string_view district_json, const Clock& clock,
                                    security::Argon2Cost cost = security::Argon2Cost::Interactive());

}  // namespace wagelink::services
