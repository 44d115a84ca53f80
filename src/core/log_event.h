#pragma once
// Structured logging: every log line is one JSON object (JSON lines), built with a JSON
// serializer so no message can break the line format or forge fields. Callers pass only what
// may be logged: never a secret, a token or unmasked personal data.
#include <boost/json/object.hpp>
#include <spdlog/common.h>
#include <string_view>

namespace wagelink {

void LogEvent(spdlog::level::level_enum level, std::string_view event, boost::json::object fields = {});
// Sets the JSON-lines format (UTC timestamps) and level on the default logger (stderr).
void ConfigureLogging(std::string_view level);

}  // namespace wagelink
