#include "domain/zh_dates.h"

#include <array>
#include <cstdio>

namespace wagelink::domain {

std::string ZhDate(CivilDate date) {
  return std::to_string(date.year()) + "年" + std::to_string(date.month()) + "月" + std::to_string(date.day()) + "日";
}

std::string ZhMinute(Instant at) {
  const ShanghaiDateTime local = ToShanghai(at);
  std::array<char, 24> hm{};
  std::snprintf(hm.data(), hm.size(), "%d时%02d分", local.seconds_of_day / 3600, local.seconds_of_day / 60 % 60);
  return ZhDate(local.date) + hm.data();
}

}  // namespace wagelink::domain
