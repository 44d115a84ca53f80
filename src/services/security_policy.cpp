#include "services/security_policy.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <map>

#include "security/roles.h"
#include "store/settings_repository.h"

namespace wagelink::services {
namespace {

constexpr std::string_view kSettingsKey = "security.policy";

struct IntField {
  const char* name;
  std::int64_t min;
  std::int64_t max;
};

}  // namespace

bool SecurityPolicy::RequiresSecondFactor(const std::vector<std::string>& role_codes) const {
  return std::any_of(role_codes.begin(), role_codes.end(), [this](const std::string& code) {
    return std::find(two_factor_required_roles.begin(), two_factor_required_roles.end(), code) !=
           two_factor_required_roles.end();
  });
}

boost::json::object SecurityPolicyToJson(const SecurityPolicy& p) {
  boost::json::array required;
  for (const auto& role : p.two_factor_required_roles) required.emplace_back(role);
  return {{"two_factor_required_roles", required},
          {"min_length", p.password.min_length},
          {"require_classes", p.password.min_character_classes},
          {"history_depth", p.password.history_depth},
          {"max_age_days", p.password.max_age_days},
          {"lockout_threshold", p.lockout_threshold},
          {"lockout_minutes", p.lockout_minutes},
          {"idle_timeout_minutes", p.idle_timeout_minutes},
          {"absolute_timeout_hours", p.absolute_timeout_hours}};
}

Result<SecurityPolicy> SecurityPolicyFromJson(const boost::json::object& json) {
  static constexpr IntField kFields[] = {
      {"min_length", 8, 64},          {"require_classes", 2, 4},      {"history_depth", 0, 24},
      {"max_age_days", 0, 365},       {"lockout_threshold", 3, 10},   {"lockout_minutes", 1, 1440},
      {"idle_timeout_minutes", 5, 120}, {"absolute_timeout_hours", 1, 24}};
  SecurityPolicy defaults;
  boost::json::object current = SecurityPolicyToJson(defaults);
  for (const auto& [key, value] : json) {
    bool known = key == "two_factor_required_roles";
    for (const auto& field : kFields) known = known || key == field.name;
    if (!known) {
      return MakeError(ErrorCode::kValidationFailed, std::string(key) + "：未知的策略项", std::string(key) + ": unknown policy field",
                       std::string(key));
    }
  }
  std::map<std::string, std::int64_t> v;
  for (const auto& field : kFields) {
    auto it = json.find(field.name);
    const boost::json::value& value = it == json.end() ? current.at(field.name) : it->value();
    std::int64_t number = value.is_int64() ? value.as_int64()
                          : value.is_uint64() && value.as_uint64() <= 1'000'000 ? static_cast<std::int64_t>(value.as_uint64())
                                                                               : field.min - 1;
    if (number < field.min || number > field.max) {
      auto range = std::to_string(field.min) + "–" + std::to_string(field.max);
      return MakeError(ErrorCode::kValidationFailed, std::string(field.name) + "：应为 " + range + " 之间的整数",
                       std::string(field.name) + ": must be an integer in " + range, field.name);
    }
    v[field.name] = number;
  }
  SecurityPolicy p;
  if (auto it = json.find("two_factor_required_roles"); it != json.end()) {
    auto invalid = [] {
      return MakeError(ErrorCode::kValidationFailed, "two_factor_required_roles：应为角色代码数组",
                       "two_factor_required_roles: must be an array of role codes", "two_factor_required_roles");
    };
    if (!it->value().is_array()) return invalid();
    p.two_factor_required_roles.clear();
    for (const auto& role : it->value().as_array()) {
      if (!role.is_string() || !security::ParseRole(role.as_string())) return invalid();
      std::string code(role.as_string());
      if (std::find(p.two_factor_required_roles.begin(), p.two_factor_required_roles.end(), code) ==
          p.two_factor_required_roles.end()) {
        p.two_factor_required_roles.push_back(std::move(code));
      }
    }
  }
  p.password.min_length = static_cast<std::size_t>(v["min_length"]);
  p.password.min_character_classes = static_cast<int>(v["require_classes"]);
  p.password.history_depth = static_cast<int>(v["history_depth"]);
  p.password.max_age_days = static_cast<int>(v["max_age_days"]);
  p.lockout_threshold = static_cast<int>(v["lockout_threshold"]);
  p.lockout_minutes = static_cast<int>(v["lockout_minutes"]);
  p.idle_timeout_minutes = static_cast<int>(v["idle_timeout_minutes"]);
  p.absolute_timeout_hours = static_cast<int>(v["absolute_timeout_hours"]);
  return p;
}

SecurityPolicy SecurityPolicyStore::Current(store::Connection& connection) {
  return *cached_.Get([&connection] {
    SecurityPolicy policy;
    if (auto text = store::SettingsRepository(connection).Get(kSettingsKey)) {
      boost::system::error_code ec;
      auto json = boost::json::parse(*text, ec);
      if (!ec && json.is_object()) {
        if (auto parsed = SecurityPolicyFromJson(json.as_object())) policy = *parsed;
      }
    }
    return policy;
  });
}

void SecurityPolicyStore::Save(store::Connection& connection, const SecurityPolicy& policy, const std::string& updated_by) {
  store::SettingsRepository(connection).Put(kSettingsKey, boost::json::serialize(SecurityPolicyToJson(policy)),
                                            FormatUtc(clock_.Now()), updated_by);
  cached_.Invalidate();  // re-read after the transaction commits
}

}  // namespace wagelink::services
