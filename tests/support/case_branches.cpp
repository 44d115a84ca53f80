#include "support/case_branches.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "support/case_api.h"
#include "support/scenarios.h"

namespace wagelink::testing {
namespace {

const boost::json::object& BranchFile() {
  static const boost::json::value file = [] {
    std::ifstream in(SourceDir() + "/tests/api/data/case_branches.json");
    std::stringstream text;
    text << in.rdbuf();
    return boost::json::parse(text.str());
  }();
  return file.as_object();
}

std::vector<std::string> BranchIdsInFile() {
  std::vector<std::string> ids;
  for (const auto& branch : BranchFile().at("branches").as_array()) ids.emplace_back(branch.at("id").as_string());
  return ids;
}

const boost::json::object& Branch(const std::string& id) {
  for (const auto& branch : BranchFile().at("branches").as_array()) {
    if (branch.at("id").as_string() == id) return branch.as_object();
  }
  throw std::runtime_error("no branch " + id);
}

// The branch's whole script: its prefixes in order, then its own steps.
std::vector<boost::json::object> ScriptOf(const boost::json::object& branch) {
  std::vector<boost::json::object> steps;
  if (auto it = branch.find("prefixes"); it != branch.end()) {
    for (const auto& name : it->value().as_array()) {
      for (const auto& step : BranchFile().at("prefixes").at(name.as_string()).as_array()) steps.push_back(step.as_object());
    }
  }
  for (const auto& step : branch.at("script").as_array()) steps.push_back(step.as_object());
  return steps;
}

std::string Describe(const boost::json::object& step) { return boost::json::serialize(step); }

// The case's clock of `rule` has each expected field ({"status": "met", "due_date": "..."}).
void ExpectClock(const boost::json::value& detail, std::string_view rule, const boost::json::object& expected) {
  for (const auto& clock : detail.at("clocks").as_array()) {
    if (clock.at("rule_id").as_string() != rule) continue;
    for (const auto& [field, value] : expected) EXPECT_EQ(clock.at(field), value) << rule << "." << field;
    return;
  }
  ADD_FAILURE() << "the case has no clock " << rule;
}

class CaseWalker {
 public:
  explicit CaseWalker(TestServer& server) : server_(server) {}

  HttpClient& As(const std::string& username) {
    auto it = clients_.find(username);
    if (it == clients_.end()) it = clients_.emplace(username, server_.LoginAs(username)).first;
    return it->second;
  }

  std::string CasePath(const std::string& tail = "") const { return "/api/v1/cases/" + std::to_string(case_id_) + tail; }

  void Register() {
    auto created = As("handler").PostJson("/api/v1/cases", ScenarioOneComplaint());
    ASSERT_EQ(created.status, 201) << created.body;
    case_id_ = created.Json().at("id").as_int64();
  }

  // Notifications about this case in the user's inbox.
  std::size_t InboxCount(const std::string& username) {
    auto inbox = As(username).Get("/api/v1/inbox?page_size=200");
    EXPECT_EQ(inbox.status, 200) << inbox.body;
    const auto json = inbox.Json();
    std::size_t count = 0;
    for (const auto& item : json.at("items").as_array()) {
      if (item.at("case_id").is_int64() && item.at("case_id").as_int64() == case_id_) ++count;
    }
    return count;
  }

  void Run(const boost::json::object& step) {
    const std::string user(step.at("as").as_string());
    if (step.contains("attach_package")) {
      // The package is files (issue 15): the script's items are attached as sample files.
      EXPECT_EQ(AttachTransferPackage(As(user), case_id_), 201) << Describe(step);
      return;
    }
    if (auto payment = step.find("payment"); payment != step.end()) {
      auto r = As(user).PostJson(CasePath("/payments"), payment->value());
      EXPECT_EQ(r.status, 200) << Describe(step) << "\n" << r.body;
      return;
    }
    if (auto finding = step.find("finding"); finding != step.end()) {
      auto r = As(user).PostJson(CasePath("/findings"), finding->value());
      EXPECT_EQ(r.status, 200) << Describe(step) << "\n" << r.body;
      return;
    }
    boost::json::object body{{"event", step.at("event")}, {"at", step.at("at")}};
    if (auto p = step.find("payload"); p != step.end()) body["payload"] = p->value();
    if (auto r = step.find("reason"); r != step.end()) body["reason"] = r->value();

    std::map<std::string, std::size_t> inbox_before;
    if (auto expected = step.find("expect_inbox"); expected != step.end()) {
      for (const auto& [who, _] : expected->value().as_object()) inbox_before[who] = InboxCount(who);
    }
    auto before = As("handler").Get(CasePath()).Json();
    auto answer = As(user).PostJson(CasePath("/steps"), body);

    if (auto status = step.find("expect_status"); status != step.end()) {
      EXPECT_EQ(answer.status, status->value().as_int64()) << Describe(step) << "\n" << answer.body;
      auto problem = answer.Json();
      EXPECT_FALSE(problem.at("detail").as_string().empty()) << "a refusal says why, in Chinese";
      EXPECT_FALSE(problem.at("detail_en").as_string().empty()) << "and in English";
      auto after = As("handler").Get(CasePath()).Json();
      EXPECT_EQ(after.at("state"), before.at("state")) << "refused step changed the state: " << Describe(step);
      EXPECT_EQ(after.at("timeline").as_array().size(), before.at("timeline").as_array().size())
          << "refused step wrote an event: " << Describe(step);
      return;
    }
    ASSERT_EQ(answer.status, 200) << Describe(step) << "\n" << answer.body;
    auto detail = answer.Json();
    if (auto state = step.find("expect_state"); state != step.end()) {
      EXPECT_EQ(detail.at("state"), state->value()) << Describe(step);
    }
    if (auto clocks = step.find("expect_clocks"); clocks != step.end()) {
      for (const auto& [rule, expected] : clocks->value().as_object()) ExpectClock(detail, rule, expected.as_object());
    }
    const auto& timeline = detail.at("timeline").as_array();
    EXPECT_EQ(timeline.size(), before.at("timeline").as_array().size() + 1) << "one event per step";
    const auto& last = timeline.back();
    EXPECT_EQ(last.at("event"), step.at("event")) << Describe(step);
    EXPECT_EQ(last.at("actor").as_string(), user) << "the timeline names who acted";
    for (const auto& [who, count] : inbox_before) {
      EXPECT_GT(InboxCount(who), count) << who << " must be told of " << Describe(step);
    }
  }

 private:
  TestServer& server_;
  std::map<std::string, HttpClient> clients_;
  std::int64_t case_id_ = 0;

 public:
  std::int64_t case_id() const { return case_id_; }
};

}  // namespace

std::vector<std::string> CaseBranchIds() { return BranchIdsInFile(); }

std::int64_t WalkCaseBranch(TestServer& server, const std::string& branch_id) {
  CaseWalker walker(server);
  const auto& branch = Branch(branch_id);
  if (auto settings = branch.find("settings"); settings != branch.end()) {
    auto r = walker.As("sysadmin").PutJson("/api/v1/settings/case-rules", settings->value());
    EXPECT_EQ(r.status, 200) << r.body;
    if (r.status != 200) return 0;
  }
  walker.Register();
  if (::testing::Test::HasFatalFailure()) return 0;
  for (const auto& step : ScriptOf(branch)) {
    walker.Run(step);
    if (::testing::Test::HasFatalFailure()) return 0;
  }
  return walker.case_id();
}

}  // namespace wagelink::testing
