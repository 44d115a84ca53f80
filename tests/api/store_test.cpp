// The storage foundation on the configured backend: bound parameters, transactions, conflicts.
#include <gtest/gtest.h>

#include "store/database.h"
#include "store/migrations.h"
#include "store/postgres_connection.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

TEST(Store, HostileTextIsStoredVerbatimBecauseEveryValueIsBound) {
  ScratchDatabase scratch;
  auto db = store::Database::Open(scratch.url(), 2);
  ASSERT_TRUE(db) << db.error().message_en;
  auto c = (*db)->Acquire();
  store::ApplyMigrations(*c);
  const std::string hostile = "x'); DROP TABLE settings; -- ? $1 \"\\ 中文";
  c->Execute("INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)", {std::string("k"), hostile, std::string("t")});
  auto row = c->QueryOne("SELECT value FROM settings WHERE key = ?", {std::string("k")});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Text(0), hostile);
}

TEST(Store, UncommittedTransactionIsRolledBack) {
  ScratchDatabase scratch;
  auto db = store::Database::Open(scratch.url(), 2);
  ASSERT_TRUE(db);
  auto c = (*db)->Acquire();
  store::ApplyMigrations(*c);
  {
    store::Transaction tx(*c);
    c->Execute("INSERT INTO settings (key, value, updated_at) VALUES ('a', 'b', 'c')");
  }
  EXPECT_FALSE(c->QueryOne("SELECT 1 FROM settings WHERE key = 'a'"));
}

TEST(Store, DuplicateKeyRaisesUniqueViolation) {
  ScratchDatabase scratch;
  auto db = store::Database::Open(scratch.url(), 2);
  ASSERT_TRUE(db);
  auto c = (*db)->Acquire();
  store::ApplyMigrations(*c);
  c->Execute("INSERT INTO settings (key, value, updated_at) VALUES ('a', 'b', 'c')");
  EXPECT_THROW(c->Execute("INSERT INTO settings (key, value, updated_at) VALUES ('a', 'b', 'c')"), store::UniqueViolation);
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

}  // namespace
}  // namespace wagelink::testing
