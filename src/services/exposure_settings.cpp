#include "services/exposure_settings.h"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "services/admin_service.h"
#include "store/settings_repository.h"

namespace wagelink::services {
namespace {

constexpr std::string_view kSettingsKey = "exposure.rules";
constexpr UnixSeconds kRefreshSeconds = 30;
constexpr int kMaxDefenceDays = 60;  // the range data/exposure_rules.json accepts too

}  // namespace

boost::json::object ExposureTermJson(const domain::ExposureTerm& term) {
  return {{"value", term.value},
          {"status", domain::SourceStatusName(term.status)},
          {"confirmed", term.status == domain::SourceStatus::kConfirmed},
          {"citation", term.citation}};
}

ExposureSettingsService::ExposureSettingsService(store::Database& db, const Clock& clock, const AuditTrail& audit,
                                                 std::shared_ptr<const domain::ExposureRules> rules)
    : db_(db), clock_(clock), audit_(audit), rules_(std::move(rules)), cached_(clock, kRefreshSeconds) {}

ExposureSetting ExposureSettingsService::Load(store::Connection& connection) const {
  ExposureSetting setting;
  auto text = store::SettingsRepository(connection).Get(kSettingsKey);
  if (!text) return setting;
  boost::system::error_code ec;
  auto json = boost::json::parse(*text, ec);
  if (ec || !json.is_object()) return setting;
  const auto& o = json.as_object();
  if (const auto* days = o.if_contains("defence_period_working_days"); days && days->is_int64()) {
    const auto value = days->as_int64();
    if (value >= 1 && value <= kMaxDefenceDays) setting.defence_period_working_days = static_cast<int>(value);
  }
  if (const auto* at = o.if_contains("updated_at"); at && at->is_string()) setting.updated_at = at->as_string();
  return setting;
}

domain::ExposureRules ExposureSettingsService::Effective(store::Connection& connection) {
  auto setting = cached_.Get([&] { return Load(connection); });
  domain::ExposureRules rules = *rules_;
  if (setting->defence_period_working_days) rules.defence_period_working_days.value = *setting->defence_period_working_days;
  return rules;
}

boost::json::object ExposureSettingsService::ToJson(const ExposureSetting& setting) const {
  const auto& shipped = rules_->defence_period_working_days;
  auto defence = ExposureTermJson(shipped);
  defence["value"] = setting.defence_period_working_days.value_or(shipped.value);
  defence["default"] = shipped.value;
  defence["unit"] = "working_days";
  defence["set_by_district"] = setting.defence_period_working_days.has_value();
  defence["updated_at"] = setting.updated_at.empty() ? boost::json::value(nullptr) : boost::json::value(setting.updated_at);
  return {{"defence_period_working_days", defence},
          {"decision_deadline_working_days", ExposureTermJson(rules_->decision_deadline_working_days)},
          {"listing_term_years", ExposureTermJson(rules_->listing_term_years)}};
}

Result<boost::json::object> ExposureSettingsService::Get(const Principal& who) {
  (void)who;
  auto connection = db_.Acquire();
  return ToJson(*cached_.Get([&] { return Load(*connection); }));
}

Result<boost::json::object> ExposureSettingsService::Update(const Principal& who, const boost::json::object& input) {
  if (!who.Can(security::Permission::kSettingsManage)) return Forbidden(security::Permission::kSettingsManage);
  for (const auto& [key, value] : input) {
    if (key != "defence_period_working_days") return InvalidField(key, "未知的设置项", "unknown setting");
  }
  const auto* days = input.if_contains("defence_period_working_days");
  if (!days) return InvalidField("defence_period_working_days", "不能为空", "is required");
  if (!days->is_int64() || days->as_int64() < 1 || days->as_int64() > kMaxDefenceDays) {
    return InvalidField("defence_period_working_days", "应为 1 至 60 个工作日", "must be 1 to 60 working days");
  }
  auto connection = db_.Acquire();
  const ExposureSetting before = Load(*connection);
  ExposureSetting after{static_cast<int>(days->as_int64()), FormatUtc(clock_.Now())};
  const boost::json::object stored{{"defence_period_working_days", *after.defence_period_working_days},
                                   {"updated_at", after.updated_at}};
  store::Transaction tx(*connection);
  store::SettingsRepository(*connection).Put(kSettingsKey, boost::json::serialize(stored), after.updated_at, who.username);
  audit_.Append(*connection, who, "settings.exposure_rules_change", {"settings", std::string(kSettingsKey)},
                boost::json::object{{"defence_period_working_days",
                                     before.defence_period_working_days.value_or(rules_->defence_period_working_days.value)}},
                stored);
  tx.Commit();
  cached_.Invalidate();
  return ToJson(after);
}

}  // namespace wagelink::services
