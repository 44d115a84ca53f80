// Issue 17: a project's monthly feeds as the files the 住建 platform and the bank export (考勤表,
// 工资支付表, 专用账户流水) go through the import flow — proposed mapping, every row checked with the
// machine API's own rules, committed all at once with the import — and raise the same warnings.
// The test server's clock starts on 2026-01-05 (Monday, 09:00 Beijing).
#include <gtest/gtest.h>

#include <fmt/format.h>

#include <string>

#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

boost::json::object Project() {
  return {{"name", "江南水岸商业综合体工程"},
          {"location", "示范区江南路9号"},
          {"builder", {{"name", "示范区江南置业有限公司"}, {"credit_code", ValidCreditCode("91330100MA2E6F7G8")}}},
          {"contractor", {{"name", "示范建工集团有限公司"}, {"credit_code", ValidCreditCode("91330100MA2F7G8H9")}}},
          {"sector_authority", "区住房和城乡建设局"},
          {"contract_sum_yuan", "64000000"},
          {"contract_signed_on", "2025-08-01"},
          {"special_account_bank", "示范银行江南支行"},
          {"special_account_opened_on", "2025-08-06"},
          {"wage_deposit", "cash"},
          {"wage_deposit_amount_yuan", "960000"},
          {"notice_board_up", true}};
}

std::string WorkerId(int n) { return SyntheticIdNumber("3301061988", 1 + n % 12, 1 + n % 28, 200 + n); }

// The real-name platform's export: the header words it uses, one row per worker.
std::string AttendanceCsv(int workers) {
  std::string csv = "序号,姓名,公民身份号码,班组,实际出勤天数\r\n";
  for (int w = 0; w < workers; ++w) csv += fmt::format("{},工人{},{},钢筋班,{}\r\n", w + 1, w + 1, WorkerId(w), 20 + w % 5);
  return csv;
}

HttpResponse Upload(HttpClient& client, const std::string& query, const std::string& csv) {
  return client.Send("POST", "/api/v1/imports?" + query, csv, {{"Content-Type", "text/csv"}});
}

std::string Target(const HttpResponse& upload, const std::string& suffix = "") {
  return "/api/v1/imports/" + std::to_string(upload.Json().at("id").as_int64()) + suffix;
}

// Upload, confirm the proposed mapping, commit: the committed import (or the first refusal).
HttpResponse ImportFile(HttpClient& client, const std::string& query, const std::string& csv) {
  auto upload = Upload(client, query, csv);
  if (upload.status != 201) return upload;
  auto checked = client.PutJson(Target(upload, "/mapping"), {{"mapping", upload.Json().at("mapping")}});
  if (checked.status != 200 || checked.Json().at("status") != "validated") return checked;
  return client.Send("POST", Target(upload, "/commit"));
}

const boost::json::object* OpenWarning(const boost::json::value& project, std::string_view rule) {
  for (const auto& w : project.at("warnings").as_array()) {
    if (w.at("rule_id").as_string() == rule && w.at("status").as_string() == "open") return &w.as_object();
  }
  return nullptr;
}

class FeedImport : public ::testing::Test {
 protected:
  TestServer server;
  HttpClient coordinator = server.LoginAs("coordinator");  // the wage office: risk.write, no case.write
  std::int64_t project_id = 0;
  std::string query;

  void SetUp() override {
    auto registered = server.LoginAs("handler").PostJson("/api/v1/projects", Project());
    ASSERT_EQ(registered.status, 201) << registered.body;
    project_id = registered.Json().at("id").as_int64();
    query = "project_id=" + std::to_string(project_id) + "&month=2025-12&kind=";
  }
  boost::json::value ProjectNow() { return coordinator.Get("/api/v1/projects/" + std::to_string(project_id)).Json(); }
};

TEST_F(FeedImport, FilesFromThePlatformAndTheBankAreMappedCommittedAndRaiseTheWarning) {
  auto upload = Upload(coordinator, query + "attendance&file_name=%E8%80%83%E5%8B%A4.csv", AttendanceCsv(12));
  ASSERT_EQ(upload.status, 201) << upload.body;
  const auto proposed = upload.Json();
  EXPECT_EQ(proposed.at("project_id").as_int64(), project_id);
  EXPECT_EQ(proposed.at("project_name").as_string(), "江南水岸商业综合体工程");
  EXPECT_TRUE(proposed.at("project_no").as_string().starts_with("XM-2026-"));
  EXPECT_EQ(proposed.at("month").as_string(), "2025-12");
  EXPECT_EQ(proposed.at("mapping").at("name").as_int64(), 1);
  EXPECT_EQ(proposed.at("mapping").at("id_number").as_int64(), 2);
  EXPECT_EQ(proposed.at("mapping").at("days").as_int64(), 4) << "实际出勤天数 is the days column; 班组 is left out";
  auto checked = coordinator.PutJson(Target(upload, "/mapping"), {{"mapping", proposed.at("mapping")}});
  ASSERT_EQ(checked.Json().at("status"), "validated") << checked.body;
  auto committed = coordinator.Send("POST", Target(upload, "/commit"));
  ASSERT_EQ(committed.status, 200) << committed.body;
  const auto result = committed.Json().at("result");
  EXPECT_EQ(result.at("records").as_int64(), 12);
  EXPECT_EQ(result.at("month").as_string(), "2025-12");
  EXPECT_FALSE(result.at("repeated").as_bool());
  EXPECT_TRUE(result.at("replaced_batch_id").is_null());

  // The bank's December statement: interest only, no labour cost paid in → the orange warning.
  const std::string statement = "交易日期,摘要,交易金额\r\n2025/12/21,结息,36.50\r\n";
  auto account = ImportFile(coordinator, query + "account", statement);
  ASSERT_EQ(account.status, 200) << account.body;
  EXPECT_EQ(account.Json().at("result").at("open_warnings").as_int64(), 1);
  auto project = ProjectNow();
  const auto* labour = OpenWarning(project, "PW-LABOUR-COST-NOT-DEPOSITED");
  ASSERT_NE(labour, nullptr) << project;
  EXPECT_EQ(labour->at("level").as_string(), "orange");
  EXPECT_NE(labour->at("basis_en").as_string().find("art. 24"), std::string::npos) << "the English UI reads the basis in English";
  ASSERT_FALSE(project.at("risk").is_null()) << "the warning opened the project's risk item";
  ASSERT_EQ(project.at("feeds").as_array().size(), 2u) << project.at("feeds");
  bool file_batches = true;
  for (const auto& feed : project.at("feeds").as_array()) file_batches = file_batches && feed.at("channel") == "file";
  EXPECT_TRUE(file_batches) << project.at("feeds");

  // The same file again is a repeat, not a conflict: nothing changes. A corrected statement with the
  // labour cost replaces December's and the warning clears.
  auto again = ImportFile(coordinator, query + "account", statement);
  ASSERT_EQ(again.status, 200) << again.body;
  EXPECT_TRUE(again.Json().at("result").at("repeated").as_bool());
  auto corrected = ImportFile(coordinator, query + "account", statement + "2025/12/26,人工费用拨付,180000.00\r\n");
  ASSERT_EQ(corrected.status, 200) << corrected.body;
  EXPECT_FALSE(corrected.Json().at("result").at("replaced_batch_id").is_null());
  EXPECT_EQ(OpenWarning(ProjectNow(), "PW-LABOUR-COST-NOT-DEPOSITED"), nullptr);

  // The pay sheet with 是/否 and dates as Excel writes them is taken as the API takes it.
  std::string payroll = "姓名,身份证号,实发工资（元）,发放日期,是否专户代发\r\n";
  for (int w = 0; w < 12; ++w) payroll += fmt::format("工人{},{},\"6,500.00\",2026/1/4,是\r\n", w + 1, WorkerId(w));
  auto paid = ImportFile(coordinator, query + "payroll", payroll);
  ASSERT_EQ(paid.status, 200) << paid.body;
  EXPECT_EQ(paid.Json().at("result").at("records").as_int64(), 12);
  EXPECT_EQ(committed.body.find(WorkerId(0)), std::string::npos) << "no ID number is given back";
}

TEST_F(FeedImport, EveryBadRowIsReportedWhereItIsAndNothingIsStored) {
  std::string payroll = "姓名,身份证号,实发金额,发放日期,是否专户代发\r\n";
  payroll += "工人1," + WorkerId(1) + ",6500,2026-01-04,是\r\n";                  // row 2: good
  payroll += "工人2,330106198801010000,6500,2026-01-04,否\r\n";                  // row 3: bad ID number
  payroll += "工人3," + WorkerId(3) + ",六千,2026-01-04,是\r\n";                  // row 4: not an amount
  payroll += "工人4," + WorkerId(4) + ",6500,2026-01-04,也许\r\n";                // row 5: neither yes nor no
  payroll += "工人1again," + WorkerId(1) + ",6500,2026-01-04,是\r\n";             // row 6: the same person as row 2
  payroll += "工人6," + WorkerId(6) + ",6500,2025-11-30,是\r\n";                  // row 7: paid before December
  auto upload = Upload(coordinator, query + "payroll", payroll);
  ASSERT_EQ(upload.status, 201) << upload.body;
  auto checked = coordinator.PutJson(Target(upload, "/mapping"), {{"mapping", upload.Json().at("mapping")}});
  ASSERT_EQ(checked.status, 200) << checked.body;
  const auto report = checked.Json();
  EXPECT_EQ(report.at("status"), "invalid");
  std::map<std::int64_t, std::string> column_of_row;
  for (const auto& e : report.at("errors").as_array()) {
    column_of_row[e.at("row").as_int64()] = std::string(e.at("column").as_string());
    EXPECT_FALSE(e.at("message_zh").as_string().starts_with("rows[")) << "the row and column already say where: " << e;
  }
  EXPECT_EQ(column_of_row, (std::map<std::int64_t, std::string>{{3, "B"}, {4, "C"}, {5, "E"}, {6, "B"}, {7, "D"}}))
      << report.at("errors");
  EXPECT_EQ(coordinator.Send("POST", Target(upload, "/commit")).status, 409);
  EXPECT_TRUE(ProjectNow().at("feeds").as_array().empty()) << "nothing of a refused file is stored";
}

TEST_F(FeedImport, AFeedNamesAProjectAndABegunMonthAndOnlyTheLedgerKeepersSendOne) {
  const std::string roster = AttendanceCsv(2);
  auto no_project = Upload(coordinator, "kind=attendance&month=2025-12", roster);
  EXPECT_EQ(no_project.status, 400);
  EXPECT_EQ(no_project.Json().at("field"), "project_id");
  auto future = Upload(coordinator, "kind=attendance&month=2026-02&project_id=" + std::to_string(project_id), roster);
  EXPECT_EQ(future.status, 400);
  EXPECT_EQ(future.Json().at("field"), "month");
  auto unknown = Upload(coordinator, "kind=attendance&month=2025-12&project_id=99999", roster);
  EXPECT_EQ(unknown.status, 404);
  HttpClient handler = server.LoginAs("handler");
  auto not_a_feed = Upload(handler, "kind=employers&project_id=" + std::to_string(project_id), "单位名称\n丁公司\n");
  EXPECT_EQ(not_a_feed.status, 400);
  EXPECT_EQ(not_a_feed.Json().at("field"), "project_id");
  EXPECT_EQ(Upload(coordinator, "kind=employers", "单位名称\n丁公司\n").status, 403) << "cases and parties stay with labour inspection";
  HttpClient prosecutor = server.LoginAs("prosecutor");
  EXPECT_EQ(Upload(prosecutor, query + "attendance", roster).status, 403);
  // A roster with no one on it is refused as a batch from the API is, naming the file.
  auto empty = Upload(coordinator, query + "attendance", "姓名,身份证号,出勤天数\r\n");
  ASSERT_EQ(empty.status, 201) << empty.body;
  auto empty_report = coordinator.PutJson(Target(empty, "/mapping"), {{"mapping", empty.Json().at("mapping")}}).Json();
  EXPECT_EQ(empty_report.at("status"), "invalid") << empty_report;
  EXPECT_EQ(empty_report.at("errors").at(0).at("field"), "file");
  EXPECT_EQ(empty_report.at("errors").at(0).at("message_zh"), "考勤和工资支付表不能为空") << "without the service's field path";
  // A statement of a month without a single transaction is a header alone: taken (and it is the
  // kind of statement that raises the warning).
  auto no_transactions = ImportFile(coordinator, "project_id=" + std::to_string(project_id) + "&month=2025-11&kind=account",
                                    "交易日期,摘要,交易金额\r\n");
  ASSERT_EQ(no_transactions.status, 200) << no_transactions.body;
  EXPECT_EQ(no_transactions.Json().at("result").at("records").as_int64(), 0);

  auto mine = Upload(coordinator, query + "attendance", roster);
  ASSERT_EQ(mine.status, 201) << mine.body;
  EXPECT_EQ(prosecutor.Get(Target(mine)).status, 403);
  EXPECT_EQ(server.LoginAs("police").Get(Target(mine)).status, 404) << "another ledger keeper's import does not exist for them";
}

}  // namespace
}  // namespace wagelink::testing
