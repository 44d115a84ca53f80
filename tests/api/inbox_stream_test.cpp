// Live inbox updates over Server-Sent Events (GET /api/v1/inbox/stream) and the category
// preferences that decide what reaches a user's inbox, stream and gateway.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

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
