// /api/v1/recommendations: the procuratorate's 检察建议 — issue, reply, evaluate — and the
// supervision dashboard (services/recommendation_service.h, services/supervision_dashboard.h).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/guard.h"
#include "api/page_json.h"
#include "api/recommendation_json.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "services/recommendation_service.h"
#include "services/supervision_dashboard.h"

namespace wagelink::api {
namespace {

boost::json::object CountsJson(const store::RecommendationCounts& c) {
  return {{"awaiting_reply", c.awaiting_reply}, {"overdue", c.overdue},     {"replied", c.replied},
          {"evaluated", c.evaluated},           {"rectified", c.rectified}};
}

boost::json::object FiguresJson(const services::SupervisionFigures& f) {
  const auto& c = f.coverage;
  boost::json::array by_level, by_body, by_month;
  for (const auto& l : f.warnings_by_level) {
    by_level.push_back({{"level", l.code}, {"name_zh", l.name_zh}, {"name_en", l.name_en}, {"open", l.count}});
  }
  for (const auto& b : f.warnings_by_body) {
    boost::json::object o{{"body", b.body}, {"name_zh", b.name_zh}, {"name_en", b.name_en}};
    for (std::size_t i = 0; i < f.levels.size(); ++i) o[f.levels[i].code] = b.by_level[i];
    by_body.push_back(std::move(o));
  }
  for (const auto& m : f.warnings_by_month) by_month.push_back({{"month", m.month}, {"opened", m.opened}, {"cleared", m.cleared}});
  const auto& r = f.recommendations;
  return {{"coverage",
           {{"projects", c.projects},
            {"with_special_account", c.with_special_account},
            {"with_deposit", c.with_deposit},
            {"with_real_name_records", c.with_real_name_records},
            {"with_payroll_through_account", c.with_payroll_through_account}}},
          {"warnings_by_level", by_level},
          {"warnings_by_body", by_body},
          {"warnings_by_month", by_month},
          {"recommendations",
           {{"issued", r.issued}, {"answered", r.answered}, {"rectified", r.rectified}, {"overdue", r.overdue}}}};
}

// Who may answer a 检察建议 at all (the service checks it is addressed to the caller's body): the
// bodies that act on cases, risks or the joint meeting. Checked before the body is read.
std::vector<security::Permission> MayReply() {
  auto permissions = CaseActingPermissions();
  permissions.push_back(security::Permission::kRiskWrite);
  permissions.push_back(security::Permission::kMeetingManage);
  return permissions;
}

}  // namespace

void RegisterRecommendationRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/recommendations", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    services::RecommendationQuery query{.status = std::string(request.Query("status").value_or("")),
                                        .overdue_only = request.Query("overdue").value_or("") == "true",
                                        .basis_kind = std::string(request.Query("basis_kind").value_or("")),
                                        .limit = page->page_size,
                                        .offset = page->offset()};
    for (auto [name, target] : {std::pair{"project_id", &query.project_id}, std::pair{"risk_id", &query.risk_id},
                                std::pair{"case_id", &query.case_id}}) {
      auto id = QueryId(request, name);
      if (!id) return Problem(request, id.error());
      *target = *id;
    }
    const auto period = context.recommendations->PeriodInForce();
    auto list = context.recommendations->List(who, query);
    if (!list) return Problem(request, list.error());
    return PageResponse(list->page, *page, [&](const auto& view) { return RecommendationJson(view, period); },
                        boost::json::object{{"counts", CountsJson(list->counts)}, {"can_issue", list->can_issue}});
  }), {.query = {"status", "overdue", "basis_kind", "project_id", "risk_id", "case_id", "page", "page_size"}});

  router.Add("GET", "/api/v1/supervision/dashboard", Authed(context, [&context](http::Request& request,
                                                                                  const services::Principal& who) {
    auto figures = context.supervision_dashboard->Figures(who);
    if (!figures) return Problem(request, figures.error());
    return http::Response::Json(200, FiguresJson(*figures));
  }, {.any_of = {security::Permission::kDashboardRead}}));

  router.Add("GET", "/api/v1/recommendations/addressees", Authed(context, [&context](http::Request&, const services::Principal&) {
    boost::json::array out;
    for (const auto& a : context.recommendations->Addressees()) {
      out.push_back({{"code", a.code}, {"name_zh", a.name_zh}, {"name_en", a.name_en}});
    }
    return http::Response::Json(200, out);
  }));

  router.Add("GET", "/api/v1/recommendations/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto view = context.recommendations->Get(who, *id);
    if (!view) return Problem(request, view.error());
    return http::Response::Json(200, RecommendationJson(*view, context.recommendations->PeriodInForce()));
  }));

  router.Add("POST", "/api/v1/recommendations", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObject(request, {"basis_kind", "basis_id", "addressee_body", "problem", "measures"});
    if (!body) return Problem(request, body.error());
    auto kind = http::RequiredString(*body, "basis_kind", 40);
    if (!kind) return Problem(request, kind.error());
    auto basis_id = http::OptionalInt(*body, "basis_id");
    if (!basis_id) return Problem(request, basis_id.error());
    auto addressee = http::RequiredString(*body, "addressee_body", 40);
    if (!addressee) return Problem(request, addressee.error());
    auto problem = http::StringOr(*body, "problem", 4000);
    if (!problem) return Problem(request, problem.error());
    auto measures = http::StringOr(*body, "measures", 4000);
    if (!measures) return Problem(request, measures.error());
    auto issued = context.recommendations->Issue(
        who, {.basis_kind = *kind, .basis_id = basis_id->value_or(0), .addressee_body = *addressee,
              .problem = *problem, .measures = *measures});
    if (!issued) return Problem(request, issued.error());
    return http::Response::Json(201, RecommendationJson(*issued, context.recommendations->PeriodInForce()));
  }, {.any_of = {security::Permission::kCaseProcuratorateAct}}));

  router.Add("POST", "/api/v1/recommendations/{id}/reply", Authed(context, [&context](http::Request& request,
                                                                                      const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request, {"kind", "text", "rectification_evidence"});
    if (!body) return Problem(request, body.error());
    auto kind = http::RequiredString(*body, "kind", 40);
    if (!kind) return Problem(request, kind.error());
    auto text = http::StringOr(*body, "text", 4000);
    if (!text) return Problem(request, text.error());
    auto evidence = http::StringOr(*body, "rectification_evidence", 4000);
    if (!evidence) return Problem(request, evidence.error());
    auto replied = context.recommendations->Reply(who, *id, {*kind, *text, *evidence});
    if (!replied) return Problem(request, replied.error());
    return http::Response::Json(200, RecommendationJson(*replied, context.recommendations->PeriodInForce()));
  }, {.any_of = MayReply()}));

  router.Add("POST", "/api/v1/recommendations/{id}/evaluation", Authed(context, [&context](http::Request& request,
                                                                                           const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request, {"outcome", "text"});
    if (!body) return Problem(request, body.error());
    auto outcome = http::RequiredString(*body, "outcome", 40);
    if (!outcome) return Problem(request, outcome.error());
    auto text = http::StringOr(*body, "text", 4000);
    if (!text) return Problem(request, text.error());
    auto evaluated = context.recommendations->Evaluate(who, *id, {*outcome, *text});
    if (!evaluated) return Problem(request, evaluated.error());
    return http::Response::Json(200, RecommendationJson(*evaluated, context.recommendations->PeriodInForce()));
  }, {.any_of = {security::Permission::kCaseProcuratorateAct}}));
}

}  // namespace wagelink::api
