// Idempotency keys on signed-in writes (issue 16, defect 5; services/write_receipts.h): the key is
// stored by the write's own transaction, so a write sent again with its key is carried out at most
// once, on both databases.
#include <gtest/gtest.h>

#include "store/database.h"
#include "store/migrations.h"
#include "store/write_receipt.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

std::int64_t CaseCount(HttpClient& client) {
  auto list = client.Get("/api/v1/cases?page_size=1");
  EXPECT_EQ(list.status, 200) << list.body;
  return list.Json().at("total").as_int64();
}

HttpResponse PostKeyed(HttpClient& client, const std::string& target, const boost::json::value& body, const std::string& key) {
  return client.Send("POST", target, boost::json::serialize(body),
                     {{"Content-Type", "application/json"}, {"Idempotency-Key", key}});
}

TEST(Idempotency, AWriteSentAgainWithItsKeyIsStoredOnceAndAnsweredAlreadyApplied) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  const auto before = CaseCount(handler);

  auto first = PostKeyed(handler, "/api/v1/cases", ScenarioOneComplaint(), "k-0001");
  ASSERT_EQ(first.status, 201) << first.body;
  auto again = PostKeyed(handler, "/api/v1/cases", ScenarioOneComplaint(), "k-0001");
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_TRUE(again.Json().at("already_applied").as_bool()) << again.body;
  EXPECT_NE(again.body.find("此前已经保存成功"), std::string::npos) << again.body;
  EXPECT_EQ(CaseCount(handler), before + 1) << "the repeat stored nothing";

  // The same key for another request is a client bug, not a repeat.
  auto other = ScenarioOneComplaint();
  other["summary"] = "另一份投诉";
  auto reused = PostKeyed(handler, "/api/v1/cases", other, "k-0001");
  EXPECT_EQ(reused.status, 409) << reused.body;
  EXPECT_FALSE(reused.Json().as_object().contains("already_applied")) << reused.body;
  EXPECT_NE(reused.body.find("已用于另一个请求"), std::string::npos) << reused.body;

  // Keys are each user's own: another user's write with the same key is carried out.
  HttpClient liaison = server.LoginAs("liaison");
  EXPECT_EQ(PostKeyed(liaison, "/api/v1/cases", ScenarioOneComplaint(), "k-0001").status, 201);
  // Without a key a write is carried out every time, as before.
  EXPECT_EQ(handler.PostJson("/api/v1/cases", ScenarioOneComplaint()).status, 201);
  EXPECT_EQ(CaseCount(handler), before + 3);
}

TEST(Idempotency, AWriteThatFailsKeepsNoKeySoItsCorrectedRepeatIsCarriedOut) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  auto invalid = ScenarioOneComplaint();
  invalid["workers"] = boost::json::array{};
  auto refused = PostKeyed(handler, "/api/v1/cases", invalid, "k-0002");
  EXPECT_EQ(refused.status, 400) << refused.body;
  // Nothing was committed, so the key holds nothing and is free for the corrected request.
  auto corrected = PostKeyed(handler, "/api/v1/cases", ScenarioOneComplaint(), "k-0002");
  EXPECT_EQ(corrected.status, 201) << corrected.body;
}

TEST(Idempotency, AMalformedKeyIsRefusedBeforeTheWrite) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  const auto before = CaseCount(handler);
  for (const std::string& key : {std::string(101, 'a'), std::string("含中文"), std::string("a b")}) {
    auto refused = PostKeyed(handler, "/api/v1/cases", ScenarioOneComplaint(), key);
    EXPECT_EQ(refused.status, 400) << refused.body;
    EXPECT_EQ(refused.Json().at("field").as_string(), "Idempotency-Key") << refused.body;
  }
  EXPECT_EQ(CaseCount(handler), before);
}

TEST(Idempotency, KeysAreForgottenAfterADay) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  ASSERT_EQ(PostKeyed(handler, "/api/v1/cases", ScenarioOneComplaint(), "k-0003").status, 201);
  server.clock().Advance(25 * 3600);
  server.app().RunJobsOnce();
  handler = server.LoginAs("handler");  // the clock's jump ended the session
  EXPECT_EQ(PostKeyed(handler, "/api/v1/cases", ScenarioOneComplaint(), "k-0003").status, 201)
      << "a day-old key no longer names a write";
}

// The property the web client's retry rests on, on the store itself: the key and the write commit
// together. A second transaction with a key already committed rolls back whole, its write too.
TEST(Idempotency, TheKeyAndTheWriteCommitTogether) {
  ScratchDatabase scratch;
  auto db = store::Database::Open(scratch.url(), 2);
  ASSERT_TRUE(db) << db.error().message_en;
  auto c = (*db)->Acquire();
  store::ApplyMigrations(*c);
  auto write = [&](const std::string& setting, const std::string& digest = "digest") {
    store::WriteReceiptScope scope({7, "k-0004", digest, "2026-01-05T01:00:00Z"});
    store::Transaction tx(*c);
    c->Execute("INSERT INTO settings (key, value, updated_at) VALUES (?, 'v', 't')", {setting});
    tx.Commit();
  };
  write("first");
  auto held_by = [&](const std::string& setting, const std::string& digest) -> std::string {
    try {
      write(setting, digest);
    } catch (const store::AlreadyApplied& held) {
      return held.same_request() ? "same request" : "another request";
    }
    return "committed";
  };
  EXPECT_EQ(held_by("second", "digest"), "same request");
  // Two requests in flight at once with one key and different bodies: the later is told apart.
  EXPECT_EQ(held_by("other", "another request's digest"), "another request");
  EXPECT_TRUE(c->QueryOne("SELECT 1 FROM settings WHERE key = 'first'"));
  EXPECT_FALSE(c->QueryOne("SELECT 1 FROM settings WHERE key = 'second'")) << "the repeat's write rolled back";
  EXPECT_FALSE(c->QueryOne("SELECT 1 FROM settings WHERE key = 'other'"));
  EXPECT_TRUE(store::WriteReceiptRepository(*c).Find(7, "k-0004"));

  // A write that rolls back leaves no key behind, and a later transaction of the same request records it.
  {
    store::WriteReceiptScope scope({7, "k-0005", "digest", "2026-01-05T01:00:00Z"});
    { store::Transaction abandoned(*c); c->Execute("INSERT INTO settings (key, value, updated_at) VALUES ('third', 'v', 't')"); }
    EXPECT_FALSE(store::WriteReceiptRepository(*c).Find(7, "k-0005"));
    store::Transaction tx(*c);
    c->Execute("INSERT INTO settings (key, value, updated_at) VALUES ('fourth', 'v', 't')");
    tx.Commit();
  }
  EXPECT_TRUE(store::WriteReceiptRepository(*c).Find(7, "k-0005"));
}

}  // namespace
}  // namespace wagelink::testing
