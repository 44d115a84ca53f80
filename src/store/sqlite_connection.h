#pragma once
#include <memory>
#include <string>

#include "store/database.h"

namespace wagelink::store {
Result<std::unique_ptr<Connection>> ConnectSqlite(const std::string& path);

// Copies the database at `source_path` to a new file `target_path` with SQLite's online backup API:
// a consistent snapshot of one moment, taken while the server keeps writing.
Status SqliteOnlineBackup(const std::string& source_path, const std::string& target_path);
}
