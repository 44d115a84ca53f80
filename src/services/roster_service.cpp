#include "services/roster_service.h"

#include <boost/json/object.hpp>
#include <regex>

#include "services/admin_service.h"

namespace wagelink::services {
namespace {
using security::Permission;

boost::json::object Snapshot(const store::LiaisonRow& l) {
  return {{"body", l.body_code}, {"name", l.name}, {"title", l.title}, {"phone", l.phone}};
}

LiaisonView ViewOf(const store::LiaisonRow& l) {
  return {.id = l.id, .body_code = l.body_code, .name = l.name, .title = l.title, .phone = l.phone};
}

}  // namespace

std::vector<Colleague> RosterService::Colleagues(const Principal& who) {
  auto connection = db_.Acquire();
  std::vector<Colleague> out;
  for (auto& user : store::IdentityRepository(*connection).ListActiveUsersOfBody(who.body_id)) {
    out.push_back({std::move(user.username), std::move(user.display_name), std::move(user.roles)});
  }
  return out;
}

std::vector<BodyView> RosterService::ListBodies() {
  auto connection = db_.Acquire();
  const auto bodies = store::IdentityRepository(*connection).ListBodies();
  std::vector<BodyView> out;
  for (const auto& body : bodies) {
    BodyView view{.id = body.id, .code = body.code, .kind = body.kind, .name_zh = body.name_zh, .name_en = body.name_en};
    for (const auto& parent : bodies) {
      if (body.parent_id && parent.id == *body.parent_id) view.parent_code = parent.code;
    }
    out.push_back(std::move(view));
  }
  return out;
}

Result<std::vector<LiaisonView>> RosterService::ListLiaisons(const Principal& who) {
  if (!who.Can(Permission::kRosterRead)) return Forbidden(Permission::kRosterRead);
  auto connection = db_.Acquire();
  std::vector<LiaisonView> out;
  for (const auto& row : store::IdentityRepository(*connection).ListLiaisons()) out.push_back(ViewOf(row));
  return out;
}

Result<std::int64_t> RosterService::ValidatedBody(store::IdentityRepository& identity, const LiaisonInput& input) {
  static const std::regex kPhone("^[0-9+()\\- ]{5,20}$");
  if (input.name.empty() || input.name.size() > 64) return InvalidField("name", "不能为空且不超过 64 字节", "1–64 bytes required");
  if (input.title.empty() || input.title.size() > 200) return InvalidField("title", "不能为空且不超过 200 字节", "1–200 bytes required");
  if (!std::regex_match(input.phone, kPhone)) return InvalidField("phone", "电话号码格式不正确", "not a phone number");
  auto body = identity.FindBody(input.body_code);
  if (!body || body->kind != "body") return InvalidField("body_code", "部门不存在", "unknown body");
  return body->id;
}

Result<LiaisonView> RosterService::CreateLiaison(const Principal& who, const LiaisonInput& input) {
  if (!who.Can(Permission::kRosterWrite)) return Forbidden(Permission::kRosterWrite);
  auto connection = db_.Acquire();
  store::IdentityRepository identity(*connection);
  auto body_id = ValidatedBody(identity, input);
  if (!body_id) return body_id.error();
  store::LiaisonRow row{0, input.body_code, input.name, input.title, input.phone};
  store::Transaction tx(*connection);
  row.id = identity.InsertLiaison(*body_id, row, FormatUtc(clock_.Now()));
  audit_.Append(*connection, who, "liaison.create", {"liaison", std::to_string(row.id)}, nullptr, Snapshot(row));
  tx.Commit();
  return ViewOf(row);
}

Result<LiaisonView> RosterService::UpdateLiaison(const Principal& who, std::int64_t id, const LiaisonInput& input) {
  if (!who.Can(Permission::kRosterWrite)) return Forbidden(Permission::kRosterWrite);
  auto connection = db_.Acquire();
  store::IdentityRepository identity(*connection);
  auto before = identity.FindLiaison(id);
  if (!before) return MakeError(ErrorCode::kNotFound, "联络员不存在", "no such liaison officer");
  auto body_id = ValidatedBody(identity, input);
  if (!body_id) return body_id.error();
  store::LiaisonRow row{id, input.body_code, input.name, input.title, input.phone};
  store::Transaction tx(*connection);
  identity.UpdateLiaison(id, *body_id, row, FormatUtc(clock_.Now()));
  audit_.Append(*connection, who, "liaison.update", {"liaison", std::to_string(id)}, Snapshot(*before), Snapshot(row));
  tx.Commit();
  return ViewOf(row);
}

Status RosterService::DeleteLiaison(const Principal& who, std::int64_t id) {
  if (!who.Can(Permission::kRosterWrite)) return Forbidden(Permission::kRosterWrite);
  auto connection = db_.Acquire();
  store::IdentityRepository identity(*connection);
  auto before = identity.FindLiaison(id);
  if (!before) return MakeError(ErrorCode::kNotFound, "联络员不存在", "no such liaison officer");
  store::Transaction tx(*connection);
  identity.DeleteLiaison(id);
  audit_.Append(*connection, who, "liaison.delete", {"liaison", std::to_string(id)}, Snapshot(*before), nullptr);
  tx.Commit();
  return Ok{};
}

}  // namespace wagelink::services
