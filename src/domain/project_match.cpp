#include "domain/project_match.h"

#include <algorithm>
#include <cctype>

namespace wagelink::domain {
namespace {

// Names compare without spaces and full-width spaces: "城东物流园 仓储项目" is the same project.
std::string Squeezed(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (text.compare(i, 3, "\xE3\x80\x80") == 0) {  // U+3000
      i += 3;
    } else if (std::isspace(static_cast<unsigned char>(text[i]))) {
      ++i;
    } else {
      out += text[i++];
    }
  }
  return out;
}

std::string Upper(std::string code) {
  std::transform(code.begin(), code.end(), code.begin(), [](unsigned char c) { return std::toupper(c); });
  return code;
}

bool SharesUnit(const ProjectCandidate& project, const std::vector<std::string>& codes) {
  for (const auto& code : codes) {
    if (code.empty()) continue;
    for (const auto& own : project.credit_codes) {
      if (!own.empty() && Upper(own) == Upper(code)) return true;
    }
  }
  return false;
}

// The complainant's name for the project fits when either contains the other ("城东物流园" fits
// "城东物流园仓储项目").
bool NameFits(const std::string& registered, const std::string& given) {
  return !given.empty() && (registered.find(given) != std::string::npos || given.find(registered) != std::string::npos);
}

std::optional<std::int64_t> Only(const std::vector<std::int64_t>& ids) {
  if (ids.size() == 1) return ids.front();
  return std::nullopt;
}

}  // namespace

std::optional<std::int64_t> MatchRegisteredProject(std::span<const ProjectCandidate> candidates,
                                                   const ComplaintUnits& complaint) {
  const std::string given = Squeezed(complaint.project_name);
  std::vector<std::int64_t> by_unit, by_unit_and_name, by_exact_name;
  for (const auto& project : candidates) {
    const std::string name = Squeezed(project.name);
    const bool shares_unit = SharesUnit(project, complaint.credit_codes);
    if (shares_unit) by_unit.push_back(project.id);
    if (shares_unit && NameFits(name, given)) by_unit_and_name.push_back(project.id);
    if (!given.empty() && name == given) by_exact_name.push_back(project.id);
  }
  if (!given.empty()) {
    if (!by_unit_and_name.empty()) return Only(by_unit_and_name);
    if (by_unit.empty()) return Only(by_exact_name);
    return std::nullopt;  // a unit in common but another project's name: not this one
  }
  return Only(by_unit);
}

}  // namespace wagelink::domain
