#include "domain/legal_source.h"

#include <array>
#include <utility>

namespace wagelink::domain {
namespace {

constexpr std::array<std::pair<SourceStatus, std::string_view>, 5> kStatusNames{{
    {SourceStatus::kConfirmed, "CONFIRMED"},
    {SourceStatus::kSecondary, "SECONDARY"},
    {SourceStatus::kLocal, "LOCAL"},
    {SourceStatus::kUnconfirmed, "UNCONFIRMED"},
    {SourceStatus::kPlatformSetting, "PLATFORM_SETTING"},
}};

}  // namespace

std::string_view SourceStatusName(SourceStatus status) {
  for (const auto& [value, name] : kStatusNames) {
    if (value == status) return name;
  }
  return "UNCONFIRMED";
}

std::optional<SourceStatus> ParseSourceStatus(std::string_view name) {
  for (const auto& [value, known] : kStatusNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

std::string CitationInWords(std::string_view citation) {
  constexpr std::string_view kSection = "\xC2\xA7";    // §
  constexpr std::string_view kParagraph = "\xC2\xB6";  // ¶
  std::string out;
  std::size_t i = 0;
  while (i < citation.size()) {
    const bool section = citation.substr(i, 2) == kSection;
    const bool paragraph = citation.substr(i, 2) == kParagraph;
    if (section || paragraph) {
      std::size_t j = i + 2;
      while (j < citation.size() && citation[j] >= '0' && citation[j] <= '9') ++j;
      if (j > i + 2) {
        out += "第";
        out += citation.substr(i + 2, j - i - 2);
        out += section ? "条" : "款";
        i = j;
        continue;
      }
    }
    out += citation[i];
    ++i;
  }
  return out;
}

}  // namespace wagelink::domain
