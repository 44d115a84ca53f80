#include "services/zh_text.h"

#include <cstdio>

#include "domain/zh_dates.h"

namespace wagelink::services {

std::string DateZh(domain::CivilDate d) { return domain::ZhDate(d); }

std::string MinuteZh(domain::Instant at) { return domain::ZhMinute(at); }

std::string DownloadWatermark(const std::string& display_name, const std::string& username, domain::Instant now) {
  return (display_name.empty() ? username : display_name) + "（" + username + "）" + MinuteZh(now) + "下载";
}

}  // namespace wagelink::services
