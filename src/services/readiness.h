#pragma once
// What /readyz reports: can we reach the database, and is its schema the one this binary expects.
#include <string>

#include "store/database.h"

namespace wagelink::services {

struct Readiness {
  bool database_reachable = false;
  int schema_version = 0;
  int expected_schema_version = 0;
  std::string problem_en;  // empty when ready
  bool ready() const { return database_reachable && schema_version == expected_schema_version; }
};

class ReadinessProbe {
 public:
  explicit ReadinessProbe(store::Database& db) : db_(db) {}
  Readiness Check() const;

 private:
  store::Database& db_;
};

}  // namespace wagelink::services
