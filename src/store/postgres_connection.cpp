// PostgreSQL connection over libpq (also the path to openGauss / KingbaseES). Parameters travel
// as text in the extended protocol (never interpolated); statements are prepared once per
// connection under a generated name, in the same round trip as their first use.
#include <libpq-fe.h>

#include <algorithm>
#include <string>
#include <unordered_map>

#include "store/storage_full.h"
#include "store/database.h"
#include "store/deferred_write.h"
#include "store/planned_reads.h"
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

// A statement's parameters as libpq takes them: text, or a null pointer for NULL. `owned` keeps
// the texts of a queued statement alive; a statement run at once points into its Params instead.
// Move-only: a copy's pointers would still point into the original's texts.
struct BoundParams {
  std::vector<std::string> owned;
  std::vector<const char*> values;

  BoundParams() = default;
  BoundParams(BoundParams&&) = default;
  BoundParams& operator=(BoundParams&&) = default;
  BoundParams(const BoundParams&) = delete;
  BoundParams& operator=(const BoundParams&) = delete;

  static BoundParams Of(const Params& params, bool copy_texts) {
    BoundParams bound;
    bound.owned.resize(params.size());
    bound.values.assign(params.size(), nullptr);
    for (std::size_t i = 0; i < params.size(); ++i) {
      std::visit(
          [&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              return;
            } else if constexpr (std::is_same_v<T, std::string>) {
              if (!copy_texts) {
                bound.values[i] = v.c_str();
                return;
              }
              bound.owned[i] = v;
            } else {
              bound.owned[i] = std::to_string(v);
            }
            bound.values[i] = bound.owned[i].c_str();
          },
          params[i]);
    }
    return bound;
  }
};

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
    waiting_.clear();
    if (!deferred_.empty()) SendWithDeferred({});
    std::string text(sql);
    ResultPtr result(PQexec(conn_, text.c_str()));
    Check(result.get(), sql);
  }

  // A connection still holding queued writes or answers read ahead, or left in pipeline mode by a
  // broken exchange, is not handed to the next request.
  bool Healthy() override {
    return PQstatus(conn_) == CONNECTION_OK && deferred_.empty() && waiting_.empty() &&
           PQpipelineStatus(conn_) == PQ_PIPELINE_OFF;
  }

  void RollbackTransaction() override {
    deferred_.clear();  // never sent: there is nothing to undo on the server for them
    Execute("ROLLBACK", {});
  }

  // store/deferred_write.h. Outside a transaction nothing would send the queue, so it runs now.
  void Defer(std::string_view sql, const Params& params) {
    waiting_.clear();  // a write: nothing read before it may be served after
    if (PQtransactionStatus(conn_) != PQTRANS_INTRANS || deferred_.size() >= kMaxDeferred) {
      Execute(sql, params);
      return;
    }
    deferred_.push_back({&StatementFor(sql), std::string(sql.substr(0, 60)), BoundParams::Of(params, true)});
  }

  // store/planned_reads.h
  void ReadAhead(const std::vector<PlannedRead>& reads) {
    waiting_.clear();
    std::vector<Queued> batch;
    batch.reserve(reads.size());
    for (const auto& read : reads) {
      batch.push_back({&StatementFor(read.sql), read.sql.substr(0, 60), BoundParams::Of(read.params, true)});
    }
    auto answers = SendWithDeferred(batch);
    for (std::size_t i = 0; i < reads.size(); ++i) {
      waiting_.push_back({reads[i].sql, std::move(batch[i].params), std::move(answers[i])});
    }
  }
  void DropWaiting() { waiting_.clear(); }
  std::size_t waiting() const { return waiting_.size(); }

 private:
  // A statement text under the name it is (or will be) prepared as on this connection.
  struct Prepared {
    std::string name;
    std::string text;    // with $n placeholders
    bool ready = false;  // the server has it
  };
  struct Queued {
    Prepared* statement;  // in prepared_, whose nodes never move
    std::string sql;      // its head, for error messages
    BoundParams params;
  };
  struct Answer {
    std::string sql;
    BoundParams params;
    ResultPtr result;
  };
  // Bounds the memory a long run of deferred writes holds (a 100-row workers' insert is ~20 KB).
  static constexpr std::size_t kMaxDeferred = 64;

  // Only named here: a statement not yet prepared is prepared in the pipeline that first runs it,
  // which saves a round trip per statement on every new connection (a pool warming up, or every
  // connection again after a failover).
  Prepared& StatementFor(std::string_view sql) {
    std::string key(sql);
    auto it = prepared_.find(key);
    if (it == prepared_.end()) {
      Prepared statement{"wl" + std::to_string(prepared_.size() + 1), RewritePlaceholders(sql)};
      it = prepared_.emplace(std::move(key), std::move(statement)).first;
    }
    return it->second;
  }

  ResultPtr Run(std::string_view sql, const Params& params) {
    if (!waiting_.empty()) {
      if (ResultPtr answer = TakeWaiting(sql, params)) return answer;
      if (!sql.starts_with("SELECT ")) waiting_.clear();  // a write: nothing read before it may be served after
    }
    Prepared& prepared = StatementFor(sql);
    if (!deferred_.empty() || !prepared.ready) {
      std::vector<Queued> statement;
      statement.push_back(Queued{&prepared, std::string(sql.substr(0, 60)), BoundParams::Of(params, true)});
      return std::move(SendWithDeferred(statement).front());
    }
    BoundParams bound = BoundParams::Of(params, false);
    ResultPtr result(PQexecPrepared(conn_, prepared.name.c_str(), static_cast<int>(params.size()), bound.values.data(),
                                    nullptr, nullptr, 0));
    Check(result.get(), sql);
    return result;
  }

  // The answer read ahead for this statement and these parameters, taken, or null.
  ResultPtr TakeWaiting(std::string_view sql, const Params& params) {
    std::optional<BoundParams> asked;  // bound once, and only when some answer has the same text
    for (auto it = waiting_.begin(); it != waiting_.end(); ++it) {
      if (it->sql != sql || it->params.values.size() != params.size()) continue;
      if (!asked) asked = BoundParams::Of(params, true);
      bool same = true;
      for (std::size_t i = 0; same && i < params.size(); ++i) {
        const char* a = asked->values[i];
        const char* b = it->params.values[i];
        same = (a == nullptr) == (b == nullptr) && (a == nullptr || std::string_view(a) == std::string_view(b));
      }
      if (!same) continue;
      ResultPtr answer = std::move(it->result);
      waiting_.erase(it);
      return answer;
    }
    return nullptr;
  }

  // Sends the queued writes and then `more` in one pipeline, each statement preceded by its
  // preparation the first time this connection runs it, and returns the answers to `more`.
  // After a failure the server skips the rest up to the sync; the first failure is thrown, as its
  // own statement's error, once the pipeline is drained and closed.
  std::vector<ResultPtr> SendWithDeferred(const std::vector<Queued>& more) {
    std::vector<Queued> writes = std::move(deferred_);
    deferred_.clear();
    struct Step {
      const Queued* statement;
      bool preparation;  // else the statement's execution
      bool answer_wanted;
    };
    std::vector<Step> steps;
    std::vector<const Prepared*> preparing;
    auto add = [&](const Queued& statement, bool answer_wanted) {
      if (!statement.statement->ready && std::ranges::find(preparing, statement.statement) == preparing.end()) {
        preparing.push_back(statement.statement);
        steps.push_back({&statement, true, false});
      }
      steps.push_back({&statement, false, answer_wanted});
    };
    for (const auto& statement : writes) add(statement, false);
    for (const auto& statement : more) add(statement, true);
    if (steps.empty()) return {};
    if (PQenterPipelineMode(conn_) != 1) Check(nullptr, steps.front().statement->sql);
    bool sent = true;
    for (const Step& step : steps) {
      const Queued& q = *step.statement;
      if (step.preparation) {
        sent = sent && PQsendPrepare(conn_, q.statement->name.c_str(), q.statement->text.c_str(), 0, nullptr) == 1;
      } else {
        sent = sent && PQsendQueryPrepared(conn_, q.statement->name.c_str(), static_cast<int>(q.params.values.size()),
                                           q.params.values.data(), nullptr, nullptr, 0) == 1;
      }
    }
    sent = sent && PQpipelineSync(conn_) == 1;
    ResultPtr failure;
    std::string failed_sql = steps.front().statement->sql;
    std::vector<ResultPtr> answers;
    for (std::size_t i = 0; sent && i < steps.size(); ++i) {
      ResultPtr result(PQgetResult(conn_));
      if (!result) {  // no answer at all: the connection is gone
        sent = false;
        failed_sql = steps[i].statement->sql;
        break;
      }
      while (PGresult* rest = PQgetResult(conn_)) PQclear(rest);  // up to the null that ends this step
      const ExecStatusType status = PQresultStatus(result.get());
      if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
        if (steps[i].preparation) steps[i].statement->statement->ready = true;
        if (steps[i].answer_wanted) answers.push_back(std::move(result));
      } else if (!failure && status != PGRES_PIPELINE_ABORTED) {
        failure = std::move(result);
        failed_sql = steps[i].statement->sql;
      }
    }
    if (sent) {
      ResultPtr sync(PQgetResult(conn_));
      sent = sync && PQresultStatus(sync.get()) == PGRES_PIPELINE_SYNC;
    }
    if (sent) PQexitPipelineMode(conn_);
    if (failure) Check(failure.get(), failed_sql);
    if (!sent || PQpipelineStatus(conn_) != PQ_PIPELINE_OFF) Check(nullptr, failed_sql);
    return answers;
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
  std::unordered_map<std::string, Prepared> prepared_;
  std::vector<Queued> deferred_;
  std::vector<Answer> waiting_;
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

ReadsAhead::ReadsAhead(Connection& connection, const std::vector<PlannedRead>& reads) : connection_(connection) {
  if (auto* postgres = dynamic_cast<PostgresConnection*>(&connection_)) postgres->ReadAhead(reads);
}

ReadsAhead::~ReadsAhead() {
  if (auto* postgres = dynamic_cast<PostgresConnection*>(&connection_)) postgres->DropWaiting();
}

std::size_t ReadsAhead::waiting() const {
  auto* postgres = dynamic_cast<PostgresConnection*>(&connection_);
  return postgres ? postgres->waiting() : 0;
}

void ExecuteDeferred(Connection& connection, std::string_view sql, const Params& params) {
  if (auto* postgres = dynamic_cast<PostgresConnection*>(&connection)) {
    postgres->Defer(sql, params);
  } else {
    connection.Execute(sql, params);
  }
}


}  // namespace wagelink::store
