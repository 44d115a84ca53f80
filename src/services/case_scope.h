#pragma once
// Need-to-know (docs/security.md): the one scope through which everything tied to a case is read —
// the case itself, its blacklist listings and publications, the agenda and action items that name
// it, the access receipts of its personal data and the ledgers that export it.
#include <cstdint>

#include "core/error.h"
#include "services/principal.h"
#include "store/case_repository.h"
#include "store/database.h"

namespace wagelink::services {

// The cases `who` may read: refused without case-read permission or a data scope.
Result<store::CaseScope> CaseScopeOf(const Principal& who);

// Whether `scope` sees case `case_id`, inside the caller's connection.
bool SeesCase(store::Connection& connection, const store::CaseScope& scope, std::int64_t case_id);

}  // namespace wagelink::services
