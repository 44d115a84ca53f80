// The deadline sweep: overdue clocks are reported once to the responsible body and its
// supervisor, on the case timeline and in both inboxes; met clocks never are.
#include <gtest/gtest.h>

#include "support/case_api.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

TEST(Deadline, AnOverdueAcceptanceIsReportedOnceToLabourInspectionAndTheWageOffice) {
  TestServer server({.start_time = *ParseUtc("2025-12-08T10:00:00Z")});  // Mon 12-08 18:00, L01 still running
  HttpClient handler = server.LoginAs("handler");
  const std::int64_t id = CreateScenarioOneCase(handler);
  ASSERT_NE(id, 0) << "scenario one's complaint was not registered";
  server.app().RunJobsOnce();
  auto reminder = handler.Get("/api/v1/inbox").Json();
  ASSERT_EQ(reminder.at("unread").as_int64(), 1) << "not overdue yet, but its last day: the due-day reminder";
  EXPECT_EQ(reminder.at("items").at(0).at("kind"), "deadline_due_today");
  auto reminder_id = std::to_string(reminder.at("items").at(0).at("id").as_int64());
  ASSERT_EQ(handler.Send("POST", "/api/v1/inbox/" + reminder_id + "/read").status, 204);
  server.app().RunJobsOnce();
  EXPECT_EQ(handler.Get("/api/v1/inbox").Json().at("unread").as_int64(), 0) << "reminded once";

  server.clock().Set(*ParseUtc("2025-12-08T16:00:01Z"));  // 2025-12-09 00:00:01 Beijing: 5 working days passed
  server.app().RunJobsOnce();
  handler = server.LoginAs("handler");  // the old session idled out while the clock jumped
  auto detail = handler.Get("/api/v1/cases/" + std::to_string(id)).Json();
  bool overdue = false;
  for (const auto& clock : detail.at("clocks").as_array()) overdue |= clock.at("status") == "overdue";
  EXPECT_TRUE(overdue);
  auto inbox = handler.Get("/api/v1/inbox").Json();
  ASSERT_EQ(inbox.at("unread").as_int64(), 1);
  EXPECT_NE(std::string(inbox.at("items").at(0).at("title_zh").as_string()).find("逾期"), std::string::npos);
  EXPECT_EQ(server.LoginAs("coordinator").Get("/api/v1/inbox").Json().at("unread").as_int64(), 1)
      << "the supervisor (wage-arrears office) is told too";
  EXPECT_EQ(server.LoginAs("police").Get("/api/v1/inbox").Json().at("unread").as_int64(), 0);
  EXPECT_EQ(detail.at("timeline").as_array().back().at("event").as_string(), "clock_overdue");

  server.app().RunJobsOnce();
  EXPECT_EQ(handler.Get("/api/v1/inbox").Json().at("unread").as_int64(), 1) << "reported once, not every minute";
  auto message = handler.Get("/api/v1/inbox").Json().at("items").at(0).at("id").as_int64();
  EXPECT_EQ(handler.Send("POST", "/api/v1/inbox/" + std::to_string(message) + "/read").status, 204);
  EXPECT_EQ(handler.Get("/api/v1/inbox").Json().at("unread").as_int64(), 0);
  EXPECT_EQ(server.LoginAs("police").Send("POST", "/api/v1/inbox/" + std::to_string(message) + "/read").status, 404)
      << "another body cannot touch this inbox";
}

std::vector<std::string> KindsOf(HttpClient& client) {
  std::vector<std::string> kinds;
  const auto inbox = client.Get("/api/v1/inbox?page_size=200").Json();
  for (const auto& item : inbox.at("items").as_array()) kinds.emplace_back(item.at("kind").as_string());
  return kinds;
}
std::vector<std::string> KindsOf(HttpClient&& client) { return KindsOf(client); }

TEST(Deadline, RemindersGoOneWorkingDayBeforeAndOnTheLastDayOnceEach) {
  // L01 runs from the complaint of Mon 2025-12-01: its last day is Mon 2025-12-08.
  TestServer server({.start_time = *ParseUtc("2025-12-04T02:00:00Z")});  // Thu 10:00 Beijing
  HttpClient handler = server.LoginAs("handler");
  ASSERT_EQ(handler.PostJson("/api/v1/cases", ScenarioOneComplaint()).status, 201);
  server.app().RunJobsOnce();
  EXPECT_TRUE(KindsOf(handler).empty()) << "two working days before: nothing yet";

  server.clock().Set(*ParseUtc("2025-12-05T01:00:00Z"));  // Fri 09:00, one working day before
  server.app().RunJobsOnce();
  server.app().RunJobsOnce();
  server.clock().Set(*ParseUtc("2025-12-06T01:00:00Z"));  // Saturday: still one working day before
  server.app().RunJobsOnce();
  handler = server.LoginAs("handler");
  auto kinds = KindsOf(handler);
  ASSERT_EQ(kinds, std::vector<std::string>{"deadline_due_soon"}) << "sent once";
  auto title = std::string(handler.Get("/api/v1/inbox").Json().at("items").at(0).at("title_zh").as_string());
  EXPECT_NE(title.find("2025-12-08"), std::string::npos) << title;
  EXPECT_TRUE(KindsOf(server.LoginAs("police")).empty()) << "only the responsible body";

  server.clock().Set(*ParseUtc("2025-12-08T01:00:00Z"));  // Mon 09:00, the last day
  server.app().RunJobsOnce();
  server.app().RunJobsOnce();
  handler = server.LoginAs("handler");
  EXPECT_EQ(KindsOf(handler), (std::vector<std::string>{"deadline_due_today", "deadline_due_soon"}));
}

TEST(Deadline, AClockMetInTimeIsNeverReported) {
  TestServer server({.start_time = *ParseUtc("2025-12-02T02:00:00Z")});
  HttpClient handler = server.LoginAs("handler");
  const std::int64_t id = CreateScenarioOneCase(handler);
  ASSERT_NE(id, 0) << "scenario one's complaint was not registered";
  ASSERT_EQ(handler.PostJson("/api/v1/cases/" + std::to_string(id) + "/steps",
                             {{"event", "accept_complaint"}, {"at", "2025-12-02T01:00:00Z"}}).status, 200);
  server.clock().Set(*ParseUtc("2026-06-01T00:00:00Z"));
  server.app().RunJobsOnce();
  handler = server.LoginAs("handler");
  auto inbox = handler.Get("/api/v1/inbox").Json();
  for (const auto& item : inbox.at("items").as_array()) {
    EXPECT_EQ(std::string(item.at("title_zh").as_string()).find("受理"), std::string::npos) << "L01 was met";
  }
}

}  // namespace
}  // namespace wagelink::testing
