#pragma once
// Statutory clocks: one time limit of data/time_limits.json running on one case. A clock starts
// when a step triggers its rule, is stopped by the step that answers it, and is evaluated against
// an instant the caller passes in (the domain never reads the clock).
//
// The case machine only *names* the clocks a step starts, stops or extends (ClockStart, ClockStop,
// ClockExtension); the service turns them into StatutoryClock rows with StartClock / StopClock /
// ExtendClock, using the rule catalog (with the operator's overrides) and the working-day calendar.
//
// Who is told when a clock runs out: the responsible body and its supervisor. The procuratorate
// supervises the police and labour inspection's transfer duties (国务院令第310号 §14, §17; 人民检察院
// 刑事诉讼规则 §557–§564); the wage-arrears office supervises the rest (保障农民工工资支付条例 §4).
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/body.h"
#include "domain/civil_date.h"
#include "domain/time_limit.h"
#include "domain/work_calendar.h"

namespace wagelink::domain {

enum class ClockKind {
  kDuty,    // someone must act by the due time; running past it is overdue and alerted
  kWindow,  // someone *may* act until the due time (L09: the 24 h to object to missing materials);
            // lapsing is not a failure and is never alerted
};

enum class ClockOutcome {
  kMet,        // the step the clock waited for was taken
  kNotMet,     // the obligation was definitively not fulfilled (L03: the employer did not pay)
  kWithdrawn,  // the duty fell away (case handed over, window unused, superseded by another step)
};

std::string_view ClockKindCode(ClockKind kind);
std::string_view ClockOutcomeCode(ClockOutcome outcome);
std::optional<ClockOutcome> ParseClockOutcome(std::string_view code);

// A clock a step starts, as decided by the case machine.
struct ClockStart {
  std::string rule_id;
  Instant trigger;  // usually the step's instant; the order's service time for L03; receipt for L08
  Body responsible_body = Body::kHrss;
  Body supervisor_body = Body::kWageOffice;
  ClockKind kind = ClockKind::kDuty;
  // The date stated in the order (L03): that day, as written, is the last day (no roll-over).
  std::optional<CivilDate> supplied_due_date;
  // L05 says "立即" and has no number: the clock exists only when the operator set a target.
  bool only_if_limit_configured = false;
  // Set when the duty only became known as it was discharged (L08: passing a transfer on within
  // 24 h of receipt): the clock is recorded already stopped, met, at this instant.
  std::optional<Instant> answered_at;
};

// A clock a step stops; the service stops the case's open clock with this rule id, if any.
struct ClockStop {
  std::string rule_id;
  ClockOutcome outcome = ClockOutcome::kMet;
};

// The next extension of the rule is granted (L02 +30 working days, L11b 3→10→30→60 days ...).
struct ClockExtension {
  std::string rule_id;
};

struct StatutoryClock {
  std::string rule_id;
  Instant started_at;  // the trigger instant
  Deadline due;
  Body responsible_body = Body::kHrss;
  Body supervisor_body = Body::kWageOffice;
  ClockKind kind = ClockKind::kDuty;
  int extensions_applied = 0;
  // Kept so that an extension or a recompute counts the same period again.
  std::optional<std::int64_t> supplied_limit;
  std::optional<CivilDate> supplied_due_date;
  std::optional<Instant> stopped_at;
  std::optional<ClockOutcome> outcome;  // set together with stopped_at
};

enum class ClockStatus {
  kRunning,    // not stopped, due time not passed
  kMet,        // stopped, met, on or before the due time
  kMetLate,    // stopped, met, after the due time
  kOverdue,    // duty not stopped and the due time has passed
  kUncertain,  // not stopped and the due date rests on an unloaded calendar year (LEGAL.md §6)
  kNotMet,     // stopped: the obligation was not fulfilled
  kWithdrawn,  // stopped: the duty fell away
  kExpired,    // a window that lapsed unused
};

std::string_view ClockStatusCode(ClockStatus status);

struct ClockEvaluation {
  ClockStatus status = ClockStatus::kRunning;
  // Due time minus `now` (or minus the stop time for a stopped clock); negative once past due.
  std::int64_t remaining_seconds = 0;
  bool due_uncertain = false;
};

// A clock is in time up to and including its due instant (24:00 of the last day, or trigger + n h).
ClockEvaluation Evaluate(const StatutoryClock& clock, Instant now);

struct ClockStartOptions {
  Body responsible_body = Body::kHrss;
  Body supervisor_body = Body::kWageOffice;
  ClockKind kind = ClockKind::kDuty;
  int extensions_applied = 0;
  std::optional<std::int64_t> supplied_limit;  // for a rule with a null limit (passed to ComputeDeadline)
  std::optional<CivilDate> supplied_due_date;  // a stated last day instead (L03)
};

// Wraps ComputeDeadline. A supplied due date must lie after the trigger's Shanghai date and is used
// as written: counted in calendar days, never rolled over, whatever the operator set for the unit.
Result<StatutoryClock> StartClock(const TimeLimitRule& rule, Instant trigger, const WorkCalendar& calendar,
                                  const ClockStartOptions& options = {});

// Starts what a transition asks for, in order. A start marked only_if_limit_configured whose rule
// has no limit is skipped (no clock, by design). Fails as a whole on an unknown rule id or a bad date.
Result<std::vector<StatutoryClock>> StartClocks(std::span<const ClockStart> starts, const TimeLimitCatalog& catalog,
                                                const WorkCalendar& calendar);

// Stops a running clock; a stopped clock is returned unchanged (the first answer counts).
StatutoryClock StopClock(StatutoryClock clock, Instant at, ClockOutcome outcome);

// Applies one more of the rule's extensions, counted from the original trigger. Fails when the rule
// has no further extension. Also the way to recompute an uncertain clock once its year is loaded
// (pass `additional_extensions` = 0).
Result<StatutoryClock> ExtendClock(const StatutoryClock& clock, const TimeLimitRule& rule, const WorkCalendar& calendar,
                                   int additional_extensions = 1);

// The deadline sweep's core: among `open_duties` (running duty clocks sorted by due instant, as an
// index on the due column returns them), those that became overdue in (last_sweep, now], i.e. whose
// due instant lies in [last_sweep, now). O(log n + k) for k results: the sweep never walks every
// open clock. Clocks started already overdue (a late record) are reported by the service at start.
std::vector<const StatutoryClock*> NewlyOverdue(std::span<const StatutoryClock> open_duties, Instant last_sweep,
                                                Instant now);

}  // namespace wagelink::domain
