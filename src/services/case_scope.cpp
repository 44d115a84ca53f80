#include "services/case_scope.h"

#include "services/admin_service.h"

namespace wagelink::services {

Result<store::CaseScope> CaseScopeOf(const Principal& who) {
  using security::Permission;
  if (!who.Can(Permission::kCaseRead)) return Forbidden(Permission::kCaseRead);
  auto scope = who.scope();
  if (scope.kind == security::DataScope::Kind::kNone) return Forbidden(Permission::kCaseRead);
  return store::CaseScope{scope.kind == security::DataScope::Kind::kAllInRegion, who.body_code};
}

bool SeesCase(store::Connection& connection, const store::CaseScope& scope, std::int64_t case_id) {
  return scope.all_in_region || store::CaseRepository(connection).FindCase(case_id, scope).has_value();
}

}  // namespace wagelink::services
