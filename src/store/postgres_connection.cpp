// PostgreSQL connection over libpq (also the path to openGauss / KingbaseES). Parameters travel
// as text in the extended protocol (never interpolated); statements are prepared once per
// connection under a generated name.
#include <libpq-fe.h>

#include <string>
#include <unordered_map>

#include "store/storage_full.h"
#include "store/database.h"
#include "store/postgres_connection.h"

namespace wagelink::store {

std::string RewritePlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

namespace {

struct ResultDeleter {
  void operator()(PGresult* r) const { PQclear(r); }
};
using ResultPtr = std::unique_ptr<PGresult, ResultDeleter>;

class PostgresConnection final : public Connection {
 public:
  explicit PostgresConnection(PGconn* conn) : conn_(conn) {}
  ~PostgresConnection() override { PQfinish(conn_); }

  Dialect dialect() const override { return Dialect::kPostgres; }

  std::int64_t Execute(std::string_view sql, const Params& params) override {
    ResultPtr result = Run(sql, params);
    const char* affected = PQcmdTuples(result.get());
    return (affected && *affected) ? std::stoll(affected) : 0;
  }

  void Stream(std::string_view sql, const Params& params, const RowCallback& on_row) override {
    ResultPtr result = Run(sql, params);
    int rows = PQntuples(result.get());
    int columns = PQnfields(result.get());
    for (int r = 0; r < rows; ++r) {
      std::vector<std::optional<std::string>> cells;
      cells.reserve(columns);
      for (int c = 0; c < columns; ++c) {
        if (PQgetisnull(result.get(), r, c)) {
          cells.emplace_back(std::nullopt);
        } else {
          cells.emplace_back(std::string(PQgetvalue(result.get(), r, c), PQgetlength(result.get(), r, c)));
        }
      }
      on_row(Row(std::move(cells)));
    }
  }

  void ExecuteScript(std::string_view sql) override {
    std::string text(sql);
    ResultPtr result(PQexec(conn_, text.c_str()));
    Check(result.get(), sql);
  }

  bool Healthy() override { return PQstatus(conn_) == CONNECTION_OK; }

 private:
  ResultPtr Run(std::string_view sql, const Params& params) {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
      std::string name = "wl" + std::to_string(prepared_.size() + 1);
      std::string rewritten = RewritePlaceholders(sql);
      ResultPtr prepared(PQprepare(conn_, name.c_str(), rewritten.c_str(), 0, nullptr));
      Check(prepared.get(), sql);
      it = prepared_.emplace(std::move(key), std::move(name)).first;
    }
    std::vector<std::string> texts(params.size());
    std::vector<const char*> values(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              values[i] = nullptr;
            } else if constexpr (std::is_same_v<T, std::string>) {
              values[i] = v.c_str();
            } else {
              texts[i] = std::to_string(v);
              values[i] = texts[i].c_str();
            }
          },
          params[i]);
    }
    ResultPtr result(PQexecPrepared(conn_, it->second.c_str(), static_cast<int>(params.size()), values.data(),
                                    nullptr, nullptr, 0));
    Check(result.get(), sql);
    return result;
  }

  void Check(PGresult* result, std::string_view sql) {
    ExecStatusType status = result ? PQresultStatus(result) : PGRES_FATAL_ERROR;
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return;
    std::string message = result ? PQresultErrorMessage(result) : PQerrorMessage(conn_);
    const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
    if (state && std::string_view(state) == "23505") throw UniqueViolation("unique constraint: " + message);
    if (state && std::string_view(state) == "53100") throw StorageFull("postgresql: " + message);
    if (ConnectionLost(state)) {
      throw DatabaseUnavailable("postgresql connection lost (" + std::string(sql.substr(0, 60)) + "): " + message);
    }
    throw DatabaseError("postgresql statement failed (" + std::string(sql.substr(0, 60)) + "): " + message);
  }

  // Class 08 (connection exception), 57P01–57P03 (the server is shutting down, crashed or not
  // yet accepting connections), or no answer at all on a connection libpq now knows is dead.
  bool ConnectionLost(const char* state) const {
    if (PQstatus(conn_) == CONNECTION_BAD) return true;
    if (!state) return false;
    std::string_view code(state);
    return code.starts_with("08") || code == "57P01" || code == "57P02" || code == "57P03";
  }

  PGconn* conn_;
  std::unordered_map<std::string, std::string> prepared_;
};

}  // namespace

Result<std::unique_ptr<Connection>> ConnectPostgres(const std::string& url) {
  PGconn* conn = PQconnectdb(url.c_str());
  if (PQstatus(conn) != CONNECTION_OK) {
    std::string message = PQerrorMessage(conn);
    PQfinish(conn);
    return MakeError(ErrorCode::kServiceUnavailable, "无法连接 PostgreSQL：" + RedactUrl(url) + "（" + message + "）",
                     "cannot connect to PostgreSQL " + RedactUrl(url) + ": " + message, "db");
  }
  auto connection = std::make_unique<PostgresConnection>(conn);
  try {
    connection->ExecuteScript("SET client_encoding = 'UTF8'; SET TIME ZONE 'UTC'; SET client_min_messages = WARNING;");
  } catch (const DatabaseError& e) {
    return MakeError(ErrorCode::kServiceUnavailable, "PostgreSQL 会话设置失败", std::string("PostgreSQL setup failed: ") + e.what(), "db");
  }
  return std::unique_ptr<Connection>(std::move(connection));
}


}  // namespace wagelink::store
