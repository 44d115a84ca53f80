#pragma once
// Money is integer 分 (fen) everywhere (ARCHITECTURE.md). Amounts arrive as yuan text or JSON numbers
// and are converted exactly here: no binary floating point ever touches an amount, so that 0.1 + 0.2
// style errors cannot move a case across a crime threshold that is tested with >= (刑法 §99).
#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/error.h"

namespace wagelink::domain {

class Fen {
 public:
  constexpr Fen() = default;
  static constexpr Fen FromFen(std::int64_t fen) { return Fen(fen); }
  // Whole yuan (reference data stores thresholds as integer yuan). Fails on overflow.
  static Result<Fen> FromYuan(std::int64_t yuan, std::string_view field = {});
  // Non-negative decimal yuan: digits, optionally '.' and 1–2 digits ("21300", "21300.5", "0.05").
  // Rejects signs, spaces, thousands separators, exponents, more than 2 decimals and overflow.
  static Result<Fen> ParseYuan(std::string_view text, std::string_view field = {});
  // A JSON number that is not an integer (e.g. 8100.5). Converted through its shortest exact decimal
  // spelling, so 8100.5 is exact and 1.005 (three decimals) is refused rather than rounded.
  static Result<Fen> FromYuanDouble(double yuan, std::string_view field = {});

  constexpr std::int64_t fen() const { return fen_; }
  // "186,400.00" for display and documents; "186400.00" for APIs and exports.
  std::string ToYuanGrouped() const;
  std::string ToYuanPlain() const;

  friend constexpr auto operator<=>(const Fen&, const Fen&) = default;
  friend constexpr bool operator==(const Fen&, const Fen&) = default;

 private:
  explicit constexpr Fen(std::int64_t fen) : fen_(fen) {}
  std::int64_t fen_ = 0;
};

// Sum or difference, or nullopt on int64 overflow (hostile input can carry huge amounts).
std::optional<Fen> CheckedAdd(Fen a, Fen b);
std::optional<Fen> CheckedSubtract(Fen a, Fen b);

}  // namespace wagelink::domain
