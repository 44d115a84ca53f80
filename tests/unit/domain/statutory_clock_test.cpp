#include "domain/statutory_clock.h"

#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "reference_data.h"

namespace wagelink::domain {
namespace {

using test::At;
using test::Date;
using test::OfficialCalendar;
using test::OfficialTimeLimits;

using test::Rule;

StatutoryClock Started(std::string_view id, std::string_view trigger, ClockStartOptions options = {}) {
  auto clock = StartClock(Rule(id), At(trigger), OfficialCalendar(), options);
  if (!clock) throw std::runtime_error(clock.error().message_en);
  return std::move(clock).value();
}

ClockStatus StatusAt(const StatutoryClock& clock, std::string_view now) {
  return Evaluate(clock, At(now)).status;
}

TEST(StatutoryClock, StartWrapsTheDeadlineWithTheBodiesThatAnswerForIt) {
  ClockStartOptions options;
  options.responsible_body = Body::kPolice;
  options.supervisor_body = Body::kProcuratorate;
  const StatutoryClock clock = Started("L11", "2025-12-12T17:30:00+08:00", options);
  EXPECT_EQ(clock.rule_id, "L11");
  EXPECT_EQ(clock.started_at, At("2025-12-12T17:30:00+08:00"));
  EXPECT_EQ(clock.due.due_date, Date("2025-12-15"));
  EXPECT_EQ(clock.due.due_instant, At("2025-12-16T00:00:00+08:00"));  // 24:00 of the last day
  EXPECT_EQ(clock.responsible_body, Body::kPolice);
  EXPECT_EQ(clock.supervisor_body, Body::kProcuratorate);
  EXPECT_NE(clock.due.explain_zh.find("国务院令第310号§8"), std::string::npos);
}

TEST(StatutoryClock, IsInTimeUpToItsDueInstantAndOverdueOneSecondLater) {
  const StatutoryClock clock = Started("L07", "2025-12-12T10:00:00+08:00");  // 24 hours
  EXPECT_EQ(StatusAt(clock, "2025-12-13T10:00:00+08:00"), ClockStatus::kRunning);
  EXPECT_EQ(StatusAt(clock, "2025-12-13T10:00:01+08:00"), ClockStatus::kOverdue);
  EXPECT_EQ(Evaluate(clock, At("2025-12-13T09:00:00+08:00")).remaining_seconds, 3600);
  EXPECT_EQ(Evaluate(clock, At("2025-12-13T11:00:00+08:00")).remaining_seconds, -3600);

  EXPECT_EQ(StatusAt(StopClock(clock, At("2025-12-13T10:00:00+08:00"), ClockOutcome::kMet), "2026-01-01T00:00:00Z"),
            ClockStatus::kMet);
  const StatutoryClock late = StopClock(clock, At("2025-12-13T12:00:00+08:00"), ClockOutcome::kMet);
  EXPECT_EQ(StatusAt(late, "2026-01-01T00:00:00Z"), ClockStatus::kMetLate);
  EXPECT_EQ(Evaluate(late, At("2026-01-01T00:00:00Z")).remaining_seconds, -7200);  // measured at the stop
}

TEST(StatutoryClock, ReportsNotMetWithdrawnAndTheFirstStopWins) {
  const StatutoryClock clock = Started("L12", "2026-03-13T16:00:00+08:00");
  const StatutoryClock withdrawn = StopClock(clock, At("2026-03-14T09:00:00+08:00"), ClockOutcome::kWithdrawn);
  EXPECT_EQ(StatusAt(withdrawn, "2026-04-01T00:00:00+08:00"), ClockStatus::kWithdrawn);
  const StatutoryClock again = StopClock(withdrawn, At("2026-03-15T09:00:00+08:00"), ClockOutcome::kMet);
  EXPECT_EQ(again.stopped_at, At("2026-03-14T09:00:00+08:00"));
  EXPECT_EQ(again.outcome, ClockOutcome::kWithdrawn);
  EXPECT_EQ(StatusAt(StopClock(clock, At("2026-03-20T09:00:00+08:00"), ClockOutcome::kNotMet), "2026-04-01T00:00:00Z"),
            ClockStatus::kNotMet);
}

TEST(StatutoryClock, AWindowThatLapsesExpiresInsteadOfGoingOverdue) {
  ClockStartOptions options;
  options.kind = ClockKind::kWindow;
  const StatutoryClock window = Started("L09", "2025-12-12T17:30:00+08:00", options);
  EXPECT_EQ(StatusAt(window, "2025-12-13T17:00:00+08:00"), ClockStatus::kRunning);
  EXPECT_EQ(StatusAt(window, "2025-12-14T09:00:00+08:00"), ClockStatus::kExpired);
}

TEST(StatutoryClock, IsUncertainWhenItsPeriodReachesAnUnpublishedYear) {
  // 60 working days from 2026-11-20 run into 2027, whose holidays are not published (LEGAL.md §6).
  const StatutoryClock clock = Started("L02", "2026-11-20T10:00:00+08:00");
  EXPECT_TRUE(clock.due.uncertain);
  const ClockEvaluation evaluation = Evaluate(clock, At("2026-12-01T00:00:00+08:00"));
  EXPECT_EQ(evaluation.status, ClockStatus::kUncertain);
  EXPECT_TRUE(evaluation.due_uncertain);
  EXPECT_GT(evaluation.remaining_seconds, 0);  // best effort still shown
  EXPECT_EQ(StatusAt(StopClock(clock, At("2026-12-10T00:00:00+08:00"), ClockOutcome::kMet), "2027-06-01T00:00:00Z"),
            ClockStatus::kMet);
}

TEST(StatutoryClock, ADateStatedInTheOrderIsTheLastDayAsWrittenWithoutRollOver) {
  ClockStartOptions options;
  options.supplied_due_date = Date("2025-12-13");  // a Saturday
  const StatutoryClock clock = Started("L03", "2025-12-05T17:00:00+08:00", options);
  EXPECT_EQ(clock.due.due_date, Date("2025-12-13"));
  EXPECT_FALSE(clock.due.rolled_over);

  // An operator counting L03 in working days with roll-over does not move a date the order states.
  auto catalog = OfficialTimeLimits().WithOverrides(R"({"L03": {"unit": "working_days", "roll_over": true}})");
  ASSERT_TRUE(catalog.ok());
  auto overridden = StartClock(*catalog->Find("L03"), At("2025-12-05T17:00:00+08:00"), OfficialCalendar(), options);
  ASSERT_TRUE(overridden.ok());
  EXPECT_EQ(overridden->due.due_date, Date("2025-12-13"));

  options.supplied_due_date = Date("2025-12-05");  // the day of service itself is not counted
  auto same_day = StartClock(Rule("L03"), At("2025-12-05T17:00:00+08:00"), OfficialCalendar(), options);
  ASSERT_FALSE(same_day.ok());
  EXPECT_EQ(same_day.error().field, "deadline");
}

TEST(StatutoryClock, ExtensionsCountFromTheOriginalTriggerAndRunOut) {
  const StatutoryClock investigation = Started("L02", "2025-12-01T16:00:00+08:00");
  EXPECT_EQ(investigation.due.due_date, Date("2026-03-02"));
  auto extended = ExtendClock(investigation, Rule("L02"), OfficialCalendar());
  ASSERT_TRUE(extended.ok());
  EXPECT_EQ(extended->due.due_date, Date("2026-04-14"));  // 90 working days, across the Spring Festival
  EXPECT_EQ(extended->extensions_applied, 1);
  EXPECT_FALSE(ExtendClock(*extended, Rule("L02"), OfficialCalendar()).ok());

  // L11b: 3 → 10 → 30 → 60 days (经济犯罪若干规定 §16); 2026-05-09 is a make-up working Saturday.
  StatutoryClock review = Started("L11b", "2026-03-10T11:00:00+08:00");
  std::vector<CivilDate> dues{review.due.due_date};
  for (int i = 0; i < 3; ++i) {
    auto next = ExtendClock(review, Rule("L11b"), OfficialCalendar());
    ASSERT_TRUE(next.ok());
    review = std::move(next).value();
    dues.push_back(review.due.due_date);
  }
  EXPECT_EQ(dues,
            (std::vector<CivilDate>{Date("2026-03-13"), Date("2026-03-20"), Date("2026-04-09"), Date("2026-05-09")}));
  EXPECT_FALSE(ExtendClock(review, Rule("L11b"), OfficialCalendar()).ok());
  EXPECT_FALSE(ExtendClock(review, Rule("L11"), OfficialCalendar()).ok());  // not this clock's rule
}

TEST(StatutoryClock, StartClocksSkipsAnUnsetTargetAndRecordsAnsweredClocksAsMet) {
  ClockStart immediately;
  immediately.rule_id = "L05";
  immediately.trigger = At("2025-12-11T10:00:00+08:00");
  immediately.only_if_limit_configured = true;
  ClockStart passed_on;
  passed_on.rule_id = "L08";
  passed_on.trigger = At("2025-12-12T17:30:00+08:00");
  passed_on.answered_at = At("2025-12-13T18:00:00+08:00");
  const std::vector<ClockStart> starts{immediately, passed_on};

  auto clocks = StartClocks(starts, OfficialTimeLimits(), OfficialCalendar());
  ASSERT_TRUE(clocks.ok());
  ASSERT_EQ(clocks->size(), 1u);  // "立即" has no number: no L05 clock
  EXPECT_EQ(StatusAt((*clocks)[0], "2025-12-20T00:00:00+08:00"), ClockStatus::kMetLate);  // 24 h 30 min

  auto catalog = OfficialTimeLimits().WithOverrides(R"({"L05": {"limit": 24, "unit": "hours"}})");
  ASSERT_TRUE(catalog.ok());
  auto with_target = StartClocks(starts, *catalog, OfficialCalendar());
  ASSERT_TRUE(with_target.ok());
  ASSERT_EQ(with_target->size(), 2u);
  EXPECT_EQ((*with_target)[0].due.due_instant, At("2025-12-12T10:00:00+08:00"));

  ClockStart unknown;
  unknown.rule_id = "L99";
  auto failed = StartClocks(std::vector<ClockStart>{unknown}, OfficialTimeLimits(), OfficialCalendar());
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.error().code, ErrorCode::kInternal);
}

// The 2026 Spring Festival (02-15 to 02-23, make-up days 02-14 and 02-28) across two kinds of period.
TEST(StatutoryClock, DetectsOverdueAcrossThe2026SpringFestival) {
  // 3 calendar days from Friday 02-13 end on 02-16, inside the holiday: rolled to Tuesday 02-24.
  const StatutoryClock supplement = Started("L10", "2026-02-13T15:00:00+08:00");
  EXPECT_EQ(supplement.due.due_date, Date("2026-02-24"));
  EXPECT_TRUE(supplement.due.rolled_over);
  EXPECT_EQ(StatusAt(supplement, "2026-02-20T10:00:00+08:00"), ClockStatus::kRunning);
  EXPECT_EQ(StatusAt(supplement, "2026-02-24T23:59:59+08:00"), ClockStatus::kRunning);
  EXPECT_EQ(StatusAt(supplement, "2026-02-25T00:00:01+08:00"), ClockStatus::kOverdue);

  // 5 working days from Thursday 02-12: 02-13, Saturday 02-14 (make-up), then 02-24, 02-25, 02-26.
  const StatutoryClock acceptance = Started("L01", "2026-02-12T09:00:00+08:00");
  EXPECT_EQ(acceptance.due.due_date, Date("2026-02-26"));
  EXPECT_EQ(StatusAt(acceptance, "2026-02-26T18:00:00+08:00"), ClockStatus::kRunning);
  EXPECT_EQ(StatusAt(acceptance, "2026-02-27T08:00:00+08:00"), ClockStatus::kOverdue);

  const std::vector<StatutoryClock> by_due{supplement, acceptance};
  const auto first = NewlyOverdue(by_due, At("2026-02-24T12:00:00+08:00"), At("2026-02-25T08:00:00+08:00"));
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0]->rule_id, "L10");
  EXPECT_TRUE(NewlyOverdue(by_due, At("2026-02-25T08:00:00+08:00"), At("2026-02-26T08:00:00+08:00")).empty());
  const auto second = NewlyOverdue(by_due, At("2026-02-26T08:00:00+08:00"), At("2026-02-27T08:00:00+08:00"));
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0]->rule_id, "L01");
}

TEST(StatutoryClock, SweepReportsEachClockOnceAndSkipsStoppedClocksAndWindows) {
  std::vector<StatutoryClock> clocks;
  for (int hour = 0; hour < 6; ++hour) {
    clocks.push_back(Started("L07", "2025-12-12T0" + std::to_string(hour) + ":00:00+08:00"));
  }
  clocks[1] = StopClock(clocks[1], At("2025-12-12T12:00:00+08:00"), ClockOutcome::kMet);
  clocks[2].kind = ClockKind::kWindow;
  // Dues run 2025-12-13T00:00 … 05:00 (+08:00). Sweeps at 02:00:00 and then 06:00:00.
  const auto first = NewlyOverdue(clocks, At("2025-12-12T23:00:00+08:00"), At("2025-12-13T02:00:00+08:00"));
  ASSERT_EQ(first.size(), 1u);  // 00:00 (01:00 stopped; 02:00 due exactly now is still in time)
  EXPECT_EQ(first[0], &clocks[0]);
  const auto second = NewlyOverdue(clocks, At("2025-12-13T02:00:00+08:00"), At("2025-12-13T06:00:00+08:00"));
  ASSERT_EQ(second.size(), 3u);  // 03:00, 04:00, 05:00; the 02:00 window never alerts
  EXPECT_EQ(second[0], &clocks[3]);
  EXPECT_TRUE(NewlyOverdue(clocks, At("2025-12-13T06:00:00+08:00"), At("2025-12-13T06:00:00+08:00")).empty());
  EXPECT_TRUE(NewlyOverdue({}, At("2025-12-13T00:00:00+08:00"), At("2025-12-14T00:00:00+08:00")).empty());
}

TEST(StatutoryClock, CodesAreStable) {
  EXPECT_EQ(ClockStatusCode(ClockStatus::kMetLate), "met_late");
  EXPECT_EQ(ClockStatusCode(ClockStatus::kExpired), "expired");
  EXPECT_EQ(ClockKindCode(ClockKind::kWindow), "window");
  EXPECT_EQ(ParseClockOutcome("not_met"), ClockOutcome::kNotMet);
  EXPECT_EQ(ParseClockOutcome("late"), std::nullopt);
}

}  // namespace
}  // namespace wagelink::domain
