#pragma once
// Loads data/demo/projects.json into the demo district: registered construction projects with
// months of feeds in which the project monitor's rules fire at different levels, through the same
// service as the API (dates relative to the day of seeding), and the complaint some of a project's
// workers made about it, through intake (so the case is linked to the project as any complaint is).
// Does nothing when any project exists, so `init --demo` stays idempotent.
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "services/auth_service.h"
#include "services/case_intake.h"
#include "services/project_service.h"

namespace wagelink::app {

// Returns the number of projects registered (0 when the demo projects are already there).
Result<int> LoadDemoProjects(services::ProjectService& projects, services::CaseIntake& intake, services::AuthService& auth,
                             const Clock& clock, std::string_view json);

}  // namespace wagelink::app
