#pragma once
// The synthetic scenarios of SCENARIOS.md as API inputs, shared by the API tests and the demo data.
#include <boost/json.hpp>

#include <string>
#include <string_view>

namespace wagelink::testing {

// S1: 14 workers of a labour subcontracting team, 7 months, 186,400 yuan, largest 21,300.
boost::json::object ScenarioOneComplaint();
// Check characters computed for the synthetic credit code and ID numbers used here.
std::string ValidCreditCode(const std::string& first17);
// A major risk (bank alert, mass-incident signal) with the labour bureau as owner: notifies hrss
// (risk_assigned), the wage-arrears office (risk_major) and the leadership (risk_report).
boost::json::object MajorRiskOwnedByHrss();
std::string ValidIdNumber(const std::string& first17);
// A valid synthetic resident ID number: `area_and_year` (ten digits, e.g. "1101011980"), then the
// month (1..12), the day (1..28) and a serial (taken modulo 1000), then its check character.
std::string SyntheticIdNumber(std::string_view area_and_year, int month, int day, int serial);

}  // namespace wagelink::testing
