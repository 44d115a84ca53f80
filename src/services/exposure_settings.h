#pragma once
// The district's exposure setting that LEGAL.md leaves open: the length of the 陈述申辩 period after the
// prior notice of a proposed listing (人社部令第45号; UNCONFIRMED, "about 5 working days" from memory).
// data/exposure_rules.json ships the default with its citation; the operator (settings.manage) confirms
// or changes it for the district, audited. Read on every lifecycle step, so it is cached
// (RefreshingSetting). The figure applied is stored on each listing when its notice is served, so a
// later change never moves a period already running.
#include <boost/json/object.hpp>
#include <memory>
#include <optional>
#include <string>

#include "domain/exposure_rules.h"
#include "services/audit_trail.h"
#include "services/principal.h"
#include "services/refreshing_setting.h"
#include "store/database.h"

namespace wagelink::services {

struct ExposureSetting {
  std::optional<int> defence_period_working_days;  // set by the district; nullopt = the shipped default
  std::string updated_at;                          // when the district set it
};

class ExposureSettingsService {
 public:
  ExposureSettingsService(store::Database& db, const Clock& clock, const AuditTrail& audit,
                          std::shared_ptr<const domain::ExposureRules> rules);

  // The shipped rules with the district's period in place: what the lifecycle decides with.
  domain::ExposureRules Effective(store::Connection& connection);
  const domain::ExposureRules& Shipped() const { return *rules_; }

  // Every signed-in user may read it (the exposure desk shows the period with its status tag).
  Result<boost::json::object> Get(const Principal& who);
  // {"defence_period_working_days": 1..60}; unknown fields are refused.
  Result<boost::json::object> Update(const Principal& who, const boost::json::object& input);

 private:
  ExposureSetting Load(store::Connection& connection) const;
  boost::json::object ToJson(const ExposureSetting& setting) const;

  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const domain::ExposureRules> rules_;
  RefreshingSetting<ExposureSetting> cached_;
};

// {value, status, confirmed, citation} of one figure of data/exposure_rules.json.
boost::json::object ExposureTermJson(const domain::ExposureTerm& term);

}  // namespace wagelink::services
