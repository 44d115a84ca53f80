#pragma once
// The storage foundation shared by every repository: one small interface over SQLite (embedded
// default) and PostgreSQL (scale-out), so repositories keep one portable SQL text per query.
//
// Rules enforced here rather than trusted to callers:
// - every value reaches the database as a bound parameter (`?` placeholders; the PostgreSQL
//   connection rewrites them to `$n`), never spliced into SQL text;
// - statements are prepared once per connection and cached by their text, so named query constants
//   in repositories become prepared statements;
// - a failed statement throws `DatabaseError` (the request aborts and its transaction rolls back);
//   a unique-key clash throws `UniqueViolation` so repositories can turn it into a Conflict.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.h"

namespace wagelink::store {

enum class Dialect { kSqlite, kPostgres };

using Value = std::variant<std::nullptr_t, std::int64_t, double, std::string>;
using Params = std::vector<Value>;

class DatabaseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};
class UniqueViolation : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};
// The database cannot be reached just now: the connection was lost, the server is shutting down or
// restarting (a failover), or no connection could be opened. Nothing is wrong with the request:
// it answers 503 with Retry-After (not 500, which means a bug), and the pool drops the broken
// connection (Release keeps only Healthy() ones), so a retry opens a fresh one.
class DatabaseUnavailable : public DatabaseError {
 public:
  using DatabaseError::DatabaseError;
};
// The connection was lost while COMMIT was in flight: the transaction may or may not have
// committed. A client must look before it repeats the write, or it may store it twice.
class CommitOutcomeUnknown : public DatabaseUnavailable {
 public:
  using DatabaseUnavailable::DatabaseUnavailable;
};

// One result row; cells are text as both engines can render them (NULL = nullopt).
class Row {
 public:
  explicit Row(std::vector<std::optional<std::string>> cells) : cells_(std::move(cells)) {}
  std::size_t size() const { return cells_.size(); }
  bool IsNull(std::size_t i) const { return !cells_.at(i).has_value(); }
  const std::string& Text(std::size_t i) const;          // throws DatabaseError on NULL
  std::optional<std::string> OptText(std::size_t i) const { return cells_.at(i); }
  std::int64_t Int(std::size_t i) const;                  // throws DatabaseError on NULL/garbage
  std::optional<std::int64_t> OptInt(std::size_t i) const;
  bool Bool(std::size_t i) const { return Int(i) != 0; }  // booleans are stored as 0/1 integers

 private:
  std::vector<std::optional<std::string>> cells_;
};

using RowCallback = std::function<void(const Row&)>;

class Connection {
 public:
  virtual ~Connection() = default;
  virtual Dialect dialect() const = 0;
  // Runs one statement; returns the number of rows changed.
  virtual std::int64_t Execute(std::string_view sql, const Params& params = {}) = 0;
  // Runs one statement and hands each row to `on_row` as it arrives (constant memory).
  virtual void Stream(std::string_view sql, const Params& params, const RowCallback& on_row) = 0;
  // Runs several statements without parameters (migrations only).
  virtual void ExecuteScript(std::string_view sql) = 0;
  // False once the connection is unusable (the pool then discards it).
  virtual bool Healthy() = 0;
  // The statements of an explicit transaction (see Transaction); SQLite queues its writers here.
  virtual void BeginTransaction() { Execute("BEGIN"); }
  virtual void CommitTransaction() { Execute("COMMIT"); }
  virtual void RollbackTransaction() { Execute("ROLLBACK"); }

  std::vector<Row> Query(std::string_view sql, const Params& params = {});
  std::optional<Row> QueryOne(std::string_view sql, const Params& params = {});
  // Runs an `INSERT ... RETURNING id` and returns the id.
  std::int64_t InsertReturningId(std::string_view sql, const Params& params);

  // What the open Transaction has established about the audit chain (store/audit_repository.h):
  // the write-order lock taken, and the chain's newest entry as this transaction left it. Both
  // hold until the transaction ends, so neither is asked of the database again (an import
  // appends thousands of entries in one transaction). nullptr outside a Transaction.
  struct AuditChainHeld {
    bool locked = false;
    std::optional<std::pair<std::int64_t, std::string>> tail;  // seq, hash
  };
  AuditChainHeld* audit_chain_held() { return in_transaction_ ? &audit_chain_held_ : nullptr; }

 private:
  friend class Transaction;
  bool in_transaction_ = false;
  AuditChainHeld audit_chain_held_;
};

// Opens one connection from a URL: `sqlite:PATH` (or a bare path) or `postgresql://...`.
Result<std::unique_ptr<Connection>> Connect(const std::string& url);

// A PostgreSQL WAL position as the server writes one ("16/B374D848": two groups of at most eight
// upper-case hex digits) as one number that orders like the positions; nullopt for anything else.
std::optional<std::uint64_t> ParseWalPosition(std::string_view text);

// A bounded pool of connections to one database. Thread-safe.
class Database {
 public:
  class Lease;

  static Result<std::unique_ptr<Database>> Open(const std::string& url, std::size_t max_connections);
  Dialect dialect() const { return dialect_; }
  const std::string& display_url() const { return display_url_; }

  // Blocks until a connection is free (the worker pool is sized so this is short).
  Lease Acquire();

  // A PostgreSQL hot standby that may serve the reads which tolerate replication lag (lists,
  // dashboards, exports, bulletins; docs/operations.md "Reads on the standby"). No connection is
  // opened until the first such read, so a standby that is down does not stop the server starting.
  static std::unique_ptr<Database> OpenStandby(const std::string& url, std::size_t max_connections);
  // Once, before serving. `max_lag_ms`: a standby further behind the primary than this (or whose
  // lag cannot be told) serves no reads until it catches up.
  void AttachStandby(std::unique_ptr<Database> standby, std::int64_t max_lag_ms);
  bool has_standby() const { return standby_ != nullptr; }

  // A connection for such a read: the standby's when one is attached, answers, is at most
  // `max_lag_ms` behind and has replayed `must_see` (a position from WrittenPosition(); "" =
  // whatever it has), else one of this database's. A standby that cannot be reached is left alone
  // for a few seconds.
  Lease AcquireForReading(std::string_view must_see);
  // The primary's WAL position now: a read that must include every write committed before this
  // call passes it to AcquireForReading. "" when there is no standby.
  std::string WrittenPosition();

  struct ReadRouting {
    std::uint64_t on_standby = 0;  // reads AcquireForReading sent to the standby since start
    std::uint64_t on_primary = 0;  // and to this database (no standby, behind, or unreachable)
    std::int64_t standby_lag_ms = -1;  // as last measured (at most once a second); -1 = not known
    std::int64_t max_standby_lag_ms = 0;
  };
  ReadRouting ReadsRouted() const {
    return {reads_on_standby_.load(), reads_on_primary_.load(), standby_lag_ms_.load(), max_standby_lag_ms_};
  }

  struct PoolStats {
    std::size_t max_connections = 0;
    std::size_t open = 0;
    std::size_t idle = 0;
    std::size_t waiting = 0;  // callers blocked in Acquire
  };
  PoolStats Stats();

 private:
  Database(std::string url, Dialect dialect, std::size_t max_connections);
  void Release(std::unique_ptr<Connection> connection);
  bool StandbyMayServe(Connection& standby, std::string_view must_see);

  std::string url_;
  std::string display_url_;  // without password, for logs
  Dialect dialect_;
  std::size_t max_connections_;
  std::size_t open_count_ = 0;
  std::size_t waiting_ = 0;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::mutex mutex_;
  std::condition_variable available_;
  std::unique_ptr<Database> standby_;
  std::atomic<std::int64_t> standby_resting_until_ms_{0};  // steady clock
  std::int64_t max_standby_lag_ms_ = 0;
  // The standby's state as last measured, shared by every read of the next second.
  std::atomic<std::int64_t> standby_measured_at_ms_{std::numeric_limits<std::int64_t>::min()};  // steady clock
  std::atomic<std::int64_t> standby_lag_ms_{-1};
  std::atomic<std::uint64_t> standby_replayed_{0};  // WAL position, as ParseWalPosition
  std::atomic<std::uint64_t> reads_on_standby_{0};
  std::atomic<std::uint64_t> reads_on_primary_{0};
};

class Database::Lease {
 public:
  Lease(Database* owner, std::unique_ptr<Connection> connection)
      : owner_(owner), connection_(std::move(connection)) {}
  Lease(Lease&&) noexcept = default;
  Lease& operator=(Lease&&) = delete;
  ~Lease();
  Connection& operator*() { return *connection_; }
  Connection* operator->() { return connection_.get(); }

 private:
  Database* owner_;
  std::unique_ptr<Connection> connection_;
};

// An explicit transaction: begun on construction, rolled back on destruction unless committed.
// SQLite uses BEGIN IMMEDIATE so writers queue (store/sqlite_writer_queue.h) instead of failing to upgrade.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void Commit();
  Connection& connection() { return connection_; }

 private:
  Connection& connection_;
  bool done_ = false;
};

// A nullable bound value: NULL when absent.
inline Value NullableValue(const std::optional<std::string>& v) { return v ? Value(*v) : Value(nullptr); }
inline Value NullableValue(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(nullptr); }

// A bound LIKE pattern for "contains `text`"; the input's own % and _ are dropped so a search
// term can never widen itself into a wildcard.
std::string LikeContains(const std::string& text);

// Hides the password of a database URL for logs and error messages.
std::string RedactUrl(const std::string& url);

}  // namespace wagelink::store
