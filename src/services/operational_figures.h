#pragma once
// The figures an operator watches that live in the database or its pool (GET /metrics): the
// notification outbox's backlog, statutory clocks running and overdue per responsible body, and the
// connection pool. Read fresh on each scrape; a database that cannot be reached is reported, not
// thrown, so the scrape still tells the operator that much.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "store/database.h"

namespace wagelink::services {

struct BodyClockFigures {
  std::string body_code;
  std::int64_t running = 0;  // open duty clocks not yet due
  std::int64_t overdue = 0;  // open duty clocks past their due instant
};

struct OperationalFigures {
  bool database_reachable = false;
  std::int64_t outbox_pending = 0;  // notices not yet handed to the gateway
  std::vector<BodyClockFigures> clocks;
  store::Database::PoolStats pool;
  std::optional<store::Database::ReadRouting> reads_routed;  // with a standby (docs/operations.md)
};

class OperationalFigureReader {
 public:
  OperationalFigureReader(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  OperationalFigures Read() const;

 private:
  store::Database& db_;
  const Clock& clock_;
};

}  // namespace wagelink::services
