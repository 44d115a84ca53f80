// SQLite connection: WAL journal, foreign keys on, a busy timeout so concurrent writers queue,
// synchronous=FULL so a committed write survives a crash of the process or the machine.
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <string>
#include <unordered_map>

#include "store/database.h"
#include "store/sqlite_connection.h"
#include "store/sqlite_writer_queue.h"
#include "store/storage_full.h"

namespace wagelink::store {
namespace {

// How long a write transaction waits for its turn behind the others of this process.
constexpr std::chrono::seconds kWriterPatience{60};

class SqliteConnection final : public Connection {
 public:
  SqliteConnection(sqlite3* db, std::shared_ptr<SqliteWriterQueue> writers) : db_(db), writers_(std::move(writers)) {}
  ~SqliteConnection() override {
    if (in_turn_) writers_->Leave();
    for (auto& [sql, statement] : cache_) sqlite3_finalize(statement);
    sqlite3_close_v2(db_);
  }

  void BeginTransaction() override {
    if (!writers_->Enter(kWriterPatience)) {
      throw DatabaseError("sqlite writer queue: no turn within " + std::to_string(kWriterPatience.count()) + " s");
    }
    in_turn_ = true;
    try {
      Execute("BEGIN IMMEDIATE", {});
    } catch (...) {
      LeaveTurn();
      throw;
    }
  }
  void CommitTransaction() override {
    Execute("COMMIT", {});  // on failure the transaction is still open: the rollback leaves the turn
    LeaveTurn();
  }
  void RollbackTransaction() override {
    struct LeaveAnyway {
      SqliteConnection* self;
      ~LeaveAnyway() { self->LeaveTurn(); }
    } leave{this};
    Execute("ROLLBACK", {});
  }

  Dialect dialect() const override { return Dialect::kSqlite; }

  std::int64_t Execute(std::string_view sql, const Params& params) override {
    sqlite3_stmt* statement = Prepare(sql, params);
    StepAll(statement, sql, nullptr);
    return sqlite3_changes64(db_);
  }

  void Stream(std::string_view sql, const Params& params, const RowCallback& on_row) override {
    sqlite3_stmt* statement = Prepare(sql, params);
    StepAll(statement, sql, &on_row);
  }

  void ExecuteScript(std::string_view sql) override {
    char* message = nullptr;
    std::string text(sql);
    if (int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &message); rc != SQLITE_OK) {
      std::string error = message ? message : "unknown error";
      sqlite3_free(message);
      if ((rc & 0xff) == SQLITE_FULL) throw StorageFull("sqlite script: " + error);
      throw DatabaseError("sqlite script failed: " + error);
    }
  }

  bool Healthy() override { return true; }

 private:
  sqlite3_stmt* Prepare(std::string_view sql, const Params& params) {
    std::string key(sql);
    sqlite3_stmt* statement = nullptr;
    if (auto it = cache_.find(key); it != cache_.end()) {
      statement = it->second;
      sqlite3_reset(statement);
      sqlite3_clear_bindings(statement);
    } else {
      if (sqlite3_prepare_v3(db_, key.data(), static_cast<int>(key.size()), SQLITE_PREPARE_PERSISTENT,
                             &statement, nullptr) != SQLITE_OK) {
        throw DatabaseError(std::string("sqlite prepare failed: ") + sqlite3_errmsg(db_));
      }
      cache_.emplace(std::move(key), statement);
    }
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(statement)) {
      throw DatabaseError("parameter count mismatch for: " + std::string(sql.substr(0, 80)));
    }
    for (std::size_t i = 0; i < params.size(); ++i) {
      int index = static_cast<int>(i) + 1;
      int rc = std::visit(
          [&](const auto& v) -> int {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, std::nullptr_t>) {
              return sqlite3_bind_null(statement, index);
            } else if constexpr (std::is_same_v<T, std::int64_t>) {
              return sqlite3_bind_int64(statement, index, v);
            } else if constexpr (std::is_same_v<T, double>) {
              return sqlite3_bind_double(statement, index, v);
            } else {
              return sqlite3_bind_text64(statement, index, v.data(), v.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
            }
          },
          params[i]);
      if (rc != SQLITE_OK) throw DatabaseError(std::string("sqlite bind failed: ") + sqlite3_errmsg(db_));
    }
    return statement;
  }

  void StepAll(sqlite3_stmt* statement, std::string_view sql, const RowCallback* on_row) {
    for (;;) {
      int rc = sqlite3_step(statement);
      if (rc == SQLITE_DONE) break;
      if (rc == SQLITE_ROW) {
        if (on_row) {
          int columns = sqlite3_column_count(statement);
          std::vector<std::optional<std::string>> cells;
          cells.reserve(columns);
          for (int c = 0; c < columns; ++c) {
            if (sqlite3_column_type(statement, c) == SQLITE_NULL) {
              cells.emplace_back(std::nullopt);
            } else {
              auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement, c));
              cells.emplace_back(std::string(text, sqlite3_column_bytes(statement, c)));
            }
          }
          (*on_row)(Row(std::move(cells)));
        }
        continue;
      }
      std::string message = sqlite3_errmsg(db_);
      int extended = sqlite3_extended_errcode(db_);
      sqlite3_reset(statement);
      if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
        throw UniqueViolation("unique constraint: " + message);
      }
      if ((extended & 0xff) == SQLITE_FULL) throw StorageFull("sqlite: " + message);
      throw DatabaseError("sqlite step failed (" + std::string(sql.substr(0, 60)) + "): " + message);
    }
    sqlite3_reset(statement);
  }

  sqlite3* db_;
  void LeaveTurn() {
    if (!in_turn_) return;
    in_turn_ = false;
    writers_->Leave();
  }

  std::unordered_map<std::string, sqlite3_stmt*> cache_;
  std::shared_ptr<SqliteWriterQueue> writers_;
  bool in_turn_ = false;
};

}  // namespace

Result<std::unique_ptr<Connection>> ConnectSqlite(const std::string& path) {
  if (path.empty()) {
    return MakeError(ErrorCode::kValidationFailed, "SQLite 数据库路径为空", "SQLite database path is empty", "db");
  }
  std::error_code ec;
  auto parent = std::filesystem::path(path).parent_path();
  if (!parent.empty()) std::filesystem::create_directories(parent, ec);
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    return MakeError(ErrorCode::kServiceUnavailable, "无法打开 SQLite 数据库：" + path + "（" + message + "）",
                     "cannot open SQLite database " + path + ": " + message, "db");
  }
  auto connection = std::make_unique<SqliteConnection>(db, SqliteWriterQueue::ForFile(path));
  sqlite3_busy_timeout(db, 10000);
  try {
    connection->ExecuteScript(
        "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; "
        "PRAGMA temp_store=MEMORY; PRAGMA mmap_size=268435456;");  // reads share the OS page cache
  } catch (const DatabaseError& e) {
    return MakeError(ErrorCode::kServiceUnavailable, "SQLite 初始化失败：" + std::string(e.what()),
                     std::string("SQLite setup failed: ") + e.what(), "db");
  }
  return std::unique_ptr<Connection>(std::move(connection));
}

Status SqliteOnlineBackup(const std::string& source_path, const std::string& target_path) {
  sqlite3* source = nullptr;
  sqlite3* target = nullptr;
  auto close_both = [&] {
    sqlite3_close_v2(source);
    sqlite3_close_v2(target);
  };
  auto failed = [&](sqlite3* where, const std::string& what) {
    const std::string message = where ? sqlite3_errmsg(where) : "out of memory";
    close_both();
    return MakeError(ErrorCode::kServiceUnavailable, "SQLite 备份失败（" + what + "）：" + message,
                     "SQLite backup failed (" + what + "): " + message, "db");
  };
  if (sqlite3_open_v2(source_path.c_str(), &source, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    return failed(source, source_path);
  }
  sqlite3_busy_timeout(source, 10000);
  if (sqlite3_open_v2(target_path.c_str(), &target, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    return failed(target, target_path);
  }
  sqlite3_backup* backup = sqlite3_backup_init(target, "main", source, "main");
  if (!backup) return failed(target, "init");
  // All pages in one step: the copy is of one moment (a step-wise copy restarts when a writer
  // changes the source between steps, which a busy server always does).
  int rc = sqlite3_backup_step(backup, -1);
  while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) {
    sqlite3_sleep(50);
    rc = sqlite3_backup_step(backup, -1);
  }
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) return failed(target, "step");
  close_both();
  return Ok{};
}

}  // namespace wagelink::store
