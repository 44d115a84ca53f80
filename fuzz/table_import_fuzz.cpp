// An import file as a body uploads it: the format detected from the bytes (CSV in any of the
// encodings, or XLSX), the table read within its limits, the column mapping proposed from the
// header for each import kind and checked, and every mapped cell through its field's parser.
#include "fuzz_support.h"
#include "imports/cell_values.h"
#include "imports/column_mapping.h"
#include "imports/table.h"

using namespace wagelink;

namespace {

void ParseCellAsMapped(std::string_view field, std::string_view cell) {
  (void)imports::ParseAmountCell(cell, field);
  (void)imports::ParseInstantCell(cell, field);
  (void)imports::ParseMonthCell(cell, field);
  (void)imports::ParseCountCell(cell, field);
  (void)imports::ParseEmployerKindCell(cell, field);
  (void)imports::ParseYesNoCell(cell, field);
  (void)imports::ParseAccountPurposeCell(cell, field);
  (void)imports::NormalisedIdentifierCell(cell);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  imports::ReadLimits limits;
  limits.max_rows = 2'000;  // the fuzzer's inputs are small; keep each run's work bounded
  limits.max_uncompressed_bytes = 8u << 20;
  auto table = imports::ReadTable(fuzz::AsText(data, size), limits);
  if (!table) return 0;
  for (auto kind : {imports::ImportKind::kComplaints, imports::ImportKind::kRoster, imports::ImportKind::kEmployers,
                    imports::ImportKind::kAttendance, imports::ImportKind::kPayroll, imports::ImportKind::kAccount}) {
    auto mapping = imports::ProposeMapping(kind, table->header);
    (void)imports::CheckMapping(kind, mapping, table->header.size());
    for (const auto& row : table->rows) {
      for (const auto& [field, column] : mapping) {
        if (column < row.cells.size()) ParseCellAsMapped(field, row.cells[column]);
      }
    }
  }
  return 0;
}
