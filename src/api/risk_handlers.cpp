// /api/v1/risks: the risk ledger (风险台账) — report, list, detail with fired rules, follow-ups,
// closure with evidence (整改销号), reopening, and the written report for the leadership.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include "api/guard.h"
#include "api/page_json.h"
#include "api/routes.h"
#include "domain/money.h"
#include "http/json_body.h"
#include "services/risk_service.h"

namespace wagelink::api {
namespace {

Error FieldProblem(std::string_view field, std::string_view zh, std::string_view en) {
  return MakeError(ErrorCode::kValidationFailed, std::string(field) + "：" + std::string(zh),
                   std::string(field) + ": " + std::string(en), std::string(field));
}

// Yuan as decimal text ("1200000.50") or a whole JSON number.
Result<std::optional<std::int64_t>> OptionalYuan(const boost::json::object& body, std::string_view field) {
  const auto* v = body.if_contains(field);
  if (!v || v->is_null()) return std::optional<std::int64_t>{};
  if (v->is_string()) {
    auto fen = domain::Fen::ParseYuan(v->get_string(), field);
    if (!fen) return fen.error();
    return std::optional<std::int64_t>(fen->fen());
  }
  if (v->is_int64() || v->is_uint64()) {
    if (v->is_uint64() && v->get_uint64() > static_cast<std::uint64_t>(INT64_MAX)) {
      return FieldProblem(field, "金额超出范围", "out of range");
    }
    auto fen = domain::Fen::FromYuan(v->to_number<std::int64_t>(), field);
    if (!fen) return fen.error();
    if (fen->fen() < 0) return FieldProblem(field, "不能为负数", "must not be negative");
    return std::optional<std::int64_t>(fen->fen());
  }
  return FieldProblem(field, "应为金额（元）字符串或整数", "must be yuan as text or a whole number");
}

Result<std::optional<std::map<std::string, std::int64_t>>> OptionalIndicators(const boost::json::object& body) {
  const auto* v = body.if_contains("indicators");
  if (!v || v->is_null()) return std::optional<std::map<std::string, std::int64_t>>{};
  if (!v->is_object()) return FieldProblem("indicators", "应为对象", "must be an object");
  if (v->get_object().size() > 32) return FieldProblem("indicators", "指标过多", "too many indicators");
  std::map<std::string, std::int64_t> out;
  for (const auto& [key, value] : v->get_object()) {
    const std::string field = "indicators." + std::string(key).substr(0, 64);
    if (value.is_bool()) {
      out[std::string(key)] = value.get_bool() ? 1 : 0;
    } else if (value.is_int64()) {
      out[std::string(key)] = value.get_int64();
    } else {
      return FieldProblem(field, "应为整数或布尔值", "must be an integer or a boolean");
    }
  }
  return std::optional(std::move(out));
}

Result<std::int64_t> RequiredCount(const boost::json::object& body, std::string_view field) {
  auto v = http::OptionalInt(body, field);
  if (!v) return v.error();
  if (!*v) return FieldProblem(field, "不能为空", "is required");
  return **v;
}

Result<services::RiskInput> ReadRisk(const http::Request& request) {
  auto body = http::ParseJsonObject(
      request, {"employer_name", "employer_credit_code", "source", "owner_body", "project_name",
                "general_contractor_name", "special_account", "description", "measures",
                "general_contractor_credit_code", "workers_affected", "amount_yuan", "pay_due_dates", "indicators",
                "case_id"});
  if (!body) return body.error();
  services::RiskInput in;
  for (auto [field, out] : {std::pair{"employer_name", &in.employer_name}, std::pair{"source", &in.source},
                            std::pair{"owner_body", &in.owner_body}}) {
    auto value = http::RequiredString(*body, field, 200);
    if (!value) return value.error();
    *out = *value;
  }
  // Required for every source but a public-opinion tip: the service decides (RiskService::Create).
  auto credit_code = http::StringOr(*body, "employer_credit_code", 200, "");
  if (!credit_code) return credit_code.error();
  in.employer_credit_code = *credit_code;
  for (auto [field, out, max] : {std::tuple{"project_name", &in.project_name, 200},
                                 std::tuple{"general_contractor_name", &in.general_contractor_name, 200},
                                 std::tuple{"special_account", &in.special_account, 200},
                                 std::tuple{"description", &in.description, 4000},
                                 std::tuple{"measures", &in.measures, 4000}}) {
    auto value = http::OptionalString(*body, field, max);
    if (!value) return value.error();
    *out = value->value_or("");
  }
  auto gc_code = http::OptionalString(*body, "general_contractor_credit_code", 40);
  if (!gc_code) return gc_code.error();
  if (*gc_code && !(*gc_code)->empty()) in.general_contractor_credit_code = **gc_code;
  auto workers = RequiredCount(*body, "workers_affected");
  if (!workers) return workers.error();
  in.workers_affected = *workers;
  auto amount = OptionalYuan(*body, "amount_yuan");
  if (!amount) return amount.error();
  if (!*amount) return FieldProblem("amount_yuan", "不能为空", "is required");
  in.amount_fen = **amount;
  if (const auto* dates = body->if_contains("pay_due_dates"); dates && !dates->is_null()) {
    if (!dates->is_array() || dates->get_array().size() > 24) {
      return FieldProblem("pay_due_dates", "应为不超过 24 个日期的数组", "must be an array of at most 24 dates");
    }
    for (std::size_t i = 0; i < dates->get_array().size(); ++i) {
      const auto& d = dates->get_array()[i];
      const std::string field = "pay_due_dates[" + std::to_string(i) + "]";
      if (!d.is_string()) return FieldProblem(field, "应为日期 YYYY-MM-DD", "must be a YYYY-MM-DD date");
      auto date = domain::CivilDate::ParseIso(d.get_string(), field);
      if (!date) return date.error();
      in.pay_due_dates.push_back(*date);
    }
  }
  auto indicators = OptionalIndicators(*body);
  if (!indicators) return indicators.error();
  if (*indicators) in.indicators = std::move(**indicators);
  auto case_id = http::OptionalInt(*body, "case_id");
  if (!case_id) return case_id.error();
  in.case_id = *case_id;
  return in;
}

boost::json::value OptText(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object RiskSummaryJson(const services::RiskView& r) {
  return {{"id", r.id},
          {"risk_no", r.risk_no},
          {"employer_name", r.employer_name},
          {"employer_credit_code", r.employer_credit_code},
          {"project_name", r.project_name},
          {"workers_affected", r.workers_affected},
          {"amount_yuan", domain::Fen::FromFen(r.amount_fen).ToYuanPlain()},
          {"workers_pending", services::WorkersPending(r)},  // not yet counted: 尚未核定, not 0
          {"amount_pending", services::AmountPending(r)},
          {"source", r.source},
          {"owner_body", r.owner_body},
          {"reported_by_body", r.reported_by_body},
          {"status", r.status},
          {"level", r.level},
          {"score", r.score},
          {"next_review_at", r.next_review_at},
          {"case_id", r.case_id ? boost::json::value(*r.case_id) : nullptr},
          {"case_no", OptText(r.case_no)},
          {"project_id", r.project_id ? boost::json::value(*r.project_id) : nullptr},
          {"created_at", r.created_at},
          {"updated_at", r.updated_at}};
}

boost::json::object RiskDetailJson(const services::RiskDetail& d) {
  const auto& r = d.risk;
  auto o = RiskSummaryJson(r);
  o["general_contractor_name"] = r.general_contractor_name;
  o["general_contractor_credit_code"] = OptText(r.general_contractor_credit_code);
  o["special_account"] = r.special_account;
  o["pay_due_dates"] = boost::json::parse(r.pay_due_dates);
  o["indicators"] = boost::json::parse(r.indicators);
  o["description"] = r.description;
  o["measures"] = r.measures;
  o["assessment"] = boost::json::parse(r.assessment);
  o["assessed_at"] = r.assessed_at;
  o["wage_office_notified_at"] = OptText(r.wage_office_notified_at);
  o["leadership_notified_at"] = OptText(r.leadership_notified_at);
  o["has_report"] = r.has_report;
  o["closed_at"] = OptText(r.closed_at);
  o["closed_by_body"] = OptText(r.closed_by_body);
  o["closing_evidence"] = OptText(r.closing_evidence);
  o["version"] = r.version;
  boost::json::array followups, history;
  for (const auto& f : d.followups) {
    followups.push_back({{"id", f.id}, {"at", f.at}, {"username", f.username}, {"person_name", f.person_name}, {"body_code", f.body_code},
                         {"note", f.note}, {"level_after", f.level_after}});
  }
  for (const auto& h : d.history) {
    history.push_back({{"id", h.id}, {"at", h.at}, {"action", h.action}, {"actor_username", h.actor_username},
                       {"actor_name", h.actor_name}, {"actor_body", h.actor_body}, {"from_status", h.from_status}, {"to_status", h.to_status},
                       {"from_level", h.from_level}, {"to_level", h.to_level}, {"detail", h.detail},
                       {"detail_zh", h.detail_zh}, {"detail_en", h.detail_en}});
  }
  o["followups"] = std::move(followups);
  o["history"] = std::move(history);
  return o;
}

http::Response DetailOr(const http::Request& request, const Result<services::RiskDetail>& detail, int status = 200) {
  if (!detail) return Problem(request, detail.error());
  return http::Response::Json(status, RiskDetailJson(*detail));
}

}  // namespace

void RegisterRiskRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/risks/rules", Authed(context, [&context](http::Request&, const services::Principal&) {
    const auto& rules = context.risks->rules();
    boost::json::array levels, items;
    for (const auto& l : rules.levels()) {
      levels.push_back({{"code", l.code}, {"zh", l.zh}, {"en", l.en}, {"colour", l.colour}, {"min_score", l.min_score},
                        {"review_days", l.review_days}, {"seasonal_review_days", l.seasonal_review_days}});
    }
    for (const auto& r : rules.rules()) {
      items.push_back({{"id", r.id}, {"indicator", r.indicator}, {"at_least", r.at_least}, {"points", r.points},
                       {"floor_level", r.floor_level ? boost::json::value(rules.levels()[*r.floor_level].code) : nullptr},
                       {"leadership", r.leadership}, {"zh", r.zh}, {"en", r.en}, {"basis", r.basis}});
    }
    return http::Response::Json(200, boost::json::object{
        {"status_zh", rules.status_zh()}, {"levels", levels}, {"rules", items},
        {"credit_code_optional_sources", boost::json::array{boost::json::string(services::kRiskSourceWithoutCreditCode)}}});
  }, {security::Permission::kRiskRead}));

  router.Add("POST", "/api/v1/risks", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto input = ReadRisk(request);
    if (!input) return Problem(request, input.error());
    return DetailOr(request, context.risks->Create(who, *input), 201);
  }, {.permission = security::Permission::kRiskWrite}));

  router.Add("GET", "/api/v1/risks", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    const services::RiskListQuery query{std::string(request.Query("level").value_or("")),
                                        std::string(request.Query("status").value_or(""))};
    auto risks = context.risks->List(who, query, page->page_size, page->offset());
    if (!risks) return Problem(request, risks.error());
    return PageResponse(*risks, *page, RiskSummaryJson);
  }), {.query = {"level", "status", "page", "page_size"}});

  router.Add("GET", "/api/v1/risks/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    return DetailOr(request, context.risks->Get(who, *id));
  }));

  router.Add("GET", "/api/v1/risks/{id}/report", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto report = context.risks->Report(who, *id);
    if (!report) return Problem(request, report.error());
    return http::Response::Json(200, boost::json::parse(*report));
  }));

  router.Add("POST", "/api/v1/risks/{id}/followups", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request, {"note", "measures", "workers_affected", "amount_yuan", "indicators"});
    if (!body) return Problem(request, body.error());
    services::RiskFollowupInput in;
    auto note = http::RequiredString(*body, "note", 4000);
    if (!note) return Problem(request, note.error());
    in.note = *note;
    auto measures = http::OptionalString(*body, "measures", 4000);
    if (!measures) return Problem(request, measures.error());
    in.measures = *measures;
    auto workers = http::OptionalInt(*body, "workers_affected");
    if (!workers) return Problem(request, workers.error());
    in.workers_affected = *workers;
    auto amount = OptionalYuan(*body, "amount_yuan");
    if (!amount) return Problem(request, amount.error());
    in.amount_fen = *amount;
    auto indicators = OptionalIndicators(*body);
    if (!indicators) return Problem(request, indicators.error());
    in.indicators = std::move(*indicators);
    return DetailOr(request, context.risks->AddFollowup(who, *id, in), 201);
  }, {.permission = security::Permission::kRiskWrite}));

  router.Add("POST", "/api/v1/risks/{id}/close", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto evidence = ActionText(request, "evidence");
    if (!evidence) return Problem(request, evidence.error());
    return DetailOr(request, context.risks->Close(who, *id, *evidence));
  }, {.permission = security::Permission::kRiskWrite}));

  router.Add("POST", "/api/v1/risks/{id}/reopen", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto reason = ActionText(request, "reason");
    if (!reason) return Problem(request, reason.error());
    return DetailOr(request, context.risks->Reopen(who, *id, *reason));
  }, {.permission = security::Permission::kRiskWrite}));
}

}  // namespace wagelink::api
