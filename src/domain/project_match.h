#pragma once
// Which registered construction project a complaint is about (issue 17: "a case created from a
// complaint about a registered project is linked automatically"). Pure. A project is about the
// complaint when one of the complaint's units — the employer or the general contractor, by 统一社会信用代码
// — is its 建设单位, 施工总承包单位 or a 分包单位. The project name the complainant gave decides
// between several such projects; without a unit in common, only a project of exactly that name
// matches. Anything ambiguous links nothing: a wrong link would put one project's warnings on
// another's case, while a missing one is a click for the handler.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace wagelink::domain {

struct ProjectCandidate {
  std::int64_t id = 0;
  std::string name;
  std::vector<std::string> credit_codes;  // builder, contractor, subcontractors
};

struct ComplaintUnits {
  std::vector<std::string> credit_codes;  // employer, general contractor (as entered)
  std::string project_name;               // as the complainant named it; may be empty
};

std::optional<std::int64_t> MatchRegisteredProject(std::span<const ProjectCandidate> candidates,
                                                   const ComplaintUnits& complaint);

}  // namespace wagelink::domain
