#pragma once
#include <memory>
#include <string>

#include "store/database.h"

namespace wagelink::store {
Result<std::unique_ptr<Connection>> ConnectSqlite(const std::string& path);
}
