// /api/v1/bulletins: bulletins (简报) — generated on demand by the wage-arrears office, read by
// every body. There is deliberately no PUT/PATCH/DELETE: a bulletin is a dated, immutable record.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include "api/guard.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "services/bulletin_service.h"

namespace wagelink::api {
namespace {
using security::Permission;

boost::json::object Summary(const services::BulletinSummary& row) {
  return {{"id", row.id},
          {"bulletin_no", row.bulletin_no},
          {"issue_no", row.issue_no},
          {"period", row.period},
          {"period_start", row.period_start},
          {"period_end", row.period_end},
          {"generated_at", row.generated_at},
          {"generated_by", row.generated_by},
          {"generated_by_name", row.generated_by_name},
          {"sha256", row.sha256}};
}

boost::json::object Detail(const services::BulletinView& view) {
  auto out = Summary(view.summary);
  out["figures"] = boost::json::parse(view.figures);
  out["hash_valid"] = view.hash_valid;
  return out;
}

Result<services::BulletinRequest> ParseRequest(const boost::json::object& body) {
  auto code = http::RequiredString(body, "period", 16);
  if (!code) return code.error();
  auto period = domain::ParseBulletinPeriod(*code);
  if (!period) {
    return InvalidField("period", "应为 weekly/monthly/quarterly/on_demand 之一", "must be one of weekly/monthly/quarterly/on_demand");
  }
  auto from = OptionalDate(body, "from");
  if (!from) return from.error();
  auto to = OptionalDate(body, "to");
  if (!to) return to.error();
  return services::BulletinRequest{*period, *from, *to};
}

}  // namespace

void RegisterBulletinRoutes(http::Router& router, const ApiContext& context) {
  router.Add("POST", "/api/v1/bulletins", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObject(request, {"period", "from", "to"});
    if (!body) return Problem(request, body.error());
    auto parsed = ParseRequest(*body);
    if (!parsed) return Problem(request, parsed.error());
    auto issued = context.bulletins->Generate(who, *parsed);
    if (!issued) return Problem(request, issued.error());
    return http::Response::Json(201, Detail(*issued));
  }, {.permission = Permission::kMeetingManage, .expensive = true}));
  router.Add("GET", "/api/v1/bulletins", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    boost::json::array items;
    for (const auto& row : context.bulletins->List(who.read_after, page->page_size, page->offset())) {
      items.push_back(Summary(row));
    }
    return http::Response::Json(200, boost::json::object{{"items", items}, {"page", page->page}, {"page_size", page->page_size}});
  }, {.permission = Permission::kDashboardRead}), {.query = {"page", "page_size"}});
  router.Add("GET", "/api/v1/bulletins/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto view = context.bulletins->Get(*id, who.read_after);
    if (!view) return Problem(request, view.error());
    return http::Response::Json(200, Detail(*view));
  }, {.permission = Permission::kDashboardRead}));
  router.Add("GET", "/api/v1/bulletins/{id}/pdf", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto pdf = context.bulletins->RenderPdf(who, *id);
    if (!pdf) return Problem(request, pdf.error());
    auto response = http::Response::Text(200, "application/pdf", std::move(*pdf));
    response.SetHeader("Content-Disposition", "attachment; filename=\"bulletin-" + std::to_string(*id) + ".pdf\"");
    response.SetHeader("Cache-Control", "no-store");
    return response;
  }, {.permission = Permission::kDashboardRead, .expensive = true}));
}

}  // namespace wagelink::api
