#pragma once
// Which spreadsheet column holds which field. The server proposes a mapping from the header names
// (the Chinese words bodies and the national clue platform use, and their common variants); the
// person confirms or corrects it before any row is validated.
#include <map>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace wagelink::imports {

// The first three are cases and parties (labour inspection); the last three are a registered
// project's monthly feeds (docs/supervision.md): 实名制考勤, 工资支付表 and 专用账户流水.
enum class ImportKind { kComplaints, kRoster, kEmployers, kAttendance, kPayroll, kAccount };
bool IsProjectFeed(ImportKind kind);
std::optional<ImportKind> ParseImportKind(std::string_view code);
std::string_view ImportKindCode(ImportKind kind);

struct FieldSpec {
  std::string_view key;
  std::string_view label_zh;
  std::string_view label_en;
  bool required;
  std::vector<std::string_view> synonyms;  // header words, most specific first
};

std::span<const FieldSpec> FieldsOf(ImportKind kind);

// field key → zero-based column index
using ColumnMapping = std::map<std::string, std::size_t>;

// A proposal from the header: each field at most one column, each column at most one field; an
// exact header match beats a header that merely contains a synonym, a longer synonym a shorter.
ColumnMapping ProposeMapping(ImportKind kind, const std::vector<std::string>& header);

// Checks a mapping a person sent: known fields, columns inside the header, no column used twice,
// every required field present. Errors name the field ("mapping.<field>").
Status CheckMapping(ImportKind kind, const ColumnMapping& mapping, std::size_t columns);

}  // namespace wagelink::imports
