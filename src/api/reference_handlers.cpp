// /api/v1/reference/* shows the legal figures the platform decides with, each with its citation
// and status tag, exactly as loaded from data/; /api/v1/assessments runs the crime-elements
// assessment (the same contract as `wagelink assess`); /api/v1/settings/case-rules holds the
// district's choices among them (threshold profile, economic-crime filing rules, time-limit overrides);
// /api/v1/reference/case-steps is the form of every case step (domain/case_step_forms.h), from which
// the web client renders and checks its step dialogs; /api/v1/settings/calendar lists the working-day calendar in force and takes the holiday notices
// the system administrator enters.
#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "api/guard.h"
#include "api/routes.h"
#include "domain/assessment_json.h"
#include "domain/case_step_forms.h"
#include "domain/reveal_purpose.h"
#include "http/json_body.h"
#include "services/calendar_service.h"
#include "security/digest.h"
#include "services/case_rules_service.h"

namespace wagelink::api {
namespace {
http::Response RawJson(const std::string& text) {
  auto response = http::Response::Text(200, "application/json; charset=utf-8", text);
  response.SetHeader("Cache-Control", "no-cache");
  return response;
}

boost::json::object ConditionJson(const domain::FieldCondition& condition) {
  return {{"key", condition.key}, {"equals", condition.equals}};
}

boost::json::object FieldJson(const domain::StepField& field) {
  boost::json::object out{{"key", field.key}, {"kind", domain::StepFieldKindCode(field.kind)}, {"required", field.required}};
  if (!field.options.empty()) {
    boost::json::array options;
    for (std::string_view code : field.options) options.emplace_back(code);
    out["options"] = std::move(options);
  }
  if (field.min_items > 0) out["min_items"] = field.min_items;
  if (field.max_bytes > 0) out["max_bytes"] = field.max_bytes;
  if (!field.after.empty()) out["after"] = field.after;
  if (field.shown_when) out["shown_when"] = ConditionJson(*field.shown_when);
  if (!field.default_code.empty()) out["default"] = field.default_code;
  return out;
}

// The catalogue of step forms. It changes only with the server build, so it is serialized once.
std::string StepCatalogueText() {
  boost::json::array steps;
  for (const domain::StepForm& form : domain::StepForms()) {
    boost::json::object reason{{"rule", domain::ReasonRuleCode(form.reason.rule)}};
    if (form.reason.rule == domain::ReasonRule::kWhen) reason["when"] = ConditionJson(form.reason.when);
    boost::json::array fields;
    for (const domain::StepField& field : form.fields) fields.emplace_back(FieldJson(field));
    steps.emplace_back(boost::json::object{{"event", domain::CaseEventCode(form.event)},
                                           {"name_zh", domain::CaseEventNameZh(form.event)},
                                           {"name_en", domain::CaseEventNameEn(form.event)},
                                           {"tone", domain::StepToneCode(form.tone)},
                                           {"reason", std::move(reason)},
                                           {"fields", std::move(fields)}});
  }
  return boost::json::serialize(boost::json::object{{"steps", std::move(steps)}});
}

// A body that changes only with the build, with a strong ETag: the client revalidates it
// (If-None-Match → 304) instead of downloading it again.
http::Response CacheableJson(const http::Request& request, const std::string& text, const std::string& etag) {
  if (auto match = request.Header("if-none-match"); match && match->find(etag) != std::string_view::npos) {
    http::Response response;
    response.status = 304;
    response.SetHeader("ETag", etag);
    response.SetHeader("Cache-Control", "no-cache");
    return response;
  }
  auto response = RawJson(text);
  response.SetHeader("ETag", etag);
  return response;
}
}  // namespace

void RegisterReferenceRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/reference/time-limits", Authed(context, [&context](http::Request&, const services::Principal&) {
    return RawJson(context.reference->time_limits_json);
  }));
  router.Add("GET", "/api/v1/reference/reveal-reasons", Authed(context, [&context](http::Request&, const services::Principal&) {
    boost::json::array items;
    for (const auto& r : context.reference->reveal_reasons) {
      items.push_back({{"code", r.code}, {"name_zh", r.zh}, {"name_en", r.en}});
    }
    return http::Response::Json(200, boost::json::object{{"items", items},
                                                         {"min_purpose_letters", domain::kMinPurposeLetters}});
  }));
  router.Add("GET", "/api/v1/reference/thresholds", Authed(context, [&context](http::Request&, const services::Principal&) {
    return RawJson(context.reference->thresholds_json);
  }));
  router.Add("GET", "/api/v1/reference/case-steps", Authed(context, [](http::Request& request, const services::Principal&) {
    static const std::string text = StepCatalogueText();
    static const std::string etag = "\"" + security::Sha256Hex(text) + "\"";
    return CacheableJson(request, text, etag);
  }));
  router.Add("GET", "/api/v1/reference/calendar", Authed(context, [&context](http::Request& request, const services::Principal&) {
    auto year = request.Query("year");
    boost::json::array years;
    for (const auto& text : context.reference->calendar_json) {
      auto parsed = boost::json::parse(text);
      if (!year || parsed.at("year").as_int64() == std::atoi(std::string(*year).c_str())) years.push_back(parsed);
    }
    if (year && years.empty()) {
      return http::ProblemResponse(ErrorCode::kNotFound, "尚未载入该年度的节假日安排", "no holiday calendar loaded for that year",
                                   request.request_id);
    }
    return http::Response::Json(200, boost::json::object{{"items", years}});
  }), {.query = {"year"}});
  router.Add("POST", "/api/v1/assessments", Authed(context, [&context](http::Request& request, const services::Principal&) {
    auto type = request.Header("content-type");
    if (!type || !type->starts_with("application/json")) {
      return http::ProblemResponse(ErrorCode::kUnsupportedMediaType, "请求内容类型必须为 application/json",
                                   "Content-Type must be application/json", request.request_id);
    }
    // The district's catalog, with the operator's figures for provinces the data leaves open.
    auto result = domain::AssessJson(request.body, *context.case_rules->Current()->catalog);
    if (!result) return Problem(request, result.error());
    return http::Response::Json(200, *result);
  }, {.permission = security::Permission::kCaseRead}), {.max_body_bytes = 8u << 20});

  router.Add("GET", "/api/v1/settings/case-rules", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto rules = context.case_rules->Get(who);
    if (!rules) return Problem(request, rules.error());
    return http::Response::Json(200, *rules);
  }));
  router.Add("PUT", "/api/v1/settings/case-rules", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObjectCheckedByDomain(request);
    if (!body) return Problem(request, body.error());
    auto rules = context.case_rules->Update(who, *body);
    if (!rules) return Problem(request, rules.error());
    return http::Response::Json(200, *rules);
  }, {.permission = security::Permission::kSettingsManage}));

  router.Add("GET", "/api/v1/settings/calendar", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto years = context.calendar->List(who);
    if (!years) return Problem(request, years.error());
    return http::Response::Json(200, *years);
  }));
  router.Add("POST", "/api/v1/settings/calendar/notices", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObjectCheckedByDomain(request);
    if (!body) return Problem(request, body.error());
    auto year = context.calendar->EnterNotice(who, *body);
    if (!year) return Problem(request, year.error());
    return http::Response::Json(200, *year);
  }, {.permission = security::Permission::kSettingsManage}));
}

}  // namespace wagelink::api
