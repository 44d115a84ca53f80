#pragma once
// The periods bulletins (简报) cover: civil dates in Asia/Shanghai, both ends inclusive.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "domain/civil_date.h"

namespace wagelink::domain {

enum class BulletinPeriod { kWeekly, kMonthly, kQuarterly, kOnDemand };

std::string_view BulletinPeriodCode(BulletinPeriod period);   // weekly | monthly | quarterly | on_demand
std::string_view BulletinPeriodNameZh(BulletinPeriod period);  // 周报 | 月报 | 季报 | 专报
std::optional<BulletinPeriod> ParseBulletinPeriod(std::string_view code);

struct DateRange {
  CivilDate first;
  CivilDate last;
};

// The 期号 people see: 〔2026〕第11期 (the bulletins of a year numbered in order of issue).
// Empty for a bulletin issued before 期号 existed (seq 0).
std::string BulletinIssueNo(std::int64_t year, std::int64_t seq);

// The last complete period before `today`: Monday–Sunday of the previous week, the previous
// calendar month, or the previous calendar quarter. Not defined for kOnDemand (returns the day before).
DateRange PreviousPeriod(BulletinPeriod period, CivilDate today);

}  // namespace wagelink::domain
