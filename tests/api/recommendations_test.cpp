// Issue 17, the procuratorate's supervision loop: a 检察建议 issued on a red project warning, a risk
// item or a case reaches the body addressed, is answered with rectification evidence and evaluated by
// the procuratorate ("建议—反馈—评估"); the reply is due by time limit L38 (UNCONFIRMED: two months,
// which the district may change); an overdue one is counted and may be evaluated without a reply.
// The test server's clock starts on 2026-01-05 (Monday, 09:00 Beijing).
#include <gtest/gtest.h>

#include <string>

#include "support/pdf_text.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr const char* kList = "/api/v1/recommendations";

void SeedProjects(TestServer& server) {
  auto seeded = server.app().SeedDemoProjects(ReadFile(SourceDir() + "/data/demo/projects.json"));
  ASSERT_TRUE(seeded.ok()) << seeded.error().message_en;
}

// The demo district's red warning (城东物流园: no labour cost paid in for two months).
boost::json::object RedWarning(HttpClient& client) {
  const auto warnings = client.Get("/api/v1/project-warnings?level=red").Json();
  EXPECT_FALSE(warnings.at("items").as_array().empty()) << warnings;
  return warnings.at("items").at(0).as_object();
}

boost::json::object Recommendation(std::string_view kind, std::int64_t id, std::string_view addressee) {
  return {{"basis_kind", kind},
          {"basis_id", id},
          {"addressee_body", addressee},
          {"problem", "该项目连续两个月未按月足额拨付人工费用，农民工工资面临拖欠风险。"},
          {"measures", "督促建设单位限期拨付人工费用，依法处理，并将整改情况书面回复本院。"}};
}

bool Lists(const boost::json::value& list, std::int64_t id) {
  for (const auto& item : list.at("items").as_array()) {
    if (item.at("id").as_int64() == id) return true;
  }
  return false;
}

bool InboxHas(HttpClient& client, std::string_view kind) {
  const auto inbox = client.Get("/api/v1/inbox?page_size=100").Json();
  for (const auto& n : inbox.at("items").as_array()) {
    if (n.at("kind").as_string() == kind) return true;
  }
  return false;
}

int CountOfKind(HttpClient& client, std::string_view kind) {
  const auto inbox = client.Get("/api/v1/inbox?page_size=100").Json();
  int count = 0;
  for (const auto& n : inbox.at("items").as_array()) count += n.at("kind").as_string() == kind ? 1 : 0;
  return count;
}
int CountOfKind(HttpClient&& client, std::string_view kind) { return CountOfKind(client, kind); }

TEST(Recommendations, IssuedOnARedWarningAnsweredByTheBodyAndEvaluatedByTheProcuratorate) {
  TestServer server;
  SeedProjects(server);
  HttpClient prosecutor = server.LoginAs("prosecutor");
  const auto warning = RedWarning(prosecutor);
  const auto warning_id = warning.at("id").as_int64();

  // Only the procuratorate issues; the handler may not.
  HttpClient handler = server.LoginAs("handler");
  EXPECT_EQ(handler.PostJson(kList, Recommendation("project_warning", warning_id, "hrss")).status, 403);

  auto issued = prosecutor.PostJson(kList, Recommendation("project_warning", warning_id, "hrss"));
  ASSERT_EQ(issued.status, 201) << issued.body;
  const auto r = issued.Json();
  const auto id = r.at("id").as_int64();
  const std::string path = std::string(kList) + "/" + std::to_string(id);
  EXPECT_TRUE(r.at("number").as_string().starts_with("示检建〔2026〕")) << r;
  EXPECT_EQ(r.at("basis").at("project_id").as_int64(), warning.at("project_id").as_int64());
  EXPECT_NE(r.at("basis").at("label_zh").as_string().find("城东物流园"), std::string::npos) << r;
  EXPECT_EQ(r.at("addressee_name_zh").as_string().empty(), false);
  EXPECT_EQ(r.at("status").as_string(), "awaiting_reply");
  // Two months from 5 January 2026: 5 March, a Thursday.
  EXPECT_EQ(r.at("issued_on").as_string(), "2026-01-05");
  EXPECT_EQ(r.at("reply_due_on").as_string(), "2026-03-05");
  EXPECT_EQ(r.at("reply_period").at("status_tag").as_string(), "UNCONFIRMED");
  EXPECT_EQ(r.at("reply_period").at("status_zh").as_string(), "未证实，本区可设置");
  EXPECT_NE(r.at("reply_period").at("basis_zh").as_string().find("人民检察院检察建议工作规定"), std::string::npos);
  EXPECT_FALSE(r.at("can_reply").as_bool());
  EXPECT_FALSE(r.at("can_evaluate").as_bool()) << "nothing to evaluate before a reply or the due date";
  EXPECT_EQ(prosecutor.PostJson(path + "/evaluation", {{"outcome", "rectified"}, {"text", "已核实"}}).status, 409);

  // The body addressed: its inbox, its worklist, its list; the reply needs its evidence.
  EXPECT_TRUE(InboxHas(handler, "recommendation_issued"));
  const auto work = handler.Get("/api/v1/worklist").Json();
  ASSERT_EQ(work.at("recommendations").as_array().size(), 1u) << work;
  EXPECT_TRUE(work.at("recommendations").at(0).at("can_reply").as_bool());
  EXPECT_TRUE(Lists(handler.Get(kList).Json(), id));
  auto no_evidence = handler.PostJson(path + "/reply", {{"kind", "rectified"}, {"text", "已督促拨付"}});
  EXPECT_EQ(no_evidence.status, 400) << no_evidence.body;
  EXPECT_EQ(no_evidence.Json().at("field").as_string(), "rectification_evidence");
  EXPECT_EQ(handler.PostJson(path + "/reply", {{"kind", "fixed"}, {"text", "x"}}).status, 400);
  auto unknown = handler.PostJson(path + "/reply", {{"kind", "rectified"}, {"text", "x"}, {"note", "y"}});
  EXPECT_EQ(unknown.status, 400) << "an unknown field is refused";
  EXPECT_EQ(unknown.Json().at("field").as_string(), "note");

  // Another body neither sees it nor may answer it.
  HttpClient police = server.LoginAs("police");
  EXPECT_EQ(police.Get(path).status, 404);
  EXPECT_FALSE(Lists(police.Get(kList).Json(), id));
  EXPECT_EQ(police.PostJson(path + "/reply", {{"kind", "objection"}, {"text", "不同意"}}).status, 404);

  // The 检察建议书 as issued, dated the day of issue, for the body addressed; not for another body.
  auto pdf = handler.Get(path + "/document.pdf");
  ASSERT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
  EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
  const auto text = ReadPdf(pdf.body, "supervision_recommendation");
  for (const std::string& expected : {std::string("检察建议书"), std::string(r.at("number").as_string()), std::string("问题及原因"),
                                     std::string("连续两个月未按月足额拨付人工费用"), std::string("督促建设单位限期拨付人工费用"),
                                     std::string("2026年3月5日前"), std::string("2026年1月5日"), std::string("城东物流园")}) {
    EXPECT_NE(text.text.find(expected), std::string::npos) << expected << "\n" << text.text;
  }
  EXPECT_EQ(police.Get(path + "/document.pdf").status, 404);

  auto replied = handler.PostJson(path + "/reply", {{"kind", "rectified"},
                                                    {"text", "已责令建设单位于1月20日前拨付两个月人工费用。"},
                                                    {"rectification_evidence", "专用账户1月18日入账流水；整改报告"}});
  ASSERT_EQ(replied.status, 200) << replied.body;
  EXPECT_EQ(replied.Json().at("status").as_string(), "replied");
  EXPECT_EQ(replied.Json().at("reply").at("kind_zh").as_string(), "已采纳并整改完毕");
  EXPECT_EQ(handler.PostJson(path + "/reply", {{"kind", "rectified"}, {"text", "再次"}, {"rectification_evidence", "x"}}).status,
            409);
  EXPECT_EQ(handler.PostJson(path + "/evaluation", {{"outcome", "rectified"}, {"text", "x"}}).status, 403);

  // The procuratorate: notified, on its worklist, evaluates once.
  EXPECT_TRUE(InboxHas(prosecutor, "recommendation_replied"));
  const auto pwork = prosecutor.Get("/api/v1/worklist").Json();
  ASSERT_EQ(pwork.at("recommendations").as_array().size(), 1u) << pwork;
  EXPECT_TRUE(pwork.at("recommendations").at(0).at("can_evaluate").as_bool());
  auto evaluated = prosecutor.PostJson(path + "/evaluation", {{"outcome", "rectified"}, {"text", "经核查专用账户流水，整改到位。"}});
  ASSERT_EQ(evaluated.status, 200) << evaluated.body;
  EXPECT_EQ(evaluated.Json().at("status").as_string(), "evaluated");
  EXPECT_EQ(evaluated.Json().at("evaluation").at("outcome_zh").as_string(), "整改到位");
  EXPECT_EQ(prosecutor.PostJson(path + "/evaluation", {{"outcome", "rectified"}, {"text", "再次"}}).status, 409);
  EXPECT_TRUE(InboxHas(handler, "recommendation_evaluated"));
  EXPECT_TRUE(handler.Get("/api/v1/worklist").Json().at("recommendations").as_array().empty());

  // The project lists it, and the supervision dashboard counts it.
  const auto by_project = prosecutor.Get(std::string(kList) + "?project_id=" + std::to_string(warning.at("project_id").as_int64()));
  EXPECT_TRUE(Lists(by_project.Json(), id)) << by_project.body;
  HttpClient leader = server.LoginAs("leader");
  auto dashboard = leader.Get("/api/v1/supervision/dashboard");
  ASSERT_EQ(dashboard.status, 200) << dashboard.body;
  const auto figures = dashboard.Json();
  EXPECT_EQ(figures.at("recommendations").at("issued").as_int64(), 1);
  EXPECT_EQ(figures.at("recommendations").at("answered").as_int64(), 1);
  EXPECT_EQ(figures.at("recommendations").at("rectified").as_int64(), 1);
  EXPECT_EQ(figures.at("coverage").at("projects").as_int64(), 4);
  EXPECT_EQ(figures.at("warnings_by_month").as_array().size(), 12u);
  std::int64_t red = 0;
  for (const auto& level : figures.at("warnings_by_level").as_array()) {
    if (level.at("level").as_string() == "red") red = level.at("open").as_int64();
  }
  EXPECT_GE(red, 1) << figures;
}

TEST(Recommendations, AnOverdueReplyIsCountedAndMayBeEvaluatedWithoutOne) {
  TestServer server;
  SeedProjects(server);
  HttpClient prosecutor = server.LoginAs("prosecutor");
  const auto warning = RedWarning(prosecutor);
  const auto project = prosecutor.Get("/api/v1/projects/" + std::to_string(warning.at("project_id").as_int64())).Json();
  ASSERT_FALSE(project.at("risk").is_null()) << project;
  const auto risk_id = project.at("risk").at("id").as_int64();

  // Not to the procuratorate itself, nor on a risk that does not exist.
  EXPECT_EQ(prosecutor.PostJson(kList, Recommendation("risk", risk_id, "procuratorate")).status, 400);
  EXPECT_EQ(prosecutor.PostJson(kList, Recommendation("risk", 999999, "wage_office")).status, 404);
  auto blank = Recommendation("risk", risk_id, "wage_office");
  blank["measures"] = "  ";
  EXPECT_EQ(prosecutor.PostJson(kList, blank).status, 400);

  auto issued = prosecutor.PostJson(kList, Recommendation("risk", risk_id, "wage_office"));
  ASSERT_EQ(issued.status, 201) << issued.body;
  const auto id = issued.Json().at("id").as_int64();
  EXPECT_EQ(issued.Json().at("basis").at("risk_id").as_int64(), risk_id);

  // 68 days on, 14 March, no reply: 9 days past the 5 March due date.
  server.clock().Advance(68 * 24 * 3600);
  prosecutor = server.LoginAs("prosecutor");
  const auto overdue = prosecutor.Get(std::string(kList) + "?overdue=true").Json();
  ASSERT_TRUE(Lists(overdue, id)) << overdue;
  EXPECT_EQ(overdue.at("counts").at("overdue").as_int64(), 1);
  EXPECT_EQ(overdue.at("items").at(0).at("days_overdue").as_int64(), 9);
  EXPECT_TRUE(overdue.at("items").at(0).at("can_evaluate").as_bool());
  const auto work = prosecutor.Get("/api/v1/worklist").Json();
  ASSERT_EQ(work.at("recommendations").as_array().size(), 1u) << work;

  // The reminder job announces the overdue reply once, to the body addressed and to the procuratorate.
  HttpClient sysadmin = server.LoginAs("sysadmin");
  for (int run = 0; run < 2; ++run) {
    ASSERT_EQ(sysadmin.Send("POST", "/api/v1/system/jobs/recommendation_overdue/run").status, 200);
  }
  EXPECT_EQ(CountOfKind(server.LoginAs("coordinator"), "recommendation_overdue"), 1);
  EXPECT_EQ(CountOfKind(prosecutor, "recommendation_overdue"), 1);
  EXPECT_EQ(CountOfKind(server.LoginAs("handler"), "recommendation_overdue"), 0) << "not addressed to labour inspection";

  auto evaluated = prosecutor.PostJson(std::string(kList) + "/" + std::to_string(id) + "/evaluation",
                                       {{"outcome", "not_rectified"}, {"text", "逾期未回复，未见整改。"}});
  ASSERT_EQ(evaluated.status, 200) << evaluated.body;
  EXPECT_TRUE(evaluated.Json().at("reply").is_null());

  // The bulletin up to 13 March counts it issued, and overdue for the wage office (due 5 March, no
  // reply by the period's last day); the evaluation on 14 March falls after the period.
  HttpClient office = server.LoginAs("coordinator");
  auto bulletin = office.PostJson("/api/v1/bulletins", {{"period", "on_demand"}, {"from", "2026-01-01"}, {"to", "2026-03-13"}});
  ASSERT_EQ(bulletin.status, 201) << bulletin.body;
  const auto figures = bulletin.Json().at("figures").at("recommendations");
  EXPECT_EQ(figures.at("issued").as_int64(), 1) << figures;
  EXPECT_EQ(figures.at("answered").as_int64(), 0);
  EXPECT_EQ(figures.at("evaluated").as_int64(), 0);
  ASSERT_EQ(figures.at("overdue_by_body").as_array().size(), 1u) << figures;
  EXPECT_EQ(figures.at("overdue_by_body").at(0).at("body_code").as_string(), "wage_office");
  EXPECT_EQ(figures.at("overdue_by_body").at(0).at("overdue").as_int64(), 1);
  HttpClient coordinator = server.LoginAs("coordinator");
  auto reply = coordinator.PostJson(std::string(kList) + "/" + std::to_string(id) + "/reply",
                                    {{"kind", "rectifying"}, {"text", "迟到的回复"}, {"rectification_evidence", "x"}});
  EXPECT_EQ(reply.status, 409) << "no reply after the evaluation";
}

TEST(Recommendations, TheDistrictSetsTheReplyPeriodAndItIsShownAsItsOwn) {
  TestServer server;
  SeedProjects(server);
  HttpClient admin = server.LoginAs("sysadmin");
  auto set = admin.PutJson("/api/v1/settings/case-rules",
                           boost::json::object{{"time_limit_overrides", {{"L38", {{"limit", 1}}}}}});
  ASSERT_EQ(set.status, 200) << set.body;
  HttpClient prosecutor = server.LoginAs("prosecutor");
  const auto warning = RedWarning(prosecutor);
  auto issued = prosecutor.PostJson(kList, Recommendation("project_warning", warning.at("id").as_int64(), "hrss"));
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_EQ(issued.Json().at("reply_due_on").as_string(), "2026-02-05");
  EXPECT_EQ(issued.Json().at("reply_period").at("status_zh").as_string(), "本区设置");
  EXPECT_EQ(issued.Json().at("reply_period").at("limit").as_int64(), 1);
}

}  // namespace
}  // namespace wagelink::testing
