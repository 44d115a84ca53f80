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

}  // namespace wagelink::domain
