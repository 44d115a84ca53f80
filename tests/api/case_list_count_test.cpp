// The case list's count (issue 16): every filter without a search is counted exactly from the
// running totals (store/case_tally_repository.h), whatever the number of cases; a search is counted
// from the cases up to the cap, and says so. Checked against the cases the list itself returns, for
// the region and for a body's need-to-know scope, on both databases.
#include <gtest/gtest.h>

#include <algorithm>
#include <iterator>
#include <set>
#include <string>
#include <vector>

#include "app/application.h"
#include "domain/case_state.h"
#include "store/case_tally_repository.h"
#include "store/database.h"
#include "support/bulk_cases.h"
#include "support/schema_rollback.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

struct Counted {
  std::int64_t total = 0;
  bool at_least = false;
  std::size_t listed = 0;
};

Counted List(HttpClient& client, const std::string& query) {
  auto response = client.Get("/api/v1/cases?page_size=200&" + query);
  EXPECT_EQ(response.status, 200) << query << ": " << response.body;
  const auto page = response.Json();
  return {page.at("total").as_int64(), page.at("total_is_lower_bound").as_bool(), page.at("items").as_array().size()};
}

// The queries each caller's list is checked with: no filter, each state, several states, a party.
std::vector<std::string> QueriesFor(const std::string& own_body) {
  std::vector<std::string> queries = {"", "state=complaint_received,investigating,closed_paid,trial",
                                      "party=police", "party=police&state=police_investigating,trial,execution",
                                      "party=" + own_body};
  // Every state a case can be in, each asked for on its own.
  for (const auto state : domain::AllCaseStates()) queries.push_back("state=" + std::string(domain::CaseStateCode(state)));
  return queries;
}

TEST(CaseListCount, EveryFilterWithoutASearchIsExactAndComesFromTheRunningTotals) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  HttpClient leader = server.LoginAs("leader");
  HttpClient police = server.LoginAs("police");
  std::int64_t states_seen = 0;
  for (auto [client, body] : {std::pair{&leader, "leader"}, std::pair{&police, "police"}}) {
    for (const auto& query : QueriesFor(body)) {
      const auto counted = List(*client, query);
      EXPECT_EQ(counted.total, static_cast<std::int64_t>(counted.listed)) << body << " ?" << query;
      EXPECT_FALSE(counted.at_least) << body << " ?" << query;
      if (query.starts_with("state=") && counted.total > 0) ++states_seen;
    }
  }
  ASSERT_GT(states_seen, 8) << "the demo district's cases should be in many states";
  // Another body's cases within the caller's scope are the cases both lists hold.
  auto ids = [](HttpClient& client, const std::string& query) {
    std::set<std::int64_t> out;
    auto page = client.Get("/api/v1/cases?page_size=200&" + query).Json();
    for (const auto& item : page.at("items").as_array()) out.insert(item.at("id").as_int64());
    return out;
  };
  for (const std::string other : {"hrss", "procuratorate", "court"}) {
    std::set<std::int64_t> both;
    std::ranges::set_intersection(ids(leader, "party=" + other), ids(police, ""), std::inserter(both, both.end()));
    EXPECT_EQ(ids(police, "party=" + other), both) << other;
    EXPECT_EQ(List(police, "party=" + other).total, static_cast<std::int64_t>(both.size())) << other;
  }
  ASSERT_FALSE(ids(police, "party=hrss").empty()) << "labour inspection is a party to the police's cases";
  // A preset list's tabs, counted in one request, say what each tab's list holds.
  for (auto [client, body] : {std::pair{&leader, "leader"}, std::pair{&police, "police"}}) {
    const std::string states = "transferred,police_reviewing,closed_paid";
    auto tabs = client->Get("/api/v1/cases/counts?party=police&all=true&state=" + states);
    ASSERT_EQ(tabs.status, 200) << tabs.body;
    const auto counts = tabs.Json().at("counts").as_array();
    ASSERT_EQ(counts.size(), 4u) << tabs.body;
    EXPECT_EQ(counts[0].at("total").as_int64(), List(*client, "party=police").total) << body;
    std::size_t next = 1;
    for (const std::string state : {"transferred", "police_reviewing", "closed_paid"}) {
      EXPECT_EQ(counts[next].at("state").as_string(), state);
      EXPECT_EQ(counts[next].at("total").as_int64(), List(*client, "party=police&state=" + state).total) << body << " " << state;
      EXPECT_FALSE(counts[next++].at("total_is_lower_bound").as_bool());
    }
  }
  for (const auto& [query, field] : {std::pair{"state=transferred&all=yes", "all"}, std::pair{"state=nonsense", "state"},
                                     std::pair{"party=police", "state"}, std::pair{"all=false", "state"}}) {
    auto refused = police.Get(std::string("/api/v1/cases/counts?") + query);
    EXPECT_EQ(refused.status, 400) << refused.body;
    EXPECT_EQ(refused.Json().at("field").as_string(), field) << refused.body;
  }
  EXPECT_EQ(police.Get("/api/v1/cases/counts?state=transferred").Json().at("counts").as_array().size(), 1u)
      << "without all=true, only the states asked for";
  const auto region = List(leader, "");
  ASSERT_GT(region.total, List(police, "").total);
  // '*' names the region's totals, never a body: as a party filter it matches no case.
  EXPECT_EQ(List(leader, "party=*").total, 0);
  const auto searched = List(leader, "q=%E5%85%AC%E5%8F%B8");  // 公司
  ASSERT_GT(searched.total, 0);

  auto database = store::Database::Open(server.database_url(), 1);
  ASSERT_TRUE(database);
  auto connection = (*database)->Acquire();
  connection->Execute("DELETE FROM case_tallies", {});
  EXPECT_EQ(List(leader, "").total, 0) << "a list without a search is counted from the running totals";
  EXPECT_EQ(List(police, "state=police_investigating").total, 0);
  EXPECT_EQ(List(leader, "q=%E5%85%AC%E5%8F%B8").total, searched.total) << "a search is counted from the cases";

  connection->Execute("INSERT INTO case_tallies (scope, metric, value) VALUES ('', 'recount', 1)", {});
  store::CaseTallyRepository(*connection).RecountIfAsked();
  EXPECT_EQ(List(leader, "").total, region.total);
}

// Migration 0029 over a database whose totals have no state counts: the first start after the
// upgrade recounts, so the list's counts are right from the first request.
TEST(CaseTalliesMigration, TheUpgradeTo0029CountsTheStatesOfTheCasesAlreadyStored) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  HttpClient police = server.LoginAs("police");
  const auto before = List(police, "state=police_investigating,trial,execution,prosecution_review");
  ASSERT_GT(before.total, 0);
  {  // back to the totals before 0029
    auto database = store::Database::Open(server.app().config().database_url, 1);
    ASSERT_TRUE(database);
    auto connection = (*database)->Acquire();
    RollBackSchemaTo(*connection, 28);
  }
  ASSERT_EQ(List(police, "state=police_investigating,trial,execution,prosecution_review").total, 0);
  std::vector<std::string> applied;
  auto upgraded = app::OpenMigratedDatabase(server.app().config(), &applied);
  ASSERT_TRUE(upgraded) << upgraded.error().message_en;
  ASSERT_GE(applied.size(), 1u);
  EXPECT_TRUE(applied.front().starts_with("0029_case_tallies_by_state")) << applied.front();
  const auto after = List(police, "state=police_investigating,trial,execution,prosecution_review");
  EXPECT_EQ(after.total, before.total);
  EXPECT_EQ(after.total, static_cast<std::int64_t>(after.listed));
}

// Past the cap a count says "at least": 10,001 cases that a search matches count as 10,000 and more,
// and so do 10,001 access receipts (which before this counted 10,001 and said nothing).
TEST(CaseListCount, ASearchPastTheCapCountsTenThousandAndSaysThereAreMore) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  HttpClient leader = server.LoginAs("leader");
  const auto region = List(leader, "");
  {
    auto database = store::Database::Open(server.database_url(), 1);
    ASSERT_TRUE(database);
    auto connection = (*database)->Acquire();
    InsertBulkCases(*connection, 10001, "批量登记的欠薪案件");
    connection->Execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10001) "
                        "INSERT INTO pii_access_log (at, user_id, username, body_code, case_id, worker_id, field, purpose) "
                        "SELECT '2026-05-01T00:00:00Z', u.id, u.username, 'wage_office', w.case_id, w.id, 'id_number', "
                        "'核对身份以制作询问笔录' FROM n, (SELECT MIN(id) AS id FROM workers) first "
                        "JOIN workers w ON w.id = first.id, (SELECT MIN(id) AS id FROM users) one JOIN users u ON u.id = one.id");
  }
  const auto everything = List(leader, "");
  EXPECT_EQ(everything.total, region.total + 10001) << "without a search the count is exact past the cap";
  EXPECT_FALSE(everything.at_least);

  const auto searched = List(leader, "q=%E6%89%B9%E9%87%8F%E7%99%BB%E8%AE%B0");  // 批量登记
  EXPECT_EQ(searched.total, 10000);
  EXPECT_TRUE(searched.at_least) << "a search stops counting at 10,000 and says there are more";
  EXPECT_EQ(searched.listed, 200u);

  auto receipts = server.LoginAs("coordinator").Get("/api/v1/pii/access-receipts");
  ASSERT_EQ(receipts.status, 200) << receipts.body;
  EXPECT_EQ(receipts.Json().at("total").as_int64(), 10000);
  EXPECT_TRUE(receipts.Json().at("total_is_lower_bound").as_bool());
}

}  // namespace
}  // namespace wagelink::testing
