#pragma once
// Periods that run from the end of the unpaid period rather than from a step: the 2-year limit on
// investigating a violation (劳动保障监察条例 §20, rule L33, checked when a complaint is accepted) and
// the labour-arbitration limitation (劳动争议调解仲裁法 §27, rule L37, a window on the civil route).
// A continuing violation counts from its end (§20 ¶2); unpaid wages may be one — the warning says so
// and leaves the judgement to the handler.
#include <optional>
#include <string>
#include <string_view>

#include "domain/civil_date.h"
#include "domain/time_limit.h"
#include "domain/work_calendar.h"

namespace wagelink::domain {

// The last day of a worker's unpaid period as entered ("YYYY-MM" → that month's last day, or
// "YYYY-MM-DD"); nullopt when empty or malformed.
std::optional<CivilDate> LastDayOfPeriod(std::string_view period_to);

struct LimitationWarning {
  CivilDate limit_date;  // the last day on which the violation could still be investigated
  std::string zh;
  std::string en;
};

// A warning when the complaint arrived after rule L33's period (counted from the end of the unpaid
// period) had run out; nullopt while still within it.
std::optional<LimitationWarning> CheckInvestigationLimitation(const TimeLimitRule& rule, CivilDate unpaid_period_end,
                                                              Instant complaint_received, const WorkCalendar& calendar);

}  // namespace wagelink::domain
