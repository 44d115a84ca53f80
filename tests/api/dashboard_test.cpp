// The dashboard (驾驶舱) through the API: its figures are checked against cases, payments and risks
// created through the API, within the caller's need-to-know scope, and against the clocks each case
// shows on its own page.
#include <gtest/gtest.h>

#include <map>

#include "store/case_tally_repository.h"
#include "store/database.h"
#include "support/case_api.h"
#include "support/case_branches.h"
#include "support/scenarios.h"
#include "support/schema_rollback.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

std::map<std::string, std::int64_t> Funnel(const boost::json::value& dashboard) {
  std::map<std::string, std::int64_t> out;
  for (const auto& s : dashboard.at("funnel").as_array()) out[std::string(s.at("stage").as_string())] = s.at("cases").as_int64();
  return out;
}

constexpr std::int64_t kScenarioOneOwedFen = 18'640'000;  // 186,400 yuan over 14 workers

TEST(Dashboard, FunnelMoneyAndTimelinessMatchTheCasesWithinTheCallersScope) {
  TestServer server({.start_time = *ParseUtc("2025-12-22T02:00:00Z")});
  HttpClient handler = server.LoginAs("handler");
  const std::int64_t ordered = CreateScenarioOneCase(handler), paid = CreateScenarioOneCase(handler);
  CreateScenarioOneCase(handler);  // received only
  ASSERT_EQ(Step(handler, ordered, "accept_complaint", "2025-12-01T03:00:00Z").status, 200);
  ASSERT_EQ(Step(handler, ordered, "issue_order", "2025-12-05T08:00:00Z",
                 {{"document", "rectification_order"}, {"deadline", "2025-12-10"}, {"service", "served"},
                  {"served_at", "2025-12-05T08:00:00Z"}}).status, 200);
  ASSERT_EQ(Step(handler, paid, "accept_complaint", "2025-12-01T03:00:00Z").status, 200);
  auto payment = handler.PostJson("/api/v1/cases/" + std::to_string(paid) + "/payments",
                                  {{"proportional", true}, {"amount_yuan", "186400"}, {"paid_on", "2025-12-20"},
                                   {"payer", "general_contractor"}});
  ASSERT_EQ(payment.status, 200) << payment.body;

  auto response = handler.Get("/api/v1/dashboard");
  ASSERT_EQ(response.status, 200) << response.body;
  const auto dashboard = response.Json();
  EXPECT_EQ(dashboard.at("as_of"), "2025-12-22T02:00:00Z");
  EXPECT_EQ(dashboard.at("scope"), "body");
  const auto funnel = Funnel(dashboard);
  EXPECT_EQ(funnel.at("received"), 3);
  EXPECT_EQ(funnel.at("accepted"), 2);
  EXPECT_EQ(funnel.at("ordered"), 1);
  EXPECT_EQ(funnel.at("transferred"), 0);
  EXPECT_EQ(funnel.at("filed"), 0);
  EXPECT_EQ(funnel.at("paid"), 1);
  const auto& money = dashboard.at("money");
  EXPECT_EQ(money.at("cases").as_int64(), 3);
  EXPECT_EQ(money.at("workers").as_int64(), 42);
  EXPECT_EQ(money.at("owed").at("fen").as_int64(), 3 * kScenarioOneOwedFen);
  EXPECT_EQ(money.at("paid").at("fen").as_int64(), kScenarioOneOwedFen);
  EXPECT_EQ(money.at("outstanding").at("yuan"), "372800.00");

  // Timeliness per body equals what the cases' own pages show for their duty clocks.
  std::map<std::string, std::map<std::string, std::int64_t>> expected;
  for (std::int64_t id : {ordered, paid, paid + 1}) {
    const auto detail = handler.Get("/api/v1/cases/" + std::to_string(id)).Json();  // outlives the loop
    for (const auto& clock : detail.at("clocks").as_array()) {
      if (clock.at("kind") != "duty") continue;
      const std::string body(clock.at("responsible_body").as_string());
      const std::string status(clock.at("status").as_string());
      ++expected[body][clock.at("stopped_at").is_null() ? "open" : status];
    }
  }
  ASSERT_FALSE(expected.empty()) << "accepted cases run statutory clocks";
  std::int64_t bodies = 0;
  for (const auto& row : dashboard.at("timeliness").as_array()) {
    const std::string body(row.at("body_code").as_string());
    auto& want = expected[body];
    EXPECT_EQ(row.at("met").as_int64(), want["met"]) << body;
    EXPECT_EQ(row.at("met_late").as_int64(), want["met_late"]) << body;
    EXPECT_EQ(row.at("not_met").as_int64(), want["not_met"]) << body;
    EXPECT_EQ(row.at("overdue").as_int64() + row.at("running").as_int64(), want["open"]) << body;
    ++bodies;
  }
  EXPECT_EQ(bodies, static_cast<std::int64_t>(expected.size()));

  // Need-to-know: the police are party to none of these cases; the leadership sees the region.
  const auto police = server.LoginAs("police").Get("/api/v1/dashboard").Json();
  EXPECT_EQ(Funnel(police).at("received"), 0);
  EXPECT_EQ(police.at("money").at("owed").at("fen").as_int64(), 0);
  EXPECT_TRUE(police.at("timeliness").as_array().empty());
  const auto leader = server.LoginAs("leader").Get("/api/v1/dashboard").Json();
  EXPECT_EQ(leader.at("scope"), "region");
  EXPECT_EQ(Funnel(leader).at("received"), 3);
  // 三员分立: the administrators hold no dashboard.read.
  EXPECT_EQ(server.LoginAs("sysadmin").Get("/api/v1/dashboard").status, 403);
  EXPECT_EQ(server.LoginAs("auditor").Get("/api/v1/dashboard").status, 403);
}

TEST(Dashboard, AClockRunningPastItsDueDateCountsAgainstTheOnTimeRateAtOnce) {
  TestServer server({.start_time = *ParseUtc("2025-12-22T02:00:00Z")});
  HttpClient handler = server.LoginAs("handler");
  const std::int64_t accepted = CreateScenarioOneCase(handler);
  CreateScenarioOneCase(handler);  // never accepted: its L01 is long past due and still running
  ASSERT_EQ(Step(handler, accepted, "accept_complaint", "2025-12-01T03:00:00Z").status, 200);

  const auto dashboard = handler.Get("/api/v1/dashboard").Json();
  bool found = false;
  for (const auto& row : dashboard.at("timeliness").as_array()) {
    if (row.at("body_code") != "hrss") continue;
    found = true;
    EXPECT_EQ(row.at("met").as_int64(), 1);
    EXPECT_EQ(row.at("overdue").as_int64(), 1);
    EXPECT_EQ(row.at("on_time_percent").as_int64(), 50) << "1 met in time out of 1 met + 1 overdue, not 1 of 1";
  }
  EXPECT_TRUE(found);
  // A body with nothing due yet has no rate (not 0 %, not 100 %).
  const auto before_anything = server.LoginAs("police").Get("/api/v1/dashboard").Json();
  EXPECT_TRUE(before_anything.at("timeliness").as_array().empty());
}

TEST(Dashboard, TheFunnelFollowsTheCriminalChainThroughJudgmentAndExecution) {
  TestServer server({.start_time = *ParseUtc(kAfterEveryBranch)});
  ASSERT_GT(WalkCaseBranch(server, "CriminalChainRunsFromFilingToExecutionAndTheWorkersArePaid"), 0);
  const auto funnel = Funnel(server.LoginAs("leader").Get("/api/v1/dashboard").Json());
  for (const char* stage : {"received", "accepted", "ordered", "transferred", "filed", "prosecuted", "judged", "executed"}) {
    EXPECT_EQ(funnel.at(stage), 1) << stage;
  }
}

TEST(Dashboard, ADecisionNotToProsecuteIsNoProsecution) {
  TestServer server({.start_time = *ParseUtc(kAfterEveryBranch)});
  ASSERT_GT(WalkCaseBranch(server, "NonProsecutionOpinionMustBeAnsweredBeforeClosing"), 0);
  const auto funnel = Funnel(server.LoginAs("leader").Get("/api/v1/dashboard").Json());
  EXPECT_EQ(funnel.at("filed"), 1);
  EXPECT_EQ(funnel.at("prosecuted"), 0);
}

// S7: labour inspection found the 60,000 yuan claimed were never owed; the case keeps the claim as
// claimed but nothing of it is outstanding, on the case or in 尚欠.
TEST(Dashboard, AClaimFoundToInvolveNoArrearsOwesNothing) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  HttpClient leader = server.LoginAs("leader");
  const auto list = leader.Get("/api/v1/cases?page_size=100").Json();
  std::int64_t owed_elsewhere = 0, paid_everywhere = 0, flagged = 0;
  for (const auto& c : list.at("items").as_array()) {
    paid_everywhere += c.at("paid").at("fen").as_int64();
    if (c.at("no_arrears_found").as_bool()) {
      ++flagged;
      EXPECT_EQ(c.at("owed").at("fen").as_int64(), 6'000'000) << "the claim stays as claimed";
      EXPECT_EQ(c.at("outstanding").at("fen").as_int64(), 0);
      const auto detail = leader.Get("/api/v1/cases/" + std::to_string(c.at("id").as_int64())).Json();
      EXPECT_TRUE(detail.at("no_arrears_found").as_bool());
      for (const auto& w : detail.at("workers").as_array()) EXPECT_EQ(w.at("outstanding").at("fen").as_int64(), 0);
    } else {
      owed_elsewhere += c.at("owed").at("fen").as_int64();
    }
  }
  EXPECT_EQ(flagged, 1) << "S7 only";
  const auto money = leader.Get("/api/v1/dashboard").Json().at("money");
  EXPECT_EQ(money.at("owed").at("fen").as_int64(), owed_elsewhere);
  EXPECT_EQ(money.at("outstanding").at("fen").as_int64(), owed_elsewhere - paid_everywhere);
}

// The case figures and the funnel are running totals (store/case_tally_repository.h), not counts over
// the cases: emptied, the dashboard shows nothing; asked for a recount (as a bulk load does), they
// come back exactly, once, however often the recount is asked for.
TEST(Dashboard, TheRunningTotalsAreWhatItShowsAndARecountRestoresThemOnce) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  auto database = store::Database::Open(server.database_url(), 1);
  ASSERT_TRUE(database);
  auto connection = (*database)->Acquire();
  auto asked = [&] { return connection->QueryOne("SELECT COUNT(*) FROM case_tallies WHERE scope = ''")->Int(0); };
  EXPECT_EQ(asked(), 0) << "the new table's recount ran when the server opened the database, once";
  HttpClient leader = server.LoginAs("leader");
  HttpClient police = server.LoginAs("police");
  const auto region = leader.Get("/api/v1/dashboard").Json();
  const auto scoped = police.Get("/api/v1/dashboard").Json();
  ASSERT_GT(region.at("money").at("cases").as_int64(), scoped.at("money").at("cases").as_int64());
  ASSERT_GT(Funnel(scoped).at("transferred"), 0);

  connection->Execute("DELETE FROM case_tallies", {});
  EXPECT_EQ(leader.Get("/api/v1/dashboard").Json().at("money").at("cases").as_int64(), 0);
  EXPECT_EQ(Funnel(police.Get("/api/v1/dashboard").Json()).at("transferred"), 0);

  connection->Execute("INSERT INTO case_tallies (scope, metric, value) VALUES ('', 'recount', 1)", {});
  store::CaseTallyRepository(*connection).RecountIfAsked();
  store::CaseTallyRepository(*connection).RecountIfAsked();
  EXPECT_EQ(asked(), 0);
  for (auto* client : {&leader, &police}) {
    const auto again = client->Get("/api/v1/dashboard").Json();
    const auto& before = client == &leader ? region : scoped;
    EXPECT_EQ(again.at("money"), before.at("money"));
    EXPECT_EQ(again.at("funnel"), before.at("funnel"));
  }
}

// Migrations 0028 and 0029 over a database of the schema before them, holding the demo scenarios' cases: the
// first start after the upgrade counts them, so the dashboard shows what it showed before.
TEST(CaseTalliesMigration, TheFirstStartAfterTheUpgradeCountsTheCasesAlreadyStored) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  HttpClient leader = server.LoginAs("leader");
  const auto before = leader.Get("/api/v1/dashboard").Json();
  ASSERT_GT(before.at("money").at("cases").as_int64(), 0);
  {  // back to the schema before 0028, with the cases as they are
    auto database = store::Database::Open(server.app().config().database_url, 1);
    ASSERT_TRUE(database);
    auto connection = (*database)->Acquire();
    RollBackSchemaTo(*connection, 27);
  }
  std::vector<std::string> applied;
  auto upgraded = app::OpenMigratedDatabase(server.app().config(), &applied);
  ASSERT_TRUE(upgraded) << upgraded.error().message_en;
  ASSERT_GE(applied.size(), 2u);
  EXPECT_TRUE(applied[0].starts_with("0028_case_tallies")) << applied[0];
  EXPECT_TRUE(applied[1].starts_with("0029_case_tallies_by_state")) << applied[1];
  const auto after = leader.Get("/api/v1/dashboard").Json();
  EXPECT_EQ(after.at("money"), before.at("money"));
  EXPECT_EQ(after.at("funnel"), before.at("funnel"));
  EXPECT_EQ(after.at("timeliness"), before.at("timeliness"));
}

TEST(Dashboard, RiskLevelsByMonthAndOpenRisksByLevel) {
  TestServer server({.start_time = *ParseUtc("2026-03-10T02:00:00Z")});
  HttpClient handler = server.LoginAs("handler");
  auto report = [&](const char* employer, boost::json::object indicators) {
    auto created = handler.PostJson("/api/v1/risks", {{"employer_name", employer},
                                                      {"employer_credit_code", ValidCreditCode("91110000MA0012345")},
                                                      {"workers_affected", 3},
                                                      {"amount_yuan", "20000"},
                                                      {"source", "inspection"},
                                                      {"indicators", indicators},
                                                      {"owner_body", "hrss"}});
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json();
  };
  const auto general = report("甲公司", {});
  const auto major = report("乙公司", {{"mass_incident_signal", true}});
  ASSERT_EQ(general.at("level"), "general");
  ASSERT_EQ(major.at("level"), "major");
  ASSERT_EQ(handler.PostJson("/api/v1/risks/" + std::to_string(general.at("id").as_int64()) + "/close",
                             {{"evidence", "工资已付清"}}).status, 200);

  const auto dashboard = handler.Get("/api/v1/dashboard").Json();
  const auto& risks = dashboard.at("risks");
  EXPECT_EQ(risks.at("since"), "2025-04-01T00:00:00Z") << "twelve months including this one";
  std::map<std::string, std::int64_t> by_month;
  for (const auto& r : risks.at("by_month").as_array()) {
    EXPECT_EQ(r.at("month"), "2026-03");
    by_month[std::string(r.at("level").as_string())] += r.at("risks").as_int64();
  }
  EXPECT_EQ(by_month, (std::map<std::string, std::int64_t>{{"general", 1}, {"major", 1}}));
  const auto& open = risks.at("open_by_level").as_array();
  ASSERT_EQ(open.size(), 1u) << "the closed risk is not open";
  EXPECT_EQ(open[0].at("level"), "major");
  EXPECT_EQ(open[0].at("open").as_int64(), 1);
}

}  // namespace
}  // namespace wagelink::testing
