#pragma once
// The JSON contract of the crime-elements assessment, shared by `wagelink assess` (stdin → stdout) and
// POST /api/v1/assessments. Changing a field name here changes a public API.
//
// Input object (unknown fields are refused):
//   province             string, required: threshold profile id (data/thresholds.json)
//   workers              array of {"owed_yuan": number|decimal string >= 0, "months_unpaid": integer >= 0},
//                        1..100000 entries; or instead
//   workers_count        integer 1..100000, with
//   total_owed_yuan      number|decimal string >= 0
//   conduct              "abscond"|"transfer_assets"|"able_but_refused"|"unable"|"unknown", required
//   order                object, required: {"issued": bool (required), "delivery": "served"|"posted_at_site"|
//                        "none", "deadline_passed": bool, "paid_in_full": bool}; when issued the other three
//                        are required; when not issued they may be omitted and must not claim service,
//                        a passed deadline or payment
//   paid_stage           "none"|"before_filing"|"before_prosecution"|"before_first_instance_judgment"|
//                        "before_judgment"; optional, default "none"
//   serious_consequence  bool, optional, default false
//   employer_kind        "unit"|"individual"|"unqualified_contractor", optional (explains who is liable)
//   mass_incident        bool, optional, default false (人社部令第45号 §5(二) blacklist prong)
//   evidence             array of evidence ids already on file, optional (see EvidenceItemName); what the
//                        facts call for and is not listed comes back in missing_evidence
//
// Output object: province, elements[{id, met, required, basis, explain_zh, explain_en}],
// amount_threshold{profile, profile_name_zh, profile_name_en, configured, status, document, source_url,
// per_worker_yuan, aggregate_yuan, min_months_per_worker, min_workers_aggregate, met, prong, prong_1_met,
// prong_2_met, workers_owed, total_owed_yuan}, crime_elements_met, recommendation,
// recommendation_explain_zh/en, sentence_band, mitigation{stage, effect_zh, effect_en, basis}|null,
// missing_evidence[{id, zh, en, basis}], blacklist_eligible, blacklist{eligible, basis, explain_zh, explain_en}.
// Figures are whole yuan as JSON integers; case amounts are plain yuan strings ("186400.00").
#include <boost/json/value.hpp>
#include <cstddef>
#include <string_view>

#include "core/error.h"
#include "domain/crime_assessment.h"
#include "domain/threshold_profile.h"

namespace wagelink::domain {

inline constexpr std::size_t kMaxAssessedWorkers = 100000;
inline constexpr int kMaxMonthsUnpaid = 1200;

// Errors: kInvalidJson for syntax; kValidationFailed with `field` = path ("workers[3].owed_yuan").
Result<AssessmentInput> ParseAssessmentInput(std::string_view json_text);
boost::json::value AssessmentToJson(const AssessmentResult& result);
// Parse, look the province up in `catalog` (unknown → kValidationFailed on "province"), assess, render.
Result<boost::json::value> AssessJson(std::string_view json_text, const ThresholdCatalog& catalog);

}  // namespace wagelink::domain
