#pragma once
#include <memory>
#include <string>

#include "core/error.h"
#include "services/reference_data.h"

namespace wagelink::app {

// Reads and validates data/time_limits.json, data/thresholds.json and data/calendar/cn-*.json.
Result<std::shared_ptr<const services::ReferenceData>> LoadReferenceData(const std::string& data_dir);

}  // namespace wagelink::app
