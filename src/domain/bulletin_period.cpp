#include "domain/bulletin_period.h"

namespace wagelink::domain {

std::string_view BulletinPeriodCode(BulletinPeriod period) {
  switch (period) {
    case BulletinPeriod::kWeekly: return "weekly";
    case BulletinPeriod::kMonthly: return "monthly";
    case BulletinPeriod::kQuarterly: return "quarterly";
    case BulletinPeriod::kOnDemand: return "on_demand";
  }
  return "on_demand";
}

std::string_view BulletinPeriodNameZh(BulletinPeriod period) {
  switch (period) {
    case BulletinPeriod::kWeekly: return "周报";
    case BulletinPeriod::kMonthly: return "月报";
    case BulletinPeriod::kQuarterly: return "季报";
    case BulletinPeriod::kOnDemand: return "专报";
  }
  return "专报";
}

std::optional<BulletinPeriod> ParseBulletinPeriod(std::string_view code) {
  for (auto p : {BulletinPeriod::kWeekly, BulletinPeriod::kMonthly, BulletinPeriod::kQuarterly, BulletinPeriod::kOnDemand}) {
    if (BulletinPeriodCode(p) == code) return p;
  }
  return std::nullopt;
}

std::string BulletinIssueNo(std::int64_t year, std::int64_t seq) {
  if (seq <= 0) return {};
  return "〔" + std::to_string(year) + "〕第" + std::to_string(seq) + "期";
}

DateRange PreviousPeriod(BulletinPeriod period, CivilDate today) {
  auto first_of_month = [](CivilDate d) { return d.AddDays(1 - static_cast<std::int64_t>(d.day())); };
  switch (period) {
    case BulletinPeriod::kWeekly: {
      auto days_since_monday = static_cast<std::int64_t>((today.Weekday().iso_encoding() + 6) % 7);
      auto this_monday = today.AddDays(-days_since_monday);
      return {this_monday.AddDays(-7), this_monday.AddDays(-1)};
    }
    case BulletinPeriod::kMonthly: {
      auto this_month = first_of_month(today);
      return {this_month.AddMonthsClamped(-1), this_month.AddDays(-1)};
    }
    case BulletinPeriod::kQuarterly: {
      auto this_month = first_of_month(today);
      auto this_quarter = this_month.AddMonthsClamped(-static_cast<int>((today.month() - 1) % 3));
      return {this_quarter.AddMonthsClamped(-3), this_quarter.AddDays(-1)};
    }
    case BulletinPeriod::kOnDemand:
      break;
  }
  return {today.AddDays(-1), today.AddDays(-1)};
}

}  // namespace wagelink::domain
