// The crime-elements assessment through the API and the CLI, and the reference data behind it.
#include <gtest/gtest.h>

#include "support/test_server.h"

namespace wagelink::testing {
namespace {

boost::json::object S1Input(const std::string& province) {
  boost::json::array workers;
  // 14 workers, 186,400 yuan in total, largest 21,300, 7 months unpaid (SCENARIOS.md S1).
  const int amounts[] = {21300, 15200, 14800, 14100, 13900, 13500, 13200, 12800, 12600, 12400, 11500, 11000, 10200, 9900};
  for (int a : amounts) workers.push_back({{"owed_yuan", a}, {"months_unpaid", 7}});
  return {{"province", province},
          {"workers", workers},
          {"conduct", "abscond"},
          {"order", {{"issued", true}, {"delivery", "posted_at_site"}, {"deadline_passed", true}, {"paid_in_full", false}}},
          {"paid_stage", "none"},
          {"serious_consequence", false}};
}

TEST(Assessment, ApiRecommendsTransferForScenarioOneUnderEveryConfiguredProfile) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  for (const char* profile : {"national-min", "national-max", "jiangsu", "chongqing", "hunan"}) {
    auto response = handler.PostJson("/api/v1/assessments", S1Input(profile));
    ASSERT_EQ(response.status, 200) << response.body;
    auto body = response.Json().as_object();
    EXPECT_EQ(body.at("recommendation").as_string(), "transfer") << profile;
    EXPECT_TRUE(body.at("crime_elements_met").as_bool()) << profile;
    EXPECT_EQ(body.at("sentence_band").as_string(), "up_to_3_years");
    EXPECT_TRUE(body.at("blacklist_eligible").as_bool());
    EXPECT_TRUE(body.at("amount_threshold").at("met").as_bool());
  }
}

TEST(Assessment, ApiSaysHebeiMustBeConfiguredInsteadOfGuessingBetweenTheNationalBounds) {
  TestServer server;
  auto input = S1Input("hebei");
  boost::json::array workers;
  for (int i = 0; i < 11; ++i) workers.push_back({{"owed_yuan", 5000}, {"months_unpaid", 4}});  // 55,000 in all
  input["workers"] = std::move(workers);
  auto response = server.LoginAs("handler").PostJson("/api/v1/assessments", input);
  ASSERT_EQ(response.status, 200);
  EXPECT_TRUE(response.Json().at("amount_threshold").at("met").is_null());
  EXPECT_EQ(response.Json().at("recommendation").as_string(), "consult");
  // Above the national upper bound the amount is large in every province, Hebei's figure or not.
  auto above = server.LoginAs("handler").PostJson("/api/v1/assessments", S1Input("hebei"));
  EXPECT_TRUE(above.Json().at("amount_threshold").at("met").as_bool());
}

TEST(Assessment, BadInputNamesTheField) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  auto input = S1Input("national-min");
  input["conduct"] = "ran_away";
  auto response = handler.PostJson("/api/v1/assessments", input);
  EXPECT_EQ(response.status, 400);
  EXPECT_EQ(response.Json().at("field").as_string(), "conduct");
  input = S1Input("atlantis");
  EXPECT_EQ(handler.PostJson("/api/v1/assessments", input).status, 400);
  input = S1Input("national-min");
  input["workers"].as_array()[3].as_object()["owed_yuan"] = -5;
  response = handler.PostJson("/api/v1/assessments", input);
  EXPECT_EQ(response.status, 400);
  EXPECT_NE(std::string(response.Json().at("field").as_string()).find("workers[3]"), std::string::npos) << response.body;
}

TEST(Assessment, OnlyBusinessUsersMayAssess) {
  TestServer server;
  EXPECT_EQ(server.LoginAs("auditor").PostJson("/api/v1/assessments", S1Input("national-min")).status, 403);
  EXPECT_EQ(server.Client().PostJson("/api/v1/assessments", S1Input("national-min")).status, 401);
}

TEST(Assessment, CliReadsStdinAndPrintsTheSameAssessment) {
  auto result = RunWagelink({"assess", "--data-dir", SourceDir() + "/data"}, boost::json::serialize(S1Input("national-max")));
  ASSERT_EQ(result.exit_code, 0) << result.output;
  auto body = boost::json::parse(result.output).as_object();
  EXPECT_EQ(body.at("recommendation").as_string(), "transfer");
  auto bad = RunWagelink({"assess", "--data-dir", SourceDir() + "/data"}, "{\"province\": 5}");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.output.find("province"), std::string::npos) << bad.output;
}

TEST(Assessment, CalendarCliCountsWorkingDaysOnTheOfficialCalendar) {
  auto run = [](const std::string& date, const std::string& n) {
    return RunWagelink({"calendar", "add-working-days", date, n, "--data-dir", SourceDir() + "/data"});
  };
  EXPECT_EQ(run("2025-12-01", "5").output, "2025-12-08\n");
  EXPECT_EQ(run("2026-02-13", "1").output, "2026-02-14\n") << "make-up Saturday before 春节 2026";
  EXPECT_EQ(run("2026-02-14", "1").output, "2026-02-24\n") << "春节 2026-02-15..23 are off";
  EXPECT_EQ(run("2025-09-30", "1").output, "2025-10-09\n") << "国庆+中秋 2025-10-01..08";
  auto uncertain = run("2026-12-30", "3");
  EXPECT_EQ(uncertain.exit_code, 4);
  EXPECT_NE(uncertain.output.find("uncertain"), std::string::npos);
  EXPECT_NE(run("2025-02-30", "1").exit_code, 0);
}

TEST(Assessment, ReferenceDataIsShownWithCitations) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  auto limits = handler.Get("/api/v1/reference/time-limits").Json();
  bool saw_l06 = false;
  for (const auto& rule : limits.at("rules").as_array()) {
    if (rule.at("id") == "L06") {
      saw_l06 = true;
      EXPECT_EQ(rule.at("limit").as_int64(), 3);
      EXPECT_NE(std::string(rule.at("citation").as_string()).find("310"), std::string::npos);
    }
  }
  EXPECT_TRUE(saw_l06);
  EXPECT_EQ(handler.Get("/api/v1/reference/calendar?year=2026").Json().at("items").as_array().size(), 1u);
  EXPECT_EQ(handler.Get("/api/v1/reference/calendar?year=2031").status, 404);
  EXPECT_EQ(handler.Get("/api/v1/reference/thresholds").status, 200);
}

}  // namespace
}  // namespace wagelink::testing
