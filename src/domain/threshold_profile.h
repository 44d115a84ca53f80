#pragma once
// Crime amount thresholds (数额较大, 法释〔2013〕3号 §3; LEGAL.md §1.3), one profile per province, from
// data/thresholds.json. The same profile also decides blacklist criterion (一) of 人社部令第45号 §5,
// so there is exactly one threshold object per province (LEGAL.md §1.3, design note).
//
// A profile whose figures are not known (hebei, and "unset" before the district chooses) loads with
// `configured == false`; assessments then judge the amount against the national range and report
// "unknown" between its bounds instead of guessing. Every configured figure must lie inside
// the national range given by the national-min and national-max profiles, because the 法释 only lets
// provincial high courts choose within it.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/legal_source.h"
#include "domain/money.h"

namespace wagelink::domain {

// The national range of 法释〔2013〕3号 §3. A province without confirmed figures is judged against it:
// at or above the upper bound the amount is large in every province, below the lower bound in none,
// in between it is unknown until the province's own figure is configured.
struct NationalRange {
  Fen per_worker_low, per_worker_high;
  Fen aggregate_low, aggregate_high;
};

struct ThresholdProfile {
  std::string id;  // "national-min", "hubei", ...
  std::string name_zh;
  std::string name_en;
  std::optional<Fen> per_worker;  // prong 1: one worker, at least min_months_per_worker months unpaid
  std::optional<Fen> aggregate;   // prong 2: at least min_workers_aggregate workers, cumulative amount
  int min_workers_aggregate = 0;
  int min_months_per_worker = 0;
  std::string effective;  // date or empty
  std::string document;
  std::string source_url;
  SourceStatus status = SourceStatus::kUnconfirmed;
  std::string note;
  bool configured = false;  // both figures known
  NationalRange national;   // filled in by the catalog for every profile
};

class ThresholdCatalog {
 public:
  static constexpr std::string_view kNationalMin = "national-min";
  static constexpr std::string_view kNationalMax = "national-max";
  // The profile of a district that has not chosen its province yet (a fresh install).
  static constexpr std::string_view kUnset = "unset";

  static Result<ThresholdCatalog> Parse(std::string_view json_text);
  // The operator's figures merged in, all or nothing: {"hebei": {"per_worker_yuan": 10000,
  // "aggregate_yuan": 50000, "document": "...", "source_url": "...", "effective": "2014-01-01"}}.
  // Both figures are required; they must lie within the national range. The national bounds
  // themselves cannot be overridden. An overridden profile is tagged LOCAL (the operator vouches for
  // it) and its note records the override.
  Result<ThresholdCatalog> WithOverrides(std::string_view overrides_json) const;

  const ThresholdProfile* Find(std::string_view id) const;
  const std::vector<ThresholdProfile>& profiles() const { return profiles_; }

 private:
  std::vector<ThresholdProfile> profiles_;
};

}  // namespace wagelink::domain
