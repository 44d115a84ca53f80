#pragma once
// The JSON form of a finding's value, shared by POST /api/v1/cases/{id}/findings and the timeline
// event that stores it (so a stored finding is read back exactly as it was accepted):
//   conduct               {"conduct": "abscond"|"transfer_assets"|"able_but_refused"|"unable"|"unknown"}
//   serious_consequences  {"consequences": ["basic_living"|"serious_illness"|"schooling"|"violence"|"other", ...]}
//                         (empty: none established)
//   mass_incident         {"occurred": bool}
//   employer_kind         {"employer_kind": "unit"|"individual"|"unqualified_contractor",
//                          "actual_controller": "name"?, "responsible_persons": ["name", ...]?}
//   justified_reason      {"established": bool}
//   compensation_borne    {"borne": bool}
// Unknown keys are refused; errors name the field under `path`.
#include <boost/json/object.hpp>
#include <string>

#include "core/error.h"
#include "domain/case_facts.h"

namespace wagelink::domain {

Result<FindingValue> ParseFindingValue(FindingKind kind, const boost::json::object& value, const std::string& path);
boost::json::object FindingValueToJson(FindingKind kind, const FindingValue& value);
// What the finding says, for the timeline ("逃匿", "否", "劳动者基本生活受到严重影响；失学").
std::string DescribeFindingZh(FindingKind kind, const FindingValue& value);
std::string DescribeFindingEn(FindingKind kind, const FindingValue& value);

}  // namespace wagelink::domain
