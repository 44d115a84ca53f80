#include "domain/reveal_purpose.h"

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <set>

namespace wagelink::domain {
namespace {

Error PurposeError() {
  return MakeError(ErrorCode::kValidationFailed,
                   "请具体说明查看完整信息的用途（至少 " + std::to_string(kMinPurposeLetters) + " 个汉字或字母，不能是“测试”之类的占位文字）",
                   "State concretely why you need the full value (at least " + std::to_string(kMinPurposeLetters) +
                       " letters or Chinese characters; not a placeholder like \"test\")",
                   "purpose");
}

// Decodes UTF-8 leniently: a malformed byte counts as one non-letter code point.
std::vector<char32_t> CodePoints(std::string_view text) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    int length = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) {
      out.push_back(0xFFFD);
      ++i;
      continue;
    }
    char32_t cp = length == 1 ? c : c & (0xFF >> (length + 1));
    for (int k = 1; k < length; ++k) cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    out.push_back(cp);
    i += length;
  }
  return out;
}

bool IsLetter(char32_t cp) {
  return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= 0x3400 && cp <= 0x9FFF) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

char32_t Lower(char32_t cp) { return cp >= 'A' && cp <= 'Z' ? cp + ('a' - 'A') : cp; }

}  // namespace

Result<std::vector<RevealReason>> ParseRevealReasons(std::string_view json) {
  std::vector<RevealReason> out;
  std::set<std::string> codes;
  try {
    const boost::json::value document = boost::json::parse(json);
    for (const auto& item : document.at("reasons").as_array()) {
      const auto& o = item.as_object();
      RevealReason reason{std::string(o.at("code").as_string()), std::string(o.at("zh").as_string()),
                          std::string(o.at("en").as_string())};
      if (reason.code.empty() || reason.zh.empty() || !codes.insert(reason.code).second) {
        return MakeError(ErrorCode::kValidationFailed, "用途代码为空或重复：" + reason.code,
                         "empty or duplicate reason code: " + reason.code);
      }
      out.push_back(std::move(reason));
    }
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kValidationFailed, std::string("格式错误：") + e.what(), std::string("malformed: ") + e.what());
  }
  if (out.empty()) return MakeError(ErrorCode::kValidationFailed, "至少需要一个用途", "at least one reason is required");
  return out;
}

Status CheckRevealPurposeText(std::string_view text) {
  if (text.size() > 500) return PurposeError();
  std::u32string letters;
  for (char32_t cp : CodePoints(text)) {
    if (IsLetter(cp)) letters.push_back(Lower(cp));
  }
  std::set<char32_t> distinct(letters.begin(), letters.end());
  if (letters.size() < kMinPurposeLetters || distinct.size() < 3) return PurposeError();
  // Placeholders typed to get past the check, repeated or not.
  static const std::array<std::u32string, 8> kPlaceholders = {U"test", U"测试", U"asdf", U"qwer", U"abc",
                                                              U"查看", U"无", U"xxx"};
  for (const auto& placeholder : kPlaceholders) {
    std::u32string repeated;
    while (repeated.size() < letters.size()) repeated += placeholder;
    if (repeated == letters || (letters.rfind(placeholder, 0) == 0 && letters.size() <= placeholder.size() + 3)) {
      return PurposeError();
    }
  }
  return Ok{};
}

Result<const RevealReason*> FindRevealReason(const std::vector<RevealReason>& reasons, std::string_view code) {
  for (const auto& reason : reasons) {
    if (reason.code == code) return &reason;
  }
  return MakeError(ErrorCode::kValidationFailed, "请从列表中选择查看用途", "choose a reason from the list", "reason");
}

}  // namespace wagelink::domain
