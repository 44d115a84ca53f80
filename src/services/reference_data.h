#pragma once
// The legal reference data the platform decides with, loaded once at start from data/ and
// validated there (a bad file stops the server): the working-day calendar, the time-limit rules
// L01–L32 with their citations, and the crime-threshold profiles. The raw documents are kept so
// the API can show users exactly the figure and citation that produced a decision.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/green_channel.h"
#include "domain/reveal_purpose.h"
#include "domain/statutory_holidays.h"
#include "domain/threshold_profile.h"
#include "domain/time_limit.h"
#include "domain/work_calendar.h"

namespace wagelink::services {

// One item of the transfer package checklist (国务院令310 §6; data/transfer_package.json).
struct PackageItem {
  std::string id;
  std::string zh;
  std::string en;
  std::string basis;
  std::string status;
  bool required = false;
  bool generated_document = false;  // the platform produces it (the 移送书); no file is attached
  std::vector<std::string> kinds;   // evidence kinds whose files satisfy the item (domain/evidence_kinds.h)
  std::optional<std::string> document_kind;  // an issued document (文书) of this kind satisfies it too
};

struct ReferenceData {
  // The data/ notices plus the statutory fallback; the calendar in force adds the notices entered
  // in the database (CaseRules::calendar, services/calendar_service.h).
  domain::WorkCalendar calendar;
  std::vector<domain::CalendarYear> calendar_files;  // data/calendar/cn-YYYY.json, by year
  domain::StatutoryHolidayTable statutory_holidays;  // data/calendar/statutory_dates.json
  domain::TimeLimitCatalog time_limits;
  domain::ThresholdCatalog thresholds;
  std::string time_limits_json;  // data/time_limits.json as loaded
  std::string thresholds_json;   // data/thresholds.json as loaded
  std::vector<std::string> calendar_json;  // data/calendar/cn-YYYY.json, by year
  std::vector<PackageItem> transfer_package;
  // data/green_channel.json: the district's target days for the court's five priorities (LOCAL).
  domain::GreenChannelTargets green_channel;
  std::vector<domain::RevealReason> reveal_reasons;  // data/reveal_reasons.json
  // The threshold profile a district uses until the administrator chooses its province (settings):
  // "unset", judged against the national range, so an amount between the national bounds is
  // "unknown → consult", never a firm "no" (LEGAL.md §1.3).
  std::string default_profile = std::string(domain::ThresholdCatalog::kUnset);
};

}  // namespace wagelink::services
