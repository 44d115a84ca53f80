#include "store/database.h"

#include <charconv>
#include <chrono>

#include "store/raise_only.h"
#include "store/write_receipt.h"

namespace wagelink::store {

const std::string& Row::Text(std::size_t i) const {
  const auto& cell = cells_.at(i);
  if (!cell) throw DatabaseError("unexpected NULL in column " + std::to_string(i));
  return *cell;
}

std::int64_t Row::Int(std::size_t i) const {
  const std::string& text = Text(i);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    throw DatabaseError("column " + std::to_string(i) + " is not an integer");
  }
  return value;
}

std::optional<std::int64_t> Row::OptInt(std::size_t i) const {
  if (IsNull(i)) return std::nullopt;
  return Int(i);
}

std::vector<Row> Connection::Query(std::string_view sql, const Params& params) {
  std::vector<Row> rows;
  Stream(sql, params, [&rows](const Row& row) { rows.push_back(row); });
  return rows;
}

std::optional<Row> Connection::QueryOne(std::string_view sql, const Params& params) {
  std::optional<Row> first;
  Stream(sql, params, [&first](const Row& row) {
    if (!first) first = row;
  });
  return first;
}

std::int64_t Connection::InsertReturningId(std::string_view sql, const Params& params) {
  auto row = QueryOne(sql, params);
  if (!row) throw DatabaseError("INSERT ... RETURNING produced no row");
  return row->Int(0);
}

std::string LikeContains(const std::string& text) {
  std::string out = "%";
  for (char c : text) {
    if (c != '%' && c != '_') out.push_back(c);
  }
  return out + "%";
}

std::string RedactUrl(const std::string& url) {
  auto scheme_end = url.find("://");
  auto at = url.find('@');
  if (scheme_end == std::string::npos || at == std::string::npos || at < scheme_end) return url;
  auto colon = url.find(':', scheme_end + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

Database::Database(std::string url, Dialect dialect, std::size_t max_connections)
    : url_(std::move(url)), display_url_(RedactUrl(url_)), dialect_(dialect),
      max_connections_(max_connections == 0 ? 1 : max_connections) {}

Result<std::unique_ptr<Database>> Database::Open(const std::string& url, std::size_t max_connections) {
  auto first = Connect(url);
  if (!first) return first.error();
  Dialect dialect = (*first)->dialect();
  std::unique_ptr<Database> db(new Database(url, dialect, max_connections));
  db->open_count_ = 1;
  db->idle_.push_back(std::move(first.value()));
  return db;
}

Database::Lease Database::Acquire() {
  std::unique_lock lock(mutex_);
  for (;;) {
    if (!idle_.empty()) {
      auto connection = std::move(idle_.back());
      idle_.pop_back();
      return Lease(this, std::move(connection));
    }
    if (open_count_ < max_connections_) {
      ++open_count_;
      lock.unlock();
      auto connection = Connect(url_);
      if (!connection) {
        std::lock_guard relock(mutex_);
        --open_count_;
        throw DatabaseUnavailable("cannot open database connection: " + connection.error().message_en);
      }
      return Lease(this, std::move(connection.value()));
    }
    ++waiting_;
    available_.wait(lock);
    --waiting_;
  }
}

std::unique_ptr<Database> Database::OpenStandby(const std::string& url, std::size_t max_connections) {
  return std::unique_ptr<Database>(new Database(url, Dialect::kPostgres, max_connections));
}

void Database::AttachStandby(std::unique_ptr<Database> standby, std::int64_t max_lag_ms) {
  standby_ = std::move(standby);
  max_standby_lag_ms_ = max_lag_ms;
}

std::optional<std::uint64_t> ParseWalPosition(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  const auto hex = [](std::string_view part) -> std::optional<std::uint64_t> {
    if (part.empty() || part.size() > 8) return std::nullopt;
    std::uint64_t value = 0;
    for (char c : part) {
      if (c >= '0' && c <= '9') {
        value = value * 16 + static_cast<std::uint64_t>(c - '0');
      } else if (c >= 'A' && c <= 'F') {
        value = value * 16 + static_cast<std::uint64_t>(c - 'A' + 10);
      } else {
        return std::nullopt;
      }
    }
    return value;
  };
  const auto high = hex(text.substr(0, slash));
  const auto low = hex(text.substr(slash + 1));
  if (!high || !low) return std::nullopt;
  return *high << 32 | *low;
}

namespace {
std::int64_t SteadyMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}
// How long reads stay on the primary after the standby failed to answer: long enough that a
// standby which is down costs one failed connection attempt per few seconds, not one per read.
constexpr std::int64_t kStandbyRestMs = 5'000;
// How long one measurement of the standby's lag stands for every read: a round trip per second, not
// one per read.
constexpr std::int64_t kStandbyMeasureEveryMs = 1'000;

// The standby's lag behind the primary in milliseconds (-1: cannot be told) and what it has
// replayed. Caught up with everything it has received while its WAL receiver runs: 0. Otherwise the
// age of the last transaction it applied, by the primary's commit timestamp: an upper bound when
// the primary is busy, an overstatement after the primary was idle (reads then go to the primary
// until replay moves, which is the safe side). Not in recovery (a promoted standby): 0, it is a
// primary; but it reports no replayed position, so a session's own writes are still read on
// database.url (which, after a failover, is the same server).
constexpr const char* kStandbyLagSql =
    "SELECT CASE WHEN NOT pg_is_in_recovery() THEN 0 "
    "WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() AND EXISTS (SELECT 1 FROM pg_stat_wal_receiver) THEN 0 "
    "ELSE COALESCE(CAST(1000 * EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) AS bigint), -1) "
    "END, COALESCE(CAST(pg_last_wal_replay_lsn() AS text), '')";
}  // namespace

bool Database::StandbyMayServe(Connection& standby, std::string_view must_see) {
  const auto now = SteadyMs();
  auto measured_at = standby_measured_at_ms_.load();
  if (measured_at <= now - kStandbyMeasureEveryMs && standby_measured_at_ms_.compare_exchange_strong(measured_at, now)) {
    const auto row = standby.QueryOne(kStandbyLagSql, {});
    standby_lag_ms_ = row->Int(0);
    RaiseTo(standby_replayed_, ParseWalPosition(row->Text(1)).value_or(0));
  }
  const auto lag = standby_lag_ms_.load();
  if (lag < 0 || lag > max_standby_lag_ms_) return false;
  if (must_see.empty()) return true;
  const auto position = ParseWalPosition(must_see);
  if (!position) return false;
  if (*position <= standby_replayed_.load()) return true;
  // Not as of the last measurement; the standby may have replayed it since.
  const auto replayed =
      ParseWalPosition(standby.QueryOne("SELECT COALESCE(CAST(pg_last_wal_replay_lsn() AS text), '')", {})->Text(0));
  if (!replayed) return false;
  RaiseTo(standby_replayed_, *replayed);
  return *position <= *replayed;
}

Database::Lease Database::AcquireForReading(std::string_view must_see) {
  if (standby_ && SteadyMs() >= standby_resting_until_ms_.load()) {
    try {
      auto lease = standby_->Acquire();
      if (StandbyMayServe(*lease, must_see)) {
        ++reads_on_standby_;
        return lease;
      }
    } catch (const DatabaseUnavailable&) {
      standby_resting_until_ms_ = SteadyMs() + kStandbyRestMs;
    }
  }
  ++reads_on_primary_;
  return Acquire();
}

std::string Database::WrittenPosition() {
  if (!standby_) return "";
  auto lease = Acquire();
  return lease->QueryOne("SELECT pg_current_wal_lsn()::text")->Text(0);
}

Database::PoolStats Database::Stats() {
  std::lock_guard lock(mutex_);
  return {max_connections_, open_count_, idle_.size(), waiting_};
}

void Database::Release(std::unique_ptr<Connection> connection) {
  bool keep = connection && connection->Healthy();
  {
    std::lock_guard lock(mutex_);
    if (keep) {
      idle_.push_back(std::move(connection));
    } else {
      --open_count_;
    }
  }
  available_.notify_one();
}

Database::Lease::~Lease() {
  if (owner_ && connection_) owner_->Release(std::move(connection_));
}

Transaction::Transaction(Connection& connection) : connection_(connection) {
  connection_.BeginTransaction();
  connection_.in_transaction_ = true;
  connection_.audit_chain_held_ = {};
}

Transaction::~Transaction() {
  connection_.in_transaction_ = false;
  if (done_) return;
  if (auto* receipt = WriteReceiptScope::Current()) receipt->RolledBack();
  try {
    connection_.RollbackTransaction();
  } catch (const DatabaseError&) {
    // The connection is already broken; the pool discards it via Healthy().
  }
}

void Transaction::Commit() {
  // The request's idempotency key goes in with the write (store/write_receipt.h); AlreadyApplied
  // leaves the transaction open for the destructor to roll back.
  auto* receipt = WriteReceiptScope::Current();
  if (receipt) receipt->RecordIn(connection_);
  connection_.in_transaction_ = false;
  try {
    connection_.CommitTransaction();
  } catch (const DatabaseUnavailable& e) {
    // The answer to COMMIT never came: the server may have committed before the line dropped.
    done_ = true;  // nothing to roll back on a dead connection
    throw CommitOutcomeUnknown(std::string("commit outcome unknown: ") + e.what());
  }
  done_ = true;
  if (receipt) receipt->Committed();
}

}  // namespace wagelink::store
