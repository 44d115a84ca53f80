#pragma once
// Reads the body of POST /api/v1/cases/{id}/steps:
//   {"event": "<step code>", "at": "RFC 3339"?, "reason": "..."?, "expected_version": N?, "payload": {...}?}
// into a services::StepInput, checking that the payload fits the step (fields named on error).
#include <boost/json/object.hpp>

#include "core/error.h"
#include "services/case_service.h"

namespace wagelink::api {

Result<services::StepInput> ParseStepInput(const boost::json::object& body);

}  // namespace wagelink::api
