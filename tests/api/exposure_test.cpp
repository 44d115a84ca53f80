// S6 through the API: S1's employer is proposed for the blacklist, noticed (5 working days, over a
// make-up Saturday), and nothing of it is listed or public while the 陈述申辩 period runs (public feed,
// employer exposure, listings for users who neither propose nor decide, publication drafts); the
// decision is refused until the period has ended, even with the party's statement on file; then
// listed by labour inspection for 3 years from the decision date, shown on the public feed and dropped
// from it the day after the term without any job; early removal after full payment + 6 months with
// the undertaking; the publication of the quarter is blocked by the privacy check until the worker's
// phone and name are gone, then shows exactly the six fields of 29号令 on the public feed.
#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "support/test_server.h"

namespace wagelink::testing {
namespace {

std::string DemoFile(const std::string& name) { return ReadFile(SourceDir() + "/data/demo/" + name); }

// 2026-05-06 10:00 in Shanghai, a Wednesday after every demo scenario has played.
constexpr const char* kStart = "2026-05-06T02:00:00Z";

std::int64_t CaseId(HttpClient& client, const std::string& query) {
  auto list = client.Get("/api/v1/cases?q=" + query).Json();
  EXPECT_EQ(list.at("total").as_int64(), 1) << query;
  return list.at("items").at(0).at("id").as_int64();
}
constexpr const char* kS1 = "%E6%BB%A8%E6%B5%B7";            // 滨海
constexpr const char* kS2 = "%E7%B2%BE%E5%AF%86";            // 精密
constexpr const char* kS3 = "%E9%A4%90%E9%A5%AE";            // 餐饮
constexpr const char* kS7 = "%E7%8E%AF%E5%9F%8E";            // 环城

struct Demo {
  TestServer server{{.start_time = *ParseUtc(kStart)}};
  Demo() {
    auto loaded = server.app().SeedDemoScenarios(DemoFile("scenarios.json"));
    if (!loaded) throw std::runtime_error(loaded.error().message_en);
  }
  void At(const std::string& utc) { server.clock().Set(*ParseUtc(utc)); }
};

// The §5 criterion is stated: today's case assessment says whether the employer is eligible but not
// under which criterion (it may add "criterion"; a stated one must then agree with it).
boost::json::object Proposal(std::int64_t case_id) {
  return {{"case_id", case_id},
          {"criterion", "amount"},
          {"grounds", "经责令限期支付，逾期仍未支付 14 名农民工工资，数额达到拒不支付劳动报酬罪数额标准（人社部令第45号第五条第一项）。"},
          {"persons", boost::json::array{{{"role", "principal"}, {"name", "王某"}},
                                         {{"role", "direct_supervisor"}, {"name", "孙某"}}}}};
}

HttpResponse Act(HttpClient& client, std::int64_t id, boost::json::object body) {
  return client.PostJson("/api/v1/blacklist/" + std::to_string(id) + "/actions", body);
}
HttpResponse Act(HttpClient&& client, std::int64_t id, boost::json::object body) { return Act(client, id, std::move(body)); }

// Proposes S1, serves the notice on 2026-05-06 and lists it on 2026-05-13; returns the listing id.
std::int64_t ListS1(Demo& demo) {
  HttpClient handler = demo.server.LoginAs("handler");
  auto proposed = handler.PostJson("/api/v1/blacklist", Proposal(CaseId(handler, kS1)));
  EXPECT_EQ(proposed.status, 201) << proposed.body;
  const auto id = proposed.Json().at("id").as_int64();
  auto noticed = Act(handler, id, {{"action", "serve_notice"}});
  EXPECT_EQ(noticed.status, 200) << noticed.body;
  demo.At("2026-05-13T02:00:00Z");
  auto listed = Act(demo.server.LoginAs("head"), id, {{"action", "decide_list"}, {"note", "陈述申辩期满，未提出异议"}});
  EXPECT_EQ(listed.status, 200) << listed.body;
  return id;
}

constexpr const char* kReasons = "陈述申辩期满，当事人未提出异议；符合第五条第一项，决定列入";

std::int64_t PublicListings(HttpClient& anonymous, const std::string& query = "") {
  auto feed = anonymous.Get("/api/v1/public/exposure" + (query.empty() ? "" : "?q=" + query));
  EXPECT_EQ(feed.status, 200) << feed.body;
  return static_cast<std::int64_t>(feed.Json().at("listings").as_array().size());
}

std::int64_t PublicListings(HttpClient&& anonymous, const std::string& query = "") {
  return PublicListings(anonymous, query);
}

TEST(Exposure, S6ListingRunsNoticeDecisionThreeYearTermAndLeavesThePublicFeedOnTheDayAfter) {
  Demo demo;
  HttpClient handler = demo.server.LoginAs("handler");
  const auto s1 = CaseId(handler, kS1);
  EXPECT_EQ(demo.server.LoginAs("police").PostJson("/api/v1/blacklist", Proposal(s1)).status, 403);
  EXPECT_EQ(demo.server.LoginAs("coordinator").PostJson("/api/v1/blacklist", Proposal(s1)).status, 403);

  auto proposed = handler.PostJson("/api/v1/blacklist", Proposal(s1));
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  auto listing = proposed.Json();
  EXPECT_EQ(listing.at("status"), "proposed");
  EXPECT_TRUE(listing.at("eligibility").at("eligible").as_bool());
  EXPECT_EQ(listing.at("employer_name"), "某劳务分包队（包工头 王某）");
  const auto id = listing.at("id").as_int64();
  EXPECT_EQ(handler.PostJson("/api/v1/blacklist", Proposal(s1)).status, 409) << "one open listing per case";

  EXPECT_EQ(listing.at("criterion").at("code"), "amount") << "S1's assessment: the crime amount (§5(1))";
  EXPECT_NE(listing.at("criterion").at("citation").as_string().find("第五条第（一）项"), std::string::npos);
  EXPECT_FALSE(listing.at("eligibility_flagged").as_bool());

  auto noticed = Act(handler, id, {{"action", "serve_notice"}});
  ASSERT_EQ(noticed.status, 200) << noticed.body;
  // 05-07 Thu, 05-08 Fri, 05-09 Sat (调休上班), 05-11 Mon, 05-12 Tue.
  EXPECT_EQ(noticed.Json().at("defence_due_on"), "2026-05-12");
  EXPECT_EQ(noticed.Json().at("defence_period_days"), 5);
  EXPECT_EQ(noticed.Json().at("defence_period_status"), "UNCONFIRMED");
  EXPECT_EQ(noticed.Json().at("effective_status_zh"), "告知中（陈述申辩期）");
  EXPECT_FALSE(noticed.Json().at("decision_open").as_bool());
  EXPECT_EQ(Act(handler, id, {{"action", "decide_list"}, {"note", kReasons}}).status, 403) << "only the decision maker lists";
  auto statement = Act(handler, id, {{"action", "record_defence"}, {"note", "当事人书面陈述：资金周转困难，请求暂缓"}});
  ASSERT_EQ(statement.status, 200) << statement.body;
  EXPECT_EQ(statement.Json().at("defence_received_on"), "2026-05-06");

  demo.At("2026-05-12T09:00:00Z");  // 17:00 on the last day of the period
  auto early = Act(demo.server.LoginAs("head"), id, {{"action", "decide_list"}, {"note", kReasons}});
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.Json().at("code"), "due_process_pending") << "refused even with the statement on file";
  EXPECT_NE(early.Json().at("detail").as_string().find("2026年5月12日"), std::string::npos) << early.body;
  auto not_early = Act(demo.server.LoginAs("head"), id, {{"action", "decide_not_list"}, {"note", "理由成立"}});
  EXPECT_EQ(not_early.Json().at("code"), "due_process_pending") << "no decision either way";
  // Nothing of the proposal is public or a listing while the period runs.
  EXPECT_EQ(PublicListings(demo.server.Client()), 0);
  HttpClient coordinator = demo.server.LoginAs("coordinator");  // case.read, neither proposes nor decides
  EXPECT_EQ(coordinator.Get("/api/v1/blacklist").Json().at("total"), 0);
  EXPECT_EQ(coordinator.Get("/api/v1/blacklist/" + std::to_string(id)).status, 404);
  const std::string exposure = "/api/v1/employers/" + std::to_string(listing.at("employer_id").as_int64()) + "/exposure";
  EXPECT_EQ(coordinator.Get(exposure).Json().at("listings").as_array().size(), 0u);
  auto internal = demo.server.LoginAs("head").Get(exposure).Json().at("listings");
  ASSERT_EQ(internal.as_array().size(), 1u) << "the deciding unit sees the proposal";
  EXPECT_EQ(internal.at(0).at("status_zh"), "告知中（陈述申辩期）");

  demo.At("2026-05-13T02:00:00Z");  // sessions do not survive clock jumps: log in again after each
  HttpClient head = demo.server.LoginAs("head");
  auto awaiting = head.Get("/api/v1/blacklist/" + std::to_string(id)).Json();
  EXPECT_EQ(awaiting.at("effective_status"), "awaiting_decision");
  EXPECT_TRUE(awaiting.at("decision_open").as_bool());
  EXPECT_EQ(PublicListings(demo.server.Client()), 0) << "the period has ended but nothing is decided yet";
  EXPECT_EQ(Act(head, id, {{"action", "decide_list"}}).Json().at("field"), "note") << "a decision states its reasons";
  auto listed = Act(head, id, {{"action", "decide_list"}, {"note", kReasons}});
  ASSERT_EQ(listed.status, 200) << listed.body;
  EXPECT_EQ(listed.Json().at("decided_on"), "2026-05-13");
  EXPECT_EQ(listed.Json().at("decision_reason"), kReasons);
  EXPECT_EQ(listed.Json().at("listed_on"), "2026-05-13");
  EXPECT_EQ(listed.Json().at("ends_on"), "2029-05-12");
  EXPECT_EQ(listed.Json().at("history").as_array().size(), 4u);
  EXPECT_EQ(demo.server.LoginAs("coordinator").Get("/api/v1/blacklist").Json().at("total"), 1) << "decided: visible";

  HttpClient anonymous = demo.server.Client();
  EXPECT_EQ(PublicListings(anonymous), 1);
  EXPECT_EQ(PublicListings(anonymous, "%E5%8A%B3%E5%8A%A1"), 1) << "search by name (劳务)";
  EXPECT_EQ(PublicListings(anonymous, "%E9%A4%90%E9%A5%AE"), 0) << "another name finds nothing";

  demo.At("2029-05-12T15:00:00Z");  // 23:00 on the last day
  EXPECT_EQ(PublicListings(anonymous), 1);
  demo.At("2029-05-12T16:00:00Z");  // 00:00 the day after, Shanghai time
  EXPECT_EQ(PublicListings(anonymous), 0);
  auto detail = demo.server.LoginAs("handler").Get("/api/v1/blacklist/" + std::to_string(id)).Json();
  EXPECT_EQ(detail.at("effective_status"), "expired");
  EXPECT_EQ(detail.at("status"), "listed") << "expiry is computed, never written by a job";
}

TEST(Exposure, BulletinsCountListingsByTheirDecisionDate) {
  Demo demo;
  ListS1(demo);  // decided 2026-05-13
  HttpClient coordinator = demo.server.LoginAs("coordinator");
  auto listed_between = [&](const char* from, const char* to) {
    auto issued = coordinator.PostJson("/api/v1/bulletins", {{"period", "on_demand"}, {"from", from}, {"to", to}});
    EXPECT_EQ(issued.status, 201) << issued.body;
    return issued.Json().at("figures").at("blacklist_entries").as_int64();
  };
  EXPECT_EQ(listed_between("2026-05-13", "2026-05-13"), 1);
  EXPECT_EQ(listed_between("2026-05-01", "2026-05-12"), 0);
  EXPECT_EQ(listed_between("2026-05-14", "2026-05-31"), 0);
}

TEST(Exposure, EarlyRemovalNeedsFullPaymentSixMonthsAndTheUndertaking) {
  Demo demo;
  const auto id = ListS1(demo);
  demo.At("2026-11-19T02:00:00Z");
  auto too_soon = Act(demo.server.LoginAs("head"), id, {{"action", "remove_early"}, {"paid_in_full_on", "2026-05-20"}, {"undertaking", true}});
  EXPECT_EQ(too_soon.status, 409) << too_soon.body;
  EXPECT_NE(too_soon.Json().at("detail").as_string().find("2026-11-20"), std::string::npos) << too_soon.body;
  demo.At("2026-11-20T02:00:00Z");
  HttpClient head = demo.server.LoginAs("head");
  auto no_undertaking = Act(head, id, {{"action", "remove_early"}, {"paid_in_full_on", "2026-05-20"}});
  EXPECT_EQ(no_undertaking.status, 400);
  EXPECT_EQ(no_undertaking.Json().at("field"), "undertaking");
  EXPECT_EQ(Act(demo.server.LoginAs("handler"), id,
                {{"action", "remove_early"}, {"paid_in_full_on", "2026-05-20"}, {"undertaking", true}})
                .status,
            403);
  auto removed = Act(head, id, {{"action", "remove_early"}, {"paid_in_full_on", "2026-05-20"}, {"undertaking", true}});
  ASSERT_EQ(removed.status, 200) << removed.body;
  EXPECT_EQ(removed.Json().at("status"), "removed_early");
  EXPECT_EQ(removed.Json().at("closed_on"), "2026-11-20");
  HttpClient anonymous = demo.server.Client();
  EXPECT_EQ(PublicListings(anonymous), 0);
}

TEST(Exposure, IneligibleCasesBadInputAndCorrections) {
  Demo demo;
  HttpClient handler = demo.server.LoginAs("handler");
  const auto s3 = CaseId(handler, kS3);
  auto s3_assessment = handler.Get("/api/v1/cases/" + std::to_string(s3)).Json().at("assessment").at("blacklist");
  ASSERT_EQ(s3_assessment.at("eligible"), false) << "the case's own assessment rules S3 out";
  auto paid_in_time = handler.PostJson("/api/v1/blacklist", Proposal(s3));
  EXPECT_EQ(paid_in_time.status, 409) << "S3 paid within the order's deadline: " << paid_in_time.body;
  EXPECT_EQ(paid_in_time.Json().at("field"), "case_id");
  EXPECT_NE(paid_in_time.Json().at("detail").as_string().find(s3_assessment.at("explain_zh").as_string()),
            std::string::npos) << "the refusal quotes the assessment";
  auto with_reason = Proposal(s3);
  with_reason["eligibility_reason"] = "经核实已达标准";
  EXPECT_EQ(handler.PostJson("/api/v1/blacklist", with_reason).status, 409) << "a reason cannot override 'not eligible'";
  auto unknown_field = Proposal(CaseId(handler, kS1));
  unknown_field["eligible"] = true;
  EXPECT_EQ(handler.PostJson("/api/v1/blacklist", unknown_field).status, 400) << "unknown fields are refused";
  auto bad_criterion = Proposal(CaseId(handler, kS1));
  bad_criterion["criterion"] = "rumour";
  EXPECT_EQ(handler.PostJson("/api/v1/blacklist", bad_criterion).Json().at("field"), "criterion");
  auto no_head = Proposal(CaseId(handler, kS1));
  no_head["persons"] = boost::json::array{{{"role", "direct_supervisor"}, {"name", "孙某"}}};
  auto refused = handler.PostJson("/api/v1/blacklist", no_head);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Json().at("field"), "persons");
  auto bad_role = Proposal(CaseId(handler, kS1));
  bad_role["persons"] = boost::json::array{{{"role", "boss"}, {"name", "王某"}}};
  EXPECT_EQ(handler.PostJson("/api/v1/blacklist", bad_role).Json().at("field"), "persons[0].role");

  const auto id = ListS1(demo);
  HttpClient head = demo.server.LoginAs("head");
  EXPECT_EQ(Act(head, id, {{"action", "fly"}}).Json().at("field"), "action");
  EXPECT_EQ(Act(head, id, {{"action", "revoke"}, {"on", "2026-13-01"}}).Json().at("field"), "on");
  EXPECT_EQ(Act(head, id, {{"action", "correct"}}).status, 400) << "a correction must change something";
  auto corrected = Act(head, id, {{"action", "correct"}, {"address", "某区滨海路 90 号"}, {"note", "当事人异议：地址有误"}});
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_EQ(corrected.Json().at("address"), "某区滨海路 90 号");
  EXPECT_EQ(corrected.Json().at("status"), "listed");
  auto revoked = Act(head, id, {{"action", "revoke"}, {"note", "复议决定撤销"}});
  EXPECT_EQ(revoked.Json().at("status"), "revoked");
  EXPECT_EQ(PublicListings(demo.server.Client()), 0);
}

TEST(Exposure, PublicationIsBlockedByThePrivacyCheckThenShowsExactlySixFields) {
  Demo demo;
  HttpClient coordinator = demo.server.LoginAs("coordinator");
  const auto s1 = CaseId(coordinator, kS1);
  boost::json::object draft{{"case_id", s1},
                            {"category", "wage_arrears"},
                            {"credit_code", "无（自然人包工头，未登记）"},
                            {"main_facts", "拖欠 14 名农民工工资共计 186400 元；工人李 卫 东（电话１３６ ２０００ １０００）多次讨要。"},
                            {"handling", "经责令限期支付逾期未支付，已依法移送公安机关追究刑事责任。"}};
  EXPECT_EQ(demo.server.LoginAs("police").PostJson("/api/v1/publications", draft).status, 403);
  auto with_phone = coordinator.PostJson("/api/v1/publications", draft);
  EXPECT_EQ(with_phone.status, 400) << "a phone number is never stored, not even in a draft";
  EXPECT_EQ(with_phone.Json().at("field"), "main_facts");
  draft["main_facts"] = "拖欠 14 名农民工工资共计 186400 元；工人李 卫 东多次讨要。";
  auto created = coordinator.PostJson("/api/v1/publications", draft);
  ASSERT_EQ(created.status, 201) << created.body;
  auto publication = created.Json();
  EXPECT_TRUE(publication.at("blocked").as_bool());
  std::set<std::string> kinds;
  for (const auto& f : publication.at("findings").as_array()) kinds.insert(std::string(f.at("kind").as_string()));
  EXPECT_EQ(kinds, (std::set<std::string>{"worker_name"}));
  EXPECT_EQ(publication.at("batch_label"), "2026Q2");
  EXPECT_EQ(publication.at("violator_name"), "某劳务分包队（包工头 王某）") << "defaults to the case's employer";
  const std::string path = "/api/v1/publications/" + std::to_string(publication.at("id").as_int64());

  auto blocked = coordinator.PostJson(path + "/publish", boost::json::object{});
  EXPECT_EQ(blocked.status, 409);
  EXPECT_NE(blocked.Json().at("detail").as_string().find("隐私审查"), std::string::npos);
  EXPECT_TRUE(coordinator.Get(path).Json().at("blocked").as_bool()) << "the reviewer still sees what was blocked";
  EXPECT_EQ(PublicListings(demo.server.Client()), 0);

  auto fixed = coordinator.PatchJson(path, {{"main_facts", "拖欠 14 名农民工工资共计 186400 元，经责令限期支付逾期未支付。"}});
  ASSERT_EQ(fixed.status, 200) << fixed.body;
  EXPECT_FALSE(fixed.Json().at("blocked").as_bool());
  auto published = coordinator.PostJson(path + "/publish", boost::json::object{});
  ASSERT_EQ(published.status, 200) << published.body;
  EXPECT_EQ(published.Json().at("published_on"), "2026-05-06");

  auto feed = demo.server.Client().Get("/api/v1/public/exposure").Json();
  ASSERT_EQ(feed.at("publications").as_array().size(), 1u);
  std::set<std::string> keys;
  for (const auto& [k, v] : feed.at("publications").at(0).as_object()) keys.insert(std::string(k));
  EXPECT_EQ(keys, (std::set<std::string>{"publication_no", "category", "category_zh", "batch_kind", "batch_label",
                                         "published_on", "violator_name", "credit_code", "address",
                                         "legal_representative", "main_facts", "handling"}));
  EXPECT_EQ(feed.at("legal_basis").as_array().size(), 2u);
  auto rules = coordinator.Get("/api/v1/blacklist/rules").Json();
  EXPECT_EQ(rules.at("publication_categories").as_array().size(), 7u);
  EXPECT_EQ(rules.at("defence_period_working_days").at("status"), "UNCONFIRMED");

  auto withdrawn = coordinator.PostJson(path + "/withdraw", boost::json::object{{"reason", "复议撤销原处理决定"}});
  ASSERT_EQ(withdrawn.status, 200) << withdrawn.body;
  EXPECT_EQ(withdrawn.Json().at("withdrawn_reason"), "复议撤销原处理决定");
  EXPECT_EQ(demo.server.Client().Get("/api/v1/public/exposure").Json().at("publications").as_array().size(), 0u);

  auto record = coordinator.Get("/api/v1/employers/" + std::to_string(publication.at("employer_id").as_int64()) + "/exposure");
  EXPECT_EQ(record.Json().at("publications").as_array().size(), 1u) << "kept in the compliance record";

  auto undecided = draft;
  undecided["case_id"] = CaseId(coordinator, kS7);
  EXPECT_EQ(coordinator.PostJson("/api/v1/publications", undecided).status, 409) << "only decided cases";
  auto unknown = draft;
  unknown["category"] = "gossip";
  EXPECT_EQ(coordinator.PostJson("/api/v1/publications", unknown).Json().at("field"), "category");
}

bool FiredBlacklistRule(const boost::json::value& risk) {
  for (const auto& f : risk.at("assessment").at("fired").as_array()) {
    if (f.at("id") == "W-BLACKLISTED") return true;
  }
  return false;
}

TEST(Exposure, AListedEmployerRaisesTheRiskOfItsOtherItems) {
  Demo demo;
  HttpClient handler = demo.server.LoginAs("handler");
  boost::json::object risk{{"employer_name", "某精密机械制造有限公司"}, {"employer_credit_code", "91110000MA00678909"},
                           {"project_name", "二号厂房扩建"}, {"workers_affected", 5}, {"amount_yuan", "20000"},
                           {"source", "inspection"}, {"owner_body", "hrss"}};
  auto before = handler.PostJson("/api/v1/risks", risk);
  ASSERT_EQ(before.status, 201) << before.body;
  EXPECT_FALSE(FiredBlacklistRule(before.Json()));

  auto proposed = handler.PostJson("/api/v1/blacklist", Proposal(CaseId(handler, kS2)));
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const auto id = proposed.Json().at("id").as_int64();
  ASSERT_EQ(Act(handler, id, {{"action", "serve_notice"}}).status, 200);
  ASSERT_EQ(Act(handler, id, {{"action", "record_defence"}, {"note", "当事人书面陈述已收到"}}).status, 200);
  EXPECT_EQ(Act(demo.server.LoginAs("head"), id, {{"action", "decide_list"}, {"note", kReasons}}).status, 409)
      << "a statement on file does not shorten the period";
  auto during = handler.PostJson("/api/v1/risks", risk);
  ASSERT_EQ(during.status, 201) << during.body;
  EXPECT_FALSE(FiredBlacklistRule(during.Json())) << "a proposal is no listing";
  demo.At("2026-05-13T02:00:00Z");
  ASSERT_EQ(Act(demo.server.LoginAs("head"), id, {{"action", "decide_list"}, {"note", kReasons}}).status, 200);

  handler = demo.server.LoginAs("handler");
  auto after = handler.PostJson("/api/v1/risks", risk);
  ASSERT_EQ(after.status, 201) << after.body;
  EXPECT_TRUE(FiredBlacklistRule(after.Json()));
  EXPECT_EQ(after.Json().at("score").as_int64(), before.Json().at("score").as_int64() + 20);
}

TEST(Exposure, LegalPublicityArticlesAreStrippedOfMarkup) {
  Demo demo;
  boost::json::object article{{"title", "典型案例<script>x</script>"},
                              {"body", "## 某公司拒不支付劳动报酬案\n<img src=x onerror=alert(1)>法院以拒不支付劳动报酬罪判处……"}};
  EXPECT_EQ(demo.server.LoginAs("police").PostJson("/api/v1/publicity/articles", article).status, 403);
  auto created = demo.server.LoginAs("legalaid").PostJson("/api/v1/publicity/articles", article);
  ASSERT_EQ(created.status, 201) << created.body;
  auto feed = demo.server.Client().Get("/api/v1/public/exposure").Json();
  ASSERT_EQ(feed.at("articles").as_array().size(), 1u);
  EXPECT_EQ(feed.at("articles").at(0).at("title"), "典型案例x");
  EXPECT_EQ(feed.at("articles").at(0).at("body").as_string().find('<'), std::string::npos);
}

TEST(Exposure, DemoExposureLoadsOnceThroughTheServices) {
  Demo demo;
  auto loaded = demo.server.app().SeedDemoExposure(DemoFile("exposure.json"));
  ASSERT_TRUE(loaded) << loaded.error().message_en;
  EXPECT_EQ(*loaded, 3);
  auto again = demo.server.app().SeedDemoExposure(DemoFile("exposure.json"));
  ASSERT_TRUE(again);
  EXPECT_EQ(*again, 0) << "init --demo stays idempotent";
  auto feed = demo.server.Client().Get("/api/v1/public/exposure?q=91110000MA00678909").Json();
  EXPECT_EQ(feed.at("listings").as_array().size(), 1u) << "search by credit code";
  EXPECT_EQ(feed.at("listings").at(0).at("listed_on"), "2026-03-23") << "listed from the decision date";
  EXPECT_EQ(feed.at("publications").as_array().size(), 1u);
  EXPECT_NE(feed.at("publications").at(0).at("handling").as_string().find("2026年3月23日列入"), std::string::npos)
      << "the publication names the decided listing";
  EXPECT_EQ(feed.at("articles").as_array().size(), 1u);
  auto listing = demo.server.LoginAs("head").Get("/api/v1/blacklist").Json().at("items").at(0);
  EXPECT_EQ(listing.at("notice_served_on"), "2026-03-12");
  EXPECT_EQ(listing.at("defence_due_on"), "2026-03-19");
  EXPECT_EQ(listing.at("defence_received_on"), "2026-03-17");
  EXPECT_EQ(listing.at("decided_on"), "2026-03-23");
  EXPECT_EQ(listing.at("criterion").at("code"), "amount");
}

// A publication (29号令) may name a blacklist listing only once it is decided to list and in force.
TEST(Exposure, PublicationDraftsNameOnlyDecidedListings) {
  Demo demo;
  HttpClient handler = demo.server.LoginAs("handler");
  const auto s1 = CaseId(handler, kS1);
  auto proposed = handler.PostJson("/api/v1/blacklist", Proposal(s1));
  ASSERT_EQ(proposed.status, 201) << proposed.body;
  const auto id = proposed.Json().at("id").as_int64();
  ASSERT_EQ(Act(handler, id, {{"action", "serve_notice"}}).status, 200);
  boost::json::object draft{{"case_id", s1},
                            {"category", "wage_arrears"},
                            {"credit_code", "无（自然人包工头，未登记）"},
                            {"main_facts", "拖欠 14 名农民工工资共计 186400 元，经责令限期支付逾期未支付。"},
                            {"handling", "已依法移送公安机关追究刑事责任。"},
                            {"listing_id", id}};
  HttpClient coordinator = demo.server.LoginAs("coordinator");
  auto during = coordinator.PostJson("/api/v1/publications", draft);
  EXPECT_EQ(during.status, 409) << during.body;
  EXPECT_EQ(during.Json().at("code"), "due_process_pending");
  EXPECT_EQ(during.Json().at("field"), "listing_id");
  EXPECT_EQ(coordinator.Get("/api/v1/publications").Json().at("items").as_array().size(), 0u) << "no draft was written";

  demo.At("2026-05-13T02:00:00Z");
  coordinator = demo.server.LoginAs("coordinator");
  auto awaiting = coordinator.PostJson("/api/v1/publications", draft);
  EXPECT_EQ(awaiting.Json().at("code"), "due_process_pending") << "period over, decision not yet taken";
  ASSERT_EQ(Act(demo.server.LoginAs("head"), id, {{"action", "decide_list"}, {"note", kReasons}}).status, 200);
  coordinator = demo.server.LoginAs("coordinator");
  auto created = coordinator.PostJson("/api/v1/publications", draft);
  ASSERT_EQ(created.status, 201) << created.body;
  EXPECT_EQ(created.Json().at("listing_id"), id);
  EXPECT_NE(created.Json().at("handling").as_string().find("2026年5月13日列入拖欠农民工工资失信联合惩戒对象名单"),
            std::string::npos) << created.body;

  // Revoked after the draft: publishing it would name a listing that no longer stands.
  ASSERT_EQ(Act(demo.server.LoginAs("head"), id, {{"action", "revoke"}, {"note", "复议决定撤销"}}).status, 200);
  const std::string path = "/api/v1/publications/" + std::to_string(created.Json().at("id").as_int64());
  auto publish = demo.server.LoginAs("coordinator").PostJson(path + "/publish", boost::json::object{});
  EXPECT_EQ(publish.status, 409) << publish.body;
  EXPECT_EQ(publish.Json().at("code"), "due_process_pending");
}

// The 陈述申辩 period is UNCONFIRMED in LEGAL.md: the district's operator sets it; a notice served after
// the change runs the new period, one already served keeps its own.
TEST(Exposure, TheDefencePeriodIsADistrictSettingWithItsStatusTag) {
  Demo demo;
  HttpClient handler = demo.server.LoginAs("handler");
  auto shipped = handler.Get("/api/v1/settings/exposure-rules").Json().at("defence_period_working_days");
  EXPECT_EQ(shipped.at("value"), 5);
  EXPECT_EQ(shipped.at("status"), "UNCONFIRMED");
  EXPECT_FALSE(shipped.at("set_by_district").as_bool());
  EXPECT_EQ(handler.PutJson("/api/v1/settings/exposure-rules", {{"defence_period_working_days", 10}}).status, 403);
  HttpClient sysadmin = demo.server.LoginAs("sysadmin");
  EXPECT_EQ(sysadmin.PutJson("/api/v1/settings/exposure-rules", {{"defence_period_working_days", 0}}).Json().at("field"),
            "defence_period_working_days");
  EXPECT_EQ(sysadmin.PutJson("/api/v1/settings/exposure-rules", {{"period", 10}}).Json().at("field"), "period");

  const auto first = handler.PostJson("/api/v1/blacklist", Proposal(CaseId(handler, kS1))).Json().at("id").as_int64();
  ASSERT_EQ(Act(handler, first, {{"action", "serve_notice"}}).status, 200);
  auto saved = sysadmin.PutJson("/api/v1/settings/exposure-rules", {{"defence_period_working_days", 10}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Json().at("defence_period_working_days").at("value"), 10);
  EXPECT_TRUE(saved.Json().at("defence_period_working_days").at("set_by_district").as_bool());
  EXPECT_EQ(saved.Json().at("defence_period_working_days").at("status"), "UNCONFIRMED") << "the law is still unchecked";
  EXPECT_EQ(handler.Get("/api/v1/blacklist/rules").Json().at("defence_period_working_days").at("value"), 10);

  const auto second = handler.PostJson("/api/v1/blacklist", Proposal(CaseId(handler, kS2))).Json().at("id").as_int64();
  auto noticed = Act(handler, second, {{"action", "serve_notice"}, {"on", "2026-05-06"}});
  ASSERT_EQ(noticed.status, 200) << noticed.body;
  // 05-07, 08, 09 (调休), 11, 12, 13, 14, 15, 18, 19.
  EXPECT_EQ(noticed.Json().at("defence_due_on"), "2026-05-19");
  EXPECT_EQ(noticed.Json().at("defence_period_days"), 10);
  auto earlier = handler.Get("/api/v1/blacklist/" + std::to_string(first)).Json();
  EXPECT_EQ(earlier.at("defence_due_on"), "2026-05-12") << "a running period is not moved";
  EXPECT_EQ(earlier.at("defence_period_days"), 5);
  EXPECT_EQ(Act(handler, second, {{"action", "record_defence"}, {"note", "陈述"}, {"on", "2026-05-07"}}).Json().at("field"),
            "on") << "not in the future";
}

// The 陈述申辩 period is a legal period like the clocks: counted on the calendar in force (data files
// plus the notices entered), and moved with a history entry and a notice when a notice is entered.
TEST(Exposure, TheDefencePeriodReadsTheHolidayNoticesInForceAndMovesWhenOneIsEntered) {
  Demo demo;
  demo.At("2027-02-04T02:00:00Z");  // Thursday 10:00 in Shanghai; no 2027 notice is entered yet
  HttpClient handler = demo.server.LoginAs("handler");
  const auto first = handler.PostJson("/api/v1/blacklist", Proposal(CaseId(handler, kS1))).Json().at("id").as_int64();
  auto noticed = Act(handler, first, {{"action", "serve_notice"}});
  ASSERT_EQ(noticed.status, 200) << noticed.body;
  // The statutory fallback: 春节 is 除夕 02-05 to 02-08, so 02-09, 10, 11, 12, 15; make-up days unknown.
  EXPECT_EQ(noticed.Json().at("defence_due_on"), "2027-02-15");
  EXPECT_TRUE(noticed.Json().at("defence_uncertain").as_bool());

  auto entered = demo.server.LoginAs("sysadmin").PostJson("/api/v1/settings/calendar/notices",
                                                           boost::json::parse(ReadFile(SourceDir() + "/tests/api/data/holiday_notice_2027.json")).as_object());
  ASSERT_EQ(entered.status, 200) << entered.body;
  EXPECT_EQ(entered.Json().at("defence_periods_moved").as_int64(), 1);
  // The notice's 春节 runs to 02-12: 02-15, 16, 17, 18, 19.
  auto moved = handler.Get("/api/v1/blacklist/" + std::to_string(first)).Json();
  EXPECT_EQ(moved.at("defence_due_on"), "2027-02-19");
  EXPECT_FALSE(moved.at("defence_uncertain").as_bool());
  EXPECT_EQ(moved.at("history").as_array().back().at("action"), "defence_due_changed");
  EXPECT_NE(std::string(moved.at("history").as_array().back().at("note").as_string()).find("2027-02-15"), std::string::npos);
  bool told = false;
  const auto inbox = handler.Get("/api/v1/inbox").Json();
  for (const auto& n : inbox.at("items").as_array()) {
    told = told || (n.at("kind") == "deadline_defence_changed" &&
                    std::string(n.at("title_zh").as_string()).find("2027-02-19") != std::string::npos);
  }
  EXPECT_TRUE(told) << "the proposing body is told";

  // A notice served now reads the entered notice directly.
  const auto second = handler.PostJson("/api/v1/blacklist", Proposal(CaseId(handler, kS2))).Json().at("id").as_int64();
  auto later = Act(handler, second, {{"action", "serve_notice"}});
  ASSERT_EQ(later.status, 200) << later.body;
  EXPECT_EQ(later.Json().at("defence_due_on"), "2027-02-19");
  EXPECT_FALSE(later.Json().at("defence_uncertain").as_bool());
}

TEST(Exposure, NoticeAndDecisionDocumentsAreIssuedFromTheListingsCase) {
  Demo demo;
  HttpClient handler = demo.server.LoginAs("handler");
  const auto s1 = CaseId(handler, kS1);
  const std::string path = "/api/v1/cases/" + std::to_string(s1) + "/documents";
  boost::json::object fields{{"grounds", "经责令限期支付，逾期仍未支付 14 名农民工工资共计 186400 元。"},
                             {"persons", "主要负责人王某、直接负责的主管人员孙某"}};
  auto notice = handler.PostJson(path, {{"kind", "blacklist_notice"}, {"fields", fields}});
  ASSERT_EQ(notice.status, 201) << notice.body;
  EXPECT_NE(std::string(notice.Json().at("doc_no").as_string()).find("示劳监告"), std::string::npos);
  EXPECT_EQ(handler.PostJson(path, {{"kind", "blacklist_decision"}, {"fields", fields}}).status, 403)
      << "only the decision maker issues the decision";
  fields["listed_period"] = "2026年5月13日至2029年5月12日";
  auto decision = demo.server.LoginAs("head").PostJson(path, {{"kind", "blacklist_decision"}, {"fields", fields}});
  ASSERT_EQ(decision.status, 201) << decision.body;
  auto bad = demo.server.LoginAs("head").PostJson(path, {{"kind", "blacklist_decision"}, {"fields", {{"restrictions", "无"}}}});
  EXPECT_EQ(bad.status, 400) << "CONFIRMED wording (restrictions) cannot be overridden";
}

}  // namespace
}  // namespace wagelink::testing
