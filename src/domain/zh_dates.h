#pragma once
// Dates and times as people and Chinese official documents write them: "2025年12月22日",
// "2025年12月5日16时00分" (Beijing time). Shown to users instead of ISO-8601.
#include <string>

#include "domain/civil_date.h"

namespace wagelink::domain {

std::string ZhDate(CivilDate date);
std::string ZhMinute(Instant at);

}  // namespace wagelink::domain
