#pragma once
// Why someone reveals a worker's full personal data: a reason from the list in
// data/reveal_reasons.json plus free text that says something ("test" or "...." does not).
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"

namespace wagelink::domain {

struct RevealReason {
  std::string code;
  std::string zh;
  std::string en;
};

// At least this many letters or Chinese characters in the free text.
inline constexpr std::size_t kMinPurposeLetters = 6;

// Parses data/reveal_reasons.json: {"reasons": [{"code", "zh", "en"}, ...]}, codes unique.
Result<std::vector<RevealReason>> ParseRevealReasons(std::string_view json);

// The free text must have kMinPurposeLetters letters or Chinese characters, at least three of
// them different, at most 500 bytes, and not be a placeholder such as "test" or "测试".
Status CheckRevealPurposeText(std::string_view text);

// The reason with `code`, or a validation error naming the field "reason".
Result<const RevealReason*> FindRevealReason(const std::vector<RevealReason>& reasons, std::string_view code);

}  // namespace wagelink::domain
