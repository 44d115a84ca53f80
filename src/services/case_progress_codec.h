#pragma once
// The case's state-machine progress is stored as one JSON text on the case row, so adding a
// field to domain::CaseProgress needs no migration; this codec is the only place that knows
// its shape on disk.
#include <boost/json/object.hpp>
#include <string_view>

#include "core/error.h"
#include "domain/case_machine.h"

namespace wagelink::services {

boost::json::object ProgressToJson(const domain::CaseProgress& progress);
Result<domain::CaseProgress> ProgressFromJson(std::string_view text);

}  // namespace wagelink::services
