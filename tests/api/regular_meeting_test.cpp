// The regular joint meeting (定期联席会议) convened by the job once per block of months (quarterly
// by default), with its agenda built from the data and every body told.
#include <gtest/gtest.h>

#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

TEST(RegularMeeting, TheJobConvenesOneMeetingPerQuarterWithTheAgendaFromTheData) {
  TestServer server({.tweak = [](app::Config& c) { c.regular_meeting_every_months = 3; }});  // Mon 2026-01-05
  ASSERT_EQ(server.LoginAs("handler").PostJson("/api/v1/risks", MajorRiskOwnedByHrss()).status, 201);
  server.app().RunJobsOnce();
  server.app().RunJobsOnce();
  HttpClient coordinator = server.LoginAs("coordinator");
  auto list = coordinator.Get("/api/v1/meetings").Json().at("items").as_array();
  ASSERT_EQ(list.size(), 1u) << "once per quarter, however often the job runs";
  EXPECT_EQ(list[0].at("kind"), "regular");
  EXPECT_EQ(list[0].at("scheduled_at"), "2026-01-12T01:30:00Z") << "a week ahead, 09:30 Beijing";
  EXPECT_NE(std::string(list[0].at("title").as_string()).find("2026年第1季度"), std::string::npos);
  auto meeting = coordinator.Get("/api/v1/meetings/" + std::to_string(list[0].at("id").as_int64())).Json();
  bool has_major_risk = false;
  for (const auto& item : meeting.at("agenda").as_array()) has_major_risk |= item.at("source").as_string() == "major_risk";
  EXPECT_TRUE(has_major_risk) << "the agenda is built from the data";
  std::int64_t told = 0;
  const auto police_inbox = server.LoginAs("police").Get("/api/v1/inbox?page_size=200").Json();
  for (const auto& item : police_inbox.at("items").as_array()) told += item.at("kind").as_string() == "meeting_scheduled";
  EXPECT_EQ(told, 1) << "every body is told";

  server.clock().Set(*ParseUtc("2026-04-01T01:00:00Z"));  // the second quarter
  server.app().RunJobsOnce();
  EXPECT_EQ(server.LoginAs("coordinator").Get("/api/v1/meetings").Json().at("items").as_array().size(), 2u);
}

}  // namespace
}  // namespace wagelink::testing
