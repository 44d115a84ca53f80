#pragma once
#include <memory>
#include <string>

#include "store/database.h"

namespace wagelink::store {
Result<std::unique_ptr<Connection>> ConnectPostgres(const std::string& url);
// Rewrites `?` placeholders to `$1..$n`, leaving quoted strings and identifiers alone.
std::string RewritePlaceholders(std::string_view sql);
}  // namespace wagelink::store
