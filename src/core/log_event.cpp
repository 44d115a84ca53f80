#include "core/log_event.h"

#include <boost/json/serialize.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

namespace wagelink {

void LogEvent(spdlog::level::level_enum level, std::string_view event, boost::json::object fields) {
  if (!spdlog::should_log(level)) return;
  fields["event"] = event;
  spdlog::log(level, "{}", boost::json::serialize(fields));
}

void ConfigureLogging(std::string_view level) {
  auto logger = spdlog::stderr_logger_mt("wagelink");
  logger->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l","log":%v})", spdlog::pattern_time_type::utc);
  logger->set_level(spdlog::level::from_str(std::string(level)));
  spdlog::set_default_logger(logger);
}

}  // namespace wagelink
