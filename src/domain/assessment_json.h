#pragma once
// The JSON contract of the crime-elements assessment, shared by `wagelink assess` (stdin → stdout) and
// POST /api/v1/assessments. Changing a field name here changes a public API.
//
// Input object (unknown fields are refused):
//   province             string, required: threshold profile id (data/thresholds.json)
//   workers              array of {"owed_yuan": number|decimal string >= 0 (劳动报酬 only, 法释 §1),
//                        "months_unpaid": integer >= 0, "unpaid_after_deadline_yuan": optional, <= owed_yuan:
//                        what is still unpaid after the order's deadline, i.e. owed less the actor's OWN
//                        payments by then (advances by others do not count); default owed_yuan; the amount
//                        test uses it on both prongs}, 1..100000 entries; or instead
//   workers_count        integer 1..100000, with
//   total_owed_yuan      number|decimal string >= 0
//   conduct              "abscond"|"transfer_assets"|"able_but_refused"|"unable"|"unknown", required
//   order                object, required: {"issued": bool (required), "delivery": "served"|"posted_at_site"|
//                        "none", "deadline_passed": bool, "paid_in_full": bool, "addressee": "employer"|
//                        "actual_controller"|"general_contractor"|"developer" (optional, default employer)};
//                        when issued delivery and deadline_passed are required, and paid_in_full too unless
//                        every worker carries unpaid_after_deadline_yuan (then it follows from them and, if
//                        given, must agree); an order only to the general contractor or developer does not
//                        order the actor; when not issued the others may be omitted and must not claim
//                        service, a passed deadline, payment or an addressee
//   paid_stage           "none"|"before_filing"|"before_prosecution"|"before_first_instance_judgment"|
//                        "before_judgment"; optional, default "none"
//   serious_consequence  bool, optional, default false (a consequence claimed without its type)
//   serious_consequences array of "basic_living"|"serious_illness"|"schooling"|"violence"|"other" (法释 §5),
//                        optional; non-empty means a serious consequence (contradicts serious_consequence: false)
//   justified_reason     bool, optional, default false (法释 §4 ¶1 proviso: a 正当理由 for not knowing of the
//                        order or not paying in time)
//   compensation_borne   bool, optional (法释 §6: mitigation needs the 赔偿责任 borne; false withholds it)
//   employer_kind        "unit"|"individual"|"unqualified_contractor", optional (explains who is liable)
//   mass_incident        bool, optional, default false (人社部令第45号 §5(二) blacklist prong)
//   evidence             array of evidence ids already on file, optional (see EvidenceItemName); what the
//                        facts call for and is not listed comes back in missing_evidence
//
// Output object: province, elements[{id, met, required, basis, explain_zh, explain_en}],
// amount_threshold{profile, profile_name_zh, profile_name_en, configured, status, document, source_url,
// per_worker_yuan, aggregate_yuan, min_months_per_worker, min_workers_aggregate, met, prong, prong_1_met,
// prong_2_met, workers_owed, total_owed_yuan}, crime_elements_met, recommendation,
// recommendation_explain_zh/en, sentence_band, mitigation{stage, compensation_borne, effect_zh, effect_en,
// basis}|null, missing_evidence[{id, zh, en, basis}], blacklist_eligible, blacklist{eligible, criterion
// ("amount"|"mass_incident"|null), basis, explain_zh, explain_en}.
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
// The "blacklist" member of the assessment; also what a proposed listing stores as its eligibility.
boost::json::object BlacklistFindingToJson(const BlacklistFinding& finding);
// The input in the same contract: ParseAssessmentInput(serialize(AssessmentInputToJson(x))) assesses as x.
// A case shows it beside its assessment, so anyone can replay the case's facts through `wagelink assess`.
boost::json::value AssessmentInputToJson(const AssessmentInput& input);
// Parse, look the province up in `catalog` (unknown → kValidationFailed on "province"), assess, render.
Result<boost::json::value> AssessJson(std::string_view json_text, const ThresholdCatalog& catalog);

}  // namespace wagelink::domain
