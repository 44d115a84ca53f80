#include "services/demo_district.h"

#include <boost/json/parse.hpp>
#include <boost/json/value.hpp>

#include "security/tokens.h"
#include "store/identity_repository.h"

namespace wagelink::services {
namespace {

Error Malformed(const std::string& what) {
  return MakeError(ErrorCode::kValidationFailed, "辖区数据文件格式错误：" + what, "district file malformed: " + what,
                   "district");
}

std::string Str(const boost::json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end() || !it->value().is_string()) throw std::invalid_argument(std::string(key));
  return std::string(it->value().as_string());
}

}  // namespace

Result<SeedReport> SeedDistrict(store::Database& db, std::string_view district_json, const Clock& clock,
                                FirstPasswords passwords, security::Argon2Cost cost) {
  boost::system::error_code ec;
  auto parsed = boost::json::parse(district_json, ec);
  if (ec || !parsed.is_object()) return Malformed(ec ? ec.message() : "not an object");
  const auto& root = parsed.as_object();
  const std::string now = FormatUtc(clock.Now());
  SeedReport report;
  try {
    auto connection = db.Acquire();
    store::Transaction tx(*connection);
    store::IdentityRepository identity(*connection);

    const auto& region = root.at("region").as_object();
    auto region_row = identity.FindBody(Str(region, "code"));
    std::int64_t region_id;
    if (region_row) {
      region_id = region_row->id;
    } else {
      region_id = identity.InsertBody({0, Str(region, "code"), std::nullopt, "region", Str(region, "name_zh"),
                                       Str(region, "name_en")}, now);
      ++report.bodies_created;
    }
    for (const auto& item : root.at("bodies").as_array()) {
      const auto& body = item.as_object();
      if (identity.FindBody(Str(body, "code"))) continue;
      identity.InsertBody({0, Str(body, "code"), region_id, "body", Str(body, "name_zh"), Str(body, "name_en")}, now);
      ++report.bodies_created;
    }
    for (const auto& item : root.at("liaisons").as_array()) {
      const auto& liaison = item.as_object();
      auto body = identity.FindBody(Str(liaison, "body"));
      if (!body) return Malformed("liaison of unknown body " + Str(liaison, "body"));
      if (identity.LiaisonExists(body->id, Str(liaison, "name"))) continue;
      identity.InsertLiaison(body->id, {0, body->code, Str(liaison, "name"), Str(liaison, "title"), Str(liaison, "phone")},
                             now);
      ++report.liaisons_created;
    }
    const bool demo = passwords == FirstPasswords::kDemoShared;
    if (!demo && root.contains("demo_password")) {
      return Malformed("a real district's file must not carry demo_password (every account gets its own)");
    }
    const std::string shared = demo ? Str(root, "demo_password") : std::string();
    for (const auto& item : root.at("users").as_array()) {
      const auto& user = item.as_object();
      if (identity.FindUserByName(Str(user, "username"))) continue;
      auto body = identity.FindBody(Str(user, "body"));
      if (!body) return Malformed("user of unknown body " + Str(user, "body"));
      const std::string password = demo ? shared : security::NewOneTimePassword();
      auto hash = security::HashPassword(password, cost);
      if (!hash) return hash.error();
      store::UserRow row;
      row.username = Str(user, "username");
      row.display_name = Str(user, "display_name");
      row.body_id = body->id;
      row.password_hash = *hash;
      row.password_changed_at = now;
      row.must_change_password = !demo;
      row.password_policy_exempt = demo;  // demo accounts: documented shared password, no forced change
      std::int64_t id = identity.InsertUser(row, now);
      std::vector<std::string> roles;
      for (const auto& role : user.at("roles").as_array()) roles.emplace_back(role.as_string());
      identity.SetRoles(id, roles);
      ++report.users_created;
      if (!demo) report.one_time_passwords.emplace_back(row.username, password);
    }
    tx.Commit();
  } catch (const std::invalid_argument& e) {
    return Malformed(std::string("missing or non-string field ") + e.what());
  } catch (const std::out_of_range& e) {
    return Malformed(e.what());
  } catch (const boost::system::system_error& e) {
    return Malformed(e.what());
  }
  return report;
}

}  // namespace wagelink::services
