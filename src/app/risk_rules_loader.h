#pragma once
#include <memory>
#include <string>

#include "core/error.h"
#include "domain/project_warnings.h"
#include "domain/risk_scoring.h"

namespace wagelink::app {

// Reads and validates data/risk_rules.json (operator-set risk thresholds); a bad file stops the server.
Result<std::shared_ptr<const domain::RiskRuleSet>> LoadRiskRules(const std::string& data_dir);
// Reads and validates data/project_warning_rules.json (the project monitor's rules and grades).
Result<std::shared_ptr<const domain::ProjectWarningRuleSet>> LoadProjectWarningRules(const std::string& data_dir);

}  // namespace wagelink::app
