// /api/v1/early-interventions: the cases the procuratorate has joined early (提前介入), for its
// workbench. Handlers only translate; the service applies the caller's scope.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/guard.h"
#include "api/routes.h"
#include "domain/case_state.h"
#include "http/json_body.h"
#include "services/early_intervention_service.h"

namespace wagelink::api {

void RegisterEarlyInterventionRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/early-interventions",
             Authed(context, [&context](http::Request& request, const services::Principal& who) {
               auto page = http::ReadPage(request);
               if (!page) return Problem(request, page.error());
               auto listed = context.early_interventions->List(who, page->page_size, page->offset());
               if (!listed) return Problem(request, listed.error());
               boost::json::array items;
               for (const auto& item : listed->items) {
                 const auto& row = item.row;
                 auto state = domain::ParseCaseStateCode(row.state);
                 items.push_back({{"case_id", row.case_id},
                                  {"case_no", row.case_no},
                                  {"title", row.title},
                                  {"project_name", row.project_name},
                                  {"employer_name", row.employer_name},
                                  {"state", row.state},
                                  {"state_zh", state ? std::string(domain::CaseStateNameZh(*state)) : row.state},
                                  {"state_en", state ? std::string(domain::CaseStateNameEn(*state)) : row.state},
                                  {"stage", item.stage},
                                  {"ground", item.ground},
                                  {"joined_at", row.joined_at},
                                  {"reason", row.join_reason},
                                  {"opinions", item.opinions},
                                  {"opinion_unanswered", item.opinion_unanswered}});
               }
               return http::Response::Json(200, boost::json::object{{"items", items},
                                                                    {"total", listed->total},
                                                                    {"page", page->page},
                                                                    {"page_size", page->page_size}});
             }), {.query = {"page", "page_size"}});
}

}  // namespace wagelink::api
