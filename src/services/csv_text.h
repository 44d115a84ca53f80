#pragma once
// CSV downloads people open in a spreadsheet program: UTF-8 with a BOM (so Chinese reads right),
// every cell quoted, formulas defused, instants in Beijing time.
#include <initializer_list>
#include <string>
#include <string_view>

#include "domain/civil_date.h"
#include "services/zh_text.h"

namespace wagelink::services {

inline constexpr std::string_view kCsvBom = "\xEF\xBB\xBF";

// Quotes a CSV cell and defuses spreadsheet formulas (=, +, -, @ at the start).
inline std::string CsvCell(const std::string& value) {
  std::string cell = value;
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@')) cell = "'" + cell;
  std::string out = "\"";
  for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

inline std::string CsvLine(std::initializer_list<std::string> cells) {
  std::string line;
  for (const auto& cell : cells) line += (line.empty() ? "" : ",") + CsvCell(cell);
  return line + "\n";
}

// The stored UTC instant as people in the district read it; the stored text if it is no instant.
inline std::string BeijingTime(const std::string& at) {
  auto instant = domain::Instant::ParseRfc3339(at);
  return instant ? SecondZh(*instant) : at;
}

}  // namespace wagelink::services
