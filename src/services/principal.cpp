#include "services/principal.h"

namespace wagelink::services {

std::string Principal::RoleCodes() const {
  std::string out;
  for (auto role : roles) {
    if (!out.empty()) out += ",";
    out += security::RoleCode(role);
  }
  return out;
}

Principal SystemActor(std::string request_id) {
  Principal p;
  p.username = "system";
  p.display_name = "系统";
  p.request_id = std::move(request_id);
  return p;
}

}  // namespace wagelink::services
