// A case decided on its complete legal facts (issue 11), through the API on SQLite and PostgreSQL:
// findings revise the conduct and the other facts, only the actor's own payments count as paying, the
// amount tested is what remains unpaid after the deadline, the mitigation stage is fixed by the payment
// date, the case's assessment is exactly what POST /api/v1/assessments answers for its facts, and a
// case whose facts call for it is reported at once to the leadership and 区治欠办.
#include <gtest/gtest.h>

#include <cmath>
#include <tuple>

#include "support/scenarios.h"
#include "support/case_api.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr const char* kAfterScenarioOne = "2025-12-22T02:00:00Z";

HttpResponse Find(HttpClient& client, std::int64_t id, const std::string& kind, boost::json::object value,
                  const std::string& reason = "调查核实") {
  return client.PostJson(CasePath(id, "/findings"),
                         {{"kind", kind}, {"value", value}, {"reason", reason}, {"evidence", {"询问笔录第3号"}}});
}

HttpResponse Pay(HttpClient& client, std::int64_t id, const std::string& amount, const std::string& on,
                 const std::string& payer) {
  return client.PostJson(CasePath(id, "/payments"),
                         {{"proportional", true}, {"amount_yuan", amount}, {"paid_on", on}, {"payer", payer}});
}

// S1 with the conduct not yet known: registered, accepted, order posted for the boss (deadline 12-10)
// and served on the general contractor.
std::int64_t ScenarioOneToOrder(HttpClient& handler) {
  auto complaint = ScenarioOneComplaint();
  complaint["conduct"] = "unknown";
  auto created = handler.PostJson("/api/v1/cases", complaint);
  EXPECT_EQ(created.status, 201) << created.body;
  const std::int64_t id = created.Json().at("id").as_int64();
  EXPECT_EQ(Step(handler, id, "accept_complaint", "2025-12-01T03:00:00Z").status, 200);
  auto order = Step(handler, id, "issue_order", "2025-12-05T08:00:00Z",
                    {{"document", "rectification_order"}, {"deadline", "2025-12-10"}, {"service", "posted_at_premises"},
                     {"served_at", "2025-12-05T08:00:00Z"}, {"service_evidence_recorded", true}});
  EXPECT_EQ(order.status, 200) << order.body;
  order = Step(handler, id, "issue_order", "2025-12-05T09:00:00Z",
               {{"document", "rectification_order"}, {"deadline", "2025-12-10"}, {"service", "served"},
                {"served_at", "2025-12-05T09:00:00Z"}, {"addressee", "general_contractor"}});
  EXPECT_EQ(order.status, 200) << order.body;
  return id;
}

const boost::json::object& Element(const boost::json::value& assessment, const std::string& id) {
  for (const auto& element : assessment.at("elements").as_array()) {
    if (element.at("id").as_string() == id) return element.as_object();
  }
  throw std::runtime_error("no element " + id);
}

TEST(CaseFacts, TheInvestigationRevisesTheConductAndAnAdvanceDoesNotUndoTheRefusal) {
  TestServer server({.start_time = *ParseUtc(kAfterScenarioOne)});
  HttpClient handler = server.LoginAs("handler");
  const std::int64_t id = ScenarioOneToOrder(handler);

  // 12-08: the general contractor advances every worker's wages before the deadline.
  auto advance = Pay(handler, id, "186400", "2025-12-08", "general_contractor");
  ASSERT_EQ(advance.status, 200) << advance.body;
  EXPECT_EQ(advance.Json().at("outstanding").at("yuan").as_string(), "0.00");
  const auto refused = Step(handler, id, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "paid_in_full_by_deadline"}});
  EXPECT_EQ(refused.status, 409) << "the workers were paid, but not by the actor";
  EXPECT_NE(std::string(refused.Json().at("detail").as_string()).find("垫付"), std::string::npos) << refused.body;
  auto detail = Step(handler, id, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "unpaid_after_deadline"}});
  ASSERT_EQ(detail.status, 200) << detail.body;
  auto assessment = detail.Json().at("assessment");
  EXPECT_EQ(Element(assessment, "not_paid_within_deadline").at("met").as_bool(), true);
  EXPECT_EQ(assessment.at("amount_threshold").at("total_owed_yuan").as_string(), "186400.00");
  EXPECT_EQ(assessment.at("amount_threshold").at("met").as_bool(), true);
  EXPECT_EQ(assessment.at("recommendation").as_string(), "consult") << "the conduct is not established yet";
  EXPECT_EQ(detail.Json().at("assessment_input").at("order").at("addressee").as_string(), "employer");

  // The investigation establishes that the boss absconded; the police later find he moved assets.
  auto found = Find(handler, id, "conduct", {{"conduct", "abscond"}}, "经短信通知后未到场（人社部发〔2014〕100号）");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.Json().at("facts").at("conduct").as_string(), "abscond");
  EXPECT_EQ(found.Json().at("conduct").as_string(), "abscond");
  EXPECT_EQ(found.Json().at("assessment").at("recommendation").as_string(), "transfer");
  const auto found_json = found.Json();
  const auto& last = found_json.at("timeline").as_array().back();
  EXPECT_EQ(last.at("event").as_string(), "record_finding");
  EXPECT_EQ(last.at("actor").as_string(), "handler");
  EXPECT_EQ(last.at("payload").at("previous").at("conduct").as_string(), "unknown");
  EXPECT_NE(std::string(last.at("explanation_zh").as_string()).find("逃匿"), std::string::npos);

  // Screening against the platform's assessment needs a reason; the watch starts from the assessment.
  auto departed = Step(handler, id, "complete_screening", "2025-12-11T02:00:00Z", {{"recommendation", "administrative"}});
  EXPECT_EQ(departed.status, 409) << departed.body;
  EXPECT_EQ(departed.Json().at("field").as_string(), "reason");
  auto screened = Step(handler, id, "complete_screening", "2025-12-11T02:00:00Z", {{"recommendation", "transfer"}});
  ASSERT_EQ(screened.status, 200) << screened.body;
  bool watching = false;
  const auto screened_json = screened.Json();
  for (const auto& clock : screened_json.at("clocks").as_array()) {
    watching = watching || clock.at("rule_id").as_string() == "should_have_been_transferred";
  }
  EXPECT_TRUE(watching) << "the 有案不移 watch starts from the server's own assessment";
}

TEST(CaseFacts, OnlyThePaymentsOfTheActorWithinThePeriodReduceTheAmountTested) {
  TestServer server({.start_time = *ParseUtc(kAfterScenarioOne)});
  HttpClient handler = server.LoginAs("handler");
  const std::int64_t id = ScenarioOneToOrder(handler);
  ASSERT_EQ(Find(handler, id, "conduct", {{"conduct", "able_but_refused"}}).status, 200);
  // The employer pays 100,000 within the period, the developer 50,000, and the employer 30,000 too late.
  ASSERT_EQ(Pay(handler, id, "100000", "2025-12-09", "employer").status, 200);
  ASSERT_EQ(Pay(handler, id, "50000", "2025-12-09", "developer").status, 200);
  auto late = Pay(handler, id, "30000", "2025-12-15", "actual_controller");
  ASSERT_EQ(late.status, 200) << late.body;
  const auto detail = late.Json();
  std::int64_t unpaid_fen = 0;
  for (const auto& worker : detail.at("assessment_input").at("workers").as_array()) {
    const std::string yuan(worker.at("unpaid_after_deadline_yuan").as_string());
    unpaid_fen += static_cast<std::int64_t>(std::llround(std::stod(yuan) * 100));
  }
  EXPECT_EQ(unpaid_fen, 8'640'000) << "186,400 less the employer's 100,000 paid by the deadline";
  EXPECT_EQ(detail.at("assessment").at("amount_threshold").at("total_owed_yuan").as_string(), "86400.00");
  // 86,400 is below 100,000 but inside the national range: no province is chosen, so it is unknown.
  EXPECT_EQ(detail.at("assessment").at("amount_threshold").at("profile").as_string(), "unset");
  EXPECT_TRUE(detail.at("assessment").at("amount_threshold").at("prong_2_met").is_null());
  bool actor_flagged = false;
  for (const auto& payment : detail.at("payments").as_array()) {
    if (payment.at("payer").as_string() == "developer") {
      EXPECT_FALSE(payment.at("actor_payment").as_bool());
    }
    if (payment.at("payer").as_string() == "actual_controller") actor_flagged = payment.at("actor_payment").as_bool();
  }
  EXPECT_TRUE(actor_flagged);
}

TEST(CaseFacts, TheCasesAssessmentIsWhatTheStatelessAssessmentAnswersForItsFacts) {
  TestServer server({.start_time = *ParseUtc(kAfterScenarioOne)});
  HttpClient handler = server.LoginAs("handler");
  const char* payers[] = {"employer", "general_contractor", "actual_controller", "emergency_fund"};
  const char* conducts[] = {"abscond", "transfer_assets", "able_but_refused", "unable", "unknown"};
  for (int round = 0; round < 8; ++round) {
    const std::int64_t id = ScenarioOneToOrder(handler);
    ASSERT_EQ(Find(handler, id, "conduct", {{"conduct", conducts[round % 5]}}).status, 200);
    if (round % 3 == 0) {
      ASSERT_EQ(Find(handler, id, "serious_consequences", {{"consequences", {"basic_living"}}}).status, 200);
    }
    if (round % 4 == 1) {
      ASSERT_EQ(Find(handler, id, "mass_incident", {{"occurred", true}}).status, 200);
    }
    if (round % 5 == 2) {
      ASSERT_EQ(Find(handler, id, "justified_reason", {{"established", true}}).status, 200);
    }
    ASSERT_EQ(Pay(handler, id, std::to_string(20000 * (round + 1)), round % 2 ? "2025-12-09" : "2025-12-12",
                  payers[round % 4]).status,
              200);
    auto detail = handler.Get(CasePath(id)).Json();
    auto replayed = handler.PostJson("/api/v1/assessments", detail.at("assessment_input"));
    ASSERT_EQ(replayed.status, 200) << replayed.body;
    EXPECT_EQ(boost::json::serialize(replayed.Json()), boost::json::serialize(detail.at("assessment"))) << "round " << round;
  }
}

TEST(CaseFacts, TheMitigationStageIsFixedByWhenTheActorPaid) {
  TestServer server({.start_time = *ParseUtc("2026-01-20T02:00:00Z")});
  HttpClient handler = server.LoginAs("handler");
  HttpClient head = server.LoginAs("head");
  HttpClient police = server.LoginAs("police");
  const std::int64_t id = ScenarioOneToOrder(handler);
  ASSERT_EQ(Find(handler, id, "conduct", {{"conduct", "abscond"}}).status, 200);
  for (const auto& [client, event, at, payload] :
       std::vector<std::tuple<HttpClient*, std::string, std::string, boost::json::object>>{
           {&handler, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "unpaid_after_deadline"}}},
           {&handler, "complete_screening", "2025-12-11T02:00:00Z", {{"recommendation", "transfer"}}},
           {&handler, "form_case_group", "2025-12-11T02:30:00Z", {{"officers", {"handler", "handler2"}}}},
           {&handler, "submit_transfer_report", "2025-12-11T06:00:00Z", {}},
           {&head, "approve_transfer", "2025-12-12T02:00:00Z", {}}}) {
    auto r = Step(*client, id, event, at, payload);
    ASSERT_EQ(r.status, 200) << event << ": " << r.body;
  }
  ASSERT_EQ(AttachTransferPackage(handler, id), 201);
  ASSERT_EQ(Step(handler, id, "send_transfer", "2025-12-12T07:00:00Z", {{"copy_to_procuratorate", true}}).status, 200);
  ASSERT_EQ(Step(police, id, "sign_receipt", "2025-12-12T08:00:00Z").status, 200);
  ASSERT_EQ(Step(police, id, "file_case", "2025-12-15T02:00:00Z").status, 200);
  // The boss pays everything during the police investigation, and bears the compensation.
  auto paid = Pay(handler, id, "186400", "2026-01-10", "employer");
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_EQ(paid.Json().at("assessment").at("mitigation").at("stage").as_string(), "before_prosecution");
  EXPECT_TRUE(paid.Json().at("assessment").at("mitigation").at("compensation_borne").is_null());
  auto borne = Find(police, id, "compensation_borne", {{"borne", true}});
  ASSERT_EQ(borne.status, 200) << borne.body;
  EXPECT_TRUE(borne.Json().at("assessment").at("mitigation").at("compensation_borne").as_bool());
  // A later read (the state moves on) keeps the stage of the payment's date.
  server.clock().Advance(60 * 24 * 3600);
  HttpClient later = server.LoginAs("handler");  // the earlier session has expired meanwhile
  EXPECT_EQ(later.Get(CasePath(id)).Json().at("assessment").at("mitigation").at("stage").as_string(),
            "before_prosecution");
}

TEST(CaseFacts, FindingsAreRefusedToTheWrongBodyAndForBadInputWithNothingWritten) {
  TestServer server({.start_time = *ParseUtc(kAfterScenarioOne)});
  HttpClient handler = server.LoginAs("handler");
  const std::int64_t id = ScenarioOneToOrder(handler);
  const auto events_before = handler.Get(CasePath(id)).Json().at("timeline").as_array().size();
  HttpClient legal_aid = server.LoginAs("legalaid");
  HttpClient police = server.LoginAs("police");
  HttpClient judge = server.LoginAs("judge");
  EXPECT_EQ(Find(legal_aid, id, "conduct", {{"conduct", "abscond"}}).status, 403);
  EXPECT_EQ(Find(police, id, "conduct", {{"conduct", "abscond"}}).status, 404)
      << "the police do not see a case before it reaches them";
  EXPECT_EQ(Find(judge, id, "conduct", {{"conduct", "abscond"}}).status, 403);
  auto bad = Find(handler, id, "conduct", {{"conduct", "fled"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(bad.Json().at("field").as_string(), "value.conduct");
  EXPECT_EQ(Find(handler, id, "mood", {{"conduct", "abscond"}}).status, 400);
  EXPECT_EQ(Find(handler, id, "conduct", {{"conduct", "abscond"}}, "").status, 400) << "a finding needs its grounds";
  auto extra = handler.PostJson(CasePath(id, "/findings"),
                                {{"kind", "conduct"}, {"value", {{"conduct", "abscond"}}}, {"reason", "x"}, {"by", "me"}});
  EXPECT_EQ(extra.status, 400);
  EXPECT_EQ(extra.Json().at("field").as_string(), "by");
  auto stepped = Step(handler, id, "record_order_outcome", "2025-12-11T01:00:00Z",
                      {{"outcome", "unpaid_after_deadline"}, {"conduct", "abscond"}});
  EXPECT_EQ(stepped.status, 400) << "a step does not silently take a fact";
  EXPECT_EQ(stepped.Json().at("field").as_string(), "payload.conduct");
  auto payer = handler.PostJson(CasePath(id, "/payments"),
                                {{"proportional", true}, {"amount_yuan", "10"}, {"paid_on", "2025-12-09"}, {"payer", "boss"}});
  EXPECT_EQ(payer.status, 400);
  EXPECT_EQ(handler.Get(CasePath(id)).Json().at("timeline").as_array().size(), events_before);
}

TEST(CaseFacts, AMassIncidentInTheCasesFactsIsReportedAtOnceToTheLeadershipAndTheWageOfficeOnce) {
  TestServer server({.start_time = *ParseUtc(kAfterScenarioOne)});
  HttpClient handler = server.LoginAs("handler");
  const std::int64_t id = ScenarioOneToOrder(handler);
  const auto count = [&](const std::string& user) {
    int n = 0;
    const auto inbox = server.LoginAs(user).Get("/api/v1/inbox?page_size=100").Json();
    for (const auto& item : inbox.at("items").as_array()) {
      if (item.at("kind").as_string() == "case_report") ++n;
    }
    return n;
  };
  EXPECT_EQ(count("leader"), 0);
  auto found = Find(handler, id, "mass_incident", {{"occurred", true}}, "工人聚集堵门");
  ASSERT_EQ(found.status, 200) << found.body;
  EXPECT_EQ(found.Json().at("facts").at("mass_incident").as_bool(), true);
  EXPECT_EQ(count("leader"), 1);
  EXPECT_EQ(count("coordinator"), 1);
  const auto found_json = found.Json();
  const auto& report = found_json.at("timeline").as_array().back();
  EXPECT_EQ(report.at("event").as_string(), "report_at_once");
  EXPECT_NE(std::string(report.at("explanation_zh").as_string()).find("区委、区政府"), std::string::npos);
  ASSERT_EQ(Find(handler, id, "serious_consequences", {{"consequences", {"violence"}}}).status, 200);
  EXPECT_EQ(count("leader"), 1) << "once per case and level";
  // The blacklist's second criterion now holds too (45号令 §5(二)).
  EXPECT_EQ(found.Json().at("assessment").at("blacklist").at("eligible").as_bool(), true);
  // A worker then threatens to jump: an extreme incident is reported again, at the top level.
  auto extreme = Find(handler, id, "mass_incident", {{"occurred", true}, {"extreme", true}}, "工人爬上塔吊扬言跳下");
  ASSERT_EQ(extreme.status, 200) << extreme.body;
  EXPECT_EQ(extreme.Json().at("facts").at("extreme_incident").as_bool(), true);
  EXPECT_EQ(count("leader"), 2);
  const auto extreme_json = extreme.Json();
  const auto& severe = extreme_json.at("timeline").as_array().back();
  EXPECT_EQ(severe.at("event").as_string(), "report_at_once");
  EXPECT_EQ(severe.at("payload").at("level").as_string(), "severe") << severe;
  EXPECT_EQ(Find(handler, id, "mass_incident", {{"occurred", false}, {"extreme", true}}).status, 400)
      << "an extreme incident is an incident";
}

TEST(CaseFacts, ACaseKeptFromThePoliceAgainstTheAssessmentIsWatchedAndClosingItTellsTheProcuratorate) {
  TestServer server({.start_time = *ParseUtc(kAfterScenarioOne)});
  HttpClient handler = server.LoginAs("handler");
  const std::int64_t id = ScenarioOneToOrder(handler);
  ASSERT_EQ(Step(handler, id, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "unpaid_after_deadline"}}).status, 200);
  // Kept with labour inspection while the conduct is unknown (the assessment says consult) ...
  auto kept = Step(handler, id, "complete_screening", "2025-12-11T02:00:00Z", {{"recommendation", "administrative"}},
                   "包工头承诺月底前付清");
  ASSERT_EQ(kept.status, 200) << kept.body;
  const auto watches = [](const boost::json::value& detail) {
    int running = 0;
    for (const auto& clock : detail.at("clocks").as_array()) {
      running += clock.at("rule_id") == "should_have_been_transferred" && clock.at("stopped_at").is_null() ? 1 : 0;
    }
    return running;
  };
  EXPECT_EQ(watches(kept.Json()), 1) << "over the threshold and unpaid: watched from the deadline";
  // ... then the investigation establishes that the boss absconded: the assessment says transfer.
  ASSERT_EQ(Find(handler, id, "conduct", {{"conduct", "abscond"}}).status, 200);
  auto again = Step(handler, id, "complete_screening", "2025-12-12T02:00:00Z", {{"recommendation", "administrative"}},
                    "已签订还款协议");
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_EQ(watches(again.Json()), 1) << "still one watch";
  auto bare = Step(handler, id, "close_case", "2025-12-15T02:00:00Z", {{"reason", "administrative_concluded"}});
  EXPECT_EQ(bare.status, 409) << bare.body;
  EXPECT_EQ(bare.Json().at("field").as_string(), "reason");
  auto closed = Step(handler, id, "close_case", "2025-12-15T02:00:00Z", {{"reason", "administrative_concluded"}},
                     "已作出行政处罚决定");
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_EQ(closed.Json().at("state").as_string(), "closed_administrative");
  EXPECT_EQ(watches(closed.Json()), 1) << "a closed case kept from the police stays watched";
  const auto inbox = server.LoginAs("prosecutor").Get("/api/v1/inbox?page_size=100").Json();
  int told = 0;
  for (const auto& item : inbox.at("items").as_array()) {
    told += item.at("case_id") == id && item.at("title_zh").as_string().find("结案") != std::string::npos ? 1 : 0;
  }
  EXPECT_EQ(told, 1) << inbox;
}

TEST(CaseFacts, TheInvestigationEstablishesEachWorkersRemunerationAndOnlyThatIsTested) {
  TestServer server({.start_time = *ParseUtc(kAfterScenarioOne)});
  HttpClient handler = server.LoginAs("handler");
  const std::int64_t id = ScenarioOneToOrder(handler);
  auto detail = handler.Get(CasePath(id)).Json();
  const std::int64_t first = detail.at("workers").at(0).at("id").as_int64();
  ASSERT_EQ(Pay(handler, id, "14000", "2025-12-12", "general_contractor").status, 200);  // about 1,600 to 张建国
  // Of the 21,300 张建国 claimed, 6,300 is severance (经济补偿), not remuneration (法释 §1).
  auto found = Find(handler, id, "worker_claim",
                    {{"worker_id", first}, {"owed_yuan", "15000"}, {"other_claims_yuan", "6300"}, {"months_unpaid", 5}},
                    "经核对考勤和工资表，其中 6,300 元为经济补偿");
  ASSERT_EQ(found.status, 200) << found.body;
  const auto json = found.Json();
  EXPECT_EQ(json.at("owed").at("yuan").as_string(), "180100.00");
  EXPECT_EQ(json.at("workers").at(0).at("owed").at("yuan").as_string(), "15000.00");
  EXPECT_EQ(json.at("workers").at(0).at("other_claims").at("yuan").as_string(), "6300.00");
  EXPECT_EQ(json.at("workers").at(0).at("months_unpaid").as_int64(), 5);
  EXPECT_EQ(json.at("assessment_input").at("workers").at(0).at("owed_yuan").as_string(), "15000.00");
  EXPECT_EQ(json.at("assessment_input").at("workers").at(0).at("months_unpaid").as_int64(), 5);
  EXPECT_EQ(json.at("assessment").at("amount_threshold").at("total_owed_yuan").as_string(), "180100.00");
  const auto& last = json.at("timeline").as_array().back();
  EXPECT_EQ(last.at("payload").at("previous").at("owed_yuan").as_string(), "21300.00") << "the finding keeps what it replaced";
  EXPECT_NE(std::string(last.at("explanation_zh").as_string()).find("张建国"), std::string::npos) << last;
  auto replayed = handler.PostJson("/api/v1/assessments", json.at("assessment_input"));
  ASSERT_EQ(replayed.status, 200) << replayed.body;
  EXPECT_EQ(replayed.Json(), json.at("assessment"));

  // Refused, with nothing written: a worker of no case of ours, less than already paid, unknown keys.
  const auto events = json.at("timeline").as_array().size();
  auto stranger = Find(handler, id, "worker_claim", {{"worker_id", 999999}, {"owed_yuan", "1"}, {"months_unpaid", 1}});
  EXPECT_EQ(stranger.status, 400) << stranger.body;
  EXPECT_EQ(stranger.Json().at("field").as_string(), "value.worker_id");
  auto below = Find(handler, id, "worker_claim", {{"worker_id", first}, {"owed_yuan", "1000"}, {"months_unpaid", 5}});
  EXPECT_EQ(below.status, 400) << below.body;
  EXPECT_EQ(below.Json().at("field").as_string(), "value.owed_yuan");
  auto unknown = Find(handler, id, "worker_claim",
                      {{"worker_id", first}, {"owed_yuan", "15000"}, {"months_unpaid", 5}, {"bonus", 1}});
  EXPECT_EQ(unknown.status, 400) << unknown.body;
  EXPECT_EQ(handler.Get(CasePath(id)).Json().at("timeline").as_array().size(), events);
  EXPECT_EQ(server.LoginAs("judge").PostJson(CasePath(id, "/findings"),
                                             {{"kind", "worker_claim"},
                                              {"value", {{"worker_id", first}, {"owed_yuan", "15000"}, {"months_unpaid", 5}}},
                                              {"reason", "x"}})
                .status,
            403) << "the court records only whether compensation was borne";
}

}  // namespace
}  // namespace wagelink::testing
