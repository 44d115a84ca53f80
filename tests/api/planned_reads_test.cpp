// Reads sent ahead (store/planned_reads.h): on PostgreSQL each answer is served once, to the same
// statement with the same parameters, and a write drops them; on SQLite nothing is sent ahead.
// A row changed by another connection in between shows which answer a read got.
#include <gtest/gtest.h>

#include <string>

#include "store/database.h"
#include "store/deferred_write.h"
#include "store/migrations.h"
#include "store/planned_reads.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr std::string_view kValueOf = "SELECT value FROM settings WHERE key = ?";

class PlannedReads : public ::testing::Test {
 protected:
  void SetUp() override {
    auto c = db_->Acquire();
    for (const char* key : {"a", "b"}) {
      c->Execute("INSERT INTO settings (key, value, updated_at) VALUES (?, 'before', 't')", {std::string(key)});
    }
  }
  static store::PlannedRead ValueOf(const std::string& key) { return {std::string(kValueOf), {key}}; }
  static std::string Value(store::Connection& c, const std::string& key) {
    return c.QueryOne(kValueOf, {key})->Text(0);
  }
  void ChangeElsewhere(const std::string& key, const std::string& value) {
    db_->Acquire()->Execute("UPDATE settings SET value = ? WHERE key = ?", {value, key});
  }
  bool postgres() const { return db_->dialect() == store::Dialect::kPostgres; }

  MigratedScratchDatabase scratch_;
  store::Database* db_ = &scratch_.db();
};

TEST_F(PlannedReads, EachAnswerIsServedOnceToTheSameStatementWithTheSameParameters) {
  auto c = db_->Acquire();
  const store::ReadsAhead ahead(*c, {ValueOf("a"), ValueOf("b")});
  ChangeElsewhere("a", "after");
  ChangeElsewhere("b", "after");
  EXPECT_EQ(c->QueryOne("SELECT 1")->Int(0), 1) << "another read runs as ever";
  EXPECT_EQ(Value(*c, "a"), postgres() ? "before" : "after") << "PostgreSQL read it ahead, before the change";
  EXPECT_EQ(Value(*c, "a"), "after") << "served once: asked again, it is read again";
  EXPECT_EQ(ahead.waiting(), postgres() ? 1u : 0u) << "b's answer still waits";
}

TEST_F(PlannedReads, AWriteOnTheConnectionDropsEveryWaitingAnswer) {
  auto c = db_->Acquire();
  const store::ReadsAhead ahead(*c, {ValueOf("a"), ValueOf("b")});
  c->Execute("UPDATE settings SET value = 'mine' WHERE key = 'b'");
  EXPECT_EQ(ahead.waiting(), 0u);
  EXPECT_EQ(Value(*c, "b"), "mine") << "the connection's own write is never hidden";
  ChangeElsewhere("a", "after");
  EXPECT_EQ(Value(*c, "a"), "after");
}

TEST_F(PlannedReads, ADeferredWriteDropsThemToo) {
  auto c = db_->Acquire();
  store::Transaction tx(*c);
  const store::ReadsAhead ahead(*c, {ValueOf("a")});
  store::ExecuteDeferred(*c, "UPDATE settings SET value = 'deferred' WHERE key = 'a'");
  EXPECT_EQ(ahead.waiting(), 0u);
  EXPECT_EQ(Value(*c, "a"), "deferred");
  tx.Commit();
}

TEST_F(PlannedReads, NoAnswerOutlivesTheReadsAhead) {
  auto c = db_->Acquire();
  { const store::ReadsAhead ahead(*c, {ValueOf("a")}); }
  EXPECT_TRUE(c->Healthy()) << "the connection may go back to the pool";
  ChangeElsewhere("a", "after");
  EXPECT_EQ(Value(*c, "a"), "after");
}

TEST_F(PlannedReads, TheyComeAfterTheTransactionsDeferredWritesAndSeeThem) {
  auto c = db_->Acquire();
  store::Transaction tx(*c);
  store::ExecuteDeferred(*c, "UPDATE settings SET value = 'in the transaction' WHERE key = 'a'");
  {
    const store::ReadsAhead ahead(*c, {ValueOf("a")});
    EXPECT_EQ(Value(*c, "a"), "in the transaction");
  }
  tx.Commit();
}

// A planned read that fails (here a parameter of the wrong type) fails where it is planned.
TEST_F(PlannedReads, AFailedReadIsThrownAtOnce) {
  auto c = db_->Acquire();
  const std::vector<store::PlannedRead> reads{ValueOf("a"), {"SELECT value FROM settings WHERE CAST(? AS INTEGER) = 1", {std::string("x")}}};
  if (postgres()) {
    EXPECT_THROW(store::ReadsAhead(*c, reads), store::DatabaseError);
  } else {
    EXPECT_NO_THROW(store::ReadsAhead(*c, reads)) << "nothing is sent ahead on SQLite";
  }
  EXPECT_TRUE(c->Healthy());
  EXPECT_EQ(Value(*c, "a"), "before");
}

}  // namespace
}  // namespace wagelink::testing
