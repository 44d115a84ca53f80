#include "store/database.h"
#include "store/postgres_connection.h"
#include "store/sqlite_connection.h"

namespace wagelink::store {

Result<std::unique_ptr<Connection>> Connect(const std::string& url) {
  if (url.starts_with("postgresql://") || url.starts_with("postgres://")) return ConnectPostgres(url);
  if (url.starts_with("sqlite:")) return ConnectSqlite(url.substr(url.starts_with("sqlite://") ? 9 : 7));
  if (url.find("://") != std::string::npos) {
    return MakeError(ErrorCode::kValidationFailed, "不支持的数据库地址：" + RedactUrl(url) + "（支持 sqlite: 与 postgresql://）",
                     "unsupported database URL " + RedactUrl(url) + " (use sqlite:PATH or postgresql://...)", "db");
  }
  return ConnectSqlite(url);
}

}  // namespace wagelink::store
