#pragma once
// The district's case rules that LEGAL.md leaves to the operator: which crime-threshold profile
// assessments use (with the operator's figures for a province the data leaves open, e.g. hebei),
// and whether the police decide on filing under the economic-crime rules (L11b: 3 → 10 → 30 days)
// or the general rule (L11: 3 days), and the operator's values for the time limits data/time_limits.json
// marks configurable (roll-over of the 310号令 day periods, the L03 order period, L04, L11b ...).
// The rules in force also carry the working-day calendar in force (data/ notices, the notices the
// administrator entered, the statutory fallback: calendar_service.h). Read on every case read and
// step, so it is cached (RefreshingSetting); changed only by a holder of settings.manage, audited.
#include <boost/json/object.hpp>
#include <memory>
#include <string>

#include "services/audit_trail.h"
#include "services/principal.h"
#include "services/reference_data.h"
#include "services/refreshing_setting.h"
#include "store/database.h"

namespace wagelink::services {

struct CaseRules {
  std::string threshold_profile;
  // 《公安机关办理经济犯罪案件的若干规定》§16 applies to the police's filing review: UNCONFIRMED
  // whether it does for 拒不支付劳动报酬 (it depends on which police unit handles the case).
  bool economic_crime_rules = false;
  boost::json::object threshold_overrides;  // {"hebei": {"per_worker_yuan": ..., ...}}
  // The reference catalog with the overrides merged in; what assessments decide with.
  std::shared_ptr<const domain::ThresholdCatalog> catalog;
  boost::json::object time_limit_overrides;  // {"L06": {"roll_over": false}, "L03": {"limit": 3}, ...}
  // data/time_limits.json with the overrides merged in; what new clocks are started with.
  std::shared_ptr<const domain::TimeLimitCatalog> time_limits;
  // The calendar in force: entered notices, then data/ notices, then the statutory fallback.
  std::shared_ptr<const domain::WorkCalendar> calendar;
};

class CaseRulesService {
 public:
  CaseRulesService(store::Database& db, const Clock& clock, const AuditTrail& audit,
                   std::shared_ptr<const ReferenceData> reference);

  // The rules in force, cached; callers already holding a connection pass it.
  std::shared_ptr<const CaseRules> Current(store::Connection& connection);
  std::shared_ptr<const CaseRules> Current();

  Result<boost::json::object> Get(const Principal& who);
  // Validates everything (unknown profile, a profile without figures, overrides outside the
  // national range, unknown fields) before writing anything.
  Result<boost::json::object> Update(const Principal& who, const boost::json::object& input);

  boost::json::object ToJson(const CaseRules& rules) const;
  // Drops the cached rules (after a holiday notice was entered on this instance).
  void Invalidate() { cached_.Invalidate(); }

 private:
  Result<CaseRules> Parse(const boost::json::object& input) const;
  Status ParseTimeLimitOverrides(const boost::json::object& input, CaseRules& rules) const;
  CaseRules Load(store::Connection& connection) const;

  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const ReferenceData> reference_;
  RefreshingSetting<CaseRules> cached_;
};

}  // namespace wagelink::services
