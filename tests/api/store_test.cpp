// The storage foundation on the configured backend: bound parameters, transactions, conflicts.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

#include "store/audit_repository.h"
#include "store/database.h"
#include "store/grown_table.h"
#include "store/migrations.h"
#include "store/postgres_connection.h"
#include "store/sqlite_writer_queue.h"
#include "store/storage_full.h"
#include "support/statement_log.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

TEST(Store, HostileTextIsStoredVerbatimBecauseEveryValueIsBound) {
  MigratedScratchDatabase scratch;
  auto c = scratch.db().Acquire();
  const std::string hostile = "x'); DROP TABLE settings; -- ? $1 \"\\ 中文";
  c->Execute("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)", {std::string("k"), hostile, std::string("t")});
  auto row = c->QueryOne("SELECT value FROM settings WHERE key = ?", {std::string("k")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Text(0), hostile);
}

TEST(Store, UncommittedTransactionIsRolledBack) {
  MigratedScratchDatabase scratch;
  auto c = scratch.db().Acquire();
  {
    store::Transaction tx(*c);
    c->Execute("INSERT INTO settings (key, value, updated_at) VALUES ('a', 'b', 'c')");
  }
  EXPECT_FALSE(c->QueryOne("SELECT 1 FROM settings WHERE key = 'a'"));
}

TEST(Store, DuplicateKeyRaisesUniqueViolation) {
  MigratedScratchDatabase scratch;
  auto c = scratch.db().Acquire();
  c->Execute("INSERT INTO settings (key, value, updated_at) VALUES ('a', 'b', 'c')");
  EXPECT_THROW(c->Execute("INSERT INTO settings (key, value, updated_at) VALUES ('a', 'b', 'c')"), store::UniqueViolation);
}

// The database's own "disk full" becomes StorageFull, which the dispatcher answers 503 (the
// whole-server test is FullDisk.*, where on PostgreSQL only the evidence store can be filled).
// SQLite is really filled, up to a page limit; PostgreSQL reports a full disk as SQLSTATE 53100,
// raised here by the server itself since its data folder is not ours to fill.
TEST(Store, TheDatabasesDiskFullErrorIsStorageFullAndTheTransactionRollsBack) {
  MigratedScratchDatabase scratch;
  auto c = scratch.db().Acquire();
  std::string fill_up;
  if (c->dialect() == store::Dialect::kSqlite) {
    const auto pages = c->QueryOne("PRAGMA page_count")->Int(0);
    c->Execute("PRAGMA max_page_count = " + std::to_string(pages + 2));
    fill_up = "INSERT INTO settings (key, value, updated_at) VALUES ('full', hex(randomblob(500000)), 't')";
  } else {
    fill_up = "DO $$ BEGIN INSERT INTO settings (key, value, updated_at) VALUES ('full', 'x', 't'); "
              "RAISE EXCEPTION 'could not extend file: No space left on device' USING ERRCODE = '53100'; END $$";
  }
  {
    store::Transaction tx(*c);
    EXPECT_THROW(c->Execute(fill_up), store::StorageFull);
  }
  EXPECT_FALSE(c->QueryOne("SELECT 1 FROM settings WHERE key = 'full'")) << "nothing of the refused write stays";
  c->Execute("INSERT INTO settings (key, value, updated_at) VALUES ('small', 'y', 't')");
  EXPECT_TRUE(c->QueryOne("SELECT 1 FROM settings WHERE key = 'small'")) << "the connection goes on working";
}

TEST(Store, MigrationsReportCurrentVersionAndApplyOnce) {
  ScratchDatabase scratch;
  auto db = store::Database::Open(scratch.url(), 2);
  ASSERT_TRUE(db);
  auto c = (*db)->Acquire();
  EXPECT_EQ(store::ReadMigrationStatus(*c).current_version, 0);
  EXPECT_FALSE(store::ApplyMigrations(*c).empty());
  EXPECT_TRUE(store::ApplyMigrations(*c).empty());
  EXPECT_TRUE(store::ReadMigrationStatus(*c).up_to_date());
}

// Every start migrates. On a database already up to date that is the version table's creation (a
// no-op) and one read: no transaction and no migration lock per embedded migration, which through
// a database 100 ms away had cost half a minute before an instance listened.
TEST(Store, AnUpToDateDatabaseIsMigratedInTwoStatements) {
  ScratchDatabase scratch;
  auto db = store::Database::Open(scratch.url(), 1);
  ASSERT_TRUE(db);
  auto c = (*db)->Acquire();
  ASSERT_FALSE(store::ApplyMigrations(*c).empty());
  StatementLog log(*c);
  EXPECT_TRUE(store::ApplyMigrations(log).empty());
  EXPECT_EQ(log.size(), 2u);
  EXPECT_EQ(log.Naming("BEGIN"), 0u);
  EXPECT_EQ(log.Naming("pg_advisory_xact_lock"), 0u);
}

// An import appends thousands of audit entries in one transaction: the write-order lock is taken
// and the chain's newest entry read once, then remembered (with what the transaction appends)
// until the transaction ends. Another transaction asks again; so does a read outside one.
TEST(Store, ATransactionTakesTheAuditLockAndReadsTheChainsEndOnce) {
  MigratedScratchDatabase scratch;
  auto c = scratch.db().Acquire();
  StatementLog log(*c);
  const auto entry = [](std::int64_t seq, const std::string& prev_hash) {
    security::AuditEntry e;
    e.seq = seq;
    e.at = "2026-12-07T00:00:00Z";
    e.actor_username = "system";
    e.action = "test.append";
    e.target_type = "case";
    e.target_id = "1";
    e.request_id = "r";
    e.prev_hash = prev_hash;
    e.hash = "h" + std::to_string(seq);
    return e;
  };
  const auto start = store::AuditRepository(*c).Last().seq;
  const char* kReadEnd = "ORDER BY seq DESC LIMIT 1";
  {
    store::Transaction tx(log);
    for (int i = 0; i < 3; ++i) {
      store::AuditRepository repository(log);
      repository.LockForAppend();
      const auto last = repository.Last();
      EXPECT_EQ(last.seq, start + i);
      if (i > 0) {
        EXPECT_EQ(last.hash, "h" + std::to_string(start + i));
      }
      repository.Insert(entry(last.seq + 1, last.hash));
    }
    tx.Commit();
  }
  EXPECT_EQ(log.Naming(kReadEnd), 1u);
  EXPECT_EQ(log.Naming("pg_advisory_xact_lock"), c->dialect() == store::Dialect::kPostgres ? 1u : 0u);
  {
    store::Transaction tx(log);
    store::AuditRepository repository(log);
    repository.LockForAppend();
    EXPECT_EQ(repository.Last().seq, start + 3);
    EXPECT_EQ(repository.Last().hash, "h" + std::to_string(start + 3));
  }
  EXPECT_EQ(log.Naming(kReadEnd), 2u) << "a new transaction reads the chain's end again";
  store::AuditRepository outside(log);
  EXPECT_EQ(outside.Last().seq, start + 3) << "the second transaction rolled back and appended nothing";
  outside.Last();
  EXPECT_EQ(log.Naming(kReadEnd), 4u) << "outside a transaction nothing is remembered";
}

// A transaction that adds thousands of cases, each with a row whose foreign key names it (an
// import): PostgreSQL plans each connection's check that the case exists once, and over a new
// district's twenty cases (as the statistics said) the plan reads the whole table, for every check,
// as the table grows. Told how many it has added (store::PlanAgainAsTableGrows), the checks are
// planned again and look the case up by its key. Each variant on a database of its own (a table
// once grown is planned for its size).
TEST(Store, AForeignKeyCheckIsPlannedAgainForATableTheTransactionHasGrown) {
  constexpr int kBefore = 20, kAdded = 2'000;
  bool postgres = false;
  const auto rows_scanned = [&postgres](bool told) {
    MigratedScratchDatabase scratch;
    auto c = scratch.db().Acquire();
    const auto employer = c->InsertReturningId(
        "INSERT INTO employers (name, kind, address, legal_representative, created_at) VALUES ('某劳务班组', 'individual', '', '', 't') "
        "RETURNING id", {});
    const auto add_case = [&](int n) {
      const auto id = c->InsertReturningId(
          "INSERT INTO cases (case_no, title, state, channel, received_at, employer_id, created_at, updated_at) "
          "VALUES (?, '欠薪案', 'complaint_received', 'walk_in', 't', ?, 't', 't') RETURNING id",
          {"C-" + std::to_string(n), employer});
      c->Execute("INSERT INTO case_parties (case_id, body_code, since) VALUES (?, 'hrss', 't')", {id});
    };
    for (int n = 0; n < kBefore; ++n) add_case(n);
    postgres = c->dialect() == store::Dialect::kPostgres;
    if (postgres) c->Execute("ANALYZE cases");
    std::int64_t scanned = 0;
    StatementLog log(*c);
    store::Transaction tx(*c);
    for (int added = 0; added < kAdded; ++added) {
      if (told) store::PlanAgainAsTableGrows(log, static_cast<std::size_t>(added));
      add_case(kBefore + added);
    }
    EXPECT_EQ(log.Naming("DISCARD PLANS"), told && postgres ? 2u : 0u) << "after 256 and 1,024 rows on PostgreSQL";
    if (postgres) {
      scanned = c->QueryOne("SELECT seq_tup_read FROM pg_stat_xact_user_tables WHERE relname = 'cases'")->Int(0);
    }
    tx.Commit();
    EXPECT_EQ(c->QueryOne("SELECT COUNT(*) FROM case_parties")->Int(0), kBefore + kAdded);
    return scanned;
  };
  const auto planned_once = rows_scanned(false);
  const auto planned_again = rows_scanned(true);
  if (postgres) {
    EXPECT_GT(planned_once, 2'000'000) << "every check read the table (20 + 21 + … + 2,019 rows)";
    EXPECT_LT(planned_again, 600'000) << "no check after the 1,024th case read the table (before it at most 20 + … + 1,043)";
  } else {
    EXPECT_EQ(planned_once + planned_again, 0);
  }
}

TEST(Store, PostgresPlaceholderRewriteSkipsQuotedText) {
  EXPECT_EQ(store::RewritePlaceholders("SELECT ? , '?', \"a?\" WHERE x = ?"), "SELECT $1 , '?', \"a?\" WHERE x = $2");
}

TEST(Store, PoolHandsOutAtMostItsSizeAndReusesConnections) {
  ScratchDatabase scratch;
  auto db = store::Database::Open(scratch.url(), 2);
  ASSERT_TRUE(db);
  {
    auto a = (*db)->Acquire();
    auto b = (*db)->Acquire();
    EXPECT_TRUE(a->QueryOne("SELECT 1"));
    EXPECT_TRUE(b->QueryOne("SELECT 1"));
  }
  auto again = (*db)->Acquire();
  EXPECT_TRUE(again->QueryOne("SELECT 1"));
}

// Writers that together hold the database longer than SQLite's busy timeout (10 s) all get their
// turn: SQLite's own waiting polls and lets a writer lose every poll, which failed a burst of
// orders issued at once on the CI machine ("database is locked"); the writer queue serves them in turn.
TEST(Store, ABurstOfLongWritersHoldingMoreThanTheBusyTimeoutAllCommit) {
  ScratchDatabase scratch;
  constexpr int kWriters = 8;
  auto db = store::Database::Open(scratch.url(), kWriters + 1);
  ASSERT_TRUE(db);
  store::ApplyMigrations(*(*db)->Acquire());
  std::atomic<int> committed = 0;
  std::vector<std::string> failures(kWriters);
  std::vector<std::thread> writers;
  for (int i = 0; i < kWriters; ++i) {
    writers.emplace_back([&, i] {
      try {
        auto c = (*db)->Acquire();
        store::Transaction tx(*c);
        c->Execute("INSERT INTO settings (key, value, updated_at) VALUES (?, 'v', 't')", {"burst-" + std::to_string(i)});
        std::this_thread::sleep_for(std::chrono::milliseconds(1600));  // 8 × 1.6 s > the 10 s busy timeout
        tx.Commit();
        ++committed;
      } catch (const std::exception& e) {
        failures[i] = e.what();
      }
    });
  }
  for (auto& w : writers) w.join();
  for (int i = 0; i < kWriters; ++i) EXPECT_EQ(failures[i], "") << "writer " << i;
  EXPECT_EQ(committed.load(), kWriters);
  EXPECT_EQ((*db)->Acquire()->QueryOne("SELECT COUNT(*) FROM settings WHERE key LIKE 'burst-%'")->Int(0), kWriters);
}

// A writer that gives up waiting leaves the queue: the writers behind it are not held up by its ticket.
TEST(Store, AWriterThatGivesUpDoesNotHoldUpTheQueue) {
  store::SqliteWriterQueue queue;
  ASSERT_TRUE(queue.Enter(std::chrono::milliseconds(0)));
  EXPECT_FALSE(queue.Enter(std::chrono::milliseconds(20))) << "the turn is taken";
  std::atomic<bool> entered = false;
  std::thread next([&] { entered = queue.Enter(std::chrono::seconds(30)); });
  queue.Leave();
  next.join();
  EXPECT_TRUE(entered.load()) << "the abandoned ticket is skipped";
  queue.Leave();
  EXPECT_TRUE(queue.Enter(std::chrono::milliseconds(0))) << "and the queue is free again";
  queue.Leave();
}

}  // namespace
}  // namespace wagelink::testing
