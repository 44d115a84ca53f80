// Ledgers (台账) as XLSX through the API: the right columns and rows, the caller's need-to-know
// scope, no personal data, the viewer's watermark in header and footer, audited. The workbook is
// read back by unzipping its sheet XML (constant-memory mode writes strings inline).
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "support/scenarios.h"
#include "support/case_api.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

std::string SheetXml(const std::string& bytes) {
  static const std::string dir = MakeTempDir();
  static int n = 0;
  std::string path = dir + "/ledger" + std::to_string(++n) + ".xlsx";
  std::ofstream(path, std::ios::binary) << bytes;
  std::string out;
  FILE* pipe = popen(("unzip -p '" + path + "' xl/worksheets/sheet1.xml").c_str(), "r");
  char buffer[4096];
  std::size_t got;
  while ((got = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, got);
  pclose(pipe);
  return out;
}

int CountOf(const std::string& text, const std::string& needle) {
  int count = 0;
  for (auto pos = text.find(needle); pos != std::string::npos; pos = text.find(needle, pos + 1)) ++count;
  return count;
}

TEST(Ledger, CaseLedgerHasTheColumnsAndTheCallersCasesOnlyWithoutPersonalData) {
  TestServer server({.start_time = *ParseUtc("2025-12-22T02:00:00Z")});
  HttpClient handler = server.LoginAs("handler");
  ASSERT_EQ(handler.PostJson("/api/v1/cases", ScenarioOneComplaint()).status, 201);
  auto response = handler.Get("/api/v1/ledgers/cases.xlsx");
  ASSERT_EQ(response.status, 200) << response.body;
  EXPECT_EQ(response.Header("content-type"), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(response.Header("x-ledger-rows"), "1");
  std::string xml = SheetXml(response.body);
  for (const char* column : {"案件编号", "案件名称", "用人单位", "统一社会信用代码", "受理时间", "办理状态",
                             "劳动者人数", "欠薪金额（元）", "已支付（元）", "尚欠（元）", "整改期限"}) {
    EXPECT_NE(xml.find(std::string(">") + column + "<"), std::string::npos) << column;
  }
  EXPECT_NE(xml.find("WL-2025-00001"), std::string::npos);
  EXPECT_NE(xml.find("某劳务分包队（包工头 王某）"), std::string::npos);
  EXPECT_NE(xml.find("2025-12-01 09:30"), std::string::npos) << "instants in Shanghai time";
  EXPECT_NE(xml.find("<v>186400</v>"), std::string::npos) << "amounts as numbers";
  EXPECT_NE(xml.find("<oddHeader>"), std::string::npos);
  EXPECT_NE(xml.find("李承办 导出于 2025年12月22日10时00分"), std::string::npos) << "watermark: the person by name";
  EXPECT_EQ(xml.find("handler"), std::string::npos) << "never the login name";
  EXPECT_NE(xml.find("<oddFooter>"), std::string::npos);
  EXPECT_EQ(xml.find(ValidIdNumber("11010119800101100")), std::string::npos) << "no ID numbers";
  EXPECT_EQ(xml.find("张建国"), std::string::npos) << "no worker names: case-level facts only";
  EXPECT_EQ(xml.find("13910000000"), std::string::npos);

  // Need-to-know: the police see no row before the transfer; the court, without case.export, and
  // administrators get no ledger at all.
  EXPECT_EQ(server.LoginAs("judge").Get("/api/v1/ledgers/cases.xlsx").status, 403);
  for (const char* user : {"police"}) {
    auto other = server.LoginAs(user).Get("/api/v1/ledgers/cases.xlsx");
    ASSERT_EQ(other.status, 200) << user;
    EXPECT_EQ(other.Header("x-ledger-rows"), "0") << user;
    EXPECT_EQ(SheetXml(other.body).find("WL-2025-00001"), std::string::npos) << user;
  }
  EXPECT_EQ(server.LoginAs("coordinator").Get("/api/v1/ledgers/cases.xlsx").Header("x-ledger-rows"), "1");
  EXPECT_EQ(server.LoginAs("sysadmin").Get("/api/v1/ledgers/cases.xlsx").status, 403);
  EXPECT_GE(server.LoginAs("auditor").Get("/api/v1/audit?q=ledger.export").Json().at("total").as_int64(), 3)
      << "handler, police and coordinator; refused downloads export nothing";
}

TEST(Ledger, TransferLedgerListsSentCasesWithTheirDatesAndTheTransferLetterNumber) {
  TestServer server({.start_time = *ParseUtc("2025-12-22T02:00:00Z")});
  HttpClient handler = server.LoginAs("handler"), head = server.LoginAs("head"), police = server.LoginAs("police");
  const std::int64_t id = CreateScenarioOneCase(handler);
  ASSERT_EQ(handler.PostJson("/api/v1/cases", ScenarioOneComplaint()).status, 201) << "a second case, never sent";
  EXPECT_EQ(handler.Get("/api/v1/ledgers/transfers.xlsx").Header("x-ledger-rows"), "0");
  ASSERT_EQ(Step(handler, id, "accept_complaint", "2025-12-01T03:00:00Z").status, 200);
  ASSERT_EQ(Step(handler, id, "issue_order", "2025-12-05T08:00:00Z",
                 {{"document", "rectification_order"}, {"deadline", "2025-12-10"}, {"service", "served"},
                  {"served_at", "2025-12-05T08:00:00Z"}}).status, 200);
  ASSERT_EQ(Step(handler, id, "record_order_outcome", "2025-12-11T01:00:00Z", {{"outcome", "unpaid_after_deadline"}}).status, 200);
  ASSERT_EQ(Step(handler, id, "complete_screening", "2025-12-11T02:00:00Z",
                 {{"recommendation", "transfer"}}).status, 200);
  ASSERT_EQ(Step(handler, id, "form_case_group", "2025-12-11T02:30:00Z", {{"officers", {"handler", "handler2"}}}).status, 200);
  ASSERT_EQ(Step(handler, id, "submit_transfer_report", "2025-12-11T06:00:00Z").status, 200);
  ASSERT_EQ(Step(head, id, "approve_transfer", "2025-12-12T02:00:00Z").status, 200);
  ASSERT_EQ(AttachTransferPackage(handler, id), 201);
  ASSERT_EQ(Step(handler, id, "send_transfer", "2025-12-12T07:00:00Z", {{"copy_to_procuratorate", true}}).status, 200);
  ASSERT_EQ(Step(police, id, "sign_receipt", "2025-12-12T08:00:00Z").status, 200);

  for (const char* user : {"handler", "police", "prosecutor"}) {
    auto ledger = server.LoginAs(user).Get("/api/v1/ledgers/transfers.xlsx");
    ASSERT_EQ(ledger.status, 200) << user;
    EXPECT_EQ(ledger.Header("x-ledger-rows"), "1") << user;
    std::string xml = SheetXml(ledger.body);
    for (const char* text : {"移送书文号", "回执签收时间", "WL-2025-00001", "示劳监移〔2025〕1号", "2025-12-12 10:00",
                             "2025-12-12 15:00", "2025-12-12 16:00"}) {
      EXPECT_NE(xml.find(text), std::string::npos) << user << ": " << text;
    }
    EXPECT_EQ(CountOf(xml, "WL-2025-0000"), 1) << "the case never sent is not in the transfer ledger";
  }
  EXPECT_EQ(server.LoginAs("judge").Get("/api/v1/ledgers/transfers.xlsx").status, 403) << "the court holds no case.export";
}

}  // namespace
}  // namespace wagelink::testing
