#pragma once
// The procuratorate's early interventions (提前介入, 人民检察院刑事诉讼规则 §256) as a worklist: the
// cases it has joined, newest first, each with where the intervention stands. The steps themselves
// (join, opinions, replies, ending) go through CaseSteps::TakeStep like every other step.
#include <cstdint>
#include <string>

#include "core/error.h"
#include "services/admin_service.h"
#include "services/principal.h"
#include "store/database.h"
#include "store/early_intervention_repository.h"

namespace wagelink::services {

struct EarlyInterventionItem {
  store::EarlyInterventionRow row;
  std::string stage = "none";  // domain::EarlyInterventionStage code: joined | ended
  std::int64_t opinions = 0;
  bool opinion_unanswered = false;
  std::string ground;  // domain::InterventionGround code of the latest join
};

class EarlyInterventionService {
 public:
  explicit EarlyInterventionService(store::Database& db) : db_(db) {}

  Result<Page<EarlyInterventionItem>> List(const Principal& who, std::int64_t limit, std::int64_t offset);

 private:
  store::Database& db_;
};

}  // namespace wagelink::services
