// When the database cannot be reached — PostgreSQL restarting, a failover, a dropped line — a
// request answers 503 with Retry-After, not 500 (which says "bug" and fires the 5xx alert); the
// broken connection leaves the pool, so the next request succeeds without a restart. When the line
// drops while COMMIT is in flight the write may have been stored: the answer says so, and invites
// no blind retry (docs/operations.md, defects 4 and 5).
//
// The PostgresLostConnection suite is registered for the PostgreSQL run only (tests/CMakeLists.txt):
// SQLite is a file inside the process, with no connection to lose.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "api/dispatcher.h"
#include "store/database.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

http::Response Answer(const api::Dispatcher& dispatcher, const std::string& path) {
  http::Request request;
  request.method = "GET";
  request.path = path;
  request.target = path;
  request.request_id = "test";
  return dispatcher.Handle(request);
}

TEST(DatabaseFailures, AnUnreachableDatabaseIs503WithRetryAfterAndALostCommitSaysToLookBeforeRetrying) {
  auto router = std::make_shared<http::Router>();
  router->Add("GET", "/unreachable", [](http::Request&) -> http::Response {
    throw store::DatabaseUnavailable("postgresql connection lost (SELECT): server closed the connection");
  });
  router->Add("GET", "/commit-lost", [](http::Request&) -> http::Response {
    throw store::CommitOutcomeUnknown("commit outcome unknown: server closed the connection");
  });
  router->Add("GET", "/bug", [](http::Request&) -> http::Response { throw store::DatabaseError("syntax error"); });
  api::Dispatcher dispatcher(router, nullptr);

  auto unreachable = Answer(dispatcher, "/unreachable");
  EXPECT_EQ(unreachable.status, 503);
  EXPECT_NE(unreachable.body.find("\"service_unavailable\""), std::string::npos) << unreachable.body;
  EXPECT_NE(unreachable.body.find("数据库暂时无法访问"), std::string::npos) << unreachable.body;
  ASSERT_TRUE(unreachable.Header("Retry-After"));
  EXPECT_EQ(*unreachable.Header("Retry-After"), "5");

  auto lost_commit = Answer(dispatcher, "/commit-lost");
  EXPECT_EQ(lost_commit.status, 503);
  EXPECT_NE(lost_commit.body.find("无法确认本次操作是否已保存"), std::string::npos) << lost_commit.body;
  EXPECT_FALSE(lost_commit.Header("Retry-After")) << "a blind retry could store the write twice";

  EXPECT_EQ(Answer(dispatcher, "/bug").status, 500) << "any other database failure is still a bug";
}

TEST(PostgresLostConnection, ARequestOnADroppedConnectionAnswers503AndTheNextOnesSucceedWithoutARestart) {
  // The inbox hub polls rarely here, so the broken connections are found by the requests below.
  TestServer server({.tweak = [](app::Config& c) { c.stream_poll_ms = 600'000; }});
  auto db = store::Database::Open(server.database_url(), 1);
  ASSERT_TRUE(db) << db.error().message_en;
  auto admin = (*db)->Acquire();
  ASSERT_EQ(admin->dialect(), store::Dialect::kPostgres) << "this suite runs on PostgreSQL only";
  // The instance's listening connection (store/postgres_listener.h) is spared: when it comes back
  // it wakes the inbox hub, which would meet a dead pooled connection before the requests below do.
  // So wait until it is there, and leave it be.
  constexpr const char* kListening =
      "SELECT COUNT(*) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN %'";
  for (int wait = 0; wait < 200 && admin->QueryOne(kListening)->Int(0) == 0; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_EQ(admin->QueryOne(kListening)->Int(0), 1) << "the instance listens for wake-ups";
  // Once listening, the listener wakes the hub, which reads the notices at once on a pooled
  // connection. Wait until that read has finished too (it started after the LISTEN), or the
  // connections could end under it and the hub, not the request, would meet the dead one.
  // pg_stat_activity shows a connection's last statement only, so nothing else may use the pool
  // until the hub's read is seen: the user signs in after it (signing in first made the hub's
  // connection show the sign-in's statements, and the wait never ended). The read's last statement
  // is the look-up above the cursor, the one of the ids it is waiting for, or the writer horizon.
  constexpr const char* kHubReadSinceListening =
      "SELECT COUNT(*) FROM pg_stat_activity r, pg_stat_activity l WHERE r.datname = current_database() "
      "AND l.datname = current_database() AND l.query LIKE 'LISTEN %' AND r.state = 'idle' "
      "AND (r.query LIKE '%FROM notifications WHERE id %' OR r.query LIKE '%pg_current_snapshot()%') "
      "AND r.query_start > l.query_start";
  for (int wait = 0; wait < 200 && admin->QueryOne(kHubReadSinceListening)->Int(0) == 0; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_GE(admin->QueryOne(kHubReadSinceListening)->Int(0), 1) << "the hub read the notices when woken";
  // Signing in and reading write no notice and send no wake-up: the hub stays asleep from here on.
  HttpClient handler = server.LoginAs("handler");
  ASSERT_EQ(handler.Get("/api/v1/cases").status, 200);
  // What a restart or a failover does to every connection the server holds.
  auto ended = admin->Query(
      "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> "
      "pg_backend_pid() AND query NOT LIKE 'LISTEN %'");
  ASSERT_FALSE(ended.empty()) << "the server held connections";

  int refused = 0;
  int status = 0;
  for (int attempt = 0; attempt < 20 && status != 200; ++attempt) {
    auto response = handler.Get("/api/v1/cases");
    status = response.status;
    if (status == 200) break;
    ++refused;
    EXPECT_EQ(status, 503) << response.body;
    EXPECT_EQ(response.Header("retry-after"), "5") << response.body;
    EXPECT_NE(response.body.find("数据库暂时无法访问"), std::string::npos) << response.body;
  }
  EXPECT_GE(refused, 1) << "the request on a dropped connection was answered";
  EXPECT_EQ(status, 200) << "the pool dropped the dead connections and opened new ones";
  auto created = handler.PostJson("/api/v1/risks", MajorRiskOwnedByHrss());
  EXPECT_EQ(created.status, 201) << "writes go on too: " << created.body;
}

TEST(PostgresLostConnection, ACommitWhoseConnectionDiesIsReportedAsOutcomeUnknown) {
  ScratchDatabase scratch;
  auto db = store::Database::Open(scratch.url(), 2);
  ASSERT_TRUE(db) << db.error().message_en;
  auto writer = (*db)->Acquire();
  auto admin = (*db)->Acquire();
  ASSERT_EQ(writer->dialect(), store::Dialect::kPostgres) << "this suite runs on PostgreSQL only";
  const auto pid = writer->QueryOne("SELECT pg_backend_pid()")->Int(0);

  store::Transaction transaction(*writer);
  writer->Execute("CREATE TEMPORARY TABLE t (x INTEGER)");
  admin->Query("SELECT pg_terminate_backend(?)", {pid});
  EXPECT_THROW(transaction.Commit(), store::CommitOutcomeUnknown);
  EXPECT_FALSE(writer->Healthy()) << "the pool will drop it";
}

}  // namespace
}  // namespace wagelink::testing
