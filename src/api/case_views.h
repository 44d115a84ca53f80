#pragma once
// JSON views of cases for the API. Personal data appears only masked; money as fen integers plus
// yuan text, so clients never do floating-point arithmetic on money.
#include <boost/json/object.hpp>

#include "services/case_service.h"

namespace wagelink::api {

boost::json::object CaseSummaryJson(const store::CaseRow& row);
boost::json::object CaseDetailJson(const services::CaseDetail& detail);

}  // namespace wagelink::api
