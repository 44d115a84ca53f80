#include "domain/statutory_clock.h"

#include <algorithm>
#include <array>
#include <utility>

namespace wagelink::domain {
namespace {

constexpr std::array<std::pair<ClockStatus, std::string_view>, 8> kStatuses{{
    {ClockStatus::kRunning, "running"},
    {ClockStatus::kMet, "met"},
    {ClockStatus::kMetLate, "met_late"},
    {ClockStatus::kOverdue, "overdue"},
    {ClockStatus::kUncertain, "uncertain"},
    {ClockStatus::kNotMet, "not_met"},
    {ClockStatus::kWithdrawn, "withdrawn"},
    {ClockStatus::kExpired, "expired"},
}};

constexpr std::array<std::pair<ClockOutcome, std::string_view>, 3> kOutcomes{{
    {ClockOutcome::kMet, "met"},
    {ClockOutcome::kNotMet, "not_met"},
    {ClockOutcome::kWithdrawn, "withdrawn"},
}};

// The deadline of `rule` for this trigger. A stated last day (L03) is turned into the equivalent
// number of calendar days without roll-over, so that ComputeDeadline still writes the explanation
// and an operator's unit override for the rule cannot move a date the order itself spells out.
Result<Deadline> ComputeDue(const TimeLimitRule& rule, Instant trigger, const WorkCalendar& calendar,
                            int extensions_applied, std::optional<std::int64_t> supplied_limit,
                            std::optional<CivilDate> supplied_due_date) {
  if (!supplied_due_date) {
    return ComputeDeadline(rule, trigger, calendar, DeadlineOptions{extensions_applied, supplied_limit});
  }
  const CivilDate start = ShanghaiDate(trigger);
  if (*supplied_due_date <= start) {
    return MakeError(
        ErrorCode::kValidationFailed,
        rule.id + " 的期满日（" + supplied_due_date->ToIso() + "）须晚于起算日（" + start.ToIso() + "）",
        rule.id + " must end (" + supplied_due_date->ToIso() + ") after its start day (" + start.ToIso() + ")",
        "deadline");
  }
  TimeLimitRule as_stated = rule;
  as_stated.limit.reset();
  as_stated.unit = TimeUnit::kCalendarDays;
  as_stated.roll_over = false;
  as_stated.extensions.clear();
  if (extensions_applied != 0) {
    return MakeError(ErrorCode::kValidationFailed, rule.id + " 的期限由文书载明，不能延长",
                     rule.id + " ends on the date the document states and cannot be extended", "extensions_applied");
  }
  const std::int64_t days = supplied_due_date->DaysSinceEpoch() - start.DaysSinceEpoch();
  return ComputeDeadline(as_stated, trigger, calendar, DeadlineOptions{0, days});
}

}  // namespace

std::string_view ClockKindCode(ClockKind kind) {
  return kind == ClockKind::kWindow ? "window" : "duty";
}

std::string_view ClockOutcomeCode(ClockOutcome outcome) {
  for (const auto& [value, code] : kOutcomes) {
    if (value == outcome) return code;
  }
  return kOutcomes.front().second;
}

std::optional<ClockOutcome> ParseClockOutcome(std::string_view code) {
  for (const auto& [value, candidate] : kOutcomes) {
    if (candidate == code) return value;
  }
  return std::nullopt;
}

std::string_view ClockStatusCode(ClockStatus status) {
  for (const auto& [value, code] : kStatuses) {
    if (value == status) return code;
  }
  return kStatuses.front().second;
}

ClockEvaluation Evaluate(const StatutoryClock& clock, Instant now) {
  ClockEvaluation result;
  result.due_uncertain = clock.due.uncertain;
  const Instant due = clock.due.due_instant;
  if (clock.stopped_at) {
    result.remaining_seconds = due.unix_seconds() - clock.stopped_at->unix_seconds();
    switch (clock.outcome.value_or(ClockOutcome::kMet)) {
      case ClockOutcome::kMet:
        result.status = *clock.stopped_at <= due ? ClockStatus::kMet : ClockStatus::kMetLate;
        break;
      case ClockOutcome::kNotMet:
        result.status = ClockStatus::kNotMet;
        break;
      case ClockOutcome::kWithdrawn:
        result.status = ClockStatus::kWithdrawn;
        break;
    }
    return result;
  }
  result.remaining_seconds = due.unix_seconds() - now.unix_seconds();
  if (clock.kind == ClockKind::kWindow) {
    result.status = now > due ? ClockStatus::kExpired : ClockStatus::kRunning;
  } else if (clock.due.uncertain) {
    // Whether it is still running depends on holidays nobody has published yet: say so, and keep the
    // best-effort remaining time for display.
    result.status = ClockStatus::kUncertain;
  } else {
    result.status = now > due ? ClockStatus::kOverdue : ClockStatus::kRunning;
  }
  return result;
}

Result<StatutoryClock> StartClock(const TimeLimitRule& rule, Instant trigger, const WorkCalendar& calendar,
                                  const ClockStartOptions& options) {
  auto due = ComputeDue(rule, trigger, calendar, options.extensions_applied, options.supplied_limit,
                        options.supplied_due_date);
  if (!due) return due.error();
  StatutoryClock clock;
  clock.rule_id = rule.id;
  clock.started_at = trigger;
  clock.due = std::move(due).value();
  clock.responsible_body = options.responsible_body;
  clock.supervisor_body = options.supervisor_body;
  clock.kind = options.kind;
  clock.extensions_applied = options.extensions_applied;
  clock.supplied_limit = options.supplied_limit;
  clock.supplied_due_date = options.supplied_due_date;
  return clock;
}

Result<std::vector<StatutoryClock>> StartClocks(std::span<const ClockStart> starts, const TimeLimitCatalog& catalog,
                                                const WorkCalendar& calendar) {
  std::vector<StatutoryClock> clocks;
  clocks.reserve(starts.size());
  for (const ClockStart& start : starts) {
    const TimeLimitRule* rule = catalog.Find(start.rule_id);
    if (rule == nullptr) {
      return MakeError(ErrorCode::kInternal, "期限规则 " + start.rule_id + " 未在 data/time_limits.json 中定义",
                       "time-limit rule " + start.rule_id + " is not defined in data/time_limits.json", "rule_id");
    }
    if (start.only_if_limit_configured && !rule->limit) continue;
    ClockStartOptions options;
    options.responsible_body = start.responsible_body;
    options.supervisor_body = start.supervisor_body;
    options.kind = start.kind;
    options.supplied_due_date = start.supplied_due_date;
    auto clock = StartClock(*rule, start.trigger, calendar, options);
    if (!clock) return clock.error();
    if (start.answered_at) {
      clocks.push_back(StopClock(std::move(clock).value(), *start.answered_at, ClockOutcome::kMet));
    } else {
      clocks.push_back(std::move(clock).value());
    }
  }
  return clocks;
}

StatutoryClock StopClock(StatutoryClock clock, Instant at, ClockOutcome outcome) {
  if (clock.stopped_at) return clock;
  clock.stopped_at = at;
  clock.outcome = outcome;
  return clock;
}

Result<StatutoryClock> ExtendClock(const StatutoryClock& clock, const TimeLimitRule& rule, const WorkCalendar& calendar,
                                   int additional_extensions) {
  if (rule.id != clock.rule_id) {
    return MakeError(ErrorCode::kInternal, "规则 " + rule.id + " 与时限 " + clock.rule_id + " 不符",
                     "rule " + rule.id + " does not match clock " + clock.rule_id, "rule_id");
  }
  if (additional_extensions < 0) {
    return MakeError(ErrorCode::kValidationFailed, "延长次数不能为负", "extensions cannot be negative",
                     "extensions_applied");
  }
  const int extensions = clock.extensions_applied + additional_extensions;
  auto due = ComputeDue(rule, clock.started_at, calendar, extensions, clock.supplied_limit, clock.supplied_due_date);
  if (!due) return due.error();
  StatutoryClock extended = clock;
  extended.due = std::move(due).value();
  extended.extensions_applied = extensions;
  return extended;
}

std::vector<const StatutoryClock*> NewlyOverdue(std::span<const StatutoryClock> open_duties, Instant last_sweep,
                                                Instant now) {
  std::vector<const StatutoryClock*> overdue;
  if (now <= last_sweep) return overdue;
  const auto by_due = [](const StatutoryClock& clock, Instant instant) { return clock.due.due_instant < instant; };
  // Overdue at t means t > due: not yet at last_sweep (due >= last_sweep), overdue by now (due < now).
  auto it = std::lower_bound(open_duties.begin(), open_duties.end(), last_sweep, by_due);
  const auto end = std::lower_bound(it, open_duties.end(), now, by_due);
  for (; it != end; ++it) {
    if (!it->stopped_at && it->kind == ClockKind::kDuty) overdue.push_back(&*it);
  }
  return overdue;
}

}  // namespace wagelink::domain
