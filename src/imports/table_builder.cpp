#include "imports/table_builder.h"

#include <algorithm>

namespace wagelink::imports {
namespace {

std::string Trimmed(std::string s) {
  auto is_space = [](unsigned char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  // U+3000 (ideographic space) and NBSP are common in pasted Chinese text.
  for (bool changed = true; changed;) {
    changed = false;
    while (!s.empty() && is_space(s.back())) s.pop_back(), changed = true;
    while (!s.empty() && is_space(s.front())) s.erase(0, 1), changed = true;
    for (std::string_view pad : {std::string_view("\xE3\x80\x80"), std::string_view("\xC2\xA0")}) {
      if (s.starts_with(pad)) s.erase(0, pad.size()), changed = true;
      if (s.ends_with(pad)) s.resize(s.size() - pad.size()), changed = true;
    }
  }
  return s;
}

}  // namespace

std::string ColumnLetters(std::size_t index) {
  std::string letters;
  for (std::size_t n = index + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
  return letters;
}

TableBuilder::TableBuilder(const ReadLimits& limits, std::string format, std::string encoding) : limits_(limits) {
  table_.format = std::move(format);
  table_.encoding = std::move(encoding);
}

Status TableBuilder::AddRow(std::size_t line, std::vector<std::string> cells) {
  for (auto& cell : cells) cell = Trimmed(std::move(cell));
  while (!cells.empty() && cells.back().empty()) cells.pop_back();
  if (cells.empty()) return Ok{};
  if (cells.size() > limits_.max_columns) return TooManyColumns(line);
  if (!have_header_) {
    have_header_ = true;
    table_.header = std::move(cells);
    return Ok{};
  }
  if (table_.rows.size() >= limits_.max_rows) {
    return FileTooLarge("数据行超过上限 " + std::to_string(limits_.max_rows) + " 行，请拆分文件",
                        "More than " + std::to_string(limits_.max_rows) + " data rows; split the file");
  }
  table_.rows.push_back({line, std::move(cells)});
  return Ok{};
}

Result<Table> TableBuilder::Finish() && {
  if (!have_header_) return FileRefused("文件中没有表头行", "The file has no header row");
  if (table_.rows.empty() && !limits_.header_only_allowed) return FileRefused("文件中只有表头，没有数据行", "The file has a header but no data rows");
  for (auto& row : table_.rows) row.cells.resize(std::max(row.cells.size(), table_.header.size()));
  return std::move(table_);
}

Error TableBuilder::CellTooLarge(std::size_t line, std::size_t column) const {
  return FileTooLarge("第 " + std::to_string(line) + " 行 " + ColumnLetters(column) + " 列的单元格超过 " +
                          std::to_string(limits_.max_cell_bytes) + " 字节",
                      "The cell at row " + std::to_string(line) + ", column " + ColumnLetters(column) + " exceeds " +
                          std::to_string(limits_.max_cell_bytes) + " bytes");
}

Error TableBuilder::TooManyColumns(std::size_t line) const {
  return FileTooLarge("第 " + std::to_string(line) + " 行超过 " + std::to_string(limits_.max_columns) + " 列",
                      "Row " + std::to_string(line) + " has more than " + std::to_string(limits_.max_columns) + " columns");
}

}  // namespace wagelink::imports
