#include "domain/publication_rules.h"

namespace wagelink::domain {

bool IsDecidedForPublication(CaseState state) {
  switch (state) {
    case CaseState::kAdministrativeHandling:
    case CaseState::kTransferApproved:
    case CaseState::kTransferred:
    case CaseState::kPoliceReviewing:
    case CaseState::kMaterialsSupplement:
    case CaseState::kFilingRefused:
    case CaseState::kReconsideration:
    case CaseState::kSupervision:
    case CaseState::kPoliceInvestigating:
    case CaseState::kProsecutionReview:
    case CaseState::kTrial:
    case CaseState::kExecution:
    case CaseState::kClosedPaid:
    case CaseState::kClosedAdministrative:
      return true;
    default:
      return false;
  }
}

std::string QuarterLabel(CivilDate date) {
  return std::to_string(date.year()) + "Q" + std::to_string((date.month() - 1) / 3 + 1);
}

}  // namespace wagelink::domain
