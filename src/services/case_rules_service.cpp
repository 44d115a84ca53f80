#include "services/case_rules_service.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "services/admin_service.h"
#include "services/calendar_service.h"
#include "store/settings_repository.h"

namespace wagelink::services {
namespace {

constexpr std::string_view kSettingsKey = "case.rules";
constexpr UnixSeconds kRefreshSeconds = 30;

boost::json::value YuanOrNull(const std::optional<domain::Fen>& amount) {
  if (!amount) return nullptr;
  return boost::json::value(amount->ToYuanPlain());
}

boost::json::object ProfileJson(const domain::ThresholdProfile& p) {
  return {{"id", p.id},
          {"name_zh", p.name_zh},
          {"name_en", p.name_en},
          {"per_worker_yuan", YuanOrNull(p.per_worker)},
          {"aggregate_yuan", YuanOrNull(p.aggregate)},
          {"min_workers_aggregate", p.min_workers_aggregate},
          {"min_months_per_worker", p.min_months_per_worker},
          {"document", p.document},
          {"source_url", p.source_url},
          {"status", domain::SourceStatusName(p.status)},
          {"note", p.note},
          {"configured", p.configured}};
}

// Every configurable time limit: its data value, the value in force, what may change and its status
// tag (the UI shows it next to the rule: only CONFIRMED/SECONDARY values are law).
boost::json::array TimeLimitsJson(const domain::TimeLimitCatalog& data, const domain::TimeLimitCatalog& in_force) {
  boost::json::array out;
  const auto value_of = [](const domain::TimeLimitRule& rule) {
    return boost::json::object{{"limit", rule.limit ? boost::json::value(*rule.limit) : boost::json::value(nullptr)},
                               {"unit", domain::TimeUnitName(rule.unit)},
                               {"roll_over", rule.roll_over}};
  };
  for (const auto& rule : in_force.rules()) {
    if (!rule.configurable) continue;
    const domain::TimeLimitRule* original = data.Find(rule.id);
    boost::json::array fields;
    if (rule.limit_configurable) fields.emplace_back("limit");
    if (rule.unit_configurable) fields.emplace_back("unit");
    if (rule.roll_over_configurable) fields.emplace_back("roll_over");
    out.push_back({{"id", rule.id},
                   {"action_zh", rule.action_zh},
                   {"action_en", rule.action_en},
                   {"citation", rule.citation},
                   {"status", domain::SourceStatusName(rule.status)},
                   {"roll_over_citation", rule.roll_over_citation},
                   {"roll_over_status", domain::SourceStatusName(rule.roll_over_status)},
                   {"configurable_fields", std::move(fields)},
                   {"default", original ? value_of(*original) : value_of(rule)},
                   {"in_force", value_of(rule)},
                   {"note", rule.note}});
  }
  return out;
}

}  // namespace

CaseRulesService::CaseRulesService(store::Database& db, const Clock& clock, const AuditTrail& audit,
                                   std::shared_ptr<const ReferenceData> reference)
    : db_(db), clock_(clock), audit_(audit), reference_(std::move(reference)), cached_(clock, kRefreshSeconds) {}

Result<CaseRules> CaseRulesService::Parse(const boost::json::object& input) const {
  for (const auto& [key, value] : input) {
    if (key != "threshold_profile" && key != "economic_crime_rules" && key != "threshold_overrides" &&
        key != "time_limit_overrides") {
      return InvalidField(key, "未知的设置项", "unknown setting");
    }
  }
  CaseRules rules;
  rules.threshold_profile = reference_->default_profile;
  if (auto it = input.find("threshold_profile"); it != input.end()) {
    if (!it->value().is_string()) return InvalidField("threshold_profile", "应为数额标准编号", "must be a profile id");
    rules.threshold_profile = std::string(it->value().as_string());
  }
  if (auto it = input.find("economic_crime_rules"); it != input.end()) {
    if (!it->value().is_bool()) return InvalidField("economic_crime_rules", "应为 true 或 false", "must be true or false");
    rules.economic_crime_rules = it->value().as_bool();
  }
  auto catalog = std::make_shared<domain::ThresholdCatalog>(reference_->thresholds);
  if (auto it = input.find("threshold_overrides"); it != input.end()) {
    if (!it->value().is_object()) {
      return InvalidField("threshold_overrides", "应为对象，键为数额标准编号", "must be an object keyed by profile id");
    }
    rules.threshold_overrides = it->value().as_object();
    if (!rules.threshold_overrides.empty()) {
      auto merged = reference_->thresholds.WithOverrides(boost::json::serialize(rules.threshold_overrides));
      if (!merged) {
        Error error = merged.error();
        error.field = "threshold_overrides" + (error.field.empty() ? "" : "." + error.field);
        return error;
      }
      *catalog = std::move(*merged);
    }
  }
  const domain::ThresholdProfile* profile = catalog->Find(rules.threshold_profile);
  if (!profile) {
    return InvalidField("threshold_profile", "没有编号为 " + rules.threshold_profile + " 的数额标准",
                        "no threshold profile " + rules.threshold_profile);
  }
  rules.catalog = std::move(catalog);
  if (auto ok = ParseTimeLimitOverrides(input, rules); !ok) return ok.error();
  rules.calendar = std::make_shared<const domain::WorkCalendar>(reference_->calendar);
  return rules;
}

Status CaseRulesService::ParseTimeLimitOverrides(const boost::json::object& input, CaseRules& rules) const {
  auto catalog = std::make_shared<domain::TimeLimitCatalog>(reference_->time_limits);
  if (auto it = input.find("time_limit_overrides"); it != input.end()) {
    if (!it->value().is_object()) {
      return InvalidField("time_limit_overrides", "应为对象，键为期限规则编号", "must be an object keyed by rule id");
    }
    rules.time_limit_overrides = it->value().as_object();
    // A rule set back to its data value is no override: drop empty entries so the list stays honest.
    for (auto entry = rules.time_limit_overrides.begin(); entry != rules.time_limit_overrides.end();) {
      if (entry->value().is_object() && entry->value().as_object().empty()) {
        entry = rules.time_limit_overrides.erase(entry);
      } else {
        ++entry;
      }
    }
    if (!rules.time_limit_overrides.empty()) {
      auto merged = reference_->time_limits.WithOverrides(boost::json::serialize(rules.time_limit_overrides));
      if (!merged) {
        Error error = merged.error();
        error.field = "time_limit_overrides" + (error.field.empty() ? "" : "." + error.field);
        return error;
      }
      *catalog = std::move(*merged);
    }
  }
  rules.time_limits = std::move(catalog);
  return Ok{};
}

CaseRules CaseRulesService::Load(store::Connection& connection) const {
  CaseRules rules = [&] {
    if (auto text = store::SettingsRepository(connection).Get(kSettingsKey)) {
      boost::system::error_code ec;
      auto json = boost::json::parse(*text, ec);
      if (!ec && json.is_object()) {
        if (auto parsed = Parse(json.as_object())) return std::move(*parsed);
      }
    }
    // Nothing saved (or saved under reference data that has since changed): the shipped defaults.
    auto defaults = Parse({});
    return std::move(*defaults);
  }();
  rules.calendar = LoadCalendarInForce(connection, *reference_);
  return rules;
}

std::shared_ptr<const CaseRules> CaseRulesService::Current(store::Connection& connection) {
  return cached_.Get([&] { return Load(connection); });
}

std::shared_ptr<const CaseRules> CaseRulesService::Current() {
  auto connection = db_.Acquire();
  return Current(*connection);
}

boost::json::object CaseRulesService::ToJson(const CaseRules& rules) const {
  boost::json::array profiles;
  for (const auto& p : rules.catalog->profiles()) profiles.push_back(ProfileJson(p));
  return {{"threshold_profile", rules.threshold_profile},
          {"economic_crime_rules", rules.economic_crime_rules},
          {"economic_crime_rules_basis",
           {{"citation", "《公安机关办理经济犯罪案件的若干规定》§16"},
            {"status", "UNCONFIRMED"},
            {"note_zh", "拒不支付劳动报酬案件是否适用经济犯罪案件规定，取决于由治安还是经侦部门办理，须由运营方按本地实际配置。"
                        "适用时公安立案审查期限为 3 日，可延长至 10 日、30 日；否则为 3 日。"},
            {"note_en", "Whether refusal-to-pay cases fall under the economic-crime rules depends on which police unit "
                        "handles them; the operator sets it. If they do, the filing review is 3 days, extendable to 10 "
                        "and 30; otherwise 3 days."}}},
          {"threshold_overrides", rules.threshold_overrides},
          {"time_limit_overrides", rules.time_limit_overrides},
          {"time_limits", TimeLimitsJson(reference_->time_limits, *rules.time_limits)},
          {"default_profile", reference_->default_profile},
          {"profiles", profiles}};
}

Result<boost::json::object> CaseRulesService::Get(const Principal& who) {
  // Every signed-in user may read the rules: case pages show which profile decided an assessment.
  (void)who;
  return ToJson(*Current());
}

Result<boost::json::object> CaseRulesService::Update(const Principal& who, const boost::json::object& input) {
  if (!who.Can(security::Permission::kSettingsManage)) return Forbidden(security::Permission::kSettingsManage);
  auto rules = Parse(input);
  if (!rules) return rules.error();
  auto connection = db_.Acquire();
  auto before = Load(*connection);
  boost::json::object stored{{"threshold_profile", rules->threshold_profile},
                             {"economic_crime_rules", rules->economic_crime_rules},
                             {"threshold_overrides", rules->threshold_overrides},
                             {"time_limit_overrides", rules->time_limit_overrides}};
  store::Transaction tx(*connection);
  store::SettingsRepository(*connection).Put(kSettingsKey, boost::json::serialize(stored), FormatUtc(clock_.Now()),
                                             who.username);
  audit_.Append(*connection, who, "settings.case_rules_change", {"settings", std::string(kSettingsKey)},
                boost::json::object{{"threshold_profile", before.threshold_profile},
                                    {"economic_crime_rules", before.economic_crime_rules},
                                    {"threshold_overrides", before.threshold_overrides},
                                    {"time_limit_overrides", before.time_limit_overrides}},
                stored);
  tx.Commit();
  cached_.Invalidate();
  return ToJson(*rules);
}

}  // namespace wagelink::services
