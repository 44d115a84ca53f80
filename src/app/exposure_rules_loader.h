#pragma once
#include <memory>
#include <string>

#include "core/error.h"
#include "domain/exposure_rules.h"

namespace wagelink::app {

// Reads and validates data/exposure_rules.json (blacklist terms, publication categories); a bad file
// stops the server.
Result<std::shared_ptr<const domain::ExposureRules>> LoadExposureRules(const std::string& data_dir);

}  // namespace wagelink::app
