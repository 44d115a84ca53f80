#pragma once
// Writes the Prometheus text exposition format (version 0.0.4): one `# HELP` and `# TYPE` line per
// metric family, then its samples. Label values are escaped as the format requires.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace wagelink::api {

using MetricLabels = std::initializer_list<std::pair<std::string_view, std::string_view>>;

class PrometheusText {
 public:
  // type: "counter", "gauge" or "histogram".
  void Family(std::string_view name, std::string_view type, std::string_view help);
  void Sample(std::string_view name, MetricLabels labels, double value);
  void Sample(std::string_view name, MetricLabels labels, std::int64_t value);
  // A histogram sample line with one extra label (le="…") after the given ones.
  void Bucket(std::string_view name, MetricLabels labels, std::string_view le, std::uint64_t value);
  std::string Take() { return std::move(text_); }

 private:
  void Labels(MetricLabels labels, std::string_view le = {});
  std::string text_;
};

}  // namespace wagelink::api
