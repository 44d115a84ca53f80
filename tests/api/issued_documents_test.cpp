// Documents issued by the steps that issue them (issue 15): the facts of that moment bound into the
// template, numbered in the issuing body's own series per document type, stored once and never
// re-rendered with newer data; the official layout names the body in full with its 文号; a step
// waits for the document it depends on; numbers have no gaps or duplicates however many issue at once.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <thread>

#include "support/case_api.h"
#include "support/pdf_text.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr const char* kAfterScenarioOne = "2025-12-22T02:00:00Z";

class IssuedDocuments : public ::testing::Test {
 protected:
  IssuedDocuments()
      : server_({.start_time = *ParseUtc(kAfterScenarioOne)}),
        handler_(server_.LoginAs("handler")),
        head_(server_.LoginAs("head")),
        police_(server_.LoginAs("police")),
        prosecutor_(server_.LoginAs("prosecutor")) {
    id_ = NewCase(handler_);
  }

  static std::int64_t NewCase(HttpClient& client) {
    auto created = client.PostJson("/api/v1/cases", ScenarioOneComplaint());
    EXPECT_EQ(created.status, 201) << created.body;
    return created.Json().at("id").as_int64();
  }

  static void Ok(const HttpResponse& r, const std::string& what) { ASSERT_EQ(r.status, 200) << what << ": " << r.body; }

  void IssueOrder(HttpClient& client, std::int64_t id) {
    Ok(Step(client, id, "accept_complaint", "2025-12-01T03:00:00Z"), "accept");
    Ok(Step(client, id, "issue_order", "2025-12-05T08:00:00Z",
            {{"document", "rectification_order"}, {"deadline", "2025-12-10"}, {"service", "posted_at_premises"},
             {"served_at", "2025-12-05T08:00:00Z"}, {"service_evidence_recorded", true}}),
       "issue_order");
  }

  // To the civil route: the employer is found unable to pay (no property), so screening says civil.
  void ToCivilRoute(std::int64_t id) {
    IssueOrder(handler_, id);
    Ok(Step(handler_, id, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "unpaid_after_deadline"}}), "outcome");
    auto found = handler_.PostJson(CasePath(id, "/findings"),
                                   {{"kind", "conduct"}, {"value", {{"conduct", "unable"}}},
                                    {"reason", "账户、房产、车辆查询均无财产，未发现转移财产或逃匿"}, {"evidence", {"财产查询结果"}}});
    ASSERT_LT(found.status, 300) << found.body;
    Ok(Step(handler_, id, "complete_screening", "2025-12-11T02:00:00Z", {{"recommendation", "civil"}}), "civil");
  }

  void Pay(const std::string& yuan, const std::string& on) {
    auto paid = handler_.PostJson(CasePath(id_, "/payments"), {{"proportional", true}, {"amount_yuan", yuan},
                                                              {"paid_on", on}, {"payer", "general_contractor"}});
    ASSERT_EQ(paid.status, 200) << paid.body;
  }

  // To the transfer, with 74,800 yuan paid by the general contractor before it: 111,600 owed that day.
  void Transfer() {
    IssueOrder(handler_, id_);
    Ok(Step(handler_, id_, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "unpaid_after_deadline"}}), "outcome");
    Ok(Step(handler_, id_, "complete_screening", "2025-12-11T02:00:00Z", {{"recommendation", "transfer"}}), "screening");
    Ok(Step(handler_, id_, "form_case_group", "2025-12-11T02:30:00Z", {{"officers", {"handler", "handler2"}}}), "group");
    Ok(Step(handler_, id_, "submit_transfer_report", "2025-12-11T06:00:00Z"), "report");
    Ok(Step(head_, id_, "approve_transfer", "2025-12-12T02:00:00Z"), "approve");
    ASSERT_EQ(AttachTransferPackage(handler_, id_), 201);
    Pay("74800", "2025-12-12");
    Ok(Step(handler_, id_, "send_transfer", "2025-12-12T07:00:00Z", {{"copy_to_procuratorate", true}}), "send");
  }

  boost::json::object Document(HttpClient& client, std::int64_t id, const std::string& kind) {
    auto list = client.Get(CasePath(id, "/documents"));
    EXPECT_EQ(list.status, 200) << list.body;
    boost::json::object found;
    const auto json = list.Json();  // kept alive: the loop reads into it
    for (const auto& d : json.at("items").as_array()) {
      if (d.at("kind").as_string() == kind) found = d.as_object();  // the newest of its kind
    }
    EXPECT_FALSE(found.empty()) << "no " << kind << " on the case: " << list.body;
    return found;
  }

  std::string Bytes(HttpClient& client, const boost::json::object& doc) {
    auto pdf = client.Get(std::string(doc.at("pdf_url").as_string()));
    EXPECT_EQ(pdf.status, 200) << pdf.body.substr(0, 300);
    EXPECT_EQ(pdf.Header("x-document-sha256"), doc.at("sha256").as_string());
    return pdf.body;
  }

  PdfText Text(HttpClient& client, std::int64_t id, const std::string& kind) {
    return ReadPdf(Bytes(client, Document(client, id, kind)), "issued_" + kind);
  }

  static void Contains(const PdfText& pdf, std::initializer_list<const char*> expected, const std::string& what) {
    for (const char* text : expected) EXPECT_NE(pdf.text.find(text), std::string::npos) << what << ": " << text << "\n" << pdf.text;
  }

  TestServer server_;
  HttpClient handler_, head_, police_, prosecutor_;
  std::int64_t id_ = 0;
};

TEST_F(IssuedDocuments, TheTransferLetterStatesTheAmountOwedOnTheDayOfTransferAndNeverChanges) {
  Transfer();
  auto letter = Document(handler_, id_, "transfer_letter");
  EXPECT_EQ(letter.at("step").as_string(), "send_transfer");
  EXPECT_EQ(letter.at("doc_no").as_string(), "示劳监移〔2025〕1号");
  EXPECT_EQ(letter.at("issuer_name").as_string(), "示范区人力资源和社会保障局");
  EXPECT_EQ(letter.at("document_date").as_string(), "2025-12-12");
  EXPECT_EQ(letter.at("document_date_zh").as_string(), "2025年12月12日");
  const std::string first = Bytes(handler_, letter);
  auto pdf = ReadPdf(first, "transfer_letter_at_transfer");
  Contains(pdf, {"示范区人力资源和社会保障局", "示劳监移〔2025〕1号", "涉嫌犯罪案件移送书", "示范区公安分局：",
                 "共计人民币186,400.00元", "尚欠劳动者工资人民币111,600.00元", "2025年12月12日",
                 "抄送：示范区人民检察院", "（联系人：李承办）", "示范区人力资源和社会保障局办公室", "印发"},
           "移送书");

  // Everything is paid afterwards; the letter as issued still says what was owed that day.
  Pay("111600", "2025-12-20");
  EXPECT_EQ(handler_.Get(CasePath(id_)).Json().at("outstanding").at("yuan").as_string(), "0.00");
  auto again = Document(handler_, id_, "transfer_letter");
  EXPECT_EQ(again.at("sha256").as_string(), letter.at("sha256").as_string());
  EXPECT_EQ(Bytes(handler_, again), first) << "byte-identical for the same viewer at the same time";
  Contains(ReadPdf(Bytes(handler_, again), "transfer_letter_after_payment"), {"尚欠劳动者工资人民币111,600.00元"}, "移送书 later");
  EXPECT_EQ(handler_.PostJson(CasePath(id_, "/documents"), {{"kind", "transfer_letter"}}).status, 409)
      << "a step's document cannot be made again on demand with today's data";
}

TEST_F(IssuedDocuments, TheSuspicionStatesTheConductAndThePersonsTheFindingsEstablished) {
  auto finding = [&](const std::string& kind, const boost::json::object& value) {
    auto r = handler_.PostJson(CasePath(id_, "/findings"), {{"kind", kind}, {"value", value}, {"reason", "经调查核实"}});
    ASSERT_EQ(r.status, 200) << r.body;
  };
  finding("conduct", {{"conduct", "transfer_assets"}});
  finding("employer_kind", {{"employer_kind", "unqualified_contractor"}, {"actual_controller", "王某"},
                            {"responsible_persons", {"赵某", "钱某"}}});
  Transfer();
  for (const char* kind : {"transfer_letter", "transfer_report", "investigation_report"}) {
    const auto pdf = Text(handler_, id_, kind);
    Contains(pdf, {"以转移财产方法逃避支付劳动者的劳动报酬"}, kind);
    EXPECT_EQ(pdf.text.find("逃匿"), std::string::npos) << kind << " states a conduct nobody found:\n" << pdf.text;
    Contains(pdf, {"实际控制人王某", "直接负责的主管人员赵某、钱某"}, kind);
  }
}

TEST_F(IssuedDocuments, TheOrderKeepsItsIssueDateAndDeadline) {
  IssueOrder(handler_, id_);
  auto order = Document(handler_, id_, "rectification_order");
  EXPECT_EQ(order.at("step").as_string(), "issue_order");
  EXPECT_EQ(order.at("document_date").as_string(), "2025-12-05");
  auto pdf = Text(handler_, id_, "rectification_order");
  Contains(pdf, {"劳动保障监察限期整改指令书", "示劳监令〔2025〕1号", "2025年12月10日前", "2025年12月5日", "示范区人力资源和社会保障局"},
           "指令书");
  Contains(Text(handler_, id_, "service_record"), {"送达回证", "示劳监送〔2025〕1号", "（示劳监令〔2025〕1号）"}, "送达回证");

  server_.clock().Set(*ParseUtc("2026-02-01T02:00:00Z"));
  handler_ = server_.LoginAs("handler");
  auto later = Text(handler_, id_, "rectification_order");
  Contains(later, {"2025年12月10日前", "2025年12月5日"}, "指令书 downloaded later");
  EXPECT_EQ(later.text.find("2026年2月1日前"), std::string::npos);
}

TEST_F(IssuedDocuments, EachBodyIssuesItsDocumentsByItsStepsInItsOwnSeries) {
  Transfer();
  EXPECT_EQ(Document(handler_, id_, "transfer_report").at("doc_no").as_string(), "示劳监报〔2025〕1号");
  EXPECT_EQ(Document(head_, id_, "transfer_decision").at("doc_no").as_string(), "示劳监决〔2025〕1号");
  EXPECT_EQ(Document(handler_, id_, "investigation_report").at("step").as_string(), "send_transfer");
  Contains(Text(handler_, id_, "transfer_report"), {"签发人：李承办"}, "书面报告 carries its 签发人");

  // The police: the receipt first; nothing is decided before it.
  Ok(Step(police_, id_, "sign_receipt", "2025-12-12T08:00:00Z"), "receipt");
  Contains(Text(police_, id_, "acceptance_receipt"), {"受案回执", "示范区公安分局", "示公（治）受字〔2025〕1号"}, "受案回执");
  auto missing = police_.PostJson(CasePath(id_, "/steps"),
                                  {{"event", "notify_incomplete_materials"}, {"at", "2025-12-12T09:00:00Z"},
                                   {"payload", {{"items", {"工资支付凭证原件"}}}}});
  ASSERT_EQ(missing.status, 200) << missing.body;
  Contains(Text(police_, id_, "materials_correction_notice"),
           {"补正材料通知书", "示公（治）补字〔2025〕1号", "1．工资支付凭证原件", "三日内"}, "补正材料通知");
  Ok(Step(handler_, id_, "supplement_materials", "2025-12-13T02:00:00Z"), "supplement");
  Ok(Step(police_, id_, "file_case", "2025-12-14T02:00:00Z"), "file");
  auto filed = Document(police_, id_, "filing_decision");
  EXPECT_EQ(filed.at("step").as_string(), "file_case");
  Contains(Text(police_, id_, "filing_decision"),
           {"立案决定书", "示公（治）立字〔2025〕1号", "示范区公安分局", "立案侦查", "抄送：示范区人力资源和社会保障局，示范区人民检察院"},
           "立案决定书");
  EXPECT_EQ(handler_.Get(CasePath(id_, "/documents")).Json().at("items").as_array().size(), 9u)
      << "指令书, 送达回证, 书面报告, 审批决定, 移送书, 调查报告, 受案回执, 补正材料通知, 立案决定书: "
      << handler_.Get(CasePath(id_, "/documents")).body;
}

TEST_F(IssuedDocuments, TheProcuratorateTheCourtAndLegalAidIssueByTheirSteps) {
  // 提前介入 at screening: the opinion is a document of its own.
  IssueOrder(handler_, id_);
  Ok(Step(handler_, id_, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "unpaid_after_deadline"}}), "outcome");
  Ok(Step(prosecutor_, id_, "join_early_intervention", "2025-12-11T03:00:00Z", {{"ground", "own_initiative"}},
          "包工头逃匿，案情复杂"), "join");
  Ok(Step(prosecutor_, id_, "give_intervention_opinion", "2025-12-11T04:00:00Z", {{"aspect", "evidence"}},
          "请调取工程款拨付记录并固定包工头逃匿证据。"), "opinion");
  Contains(Text(prosecutor_, id_, "intervention_opinion"),
           {"提前介入意见书", "示检介〔2025〕1号", "示范区人民检察院", "取证", "请调取工程款拨付记录"}, "介入意见");

  // A case on the civil route: legal aid, then the procuratorate's recommendation instead of an opinion.
  auto civil = NewCase(handler_);
  ToCivilRoute(civil);
  Ok(Step(handler_, civil, "request_legal_aid", "2025-12-12T03:00:00Z"), "legal aid");
  HttpClient legal_aid = server_.LoginAs("legalaid");
  Ok(Step(legal_aid, civil, "decide_legal_aid", "2025-12-13T03:00:00Z", {{"decision", "granted"}}), "grant");
  Ok(Step(legal_aid, civil, "assign_lawyer", "2025-12-14T03:00:00Z", {}, "某律师事务所张律师"), "assign");
  Contains(Text(legal_aid, civil, "legal_aid_assignment"),
           {"法律援助指派通知书", "示法援指〔2025〕1号", "示范区法律援助中心", "张建国等14名劳动者：", "某律师事务所张律师", "第四十三条"},
           "指派通知");
  auto chosen = prosecutor_.PostJson(CasePath(civil, "/steps"),
                                     {{"event", "issue_procuratorial_opinion"}, {"at", "2025-12-15T03:00:00Z"},
                                      {"reason", "工资专用账户监管不到位。"},
                                      {"document_fields", {{"procuratorial_recommendation", boost::json::object{}}}}});
  ASSERT_EQ(chosen.status, 200) << chosen.body;
  Contains(Text(prosecutor_, civil, "procuratorial_recommendation"),
           {"检察建议书", "示检建〔2025〕1号", "工资专用账户监管不到位"}, "检察建议书");
  const auto civil_documents = handler_.Get(CasePath(civil, "/documents")).Json();
  for (const auto& d : civil_documents.at("items").as_array()) {
    EXPECT_NE(d.at("kind").as_string(), "procuratorate_opinion") << "the recommendation replaced the opinion";
  }
  auto wrong = handler_.PostJson(CasePath(civil, "/steps"),
                                    {{"event", "reply_procuratorial_opinion"}, {"at", "2025-12-16T03:00:00Z"}, {"reason", "x"},
                                     {"document_fields", {{"filing_decision", boost::json::object{}}}}});
  EXPECT_EQ(wrong.status, 400) << wrong.body;
}

TEST_F(IssuedDocuments, TheCourtRecordsItsGreenChannelAndTellsTheWorkers) {
  // Straight to the court: the case reaches prosecution review through the criminal route.
  Transfer();
  Ok(Step(police_, id_, "sign_receipt", "2025-12-12T08:00:00Z"), "receipt");
  Ok(Step(police_, id_, "file_case", "2025-12-13T02:00:00Z"), "file");
  Ok(Step(police_, id_, "conclude_investigation", "2025-12-14T02:00:00Z", {{"result", "transfer_for_prosecution"}}), "conclude");
  Ok(Step(prosecutor_, id_, "decide_prosecution", "2025-12-15T02:00:00Z", {{"decision", "prosecute"}}), "prosecute");
  HttpClient judge = server_.LoginAs("judge");
  Ok(Step(judge, id_, "accept_trial", "2025-12-16T02:00:00Z"), "accept trial");
  Contains(Text(judge, id_, "green_channel_record"),
           {"涉欠薪案件绿色通道办理记录", "示法绿〔2025〕1号", "优先受理", "2025年12月16日"}, "优先受理");
  Ok(Step(judge, id_, "deliver_judgment", "2025-12-18T02:00:00Z", {{"verdict", "convicted"}}), "judgment");
  Contains(Text(judge, id_, "green_channel_record"), {"示法绿〔2025〕2号", "优先审判", "2025年12月18日"}, "优先审判");
  Ok(Step(judge, id_, "record_execution", "2025-12-19T02:00:00Z", {}, "扣划被执行人银行存款。"), "execution");
  Contains(Text(judge, id_, "green_channel_record"), {"示法绿〔2025〕3号", "优先执行", "2025年12月19日"}, "优先执行");
  Contains(Text(judge, id_, "execution_notice"),
           {"执行情况告知书", "示法执告〔2025〕1号", "示范区人民法院", "张建国等14名劳动者：", "扣划被执行人银行存款",
            "尚欠人民币111,600.00元"},
           "执行告知");
}

TEST_F(IssuedDocuments, AStepWaitsForTheDocumentItDependsOn) {
  Transfer();
  // The police's receipt is the first document of their review: filing waits for it.
  auto early = Step(police_, id_, "file_case", "2025-12-12T09:00:00Z");
  EXPECT_EQ(early.status, 409) << early.body;
  EXPECT_EQ(early.Json().at("field").as_string(), "event");
  Ok(Step(police_, id_, "sign_receipt", "2025-12-12T08:00:00Z"), "receipt");
  Ok(Step(police_, id_, "file_case", "2025-12-12T09:00:00Z"), "file after the receipt");
}

// Many officers issue orders at the same moment on different cases: each series counts 1..N with
// no gap and no duplicate, on SQLite and PostgreSQL alike.
TEST_F(IssuedDocuments, NumbersHaveNoGapsOrDuplicatesUnderConcurrentIssuing) {
  constexpr int kCases = 12;
  std::vector<std::int64_t> ids;
  std::vector<HttpClient> clients;
  for (int i = 0; i < kCases; ++i) {
    ids.push_back(NewCase(handler_));
    Ok(Step(handler_, ids.back(), "accept_complaint", "2025-12-01T03:00:00Z"), "accept");
    clients.push_back(server_.LoginAs(i % 2 ? "handler" : "handler2"));
  }
  std::vector<int> statuses(kCases, 0);
  std::vector<std::thread> threads;
  for (int i = 0; i < kCases; ++i) {
    threads.emplace_back([&, i] {
      for (int attempt = 0; attempt < 20; ++attempt) {  // a 503/429 under load is retried
        auto r = Step(clients[i], ids[i], "issue_order", "2025-12-05T08:00:00Z",
                      {{"document", "rectification_order"}, {"deadline", "2025-12-10"}, {"service", "served"},
                       {"served_at", "2025-12-05T08:00:00Z"}});
        statuses[i] = r.status;
        if (r.status != 503 && r.status != 429) break;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      }
    });
  }
  for (auto& t : threads) t.join();
  for (int i = 0; i < kCases; ++i) EXPECT_EQ(statuses[i], 200) << "case " << i;
  for (const char* kind : {"rectification_order", "service_record"}) {
    std::set<std::int64_t> seqs;
    std::set<std::string> numbers;
    for (auto id : ids) {
      auto doc = Document(handler_, id, kind);
      seqs.insert(doc.at("seq").as_int64());
      numbers.insert(std::string(doc.at("doc_no").as_string()));
    }
    ASSERT_EQ(seqs.size(), static_cast<std::size_t>(kCases)) << kind << ": duplicates";
    EXPECT_EQ(*seqs.begin(), 1) << kind;
    EXPECT_EQ(*seqs.rbegin(), kCases) << kind << ": a gap";
    EXPECT_EQ(numbers.size(), static_cast<std::size_t>(kCases));
  }
}

}  // namespace
}  // namespace wagelink::testing
