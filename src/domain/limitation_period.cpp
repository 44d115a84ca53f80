#include "domain/limitation_period.h"

namespace wagelink::domain {

std::optional<CivilDate> LastDayOfPeriod(std::string_view period_to) {
  if (period_to.size() == 10) {
    auto date = CivilDate::ParseIso(period_to);
    return date ? std::optional<CivilDate>(*date) : std::nullopt;
  }
  if (period_to.size() != 7) return std::nullopt;
  auto first = CivilDate::ParseIso(std::string(period_to) + "-01");
  if (!first) return std::nullopt;
  return first->AddMonthsClamped(1).AddDays(-1);
}

std::optional<LimitationWarning> CheckInvestigationLimitation(const TimeLimitRule& rule, CivilDate unpaid_period_end,
                                                              Instant complaint_received, const WorkCalendar& calendar) {
  auto limit = ComputeDeadline(rule, EndOfShanghaiDay(unpaid_period_end).AddSeconds(-1), calendar);
  if (!limit) return std::nullopt;
  const CivilDate received = ShanghaiDate(complaint_received);
  if (received <= limit->due_date) return std::nullopt;
  LimitationWarning warning;
  warning.limit_date = limit->due_date;
  warning.zh = "时效提示：工资拖欠期间于 " + unpaid_period_end.ToIso() + " 终了，至 " + limit->due_date.ToIso() +
               " 已满 " + std::to_string(rule.limit.value_or(0)) + " 年，投诉于 " + received.ToIso() +
               " 收到。依据" + rule.citation + "，违法行为2年内未被发现也未被举报、投诉的，不再查处；拖欠持续未清偿的，"
               "可能属连续或继续状态（自行为终了之日起算），请承办人核实后决定是否继续查处。";
  warning.en = "Limitation warning: the unpaid period ended on " + unpaid_period_end.ToIso() + "; " +
               std::to_string(rule.limit.value_or(0)) + " years ran out on " + limit->due_date.ToIso() +
               " and the complaint arrived on " + received.ToIso() + ". Under " + rule.citation +
               ", a violation not found or complained of within 2 years is no longer investigated; arrears still "
               "unpaid may be a continuing violation (counted from its end): the handler must check before going on.";
  return warning;
}

}  // namespace wagelink::domain
