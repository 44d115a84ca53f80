#pragma once
// Loads the scenarios of data/demo/scenarios.json (SCENARIOS.md S1–S4, S7) into an empty demo
// district by replaying every step through the same parsers and services as the API, as the
// demo users would have taken them. A step the case machine refuses stops the load with the
// scenario and step named, so the demo data can never drift from the rules.
#include <string_view>

#include "core/error.h"
#include "services/auth_service.h"
#include "services/case_use_cases.h"
#include "services/evidence_service.h"

namespace wagelink::app {

// Returns the number of cases created (0 when the district already has cases).
Result<int> LoadDemoScenarios(services::CaseUseCases& cases, services::AuthService& auth, services::EvidenceService& evidence,
                              std::string_view json);

}  // namespace wagelink::app
