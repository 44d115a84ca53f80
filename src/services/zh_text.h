#pragma once
// Dates and times as Chinese official documents write them ("2025年12月22日", "2025年12月5日16时00分",
// Asia/Shanghai), shared by every document the services render.
#include <string>

#include "domain/civil_date.h"

namespace wagelink::services {

std::string DateZh(domain::CivilDate d);
std::string MinuteZh(domain::Instant at);
// "2026年12月5日 10:15:03": to the second, for the rows of the log exports.
std::string SecondZh(domain::Instant at);
// How a complaint came in, in words: "walk_in" → 来访 / "a visit in person".
std::string ChannelZh(const std::string& channel);
std::string ChannelEn(const std::string& channel);
// The download watermark: viewer and time.
std::string DownloadWatermark(const std::string& display_name, const std::string& username, domain::Instant now);

}  // namespace wagelink::services
