#pragma once
// The figures of exposure and warning, loaded from data/exposure_rules.json: the blacklist term and
// early-removal wait of 人社部令第45号 (LEGAL.md §3.4), the UNCONFIRMED prior-notice (陈述申辩) and
// decision periods, and the publication categories of 人社部令第29号 (LEGAL.md §3.5).
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/legal_source.h"

namespace wagelink::domain {

struct ExposureTerm {
  int value = 0;
  SourceStatus status = SourceStatus::kUnconfirmed;
  std::string citation;
};

// A criterion of 人社部令第45号 §5 a listing relies on: "amount" (一) or "mass_incident" (二).
struct ListingCriterion {
  std::string code;
  std::string zh;
  SourceStatus status = SourceStatus::kConfirmed;
  std::string citation;
};

struct PublicationCategory {
  std::string code;
  std::string zh;
};

struct ExposureRules {
  ExposureTerm listing_term_years;
  ExposureTerm early_removal_months_after_payment;
  ExposureTerm defence_period_working_days;
  ExposureTerm decision_deadline_working_days;
  std::vector<ListingCriterion> criteria;
  std::string publication_citation;
  std::string publication_frequency;
  std::vector<PublicationCategory> categories;

  const PublicationCategory* FindCategory(std::string_view code) const;
  const ListingCriterion* FindCriterion(std::string_view code) const;
};

// Strict: unknown keys, missing values, out-of-range figures and unknown status tags are errors.
Result<ExposureRules> ParseExposureRules(std::string_view json_text, std::string_view source_name = "exposure_rules");

}  // namespace wagelink::domain
