#include "imports/cell_values.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <vector>

namespace wagelink::imports {
namespace {

std::string Without(std::string_view text, std::initializer_list<std::string_view> drop) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    bool dropped = false;
    for (auto d : drop) {
      if (text.substr(i).starts_with(d)) {
        i += d.size();
        dropped = true;
        break;
      }
    }
    if (!dropped) out += text[i++];
  }
  return out;
}

// Splits "2025年3月5日 08:30" / "2025-03-05T08:30:00" into numbers; separators are any non-digits.
std::vector<long> Numbers(std::string_view text) {
  std::vector<long> out;
  long current = -1;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      current = (current < 0 ? 0 : current) * 10 + (c - '0');
      if (current > 100000) return {};
    } else if (current >= 0) {
      out.push_back(current);
      current = -1;
    }
  }
  if (current >= 0) out.push_back(current);
  return out;
}

// An Excel date serial: digits with an optional fraction, at most five integer digits (day 99999
// is in 2173), so that "20250305" is not mistaken for one.
bool IsExcelSerial(std::string_view text, double& serial) {
  auto dot = text.find('.');
  std::string_view whole = text.substr(0, dot);
  if (whole.empty() || whole.size() > 5 || whole.find_first_not_of("0123456789") != std::string_view::npos) return false;
  if (dot != std::string_view::npos && text.substr(dot + 1).find_first_not_of("0123456789") != std::string_view::npos) return false;
  serial = std::strtod(std::string(text).c_str(), nullptr);
  return serial >= 1;
}

Error BadDate(std::string_view field) {
  return InvalidField(field, "日期格式无法识别，应为 2025-03-05 或 2025年3月5日", "unrecognised date; use 2025-03-05");
}

}  // namespace

Result<domain::Fen> ParseAmountCell(std::string_view text, std::string_view field) {
  std::string plain = Without(text, {",", "，", "¥", "￥", "元", " "});
  if (plain.empty()) return InvalidField(field, "金额必填", "amount required");
  if (plain.find_first_of("eE") != std::string::npos) return InvalidField(field, "金额格式无效", "invalid amount");
  return domain::Fen::ParseYuan(plain, field);
}

Result<domain::Instant> ParseInstantCell(std::string_view text, std::string_view field) {
  if (text.empty()) return InvalidField(field, "日期必填", "date required");
  double serial = 0;
  if (IsExcelSerial(text, serial)) {
    auto days = static_cast<std::int64_t>(std::floor(serial));
    auto seconds = static_cast<int>(std::lround((serial - static_cast<double>(days)) * 86400.0));
    auto date = domain::CivilDate::FromDaysSinceEpoch(days - 25569);  // Excel day 25569 = 1970-01-01
    return domain::FromShanghai(date, seconds / 3600, seconds / 60 % 60, seconds % 60);
  }
  auto n = Numbers(text);
  if (n.size() != 3 && n.size() != 5 && n.size() != 6) return BadDate(field);
  auto date = domain::CivilDate::FromYmd(static_cast<int>(n[0]), static_cast<unsigned>(n[1]), static_cast<unsigned>(n[2]));
  if (!date || n[0] < 1900) return BadDate(field);
  int hour = n.size() > 3 ? static_cast<int>(n[3]) : 0, minute = n.size() > 3 ? static_cast<int>(n[4]) : 0;
  int second = n.size() > 5 ? static_cast<int>(n[5]) : 0;
  if (hour > 23 || minute > 59 || second > 59) return BadDate(field);
  return domain::FromShanghai(*date, hour, minute, second);
}

Result<std::string> ParseMonthCell(std::string_view text, std::string_view field) {
  double serial = 0;
  int year = 0;
  unsigned month = 0;
  auto n = Numbers(text);
  if (IsExcelSerial(text, serial)) {
    auto date = domain::CivilDate::FromDaysSinceEpoch(static_cast<std::int64_t>(std::floor(serial)) - 25569);
    year = static_cast<int>(date.year());
    month = static_cast<unsigned>(date.month());
  } else if (n.size() == 2 || n.size() == 3) {
    year = static_cast<int>(n[0]);
    month = static_cast<unsigned>(n[1]);
  } else {
    return InvalidField(field, "月份格式无法识别，应为 2025-03 或 2025年3月", "unrecognised month; use 2025-03");
  }
  if (year < 1900 || year > 9999 || month < 1 || month > 12) return InvalidField(field, "月份无效", "invalid month");
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02u", year, month);
  return std::string(buffer);
}

Result<std::int64_t> ParseCountCell(std::string_view text, std::string_view field) {
  std::string plain = Without(text, {"个月", "月", "人", " "});
  if (plain.ends_with(".0")) plain.resize(plain.size() - 2);
  std::int64_t value = 0;
  auto [end, ec] = std::from_chars(plain.data(), plain.data() + plain.size(), value);
  if (plain.empty() || ec != std::errc{} || end != plain.data() + plain.size() || value < 0) {
    return InvalidField(field, "应为非负整数", "must be a whole number ≥ 0");
  }
  return value;
}

Result<std::string> ParseEmployerKindCell(std::string_view text, std::string_view field) {
  if (text.empty()) return std::string("unit");
  for (auto [word, code] : {std::pair{"unit", "unit"}, {"individual", "individual"}, {"unqualified_contractor", "unqualified_contractor"},
                            {"单位", "unit"}, {"企业", "unit"}, {"公司", "unit"}, {"个体", "individual"}, {"个人", "individual"},
                            {"包工头", "unqualified_contractor"}, {"班组长", "unqualified_contractor"},
                            {"不具备用工主体资格", "unqualified_contractor"}}) {
    if (text.find(word) != std::string_view::npos) return std::string(code);
  }
  return InvalidField(field, "主体类型应为 单位、个人 或 包工头", "kind must be unit, individual or contractor");
}

Result<bool> ParseYesNoCell(std::string_view text, std::string_view field) {
  std::string word = Without(text, {" ", "\t"});
  for (auto& c : word) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  for (std::string_view yes : {"是", "y", "yes", "true", "1", "√", "✓"}) {
    if (word == yes) return true;
  }
  for (std::string_view no : {"否", "n", "no", "false", "0", "×", "✗"}) {
    if (word == no) return false;
  }
  return InvalidField(field, "应为 是 或 否", "must be yes or no");
}

Result<std::string> ParseAccountPurposeCell(std::string_view text, std::string_view field) {
  if (Without(text, {" ", "\t"}).empty()) return InvalidField(field, "用途不能为空", "the purpose is required");
  for (auto [word, code] : {std::pair{"labour_cost", "labour_cost"}, {"wage_payment", "wage_payment"}, {"other", "other"},
                            {"人工费", "labour_cost"}, {"工资", "wage_payment"}, {"代发", "wage_payment"}}) {
    if (text.find(word) != std::string_view::npos) return std::string(code);
  }
  return std::string("other");
}

std::string NormalisedIdentifierCell(std::string_view text) {
  std::string plain = Without(text, {" ", "-", "\t"});
  if (plain.starts_with("+86")) plain.erase(0, 3);
  for (auto& c : plain) {
    if (c == 'x') c = 'X';
  }
  return plain;
}

}  // namespace wagelink::imports
