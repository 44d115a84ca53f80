#pragma once
// Loads data/demo/exposure.json (SCENARIOS.md S6) into the demo district after the case scenarios:
// a listed employer, a published violation and a legal-publicity article, through the same services
// as the API. Does nothing when any listing already exists, so `init --demo` stays idempotent.
#include <string_view>

#include "core/error.h"
#include "services/auth_service.h"
#include "services/blacklist_service.h"
#include "services/case_reading.h"
#include "services/publication_service.h"

namespace wagelink::app {

struct DemoExposureServices {
  services::CaseReading& cases;
  services::AuthService& auth;
  services::BlacklistService& blacklist;
  services::PublicationService& publications;
};

// Returns the number of records created (0 when the demo exposure data is already there).
Result<int> LoadDemoExposure(const DemoExposureServices& services, std::string_view json);

}  // namespace wagelink::app
