#include "api/prometheus_text.h"

#include <cmath>
#include <cstdio>

namespace wagelink::api {
namespace {

void AppendEscaped(std::string& out, std::string_view value, bool label) {
  for (char c : value) {
    if (c == '\\') out += "\\\\";
    else if (c == '\n') out += "\\n";
    else if (c == '"' && label) out += "\\\"";
    else out += c;
  }
}

std::string Number(double value) {
  if (std::isnan(value)) return "NaN";
  if (std::isinf(value)) return value > 0 ? "+Inf" : "-Inf";
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.9g", value);
  return buffer;
}

}  // namespace

void PrometheusText::Family(std::string_view name, std::string_view type, std::string_view help) {
  text_ += "# HELP ";
  text_ += name;
  text_ += ' ';
  AppendEscaped(text_, help, false);
  text_ += "\n# TYPE ";
  text_ += name;
  text_ += ' ';
  text_ += type;
  text_ += '\n';
}

void PrometheusText::Labels(MetricLabels labels, std::string_view le) {
  if (labels.size() == 0 && le.empty()) return;
  text_ += '{';
  bool first = true;
  auto add = [&](std::string_view key, std::string_view value) {
    if (!first) text_ += ',';
    first = false;
    text_ += key;
    text_ += "=\"";
    AppendEscaped(text_, value, true);
    text_ += '"';
  };
  for (const auto& [key, value] : labels) add(key, value);
  if (!le.empty()) add("le", le);
  text_ += '}';
}

void PrometheusText::Sample(std::string_view name, MetricLabels labels, double value) {
  text_ += name;
  Labels(labels);
  text_ += ' ';
  text_ += Number(value);
  text_ += '\n';
}

void PrometheusText::Sample(std::string_view name, MetricLabels labels, std::int64_t value) {
  text_ += name;
  Labels(labels);
  text_ += ' ';
  text_ += std::to_string(value);
  text_ += '\n';
}

void PrometheusText::Bucket(std::string_view name, MetricLabels labels, std::string_view le, std::uint64_t value) {
  text_ += name;
  Labels(labels, le);
  text_ += ' ';
  text_ += std::to_string(value);
  text_ += '\n';
}

}  // namespace wagelink::api
