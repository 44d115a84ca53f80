// The deadline sweep: overdue clocks are reported once to the responsible body and its
// supervisor, on the case timeline and in both inboxes; met clocks never are.
#include <gtest/gtest.h>

#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

TEST(Deadline, AnOverdueAcceptanceIsReportedOnceToLabourInspectionAndTheWageOffice) {
  TestServer server({.start_time = *ParseUtc("2025-12-08T10:00:00Z")});  // Mon 12-08 18:00, L01 still running
  HttpClient handler = server.LoginAs("handler");
  auto created = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
  ASSERT_EQ(created.status, 201);
  std::int64_t id = created.Json().at("id").as_int64();
  server.app().RunJobsOnce();
  EXPECT_EQ(handler.Get("/api/v1/inbox").Json().at("unread").as_int64(), 0) << "not due yet";

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

TEST(Deadline, AClockMetInTimeIsNeverReported) {
  TestServer server({.start_time = *ParseUtc("2025-12-02T02:00:00Z")});
  HttpClient handler = server.LoginAs("handler");
  auto created = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
  ASSERT_EQ(created.status, 201) << created.body;
  std::int64_t id = created.Json().at("id").as_int64();
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
