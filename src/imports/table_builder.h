#pragma once
// Collects rows for both readers and enforces the limits the same way: the first non-blank row is
// the header, blank rows are skipped, cells are trimmed, row and column counts are capped.
#include <string>
#include <vector>

#include "imports/table.h"

namespace wagelink::imports {

class TableBuilder {
 public:
  TableBuilder(const ReadLimits& limits, std::string format, std::string encoding);

  Status AddRow(std::size_t line, std::vector<std::string> cells);
  void CountFormula() { ++table_.formula_cells; }
  Result<Table> Finish() &&;

  Error CellTooLarge(std::size_t line, std::size_t column) const;
  Error TooManyColumns(std::size_t line) const;

 private:
  const ReadLimits& limits_;
  Table table_;
  bool have_header_ = false;
};

// "A", "B", ... "AA" for a zero-based column index, as spreadsheet programs label columns.
std::string ColumnLetters(std::size_t index);

}  // namespace wagelink::imports
