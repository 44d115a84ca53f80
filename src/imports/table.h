#pragma once
// Reading a spreadsheet someone else produced (a clue-platform export, a hotline list, a 花名册)
// into rows of UTF-8 text. Pure: bytes in, table or a refusal out; no database, no files.
//
// Every input is treated as hostile: the limits below bound memory and time whatever the file
// claims about itself (zip bombs, billion-row sheets, megabyte cells), formulas are never
// evaluated (the cached value Excel/WPS stored is used), and text that is neither UTF-8 nor
// GB18030/GBK is refused rather than guessed.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace wagelink::imports {

struct ReadLimits {
  std::size_t max_rows = 200'000;           // data rows after the header
  std::size_t max_columns = 100;
  std::size_t max_cell_bytes = 32'767;      // Excel's own cell limit, in UTF-8 bytes
  std::uint64_t max_uncompressed_bytes = 512ull << 20;  // all zip entries read, together
  std::uint64_t max_compression_ratio = 200;            // per entry, once it is past 1 MiB
  std::size_t max_zip_entries = 1'000;
  std::size_t max_shared_strings = 2'000'000;
  // A header with no rows under it: refused, unless the file's kind may be empty (a special-account
  // statement of a month without transactions is a real answer, and the one that raises a warning).
  bool header_only_allowed = false;
};

struct TableRow {
  std::size_t line = 0;  // the row number a person sees in Excel/WPS (header = 1) or the CSV record number
  std::vector<std::string> cells;
};

struct Table {
  std::string format;    // csv | xlsx
  std::string encoding;  // utf-8 | utf-8-bom | gb18030 | utf-16le | utf-16be (csv); utf-8 (xlsx)
  std::vector<std::string> header;
  std::vector<TableRow> rows;  // blank rows are skipped
  std::size_t formula_cells = 0;  // cells whose cached value was taken instead of the formula
};

// Detects the format from the bytes (a zip → xlsx, otherwise delimited text) and reads the first
// sheet. The first non-blank row is the header. Errors are kValidationFailed / kPayloadTooLarge /
// kUnsupportedMediaType with field "file" and a message in both languages.
Result<Table> ReadTable(std::string_view bytes, const ReadLimits& limits = {});

// The individual readers (tests use them directly).
Result<Table> ReadCsv(std::string_view bytes, const ReadLimits& limits = {});
Result<Table> ReadXlsx(std::string_view bytes, const ReadLimits& limits = {});

// Text of unknown encoding → UTF-8, and the name of the encoding found. BOMs are honoured
// (UTF-8, UTF-16LE/BE); otherwise valid UTF-8 wins, then GB18030 (a superset of GBK and GB2312).
struct DecodedText {
  std::string text;
  std::string encoding;
};
Result<DecodedText> DecodeToUtf8(std::string_view bytes);
bool IsValidUtf8(std::string_view text);

// One cell for a CSV that a person will open in a spreadsheet program: quoted when needed, and a
// leading = + - @ TAB or CR neutralised with an apostrophe so the cell can never run as a formula
// (CSV injection, OWASP).
std::string CsvCell(std::string_view value);

// Common refusals (field "file").
Error FileRefused(std::string zh, std::string en);
Error FileTooLarge(std::string zh, std::string en);

}  // namespace wagelink::imports
