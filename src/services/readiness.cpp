#include "services/readiness.h"

#include "store/migrations.h"

namespace wagelink::services {

Readiness ReadinessProbe::Check() const {
  Readiness readiness;
  readiness.expected_schema_version = store::LatestMigrationVersion();
  try {
    auto connection = db_.Acquire();
    auto status = store::ReadMigrationStatus(*connection);
    readiness.database_reachable = true;
    readiness.schema_version = status.current_version;
    if (!status.up_to_date()) readiness.problem_en = "schema migrations pending";
  } catch (const store::DatabaseError& e) {
    readiness.problem_en = "database unreachable";
  }
  return readiness;
}

}  // namespace wagelink::services
