#include "services/early_intervention_service.h"

#include <boost/json/parse.hpp>

#include "domain/case_machine.h"
#include "services/case_progress_codec.h"

namespace wagelink::services {
namespace {

std::string GroundOf(const std::string& payload) {
  boost::system::error_code ec;
  auto value = boost::json::parse(payload, ec);
  if (ec || !value.is_object()) return {};
  const auto* ground = value.as_object().if_contains("ground");
  return ground && ground->is_string() ? std::string(ground->as_string()) : std::string{};
}

}  // namespace

Result<Page<EarlyInterventionItem>> EarlyInterventionService::List(const Principal& who, std::int64_t limit,
                                                                   std::int64_t offset) {
  if (!who.Can(security::Permission::kCaseRead)) return Forbidden(security::Permission::kCaseRead);
  const auto scope = who.scope();
  if (scope.kind == security::DataScope::Kind::kNone) return Forbidden(security::Permission::kCaseRead);
  const store::CaseScope case_scope{scope.kind == security::DataScope::Kind::kAllInRegion, who.body_code};

  auto connection = db_.Acquire();
  store::EarlyInterventionRepository interventions(*connection);
  Page<EarlyInterventionItem> page;
  page.total = interventions.Count(case_scope);
  for (auto& row : interventions.List(case_scope, limit, offset)) {
    EarlyInterventionItem item;
    auto progress = ProgressFromJson(row.progress);
    if (!progress) return progress.error();
    item.stage = std::string(domain::EarlyInterventionStageCode(progress->early_intervention));
    item.opinions = static_cast<std::int64_t>(progress->intervention_opinions);
    item.opinion_unanswered = progress->intervention_opinion_unanswered;
    item.ground = GroundOf(row.join_payload);
    item.row = std::move(row);
    page.items.push_back(std::move(item));
  }
  return page;
}

}  // namespace wagelink::services
