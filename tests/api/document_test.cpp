// Official documents (文书) through the API on scenario S1: the right body issues each document
// from the case data, numbers run per body and per year, the PDF carries the Chinese text the law
// asks for (checked with pdftotext/pdfinfo), downloads are watermarked and audited, and the
// need-to-know scope holds.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "support/scenarios.h"
#include "support/pdf_text.h"
#include "support/case_api.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

constexpr const char* kAfterScenarioOne = "2025-12-22T02:00:00Z";

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
    auto r = Step(handler_, id_, "issue_order", "2025-12-05T08:00:00Z",
                  {{"document", "rectification_order"}, {"deadline", "2025-12-10"}, {"service", "posted_at_premises"},
                   {"served_at", "2025-12-05T08:00:00Z"}, {"service_evidence_recorded", true}});
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

  HttpResponse Issue(HttpClient& client, const std::string& kind, boost::json::object extra = {}) {
    extra["kind"] = kind;
    return client.PostJson(CasePath(id_, "/documents"), extra);
  }

  PdfText Download(HttpClient& client, const HttpResponse& issued, const std::string& name) {
    auto pdf = client.Get(std::string(issued.Json().at("pdf_url").as_string()));
    EXPECT_EQ(pdf.status, 200) << pdf.body.substr(0, 500);
    EXPECT_EQ(pdf.Header("content-type"), "application/pdf");
    EXPECT_EQ(pdf.Header("x-document-sha256"), issued.Json().at("sha256").as_string());
    return ReadPdf(pdf.body, name);
  }

  TestServer server_;
  HttpClient handler_, head_, police_;
  std::int64_t id_ = 0;
};

TEST_F(DocumentFixture, OrderToPayCarriesTheCaseFactsDeadlineAndWorkerListWithAWatermark) {
  IssueOrderPosted();
  auto issued = Issue(handler_, "rectification_order");
  ASSERT_EQ(issued.status, 201) << issued.body;
  auto doc = issued.Json();
  EXPECT_EQ(doc.at("doc_no").as_string(), "示劳监〔2025〕1号");
  EXPECT_EQ(doc.at("title").as_string(), "劳动保障监察限期整改指令书");
  EXPECT_EQ(doc.at("sha256").as_string().size(), 64u);
  auto pdf = Download(handler_, issued, "rectification_order");
  EXPECT_EQ(pdf.pages, doc.at("pages").as_int64());
  EXPECT_GE(pdf.pages, 2) << "14 workers in the annex flow onto a second page";
  for (const char* expected : {"劳动保障监察限期整改指令书", "示劳监〔2025〕1号", "某劳务分包队（包工头王某）：",
                               "滨海花园二期", "2025年5月至2025年11月", "14名劳动者", "186,400.00元",
                               "2025年12月10日前", "第二十六条", "加付赔偿金", "张建国", "21,300.00元", "朱红旗",
                               "WL-2025-00001", "区人社局（劳动保障监察大队）", "2025年12月22日", "李承办（handler）"}) {
    EXPECT_NE(pdf.text.find(expected), std::string::npos) << expected << "\n" << pdf.text;
  }
  EXPECT_EQ(pdf.text.find(ValidIdNumber("11010119800101100")), std::string::npos) << "no ID numbers in the document";

  auto timeline = handler_.Get(CasePath(id_)).Json().at("timeline").as_array();
  EXPECT_EQ(timeline.back().at("event").as_string(), "document_issued");
  EXPECT_EQ(timeline.back().at("id").as_int64(), doc.at("event_id").as_int64());
  auto list = handler_.Get(CasePath(id_, "/documents")).Json().at("items").as_array();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].at("doc_no").as_string(), "示劳监〔2025〕1号");
}

TEST_F(DocumentFixture, ServiceRecordShowsPostingWithPhotoAndVideoAndNumbersIncrementPerBody) {
  EXPECT_EQ(Issue(handler_, "service_record").status, 409) << "nothing served yet";
  IssueOrderPosted();
  ASSERT_EQ(Issue(handler_, "rectification_order").status, 201);
  auto issued = Issue(handler_, "service_record");
  ASSERT_EQ(issued.status, 201) << issued.body;
  EXPECT_EQ(issued.Json().at("doc_no").as_string(), "示劳监〔2025〕2号");
  auto pdf = Download(handler_, issued, "service_record");
  EXPECT_EQ(pdf.pages, 1);
  for (const char* expected : {"送达回证", "劳动保障监察限期整改指令书（示劳监〔2025〕1号）", "某区滨海路88号",
                               "张贴于受送达人住所或者经营场所", "2025年12月5日16时00分", "拍照、录像", "张贴送达记录"}) {
    EXPECT_NE(pdf.text.find(expected), std::string::npos) << expected << "\n" << pdf.text;
  }
}

TEST_F(DocumentFixture, OrderWithoutARecordedDeadlineNeedsOneAndOnlyDerivedWordingIsEditable) {
  auto none = Issue(handler_, "rectification_order");
  EXPECT_EQ(none.status, 409);
  EXPECT_NE(std::string(none.Json().at("detail").as_string()).find("期限"), std::string::npos);
  EXPECT_EQ(Issue(handler_, "rectification_order", {{"deadline", "2025-12-20"}}).status, 400) << "not after today";
  auto locked = Issue(handler_, "rectification_order", {{"deadline", "2026-01-05"}, {"fields", {{"legal_basis", "另一依据"}}}});
  EXPECT_EQ(locked.status, 400);
  EXPECT_EQ(locked.Json().at("field").as_string(), "fields.legal_basis");
  EXPECT_EQ(Issue(handler_, "rectification_order", {{"deadline", "2026-01-05"}, {"fields", {{"deadline", "明年"}}}}).status, 400);
  EXPECT_EQ(Issue(handler_, "no_such_document").status, 400);
  EXPECT_EQ(handler_.Get(CasePath(id_, "/documents")).Json().at("items").as_array().size(), 0u) << "refusals store nothing";
  auto edited = Issue(handler_, "rectification_order",
                      {{"deadline", "2026-01-05"}, {"fields", {{"consequences", "逾期不支付的，本机关将依法从严处理。"}}}});
  ASSERT_EQ(edited.status, 201) << edited.body;
  EXPECT_EQ(edited.Json().at("doc_no").as_string(), "示劳监〔2025〕1号") << "refused requests consume no number";
  auto pdf = Download(handler_, edited, "rectification_order_edited");
  EXPECT_NE(pdf.text.find("2026年1月5日前"), std::string::npos);
  EXPECT_NE(pdf.text.find("逾期不支付的，本机关将依法从严处理。"), std::string::npos);
  EXPECT_EQ(pdf.text.find("加付赔偿金"), std::string::npos) << "the edited wording replaced the default";
}

TEST_F(DocumentFixture, TransferLetterListsTheEnclosedMaterialsAndIsCopiedToTheProcuratorate) {
  ApproveTransfer();
  EXPECT_EQ(Issue(police_, "transfer_letter").status, 404) << "the police do not see the case before the transfer";
  auto issued = Issue(handler_, "transfer_letter");
  ASSERT_EQ(issued.status, 201) << issued.body;
  auto pdf = Download(handler_, issued, "transfer_letter");
  for (const char* expected : {"涉嫌犯罪案件移送书", "区公安分局：", "拒不支付劳动报酬罪", "186,400.00元",
                               "2025年12月10日前足额支付", "附件：移送材料清单", "1．涉嫌犯罪案件情况的调查报告",
                               "2．涉案物品清单", "3．劳动者询问笔录（录音录像）", "4．劳动关系及欠薪数额证据、欠薪计算表",
                               "5．责令支付文书及送达证明（或张贴照片、录像）", "抄送：区人民检察院", "第五条、第六条"}) {
    EXPECT_NE(pdf.text.find(expected), std::string::npos) << expected << "\n" << pdf.text;
  }
  EXPECT_EQ(pdf.text.find("6．"), std::string::npos) << "only the materials marked present are listed";
}

TEST_F(DocumentFixture, PoliceAndProcuratorateIssueTheirOwnDocumentsWithTheirOwnNumbers) {
  SendTransfer();
  EXPECT_EQ(Issue(police_, "transfer_letter").status, 403) << "the transfer letter is labour inspection's";
  EXPECT_EQ(Issue(handler_, "non_filing_notice").status, 403) << "the notice is the police's";
  ASSERT_EQ(Step(police_, id_, "sign_receipt", "2025-12-12T08:00:00Z").status, 200);
  EXPECT_EQ(Issue(police_, "non_filing_notice").status, 409) << "no decision and no reasons yet";
  auto declined = Step(police_, id_, "decline_filing", "2025-12-15T02:00:00Z", {}, "属于劳资民事纠纷，不予立案。");
  ASSERT_EQ(declined.status, 200) << declined.body;
  auto notice = Issue(police_, "non_filing_notice");
  ASSERT_EQ(notice.status, 201) << notice.body;
  EXPECT_EQ(notice.Json().at("doc_no").as_string(), "示公〔2025〕1号") << "the police's own sequence";
  auto pdf = Download(police_, notice, "non_filing_notice");
  for (const char* expected : {"不予立案通知书", "区人社局（劳动保障监察大队）：", "2025年12月12日移送",
                               "属于劳资民事纠纷，不予立案。", "三日内", "复议", "立案监督", "区公安分局", "赵明（police）"}) {
    EXPECT_NE(pdf.text.find(expected), std::string::npos) << expected << "\n" << pdf.text;
  }
  HttpClient prosecutor = server_.LoginAs("prosecutor");
  EXPECT_EQ(Issue(prosecutor, "filing_notice").status, 409) << "the procuratorate must state its reasons";
  auto filing = Issue(prosecutor, "filing_notice", {{"fields", {{"reasons", "包工头逃匿，经责令支付逾期仍不支付，数额较大，符合立案追诉标准"}}}});
  ASSERT_EQ(filing.status, 201) << filing.body;
  EXPECT_EQ(filing.Json().at("doc_no").as_string(), "示检〔2025〕1号");
  auto filing_pdf = Download(prosecutor, filing, "filing_notice");
  for (const char* expected : {"通知立案书", "区公安分局：", "符合立案追诉标准", "第五百六十三条", "十五日以内", "抄送：区人社局"}) {
    EXPECT_NE(filing_pdf.text.find(expected), std::string::npos) << expected << "\n" << filing_pdf.text;
  }
  auto hrss_next = Issue(handler_, "transfer_letter");
  ASSERT_EQ(hrss_next.status, 201);
  EXPECT_EQ(hrss_next.Json().at("doc_no").as_string(), "示劳监〔2025〕1号") << "labour inspection's sequence is separate";

  server_.clock().Set(*ParseUtc("2026-01-04T02:00:00Z"));
  handler_ = server_.LoginAs("handler");  // the old session has expired
  auto new_year = Issue(handler_, "transfer_letter");
  ASSERT_EQ(new_year.status, 201);
  EXPECT_EQ(new_year.Json().at("doc_no").as_string(), "示劳监〔2026〕1号") << "numbers restart each year";
}

// The rest of the document set along the mechanism: each body issues its own, gated on the step
// that makes it meaningful, with the case facts and the statutory wording in the PDF text.
TEST_F(DocumentFixture, TheDocumentSetFromConsultationToProcuratorialOpinionRendersInChinese) {
  auto check = [&](HttpClient& client, const std::string& kind, std::initializer_list<const char*> expected, int max_pages = 1) {
    auto issued = Issue(client, kind);
    ASSERT_EQ(issued.status, 201) << kind << ": " << issued.body;
    auto pdf = Download(client, issued, kind);
    EXPECT_EQ(pdf.pages, issued.Json().at("pages").as_int64());
    EXPECT_GE(pdf.pages, 1);
    EXPECT_LE(pdf.pages, max_pages) << kind;
    for (const char* text : expected) EXPECT_NE(pdf.text.find(text), std::string::npos) << kind << ": " << text << "\n" << pdf.text;
  };
  check(handler_, "consultation_letter", {"个案征询函", "示劳监征〔2025〕1号", "区人民检察院：", "WL-2025-00001", "186,400.00元", "特函征询", "抄送：区公安分局"}, 2);
  EXPECT_EQ(Issue(head_, "transfer_decision").status, 409) << "no written report from the case group yet";
  EXPECT_EQ(Issue(police_, "acceptance_receipt").status, 404) << "before the transfer the police do not see the case";
  SendTransfer();
  check(handler_, "transfer_report", {"关于移送涉嫌犯罪案件的书面报告", "区人社局（劳动保障监察大队）负责人：", "专案组", "三日内", "拒不支付劳动报酬罪"}, 2);
  EXPECT_EQ(Issue(handler_, "transfer_decision").status, 403) << "the head decides";
  check(head_, "transfer_decision", {"移送涉嫌犯罪案件审批决定", "批准移送", "二十四小时内", "区公安分局", "陈负责"});
  check(handler_, "investigation_report", {"涉嫌犯罪案件情况的调查报告", "一、当事人基本情况", "滨海花园二期", "张建国", "朱红旗", "张贴"}, 2);
  check(police_, "acceptance_receipt", {"受案回执", "示公受〔2025〕1号", "区人社局（劳动保障监察大队）：", "2025年12月12日移送", "已收到并受理", "赵明"});
  EXPECT_EQ(Issue(handler_, "reconsideration_application").status, 409) << "the police have not declined";
  ASSERT_EQ(Step(police_, id_, "sign_receipt", "2025-12-12T08:00:00Z").status, 200);
  ASSERT_EQ(Step(police_, id_, "decline_filing", "2025-12-15T02:00:00Z", {}, "属于劳资民事纠纷，不予立案。").status, 200);
  check(handler_, "reconsideration_application", {"提请复议书", "区公安分局：", "属于劳资民事纠纷", "第九条", "三日内作出复议决定"});
  HttpClient prosecutor = server_.LoginAs("prosecutor");
  check(prosecutor, "explain_non_filing_request", {"要求说明不立案理由通知书", "示检说〔2025〕1号", "区公安分局：", "七日以内", "第一百一十三条"});
  check(prosecutor, "procuratorate_opinion", {"检察意见书", "区人社局（劳动保障监察大队）：", "第五百五十七条第三款", "14名劳动者"});
}

TEST_F(DocumentFixture, NeedToKnowScopeHoldsForListsAndDownloadsAndDownloadsAreAudited) {
  IssueOrderPosted();
  auto issued = Issue(handler_, "rectification_order");
  ASSERT_EQ(issued.status, 201);
  std::string pdf_url(issued.Json().at("pdf_url").as_string());
  HttpClient judge = server_.LoginAs("judge"), sysadmin = server_.LoginAs("sysadmin");
  EXPECT_EQ(judge.Get(CasePath(id_, "/documents")).status, 404);
  EXPECT_EQ(judge.Get(pdf_url).status, 404) << "the court cannot get S1 documents";
  EXPECT_EQ(police_.Get(pdf_url).status, 404) << "nor the police before the transfer";
  EXPECT_EQ(sysadmin.Get(pdf_url).status, 403);
  EXPECT_EQ(judge.PostJson(CasePath(id_, "/documents"), {{"kind", "rectification_order"}}).status, 404);
  EXPECT_EQ(handler_.Get("/api/v1/documents/999999/pdf").status, 404);
  HttpClient coordinator = server_.LoginAs("coordinator");
  auto pdf = Download(coordinator, issued, "rectification_order_coordinator");
  EXPECT_NE(pdf.text.find("刘协调（coordinator）"), std::string::npos) << "the viewer's own watermark";
  EXPECT_EQ(pdf.text.find("李承办（handler）"), std::string::npos);
  HttpClient auditor = server_.LoginAs("auditor");
  EXPECT_EQ(auditor.Get("/api/v1/audit?q=document.download").Json().at("total").as_int64(), 1);
  EXPECT_EQ(auditor.Get("/api/v1/audit?q=document.issue").Json().at("total").as_int64(), 1);
}

}  // namespace
}  // namespace wagelink::testing
