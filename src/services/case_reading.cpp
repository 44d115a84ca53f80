// Reading cases: the list and the whole case (case_reading.h).
#include "services/case_reading.h"

namespace wagelink::services {

Result<Page<store::CaseRow>> CaseReading::List(const Principal& who, const store::CaseFilter& filter, std::int64_t limit,
                                               std::int64_t offset) {
  auto scope = records_.ScopeOf(who);
  if (!scope) return scope.error();
  auto connection = records_.db().Acquire();
  store::CaseRepository cases(*connection);
  return Page<store::CaseRow>{cases.ListCases(*scope, filter, limit, offset), cases.CountCases(*scope, filter)};
}

Result<CaseDetail> CaseReading::Get(const Principal& who, std::int64_t case_id) {
  auto scope = records_.ScopeOf(who);
  if (!scope) return scope.error();
  auto connection = records_.db().Acquire();
  store::CaseRepository cases(*connection);
  auto row = CaseRecords::FindVisible(cases, *scope, case_id);
  if (!row) return row.error();
  return records_.LoadDetail(*connection, who, *row);
}

}  // namespace wagelink::services
