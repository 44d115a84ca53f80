#pragma once
// JSON views of cases for the API. Personal data appears only masked; money as fen integers plus
// yuan text, so clients never do floating-point arithmetic on money.
#include <boost/json/object.hpp>

#include "services/case_records.h"

namespace wagelink::api {

// Money as fen plus yuan text.
boost::json::object FenJson(std::int64_t fen);
// One clock with its citation, status tag and the action it asks for, as the case detail shows it.
boost::json::object ClockJson(const services::ClockView& clock);
boost::json::object CaseSummaryJson(const services::CaseSummary& summary);
// Everything but the assessment, which CaseDetailText appends as already-serialized text.
boost::json::object CaseDetailJson(const services::CaseDetail& detail);
// The whole case as the API's JSON text.
std::string CaseDetailText(const services::CaseDetail& detail);

}  // namespace wagelink::api
