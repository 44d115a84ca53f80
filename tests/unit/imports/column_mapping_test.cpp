#include "imports/column_mapping.h"

#include <gtest/gtest.h>

namespace wagelink::imports {
namespace {

TEST(ColumnMapping, ProposesFromTheCluePlatformHeaders) {
  std::vector<std::string> header = {"线索编号", "投诉人姓名", "公民身份号码", "联系电话", "被投诉单位名称", "统一社会信用代码",
                                     "项目名称", "欠薪金额（元）", "欠薪人数", "投诉时间", "投诉内容", "备注"};
  auto mapping = ProposeMapping(ImportKind::kComplaints, header);
  EXPECT_EQ(mapping.at("clue_no"), 0u);
  EXPECT_EQ(mapping.at("worker_name"), 1u);
  EXPECT_EQ(mapping.at("id_number"), 2u);
  EXPECT_EQ(mapping.at("phone"), 3u);
  EXPECT_EQ(mapping.at("employer_name"), 4u);
  EXPECT_EQ(mapping.at("employer_credit_code"), 5u);
  EXPECT_EQ(mapping.at("project_name"), 6u);
  EXPECT_EQ(mapping.at("owed_yuan"), 7u);
  EXPECT_EQ(mapping.at("received_at"), 9u);
  EXPECT_EQ(mapping.at("summary"), 10u);
  EXPECT_TRUE(CheckMapping(ImportKind::kComplaints, mapping, header.size()));
}

TEST(ColumnMapping, EachColumnAndFieldAtMostOnce) {
  auto mapping = ProposeMapping(ImportKind::kRoster, {"姓名", "姓名", "* 欠薪金额 (yuan)", "owed_yuan"});
  EXPECT_EQ(mapping.at("worker_name"), 0u);
  EXPECT_EQ(mapping.at("owed_yuan"), 3u);  // the exact key beats the synonym
  EXPECT_EQ(mapping.size(), 2u);
}

TEST(ColumnMapping, ProposesFromTheRealNamePlatformAndTheBanksExports) {
  auto attendance = ProposeMapping(ImportKind::kAttendance, {"序号", "姓名", "公民身份号码", "班组", "实际出勤天数"});
  EXPECT_EQ(attendance, (ColumnMapping{{"name", 1}, {"id_number", 2}, {"days", 4}}));
  auto payroll = ProposeMapping(ImportKind::kPayroll, {"姓名", "身份证号", "应发工资", "实发工资（元）", "发放日期", "是否专户代发"});
  EXPECT_EQ(payroll.at("amount_yuan"), 3u) << "实发 (paid), not 应发 (due)";
  EXPECT_EQ(payroll.at("through_special_account"), 5u);
  auto statement = ProposeMapping(ImportKind::kAccount, {"交易日期", "摘要", "交易金额", "余额"});
  EXPECT_EQ(statement, (ColumnMapping{{"date", 0}, {"purpose", 1}, {"amount_yuan", 2}}));
  EXPECT_TRUE(IsProjectFeed(ImportKind::kPayroll));
  EXPECT_FALSE(IsProjectFeed(ImportKind::kRoster));
}

TEST(ColumnMapping, ChecksWhatAPersonSent) {
  EXPECT_EQ(CheckMapping(ImportKind::kRoster, {{"worker_name", 0}}, 3).error().field, "mapping.owed_yuan");
  EXPECT_EQ(CheckMapping(ImportKind::kRoster, {{"worker_name", 0}, {"owed_yuan", 0}}, 3).error().field, "mapping.worker_name");
  EXPECT_EQ(CheckMapping(ImportKind::kRoster, {{"worker_name", 0}, {"owed_yuan", 7}}, 3).error().field, "mapping.owed_yuan");
  EXPECT_EQ(CheckMapping(ImportKind::kRoster, {{"worker_name", 0}, {"owed_yuan", 1}, {"salary", 2}}, 3).error().field, "mapping.salary");
  EXPECT_TRUE(CheckMapping(ImportKind::kEmployers, {{"employer_name", 2}}, 3));
}

}  // namespace
}  // namespace wagelink::imports
