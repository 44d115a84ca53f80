// The first worksheet of an .xlsx (Office Open XML) through expat, streamed from the zip: workbook
// → its relationships → the sheet part; shared strings; cell values as stored. Formulas are never
// evaluated: the cached value is taken, and a formula without one is refused. A DOCTYPE (the door
// to entity expansion and external entities) never occurs in OOXML and is refused.
#include <expat.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>

#include "imports/table_builder.h"
#include "imports/zip_archive.h"

namespace wagelink::imports {
namespace {

// Runs one XML part through expat, calling `on_start`, `on_end` and `on_text` of a handler type.
template <typename Handler>
struct XmlRun {
  Handler& handler;
  XML_Parser parser;
};

template <typename Handler>
Status ParseXmlPart(ZipArchive& zip, const std::string& name, Handler& handler) {
  using Run = XmlRun<Handler>;
  XML_Parser parser = XML_ParserCreate("UTF-8");
  Run run{handler, parser};
  XML_SetUserData(parser, &run);
  XML_SetElementHandler(
      parser,
      [](void* data, const XML_Char* element, const XML_Char** attributes) { static_cast<Run*>(data)->handler.Start(element, attributes); },
      [](void* data, const XML_Char* element) { static_cast<Run*>(data)->handler.End(element); });
  XML_SetCharacterDataHandler(parser, [](void* data, const XML_Char* text, int length) {
    static_cast<Run*>(data)->handler.Text(std::string_view(text, static_cast<std::size_t>(length)));
  });
  XML_SetStartDoctypeDeclHandler(parser, [](void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    auto* self = static_cast<Run*>(data);
    self->handler.failure = FileRefused("Excel 文件含有 DOCTYPE 声明，拒绝处理", "The Excel file contains a DOCTYPE declaration; refused");
    XML_StopParser(self->parser, XML_FALSE);
  });
  auto stop_if_failed = [&]() -> Status {
    if (handler.failure) return *handler.failure;
    return Ok{};
  };
  Status status = zip.Read(name, [&](std::string_view chunk) -> Status {
    if (XML_Parse(parser, chunk.data(), static_cast<int>(chunk.size()), XML_FALSE) != XML_STATUS_OK) {
      if (auto failed = stop_if_failed(); !failed) return failed;
      return FileRefused("Excel 文件内容损坏（" + name + "）", "The Excel file is damaged (" + name + ")");
    }
    return stop_if_failed();
  });
  if (status && XML_Parse(parser, "", 0, XML_TRUE) != XML_STATUS_OK) {
    status = FileRefused("Excel 文件内容损坏（" + name + "）", "The Excel file is damaged (" + name + ")");
  }
  if (status) status = stop_if_failed();
  XML_ParserFree(parser);
  return status;
}

std::string_view LocalName(const char* name) {
  std::string_view n(name);
  auto colon = n.find(':');
  return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

const char* Attribute(const XML_Char** attributes, std::string_view local) {
  for (int i = 0; attributes[i]; i += 2) {
    if (LocalName(attributes[i]) == local) return attributes[i + 1];
  }
  return nullptr;
}

struct SheetTarget {
  std::optional<Error> failure;
  std::string first_sheet_rel_id;
  std::map<std::string, std::string> targets;
  void Start(const char* element, const XML_Char** attributes) {
    auto local = LocalName(element);
    if (local == "sheet" && first_sheet_rel_id.empty()) {
      if (const char* id = Attribute(attributes, "id")) first_sheet_rel_id = id;
    } else if (local == "Relationship") {
      const char* id = Attribute(attributes, "Id");
      const char* target = Attribute(attributes, "Target");
      if (id && target) targets[id] = target;
    }
  }
  void End(const char*) {}
  void Text(std::string_view) {}
};

// The part name of the first sheet in workbook order, or sheet1 for workbooks that omit the links.
std::string FirstSheetPart(ZipArchive& zip) {
  SheetTarget links;
  if (!ParseXmlPart(zip, "xl/workbook.xml", links) || links.first_sheet_rel_id.empty()) return "xl/worksheets/sheet1.xml";
  if (!zip.Contains("xl/_rels/workbook.xml.rels") || !ParseXmlPart(zip, "xl/_rels/workbook.xml.rels", links)) return "xl/worksheets/sheet1.xml";
  auto it = links.targets.find(links.first_sheet_rel_id);
  if (it == links.targets.end()) return "xl/worksheets/sheet1.xml";
  std::string target = it->second;
  return target.starts_with('/') ? target.substr(1) : "xl/" + target;
}

struct SharedStrings {
  const ReadLimits& limits;
  std::optional<Error> failure;
  std::vector<std::string> strings;
  std::string current;
  bool in_text = false;
  int phonetic_depth = 0;  // <rPh> holds furigana-style readings, not cell text
  void Start(const char* element, const XML_Char**) {
    auto local = LocalName(element);
    if (local == "si") current.clear();
    if (local == "rPh") ++phonetic_depth;
    if (local == "t") in_text = phonetic_depth == 0;
  }
  void End(const char* element) {
    auto local = LocalName(element);
    if (local == "t") in_text = false;
    if (local == "rPh") --phonetic_depth;
    if (local == "si" && !failure) {
      if (strings.size() >= limits.max_shared_strings) failure = FileTooLarge("共享字符串过多，拒绝处理", "Too many shared strings; refused");
      strings.push_back(std::move(current));
      current.clear();
    }
  }
  void Text(std::string_view text) {
    if (!in_text || failure) return;
    current += text;
    if (current.size() > limits.max_cell_bytes) {
      failure = FileTooLarge("有单元格文本超过 " + std::to_string(limits.max_cell_bytes) + " 字节", "A cell's text exceeds " + std::to_string(limits.max_cell_bytes) + " bytes");
    }
  }
};

// Excel stores numbers in binary floating point ("0.30000000000000004"); 15 significant digits are
// what it displays, so that is what a person typed.
std::string NumberText(const std::string& raw) {
  char* end = nullptr;
  double value = std::strtod(raw.c_str(), &end);
  if (raw.empty() || *end != '\0' || !std::isfinite(value)) return raw;
  char buffer[64];
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
  } else {
    std::snprintf(buffer, sizeof buffer, "%.15g", value);
  }
  return buffer;
}

struct Worksheet {
  const ReadLimits& limits;
  const std::vector<std::string>& shared;
  TableBuilder& builder;
  std::optional<Error> failure;
  std::size_t row_number = 0;
  std::vector<std::string> cells;
  std::size_t column = 0;
  std::string type, value;
  bool has_formula = false, has_value = false, in_value = false, in_inline_text = false;

  void Fail(Error error) {
    if (!failure) failure = std::move(error);
  }
  void Start(const char* element, const XML_Char** attributes) {
    if (failure) return;
    auto local = LocalName(element);
    if (local == "row") {
      const char* r = Attribute(attributes, "r");
      row_number = r ? std::strtoull(r, nullptr, 10) : row_number + 1;
      cells.clear();
      column = 0;
    } else if (local == "c") {
      const char* ref = Attribute(attributes, "r");
      if (ref) {
        std::size_t index = 0;
        for (const char* p = ref; *p >= 'A' && *p <= 'Z' && index <= limits.max_columns; ++p) index = index * 26 + static_cast<std::size_t>(*p - 'A' + 1);
        column = index == 0 ? column : index - 1;
      }
      if (column >= limits.max_columns) return Fail(builder.TooManyColumns(row_number));
      const char* t = Attribute(attributes, "t");
      type = t ? t : "n";
      value.clear();
      has_formula = has_value = false;
    } else if (local == "f") {
      has_formula = true;
    } else if (local == "v") {
      in_value = has_value = true;
    } else if (local == "t" && type == "inlineStr") {
      in_inline_text = has_value = true;
    }
  }
  void Text(std::string_view text) {
    if (failure || !(in_value || in_inline_text)) return;
    value += text;
    if (value.size() > limits.max_cell_bytes) Fail(builder.CellTooLarge(row_number, column));
  }
  void End(const char* element) {
    if (failure) return;
    auto local = LocalName(element);
    if (local == "v") in_value = false;
    if (local == "t") in_inline_text = false;
    if (local == "c") EndCell();
    if (local == "row") {
      if (auto ok = builder.AddRow(row_number, std::move(cells)); !ok) Fail(ok.error());
      cells.clear();
    }
  }
  void EndCell() {
    if (has_formula) {
      if (!has_value) {
        return Fail(FileRefused("第 " + std::to_string(row_number) + " 行 " + ColumnLetters(column) +
                                    " 列是公式但没有保存计算结果：请在 Excel/WPS 中重新计算并保存，或把公式转为数值",
                                "The formula at row " + std::to_string(row_number) + ", column " + ColumnLetters(column) +
                                    " has no stored result: recalculate and save in Excel/WPS, or paste as values"));
      }
      builder.CountFormula();
    }
    std::string text;
    if (type == "s") {
      char* end = nullptr;
      unsigned long long index = std::strtoull(value.c_str(), &end, 10);
      if (value.empty() || *end != '\0' || index >= shared.size()) {
        return Fail(FileRefused("Excel 文件内容损坏（共享字符串索引无效）", "The Excel file is damaged (bad shared-string index)"));
      }
      text = shared[index];
    } else if (type == "n") {
      text = NumberText(value);
    } else if (type == "b") {
      text = value == "1" ? "TRUE" : "FALSE";
    } else {
      text = std::move(value);  // str (formula text), inlineStr, e (#N/A and friends: validation reports them)
    }
    if (cells.size() <= column) cells.resize(column + 1);
    cells[column] = std::move(text);
    ++column;
  }
};

}  // namespace

Result<Table> ReadXlsx(std::string_view bytes, const ReadLimits& limits) {
  auto zip = ZipArchive::Open(bytes, limits);
  if (!zip) return zip.error();
  std::string sheet = FirstSheetPart(**zip);
  SharedStrings shared{limits, std::nullopt, {}, {}, false, 0};
  if ((*zip)->Contains("xl/sharedStrings.xml")) {
    if (auto ok = ParseXmlPart(**zip, "xl/sharedStrings.xml", shared); !ok) return ok.error();
  }
  TableBuilder builder(limits, "xlsx", "utf-8");
  Worksheet worksheet{limits, shared.strings, builder, std::nullopt, 0, {}, 0, {}, {}, false, false, false, false};
  if (auto ok = ParseXmlPart(**zip, sheet, worksheet); !ok) return ok.error();
  return std::move(builder).Finish();
}

}  // namespace wagelink::imports
