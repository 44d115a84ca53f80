// The working-day calendar in force (/api/v1/settings/calendar): years with their source (entered
// notice / data file / statutory fallback), holiday-notice entry by the system administrator with
// validation and audit, recomputation of the open clocks a notice moves (timeline + inbox), the CLI
// answering from the database, and the per-rule time-limit overrides of the case rules.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr const char* kCalendar = "/api/v1/settings/calendar";
constexpr const char* kNotices = "/api/v1/settings/calendar/notices";
constexpr const char* kRules = "/api/v1/settings/case-rules";

// A 2027 notice (hypothetical days: the real one is not published; shared with the domain tests):
// 春节 runs to 02-12 and Saturday 02-20 is a make-up working day, so a 60-working-day period
// through February moves.
boost::json::object Notice2027() {
  return boost::json::parse(ReadFile(SourceDir() + "/tests/api/data/holiday_notice_2027.json")).as_object();
}

boost::json::object YearOf(const boost::json::value& list, std::int64_t year) {
  for (const auto& y : list.at("years").as_array()) {
    if (y.at("year").as_int64() == year) return y.as_object();
  }
  ADD_FAILURE() << "no year " << year;
  return {};
}

boost::json::object ClockOf(const boost::json::value& detail, const std::string& rule) {
  for (const auto& c : detail.at("clocks").as_array()) {
    if (c.at("rule_id").as_string() == rule) return c.as_object();
  }
  ADD_FAILURE() << "no clock " << rule;
  return {};
}

HttpResponse Step(HttpClient& client, std::int64_t id, const std::string& event, const std::string& at,
                  boost::json::object payload = {}) {
  return client.PostJson("/api/v1/cases/" + std::to_string(id) + "/steps",
                         boost::json::object{{"event", event}, {"at", at}, {"payload", payload}});
}

std::int64_t CreateComplaint(HttpClient& handler, const std::string& received_at) {
  auto complaint = ScenarioOneComplaint();
  complaint["received_at"] = received_at;
  auto created = handler.PostJson("/api/v1/cases", complaint);
  EXPECT_EQ(created.status, 201) << created.body;
  return created.Json().at("id").as_int64();
}

CommandResult AddWorkingDays(const std::vector<std::string>& extra) {
  std::vector<std::string> args{"calendar", "add-working-days", "2026-12-31", "1", "--data-dir", SourceDir() + "/data"};
  args.insert(args.end(), extra.begin(), extra.end());
  return RunWagelink(args);
}

TEST(Calendar, EveryYearIsListedWithItsSourceAndTheFallbackIsProvisional) {
  TestServer server;
  auto handler = server.LoginAs("handler");
  auto list = handler.Get(kCalendar);
  ASSERT_EQ(list.status, 200) << list.body;
  auto json = list.Json();
  EXPECT_EQ(YearOf(json, 2026).at("source").as_string(), "file");
  EXPECT_FALSE(YearOf(json, 2026).at("provisional").as_bool());
  auto y2027 = YearOf(json, 2027);
  EXPECT_EQ(y2027.at("source").as_string(), "statutory");
  EXPECT_TRUE(y2027.at("provisional").as_bool());
  EXPECT_EQ(y2027.at("holidays").as_array().front().at("from").as_string(), "2027-01-01");
  EXPECT_TRUE(y2027.at("make_up_workdays").as_array().empty());
  EXPECT_EQ(YearOf(json, 2035).at("source").as_string(), "statutory");
  EXPECT_EQ(json.at("holiday_names").as_array().size(), 7u);
}

TEST(Calendar, CliCountsThroughTheStatutoryNewYearsDayAndWarns) {
  auto result = AddWorkingDays({});
  EXPECT_EQ(result.exit_code, 4);
  EXPECT_EQ(result.output.substr(0, 11), "2027-01-04\n") << result.output;
  EXPECT_NE(result.output.find("uncertain"), std::string::npos);
  EXPECT_NE(result.output.find("2027"), std::string::npos);
}

TEST(Calendar, OnlyTheSystemAdministratorEntersANotice) {
  TestServer server;
  for (const char* user : {"handler", "head", "secadmin", "auditor", "leader"}) {
    EXPECT_EQ(server.LoginAs(user).PostJson(kNotices, Notice2027()).status, 403) << user;
  }
  EXPECT_EQ(server.Client().PostJson(kNotices, Notice2027()).status, 401);
  EXPECT_EQ(YearOf(server.LoginAs("handler").Get(kCalendar).Json(), 2027).at("source").as_string(), "statutory");
}

TEST(Calendar, BadNoticesAreRefusedNamingTheFieldAndNothingIsStored) {
  TestServer server({.start_time = *ParseUtc("2026-12-03T02:00:00Z")});
  auto admin = server.LoginAs("sysadmin");
  struct Bad {
    boost::json::object body;
    std::string field;
  };
  std::vector<Bad> cases;
  auto without_mid_autumn = Notice2027();
  without_mid_autumn["holidays"].as_array().erase(without_mid_autumn["holidays"].as_array().begin() + 5);
  cases.push_back({without_mid_autumn, "holidays"});
  auto weekday_make_up = Notice2027();
  weekday_make_up["make_up_workdays"].as_array()[0].as_object()["date"] = "2027-02-22";
  cases.push_back({weekday_make_up, "make_up_workdays[0]"});
  auto unordered = Notice2027();
  std::swap(unordered["holidays"].as_array()[0], unordered["holidays"].as_array()[1]);
  cases.push_back({unordered, "holidays[1]"});
  auto unknown = Notice2027();
  unknown["approved"] = true;
  cases.push_back({unknown, "approved"});
  auto future = Notice2027();
  future["issued"] = "2026-12-20";
  cases.push_back({future, "issued"});
  auto outside = Notice2027();
  outside["make_up_workdays"].as_array()[0].as_object()["date"] = "2028-01-08";
  cases.push_back({outside, "make_up_workdays[0]"});
  for (const auto& bad : cases) {
    auto r = admin.PostJson(kNotices, bad.body);
    EXPECT_EQ(r.status, 400) << bad.field << "\n" << r.body;
    auto problem = r.Json();
    EXPECT_EQ(std::string(problem.at("field").as_string()).rfind(bad.field, 0), 0u) << r.body;
    EXPECT_FALSE(problem.at("detail").as_string().empty());
  }
  EXPECT_EQ(YearOf(admin.Get(kCalendar).Json(), 2027).at("source").as_string(), "statutory");
}

TEST(Calendar, ANoticeMovesOpenClocksTellsTheirOwnersAndTheCliReadsIt) {
  TestServer server({.start_time = *ParseUtc("2026-12-03T02:00:00Z")});
  auto handler = server.LoginAs("handler");
  auto admin = server.LoginAs("sysadmin");
  const std::int64_t id = CreateComplaint(handler, "2026-12-01T01:30:00Z");
  ASSERT_EQ(Step(handler, id, "accept_complaint", "2026-12-02T02:00:00Z").status, 200);
  const std::string path = "/api/v1/cases/" + std::to_string(id);
  // 60 working days from 2026-12-02 on the statutory fallback: 元旦 and 春节 (02-05..02-08) skipped.
  auto before = ClockOf(handler.Get(path).Json(), "L02");
  EXPECT_EQ(before.at("due_date").as_string(), "2027-03-01");
  EXPECT_TRUE(before.at("uncertain").as_bool());
  EXPECT_EQ(before.at("status").as_string(), "uncertain");
  EXPECT_NE(std::string(before.at("explanation_zh").as_string()).find("调休上班日"), std::string::npos);
  EXPECT_EQ(AddWorkingDays({"--db", server.database_url()}).exit_code, 4) << "no notice in the database yet";

  auto entered = admin.PostJson(kNotices, Notice2027());
  ASSERT_EQ(entered.status, 200) << entered.body;
  EXPECT_EQ(entered.Json().at("source").as_string(), "notice");
  EXPECT_EQ(entered.Json().at("version").as_int64(), 1);
  EXPECT_EQ(entered.Json().at("clocks_moved").as_int64(), 1);

  // 春节 now runs to 02-12 and Saturday 02-20 works: 45 days by 02-04, then 02-15..02-20, 02-22..03-04.
  auto detail = handler.Get(path).Json();
  auto after = ClockOf(detail, "L02");
  EXPECT_EQ(after.at("due_date").as_string(), "2027-03-04");
  EXPECT_FALSE(after.at("uncertain").as_bool());
  EXPECT_EQ(after.at("status").as_string(), "running");
  EXPECT_NE(std::string(after.at("explanation_zh").as_string()).find("原期满日 2027-03-01"), std::string::npos);
  bool on_timeline = false;
  for (const auto& e : detail.at("timeline").as_array()) {
    if (e.at("event").as_string() != "clock_due_changed") continue;
    on_timeline = true;
    EXPECT_EQ(e.at("payload").at("old_due_date").as_string(), "2027-03-01");
    EXPECT_EQ(e.at("payload").at("new_due_date").as_string(), "2027-03-04");
    EXPECT_EQ(e.at("event_zh").as_string(), "期满日因放假通知调整");
  }
  EXPECT_TRUE(on_timeline);
  bool told = false;
  const auto inbox = handler.Get("/api/v1/inbox").Json();  // kept: the loop reads into it
  for (const auto& n : inbox.at("items").as_array()) {
    if (n.at("kind").as_string() == "clock_due_changed") {
      told = true;
      EXPECT_NE(std::string(n.at("title_zh").as_string()).find("2027-03-04"), std::string::npos);
    }
  }
  EXPECT_TRUE(told) << "the responsible body (人社) is told";

  auto listed = YearOf(admin.Get(kCalendar).Json(), 2027);
  EXPECT_EQ(listed.at("source").as_string(), "notice");
  EXPECT_EQ(listed.at("document").as_string(), "国办发明电〔2026〕99号");
  EXPECT_EQ(listed.at("entered_by").as_string(), "系统管理员");

  auto from_db = AddWorkingDays({"--db", server.database_url()});
  EXPECT_EQ(from_db.exit_code, 0) << from_db.output;
  EXPECT_EQ(from_db.output, "2027-01-04\n");

  auto audit = server.LoginAs("auditor").Get("/api/v1/audit?q=settings.holiday_notice_enter");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("settings.holiday_notice_enter"), std::string::npos) << audit.body;

  // Replacing the notice with the same days moves nothing more and bumps the version.
  auto again = admin.PostJson(kNotices, Notice2027());
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(again.Json().at("version").as_int64(), 2);
  EXPECT_EQ(again.Json().at("clocks_moved").as_int64(), 0);
}

TEST(CaseRules, TimeLimitOverridesAreValidatedAuditedAndUsedByNewClocks) {
  TestServer server({.start_time = *ParseUtc("2025-12-22T02:00:00Z")});
  auto admin = server.LoginAs("sysadmin");
  auto handler = server.LoginAs("handler");
  auto rules = handler.Get(kRules).Json();
  bool saw_l06 = false;
  for (const auto& rule : rules.at("time_limits").as_array()) {
    if (rule.at("id").as_string() != "L06") continue;
    saw_l06 = true;
    EXPECT_EQ(rule.at("status").as_string(), "CONFIRMED");
    EXPECT_EQ(rule.at("roll_over_status").as_string(), "UNCONFIRMED");
    EXPECT_TRUE(rule.at("default").at("roll_over").as_bool());
  }
  EXPECT_TRUE(saw_l06);

  for (const auto& bad : {R"({"L01": {"limit": 7}})", R"({"L06": {"limit": 5}})", R"({"L99": {"limit": 1}})",
                          R"({"L35": {"roll_over": "no"}})", R"({"L03": {"limit": -1}})"}) {
    auto r = admin.PutJson(kRules, boost::json::object{{"time_limit_overrides", boost::json::parse(bad)}});
    EXPECT_EQ(r.status, 400) << bad << "\n" << r.body;
    EXPECT_EQ(std::string(r.Json().at("field").as_string()).rfind("time_limit_overrides", 0), 0u) << r.body;
  }
  EXPECT_EQ(handler.PutJson(kRules, boost::json::object{{"time_limit_overrides", boost::json::object{}}}).status, 403);

  // The order served on Tuesday 2025-12-09: 60 days end on Saturday 2026-02-07, rolled over to Monday.
  const boost::json::object order{{"document", "rectification_order"}, {"deadline", "2025-12-16"},
                                  {"service", "served"}, {"served_at", "2025-12-09T02:00:00Z"}};
  const std::int64_t first = CreateComplaint(handler, "2025-12-01T01:30:00Z");
  ASSERT_EQ(Step(handler, first, "accept_complaint", "2025-12-01T03:00:00Z").status, 200);
  ASSERT_EQ(Step(handler, first, "issue_order", "2025-12-09T02:00:00Z", order).status, 200);
  auto rolled = ClockOf(handler.Get("/api/v1/cases/" + std::to_string(first)).Json(), "L35");
  EXPECT_EQ(rolled.at("due_date").as_string(), "2026-02-09");
  EXPECT_EQ(rolled.at("kind").as_string(), "window");
  EXPECT_EQ(rolled.at("due_interpretation").as_string(), "UNCONFIRMED");
  EXPECT_NE(std::string(rolled.at("explanation_zh").as_string()).find("属解释"), std::string::npos);

  auto changed = admin.PutJson(kRules, boost::json::object{{"time_limit_overrides", {{"L35", {{"roll_over", false}}}}}});
  ASSERT_EQ(changed.status, 200) << changed.body;
  EXPECT_FALSE(changed.Json().at("time_limit_overrides").at("L35").at("roll_over").as_bool());
  const std::int64_t second = CreateComplaint(handler, "2025-12-01T01:30:00Z");
  ASSERT_EQ(Step(handler, second, "accept_complaint", "2025-12-01T03:00:00Z").status, 200);
  ASSERT_EQ(Step(handler, second, "issue_order", "2025-12-09T02:00:00Z", order).status, 200);
  auto plain = ClockOf(handler.Get("/api/v1/cases/" + std::to_string(second)).Json(), "L35");
  EXPECT_EQ(plain.at("due_date").as_string(), "2026-02-07");
  EXPECT_TRUE(plain.at("due_interpretation").is_null());
  auto audit = server.LoginAs("auditor").Get("/api/v1/audit?q=settings.case_rules_change");
  ASSERT_EQ(audit.status, 200) << audit.body;
  EXPECT_NE(audit.body.find("settings.case_rules_change"), std::string::npos) << audit.body;
}

}  // namespace
}  // namespace wagelink::testing
