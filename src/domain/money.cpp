#include "domain/money.h"

#include <array>
#include <charconv>
#include <cmath>
#include <limits>

namespace wagelink::domain {
namespace {

constexpr std::int64_t kFenPerYuan = 100;

std::string Label(std::string_view field) {
  return field.empty() ? std::string("amount") : std::string(field);
}

Error AmountError(std::string_view field, std::string_view why_zh, std::string_view why_en) {
  const std::string label = Label(field);
  return MakeError(ErrorCode::kValidationFailed, label + "：金额" + std::string(why_zh),
                   label + ": amount " + std::string(why_en), std::string(field));
}

Error SyntaxError(std::string_view field) {
  return AmountError(field, "格式无效，应为不带符号的元金额，最多两位小数（如 21300 或 21300.50）",
                     "is not a valid yuan amount: unsigned, at most 2 decimals (e.g. 21300 or 21300.50)");
}

Error OverflowError(std::string_view field) {
  return AmountError(field, "过大", "is too large");
}

std::string FormatYuan(std::int64_t fen, bool grouped) {
  // Work in unsigned magnitude so that INT64_MIN formats without overflow.
  const bool negative = fen < 0;
  const std::uint64_t magnitude =
      negative ? static_cast<std::uint64_t>(-(fen + 1)) + 1 : static_cast<std::uint64_t>(fen);
  const std::uint64_t yuan = magnitude / kFenPerYuan;
  const auto cents = static_cast<unsigned>(magnitude % kFenPerYuan);

  std::string digits = std::to_string(yuan);
  std::string out;
  out.reserve(digits.size() + digits.size() / 3 + 4);
  if (negative) out.push_back('-');
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (grouped && i != 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  out.push_back('.');
  out.push_back(static_cast<char>('0' + cents / 10));
  out.push_back(static_cast<char>('0' + cents % 10));
  return out;
}

}  // namespace

Result<Fen> Fen::FromYuan(std::int64_t yuan, std::string_view field) {
  if (yuan > std::numeric_limits<std::int64_t>::max() / kFenPerYuan ||
      yuan < std::numeric_limits<std::int64_t>::min() / kFenPerYuan) {
    return OverflowError(field);
  }
  return Fen(yuan * kFenPerYuan);
}

Result<Fen> Fen::ParseYuan(std::string_view text, std::string_view field) {
  const std::size_t dot = text.find('.');
  const std::string_view whole = text.substr(0, dot);
  const std::string_view fraction = dot == std::string_view::npos ? std::string_view() : text.substr(dot + 1);
  if (whole.empty() || (dot != std::string_view::npos && (fraction.empty() || fraction.size() > 2))) {
    return SyntaxError(field);
  }
  std::int64_t fen = 0;
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  for (const char c : whole) {
    if (c < '0' || c > '9') return SyntaxError(field);
    if (fen > (kMax - (c - '0')) / 10) return OverflowError(field);
    fen = fen * 10 + (c - '0');
  }
  if (fen > kMax / kFenPerYuan) return OverflowError(field);
  fen *= kFenPerYuan;
  std::int64_t cents = 0;
  for (std::size_t i = 0; i < 2; ++i) {
    const char c = i < fraction.size() ? fraction[i] : '0';
    if (c < '0' || c > '9') return SyntaxError(field);
    cents = cents * 10 + (c - '0');
  }
  if (fen > kMax - cents) return OverflowError(field);
  return Fen(fen + cents);
}

Result<Fen> Fen::FromYuanDouble(double yuan, std::string_view field) {
  if (!std::isfinite(yuan)) return SyntaxError(field);
  if (std::signbit(yuan)) {
    return AmountError(field, "不能为负数", "must not be negative");
  }
  // Anything at or above 2^63 fen cannot be represented; refuse before formatting 300-digit numbers.
  if (yuan >= 9.2e16) return OverflowError(field);
  // Shortest fixed-notation spelling that round-trips: 8100.5 -> "8100.5", 1e8 -> "100000000".
  std::array<char, 64> buffer{};
  const auto [end, ec] = std::to_chars(buffer.data(), buffer.data() + buffer.size(), yuan, std::chars_format::fixed);
  if (ec != std::errc()) return SyntaxError(field);
  return ParseYuan(std::string_view(buffer.data(), static_cast<std::size_t>(end - buffer.data())), field);
}

std::string Fen::ToYuanGrouped() const {
  return FormatYuan(fen_, true);
}
std::string Fen::ToYuanPlain() const {
  return FormatYuan(fen_, false);
}

std::optional<Fen> CheckedAdd(Fen a, Fen b) {
  std::int64_t sum = 0;
  if (__builtin_add_overflow(a.fen(), b.fen(), &sum)) return std::nullopt;
  return Fen::FromFen(sum);
}

std::optional<Fen> CheckedSubtract(Fen a, Fen b) {
  std::int64_t difference = 0;
  if (__builtin_sub_overflow(a.fen(), b.fen(), &difference)) return std::nullopt;
  return Fen::FromFen(difference);
}

}  // namespace wagelink::domain
