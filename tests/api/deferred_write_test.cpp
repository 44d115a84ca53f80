// Deferred writes (store/deferred_write.h): on PostgreSQL they travel with the next statement, on
// SQLite they run at once; on both a later read sees them, a failure fails the transaction, and a
// rollback leaves nothing behind.
#include <gtest/gtest.h>

#include <string>

#include "store/database.h"
#include "store/deferred_write.h"
#include "store/migrations.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr std::string_view kInsertSetting = "INSERT INTO settings (key, value, updated_at) VALUES (?, ?, 't')";

class DeferredWrites : public ::testing::Test {
 protected:
  std::int64_t Count(store::Connection& c, const std::string& prefix) {
    return c.QueryOne("SELECT COUNT(*) FROM settings WHERE key LIKE ?", {prefix + "%"})->Int(0);
  }
  bool postgres() const { return db_->dialect() == store::Dialect::kPostgres; }

  MigratedScratchDatabase scratch_;
  store::Database* db_ = &scratch_.db();
};

TEST_F(DeferredWrites, TheNextStatementSeesThemAndTheCommitKeepsThem) {
  auto c = db_->Acquire();
  {
    store::Transaction tx(*c);
    // More than a connection queues at most (64), so the queue is also sent on its own once full.
    for (int i = 0; i < 150; ++i) store::ExecuteDeferred(*c, kInsertSetting, {"seen-" + std::to_string(i), std::string("v")});
    store::ExecuteDeferred(*c, "UPDATE settings SET value = 'w' WHERE key = ?", {std::string("seen-7")});
    EXPECT_EQ(Count(*c, "seen-"), 150);
    EXPECT_EQ(c->QueryOne("SELECT value FROM settings WHERE key = 'seen-7'")->Text(0), "w") << "in the order written";
    store::ExecuteDeferred(*c, kInsertSetting, {std::string("seen-last"), std::string("v")});
    tx.Commit();  // the last one goes with COMMIT
  }
  EXPECT_TRUE(c->Healthy());
  EXPECT_EQ(Count(*db_->Acquire(), "seen-"), 151) << "committed, seen from another connection";
}

TEST_F(DeferredWrites, AFailedOneFailsTheTransactionWithItsOwnErrorAndKeepsNothing) {
  auto c = db_->Acquire();
  c->Execute(kInsertSetting, {std::string("taken"), std::string("v")});
  {
    store::Transaction tx(*c);
    store::ExecuteDeferred(*c, kInsertSetting, {std::string("before-the-failure"), std::string("v")});
    if (postgres()) {
      EXPECT_NO_THROW(store::ExecuteDeferred(*c, kInsertSetting, {std::string("taken"), std::string("v")}))
          << "on PostgreSQL it is not sent yet";
      store::ExecuteDeferred(*c, kInsertSetting, {std::string("after-the-failure"), std::string("v")});
      // The next statement carries the queue and throws the failed insert's own error.
      EXPECT_THROW(c->QueryOne("SELECT 1"), store::UniqueViolation);
    } else {
      EXPECT_THROW(store::ExecuteDeferred(*c, kInsertSetting, {std::string("taken"), std::string("v")}),
                   store::UniqueViolation)
          << "SQLite runs it at once";
    }
  }
  EXPECT_TRUE(c->Healthy()) << "the connection is back in step and may serve the next request";
  EXPECT_EQ(Count(*c, "before-the-failure"), 0);
  EXPECT_EQ(Count(*c, "after-the-failure"), 0);
  EXPECT_EQ(Count(*c, "taken"), 1);
}

// On PostgreSQL a statement is prepared in the same pipeline as its first run. A statement whose
// run was skipped (an earlier one failed) or whose text is refused must not count as prepared on
// that connection: the next run prepares it again and works, or fails with its own error again.
TEST_F(DeferredWrites, AStatementFirstSeenInAFailedPipelineIsPreparedAgainNextTime) {
  auto c = db_->Acquire();
  c->Execute(kInsertSetting, {std::string("taken"), std::string("v")});
  constexpr std::string_view kFirstSeen = "SELECT COUNT(*) + 0 FROM settings WHERE key = ?";
  {
    store::Transaction tx(*c);
    if (postgres()) {
      store::ExecuteDeferred(*c, kInsertSetting, {std::string("taken"), std::string("v")});
      EXPECT_THROW(c->QueryOne(kFirstSeen, {std::string("taken")}), store::UniqueViolation);
    }
  }
  EXPECT_TRUE(c->Healthy());
  EXPECT_EQ(c->QueryOne(kFirstSeen, {std::string("taken")})->Int(0), 1) << "prepared again, not assumed";
  EXPECT_EQ(c->QueryOne(kFirstSeen, {std::string("taken")})->Int(0), 1) << "and now kept";
  for (int attempt = 0; attempt < 2; ++attempt) {
    try {
      c->QueryOne("SELECT no_such_column FROM settings WHERE key = ?", {std::string("taken")});
      ADD_FAILURE() << "a statement naming a missing column ran";
    } catch (const store::DatabaseError& e) {
      EXPECT_NE(std::string(e.what()).find("no_such_column"), std::string::npos) << "its own error each time: " << e.what();
    }
    EXPECT_TRUE(c->Healthy());
  }
  EXPECT_EQ(Count(*c, "taken"), 1) << "the connection serves on";
}

TEST_F(DeferredWrites, AFailureIsThrownByCommitWhenNothingElseFollows) {
  auto c = db_->Acquire();
  c->Execute(kInsertSetting, {std::string("taken"), std::string("v")});
  {
    store::Transaction tx(*c);
    store::ExecuteDeferred(*c, kInsertSetting, {std::string("committed-with-a-failure"), std::string("v")});
    if (postgres()) {
      store::ExecuteDeferred(*c, kInsertSetting, {std::string("taken"), std::string("v")});
      EXPECT_THROW(tx.Commit(), store::UniqueViolation);
    } else {
      EXPECT_THROW(store::ExecuteDeferred(*c, kInsertSetting, {std::string("taken"), std::string("v")}),
                   store::UniqueViolation);
    }
  }
  EXPECT_TRUE(c->Healthy());
  EXPECT_EQ(Count(*c, "committed-with-a-failure"), 0);
}

TEST_F(DeferredWrites, ARollbackLeavesNothingBehind) {
  auto c = db_->Acquire();
  {
    store::Transaction tx(*c);
    store::ExecuteDeferred(*c, kInsertSetting, {std::string("rolled-back"), std::string("v")});
  }
  EXPECT_TRUE(c->Healthy());
  EXPECT_EQ(Count(*c, "rolled-back"), 0);
  c->Execute(kInsertSetting, {std::string("rolled-back-then-written"), std::string("v")});
  EXPECT_EQ(Count(*db_->Acquire(), "rolled-back"), 1) << "the next write on the connection stands alone";
}

TEST_F(DeferredWrites, OutsideATransactionTheyRunAtOnce) {
  auto c = db_->Acquire();
  store::ExecuteDeferred(*c, kInsertSetting, {std::string("at-once"), std::string("v")});
  EXPECT_EQ(Count(*db_->Acquire(), "at-once"), 1) << "visible to another connection with no statement after it";
  EXPECT_THROW(store::ExecuteDeferred(*c, kInsertSetting, {std::string("at-once"), std::string("v")}),
               store::UniqueViolation);
  EXPECT_TRUE(c->Healthy());
}

// The database ends the session while writes are queued: the statement that carries them reports
// the database unavailable (the dispatcher's 503), and the pool will not reuse the connection.
class PostgresDeferredWrites : public DeferredWrites {};  // SQLite has no session to lose

TEST_F(PostgresDeferredWrites, ALostConnectionIsReportedAndTheConnectionIsNotReused) {
  auto c = db_->Acquire();
  const std::int64_t pid = c->QueryOne("SELECT pg_backend_pid()")->Int(0);
  store::Transaction tx(*c);
  store::ExecuteDeferred(*c, kInsertSetting, {std::string("lost"), std::string("v")});
  db_->Acquire()->QueryOne("SELECT pg_terminate_backend(?)", {pid});
  EXPECT_THROW(c->QueryOne("SELECT 1"), store::DatabaseUnavailable);
  EXPECT_FALSE(c->Healthy());
  EXPECT_EQ(Count(*db_->Acquire(), "lost"), 0);
}

}  // namespace
}  // namespace wagelink::testing
