#include "services/read_your_writes.h"

#include <algorithm>

namespace wagelink::services {

bool ReadYourWrites::IsPosition(std::string_view text) {
  const auto slash = text.find('/');
  if (slash == std::string_view::npos) return false;
  const auto hex_part = [](std::string_view part) {
    return !part.empty() && part.size() <= 8 &&
           std::all_of(part.begin(), part.end(), [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'); });
  };
  return hex_part(text.substr(0, slash)) && hex_part(text.substr(slash + 1));
}

}  // namespace wagelink::services
