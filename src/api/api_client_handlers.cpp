// /api/v1/api-clients: the machine clients (the bank, the provincial platform) the system
// administrator creates — the secret is shown once — lists and disables (services/api_client_service.h).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/guard.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "services/api_client_service.h"

namespace wagelink::api {
namespace {

boost::json::object ClientJson(const store::ApiClientRow& c) {
  return {{"key_id", c.key_id},
          {"name", c.name},
          {"requests_per_minute", c.requests_per_minute},
          {"active", c.active},
          {"created_by_name", c.created_by_name},
          {"created_at", c.created_at},
          {"disabled_at", c.disabled_at ? boost::json::value(*c.disabled_at) : nullptr}};
}

}  // namespace

void RegisterApiClientRoutes(http::Router& router, const ApiContext& context) {
  const GuardOptions admin{.permission = security::Permission::kUserManage};
  router.Add("GET", "/api/v1/api-clients", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto list = context.api_clients->List(who);
    if (!list) return Problem(request, list.error());
    boost::json::array items;
    for (const auto& c : *list) items.push_back(ClientJson(c));
    return http::Response::Json(200, boost::json::object{{"items", items}, {"total", items.size()}});
  }, admin));

  router.Add("POST", "/api/v1/api-clients", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObject(request, {"name", "requests_per_minute"});
    if (!body) return Problem(request, body.error());
    auto name = http::RequiredString(*body, "name", 200);
    if (!name) return Problem(request, name.error());
    auto per_minute = http::OptionalInt(*body, "requests_per_minute");
    if (!per_minute) return Problem(request, per_minute.error());
    auto created = context.api_clients->Create(who, *name, per_minute->value_or(60));
    if (!created) return Problem(request, created.error());
    auto out = ClientJson(created->client);
    out["secret"] = created->secret;  // the only time it is shown
    return http::Response::Json(201, out);
  }, admin));

  router.Add("POST", "/api/v1/api-clients/{key_id}/disable", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto disabled = context.api_clients->Disable(who, std::string(request.PathParam("key_id").value_or("")));
    if (!disabled) return Problem(request, disabled.error());
    return http::Response::Json(200, ClientJson(*disabled));
  }, admin));
}

}  // namespace wagelink::api
