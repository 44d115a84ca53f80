// /api/v1/bodies and /api/v1/liaisons: the bodies of the mechanism and their liaison officers.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/guard.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "services/roster_service.h"

namespace wagelink::api {
namespace {

boost::json::object LiaisonJson(const services::LiaisonView& l) {
  return {{"id", l.id}, {"body_code", l.body_code}, {"name", l.name}, {"title", l.title}, {"phone", l.phone}};
}

Result<services::LiaisonInput> ReadLiaison(const http::Request& request) {
  auto body = http::ParseJsonObject(request, {"body_code", "name", "title", "phone"});
  if (!body) return body.error();
  services::LiaisonInput input;
  for (auto [field, out] : {std::pair{"body_code", &input.body_code}, std::pair{"name", &input.name},
                            std::pair{"title", &input.title}, std::pair{"phone", &input.phone}}) {
    auto value = http::RequiredString(*body, field, 200);
    if (!value) return value.error();
    *out = *value;
  }
  return input;
}

}  // namespace

void RegisterRosterRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/bodies", Authed(context, [&context](http::Request&, const services::Principal&) {
    boost::json::array items;
    for (const auto& b : context.roster->ListBodies()) {
      items.push_back({{"id", b.id}, {"code", b.code}, {"kind", b.kind}, {"name_zh", b.name_zh}, {"name_en", b.name_en},
                       {"parent_code", b.parent_code ? boost::json::value(*b.parent_code) : boost::json::value(nullptr)}});
    }
    return http::Response::Json(200, boost::json::object{{"items", items}});
  }));

  router.Add("GET", "/api/v1/colleagues", Authed(context, [&context](http::Request&, const services::Principal& who) {
    boost::json::array items;
    for (const auto& user : context.roster->Colleagues(who)) {
      boost::json::array roles;
      for (const auto& role : user.roles) roles.emplace_back(role);
      items.push_back({{"username", user.username}, {"display_name", user.display_name}, {"roles", std::move(roles)}});
    }
    return http::Response::Json(200, boost::json::object{{"items", std::move(items)}});
  }));

  router.Add("GET", "/api/v1/liaisons", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto liaisons = context.roster->ListLiaisons(who);
    if (!liaisons) return Problem(request, liaisons.error());
    boost::json::array items;
    for (const auto& l : *liaisons) items.push_back(LiaisonJson(l));
    return http::Response::Json(200, boost::json::object{{"items", items}});
  }));

  router.Add("POST", "/api/v1/liaisons", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto input = ReadLiaison(request);
    if (!input) return Problem(request, input.error());
    auto created = context.roster->CreateLiaison(who, *input);
    if (!created) return Problem(request, created.error());
    return http::Response::Json(201, LiaisonJson(*created));
  }, {.permission = security::Permission::kRosterWrite}));

  router.Add("PUT", "/api/v1/liaisons/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto input = ReadLiaison(request);
    if (!input) return Problem(request, input.error());
    auto updated = context.roster->UpdateLiaison(who, *id, *input);
    if (!updated) return Problem(request, updated.error());
    return http::Response::Json(200, LiaisonJson(*updated));
  }, {.permission = security::Permission::kRosterWrite}));

  router.Add("DELETE", "/api/v1/liaisons/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    if (auto done = context.roster->DeleteLiaison(who, *id); !done) return Problem(request, done.error());
    return http::Response::NoContent();
  }, {.permission = security::Permission::kRosterWrite}));
}

}  // namespace wagelink::api
