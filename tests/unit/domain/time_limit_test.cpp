#include "domain/time_limit.h"

#include <gtest/gtest.h>

#include <optional>
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

Deadline Due(std::string_view id, std::string_view trigger, DeadlineOptions options = {}) {
  auto deadline = ComputeDeadline(Rule(id), At(trigger), OfficialCalendar(), options);
  if (!deadline) throw std::runtime_error(deadline.error().message_en);
  return std::move(deadline).value();
}

// LEGAL.md §7, row by row.
struct ExpectedRule {
  std::string_view id;
  std::optional<std::int64_t> limit;
  TimeUnit unit;
  Body actor;
  SourceStatus status;
  std::size_t extensions;
};

const std::vector<ExpectedRule> kLegalTable{
    {"L01", 5, TimeUnit::kWorkingDays, Body::kHrss, SourceStatus::kSecondary, 0},
    {"L02", 60, TimeUnit::kWorkingDays, Body::kHrss, SourceStatus::kConfirmed, 1},
    {"L03", std::nullopt, TimeUnit::kCalendarDays, Body::kEmployer, SourceStatus::kLocal, 0},
    {"L04", 20, TimeUnit::kWorkingDays, Body::kHrss, SourceStatus::kUnconfirmed, 1},
    {"L05", std::nullopt, TimeUnit::kHours, Body::kHrss, SourceStatus::kConfirmed, 0},
    {"L06", 3, TimeUnit::kCalendarDays, Body::kHrss, SourceStatus::kConfirmed, 0},
    {"L07", 24, TimeUnit::kHours, Body::kHrss, SourceStatus::kConfirmed, 0},
    {"L08", 24, TimeUnit::kHours, Body::kPolice, SourceStatus::kConfirmed, 0},
    {"L09", 24, TimeUnit::kHours, Body::kPolice, SourceStatus::kConfirmed, 0},
    {"L10", 3, TimeUnit::kCalendarDays, Body::kHrss, SourceStatus::kConfirmed, 0},
    {"L11", 3, TimeUnit::kCalendarDays, Body::kPolice, SourceStatus::kConfirmed, 0},
    {"L11b", 3, TimeUnit::kCalendarDays, Body::kPolice, SourceStatus::kSecondary, 3},
    {"L12", 3, TimeUnit::kCalendarDays, Body::kHrss, SourceStatus::kConfirmed, 0},
    {"L13", 3, TimeUnit::kCalendarDays, Body::kPolice, SourceStatus::kConfirmed, 0},
    {"L14", 3, TimeUnit::kCalendarDays, Body::kHrss, SourceStatus::kConfirmed, 0},
    {"L15", 3, TimeUnit::kCalendarDays, Body::kHrss, SourceStatus::kConfirmed, 0},
    {"L16", 7, TimeUnit::kCalendarDays, Body::kPolice, SourceStatus::kConfirmed, 0},
    {"L17", 10, TimeUnit::kCalendarDays, Body::kProcuratorate, SourceStatus::kConfirmed, 0},
    {"L18", 15, TimeUnit::kCalendarDays, Body::kPolice, SourceStatus::kConfirmed, 0},
    {"L19", 7, TimeUnit::kCalendarDays, Body::kPolice, SourceStatus::kConfirmed, 0},
    {"L20", 3, TimeUnit::kMonths, Body::kPolice, SourceStatus::kConfirmed, 0},
    {"L21", 1, TimeUnit::kMonths, Body::kProcuratorate, SourceStatus::kConfirmed, 1},
    {"L22", 2, TimeUnit::kMonths, Body::kCourt, SourceStatus::kConfirmed, 1},
    {"L23", 7, TimeUnit::kCalendarDays, Body::kJustice, SourceStatus::kConfirmed, 0},
    {"L24", 3, TimeUnit::kCalendarDays, Body::kJustice, SourceStatus::kConfirmed, 0},
    {"L25", 10, TimeUnit::kWorkingDays, Body::kHrss, SourceStatus::kConfirmed, 0},
    {"L26", 3, TimeUnit::kMonths, Body::kHrss, SourceStatus::kConfirmed, 0},
    {"L27", 7, TimeUnit::kWorkingDays, Body::kHrss, SourceStatus::kConfirmed, 0},
    {"L28", 30, TimeUnit::kCalendarDays, Body::kEmployer, SourceStatus::kConfirmed, 0},
    {"L29", 1, TimeUnit::kMonths, Body::kEmployer, SourceStatus::kConfirmed, 0},
    {"L30", 3, TimeUnit::kYears, Body::kHrss, SourceStatus::kConfirmed, 0},
    {"L31", 3, TimeUnit::kMonths, Body::kHrss, SourceStatus::kConfirmed, 0},
    {"L32", 2, TimeUnit::kMonths, Body::kHrss, SourceStatus::kUnconfirmed, 0},
    // LEGAL.md §2.2 and §2.7 periods wired to the steps they govern.
    {"L33", 2, TimeUnit::kYears, Body::kHrss, SourceStatus::kConfirmed, 0},
    {"L34", 5, TimeUnit::kWorkingDays, Body::kEmployer, SourceStatus::kUnconfirmed, 0},
    {"L35", 60, TimeUnit::kCalendarDays, Body::kEmployer, SourceStatus::kConfirmed, 0},
    {"L36", 6, TimeUnit::kMonths, Body::kEmployer, SourceStatus::kConfirmed, 0},
    {"L37", 1, TimeUnit::kYears, Body::kJustice, SourceStatus::kConfirmed, 0},
    {"L38", 2, TimeUnit::kMonths, Body::kHrss, SourceStatus::kUnconfirmed, 0},
};

TEST(TimeLimitCatalog, MatchesTheMasterTableOfLegalMd7) {
  for (const ExpectedRule& expected : kLegalTable) {
    SCOPED_TRACE(std::string(expected.id));
    const TimeLimitRule& rule = Rule(expected.id);
    EXPECT_EQ(rule.limit, expected.limit);
    EXPECT_EQ(rule.unit, expected.unit);
    EXPECT_EQ(rule.actor, expected.actor);
    EXPECT_EQ(rule.status, expected.status);
    EXPECT_EQ(rule.extensions.size(), expected.extensions);
    EXPECT_FALSE(rule.citation.empty());
    EXPECT_FALSE(rule.action_zh.empty());
    EXPECT_FALSE(rule.action_en.empty());
    EXPECT_FALSE(rule.trigger_event.empty());
  }
  EXPECT_EQ(OfficialTimeLimits().rules().size(), kLegalTable.size() + 1);  // + the platform setting
}

TEST(TimeLimitCatalog, EncodesExtensionsAsInTheLaw) {
  EXPECT_EQ(Rule("L02").extensions[0].limit, 30);
  EXPECT_EQ(Rule("L02").extensions[0].unit, TimeUnit::kWorkingDays);
  EXPECT_EQ(Rule("L04").extensions[0].limit, 20);
  // 3 → 10 → 30 (+30): cumulative steps of 7, 20 and 30 days.
  std::int64_t total = *Rule("L11b").limit;
  std::vector<std::int64_t> totals;
  for (const RuleExtension& extension : Rule("L11b").extensions) totals.push_back(total += extension.limit);
  EXPECT_EQ(totals, (std::vector<std::int64_t>{10, 30, 60}));
  EXPECT_EQ(Rule("L21").extensions[0].limit, 15);
  EXPECT_EQ(Rule("L21").extensions[0].unit, TimeUnit::kCalendarDays);
  EXPECT_EQ(Rule("L22").extensions[0].limit, 1);
  EXPECT_EQ(Rule("L22").extensions[0].unit, TimeUnit::kMonths);
}

TEST(TimeLimitCatalog, UnconfirmedAndLocalRulesAreConfigurableAndStatutoryOnesAreNot) {
  for (const TimeLimitRule& rule : OfficialTimeLimits().rules()) {
    if (rule.status == SourceStatus::kUnconfirmed || rule.status == SourceStatus::kLocal ||
        rule.status == SourceStatus::kPlatformSetting) {
      EXPECT_TRUE(rule.configurable) << rule.id;
    }
  }
  for (const std::string_view id :
       {"L01", "L02", "L07", "L08", "L09", "L21", "L22", "L25", "L27", "L29", "L30", "L31"}) {
    EXPECT_FALSE(Rule(id).configurable) << id;
  }
  // 310号令 counting is an interpretation: unit and roll-over may change, the 3 days may not.
  EXPECT_TRUE(Rule("L06").configurable);
  EXPECT_FALSE(Rule("L06").limit_configurable);
  EXPECT_TRUE(Rule("L06").unit_configurable);
  EXPECT_TRUE(Rule("L06").roll_over_configurable);
}

TEST(TimeLimitCatalog, HasTheShouldHaveBeenTransferredWindowAsAPlatformSetting) {
  const TimeLimitRule& setting = Rule(TimeLimitCatalog::kShouldHaveBeenTransferred);
  EXPECT_EQ(setting.status, SourceStatus::kPlatformSetting);
  EXPECT_TRUE(setting.configurable);
  EXPECT_TRUE(setting.limit.has_value());
  EXPECT_NE(setting.citation.find("非法律规定"), std::string::npos);
}

// ---- deadlines ----

TEST(ComputeDeadline, WorkingDaysL01ComplaintOnS1Date) {
  const Deadline deadline = Due("L01", "2025-12-01T10:00:00+08:00");
  EXPECT_EQ(deadline.start_date.ToIso(), "2025-12-01");
  EXPECT_EQ(deadline.due_date.ToIso(), "2025-12-08");
  EXPECT_EQ(deadline.due_instant.ToIsoShanghai(), "2025-12-09T00:00:00+08:00");  // 24:00 of 12-08
  EXPECT_FALSE(deadline.uncertain);
  EXPECT_FALSE(deadline.rolled_over);
  EXPECT_NE(deadline.explain_zh.find("劳社部令第25号"), std::string::npos);
  EXPECT_NE(deadline.explain_zh.find("SECONDARY"), std::string::npos);
  EXPECT_NE(deadline.explain_en.find("2025-12-08"), std::string::npos);
}

TEST(ComputeDeadline, TriggerLateAtNightCountsFromTheShanghaiDate) {
  // 2025-11-30T16:30Z is 2025-12-01 00:30 in Shanghai.
  EXPECT_EQ(Due("L01", "2025-11-30T16:30:00Z").due_date.ToIso(), "2025-12-08");
}

TEST(ComputeDeadline, WorkingDaysWithExtensionL02) {
  EXPECT_EQ(Due("L02", "2025-12-01T09:00:00+08:00").due_date.ToIso(), "2026-03-02");
  EXPECT_EQ(Due("L02", "2025-12-01T09:00:00+08:00", {.extensions_applied = 1}).due_date.ToIso(), "2026-04-14");
}

TEST(ComputeDeadline, CalendarDaysRollOverAWeekendS1HeadDecision) {
  // Report 2025-12-11 (Thu) + 3 = 12-14 (Sun) → Monday 12-15.
  const Deadline deadline = Due("L06", "2025-12-11T17:00:00+08:00");
  EXPECT_EQ(deadline.due_date.ToIso(), "2025-12-15");
  EXPECT_TRUE(deadline.rolled_over);
  EXPECT_NE(deadline.explain_zh.find("周末"), std::string::npos);
  EXPECT_NE(deadline.explain_zh.find("2025-12-14"), std::string::npos);
}

TEST(ComputeDeadline, CalendarDaysWithoutRollOverWhenTheLastDayWorks) {
  const Deadline deadline = Due("L11", "2025-12-12T16:00:00+08:00");  // S1: transfer accepted
  EXPECT_EQ(deadline.due_date.ToIso(), "2025-12-15");
  EXPECT_FALSE(deadline.rolled_over);
}

TEST(ComputeDeadline, CalendarDaysRollOverTheWholeNationalDayHoliday) {
  const Deadline deadline = Due("L11", "2025-09-28T10:00:00+08:00");  // +3 = 10-01
  EXPECT_EQ(deadline.due_date.ToIso(), "2025-10-09");
  EXPECT_TRUE(deadline.rolled_over);
  EXPECT_NE(deadline.explain_zh.find("国庆节、中秋节"), std::string::npos);
  EXPECT_NE(deadline.explain_en.find("National Day"), std::string::npos);
}

TEST(ComputeDeadline, RollOverLandsOnAMakeUpSaturday) {
  // 2026-02-11 + 3 = 02-14, a make-up Saturday: a working day, so no roll-over.
  const Deadline on_make_up = Due("L13", "2026-02-11T10:00:00+08:00");
  EXPECT_EQ(on_make_up.due_date.ToIso(), "2026-02-14");
  EXPECT_FALSE(on_make_up.rolled_over);
  // 2026-02-12 + 3 = 02-15 (春节) → 02-24.
  EXPECT_EQ(Due("L13", "2026-02-12T10:00:00+08:00").due_date.ToIso(), "2026-02-24");
}

TEST(ComputeDeadline, S2ReviewAndSupervisionClocks) {
  EXPECT_EQ(Due("L12", "2026-03-13T10:00:00+08:00").due_date.ToIso(), "2026-03-16");  // Mon
  EXPECT_EQ(Due("L13", "2026-03-16T10:00:00+08:00").due_date.ToIso(), "2026-03-19");
  EXPECT_EQ(Due("L16", "2026-03-20T10:00:00+08:00").due_date.ToIso(), "2026-03-27");
  EXPECT_EQ(Due("L18", "2026-03-24T10:00:00+08:00").due_date.ToIso(), "2026-04-08");
}

TEST(ComputeDeadline, EconomicCrimeAlternativeL11bSteps) {
  const std::string_view trigger = "2025-12-12T10:00:00+08:00";
  EXPECT_EQ(Due("L11b", trigger).due_date.ToIso(), "2025-12-15");
  EXPECT_EQ(Due("L11b", trigger, {.extensions_applied = 1}).due_date.ToIso(), "2025-12-22");
  EXPECT_EQ(Due("L11b", trigger, {.extensions_applied = 2}).due_date.ToIso(), "2026-01-12");  // 01-11 is Sunday
  EXPECT_EQ(Due("L11b", trigger, {.extensions_applied = 3}).due_date.ToIso(), "2026-02-10");
}

TEST(ComputeDeadline, HoursAreExactAndCrossMidnightAndYearEnd) {
  const Deadline transfer = Due("L07", "2025-12-12T15:00:00+08:00");
  EXPECT_EQ(transfer.due_instant.ToIsoShanghai(), "2025-12-13T15:00:00+08:00");
  EXPECT_EQ(transfer.due_date.ToIso(), "2025-12-13");
  const Deadline night = Due("L08", "2025-12-31T23:30:00+08:00");
  EXPECT_EQ(night.due_instant.ToIsoShanghai(), "2026-01-01T23:30:00+08:00");
  EXPECT_EQ(night.due_date.ToIso(), "2026-01-01");
  EXPECT_FALSE(night.rolled_over);  // hours never roll over, even onto 元旦
  EXPECT_NE(night.explain_zh.find("24小时"), std::string::npos);
}

TEST(ComputeDeadline, MonthsClampToMonthEndThenRollOver) {
  // L20: 2025-11-30 + 3 months has no 02-30, so 2026-02-28: a Saturday, but a make-up working day.
  const Deadline make_up = Due("L20", "2025-11-30T10:00:00+08:00");
  EXPECT_EQ(make_up.due_date.ToIso(), "2026-02-28");
  EXPECT_FALSE(make_up.rolled_over);
  // L26: 2025-10-31 + 3 months = 2026-01-31 (Sat) → Monday 02-02.
  const Deadline weekend = Due("L26", "2025-10-31T10:00:00+08:00");
  EXPECT_EQ(weekend.due_date.ToIso(), "2026-02-02");
  EXPECT_TRUE(weekend.rolled_over);
  // 2024-11-30 + 3 months clamps to 2025-02-28 (Fri).
  EXPECT_EQ(Due("L20", "2024-11-30T10:00:00+08:00").due_date.ToIso(), "2025-02-28");
  // L20: 2024-10-31 + 3 months = 2025-01-31 (春节) → 2025-02-05.
  EXPECT_EQ(Due("L20", "2024-10-31T10:00:00+08:00").due_date.ToIso(), "2025-02-05");
  // L20: 2025-12-15 + 3 months = 2026-03-15 (Sun) → 03-16.
  EXPECT_EQ(Due("L20", "2025-12-15T10:00:00+08:00").due_date.ToIso(), "2026-03-16");
}

TEST(ComputeDeadline, MonthExtensionsCountFromTheStartNotFromAClampedEnd) {
  // L22: 2 months from 2025-07-31 = 09-30; "至迟不得超过三个月" = 10-31, not 09-30 + 1 month = 10-30.
  EXPECT_EQ(Due("L22", "2025-07-31T10:00:00+08:00").due_date.ToIso(), "2025-09-30");
  EXPECT_EQ(Due("L22", "2025-07-31T10:00:00+08:00", {.extensions_applied = 1}).due_date.ToIso(), "2025-10-31");
}

TEST(ComputeDeadline, MonthThenDaysExtensionL21) {
  // 2025-01-31 + 1 month = 02-28 (Fri). +15 days = 03-15 (Sat) → 03-17.
  EXPECT_EQ(Due("L21", "2025-01-31T10:00:00+08:00").due_date.ToIso(), "2025-02-28");
  const Deadline extended = Due("L21", "2025-01-31T10:00:00+08:00", {.extensions_applied = 1});
  EXPECT_EQ(extended.due_date.ToIso(), "2025-03-17");
  EXPECT_TRUE(extended.rolled_over);
}

TEST(ComputeDeadline, YearsClampLeapDayAndDoNotRollOverTheBlacklistTerm) {
  const Deadline listing = Due("L30", "2024-02-29T10:00:00+08:00");
  EXPECT_EQ(listing.due_date.ToIso(), "2027-02-28");
  EXPECT_FALSE(listing.uncertain);  // no roll-over, so the unloaded 2027 calendar does not matter
}

TEST(ComputeDeadline, FlagsDeadlinesThatReachAnUnloadedYear) {
  const Deadline working = Due("L01", "2026-12-28T10:00:00+08:00");
  EXPECT_TRUE(working.uncertain);
  EXPECT_NE(working.explain_zh.find("2027"), std::string::npos);
  EXPECT_NE(working.explain_en.find("uncertain"), std::string::npos);
  // Calendar-day rule rolling over into 2027.
  EXPECT_TRUE(Due("L26", "2026-11-15T10:00:00+08:00").uncertain);
  // Calendar-day rule ending inside 2026 on a working day is certain.
  EXPECT_FALSE(Due("L11", "2026-12-21T10:00:00+08:00").uncertain);
}

TEST(ComputeDeadline, PerCaseLimitForTheOrderDeadlineL03) {
  const auto missing = ComputeDeadline(Rule("L03"), At("2025-12-01T10:00:00+08:00"), OfficialCalendar());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().field, "limit");
  // S1: posted 2025-12-01 with a deadline of 2025-12-10.
  EXPECT_EQ(Due("L03", "2025-12-01T10:00:00+08:00", {.supplied_limit = 9}).due_date.ToIso(), "2025-12-10");
  // A supplied limit for a rule fixed by law is refused.
  EXPECT_FALSE(
      ComputeDeadline(Rule("L06"), At("2025-12-01T10:00:00+08:00"), OfficialCalendar(), {.supplied_limit = 9}).ok());
  EXPECT_FALSE(
      ComputeDeadline(Rule("L03"), At("2025-12-01T10:00:00+08:00"), OfficialCalendar(), {.supplied_limit = -1}).ok());
}

TEST(ComputeDeadline, RefusesExtensionsTheRuleDoesNotHave) {
  EXPECT_FALSE(
      ComputeDeadline(Rule("L06"), At("2025-12-01T10:00:00+08:00"), OfficialCalendar(), {.extensions_applied = 1})
          .ok());
  EXPECT_FALSE(
      ComputeDeadline(Rule("L02"), At("2025-12-01T10:00:00+08:00"), OfficialCalendar(), {.extensions_applied = 2})
          .ok());
  EXPECT_FALSE(
      ComputeDeadline(Rule("L02"), At("2025-12-01T10:00:00+08:00"), OfficialCalendar(), {.extensions_applied = -1})
          .ok());
}

TEST(ComputeDeadline, ShouldHaveBeenTransferredWindow) {
  const Deadline window = Due(TimeLimitCatalog::kShouldHaveBeenTransferred, "2025-12-11T00:00:00+08:00");
  EXPECT_EQ(window.due_date, Date("2025-12-11").AddDays(*Rule(TimeLimitCatalog::kShouldHaveBeenTransferred).limit));
  EXPECT_NE(window.explain_zh.find("PLATFORM_SETTING"), std::string::npos);
}

// ---- roll-over labelling (LEGAL.md §2.1, §8 item 11) ----

TEST(RollOverLabel, A310DayPeriodRolledOverIsAnInterpretation) {
  const Deadline rolled = Due("L11", "2025-09-28T10:00:00+08:00");  // last day 10-01 (国庆) → 10-09
  ASSERT_TRUE(rolled.rolled_over);
  ASSERT_TRUE(rolled.roll_over_status.has_value());
  EXPECT_EQ(*rolled.roll_over_status, SourceStatus::kUnconfirmed);
  EXPECT_NE(rolled.explain_zh.find("〔UNCONFIRMED〕，属解释而非法律明文"), std::string::npos) << rolled.explain_zh;
  EXPECT_NE(rolled.explain_en.find("an interpretation"), std::string::npos);
  EXPECT_FALSE(Due("L11", "2025-09-22T10:00:00+08:00").roll_over_status.has_value()) << "not rolled over: no label";
}

TEST(RollOverLabel, ACriminalProcedurePeriodRollsOverUnderTheLawItself) {
  const Deadline l21 = Due("L21", "2025-08-31T10:00:00+08:00");  // 1 month → 2025-09-30, a Tuesday
  EXPECT_FALSE(l21.rolled_over);
  EXPECT_FALSE(l21.roll_over_status.has_value());
  const Deadline l22 = Due("L22", "2025-08-01T10:00:00+08:00");  // 2 months → 2025-10-01 国庆 → 10-09
  ASSERT_TRUE(l22.rolled_over);
  EXPECT_EQ(l22.roll_over_status, SourceStatus::kConfirmed);
  EXPECT_EQ(l22.explain_zh.find("属解释"), std::string::npos);
}

TEST(RollOverLabel, AnOperatorTurningRollOverOnIsLabelledUnconfirmed) {
  const auto catalog = OfficialTimeLimits().WithOverrides(R"({"L28": {"roll_over": true}})");
  ASSERT_TRUE(catalog.ok()) << catalog.error().message_en;
  const auto deadline = ComputeDeadline(*catalog->Find("L28"), At("2025-09-01T10:00:00+08:00"), OfficialCalendar());
  ASSERT_TRUE(deadline.ok());
  ASSERT_TRUE(deadline->rolled_over);  // 30 days → 10-01 → 10-09
  EXPECT_EQ(deadline->roll_over_status, SourceStatus::kUnconfirmed);
  EXPECT_NE(deadline->explain_zh.find("运营方设置"), std::string::npos);
}

TEST(RollOverLabel, EveryRuleThatRollsOverStatesItsBasis) {
  for (const TimeLimitRule& rule : OfficialTimeLimits().rules()) {
    if (!rule.roll_over) continue;
    EXPECT_FALSE(rule.roll_over_citation.empty()) << rule.id;
    // Only 刑诉法's own periods roll over as the letter of the law.
    const bool criminal_procedure = rule.id == "L21" || rule.id == "L22";
    EXPECT_EQ(rule.roll_over_status == SourceStatus::kConfirmed, criminal_procedure) << rule.id;
  }
}

// ---- operator overrides ----

TEST(TimeLimitOverrides, SetTheOrderPeriodAndAnInterpretation) {
  const auto catalog = OfficialTimeLimits().WithOverrides(R"({"L03": {"limit": 3}, "L11": {"roll_over": false},
                                                             "should_have_been_transferred": {"limit": 15}})");
  ASSERT_TRUE(catalog.ok()) << catalog.error().message_en;
  EXPECT_EQ(catalog->Find("L03")->limit, 3);
  EXPECT_FALSE(catalog->Find("L11")->roll_over);
  EXPECT_EQ(catalog->Find("should_have_been_transferred")->limit, 15);
  const auto deadline = ComputeDeadline(*catalog->Find("L11"), At("2025-09-28T10:00:00+08:00"), OfficialCalendar());
  ASSERT_TRUE(deadline.ok());
  EXPECT_EQ(deadline->due_date.ToIso(), "2025-10-01");
  // The base catalog is unchanged.
  EXPECT_TRUE(Rule("L11").roll_over);
  EXPECT_FALSE(Rule("L03").limit.has_value());
}

TEST(TimeLimitOverrides, SwitchACountingInterpretationToWorkingDays) {
  const auto catalog = OfficialTimeLimits().WithOverrides(R"({"L06": {"unit": "working_days"}})");
  ASSERT_TRUE(catalog.ok());
  const auto deadline = ComputeDeadline(*catalog->Find("L06"), At("2025-09-28T10:00:00+08:00"), OfficialCalendar());
  ASSERT_TRUE(deadline.ok());
  EXPECT_EQ(deadline->due_date.ToIso(), "2025-10-09");  // 09-29, 09-30, then 10-09
  EXPECT_FALSE(deadline->rolled_over);
}

TEST(TimeLimitOverrides, RefuseRulesFixedByLaw) {
  const auto refused = OfficialTimeLimits().WithOverrides(R"({"L01": {"limit": 7}})");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kValidationFailed);
  EXPECT_EQ(refused.error().field, "L01");
  EXPECT_NE(refused.error().message_en.find("cannot be overridden"), std::string::npos);
  EXPECT_FALSE(OfficialTimeLimits().WithOverrides(R"({"L07": {"limit": 48}})").ok());
}

TEST(TimeLimitOverrides, RefuseFieldsARuleDoesNotOpen) {
  const auto refused = OfficialTimeLimits().WithOverrides(R"({"L06": {"limit": 5}})");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().field, "L06.limit");
}

TEST(TimeLimitOverrides, RefuseBadInputAllOrNothing) {
  for (const std::string_view overrides :
       {R"({"L99": {"limit": 3}})", R"({"L03": {"limit": -1}})", R"({"L03": {"limit": 100000}})",
        R"({"L03": {"limit": "3"}})", R"({"L03": {"days": 3}})", R"({"L03": {"unit": "weeks"}})", R"({"L03": 3})",
        R"([])", R"({"L03": {"limit": 3}, "L01": {"limit": 3}})", "{"}) {
    EXPECT_FALSE(OfficialTimeLimits().WithOverrides(overrides).ok()) << overrides;
  }
}

// ---- data validation ----

std::string MinimalCatalog(std::string_view rule) {
  return R"({"schema": "wagelink.time_limits/1", "rules": [)" + std::string(rule) + R"(],
  "platform_settings": [{"id": "should_have_been_transferred", "trigger": {"event": "e", "zh": "z", "en": "e"},
    "actor": "hrss", "action": {"zh": "z", "en": "e"}, "limit": 10, "unit": "calendar_days", "roll_over": false,
    "citation": "平台设置，非法律规定", "status": "PLATFORM_SETTING", "configurable": true}]})";
}

std::string RuleJson(std::string_view overrides) {
  std::string rule = R"({"id": "X1", "trigger": {"event": "e", "zh": "z", "en": "e"}, "actor": "hrss",
    "action": {"zh": "z", "en": "e"}, "limit": 3, "unit": "calendar_days", "roll_over": true,
    "roll_over_basis": {"citation": "刑事诉讼法§105", "status": "CONFIRMED"}, "citation": "c",
    "status": "CONFIRMED", "configurable": false)";
  return rule + std::string(overrides) + "}";
}

TEST(TimeLimitCatalogParse, AcceptsAMinimalCatalog) {
  const auto catalog = TimeLimitCatalog::Parse(MinimalCatalog(RuleJson("")));
  ASSERT_TRUE(catalog.ok()) << catalog.error().message_en;
  EXPECT_EQ(catalog->rules().size(), 2u);
}

TEST(TimeLimitCatalogParse, RefusesInconsistentRules) {
  std::string unknown_actor = RuleJson("");
  unknown_actor.replace(unknown_actor.find("\"hrss\""), 6, "\"army\"");
  std::string unconfirmed_fixed = RuleJson("");
  unconfirmed_fixed.replace(unconfirmed_fixed.find("\"CONFIRMED\", \"configurable\"") + 1, 9, "UNCONFIRMED");
  std::string no_roll_over_basis = RuleJson("");
  const auto basis_at = no_roll_over_basis.find("\"roll_over_basis\"");
  no_roll_over_basis.erase(basis_at, no_roll_over_basis.find("}, ", basis_at) + 3 - basis_at);
  std::string bad_basis_status = RuleJson("");
  bad_basis_status.replace(bad_basis_status.find("\"status\": \"CONFIRMED\"}"), 22, "\"status\": \"MAYBE\"}");
  std::string no_limit_key = RuleJson("");
  no_limit_key.replace(no_limit_key.find("\"limit\": 3,"), 11, "");
  const std::string hours_with_day_extension =
      R"({"id": "X1", "trigger": {"event": "e", "zh": "z", "en": "e"}, "actor": "hrss", "action": {"zh": "z", "en": "e"},
      "limit": 24, "unit": "hours", "roll_over": false, "citation": "c", "status": "CONFIRMED", "configurable": false,
      "extensions": [{"limit": 1, "unit": "calendar_days", "zh": "z", "en": "e", "citation": "c"}]})";
  for (const std::string& rule :
       {unknown_actor, unconfirmed_fixed, no_roll_over_basis, bad_basis_status, no_limit_key, hours_with_day_extension, RuleJson(R"(, "colour": "red")"),
        RuleJson(R"(, "configurable_fields": ["limit"])"), RuleJson("") + ", " + RuleJson("")}) {
    EXPECT_FALSE(TimeLimitCatalog::Parse(MinimalCatalog(rule)).ok()) << rule;
  }
  EXPECT_FALSE(TimeLimitCatalog::Parse(R"({"schema": "v0", "rules": [], "platform_settings": []})").ok());
  EXPECT_FALSE(
      TimeLimitCatalog::Parse(R"({"schema": "wagelink.time_limits/1", "rules": [], "platform_settings": []})").ok());
}

}  // namespace
}  // namespace wagelink::domain
