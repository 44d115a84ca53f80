// Official documents (文书) through the API on scenario S1: each step issues its documents from the
// case data as they stand at that step, numbers run per body, document type and year, the PDF carries
// the Chinese text the law asks for (checked with pdftotext/pdfinfo), downloads are watermarked and
// audited, and the need-to-know scope holds. The freezing and the numbering under load are in
// issued_documents_test.cpp.
#include <gtest/gtest.h>

#include "support/case_api.h"
#include "support/pdf_text.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr const char* kAfterScenarioOne = "2025-12-22T02:00:00Z";
const boost::json::object kPostedOrder{{"document", "rectification_order"}, {"deadline", "2025-12-10"},
                                       {"service", "posted_at_premises"}, {"served_at", "2025-12-05T08:00:00Z"},
                                       {"service_evidence_recorded", true}};

class DocumentFixture : public ::testing::Test {
 protected:
  DocumentFixture()
      : server_({.start_time = *ParseUtc(kAfterScenarioOne)}),
        handler_(server_.LoginAs("handler")),
        head_(server_.LoginAs("head")),
        police_(server_.LoginAs("police")) {
    auto created = handler_.PostJson("/api/v1/cases", ScenarioOneComplaint());
    EXPECT_EQ(created.status, 201) << created.body;
    id_ = created.Json().at("id").as_int64();
  }

  void IssueOrderPosted() {
    ASSERT_EQ(Step(handler_, id_, "accept_complaint", "2025-12-01T03:00:00Z").status, 200);
    auto r = Step(handler_, id_, "issue_order", "2025-12-05T08:00:00Z", kPostedOrder);
    ASSERT_EQ(r.status, 200) << r.body;
  }

  void ApproveTransfer() {
    IssueOrderPosted();
    for (auto [client, event, at] : {std::tuple{&handler_, "record_order_outcome", "2025-12-11T01:00:00Z"},
                                     std::tuple{&handler_, "complete_screening", "2025-12-11T02:00:00Z"},
                                     std::tuple{&handler_, "form_case_group", "2025-12-11T02:30:00Z"},
                                     std::tuple{&handler_, "submit_transfer_report", "2025-12-11T06:00:00Z"},
                                     std::tuple{&head_, "approve_transfer", "2025-12-12T02:00:00Z"}}) {
      boost::json::object payload;
      if (std::string(event) == "record_order_outcome") payload = {{"outcome", "unpaid_after_deadline"}};
      if (std::string(event) == "complete_screening") payload = {{"recommendation", "transfer"}};
      if (std::string(event) == "form_case_group") payload = {{"officers", {"handler", "handler2"}}};
      auto r = Step(*client, id_, event, at, payload);
      ASSERT_EQ(r.status, 200) << event << ": " << r.body;
    }
    ASSERT_EQ(AttachTransferPackage(handler_, id_), 201);
  }

  void SendTransfer() {
    ApproveTransfer();
    auto r = Step(handler_, id_, "send_transfer", "2025-12-12T07:00:00Z", {{"copy_to_procuratorate", true}});
    ASSERT_EQ(r.status, 200) << r.body;
  }

  // The newest document of `kind` on the case as `client` lists it (empty when there is none).
  boost::json::object Issued(HttpClient& client, const std::string& kind, std::int64_t id = 0) {
    auto list = client.Get(CasePath(id ? id : id_, "/documents"));
    boost::json::object found;
    if (list.status != 200) return found;
    const auto json = list.Json();  // kept alive: the loop reads into it
    for (const auto& d : json.at("items").as_array()) {
      if (d.at("kind").as_string() == kind) found = d.as_object();
    }
    return found;
  }

  PdfText Download(HttpClient& client, const boost::json::object& doc, const std::string& name) {
    auto pdf = client.Get(std::string(doc.at("pdf_url").as_string()));
    EXPECT_EQ(pdf.status, 200) << pdf.body.substr(0, 500);
    EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
    EXPECT_EQ(pdf.Header("x-document-sha256"), doc.at("sha256").as_string());
    return ReadPdf(pdf.body, name);
  }

  void Check(HttpClient& client, const std::string& kind, std::initializer_list<const char*> expected, int max_pages = 1,
             std::int64_t id = 0) {
    auto doc = Issued(client, kind, id);
    ASSERT_FALSE(doc.empty()) << kind << " was not issued";
    auto pdf = Download(client, doc, kind);
    EXPECT_EQ(pdf.pages, doc.at("pages").as_int64());
    EXPECT_GE(pdf.pages, 1);
    EXPECT_LE(pdf.pages, max_pages) << kind;
    for (const char* text : expected) EXPECT_NE(pdf.text.find(text), std::string::npos) << kind << ": " << text << "\n" << pdf.text;
  }

  TestServer server_;
  HttpClient handler_, head_, police_;
  std::int64_t id_ = 0;
};

TEST_F(DocumentFixture, OrderToPayCarriesTheCaseFactsDeadlineAndWorkerListWithAWatermark) {
  IssueOrderPosted();
  auto doc = Issued(handler_, "rectification_order");
  ASSERT_FALSE(doc.empty());
  EXPECT_EQ(doc.at("doc_no").as_string(), "示劳监令〔2025〕1号");
  EXPECT_EQ(doc.at("title").as_string(), "劳动保障监察限期整改指令书");
  EXPECT_EQ(doc.at("sha256").as_string().size(), 64u);
  auto pdf = Download(handler_, doc, "rectification_order");
  EXPECT_EQ(pdf.pages, doc.at("pages").as_int64());
  EXPECT_GE(pdf.pages, 2) << "14 workers in the annex flow onto a second page";
  for (const char* expected : {"劳动保障监察限期整改指令书", "示劳监令〔2025〕1号", "某劳务分包队（包工头王某）：",
                               "滨海花园二期", "2025年5月至2025年11月", "14名劳动者", "186,400.00元",
                               "2025年12月10日前", "第二十六条", "加付赔偿金", "张建国", "21,300.00元", "朱红旗",
                               "WL-2025-00001", "示范区人力资源和社会保障局", "2025年12月5日", "下载：李承办2025年"}) {
    EXPECT_NE(pdf.text.find(expected), std::string::npos) << expected << "\n" << pdf.text;
  }
  EXPECT_EQ(pdf.text.find("handler"), std::string::npos) << "the watermark names the person, never the login name";
  EXPECT_EQ(pdf.text.find(ValidIdNumber("11010119800101100")), std::string::npos) << "no ID numbers in the document";

  auto timeline = handler_.Get(CasePath(id_)).Json().at("timeline").as_array();
  EXPECT_EQ(timeline.back().at("event").as_string(), "issue_order") << "the document belongs to the step's event";
  EXPECT_EQ(timeline.back().at("id").as_int64(), doc.at("event_id").as_int64());
  auto list = handler_.Get(CasePath(id_, "/documents")).Json().at("items").as_array();
  ASSERT_EQ(list.size(), 2u) << "the order and its service record";
  EXPECT_EQ(list[0].at("step").as_string(), "issue_order");
  EXPECT_EQ(list[0].at("step_name_zh").as_string(), "下达责令支付文书");
}

TEST_F(DocumentFixture, ServiceRecordShowsPostingWithPhotoAndVideoWithItsOwnSeries) {
  EXPECT_EQ(handler_.PostJson(CasePath(id_, "/documents"), {{"kind", "service_record"}}).status, 409)
      << "the service record is the order step's, never made on its own";
  IssueOrderPosted();
  auto doc = Issued(handler_, "service_record");
  ASSERT_FALSE(doc.empty());
  EXPECT_EQ(doc.at("doc_no").as_string(), "示劳监送〔2025〕1号") << "its own series, not the order's";
  auto pdf = Download(handler_, doc, "service_record");
  EXPECT_EQ(pdf.pages, 1);
  for (const char* expected : {"送达回证", "劳动保障监察限期整改指令书（示劳监令〔2025〕1号）", "某区滨海路88号",
                               "张贴于受送达人住所或者经营场所", "2025年12月5日16时00分", "拍照、录像", "张贴送达记录"}) {
    EXPECT_NE(pdf.text.find(expected), std::string::npos) << expected << "\n" << pdf.text;
  }
}

TEST_F(DocumentFixture, OnlyDerivedWordingOfAStepsDocumentIsEditable) {
  ASSERT_EQ(Step(handler_, id_, "accept_complaint", "2025-12-01T03:00:00Z").status, 200);
  auto with_fields = [&](boost::json::object fields) {
    return handler_.PostJson(CasePath(id_, "/steps"), {{"event", "issue_order"}, {"at", "2025-12-05T08:00:00Z"},
                                                      {"payload", kPostedOrder},
                                                      {"document_fields", {{"rectification_order", fields}}}});
  };
  auto locked = with_fields({{"legal_basis", "另一依据"}});
  EXPECT_EQ(locked.status, 400) << locked.body;
  EXPECT_EQ(locked.Json().at("field").as_string(), "document_fields.rectification_order.legal_basis");
  EXPECT_EQ(with_fields({{"deadline", "明年"}}).status, 400) << "case data cannot be edited";
  EXPECT_EQ(handler_.Get(CasePath(id_, "/documents")).Json().at("items").as_array().size(), 0u) << "refusals store nothing";
  EXPECT_EQ(handler_.Get(CasePath(id_)).Json().at("state").as_string(), "investigating") << "nor take the step";
  auto edited = with_fields({{"consequences", "逾期不支付的，本机关将依法从严处理。"}});
  ASSERT_EQ(edited.status, 200) << edited.body;
  auto doc = Issued(handler_, "rectification_order");
  EXPECT_EQ(doc.at("doc_no").as_string(), "示劳监令〔2025〕1号") << "refused requests consume no number";
  auto pdf = Download(handler_, doc, "rectification_order_edited");
  EXPECT_NE(pdf.text.find("逾期不支付的，本机关将依法从严处理。"), std::string::npos);
  EXPECT_EQ(pdf.text.find("加付赔偿金"), std::string::npos) << "the edited wording replaced the default";
  EXPECT_EQ(handler_.PostJson(CasePath(id_, "/documents"), {{"kind", "no_such_document"}}).status, 400);
  EXPECT_EQ(handler_.PostJson(CasePath(id_, "/documents"), {{"kind", "blacklist_notice"}, {"extra", 1}}).status, 400)
      << "unknown fields are refused";
}

TEST_F(DocumentFixture, TransferLetterListsTheEnclosedMaterialsAndIsCopiedToTheProcuratorate) {
  ApproveTransfer();
  EXPECT_EQ(police_.Get(CasePath(id_, "/documents")).status, 404) << "the police do not see the case before the transfer";
  EXPECT_TRUE(Issued(handler_, "transfer_letter").empty()) << "not before it is sent";
  ASSERT_EQ(Step(handler_, id_, "send_transfer", "2025-12-12T07:00:00Z", {{"copy_to_procuratorate", true}}).status, 200);
  Check(handler_, "transfer_letter",
        {"涉嫌犯罪案件移送书", "示范区公安分局：", "拒不支付劳动报酬罪", "186,400.00元", "2025年12月10日前足额支付",
         "附件：移送材料清单", "1．涉嫌犯罪案件情况的调查报告", "2．涉案物品清单", "3．劳动者询问笔录（录音录像）",
         "4．劳动关系及欠薪数额证据、欠薪计算表", "5．责令支付文书及送达证明（或张贴照片、录像）", "抄送：示范区人民检察院",
         "第五条、第六条"},
        2);
  auto pdf = Download(handler_, Issued(handler_, "transfer_letter"), "transfer_letter_again");
  EXPECT_EQ(pdf.text.find("6．"), std::string::npos) << "only the materials marked present are listed";
}

TEST_F(DocumentFixture, PoliceAndProcuratorateIssueTheirOwnDocumentsWithTheirOwnNumbers) {
  SendTransfer();
  ASSERT_EQ(Step(police_, id_, "sign_receipt", "2025-12-12T08:00:00Z").status, 200);
  auto declined = Step(police_, id_, "decline_filing", "2025-12-15T02:00:00Z", {}, "属于劳资民事纠纷，不予立案。");
  ASSERT_EQ(declined.status, 200) << declined.body;
  auto notice = Issued(police_, "non_filing_notice");
  EXPECT_EQ(notice.at("doc_no").as_string(), "示公（治）不立字〔2025〕1号") << "the police's own series";
  auto pdf = Download(police_, notice, "non_filing_notice");
  for (const char* expected : {"不予立案通知书", "示范区人力资源和社会保障局：", "2025年12月12日移送",
                               "属于劳资民事纠纷，不予立案。", "三日内", "复议", "立案监督", "示范区公安分局", "下载：赵明2025年"}) {
    EXPECT_NE(pdf.text.find(expected), std::string::npos) << expected << "\n" << pdf.text;
  }
  HttpClient prosecutor = server_.LoginAs("prosecutor");
  ASSERT_EQ(Step(handler_, id_, "request_supervision", "2025-12-16T02:00:00Z", {}, "请求立案监督").status, 200);
  ASSERT_EQ(Step(prosecutor, id_, "request_reasons", "2025-12-17T02:00:00Z").status, 200);
  Check(prosecutor, "explain_non_filing_request",
        {"要求说明不立案理由通知书", "示检要说不立〔2025〕1号", "示范区公安分局：", "七日以内", "第一百一十三条"});
  auto ordered = Step(prosecutor, id_, "order_filing", "2025-12-18T02:00:00Z", {},
                      "包工头逃匿，经责令支付逾期仍不支付，数额较大，符合立案追诉标准");
  ASSERT_EQ(ordered.status, 200) << ordered.body;
  EXPECT_EQ(Issued(prosecutor, "filing_notice").at("doc_no").as_string(), "示检通立〔2025〕1号");
  Check(prosecutor, "filing_notice",
        {"通知立案书", "示范区公安分局：", "符合立案追诉标准", "第五百六十三条", "十五日以内", "抄送：示范区人力资源和社会保障局"});
  EXPECT_EQ(Issued(handler_, "transfer_letter").at("doc_no").as_string(), "示劳监移〔2025〕1号")
      << "labour inspection's series are separate";

  // A new year restarts every series.
  server_.clock().Set(*ParseUtc("2026-01-04T02:00:00Z"));
  handler_ = server_.LoginAs("handler");
  const std::int64_t next_id = CreateScenarioOneCase(handler_);
  ASSERT_EQ(Step(handler_, next_id, "accept_complaint", "2026-01-04T01:00:00Z").status, 200);
  boost::json::object order = kPostedOrder;
  order["deadline"] = "2026-01-20";
  order["served_at"] = "2026-01-04T01:30:00Z";
  ASSERT_EQ(Step(handler_, next_id, "issue_order", "2026-01-04T01:30:00Z", order).status, 200);
  EXPECT_EQ(Issued(handler_, "rectification_order", next_id).at("doc_no").as_string(), "示劳监令〔2026〕1号");
}

// The rest of the document set along the mechanism: each body issues its own at the step that makes
// it, with the case facts and the statutory wording in the PDF text.
TEST_F(DocumentFixture, TheDocumentSetFromConsultationToProcuratorialOpinionRendersInChinese) {
  HttpClient prosecutor = server_.LoginAs("prosecutor");
  {  // a consultation on a second case, at screening
    auto other = handler_.PostJson("/api/v1/cases", ScenarioOneComplaint()).Json().at("id").as_int64();
    ASSERT_EQ(Step(handler_, other, "accept_complaint", "2025-12-01T03:00:00Z").status, 200);
    ASSERT_EQ(Step(handler_, other, "issue_order", "2025-12-05T08:00:00Z", kPostedOrder).status, 200);
    ASSERT_EQ(Step(handler_, other, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "unpaid_after_deadline"}}).status, 200);
    auto sent = Step(handler_, other, "send_consultation", "2025-12-11T02:00:00Z", {{"to_procuratorate", true}, {"to_police", true}},
                     "是否达到数额较大标准？");
    ASSERT_EQ(sent.status, 200) << sent.body;
    Check(handler_, "consultation_letter",
          {"个案征询函", "示劳监征〔2025〕1号", "示范区人民检察院：", "WL-2025-00002", "186,400.00元", "特函征询", "抄送：示范区公安分局"},
          2, other);
  }
  SendTransfer();
  Check(handler_, "transfer_report",
        {"关于移送涉嫌犯罪案件的书面报告", "示范区人力资源和社会保障局负责人：", "专案组", "三日内", "拒不支付劳动报酬罪", "签发人"}, 2);
  Check(head_, "transfer_decision", {"移送涉嫌犯罪案件审批决定", "批准移送", "二十四小时内", "示范区公安分局", "陈负责"});
  Check(handler_, "investigation_report", {"涉嫌犯罪案件情况的调查报告", "一、当事人基本情况", "滨海花园二期", "张建国", "朱红旗", "张贴", "以逃匿方法逃避支付"}, 3);  // 14 workers listed: three pages
  ASSERT_EQ(Step(police_, id_, "sign_receipt", "2025-12-12T08:00:00Z").status, 200);
  Check(police_, "acceptance_receipt",
        {"受案回执", "示公（治）受字〔2025〕1号", "示范区人力资源和社会保障局：", "2025年12月12日移送", "已收到并受理", "赵明"});
  ASSERT_EQ(Step(police_, id_, "decline_filing", "2025-12-15T02:00:00Z", {}, "属于劳资民事纠纷，不予立案。").status, 200);
  ASSERT_EQ(Step(handler_, id_, "request_reconsideration", "2025-12-16T02:00:00Z", {}, "证据足以证明拒不支付").status, 200);
  Check(handler_, "reconsideration_application", {"提请复议书", "示范区公安分局：", "属于劳资民事纠纷", "第九条", "三日内作出复议决定"}, 2);

  {  // the 检察意见书 on a case in administrative handling (the civil route here)
    auto civil = handler_.PostJson("/api/v1/cases", ScenarioOneComplaint()).Json().at("id").as_int64();
    ASSERT_EQ(Step(handler_, civil, "accept_complaint", "2025-12-01T03:00:00Z").status, 200);
    ASSERT_EQ(Step(handler_, civil, "issue_order", "2025-12-05T08:00:00Z", kPostedOrder).status, 200);
    ASSERT_EQ(Step(handler_, civil, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "unpaid_after_deadline"}}).status, 200);
    ASSERT_LT(handler_.PostJson(CasePath(civil, "/findings"),
                                {{"kind", "conduct"}, {"value", {{"conduct", "unable"}}},
                                 {"reason", "账户、房产、车辆查询均无财产，未发现转移财产或逃匿"}, {"evidence", {"财产查询结果"}}}).status, 300);
    ASSERT_EQ(Step(handler_, civil, "complete_screening", "2025-12-11T02:00:00Z", {{"recommendation", "civil"}}).status, 200);
    auto opinion = Step(prosecutor, civil, "issue_procuratorial_opinion", "2025-12-12T03:00:00Z", {}, "建议依法移送");
    ASSERT_EQ(opinion.status, 200) << opinion.body;
    Check(prosecutor, "procuratorate_opinion", {"检察意见书", "示检意〔2025〕1号", "示范区人力资源和社会保障局：", "第五百五十七条第三款", "14名劳动者"},
          1, civil);
  }
}

TEST_F(DocumentFixture, NeedToKnowScopeHoldsForListsAndDownloadsAndDownloadsAreAudited) {
  IssueOrderPosted();
  auto doc = Issued(handler_, "rectification_order");
  std::string pdf_url(doc.at("pdf_url").as_string());
  HttpClient judge = server_.LoginAs("judge"), sysadmin = server_.LoginAs("sysadmin");
  EXPECT_EQ(judge.Get(CasePath(id_, "/documents")).status, 404);
  EXPECT_EQ(judge.Get(pdf_url).status, 404) << "the court cannot get S1 documents";
  EXPECT_EQ(police_.Get(pdf_url).status, 404) << "nor the police before the transfer";
  EXPECT_EQ(sysadmin.Get(pdf_url).status, 403);
  EXPECT_EQ(judge.PostJson(CasePath(id_, "/documents"), {{"kind", "blacklist_notice"}}).status, 404);
  EXPECT_EQ(handler_.Get("/api/v1/documents/999999/pdf").status, 404);
  HttpClient coordinator = server_.LoginAs("coordinator");
  auto pdf = Download(coordinator, doc, "rectification_order_coordinator");
  EXPECT_NE(pdf.text.find("下载：刘协调2025年"), std::string::npos) << "the viewer's own watermark";
  EXPECT_EQ(pdf.text.find("coordinator"), std::string::npos) << "by name, not login name";
  EXPECT_EQ(pdf.text.find("下载：李承办"), std::string::npos) << "not the issuer's";
  HttpClient auditor = server_.LoginAs("auditor");
  EXPECT_EQ(auditor.Get("/api/v1/audit?q=document.download").Json().at("total").as_int64(), 1);
  EXPECT_EQ(auditor.Get("/api/v1/audit?q=document.issue").Json().at("total").as_int64(), 2) << "the order and its service record";
}

}  // namespace
}  // namespace wagelink::testing
