#pragma once
// The disk under the database or the evidence store is full (SQLite's SQLITE_FULL, PostgreSQL's
// disk_full 53100, ENOSPC or EDQUOT from a file write). The write did not happen: its transaction
// rolled back and a half-written evidence file is removed. The request answers 503 and the same
// request succeeds once space returns; nothing needs restarting (docs/operations.md "Full disk").
#include <cerrno>
#include <string>

#include "store/database.h"

namespace wagelink::store {

class StorageFull : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};

inline bool IsOutOfSpace(int error_number) { return error_number == ENOSPC || error_number == EDQUOT; }

}  // namespace wagelink::store
