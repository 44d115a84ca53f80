// Migration 0017 (sign-in lockout per name and address, 三员分立 change requests, TOTP) over a
// database of the schema before it, with an account signed in: the session stays valid and owes no
// second factor, and the new tables start empty and enforce their rules. The evidence migration
// 0018 has its own tests (evidence_owners_test.cpp); docs/operations.md "Migrations".
#include <gtest/gtest.h>

#include "store/database.h"
#include "store/migrations.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

TEST(SessionsMigration, ASignedInUserStaysSignedInWithNoSecondFactorOwedAndTheNewTablesHoldTheirRules) {
  ScratchDatabase scratch;
  auto db = store::Database::Open(scratch.url(), 2);
  ASSERT_TRUE(db) << db.error().message_en;
  auto c = (*db)->Acquire();
  store::ApplyMigrations(*c, 16);
  const std::int64_t body = c->InsertReturningId(
      "INSERT INTO bodies (code, kind, name_zh, name_en, created_at) VALUES ('hrss', 'body', '人社局', 'HRSS', "
      "'2025-12-01T00:00:00Z') RETURNING id",
      {});
  const std::int64_t user = c->InsertReturningId(
      "INSERT INTO users (username, display_name, body_id, password_hash, password_changed_at, created_at) "
      "VALUES ('handler', '李承办', ?, 'x', '2025-12-01T00:00:00Z', '2025-12-01T00:00:00Z') RETURNING id",
      {body});
  const std::int64_t session = c->InsertReturningId(
      "INSERT INTO sessions (token_hash, csrf_hash, user_id, created_at, last_seen_at) "
      "VALUES ('t', 'c', ?, '2025-12-01T00:00:00Z', '2025-12-01T00:00:00Z') RETURNING id",
      {user});

  EXPECT_FALSE(store::ApplyMigrations(*c).empty());
  EXPECT_TRUE(store::ReadMigrationStatus(*c).up_to_date());
  auto row = c->QueryOne("SELECT user_id, second_factor_pending, revoked_at FROM sessions WHERE id = ?", {session});
  ASSERT_TRUE(row);
  EXPECT_EQ(row->Int(0), user);
  EXPECT_EQ(row->Int(1), 0) << "a session from before owes no second factor";
  EXPECT_FALSE(row->OptText(2)) << "and is not ended by the upgrade";
  EXPECT_FALSE(c->QueryOne("SELECT 1 FROM login_lockouts"));
  EXPECT_FALSE(c->QueryOne("SELECT 1 FROM totp_enrolments"));
  EXPECT_THROW(c->Execute("INSERT INTO admin_change_requests (target_user_id, requested_by, change_json, status, created_at) "
                          "VALUES (?, ?, '{}', 'maybe', '2025-12-02T00:00:00Z')",
                          {user, user}),
               store::DatabaseError)
      << "a change request's status is one of pending, approved, rejected";
  c->Execute("INSERT INTO login_lockouts (username, client_address, failures, updated_at) VALUES ('handler', '10.0.0.8', 1, 't')");
  EXPECT_THROW(c->Execute("INSERT INTO login_lockouts (username, client_address, failures, updated_at) "
                          "VALUES ('handler', '10.0.0.8', 2, 't')"),
               store::DatabaseError)
      << "one counter per name and address";
}

}  // namespace
}  // namespace wagelink::testing
