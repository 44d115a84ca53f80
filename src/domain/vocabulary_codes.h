#pragma once
// Every code of each step-payload vocabulary (case_events.h, assessment_vocabulary.h), taken from the
// same tables the Parse* functions read, in the order a step form offers them (case_step_forms.h).
// Kept apart from those headers because few files need the lists.
#include <optional>
#include <string_view>
#include <vector>

#include "domain/assessment_vocabulary.h"

namespace wagelink::domain {

std::vector<std::string_view> OrderDocumentKindCodes();
std::vector<std::string_view> ServiceMethodCodes();
std::vector<std::string_view> OrderOutcomeCodes();
std::vector<std::string_view> ReconsiderationResultCodes();
std::vector<std::string_view> InvestigationResultCodes();
std::vector<std::string_view> ProsecutionDecisionCodes();
std::vector<std::string_view> VerdictCodes();
std::vector<std::string_view> LegalAidDecisionCodes();
std::vector<std::string_view> CivilStepKindCodes();
std::vector<std::string_view> CloseReasonCodes();
std::vector<std::string_view> InterventionGroundCodes();
std::vector<std::string_view> OpinionAspectCodes();
std::vector<std::string_view> MaliciousClaimOutcomeCodes();
std::vector<std::string_view> OrderAddresseeCodes();
std::vector<std::string_view> RecommendationCodes();
// The screening's recommendation as a step payload names it (assessment_vocabulary.h has only the name).
std::optional<Recommendation> ParseRecommendation(std::string_view code);

}  // namespace wagelink::domain
