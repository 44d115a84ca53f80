// Bulletins (简报): figures equal what the data says, no personal data, distributed to every body,
// a dated immutable record (hash checked on read), periodic ones issued once by the job.
#include <gtest/gtest.h>

#include <set>

#include "support/case_branches.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

std::string CasePath(std::int64_t id, const std::string& rest = "") { return "/api/v1/cases/" + std::to_string(id) + rest; }

std::int64_t CountKind(HttpClient&& client, const std::string& kind) {
  std::int64_t n = 0;
  const auto inbox = client.Get("/api/v1/inbox?page_size=200").Json();
  for (const auto& item : inbox.at("items").as_array()) n += item.at("kind").as_string() == kind;
  return n;
}

TEST(Bulletin, OnDemandFiguresEqualTheDataAndCarryNoPersonalData) {
  TestServer server({.start_time = *ParseUtc("2025-12-04T02:00:00Z")});  // Thu 2025-12-04 10:00 Beijing
  HttpClient handler = server.LoginAs("handler");
  auto complaint = ScenarioOneComplaint();
  auto created = handler.PostJson("/api/v1/cases", complaint);
  ASSERT_EQ(created.status, 201) << created.body;
  auto id = created.Json().at("id").as_int64();
  auto paid = handler.PostJson(CasePath(id, "/payments"), {{"proportional", true}, {"amount_yuan", "120000"},
                                                          {"paid_on", "2025-12-04"}, {"payer", "general_contractor"}});
  ASSERT_EQ(paid.status, 200) << paid.body;
  server.clock().Set(*ParseUtc("2025-12-09T02:00:00Z"));  // the next week: outside the period asked for
  handler = server.LoginAs("handler");
  auto later = ScenarioOneComplaint();
  later["received_at"] = "2025-12-08T01:30:00Z";  // a complaint counts in the period it was received
  ASSERT_EQ(handler.PostJson("/api/v1/cases", later).status, 201);

  HttpClient coordinator = server.LoginAs("coordinator");
  auto issued = coordinator.PostJson("/api/v1/bulletins", {{"period", "on_demand"}, {"from", "2025-12-01"}, {"to", "2025-12-07"}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  auto bulletin = issued.Json();
  const auto& figures = bulletin.at("figures");
  std::int64_t workers = 0;
  std::int64_t owed_fen = 0;
  for (const auto& w : complaint.at("workers").as_array()) {
    ++workers;
    owed_fen += w.at("owed_yuan").to_number<std::int64_t>() * 100;
  }
  EXPECT_EQ(figures.at("new_complaints").at("cases"), 1) << "the second case is in the next week";
  EXPECT_EQ(figures.at("new_complaints").at("workers"), workers);
  EXPECT_EQ(figures.at("new_complaints").at("owed_fen"), owed_fen);
  EXPECT_EQ(figures.at("new_complaints").at("owed_yuan"), "186400.00");
  EXPECT_EQ(figures.at("payments").at("paid_fen"), 12'000'000);
  EXPECT_EQ(figures.at("payments").at("count"), 1);
  EXPECT_EQ(figures.at("steps").at("transfers_sent"), 0);
  EXPECT_EQ(figures.at("blacklist_entries"), 0);
  EXPECT_EQ(bulletin.at("period_start"), "2025-12-01");
  EXPECT_EQ(bulletin.at("generated_by"), "coordinator");
  EXPECT_TRUE(bulletin.at("hash_valid").as_bool());
  EXPECT_EQ(bulletin.at("sha256").as_string().size(), 64u);

  std::string text = issued.body;
  for (const auto& w : complaint.at("workers").as_array()) {
    EXPECT_EQ(text.find(std::string(w.at("name").as_string())), std::string::npos) << "worker name in the bulletin";
    EXPECT_EQ(text.find(std::string(w.at("id_number").as_string())), std::string::npos);
    EXPECT_EQ(text.find(std::string(w.at("phone").as_string())), std::string::npos);
  }

  for (const char* user : {"handler", "police", "prosecutor", "judge", "legalaid", "leader", "coordinator"}) {
    EXPECT_EQ(CountKind(server.LoginAs(user), "bulletin_issued"), 1) << user << " got it in the inbox";
  }
  auto path = "/api/v1/bulletins/" + std::to_string(bulletin.at("id").as_int64());
  HttpClient police = server.LoginAs("police");
  auto read = police.Get(path);
  ASSERT_EQ(read.status, 200);
  EXPECT_EQ(read.Json().at("figures"), figures);
  EXPECT_EQ(police.Get("/api/v1/bulletins").Json().at("items").as_array().size(), 1u);
  auto pdf = police.Get(path + "/pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body;
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  EXPECT_TRUE(pdf.body.starts_with("%PDF-"));
}

TEST(Bulletin, CriminalChainStepsCountInThePeriodTheyWereTakenIn) {
  TestServer server({.start_time = *ParseUtc(kAfterEveryBranch)});
  ASSERT_GT(WalkCaseBranch(server, "CriminalChainRunsFromFilingToExecutionAndTheWorkersArePaid"), 0);
  HttpClient coordinator = server.LoginAs("coordinator");
  auto steps_between = [&](const char* from, const char* to) {
    auto issued = coordinator.PostJson("/api/v1/bulletins", {{"period", "on_demand"}, {"from", from}, {"to", to}});
    EXPECT_EQ(issued.status, 201) << issued.body;
    return issued.Json().at("figures").at("steps").as_object();
  };
  auto whole = steps_between("2025-12-01", "2026-08-31");
  for (const char* figure : {"orders_issued", "transfers_sent", "cases_filed", "prosecutions", "judgments", "executions"}) {
    EXPECT_EQ(whole.at(figure), 1) << figure;
  }
  EXPECT_EQ(whole.at("filings_refused"), 0);
  // 2026-04: the procuratorate decides to prosecute (04-10); the court accepts the trial (04-13).
  auto april = steps_between("2026-04-01", "2026-04-30");
  EXPECT_EQ(april.at("prosecutions"), 1) << "decide_prosecution with decision prosecute";
  EXPECT_EQ(april.at("judgments"), 0);
  EXPECT_EQ(april.at("cases_filed"), 0);
}

TEST(Bulletin, ARecordCannotBeChangedThroughTheApiAndTamperingShowsOnRead) {
  TestServer server;
  HttpClient coordinator = server.LoginAs("coordinator");
  auto issued = coordinator.PostJson("/api/v1/bulletins", {{"period", "weekly"}});
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_EQ(issued.Json().at("period_start"), "2025-12-29") << "the week before Mon 2026-01-05";
  EXPECT_EQ(issued.Json().at("period_end"), "2026-01-04");
  EXPECT_EQ(coordinator.PostJson("/api/v1/bulletins", {{"period", "weekly"}}).status, 409) << "one per period";
  auto id = issued.Json().at("id").as_int64();
  auto path = "/api/v1/bulletins/" + std::to_string(id);
  EXPECT_EQ(coordinator.Delete(path).status, 405);
  EXPECT_EQ(coordinator.PutJson(path, {{"figures", "{}"}}).status, 405);
  {
    auto connection = server.app().database().Acquire();
    connection->Execute("UPDATE bulletins SET figures = replace(figures, '\"cases\":0', '\"cases\":9') WHERE id = ?", {id});
  }
  EXPECT_FALSE(coordinator.Get(path).Json().at("hash_valid").as_bool()) << "a change behind the API's back shows";
}

TEST(Bulletin, TheJobIssuesLastWeeksMonthsAndQuartersBulletinOnce) {
  TestServer server({.tweak = [](app::Config& c) { c.periodic_bulletins = true; }});
  server.app().RunJobsOnce();
  server.app().RunJobsOnce();
  HttpClient police = server.LoginAs("police");
  auto list = police.Get("/api/v1/bulletins").Json().at("items").as_array();
  ASSERT_EQ(list.size(), 3u);
  std::set<std::string> periods;
  for (const auto& b : list) periods.insert(std::string(b.at("period").as_string()) + " " + std::string(b.at("period_start").as_string()));
  EXPECT_EQ(periods, (std::set<std::string>{"weekly 2025-12-29", "monthly 2025-12-01", "quarterly 2025-10-01"}));
  EXPECT_EQ(CountKind(std::move(police), "bulletin_issued"), 3);
}

TEST(Bulletin, OnlyTheWageOfficeIssuesAndBadInputNamesTheField) {
  TestServer server;
  EXPECT_EQ(server.LoginAs("police").PostJson("/api/v1/bulletins", {{"period", "weekly"}}).status, 403);
  HttpClient coordinator = server.LoginAs("coordinator");
  auto bad = coordinator.PostJson("/api/v1/bulletins", {{"period", "daily"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json().at("field"), "period");
  auto missing = coordinator.PostJson("/api/v1/bulletins", {{"period", "on_demand"}, {"from", "2025-12-01"}});
  EXPECT_EQ(missing.status, 400);
  auto reversed = coordinator.PostJson("/api/v1/bulletins", {{"period", "on_demand"}, {"from", "2025-12-09"}, {"to", "2025-12-01"}});
  EXPECT_EQ(reversed.Json().at("field"), "to");
}

}  // namespace
}  // namespace wagelink::testing
