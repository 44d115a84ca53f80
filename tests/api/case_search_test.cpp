// Free-text search of the case list (issue 16). A term of three characters or more is taken from
// the trigram index (case_search, migration 0030) when it is rare, a shorter or common one by reading
// the cases: either way a search finds exactly the cases whose number, title, employer or project
// contains the term. Checked against the list itself on both databases, with the index kept in step
// by the database (a new case, a changed title, the upgrade that builds it).
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

#include "app/application.h"
#include "store/case_repository.h"
#include "store/database.h"
#include "support/bulk_cases.h"
#include "support/case_api.h"
#include "support/schema_rollback.h"
#include "support/statement_log.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

struct Listed {
  std::int64_t id = 0;
  std::string searchable;  // number, title, employer and project, one per line
};

std::vector<Listed> Everything(HttpClient& client) {
  auto page = client.Get("/api/v1/cases?page_size=200").Json();
  EXPECT_LT(page.at("items").as_array().size(), 200u) << "one page should hold the demo district";
  std::vector<Listed> out;
  for (const auto& item : page.at("items").as_array()) {
    const auto& row = item.as_object();
    std::string searchable;
    for (const char* field : {"case_no", "title", "employer_name", "project_name"}) {
      searchable += std::string(row.at(field).as_string()) + "\n";
    }
    out.push_back({row.at("id").as_int64(), searchable});
  }
  return out;
}

struct Found {
  std::set<std::int64_t> ids;
  std::int64_t total = 0;
  bool at_least = false;
};

Found Search(HttpClient& client, const std::string& term, const std::string& more = "") {
  auto response = client.Get("/api/v1/cases?page_size=200&q=" + QueryValue(term) + more);
  EXPECT_EQ(response.status, 200) << term << ": " << response.body;
  Found found;
  const auto page = response.Json();
  for (const auto& item : page.at("items").as_array()) found.ids.insert(item.at("id").as_int64());
  found.total = page.at("total").as_int64();
  found.at_least = page.at("total_is_lower_bound").as_bool();
  return found;
}

std::set<std::int64_t> Containing(const std::vector<Listed>& cases, const std::string& term) {
  std::set<std::int64_t> out;
  for (const auto& c : cases) {
    if (c.searchable.find(term) != std::string::npos) out.insert(c.id);
  }
  return out;
}

// The test's own connection to the server's database, beside the server.
std::unique_ptr<store::Database> OpenDatabase(TestServer& server) {
  auto opened = store::Database::Open(server.database_url(), 1);
  EXPECT_TRUE(opened);
  return opened ? std::move(*opened) : nullptr;
}

TEST(CaseSearch, FindsExactlyTheCasesWhoseNumberTitleEmployerOrProjectHoldTheTerm) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  HttpClient leader = server.LoginAs("leader");
  const auto cases = Everything(leader);
  ASSERT_GE(cases.size(), 5u);
  // Short terms (no trigram: read), long ones (the index), a case number, none at all.
  std::vector<std::string> terms = {"公司", "某", "有限公司", "工程有限", "改造工程", "包工头", "滨海花园", "WL-20", "不存在的词语"};
  const auto some = Containing(cases, "改造工程").size();
  ASSERT_TRUE(some > 0 && some < cases.size()) << "a long term should pick some of the demo's cases, not all";
  terms.push_back(cases.front().searchable.substr(0, cases.front().searchable.find('\n')));  // a whole case number
  for (const auto& term : terms) {
    const auto expected = Containing(cases, term);
    const auto found = Search(leader, term);
    EXPECT_EQ(found.ids, expected) << term;
    EXPECT_EQ(found.total, static_cast<std::int64_t>(expected.size())) << term;
    EXPECT_FALSE(found.at_least) << term;
  }
  // The end of one field and the start of the next are not one text: "00001" + "某" finds nothing.
  const std::string& first = cases.front().searchable;
  const auto title_start = first.find('\n') + 1;
  std::size_t title_end = title_start + 1;  // past the title's first character (UTF-8 continuation bytes are 10xxxxxx)
  while ((first[title_end] & 0xC0) == 0x80) ++title_end;
  const std::string across = first.substr(title_start - 5, 4) + first.substr(title_start, title_end - title_start);
  EXPECT_EQ(Search(leader, across).total, 0) << across;
  // Within a need-to-know scope and with a state filter, the index's candidates are narrowed the same way.
  HttpClient police = server.LoginAs("police");
  const auto police_cases = Everything(police);
  ASSERT_LT(police_cases.size(), cases.size());
  const auto in_police_scope = Search(police, "有限公司");
  EXPECT_EQ(in_police_scope.ids, Containing(police_cases, "有限公司"));
  EXPECT_EQ(in_police_scope.total, static_cast<std::int64_t>(in_police_scope.ids.size()));
}

// Through the index the page is chosen among the found cases before they are read whole: every
// order and every page must still be the list's own order, narrowed to the matching cases.
TEST(CaseSearch, AnIndexedSearchPagesInEveryOrderAsTheListDoes) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  HttpClient leader = server.LoginAs("leader");
  const std::string term = "有限公司";  // through the index: three characters or more
  const auto matching = Containing(Everything(leader), term);
  ASSERT_GE(matching.size(), 5u) << "the demo district should hold several cases with the term";
  const auto ids_of = [&](const std::string& query) {
    auto response = leader.Get("/api/v1/cases?" + query);
    EXPECT_EQ(response.status, 200) << query << ": " << response.body;
    const auto page = response.Json();
    std::vector<std::int64_t> ids;
    for (const auto& item : page.at("items").as_array()) ids.push_back(item.at("id").as_int64());
    return ids;
  };
  for (const std::string sort : {"received_desc", "received_asc", "updated_desc", "outstanding_desc"}) {
    std::vector<std::int64_t> expected;
    for (auto id : ids_of("page_size=200&sort=" + sort)) {
      if (matching.contains(id)) expected.push_back(id);
    }
    std::vector<std::int64_t> paged;
    for (int page = 1; paged.size() < expected.size() && page <= 100; ++page) {
      const auto ids = ids_of("page_size=2&page=" + std::to_string(page) + "&sort=" + sort + "&q=" + QueryValue(term));
      if (ids.empty()) break;
      paged.insert(paged.end(), ids.begin(), ids.end());
    }
    EXPECT_EQ(paged, expected) << sort;
  }
}

// The long terms really come from the index, which the database keeps in step: emptied, a long
// term finds nothing while a short one still reads the cases; a new case and a changed title are
// in it at once.
TEST(CaseSearch, LongTermsComeFromTheTrigramIndexWhichFollowsEveryCase) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  HttpClient leader = server.LoginAs("leader");
  const auto companies = Search(leader, "有限公司");
  ASSERT_GT(companies.total, 0);
  auto database = OpenDatabase(server);
  ASSERT_TRUE(database);
  auto connection = database->Acquire();
  connection->Execute("DELETE FROM case_search", {});
  EXPECT_EQ(Search(leader, "有限公司").total, 0) << "a long term is looked up in the index";
  EXPECT_GT(Search(leader, "公司").total, 0) << "a two-character term reads the cases";

  HttpClient handler = server.LoginAs("handler");
  const std::int64_t id = CreateScenarioOneCase(handler);
  ASSERT_NE(id, 0);
  const std::string case_no(handler.Get(CasePath(id)).Json().at("case_no").as_string());
  EXPECT_EQ(Search(leader, case_no).ids, std::set<std::int64_t>{id}) << "a new case is in the index at once";
  connection->Execute("UPDATE cases SET title = '改过标题的欠薪案件' WHERE id = ?", {id});
  EXPECT_EQ(Search(leader, "改过标题").ids, std::set<std::int64_t>{id});
  EXPECT_EQ(Search(leader, "改过标题").total, 1);
}

// The limit on a term counts characters: a title of 100 Chinese characters (300 bytes) is found by
// the whole of it (a cut at 100 bytes split the 34th character and found nothing); a longer term,
// or bytes that are not UTF-8, are refused with the field named, not searched for.
TEST(CaseSearch, ATermOfAHundredChineseCharactersIsSearchedWholeALongerOrBrokenOneIsRefused) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  HttpClient leader = server.LoginAs("leader");
  const auto cases = Everything(leader);
  ASSERT_FALSE(cases.empty());
  std::string hundred;
  for (int i = 0; i < 50; ++i) hundred += "欠薪";
  auto database = OpenDatabase(server);
  ASSERT_TRUE(database);
  database->Acquire()->Execute("UPDATE cases SET title = ? WHERE id = ?", {hundred, cases.front().id});
  const auto found = Search(leader, hundred);
  EXPECT_EQ(found.ids, std::set<std::int64_t>{cases.front().id});
  EXPECT_EQ(found.total, 1);

  for (const std::string& refused : {QueryValue(hundred + "款"), std::string("%E6%AC%A0%FF%FE")}) {
    const auto response = leader.Get("/api/v1/cases?q=" + refused);
    EXPECT_EQ(response.status, 400) << refused << ": " << response.body;
    EXPECT_EQ(response.Json().at("field").as_string(), "q") << response.body;
  }
}

// Past the cap, a rare long term among many cases is still counted exactly (through the index),
// while a term common to them all is read and counted up to the cap.
TEST(CaseSearch, ARareTermAmongTenThousandCasesIsCountedExactly) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  HttpClient leader = server.LoginAs("leader");
  {
    auto database = OpenDatabase(server);
    ASSERT_TRUE(database);
    auto connection = database->Acquire();
    InsertBulkCases(*connection, 10050, "批量登记的欠薪案件");
  }
  const auto common = Search(leader, "批量登记");
  EXPECT_EQ(common.total, 10000);
  EXPECT_TRUE(common.at_least);
  const auto rare = Search(leader, "BULK-1004");  // 1004 and 10040 … 10049
  EXPECT_EQ(rare.total, 11);
  EXPECT_FALSE(rare.at_least);
  EXPECT_EQ(rare.ids.size(), 11u);
  EXPECT_EQ(Search(leader, "BULK-1004", "&state=complaint_received").total, 11);
  EXPECT_EQ(Search(leader, "BULK-1004", "&state=trial").total, 0);

  // The list's tabs in one request count the same, for both kinds of term.
  for (const auto& [term, every, received] : {std::tuple{"BULK-1004", 11, 11}, std::tuple{"批量登记", 10000, 10000}}) {
    const auto tabs = leader.Get("/api/v1/cases/counts?all=true&state=complaint_received,trial&q=" + QueryValue(term));
    ASSERT_EQ(tabs.status, 200) << tabs.body;
    const auto counts = tabs.Json().at("counts").as_array();
    ASSERT_EQ(counts.size(), 3u) << tabs.body;
    EXPECT_TRUE(counts[0].at("state").is_null());
    EXPECT_EQ(counts[0].at("total").as_int64(), every) << term;
    EXPECT_EQ(counts[1].at("state").as_string(), "complaint_received");
    EXPECT_EQ(counts[1].at("total").as_int64(), received) << term;
    EXPECT_EQ(counts[1].at("total_is_lower_bound").as_bool(), received == 10000) << term;
    EXPECT_EQ(counts[2].at("total").as_int64(), 0) << term;
    EXPECT_FALSE(counts[2].at("total_is_lower_bound").as_bool()) << term;
  }

  // Which plan each term took: the rare one selects among the ids the index found, the common one
  // (more than 10,000 found) reads the cases. Either way the index is asked once for a list, its
  // count and the tabs' counts, through one repository as a request uses it. The rare term's count
  // without a state or a party is the index's own (one row per case), and a list through the index
  // counts what its filter admits while choosing its page: only the lists and the count of a state
  // that was not listed select among the ids. The common term's count without a state or a party is
  // the index's too ("more than 10,000": it found 10,001). On SQLite the counts of a state read the
  // cases; on PostgreSQL the index is asked again with each state (migration 0031), which found more
  // than 10,000 in one and none in the other, whose list then selects among no ids.
  auto database = OpenDatabase(server);
  ASSERT_TRUE(database);
  auto connection = database->Acquire();
  const bool postgres = connection->dialect() == store::Dialect::kPostgres;
  const std::string_view among_ids = postgres ? "json_array_elements_text" : "json_each";
  for (const auto& [term, through_index] : {std::pair{"BULK-1004", true}, std::pair{"批量登记", false}}) {
    StatementLog log(*connection);
    store::CaseRepository cases(log);
    store::CaseFilter filter{.text = term};
    const store::CaseScope region{.all_in_region = true};
    EXPECT_EQ(cases.ListCases(region, filter, 20, 0).size(), through_index ? 11u : 20u) << term;
    EXPECT_EQ(cases.CountCases(region, filter).value, through_index ? 11 : 10000) << term;
    filter.states = {"complaint_received"};
    EXPECT_EQ(cases.CountCases(region, filter).value, through_index ? 11 : 10000) << term;
    EXPECT_EQ(cases.ListCases(region, filter, 5, 0).size(), 5u) << term;
    EXPECT_EQ(cases.CountCases(region, filter).value, through_index ? 11 : 10000) << term;
    filter.states = {"trial"};
    EXPECT_EQ(cases.CountCases(region, filter).value, 0) << term << ": what the list counted was for another state";
    EXPECT_EQ(cases.ListCases(region, filter, 5, 0).size(), 0u) << term;
    EXPECT_EQ(cases.CountCases(region, filter).value, 0) << term << ": an empty page counted nothing, so the count asks";
    EXPECT_EQ(log.Naming("case_search"), through_index || !postgres ? 1u : 3u) << term;
    EXPECT_EQ(log.Naming(among_ids), through_index ? 6u : postgres ? 1u : 0u) << term;
    EXPECT_EQ(log.Naming("LIMIT 10001) counted"), through_index || postgres ? 0u : 4u) << term << ": counts reading the cases";
  }
}

// A term common to more than 10,000 cases, within the cases one body is a party to or in one state:
// found and counted (up to the cap) whatever the way. On PostgreSQL the index holds each case's
// parties and state beside its text (migration 0031, kept by triggers as parties are added and
// states change) and finds them without reading the cases; the upgrade to 0031 fills the tags of
// the cases already stored.
TEST(CaseSearch, ACommonTermWithinOneBodysCasesOrOneStateIsFoundThroughTheIndexOfTextAndTags) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  HttpClient leader = server.LoginAs("leader");
  HttpClient police = server.LoginAs("police");
  auto database = OpenDatabase(server);
  ASSERT_TRUE(database);
  auto connection = database->Acquire();
  InsertBulkCases(*connection, 10050, "批量登记的欠薪案件");
  // The police are a party to 10,020 of them, the court to the first 30 (added after the cases,
  // as a transfer and a prosecution add them).
  // The running totals are recounted after each change, as InsertBulkCases does.
  const auto recount = [&] { RecountCaseTallies(*connection); };
  const auto add_party = [&](const char* body, std::int64_t from, std::int64_t to) {
    connection->Execute("INSERT INTO case_parties (case_id, body_code, since) SELECT id, ?, '2026-05-02T00:00:00Z' "
                        "FROM cases WHERE case_no LIKE 'BULK-%' AND CAST(substr(case_no, 6) AS INTEGER) BETWEEN ? AND ?",
                        {std::string(body), from, to});
    recount();
  };
  add_party("police", 1, 10020);
  add_party("court", 1, 30);

  const auto expect_counts = [&](const std::string& when) {
    const auto of_police = Search(police, "批量登记");
    EXPECT_EQ(of_police.total, 10000) << when;
    EXPECT_TRUE(of_police.at_least) << when;
    EXPECT_EQ(Search(police, "批量登记", "&state=complaint_received").total, 10000) << when;
    EXPECT_EQ(Search(police, "批量登记", "&state=trial").total, 0) << when;
    const auto of_court = Search(leader, "批量登记", "&party=court");
    EXPECT_EQ(of_court.total, 30) << when;
    EXPECT_FALSE(of_court.at_least) << when;
    EXPECT_EQ(of_court.ids.size(), 30u) << when;
    EXPECT_EQ(Search(leader, "批量登记", "&party=court&state=complaint_received").total, 30) << when;
    EXPECT_EQ(Search(police, "批量登记", "&party=court").total, 30) << when << ": both the police and the court";
  };
  expect_counts("as loaded");

  // How they were counted: on PostgreSQL by the look-up in the index of text and tags alone (the
  // police's; the police's in one state, as the term is common; the police's and the court's),
  // on SQLite by reading the cases.
  const bool postgres = connection->dialect() == store::Dialect::kPostgres;
  {
    StatementLog log(*connection);
    store::CaseRepository cases(log);
    const store::CaseScope of_police{.all_in_region = false, .body_code = "police"};
    EXPECT_EQ(cases.CountCases(of_police, {.states = {"complaint_received"}, .text = "批量登记"}).value, 10000);
    EXPECT_EQ(cases.CountCases(of_police, {.text = "批量登记", .party_body = "court"}).value, 30);
    EXPECT_EQ(log.Naming("tags @>"), postgres ? 3u : 0u);
    EXPECT_EQ(log.Naming("tags &&"), postgres ? 1u : 0u);
    EXPECT_EQ(log.Naming("COUNT(*)"), postgres ? 0u : 2u);
  }

  // A party added to a case already indexed is found with it, and a case in its new state.
  add_party("court", 31, 31);
  EXPECT_EQ(Search(leader, "批量登记", "&party=court").total, 31);
  connection->Execute("UPDATE cases SET state = 'trial' WHERE case_no = 'BULK-5'");
  recount();
  const auto on_trial = Search(police, "批量登记", "&state=trial");
  EXPECT_EQ(on_trial.total, 1);
  EXPECT_EQ(on_trial.ids.size(), 1u);
  EXPECT_EQ(Search(police, "批量登记", "&state=complaint_received").total, 10000);

  std::vector<std::string> applied;
  RollBackSchemaTo(*connection, 30);
  auto upgraded = app::OpenMigratedDatabase(server.app().config(), &applied);
  ASSERT_TRUE(upgraded) << upgraded.error().message_en;
  ASSERT_EQ(applied.size(), 1u);
  EXPECT_TRUE(applied.front().starts_with("0031_case_search_tags")) << applied.front();
  add_party("court", 32, 32);
  EXPECT_EQ(Search(leader, "批量登记", "&party=court").total, 32) << "after the upgrade";
  EXPECT_EQ(Search(police, "批量登记").total, 10000) << "after the upgrade";
  EXPECT_EQ(Search(police, "批量登记", "&state=trial").total, 1) << "after the upgrade";
}

// What makes the searches of 0031 fast is invisible in their answers: a migration without the
// two-column index, or one that replaced the trigram-only index with it, gives the same results at
// the old speed (bench/README.md: 60 against 727 ms; 218 against 95 ms). So the plans of the
// repository's own look-ups are read: on PostgreSQL a term within a body's cases or some states
// goes to the index of text and tags, a term alone to the trigram-only index; on SQLite every
// look-up goes to the FTS5 table. Sequential scans are ruled out, as a small test table would
// otherwise be read whole whatever the indexes.
TEST(CaseSearch, TheLookUpsInTheIndexUseTheIndexThatAnswersThemFastest) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  auto database = OpenDatabase(server);
  ASSERT_TRUE(database);
  auto connection = database->Acquire();
  InsertBulkCases(*connection, 10000, "批量登记的欠薪案件");
  // The police are a party to 20 of the 10,000 cases that hold the term: narrowing by the tags in
  // the index is then worth its while, as over 1,000,000 cases (with fewer cases, or a rare term,
  // the planner rightly checks the tags of the few cases the trigrams find). The whole table is
  // the statistics' sample, so the plan does not vary from run to run.
  connection->Execute("INSERT INTO case_parties (case_id, body_code, since) SELECT id, 'police', '2026-05-02T00:00:00Z' "
                      "FROM cases WHERE case_no LIKE 'BULK-%' AND CAST(substr(case_no, 6) AS INTEGER) <= 20");
  RecountCaseTallies(*connection);
  const bool postgres = connection->dialect() == store::Dialect::kPostgres;
  if (postgres) connection->Execute("ANALYZE case_search");
  if (postgres) connection->Execute("SET enable_seqscan = off");

  StatementLog log(*connection);
  store::CaseRepository cases(log);
  const store::CaseScope region{.all_in_region = true};
  const store::CaseScope of_police{.all_in_region = false, .body_code = "police"};
  EXPECT_EQ(cases.CountCases(region, {.text = "批量登记"}).value, 10000);
  EXPECT_EQ(cases.CountCases(of_police, {.text = "批量登记"}).value, 20);
  const auto plan_of = [&](const StatementLog::Statement& lookup) {
    std::string plan;
    connection->Stream((postgres ? "EXPLAIN " : "EXPLAIN QUERY PLAN ") + lookup.sql, lookup.params,
                       [&](const store::Row& r) { plan += r.Text(r.size() - 1) + "\n"; });
    return plan;
  };
  std::vector<std::string> plans;
  for (const auto& statement : log.statements()) {
    if (statement.sql.starts_with("SELECT case_id FROM case_search")) plans.push_back(plan_of(statement));
  }
  // On SQLite the parties are not in the index: both searches are one look-up, asked once.
  ASSERT_EQ(plans.size(), postgres ? 2u : 1u) << "one look-up for each search";
  if (postgres) {
    EXPECT_NE(plans[0].find("on case_search_searchable "), std::string::npos) << "a term alone:\n" << plans[0];
    EXPECT_NE(plans[1].find("on case_search_searchable_tags"), std::string::npos) << "within the police's cases:\n"
                                                                                    << plans[1];
    connection->Execute("RESET enable_seqscan");
  } else {
    for (const auto& plan : plans) EXPECT_NE(plan.find("VIRTUAL TABLE INDEX"), std::string::npos) << plan;
  }
}

// A new case's row in the index is written once, at its transaction's commit, with the parties
// and the state its transaction gave it: written at the case's insert, each party that followed
// would rewrite it and put all its trigrams into both indexes again (the import's PostgreSQL time
// grew by a third). Seen in PostgreSQL's own count of the rows the transaction wrote, with the
// deferred triggers fired before it ends; on SQLite (no tags) the row is written at the insert.
TEST(CaseSearch, ANewCasesRowInTheIndexIsWrittenOnceWithTheCasesFirstPartiesAndState) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  auto database = OpenDatabase(server);
  ASSERT_TRUE(database);
  auto connection = database->Acquire();
  const bool postgres = connection->dialect() == store::Dialect::kPostgres;
  connection->BeginTransaction();
  InsertBulkCaseRows(*connection, 3, "新登记的欠薪案件");
  connection->Execute("INSERT INTO case_parties (case_id, body_code, since) SELECT id, body, '2026-05-02T00:00:00Z' "
                      "FROM cases, (SELECT 'police' AS body UNION ALL SELECT 'procuratorate') bodies WHERE case_no LIKE 'BULK-%'");
  connection->Execute("UPDATE cases SET state = 'order_pending' WHERE case_no LIKE 'BULK-%'");
  if (postgres) {
    const auto written = [&] {
      std::pair<std::int64_t, std::int64_t> inserted_updated;
      connection->Stream("SELECT n_tup_ins, n_tup_upd FROM pg_stat_xact_user_tables WHERE relname = 'case_search'", {},
                         [&](const store::Row& r) { inserted_updated = {r.Int(0), r.Int(1)}; });
      return inserted_updated;
    };
    const auto [inserted_before, updated_before] = written();
    EXPECT_EQ(inserted_before, 0) << "nothing before the commit";
    EXPECT_EQ(updated_before, 0);
    connection->Execute("SET CONSTRAINTS ALL IMMEDIATE");
    const auto [inserted, updated] = written();
    EXPECT_EQ(inserted, 3) << "each row inserted once";
    EXPECT_EQ(updated, 0) << "and never rewritten";
  }
  connection->CommitTransaction();
  RecountCaseTallies(*connection);

  store::CaseRepository cases(*connection);
  const store::CaseScope of_procuratorate{.all_in_region = false, .body_code = "procuratorate"};
  EXPECT_EQ(cases.CountCases(of_procuratorate, {.states = {"order_pending"}, .text = "新登记的欠薪"}).value, 3);
  if (postgres) {
    std::vector<std::string> tags;
    connection->Stream("SELECT CAST(s.tags AS TEXT) FROM case_search s JOIN cases c ON c.id = s.case_id "
                       "WHERE c.case_no LIKE 'BULK-%' ORDER BY c.id",
                       {}, [&](const store::Row& r) { tags.push_back(r.Text(0)); });
    EXPECT_EQ(tags, std::vector<std::string>(3, "{state:order_pending,party:police,party:procuratorate}"));
  }
}

// Migration 0030 over a database without the index: the upgrade builds it from the stored cases.
TEST(CaseSearchMigration, TheUpgradeTo0030IndexesTheCasesAlreadyStored) {
  TestServer server({.start_time = *ParseUtc("2026-05-06T02:00:00Z"), .demo_scenarios = true});
  HttpClient leader = server.LoginAs("leader");
  const auto before = Search(leader, "有限公司");
  ASSERT_GT(before.total, 0);
  {
    auto database = OpenDatabase(server);
    ASSERT_TRUE(database);
    auto connection = database->Acquire();
    RollBackSchemaTo(*connection, 29);
  }
  std::vector<std::string> applied;
  auto upgraded = app::OpenMigratedDatabase(server.app().config(), &applied);
  ASSERT_TRUE(upgraded) << upgraded.error().message_en;
  ASSERT_GE(applied.size(), 1u);
  EXPECT_TRUE(applied.front().starts_with("0030_case_search")) << applied.front();
  EXPECT_EQ(Search(leader, "有限公司").ids, before.ids);
}

}  // namespace
}  // namespace wagelink::testing
