// /api/v1/blacklist: the 失信联合惩戒名单 lifecycle (人社部令第45号) — proposal from a case, prior notice,
// the party's statements, the decision once the 陈述申辩 period has ended, early removal, revocation and
// correction; plus the rules with their citations. /api/v1/settings/exposure-rules: the district's
// 陈述申辩 period (UNCONFIRMED in LEGAL.md, set by the operator).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include "api/guard.h"
#include "api/page_json.h"
#include "api/routes.h"
#include "domain/json_fields.h"
#include "http/json_body.h"
#include "services/blacklist_service.h"
#include "services/exposure_settings.h"

namespace wagelink::api {
namespace {

boost::json::value OptText(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::value CriterionJson(const domain::ExposureRules& rules, const std::optional<std::string>& code) {
  const auto* criterion = code ? rules.FindCriterion(*code) : nullptr;
  if (!criterion) return nullptr;
  return boost::json::object{{"code", criterion->code},
                             {"zh", criterion->zh},
                             {"status", domain::SourceStatusName(criterion->status)},
                             {"citation", criterion->citation}};
}

boost::json::object ListingJson(const domain::ExposureRules& rules, const services::ListingDetail& d) {
  const auto& r = d.listing;
  boost::json::array history;
  for (const auto& h : d.history) {
    history.push_back({{"at", h.at}, {"action", h.action}, {"actor", h.actor_username}, {"actor_body", h.actor_body},
                       {"from_status", h.from_status}, {"to_status", h.to_status}, {"note", h.note}});
  }
  return {{"id", r.id},
          {"listing_no", r.listing_no},
          {"case_id", r.case_id},
          {"employer_id", r.employer_id},
          {"employer_name", r.employer_name},
          {"credit_code", OptText(r.credit_code)},
          {"address", r.address},
          {"persons", boost::json::parse(r.persons)},
          {"grounds", r.grounds},
          {"eligibility", boost::json::parse(r.eligibility)},
          {"eligibility_flagged", r.eligibility_flagged},
          {"eligibility_reason", r.eligibility_reason},
          {"criterion", CriterionJson(rules, r.criterion)},
          {"status", r.status},
          {"effective_status", domain::ListingStatusCode(d.effective)},
          {"effective_status_zh", domain::ListingStatusZh(d.effective)},
          {"decision_open", d.effective == domain::ListingStatus::kAwaitingDecision},
          {"proposed_on", r.proposed_on},
          {"notice_served_on", OptText(r.notice_served_on)},
          {"defence_period_days", r.defence_period_days ? boost::json::value(*r.defence_period_days) : nullptr},
          {"defence_period_status", domain::SourceStatusName(rules.defence_period_working_days.status)},
          {"defence_due_on", OptText(r.defence_due_on)},
          {"defence_uncertain", r.defence_uncertain},
          {"defence_received", r.defence_received},
          {"defence_received_on", OptText(r.defence_received_on)},
          {"decided_on", OptText(r.decided_on)},
          {"decision_reason", r.decision_reason},
          {"listed_on", OptText(r.listed_on)},
          {"ends_on", OptText(r.ends_on)},
          {"paid_in_full_on", OptText(r.paid_in_full_on)},
          {"earliest_early_removal", d.earliest_early_removal ? boost::json::value(d.earliest_early_removal->ToIso()) : nullptr},
          {"closed_on", OptText(r.closed_on)},
          {"proposed_by_body", r.proposed_by_body},
          {"history", history},
          {"version", r.version}};
}

http::Response DetailOr(const http::Request& request, services::BlacklistService& blacklist,
                        const Result<services::ListingDetail>& result, int status = 200) {
  if (!result) return Problem(request, result.error());
  return http::Response::Json(status, ListingJson(blacklist.rules(), *result));
}

Result<std::optional<std::vector<domain::ResponsiblePerson>>> OptionalPersons(const boost::json::object& body) {
  const auto* v = body.if_contains("persons");
  if (!v || v->is_null()) return std::optional<std::vector<domain::ResponsiblePerson>>{};
  if (!v->is_array() || v->get_array().size() > 20) {
    return InvalidField("persons", "应为不超过 20 人的数组", "must be an array of at most 20 persons");
  }
  std::vector<domain::ResponsiblePerson> out;
  for (std::size_t i = 0; i < v->get_array().size(); ++i) {
    const std::string field = "persons[" + std::to_string(i) + "]";
    const auto& item = v->get_array()[i];
    if (!item.is_object()) return InvalidField(field, "应为对象 {role, name}", "must be an object {role, name}");
    auto role_code = http::RequiredString(item.get_object(), "role", 40);
    if (!role_code) return InvalidField(field + ".role", "不能为空", "is required");
    auto role = domain::ParseResponsiblePersonRole(*role_code);
    if (!role) return InvalidField(field + ".role", "人员类别不存在", "unknown role");
    auto name = http::RequiredString(item.get_object(), "name", 200);
    if (!name) return InvalidField(field + ".name", "不能为空", "is required");
    out.push_back({*role, *name});
  }
  return std::optional(std::move(out));
}

Result<services::ListingProposal> ReadProposal(const http::Request& request) {
  auto body = http::ParseJsonObject(
      request, {"case_id", "grounds", "persons", "criterion", "eligibility_reason", "proposed_on"});
  if (!body) return body.error();
  services::ListingProposal in;
  auto case_id = http::OptionalInt(*body, "case_id");
  if (!case_id) return case_id.error();
  if (!*case_id) return InvalidField("case_id", "不能为空", "is required");
  in.case_id = **case_id;
  auto grounds = http::RequiredString(*body, "grounds", 8000);
  if (!grounds) return grounds.error();
  in.grounds = *grounds;
  auto persons = OptionalPersons(*body);
  if (!persons) return persons.error();
  if (!*persons) return InvalidField("persons", "不能为空", "is required");
  in.persons = std::move(**persons);
  auto criterion = http::OptionalString(*body, "criterion", 40);
  if (!criterion) return criterion.error();
  in.criterion = *criterion;
  auto reason = http::StringOr(*body, "eligibility_reason", 4000);
  if (!reason) return reason.error();
  in.eligibility_reason = *reason;
  auto proposed_on = OptionalDate(*body, "proposed_on");
  if (!proposed_on) return proposed_on.error();
  in.proposed_on = *proposed_on;
  return in;
}

Result<services::ListingActionRequest> ReadAction(const http::Request& request) {
  auto body = http::ParseJsonObject(
      request, {"action", "note", "on", "paid_in_full_on", "undertaking", "persons", "grounds", "address"});
  if (!body) return body.error();
  services::ListingActionRequest in;
  auto code = http::RequiredString(*body, "action", 40);
  if (!code) return code.error();
  auto action = domain::ParseListingAction(*code);
  if (!action) return InvalidField("action", "操作不存在", "unknown action");
  in.action = *action;
  auto note = http::StringOr(*body, "note", 8000);
  if (!note) return note.error();
  in.note = *note;
  auto on = OptionalDate(*body, "on");
  if (!on) return on.error();
  in.on = *on;
  auto paid = OptionalDate(*body, "paid_in_full_on");
  if (!paid) return paid.error();
  in.paid_in_full_on = *paid;
  auto undertaking = http::OptionalBool(*body, "undertaking");
  if (!undertaking) return undertaking.error();
  in.undertaking = undertaking->value_or(false);
  auto persons = OptionalPersons(*body);
  if (!persons) return persons.error();
  in.persons = std::move(*persons);
  auto grounds = http::OptionalString(*body, "grounds", 8000);
  if (!grounds) return grounds.error();
  in.grounds = *grounds;
  auto address = http::OptionalString(*body, "address", 400);
  if (!address) return address.error();
  in.address = *address;
  return in;
}

}  // namespace

void RegisterBlacklistRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/blacklist/rules", Authed(context, [&context](http::Request&, const services::Principal&) {
    using services::ExposureTermJson;
    const auto rules = context.blacklist->rules();
    boost::json::array categories, criteria;
    for (const auto& c : rules.categories) categories.push_back({{"code", c.code}, {"zh", c.zh}});
    for (const auto& c : rules.criteria) criteria.push_back(CriterionJson(rules, c.code));
    return http::Response::Json(200, boost::json::object{
        {"publication_categories", categories},
        {"criteria", criteria},
        {"listing_term_years", ExposureTermJson(rules.listing_term_years)},
        {"early_removal_months_after_payment", ExposureTermJson(rules.early_removal_months_after_payment)},
        {"defence_period_working_days", ExposureTermJson(rules.defence_period_working_days)},
        {"decision_deadline_working_days", ExposureTermJson(rules.decision_deadline_working_days)}});
  }, {security::Permission::kCaseRead}));

  router.Add("GET", "/api/v1/settings/exposure-rules", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto settings = context.exposure_settings->Get(who);
    if (!settings) return Problem(request, settings.error());
    return http::Response::Json(200, *settings);
  }));

  router.Add("PUT", "/api/v1/settings/exposure-rules", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObjectCheckedByDomain(request);  // the settings service names its keys
    if (!body) return Problem(request, body.error());
    auto settings = context.exposure_settings->Update(who, *body);
    if (!settings) return Problem(request, settings.error());
    return http::Response::Json(200, *settings);
  }, {.permission = security::Permission::kSettingsManage}));

  router.Add("POST", "/api/v1/blacklist", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto input = ReadProposal(request);
    if (!input) return Problem(request, input.error());
    return DetailOr(request, *context.blacklist, context.blacklist->Propose(who, *input), 201);
  }, {.permission = security::Permission::kBlacklistPropose}));

  router.Add("GET", "/api/v1/blacklist", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    const services::ListingQuery query{std::string(request.Query("q").value_or("")),
                                       std::string(request.Query("status").value_or(""))};
    auto listings = context.blacklist->List(who, query, page->page_size, page->offset());
    if (!listings) return Problem(request, listings.error());
    const auto rules = context.blacklist->rules();
    return PageResponse(*listings, *page, [&rules](const services::ListingDetail& d) { return ListingJson(rules, d); });
  }), {.query = {"q", "status", "page", "page_size"}});

  router.Add("GET", "/api/v1/blacklist/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    return DetailOr(request, *context.blacklist, context.blacklist->Get(who, *id));
  }));

  router.Add("POST", "/api/v1/blacklist/{id}/actions", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto input = ReadAction(request);
    if (!input) return Problem(request, input.error());
    return DetailOr(request, *context.blacklist, context.blacklist->Act(who, *id, *input));
  }, {.any_of = {security::Permission::kBlacklistPropose, security::Permission::kBlacklistDecide}}));
}

}  // namespace wagelink::api
