#pragma once
// Request parsing for case endpoints. ParseStepInput reads the body of POST /api/v1/cases/{id}/steps:
//   {"event": "<step code>", "at": "RFC 3339"?, "reason": "..."?, "expected_version": N?, "payload": {...}?}
// into a services::StepInput, checking that the payload fits the step (fields named on error).
#include <boost/json/object.hpp>

#include "core/error.h"
#include "services/case_findings.h"
#include "services/case_intake.h"
#include "services/case_steps.h"

namespace wagelink::api {

Result<services::StepInput> ParseStepInput(const boost::json::object& body);

// A complaint as POSTed to /api/v1/cases (fields named on error, e.g. "workers[2].id_number").
Result<services::ComplaintInput> ParseComplaintInput(const boost::json::object& body);
// A finding as POSTed to /api/v1/cases/{id}/findings (unknown fields refused).
Result<services::FindingInput> ParseFindingInput(const boost::json::object& body);
// Money in yuan from a JSON string ("21300.50") or number, exact to the fen.
Result<domain::Fen> ParseYuanField(const boost::json::object& object, std::string_view key, const std::string& field);

}  // namespace wagelink::api
