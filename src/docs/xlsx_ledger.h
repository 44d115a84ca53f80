#pragma once
// Writes a ledger (台账) as XLSX with libxlsxwriter in constant-memory mode: rows go to disk as
// they are added, so a million-row ledger needs no more memory than one row. The viewer's
// watermark goes into the page header and footer (printed on every page).
#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include "core/error.h"

namespace wagelink::docs {

struct LedgerColumn {
  std::string title;
  double width = 14;  // in characters
};

using LedgerCell = std::variant<std::string, std::int64_t, double>;

class XlsxLedgerWriter {
 public:
  // Creates `path` with one sheet: a title row, a header row, then the rows added.
  static Result<std::unique_ptr<XlsxLedgerWriter>> Create(const std::string& path, const std::string& sheet_name,
                                                          const std::string& title, const std::vector<LedgerColumn>& columns,
                                                          const std::string& watermark);
  ~XlsxLedgerWriter();
  XlsxLedgerWriter(const XlsxLedgerWriter&) = delete;
  XlsxLedgerWriter& operator=(const XlsxLedgerWriter&) = delete;

  void AddRow(const std::vector<LedgerCell>& cells);
  std::int64_t rows() const { return rows_; }
  // Finishes the file; nothing is readable before this.
  Status Close();

 private:
  struct Impl;
  explicit XlsxLedgerWriter(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
  std::int64_t rows_ = 0;
};

}  // namespace wagelink::docs
