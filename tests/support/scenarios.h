#pragma once
// The synthetic scenarios of SCENARIOS.md as API inputs, shared by the API tests and the demo data.
#include <boost/json.hpp>

namespace wagelink::testing {

// S1: 14 workers of a labour subcontracting team, 7 months, 186,400 yuan, largest 21,300.
boost::json::object ScenarioOneComplaint();
// Check characters computed for the synthetic credit code and ID numbers used here.
std::string ValidCreditCode(const std::string& first17);
// A major risk (bank alert, mass-incident signal) with the labour bureau as owner: notifies hrss
// (risk_assigned), the wage-arrears office (risk_major) and the leadership (risk_report).
boost::json::object MajorRiskOwnedByHrss();
std::string ValidIdNumber(const std::string& first17);

}  // namespace wagelink::testing
