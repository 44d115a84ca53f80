// /api/v1/cases: complaints and cases across the six bodies. Handlers only translate; the
// service decides, the domain rules.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/case_step_parser.h"
#include "api/case_views.h"
#include "api/guard.h"
#include "api/page_json.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "domain/case_state.h"
#include "services/case_use_cases.h"

namespace wagelink::api {
namespace {

http::Response DetailResponse(int status, const services::CaseDetail& detail) {
  return http::Response::Text(status, "application/json; charset=utf-8", CaseDetailText(detail));
}

// ?state=a,b (any of several states), ?q=, ?party=, ?sort=…; CaseReading::List decides what is acceptable.
services::CaseListQuery CaseListQueryOf(const http::Request& request) {
  services::CaseListQuery query;
  const std::string_view states = request.Query("state").value_or("");
  for (std::size_t start = 0; !states.empty() && start <= states.size();) {
    std::size_t comma = states.find(',', start);
    if (comma == std::string_view::npos) comma = states.size();
    query.states.emplace_back(states.substr(start, comma - start));
    start = comma + 1;
    // Anything beyond the allowed count is refused by the service; don't copy an unbounded list.
    if (query.states.size() > services::kMaxStatesPerQuery) break;
  }
  query.text = std::string(request.Query("q").value_or(""));
  query.party_body = std::string(request.Query("party").value_or(""));
  query.sort = std::string(request.Query("sort").value_or("received_desc"));
  return query;
}

// ?all=true also counts every state together (a list's "all" tab); absent means false.
Result<bool> EveryStateFlagOf(const http::Request& request) {
  const std::string_view all = request.Query("all").value_or("false");
  if (all == "true" || all == "false") return all == "true";
  return InvalidField("all", "应为 true 或 false", "must be true or false");
}

boost::json::object TabCountJson(const services::CaseTabCount& tab) {
  boost::json::object out;
  out["state"] = tab.state ? boost::json::value(*tab.state) : boost::json::value(nullptr);
  out["total"] = tab.total;
  out["total_is_lower_bound"] = tab.total_is_lower_bound;
  return out;
}

}  // namespace

void RegisterCaseRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/cases", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    auto cases = context.cases->reading.List(who, CaseListQueryOf(request), page->page_size, page->offset());
    if (!cases) return Problem(request, cases.error());
    return PageResponse(*cases, *page, CaseSummaryJson);
  }), {.query = {"state", "q", "party", "sort", "page", "page_size"}});

  // Before /cases/{id}, which would take "counts" for an id.
  router.Add("GET", "/api/v1/cases/counts", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto every_state = EveryStateFlagOf(request);
    if (!every_state) return Problem(request, every_state.error());
    auto tabs = context.cases->reading.CountTabs(who, CaseListQueryOf(request), *every_state);
    if (!tabs) return Problem(request, tabs.error());
    boost::json::array counts;
    for (const auto& tab : *tabs) counts.emplace_back(TabCountJson(tab));
    return http::Response::Json(200, boost::json::object{{"counts", std::move(counts)}});
  }), {.query = {"state", "q", "party", "all"}});

  router.Add("POST", "/api/v1/cases", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObjectCheckedByDomain(request);  // ParseComplaintInput names its keys
    if (!body) return Problem(request, body.error());
    auto input = ParseComplaintInput(*body);
    if (!input) return Problem(request, input.error());
    auto created = context.cases->intake.CreateComplaint(who, *input);
    if (!created) return Problem(request, created.error());
    return DetailResponse(201, *created);
  }, {.permission = security::Permission::kCaseWrite}), {.max_body_bytes = 8u << 20});

  router.Add("GET", "/api/v1/cases/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto detail = context.cases->reading.Get(who, *id);
    if (!detail) return Problem(request, detail.error());
    return DetailResponse(200, *detail);
  }));

  router.Add("POST", "/api/v1/cases/{id}/steps", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObjectCheckedByDomain(request);  // ParseStepInput names its keys
    if (!body) return Problem(request, body.error());
    auto step = ParseStepInput(*body);
    if (!step) return Problem(request, step.error());
    auto detail = context.cases->steps.TakeStep(who, *id, *step);
    if (!detail) return Problem(request, detail.error());
    return DetailResponse(200, *detail);
  }, {.any_of = CaseActingPermissions()}));

  router.Add("POST", "/api/v1/cases/{id}/payments", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request, {"worker_id", "proportional", "amount_yuan", "paid_on", "payer", "note"});
    if (!body) return Problem(request, body.error());
    services::PaymentInput input;
    auto worker = http::OptionalInt(*body, "worker_id");
    if (!worker) return Problem(request, worker.error());
    input.worker_id = *worker;
    auto proportional = http::OptionalBool(*body, "proportional");
    if (!proportional) return Problem(request, proportional.error());
    input.proportional = proportional->value_or(false);
    auto amount = ParseYuanField(*body, "amount_yuan", "amount_yuan");
    if (!amount) return Problem(request, amount.error());
    input.amount = *amount;
    auto paid_on = http::RequiredString(*body, "paid_on", 10);
    if (!paid_on) return Problem(request, paid_on.error());
    auto date = domain::CivilDate::ParseIso(*paid_on, "paid_on");
    if (!date) return Problem(request, date.error());
    input.paid_on = *date;
    auto payer = http::RequiredString(*body, "payer", 32);
    if (!payer) return Problem(request, payer.error());
    input.payer = *payer;
    auto note = http::StringOr(*body, "note", 500);
    if (!note) return Problem(request, note.error());
    input.note = *note;
    auto detail = context.cases->payments.RecordPayment(who, *id, input);
    if (!detail) return Problem(request, detail.error());
    return DetailResponse(200, *detail);
  }, {.any_of = {security::Permission::kCaseWrite, security::Permission::kCaseCourtAct}}));

  // A finding of the investigation: {"kind", "value": {...}, "reason", "evidence": [..]?, "found_on"?}
  // (value per kind: domain/finding_json.h). Authorized in the service before anything is read.
  router.Add("POST", "/api/v1/cases/{id}/findings", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObjectCheckedByDomain(request);  // ParseFindingInput names its keys
    if (!body) return Problem(request, body.error());
    auto finding = ParseFindingInput(*body);
    if (!finding) return Problem(request, finding.error());
    auto detail = context.cases->findings.RecordFinding(who, *id, *finding);
    if (!detail) return Problem(request, detail.error());
    return DetailResponse(200, *detail);
  }, {.any_of = {security::Permission::kCaseWrite, security::Permission::kCasePoliceAct, security::Permission::kCaseCourtAct}}));

  router.Add("POST", "/api/v1/cases/{id}/workers/{worker_id}/reveal", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto worker = PathId(request, "worker_id");
    if (!worker) return Problem(request, worker.error());
    auto body = http::ParseJsonObject(request, {"field", "reason", "purpose"});
    if (!body) return Problem(request, body.error());
    auto field = http::RequiredString(*body, "field", 20);
    if (!field) return Problem(request, field.error());
    auto reason = http::RequiredString(*body, "reason", 64);
    if (!reason) return Problem(request, reason.error());
    auto purpose = http::RequiredString(*body, "purpose", 500);
    if (!purpose) return Problem(request, purpose.error());
    auto value = context.cases->personal_data.RevealPii(who, *id, *worker, *field, *reason, *purpose);
    if (!value) return Problem(request, value.error());
    return http::Response::Json(200, boost::json::object{{"field", *field}, {"value", *value}});
  }, {.permission = security::Permission::kPiiReveal}));

  router.Add("GET", "/api/v1/pii/access-receipts", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    auto receipts = context.cases->personal_data.AccessReceipts(who, page->page_size, page->offset());
    if (!receipts) return Problem(request, receipts.error());
    return PageResponse(*receipts, *page, [](const services::AccessReceipt& r) {
      return boost::json::object{{"at", r.at},         {"username", r.username}, {"body_code", r.body_code},
                                 {"case_id", r.case_id}, {"case_no", r.case_no},   {"worker_id", r.worker_id},
                                 {"field", r.field},   {"purpose", r.purpose},
                                 {"display_name", r.display_name}, {"worker_name", r.worker_name}};
    });
  }), {.query = {"page", "page_size"}});
}

}  // namespace wagelink::api
