#pragma once
// The view model of one official document (文书) as the PDF renderer lays it out: plain data, no
// database, no case logic. The service fills it from a template and the case; it is stored as JSON
// next to the issued PDF so a download can be re-rendered with the viewer's watermark.
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/error.h"

namespace wagelink::docs {

enum class BlockStyle {
  kAddressee,  // 主送机关: flush left, no indent
  kBody,       // body paragraph: first-line indent of two characters, justified
  kHeading,    // 一级标题 in the bold face, indented like the body
  kItem,       // numbered list entry ("1．…"), hanging under the body indent
  kField,      // one row of a form table (送达回证): label | value
  kRight,      // flush right (e.g. a signature line inside a form)
};

struct PdfBlock {
  BlockStyle style = BlockStyle::kBody;
  std::string text;   // the value for kField
  std::string label;  // kField only
};

struct PdfDocument {
  std::string issuer;      // 发文机关标志 (top, red) and 署名 (foot)
  bool letterhead = true;  // false for forms (送达回证): no 发文机关标志 at the top
  std::string number;      // 发文字号, e.g. 示劳监〔2025〕3号
  std::string signer;      // 签发人 (GB/T 9704 §7.2.5): only where the format needs it (上行文); empty = none
  std::string title;       // 标题
  std::vector<PdfBlock> blocks;
  std::string date;        // 成文日期, e.g. 2025年12月22日
  bool seal = true;        // draw the seal area over the date
  std::string annotation;  // 附注 (§7.3.6): in parentheses, two characters in, on the line under the date
  std::string copy_to;     // 抄送 line in the 版记 (empty = none)
  std::string print_line;  // legacy one-line 印发 text in the 版记 (documents issued before 0016)
  std::string print_office;  // 印发机关 (§7.4.3): flush left in the 版记 (empty = none)
  std::string print_date;    // 印发日期: flush right, followed by 印发
  std::string created_at;  // UTC instant written into the PDF metadata (reproducible bytes)
  std::optional<std::string> watermark;  // viewer and time, drawn across every page at download
};

struct RenderedPdf {
  std::string bytes;
  int pages = 0;
};

// Lays the document out on A4 in the GB/T 9704 manner and returns the PDF. Fails only when cairo
// cannot produce a surface (out of memory).
Result<RenderedPdf> RenderPdf(const PdfDocument& document);

std::optional<BlockStyle> ParseBlockStyle(std::string_view code);
std::string_view BlockStyleCode(BlockStyle style);

boost::json::value PdfDocumentToJson(const PdfDocument& document);
Result<PdfDocument> PdfDocumentFromJson(const boost::json::value& json);

}  // namespace wagelink::docs
