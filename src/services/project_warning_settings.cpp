// The district's thresholds of the project warning rules (project_service.h): stored in the
// settings table, cached for 30 s so several instances converge, applied over the shipped grades.
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "core/log_event.h"
#include "services/admin_service.h"
#include "services/project_service.h"
#include "store/settings_repository.h"

namespace wagelink::services {
namespace {

constexpr std::string_view kSettingsKey = "project_warning.thresholds";

boost::json::object ThresholdsJson(const std::map<std::string, std::vector<std::int64_t>>& thresholds) {
  boost::json::object out;
  for (const auto& [id, values] : thresholds) {
    boost::json::array list;
    for (auto v : values) list.push_back(v);
    out[id] = std::move(list);
  }
  return out;
}

// {"PW-…": [n, …]} → the map; refuses anything else, naming the field.
Result<std::map<std::string, std::vector<std::int64_t>>> ReadThresholds(const boost::json::value& value) {
  if (!value.is_object()) return InvalidField("thresholds", "应为对象", "must be an object");
  std::map<std::string, std::vector<std::int64_t>> out;
  for (const auto& [id, grades] : value.as_object()) {
    const std::string field = "thresholds." + std::string(id).substr(0, 64);
    if (!grades.is_array() || grades.as_array().size() > 10) return InvalidField(field, "应为阈值数组", "must be an array of thresholds");
    auto& list = out[std::string(id)];
    for (const auto& g : grades.as_array()) {
      if (!g.is_int64()) return InvalidField(field, "阈值应为整数", "thresholds must be integers");
      list.push_back(g.as_int64());
    }
  }
  return out;
}

}  // namespace

DistrictWarningRules ProjectService::LoadDistrict(store::Connection& c) const {
  DistrictWarningRules district{rules_, {}, "", ""};
  auto text = store::SettingsRepository(c).Get(kSettingsKey);
  if (!text) return district;
  boost::system::error_code ec;
  auto json = boost::json::parse(*text, ec);
  if (ec || !json.is_object() || !json.as_object().contains("thresholds")) return district;
  auto thresholds = ReadThresholds(json.as_object().at("thresholds"));
  auto applied = thresholds ? rules_->WithThresholds(*thresholds) : Result<domain::ProjectWarningRuleSet>(thresholds.error());
  if (!applied) {
    // A data release may have changed a rule's grades: the shipped ones apply until the district sets them again.
    LogEvent(spdlog::level::warn, "project_warning_thresholds_ignored", {{"error", applied.error().message_en}});
    return district;
  }
  district.rules = std::make_shared<const domain::ProjectWarningRuleSet>(std::move(applied.value()));
  district.thresholds = *thresholds;
  if (const auto* at = json.as_object().if_contains("updated_at"); at && at->is_string()) district.updated_at = at->as_string();
  if (const auto* by = json.as_object().if_contains("updated_by_name"); by && by->is_string()) {
    district.updated_by_name = by->as_string();
  }
  return district;
}

std::shared_ptr<const DistrictWarningRules> ProjectService::District(store::Connection& c) {
  return district_rules_.Get([&] { return LoadDistrict(c); });
}

Result<boost::json::object> ProjectService::Rules(const Principal& who) {
  if (!who.Can(security::Permission::kRiskRead) && !who.Can(security::Permission::kSettingsManage)) {
    return Forbidden(security::Permission::kRiskRead);
  }
  auto connection = db_.Acquire();
  const auto district = District(*connection);
  const auto& effective = *district->rules;
  boost::json::array levels;
  for (const auto& l : effective.levels()) levels.push_back({{"code", l.code}, {"zh", l.zh}, {"en", l.en}});
  boost::json::array list;
  for (std::size_t r = 0; r < effective.rules().size(); ++r) {
    const auto& rule = effective.rules()[r];
    const auto& shipped = rules_->rules()[r];
    boost::json::array grades;
    for (std::size_t g = 0; g < rule.grades.size(); ++g) {
      const auto& level = effective.levels()[rule.grades[g].level];
      grades.push_back({{"level", level.code}, {"level_zh", level.zh}, {"level_en", level.en},
                        {"at_least", rule.grades[g].at_least}, {"default", shipped.grades[g].at_least}});
    }
    list.push_back({{"id", rule.id}, {"zh", rule.zh}, {"en", rule.en}, {"basis", rule.basis},
                    {"basis_en", rule.basis_en}, {"source_status", rule.status}, {"threshold_basis", rule.threshold_basis},
                    {"threshold_basis_en", rule.threshold_basis_en},
                    {"threshold_status", rule.threshold_status}, {"grades", grades},
                    {"set_by_district", district->thresholds.contains(rule.id)}});
  }
  return boost::json::object{{"levels", levels},
                             {"rules", list},
                             {"updated_at", district->updated_at.empty() ? boost::json::value(nullptr)
                                                                         : boost::json::value(district->updated_at)},
                             {"updated_by_name", district->updated_by_name}};
}

Result<boost::json::object> ProjectService::SetThresholds(const Principal& who, const boost::json::object& input) {
  if (!who.Can(security::Permission::kSettingsManage)) return Forbidden(security::Permission::kSettingsManage);
  for (const auto& [key, value] : input) {
    if (key != "thresholds") return InvalidField(key, "未知的设置项", "unknown setting");
  }
  const auto* value = input.if_contains("thresholds");
  if (!value) return InvalidField("thresholds", "不能为空", "is required");
  auto thresholds = ReadThresholds(*value);
  if (!thresholds) return thresholds.error();
  if (auto applied = rules_->WithThresholds(*thresholds); !applied) return applied.error();
  auto connection = db_.Acquire();
  const auto before = LoadDistrict(*connection);
  const std::string now = FormatUtc(clock_.Now());
  const boost::json::object stored{{"thresholds", ThresholdsJson(*thresholds)}, {"updated_at", now},
                                   {"updated_by_name", who.display_name}};
  store::Transaction tx(*connection);
  store::SettingsRepository(*connection).Put(kSettingsKey, boost::json::serialize(stored), now, who.username);
  audit_.Append(*connection, who, "settings.project_warning_thresholds_change", {"settings", std::string(kSettingsKey)},
                boost::json::object{{"thresholds", ThresholdsJson(before.thresholds)}}, stored);
  tx.Commit();
  district_rules_.Invalidate();
  return Rules(who);
}

}  // namespace wagelink::services
