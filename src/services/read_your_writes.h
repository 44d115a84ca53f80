#pragma once
// Read-your-writes when reads may go to a hot standby (store::Database::AcquireForReading). After a
// session's write, the API asks for the primary's position and hands it back to the browser (a
// cookie, so whichever instance serves the next request routes it alike); the session's later
// lists, dashboards and exports then read the standby only once it has replayed that far.
#include <string>
#include <string_view>

#include "store/database.h"

namespace wagelink::services {

class ReadYourWrites {
 public:
  explicit ReadYourWrites(store::Database& db) : db_(db) {}
  // False without a standby: every read is on the primary and nothing needs remembering.
  bool needed() const { return db_.has_standby(); }
  // The position a read must see to include every write committed so far.
  std::string PositionNow() { return db_.WrittenPosition(); }
  // A position as PostgreSQL writes one ("16/B374D848"): anything else a client sends is ignored.
  static bool IsPosition(std::string_view text) { return store::ParseWalPosition(text).has_value(); }

 private:
  store::Database& db_;
};

}  // namespace wagelink::services
