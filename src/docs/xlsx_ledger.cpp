#include "docs/xlsx_ledger.h"

#include <xlsxwriter.h>

namespace wagelink::docs {
namespace {

constexpr lxw_row_t kFirstDataRow = 2;  // row 0 title, row 1 header

// Header/footer text is a format string for Excel: '&' starts a code, so it is doubled.
std::string HeaderText(const std::string& prefix, const std::string& text) {
  std::string out = prefix;
  for (char c : text) {
    out += c;
    if (c == '&') out += '&';
  }
  return out.substr(0, 250);
}

// A cell that a spreadsheet would run as a formula is written as text with a leading apostrophe
// quote (CSV/formula injection: = + - @ at the start).
bool LooksLikeFormula(const std::string& s) {
  return !s.empty() && (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@');
}

}  // namespace

struct XlsxLedgerWriter::Impl {
  lxw_workbook* workbook = nullptr;
  lxw_worksheet* sheet = nullptr;
  lxw_format* money = nullptr;
  lxw_format* text = nullptr;
};

XlsxLedgerWriter::XlsxLedgerWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

XlsxLedgerWriter::~XlsxLedgerWriter() {
  if (impl_ && impl_->workbook) workbook_close(impl_->workbook);
}

Result<std::unique_ptr<XlsxLedgerWriter>> XlsxLedgerWriter::Create(const std::string& path, const std::string& sheet_name,
                                                                   const std::string& title,
                                                                   const std::vector<LedgerColumn>& columns,
                                                                   const std::string& watermark) {
  auto impl = std::make_unique<Impl>();
  lxw_workbook_options options{};
  options.constant_memory = LXW_TRUE;
  impl->workbook = workbook_new_opt(path.c_str(), &options);
  if (!impl->workbook) return MakeError(ErrorCode::kInternal, "无法创建台账文件", "cannot create the ledger file");
  impl->sheet = workbook_add_worksheet(impl->workbook, sheet_name.c_str());
  lxw_format* bold = workbook_add_format(impl->workbook);
  format_set_bold(bold);
  format_set_border(bold, LXW_BORDER_THIN);
  format_set_bg_color(bold, 0xDDEBF7);
  lxw_format* heading = workbook_add_format(impl->workbook);
  format_set_bold(heading);
  format_set_font_size(heading, 14);
  impl->money = workbook_add_format(impl->workbook);
  format_set_num_format(impl->money, "#,##0.00");
  impl->text = workbook_add_format(impl->workbook);
  format_set_num_format(impl->text, "@");
  worksheet_set_header(impl->sheet, HeaderText("&L", title + "  " + watermark).c_str());
  worksheet_set_footer(impl->sheet, HeaderText("&L", watermark + "  ").append("&R&P / &N").c_str());
  worksheet_set_landscape(impl->sheet);
  worksheet_set_paper(impl->sheet, 9);  // A4
  worksheet_repeat_rows(impl->sheet, 1, 1);
  for (lxw_col_t c = 0; c < columns.size(); ++c) worksheet_set_column(impl->sheet, c, c, columns[c].width, nullptr);
  // Constant-memory mode writes rows in order: title, header, then data.
  worksheet_write_string(impl->sheet, 0, 0, title.c_str(), heading);
  worksheet_write_string(impl->sheet, 0, 2, watermark.c_str(), nullptr);
  for (lxw_col_t c = 0; c < columns.size(); ++c) worksheet_write_string(impl->sheet, 1, c, columns[c].title.c_str(), bold);
  worksheet_freeze_panes(impl->sheet, 2, 0);
  return std::unique_ptr<XlsxLedgerWriter>(new XlsxLedgerWriter(std::move(impl)));
}

void XlsxLedgerWriter::AddRow(const std::vector<LedgerCell>& cells) {
  const lxw_row_t row = kFirstDataRow + static_cast<lxw_row_t>(rows_++);
  for (lxw_col_t c = 0; c < cells.size(); ++c) {
    if (const auto* s = std::get_if<std::string>(&cells[c])) {
      if (s->empty()) continue;
      std::string value = LooksLikeFormula(*s) ? "'" + *s : *s;
      worksheet_write_string(impl_->sheet, row, c, value.c_str(), impl_->text);
    } else if (const auto* i = std::get_if<std::int64_t>(&cells[c])) {
      worksheet_write_number(impl_->sheet, row, c, static_cast<double>(*i), nullptr);
    } else {
      worksheet_write_number(impl_->sheet, row, c, std::get<double>(cells[c]), impl_->money);
    }
  }
}

Status XlsxLedgerWriter::Close() {
  lxw_error error = workbook_close(impl_->workbook);
  impl_->workbook = nullptr;
  if (error != LXW_NO_ERROR) {
    return MakeError(ErrorCode::kInternal, std::string("台账文件生成失败：") + lxw_strerror(error),
                     std::string("ledger file failed: ") + lxw_strerror(error));
  }
  return Ok{};
}

}  // namespace wagelink::docs
