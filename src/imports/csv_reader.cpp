// Delimited text (RFC 4180 plus what spreadsheet programs really write: a BOM, GBK, CRLF or LF,
// tabs or semicolons instead of commas) into a Table, within the limits.
#include <algorithm>

#include "imports/table.h"
#include "imports/table_builder.h"

namespace wagelink::imports {
namespace {

// The delimiter that occurs most often in the first line outside quotes (comma when none does).
char GuessDelimiter(std::string_view text) {
  std::size_t counts[3] = {0, 0, 0};
  const char candidates[3] = {',', '\t', ';'};
  bool quoted = false;
  for (char c : text) {
    if (c == '"') quoted = !quoted;
    if (!quoted && (c == '\n' || c == '\r')) break;
    for (int k = 0; k < 3; ++k) counts[k] += !quoted && c == candidates[k];
  }
  int best = 0;
  for (int k = 1; k < 3; ++k) {
    if (counts[k] > counts[best]) best = k;
  }
  return candidates[best];
}

}  // namespace

Result<Table> ReadCsv(std::string_view bytes, const ReadLimits& limits) {
  auto decoded = DecodeToUtf8(bytes);
  if (!decoded) return decoded.error();
  std::string_view text = decoded->text;
  TableBuilder builder(limits, "csv", decoded->encoding);
  const char delimiter = GuessDelimiter(text);

  std::vector<std::string> record;
  std::string cell;
  bool quoted = false, cell_started_quoted = false;
  std::size_t line = 1;
  auto end_cell = [&]() -> Status {
    if (cell.size() > limits.max_cell_bytes) return builder.CellTooLarge(line, record.size());
    record.push_back(std::move(cell));
    cell.clear();
    cell_started_quoted = false;
    if (record.size() > limits.max_columns) return builder.TooManyColumns(line);
    return Ok{};
  };
  auto end_record = [&]() -> Status {
    if (auto ok = end_cell(); !ok) return ok;
    auto ok = builder.AddRow(line, std::move(record));
    record.clear();
    ++line;
    return ok;
  };

  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"') {
        if (i + 1 < text.size() && text[i + 1] == '"') {
          cell += '"';
          ++i;
        } else {
          quoted = false;
        }
      } else {
        cell += c;
        if (cell.size() > limits.max_cell_bytes) return builder.CellTooLarge(line, record.size());
      }
      continue;
    }
    if (c == '"' && cell.empty() && !cell_started_quoted) {
      quoted = cell_started_quoted = true;
    } else if (c == delimiter) {
      if (auto ok = end_cell(); !ok) return ok.error();
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (auto ok = end_record(); !ok) return ok.error();
    } else {
      cell += c;  // a stray quote inside an unquoted cell is kept as text, as Excel does
      if (cell.size() > limits.max_cell_bytes) return builder.CellTooLarge(line, record.size());
    }
  }
  if (quoted) {
    return FileRefused("第 " + std::to_string(line) + " 行有未闭合的引号，文件可能被截断",
                       "Row " + std::to_string(line) + " has an unterminated quote; the file may be truncated");
  }
  if (!cell.empty() || !record.empty()) {
    if (auto ok = end_record(); !ok) return ok.error();
  }
  return std::move(builder).Finish();
}

Result<Table> ReadTable(std::string_view bytes, const ReadLimits& limits) {
  if (bytes.empty()) return FileRefused("文件为空", "The file is empty");
  if (bytes.starts_with("PK\x03\x04") || bytes.starts_with("PK\x05\x06")) return ReadXlsx(bytes, limits);
  if (bytes.starts_with("\xD0\xCF\x11\xE0")) {
    return MakeError(ErrorCode::kUnsupportedMediaType, "不支持旧版 Excel（.xls）文件，请另存为 .xlsx 或 CSV",
                     "Old Excel (.xls) files are not supported; save as .xlsx or CSV", "file");
  }
  return ReadCsv(bytes, limits);
}

}  // namespace wagelink::imports
