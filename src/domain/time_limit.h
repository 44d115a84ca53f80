#pragma once
// Statutory time limits (LEGAL.md §7, data/time_limits.json) and the deadline arithmetic that turns
// one of them plus a trigger instant into a due date (LEGAL.md §2.1):
//   calendar_days  start day not counted; last day = start + n; then roll-over if the rule says so
//   working_days   the n-th working day after the start day (WorkCalendar)
//   hours          the exact instant n hours after the trigger
//   months/years   the corresponding day of the target month, or its last day (民法典 §202); roll-over
// A day-based period ends at 24:00 Shanghai time of its last day. "Roll-over" moves a last day that is
// not a working day (weekends count as 节假日, 刑诉法 §105) to the next working day.
//
// Which rules roll over, and whether a "日" is a calendar day, is partly interpretation; such rules are
// `configurable` and an operator may override limit / unit / roll_over for them, never for the others.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/body.h"
#include "domain/civil_date.h"
#include "domain/legal_source.h"
#include "domain/work_calendar.h"

namespace wagelink::domain {

enum class TimeUnit { kCalendarDays, kWorkingDays, kHours, kMonths, kYears };

std::string_view TimeUnitName(TimeUnit unit);  // "calendar_days", ...
std::optional<TimeUnit> ParseTimeUnit(std::string_view name);

// An extension granted on top of the base limit (or the previous extension), e.g. L02 +30 working
// days with the head's approval. Extensions are cumulative and applied in order.
struct RuleExtension {
  std::int64_t limit = 0;
  TimeUnit unit = TimeUnit::kCalendarDays;
  std::string zh;  // the condition under which it applies
  std::string en;
  std::string citation;
};

struct TimeLimitRule {
  std::string id;  // "L01" … "L31", "L11b", or a platform setting id
  std::string trigger_event;
  std::string trigger_zh;
  std::string trigger_en;
  Body actor = Body::kHrss;
  std::string action_zh;
  std::string action_en;
  std::optional<std::int64_t> limit;  // nullopt: set per case (L03 order deadline, L05 "立即")
  TimeUnit unit = TimeUnit::kCalendarDays;
  std::vector<RuleExtension> extensions;
  bool roll_over = false;
  // Why a last day on a rest day rolls over for this rule, and how sure that is: 刑诉法 §105 applies
  // directly to its own periods (CONFIRMED); for 310号令's "日" it is an interpretation (UNCONFIRMED,
  // LEGAL.md §2.1, §8 item 11). A rolled-over due date carries this status into its explanation.
  std::string roll_over_citation;
  SourceStatus roll_over_status = SourceStatus::kUnconfirmed;
  bool recurring = false;  // a cycle (L29, L31), not a one-off deadline
  std::string citation;
  SourceStatus status = SourceStatus::kUnconfirmed;
  bool configurable = false;
  // Which of limit / unit / roll_over an operator may override (all three unless the data narrows it).
  bool limit_configurable = false;
  bool unit_configurable = false;
  bool roll_over_configurable = false;
  std::string note;
};

class TimeLimitCatalog {
 public:
  static constexpr std::string_view kShouldHaveBeenTransferred = "should_have_been_transferred";

  // Parses data/time_limits.json: "rules" and "platform_settings" (the latter carry status
  // PLATFORM_SETTING and are always configurable).
  static Result<TimeLimitCatalog> Parse(std::string_view json_text);
  // A copy with an operator's overrides merged, all or nothing. `overrides_json` is an object keyed by
  // rule id: {"L03": {"limit": 3, "unit": "calendar_days", "roll_over": false}, ...}. Refuses unknown
  // ids, non-configurable rules and fields the rule does not allow to change.
  Result<TimeLimitCatalog> WithOverrides(std::string_view overrides_json) const;

  const TimeLimitRule* Find(std::string_view id) const;
  const std::vector<TimeLimitRule>& rules() const { return rules_; }  // data order, settings last

 private:
  std::vector<TimeLimitRule> rules_;
};

struct DeadlineOptions {
  // Number of the rule's extensions granted (0 = none; 2 = the first two, cumulatively).
  int extensions_applied = 0;
  // Required for, and only for, a rule whose limit is null (e.g. L03: the period set in the order).
  std::optional<std::int64_t> supplied_limit;
};

struct Deadline {
  std::string rule_id;
  CivilDate start_date;      // the trigger's Shanghai civil date (not counted)
  CivilDate due_date;        // last day of the period, after roll-over
  Instant due_instant;       // 24:00 Shanghai of due_date; the exact instant for hours
  bool rolled_over = false;  // the last day was moved past rest days
  // Set when rolled over: how sure the roll-over is (the rule's roll_over_status). Anything but
  // CONFIRMED marks the due date as an interpretation.
  std::optional<SourceStatus> roll_over_status;
  bool uncertain = false;    // a day in an unloaded calendar year had to be assumed
  std::string explain_zh;    // with the citation and status tag
  std::string explain_en;
};

// The years of the days after `from` up to `to` (a period's counted days) whose days are not all
// known: with only the statutory fallback (the law's holidays are known, the make-up days not), or
// with nothing loaded at all.
struct UncertainYears {
  std::vector<int> statutory_only;
  std::vector<int> unloaded;
};
UncertainYears UncertainYearsOf(const WorkCalendar& calendar, CivilDate from, CivilDate to);
// The warning appended to an uncertain due date (also printed by `wagelink calendar`).
std::string UncertaintyNoteZh(const UncertainYears& years);
std::string UncertaintyNoteEn(const UncertainYears& years);

Result<Deadline> ComputeDeadline(const TimeLimitRule& rule, Instant trigger, const WorkCalendar& calendar,
                                 const DeadlineOptions& options = {});

}  // namespace wagelink::domain
