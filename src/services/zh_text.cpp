#include "services/zh_text.h"

#include <cstdio>

namespace wagelink::services {

std::string DateZh(domain::CivilDate d) {
  return std::to_string(d.year()) + "年" + std::to_string(d.month()) + "月" + std::to_string(d.day()) + "日";
}

std::string MinuteZh(domain::Instant at) {
  auto local = domain::ToShanghai(at);
  char hm[48];
  std::snprintf(hm, sizeof hm, "%d时%02d分", local.seconds_of_day / 3600, local.seconds_of_day / 60 % 60);
  return DateZh(local.date) + hm;
}

std::string DownloadWatermark(const std::string& display_name, const std::string& username, domain::Instant now) {
  return (display_name.empty() ? username : display_name) + "（" + username + "）" + MinuteZh(now) + "下载";
}

}  // namespace wagelink::services
