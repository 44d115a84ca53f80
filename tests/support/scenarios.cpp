#include "support/scenarios.h"

#include <fmt/format.h>

#include "domain/validators.h"

namespace wagelink::testing {

std::string ValidCreditCode(const std::string& first17) {
  return first17 + domain::CreditCodeCheckCharacter(first17).value();
}

std::string ValidIdNumber(const std::string& first17) {
  return first17 + domain::ResidentIdCheckCharacter(first17).value();
}

std::string SyntheticIdNumber(std::string_view area_and_year, int month, int day, int serial) {
  return ValidIdNumber(fmt::format("{}{:02}{:02}{:03}", area_and_year, month, day, serial % 1000));
}

boost::json::object ScenarioOneComplaint() {
  const int amounts[] = {21300, 15200, 14800, 14100, 13900, 13500, 13200, 12800, 12600, 12400, 11500, 11000, 10200, 9900};
  const char* names[] = {"张建国", "李卫东", "王海军", "刘志强", "陈宝山", "杨永刚", "赵铁柱",
                         "黄德明", "周长江", "吴春生", "徐国庆", "孙立新", "马占山", "朱红旗"};
  boost::json::array workers;
  for (int i = 0; i < 14; ++i) {
    char phone[24];  // 11 digits
    std::snprintf(phone, sizeof phone, "139%08d", 10000000 + i);
    workers.push_back({{"name", names[i]}, {"id_number", SyntheticIdNumber("1101011980", 1 + i % 12, 1 + i, 100 + i)}, {"phone", phone},
                       {"owed_yuan", amounts[i]}, {"months_unpaid", 7},
                       {"period_from", "2025-05"}, {"period_to", "2025-11"}});
  }
  return {{"channel", "national_clue_platform"},
          {"received_at", "2025-12-01T01:30:00Z"},
          {"employer", {{"name", "某劳务分包队（包工头 王某）"}, {"kind", "unqualified_contractor"},
                        {"address", "某区滨海路 88 号"}, {"legal_representative", "王某"}}},
          {"general_contractor", {{"name", "某建工集团有限公司"}, {"credit_code", ValidCreditCode("91110000MA0012345")},
                                  {"kind", "unit"}, {"address", "某区建设大道 1 号"}, {"legal_representative", "钱某"}}},
          {"project_name", "滨海花园二期"},
          {"summary", "14 名劳务分包队工人投诉 2025 年 5 月至 11 月工资未付，包工头无法联系。"},
          {"conduct", "abscond"},
          {"workers", workers}};
}

boost::json::object MajorRiskOwnedByHrss() {
  return {{"employer_name", "某市政路桥工程有限公司"},
          {"employer_credit_code", ValidCreditCode("91330100MA2B3C4D5")},
          {"workers_affected", 63},
          {"amount_yuan", "1200000"},
          {"source", "bank_special_account_alert"},
          {"indicators", {{"special_account_months_unpaid", 2}, {"mass_incident_signal", true}}},
          {"owner_body", "hrss"}};
}

}  // namespace wagelink::testing
