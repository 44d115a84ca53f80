// Live inbox updates over Server-Sent Events (GET /api/v1/inbox/stream) and the category
// preferences that decide what reaches a user's inbox, stream and gateway.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <thread>

#include "store/database.h"

#include "support/raw_connection.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {
using namespace std::chrono_literals;

TestServerOptions FastStreams(std::int64_t max_streams = 16) {
  return {.tweak = [max_streams](app::Config& c) {
    c.stream_poll_ms = 20;
    c.stream_heartbeat_ms = 200;
    c.max_streams = max_streams;
    c.max_streams_per_user = 1000;  // many tabs of one user here; the per-user cap: BoundedLoad.Streams*
    c.shutdown_grace_ms = 30'000;
  }};
}

TEST(InboxStream, ANewNoticeArrivesOnTheOpenStreamOfItsBodyOnly) {
  TestServer server(FastStreams());
  HttpClient coordinator = server.LoginAs("coordinator");
  OpenStream office(server.port(), coordinator);
  ASSERT_TRUE(office.ReadUntil("event: ready")) << office.received();
  EXPECT_NE(office.received().find("HTTP/1.1 200"), std::string::npos);
  EXPECT_NE(office.received().find("text/event-stream"), std::string::npos);
  OpenStream police(server.port(), server.LoginAs("police"));
  ASSERT_TRUE(police.ReadUntil("event: ready"));

  ASSERT_EQ(server.LoginAs("handler").PostJson("/api/v1/risks", MajorRiskOwnedByHrss()).status, 201);
  ASSERT_TRUE(office.ReadUntil("\"kind\":\"risk_major\"")) << office.received();
  EXPECT_NE(office.received().find("event: notification"), std::string::npos);
  auto inbox = coordinator.Get("/api/v1/inbox").Json();
  auto newest_id = inbox.at("items").at(0).at("id").as_int64();
  EXPECT_NE(office.received().find("id: " + std::to_string(newest_id) + "\n"), std::string::npos)
      << "the event id is the notification id, as in GET /api/v1/inbox";
  EXPECT_FALSE(police.ReadUntil("risk_major", 500ms)) << "other bodies' notices stay out";
  EXPECT_NE(police.received().find(": heartbeat"), std::string::npos) << "an idle stream gets heartbeats";
}

TEST(InboxStream, ManyOpenStreamsHoldNoWorkerThreadsAndAllReceiveTheNotice) {
  TestServer server(FastStreams(64));  // the test server has 4 worker threads
  HttpClient coordinator = server.LoginAs("coordinator");
  std::vector<std::unique_ptr<OpenStream>> tabs;
  for (int i = 0; i < 24; ++i) {
    tabs.push_back(std::make_unique<OpenStream>(server.port(), coordinator));
    ASSERT_TRUE(tabs.back()->ReadUntil("event: ready")) << "tab " << i;
  }
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(coordinator.Get("/api/v1/inbox").status, 200) << "24 open streams, 4 workers: requests still served";
  EXPECT_LT(std::chrono::steady_clock::now() - started, 2s);
  ASSERT_EQ(server.LoginAs("handler").PostJson("/api/v1/risks", MajorRiskOwnedByHrss()).status, 201);
  for (auto& tab : tabs) EXPECT_TRUE(tab->ReadUntil("\"kind\":\"risk_major\""));
}

TEST(InboxStream, AReconnectingTabGetsWhatItMissedOnceFromItsLastEventId) {
  TestServer server(FastStreams());
  HttpClient coordinator = server.LoginAs("coordinator");
  HttpClient handler = server.LoginAs("handler");
  ASSERT_EQ(handler.PostJson("/api/v1/risks", MajorRiskOwnedByHrss()).status, 201);
  auto seen = coordinator.Get("/api/v1/inbox").Json().at("items").at(0).at("id").as_int64();
  ASSERT_EQ(handler.PostJson("/api/v1/risks", MajorRiskOwnedByHrss()).status, 201);  // while the tab was away
  auto missed = coordinator.Get("/api/v1/inbox").Json().at("items").at(0).at("id").as_int64();
  ASSERT_GT(missed, seen);

  OpenStream tab(server.port(), coordinator, "Last-Event-ID: " + std::to_string(seen) + "\r\n");
  ASSERT_TRUE(tab.ReadUntil("id: " + std::to_string(missed) + "\n")) << tab.received();
  EXPECT_EQ(tab.received().find("id: " + std::to_string(seen) + "\n"), std::string::npos) << "not the one it had";
  EXPECT_LT(tab.received().find("event: ready"), tab.received().find("event: notification"));
  tab.ReadUntil(": heartbeat");
  auto first = tab.received().find("id: " + std::to_string(missed) + "\n");
  EXPECT_EQ(tab.received().find("id: " + std::to_string(missed) + "\n", first + 1), std::string::npos) << "sent once";
}

// The ids of the notices a stream received, in the order it received them.
std::vector<std::int64_t> NoticeIdsOn(const RawConnection& stream) {
  static const std::regex kNotice("event: notification\ndata: \\{\"id\":(\\d+),");
  std::vector<std::int64_t> ids;
  const std::string& text = stream.received();
  for (std::sregex_iterator it(text.begin(), text.end(), kNotice), end; it != end; ++it) ids.push_back(std::stoll((*it)[1]));
  return ids;
}

// Issue 16. Ids are taken when a notice is written and commit out of order when writers overlap
// (on PostgreSQL): a lower id can become visible after a higher one has been sent. Two instances
// on one database, a stream open on each, 480 risk alerts to the wage office written 16 at a time
// through both: every notice arrives on both streams, once.
TEST(InboxStream, EveryNoticeWrittenThroughTwoInstancesArrivesOnEveryStreamExactlyOnce) {
  TestServer first(FastStreams());
  const std::string folder = std::filesystem::path(first.key_file()).parent_path();
  const std::string config = folder + "/second-instance.toml";
  std::ofstream(config) << "[notifications]\nstream_poll_ms = 20\nmax_streams_per_user = 1000\n"
                           "[server]\nmax_requests_per_client = 1000\n[jobs]\nrun_scheduled = false\n";
  ServerProcess second(first.database_url(), {"--config", config}, first.key_file(), first.anchor_file());
  const std::vector<std::uint16_t> instances{first.port(), second.port()};

  auto db = store::Database::Open(first.database_url(), 1);
  ASSERT_TRUE(db) << db.error().message_en;
  const std::int64_t before = (*db)->Acquire()->QueryOne("SELECT COALESCE(MAX(id), 0) FROM notifications")->Int(0);
  std::vector<std::unique_ptr<OpenStream>> streams;
  for (auto port : instances) {
    HttpClient coordinator(port);
    ASSERT_EQ(coordinator.Login("coordinator", kDemoPassword).status, 200);
    streams.push_back(std::make_unique<OpenStream>(port, coordinator));
    ASSERT_TRUE(streams.back()->ReadUntil("event: ready")) << streams.back()->received();
  }

  constexpr int kWriters = 16, kEach = 30;
  std::atomic<int> refused = 0;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      HttpClient handler(instances[w % 2]);
      if (handler.Login("handler", kDemoPassword).status != 200) {
        refused += kEach;
        return;
      }
      for (int i = 0; i < kEach; ++i) {
        if (handler.PostJson("/api/v1/risks", MajorRiskOwnedByHrss()).status != 201) ++refused;
      }
    });
  }
  for (auto& writer : writers) writer.join();
  ASSERT_EQ(refused.load(), 0);

  std::vector<std::int64_t> written;
  for (const auto& row : (*db)->Acquire()->Query(
           "SELECT id FROM notifications WHERE body_code = 'wage_office' AND id > ? ORDER BY id", {before})) {
    written.push_back(row.Int(0));
  }
  ASSERT_GE(written.size(), static_cast<std::size_t>(kWriters * kEach));
  for (std::size_t s = 0; s < streams.size(); ++s) {
    const auto deadline = std::chrono::steady_clock::now() + 30s;
    std::vector<std::int64_t> received;
    while (std::chrono::steady_clock::now() < deadline) {
      streams[s]->ReadUntil("id: " + std::to_string(written.back()) + "\n", 200ms);
      received = NoticeIdsOn(*streams[s]);
      if (received.size() >= written.size()) break;
    }
    streams[s]->ReadUntil("\x01never\x02", 500ms);  // anything sent twice would be here by now
    received = NoticeIdsOn(*streams[s]);
    std::map<std::int64_t, int> times;
    for (auto id : received) ++times[id];
    std::vector<std::int64_t> missing, repeated;
    for (auto id : written) {
      if (!times.contains(id)) missing.push_back(id);
    }
    for (const auto& [id, n] : times) {
      if (n > 1) repeated.push_back(id);
    }
    EXPECT_TRUE(missing.empty()) << "stream " << s << " lost " << missing.size() << " of " << written.size()
                                 << " notices, first " << (missing.empty() ? 0 : missing.front());
    EXPECT_TRUE(repeated.empty()) << "stream " << s << " received " << repeated.size() << " notices twice";
    EXPECT_EQ(times.size(), written.size()) << "stream " << s << " received only the wage office's notices";
  }
}

// The case behind the loss, made to happen on purpose: a notice's id is taken, a notice with a
// higher id commits and is sent, and only then does the first one commit. It must still arrive.
// (On PostgreSQL; SQLite's one writer makes the second insert wait, so there the order holds.)
TEST(InboxStream, ANoticeThatCommitsAfterAHigherIdStillArrivesOnce) {
  TestServer server(FastStreams());
  HttpClient coordinator = server.LoginAs("coordinator");
  OpenStream tab(server.port(), coordinator);
  ASSERT_TRUE(tab.ReadUntil("event: ready")) << tab.received();
  HttpClient handler = server.LoginAs("handler");

  auto db = store::Database::Open(server.database_url(), 2);
  ASSERT_TRUE(db) << db.error().message_en;
  auto slow = (*db)->Acquire();
  const bool postgres = slow->dialect() == store::Dialect::kPostgres;
  slow->BeginTransaction();
  const std::int64_t late_id = slow->InsertReturningId(
      "INSERT INTO notifications (body_code, user_id, kind, title_zh, title_en, case_id, created_at, category) "
      "VALUES ('wage_office', NULL, 'risk_major', '慢事务中的预警', 'Alert in a slow transaction', NULL, "
      "'2026-01-05T01:00:00Z', 'risk') RETURNING id",
      {});
  std::thread writer([&] { EXPECT_EQ(handler.PostJson("/api/v1/risks", MajorRiskOwnedByHrss()).status, 201); });
  // On SQLite the alert waits for the open transaction's lock, so it cannot arrive first: commit soon.
  const bool higher_arrived_first = tab.ReadUntil("\"kind\":\"risk_major\"", postgres ? 10s : 300ms);
  if (postgres) {
    EXPECT_TRUE(higher_arrived_first) << "the higher id is sent while the lower one is still uncommitted: " << tab.received();
  }
  slow->CommitTransaction();
  writer.join();
  ASSERT_TRUE(tab.ReadUntil("慢事务中的预警", 10s)) << "the late notice " << late_id << " arrived: " << tab.received();
  // The risk alert committed just now may come a poll later (a heartbeat already read says nothing).
  for (auto deadline = std::chrono::steady_clock::now() + 10s;
       NoticeIdsOn(tab).size() < 2 && std::chrono::steady_clock::now() < deadline;) {
    tab.ReadUntil("\x01never\x02", 100ms);
  }
  tab.ReadUntil("\x01never\x02", 500ms);  // anything sent twice would be here by now
  auto ids = NoticeIdsOn(tab);
  EXPECT_EQ(std::count(ids.begin(), ids.end(), late_id), 1) << tab.received();
  EXPECT_EQ(ids.size(), 2u) << "the late one and the risk alert, each once: " << tab.received();
}

TEST(InboxStream, AnonymousIsRefusedAndStreamsOverTheCapGet503) {
  TestServer server(FastStreams(1));
  auto anonymous = server.Client().Get("/api/v1/inbox/stream");
  EXPECT_EQ(anonymous.status, 401);
  HttpClient coordinator = server.LoginAs("coordinator");
  OpenStream first(server.port(), coordinator);
  ASSERT_TRUE(first.ReadUntil("event: ready"));
  OpenStream second(server.port(), coordinator);
  EXPECT_TRUE(second.ReadUntil("HTTP/1.1 503"));
  EXPECT_TRUE(first.ReadUntil(": heartbeat")) << "the first stream is unaffected";
}

TEST(InboxStream, ShutdownClosesOpenStreamsAtOnce) {
  TestServer server(FastStreams());
  OpenStream stream(server.port(), server.LoginAs("coordinator"));
  ASSERT_TRUE(stream.ReadUntil("event: ready"));
  auto started = std::chrono::steady_clock::now();
  server.app().Shutdown();
  stream.ReadUntil("never sent", 10s);
  EXPECT_TRUE(stream.closed());
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s) << "well before the 30 s shutdown grace";
}

TEST(InboxStream, PreferencesMuteACategoryInTheInboxAndAreValidated) {
  TestServer server(FastStreams());
  HttpClient coordinator = server.LoginAs("coordinator");
  auto defaults = coordinator.Get("/api/v1/inbox/preferences");
  ASSERT_EQ(defaults.status, 200);
  EXPECT_EQ(defaults.Json().at("categories").as_array().size(), 5u);
  EXPECT_EQ(defaults.Json().at("categories").at(2).at("category"), "risk");
  EXPECT_TRUE(defaults.Json().at("categories").at(2).at("inbox").as_bool());

  auto bad = coordinator.PutJson("/api/v1/inbox/preferences",
                                 {{"categories", boost::json::array{{{"category", "gossip"}, {"inbox", false}}}}});
  EXPECT_EQ(bad.status, 400) << bad.body;
  EXPECT_EQ(bad.Json().at("field"), "categories");
  auto muted = coordinator.PutJson("/api/v1/inbox/preferences",
                                   {{"categories", boost::json::array{{{"category", "risk"}, {"inbox", false}, {"webhook", false}}}}});
  ASSERT_EQ(muted.status, 200) << muted.body;
  EXPECT_FALSE(muted.Json().at("categories").at(2).at("inbox").as_bool());

  OpenStream stream(server.port(), coordinator);
  ASSERT_TRUE(stream.ReadUntil("event: ready"));
  ASSERT_EQ(server.LoginAs("handler").PostJson("/api/v1/risks", MajorRiskOwnedByHrss()).status, 201);
  const auto coordinator_inbox = coordinator.Get("/api/v1/inbox?page_size=200").Json();
  for (const auto& item : coordinator_inbox.at("items").as_array()) {
    EXPECT_NE(item.at("kind"), "risk_major") << "muted for this user";
  }
  bool other_user_sees_it = false;
  const auto sysadmin_inbox = server.LoginAs("sysadmin").Get("/api/v1/inbox?page_size=200").Json();
  for (const auto& item : sysadmin_inbox.at("items").as_array()) other_user_sees_it |= item.at("kind") == "risk_major";
  EXPECT_TRUE(other_user_sees_it) << "another user of the same body still gets it";
  EXPECT_FALSE(stream.ReadUntil("risk_major", 500ms)) << "nor on the live stream";
}

}  // namespace
}  // namespace wagelink::testing
