// Reading a Prometheus scrape (GET /metrics) in tests.
#pragma once

#include <optional>
#include <sstream>
#include <string>

namespace wagelink::testing {

// The value of the one sample whose name and labels are exactly `series`, e.g.
// `wagelink_outbox_pending` or `wagelink_clocks_overdue{body="police"}`; nullopt when absent.
inline std::optional<double> Sample(const std::string& text, const std::string& series) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.starts_with(series + " ")) return std::stod(line.substr(series.size() + 1));
  }
  return std::nullopt;
}

}  // namespace wagelink::testing
