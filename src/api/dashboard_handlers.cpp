// /api/v1/dashboard: the figures of the dashboard (驾驶舱), scoped like the case list.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/guard.h"
#include "api/routes.h"
#include "domain/money.h"
#include "services/dashboard_service.h"

namespace wagelink::api {
namespace {

boost::json::object MoneyJson(std::int64_t fen) {
  return {{"fen", fen}, {"yuan", domain::Fen::FromFen(fen).ToYuanPlain()}};
}

boost::json::object FiguresJson(const services::DashboardFigures& f) {
  boost::json::array funnel, timeliness, by_month, by_level;
  for (const auto& s : f.funnel) funnel.push_back({{"stage", s.stage}, {"cases", s.cases}});
  for (const auto& t : f.timeliness) {
    timeliness.push_back({{"body_code", t.body_code}, {"met", t.met}, {"met_late", t.met_late}, {"not_met", t.not_met},
                          {"overdue", t.overdue}, {"running", t.running},
                          {"on_time_percent", t.on_time_percent ? boost::json::value(*t.on_time_percent) : nullptr}});
  }
  for (const auto& r : f.risks_by_month) by_month.push_back({{"month", r.month}, {"level", r.level}, {"risks", r.risks}});
  for (const auto& r : f.open_risks_by_level) by_level.push_back({{"level", r.level}, {"open", r.open}});
  const auto& m = f.money;
  boost::json::object out{
      {"as_of", f.as_of},
      {"scope", f.all_in_region ? "region" : "body"},
      {"body_code", f.body_code},
      {"funnel", std::move(funnel)},
      {"money", {{"cases", m.cases}, {"workers", m.workers}, {"owed", MoneyJson(m.owed_fen)}, {"paid", MoneyJson(m.paid_fen)},
                 {"outstanding", MoneyJson(m.owed_fen - m.paid_fen)}, {"paid_in_full", m.paid_in_full}}},
      {"timeliness", std::move(timeliness)},
  };
  if (f.risks_visible) {
    out["risks"] = boost::json::object{{"since", f.risks_since}, {"by_month", std::move(by_month)}, {"open_by_level", std::move(by_level)}};
  } else {
    out["risks"] = nullptr;
  }
  return out;
}

}  // namespace

void RegisterDashboardRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/dashboard", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto figures = context.dashboard->Figures(who);
    if (!figures) return Problem(request, figures.error());
    return http::Response::Json(200, FiguresJson(*figures));
  }, {.permission = security::Permission::kDashboardRead, .expensive = true}));
}

}  // namespace wagelink::api
