// The district's case rules (/api/v1/settings/case-rules): the operator chooses the threshold
// profile, enters the figures for a province the data leaves open (hebei), and decides whether
// the police filing review follows the economic-crime rules. Assessments follow at once.
#include <gtest/gtest.h>

#include <mutex>

#include <array>
#include <atomic>
#include <thread>
#include <vector>

#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr const char* kRules = "/api/v1/settings/case-rules";

boost::json::object ProfileOf(const boost::json::value& rules, std::string_view id) {
  for (const auto& p : rules.at("profiles").as_array()) {
    if (p.at("id").as_string() == id) return p.as_object();
  }
  ADD_FAILURE() << "no profile " << id;
  return {};
}

TEST(CaseRules, DefaultsShowEveryProfileWithItsStatusAndTheUnconfirmedFilingRule) {
  TestServer server;
  auto handler = server.LoginAs("handler");
  auto rules = handler.Get(kRules);
  ASSERT_EQ(rules.status, 200) << rules.body;
  auto json = rules.Json();
  EXPECT_EQ(json.at("threshold_profile").as_string(), "unset") << "a fresh install has no province chosen";
  EXPECT_FALSE(ProfileOf(json, "unset").at("configured").as_bool());
  EXPECT_FALSE(json.at("economic_crime_rules").as_bool());
  EXPECT_EQ(json.at("economic_crime_rules_basis").at("status").as_string(), "UNCONFIRMED");
  auto hebei = ProfileOf(json, "hebei");
  EXPECT_FALSE(hebei.at("configured").as_bool());
  EXPECT_EQ(hebei.at("status").as_string(), "UNCONFIRMED");
  EXPECT_TRUE(hebei.at("per_worker_yuan").is_null());
  EXPECT_EQ(ProfileOf(json, "national-min").at("per_worker_yuan").as_string(), "5000.00");
}

TEST(CaseRules, BadSettingsAreRefusedNamingTheFieldAndNothingChanges) {
  TestServer server;
  auto admin = server.LoginAs("sysadmin");
  struct Bad {
    boost::json::object body;
    std::string field_prefix;
  };
  const std::vector<Bad> cases = {
      {{{"threshold_profile", "atlantis"}}, "threshold_profile"},
      {{{"threshold_profile", 7}}, "threshold_profile"},
      {{{"economic_crime_rules", "yes"}}, "economic_crime_rules"},
      {{{"colour", "red"}}, "colour"},
      {{{"threshold_profile", "hebei"}, {"threshold_overrides", {{"hebei", {{"per_worker_yuan", 50000}, {"aggregate_yuan", 60000}}}}}},
       "threshold_overrides"},  // above the national maximum of 20,000
      {{{"threshold_overrides", {{"national-max", {{"per_worker_yuan", 10000}, {"aggregate_yuan", 50000}}}}}},
       "threshold_overrides"},  // the national bounds are the law's, not the operator's
      {{{"threshold_overrides", "hebei=10000"}}, "threshold_overrides"},
  };
  for (const auto& bad : cases) {
    auto r = admin.PutJson(kRules, bad.body);
    EXPECT_EQ(r.status, 400) << boost::json::serialize(bad.body) << "\n" << r.body;
    auto problem = r.Json();
    EXPECT_EQ(std::string(problem.at("field").as_string()).rfind(bad.field_prefix, 0), 0u) << r.body;
    EXPECT_FALSE(problem.at("detail").as_string().empty());
    EXPECT_FALSE(problem.at("detail_en").as_string().empty());
  }
  EXPECT_EQ(admin.Get(kRules).Json().at("threshold_profile").as_string(), "unset");
  EXPECT_EQ(server.LoginAs("handler").PutJson(kRules, {{"economic_crime_rules", true}}).status, 403)
      << "only settings.manage changes the rules";
}

TEST(CaseRules, HebeiFiguresEnteredByTheOperatorDecideTheNextAssessmentAndTheChangeIsAudited) {
  TestServer server({.start_time = *ParseUtc("2025-12-22T02:00:00Z")});
  auto admin = server.LoginAs("sysadmin");
  auto handler = server.LoginAs("handler");
  auto created = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
  ASSERT_EQ(created.status, 201) << created.body;
  const auto id = created.Json().at("id").as_int64();
  EXPECT_EQ(created.Json().at("assessment").at("amount_threshold").at("profile").as_string(), "unset");

  auto saved = admin.PutJson(kRules, {{"threshold_profile", "hebei"},
                                      {"threshold_overrides",
                                       {{"hebei", {{"per_worker_yuan", 10000}, {"aggregate_yuan", 50000},
                                                   {"document", "冀高法〔示例〕号（运营方录入）"}}}}}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  auto hebei = ProfileOf(saved.Json(), "hebei");
  EXPECT_TRUE(hebei.at("configured").as_bool());
  EXPECT_EQ(hebei.at("status").as_string(), "LOCAL") << "the operator vouches for entered figures";

  auto detail = handler.Get("/api/v1/cases/" + std::to_string(id)).Json();
  const auto& threshold = detail.at("assessment").at("amount_threshold");
  EXPECT_EQ(threshold.at("profile").as_string(), "hebei");
  EXPECT_EQ(threshold.at("per_worker_yuan"), boost::json::value(10000)) << detail.at("assessment");
  // `wagelink assess --db` decides with the same entered figures: the case, the API and the CLI agree.
  auto cli = RunWagelink({"assess", "--db", server.database_url(), "--data-dir", SourceDir() + "/data"},
                         boost::json::serialize(detail.at("assessment_input")));
  ASSERT_EQ(cli.exit_code, 0) << cli.output;
  EXPECT_EQ(boost::json::parse(cli.output), detail.at("assessment"));
  auto shipped = RunWagelink({"assess", "--data-dir", SourceDir() + "/data"}, boost::json::serialize(detail.at("assessment_input")));
  ASSERT_EQ(shipped.exit_code, 0) << shipped.output;
  EXPECT_NE(boost::json::parse(shipped.output), detail.at("assessment")) << "without --db the shipped data leave hebei open";

  auto assessed = handler.PostJson("/api/v1/assessments", {{"province", "hebei"},
                                                           {"workers_count", 12},
                                                           {"total_owed_yuan", 60000},
                                                           {"conduct", "abscond"},
                                                           {"order", {{"issued", true}, {"delivery", "served"},
                                                                      {"deadline_passed", true}, {"paid_in_full", false}}},
                                                           {"paid_stage", "none"},
                                                           {"serious_consequence", false}});
  ASSERT_EQ(assessed.status, 200) << assessed.body;
  EXPECT_TRUE(assessed.Json().at("amount_threshold").at("met").as_bool()) << "60,000 ≥ the entered 50,000";

  auto audit = server.LoginAs("auditor").Get("/api/v1/audit?action=settings.case_rules_change");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("settings.case_rules_change"), std::string::npos) << audit.body;
}

// The district's rules are reloaded every 30 s and the old ones freed once nobody holds them. A case
// read that is building its answer when that happens must still have the rules its clocks point
// into (the soak found a response serialised from freed rules; the sanitized build of this test
// reads freed memory without the fix).
TEST(CaseRules, CaseReadsWhileTheRulesAreReloadedNeverUseFreedRules) {
  TestServer server({.start_time = *ParseUtc("2025-12-01T04:00:00Z")});
  auto handler = server.LoginAs("handler");
  auto created = handler.PostJson("/api/v1/cases", ScenarioOneComplaint());
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string path = "/api/v1/cases/" + std::to_string(created.Json().at("id").as_int64());
  ASSERT_FALSE(handler.Get(path).Json().at("clocks").as_array().empty()) << "the case runs a clock with its rule";

  std::atomic<bool> stop{false};
  std::atomic<int> reads{0}, wrong{0};
  std::mutex first_wrong_mutex;
  std::string first_wrong;  // the first answer that was not a case with its clocks' citations
  std::vector<std::thread> readers;
  // Each reader reads after every reload: a reader starved through an hour of advanced clock would
  // see its session idle out (a 401 that is no finding of this test).
  std::array<std::atomic<int>, 3> reads_by{};
  for (int i = 0; i < 3; ++i) {
    readers.emplace_back([&, i] {
      auto reader = server.LoginAs("handler");
      while (!stop) {
        auto response = reader.Get(path);
        const auto json = response.Json();
        if (response.status != 200 || json.at("clocks").as_array().front().as_object().if_contains("citation") == nullptr) {
          std::lock_guard lock(first_wrong_mutex);
          if (wrong++ == 0) first_wrong = std::to_string(response.status) + " " + response.body.substr(0, 600);
        }
        ++reads;
        ++reads_by[i];
      }
    });
  }
  for (int reloads = 0; reloads < 300 && wrong == 0; ++reloads) {
    std::array<int, 3> before{};
    for (std::size_t r = 0; r < before.size(); ++r) before[r] = reads_by[r];
    server.clock().Advance(31);  // past the reload interval: the next read loads the rules anew
    // Two more reads each: the second began after the advance.
    for (std::size_t r = 0; r < before.size(); ++r) {
      while (reads_by[r] < before[r] + 2 && wrong == 0) std::this_thread::yield();
    }
  }
  stop = true;
  for (auto& reader : readers) reader.join();
  EXPECT_EQ(wrong, 0) << first_wrong;
  EXPECT_GE(reads, 900);
}

}  // namespace
}  // namespace wagelink::testing
