// /api/v1/cases: complaints and cases across the six bodies. Handlers only translate; the
// service decides, the domain rules.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/case_step_parser.h"
#include "api/case_views.h"
#include "api/guard.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "services/case_service.h"

namespace wagelink::api {
namespace {

Error Field(const std::string& field, const std::string& zh, const std::string& en) {
  return MakeError(ErrorCode::kValidationFailed, field + "：" + zh, field + ": " + en, field);
}

// Money in yuan as a JSON string ("21300.50") or number; never a float computation.
Result<domain::Fen> Yuan(const boost::json::object& o, std::string_view key, const std::string& field) {
  auto it = o.find(key);
  if (it == o.end()) return Field(field, "必填", "required");
  const auto& v = it->value();
  if (v.is_string()) return domain::Fen::ParseYuan(v.as_string(), field);
  if (v.is_int64()) {
    if (v.as_int64() < 0) return Field(field, "不能为负数", "must not be negative");
    return domain::Fen::FromYuan(v.as_int64(), field);
  }
  if (v.is_uint64()) return Field(field, "金额过大", "too large");
  if (v.is_double()) return domain::Fen::FromYuanDouble(v.as_double(), field);
  return Field(field, "应为金额（元）", "must be an amount in yuan");
}

Result<services::EmployerInput> ReadEmployer(const boost::json::object& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || !it->value().is_object()) return Field(field, "必填，应为对象", "required object");
  const auto& o = it->value().as_object();
  services::EmployerInput e;
  auto name = http::RequiredString(o, "name", 300);
  if (!name) return Field(field + ".name", "必填", "required");
  e.name = *name;
  auto code = http::OptionalString(o, "credit_code", 18);
  if (!code) return Field(field + ".credit_code", "应为 18 位统一社会信用代码", "must be an 18-character credit code");
  e.credit_code = *code;
  e.kind = http::OptionalString(o, "kind", 32).value().value_or("unit");
  e.address = http::OptionalString(o, "address", 300).value().value_or("");
  e.legal_representative = http::OptionalString(o, "legal_representative", 64).value().value_or("");
  return e;
}

Result<services::ComplaintInput> ReadComplaint(const boost::json::object& body) {
  services::ComplaintInput input;
  auto channel = http::RequiredString(body, "channel", 64);
  if (!channel) return channel.error();
  input.channel = *channel;
  auto received = http::RequiredString(body, "received_at", 40);
  if (!received) return received.error();
  auto at = domain::Instant::ParseRfc3339(*received, "received_at");
  if (!at) return at.error();
  input.received_at = *at;
  auto employer = ReadEmployer(body, "employer");
  if (!employer) return employer.error();
  input.employer = *employer;
  if (body.contains("general_contractor") && !body.at("general_contractor").is_null()) {
    auto contractor = ReadEmployer(body, "general_contractor");
    if (!contractor) return contractor.error();
    input.general_contractor = *contractor;
  }
  for (auto [key, out, max] : {std::tuple{"project_name", &input.project_name, 300}, std::tuple{"summary", &input.summary, 20000},
                               std::tuple{"conduct", &input.conduct, 32}}) {
    auto value = http::OptionalString(body, key, max);
    if (!value) return value.error();
    if (*value) *out = **value;
  }
  static const char* kConducts[] = {"abscond", "transfer_assets", "able_but_refused", "unable", "unknown"};
  if (std::find(std::begin(kConducts), std::end(kConducts), input.conduct) == std::end(kConducts)) {
    return Field("conduct", "应为 abscond、transfer_assets、able_but_refused、unable 或 unknown", "unknown conduct code");
  }
  auto migrant = http::OptionalBool(body, "migrant_workers");
  if (!migrant) return migrant.error();
  input.migrant_workers = migrant->value_or(true);
  auto workers = body.find("workers");
  if (workers == body.end() || !workers->value().is_array()) return Field("workers", "必填，应为数组", "required array");
  if (workers->value().as_array().size() > 10'000) return Field("workers", "每案最多 10000 名劳动者", "at most 10000 workers per case");
  std::size_t i = 0;
  for (const auto& item : workers->value().as_array()) {
    std::string field = "workers[" + std::to_string(i++) + "]";
    if (!item.is_object()) return Field(field, "应为对象", "must be an object");
    const auto& o = item.as_object();
    services::WorkerInput w;
    auto name = http::RequiredString(o, "name", 64);
    if (!name) return Field(field + ".name", "必填", "required");
    w.name = *name;
    for (auto [key, out] : {std::pair{"id_number", &w.id_number}, std::pair{"phone", &w.phone},
                            std::pair{"bank_card", &w.bank_card}}) {
      auto value = http::OptionalString(o, key, 40);
      if (!value) return Field(field + "." + key, "应为字符串", "must be a string");
      *out = *value;
    }
    auto owed = Yuan(o, "owed_yuan", field + ".owed_yuan");
    if (!owed) return owed.error();
    w.owed = *owed;
    auto months = http::OptionalInt(o, "months_unpaid");
    if (!months || !*months) return Field(field + ".months_unpaid", "必填，应为整数", "required integer");
    w.months_unpaid = **months;
    w.period_from = http::OptionalString(o, "period_from", 10).value().value_or("");
    w.period_to = http::OptionalString(o, "period_to", 10).value().value_or("");
    input.workers.push_back(std::move(w));
  }
  return input;
}

http::Response DetailResponse(int status, const services::CaseDetail& detail) {
  return http::Response::Json(status, CaseDetailJson(detail));
}

}  // namespace

void RegisterCaseRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/cases", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    store::CaseFilter filter;
    filter.state = std::string(request.Query("state").value_or("")).substr(0, 40);
    filter.text = std::string(request.Query("q").value_or("")).substr(0, 100);
    filter.party_body = std::string(request.Query("party").value_or("")).substr(0, 40);
    auto cases = context.cases->List(who, filter, page->page_size, page->offset());
    if (!cases) return Problem(request, cases.error());
    boost::json::array items;
    for (const auto& row : cases->items) items.push_back(CaseSummaryJson(row));
    return http::Response::Json(200, boost::json::object{{"items", items}, {"total", cases->total},
                                                         {"page", page->page}, {"page_size", page->page_size}});
  }));

  router.Add("POST", "/api/v1/cases", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObject(request);
    if (!body) return Problem(request, body.error());
    auto input = ReadComplaint(*body);
    if (!input) return Problem(request, input.error());
    auto created = context.cases->CreateComplaint(who, *input);
    if (!created) return Problem(request, created.error());
    return DetailResponse(201, *created);
  }), {.max_body_bytes = 8u << 20});

  router.Add("GET", "/api/v1/cases/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto detail = context.cases->Get(who, *id);
    if (!detail) return Problem(request, detail.error());
    return DetailResponse(200, *detail);
  }));

  router.Add("POST", "/api/v1/cases/{id}/steps", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request);
    if (!body) return Problem(request, body.error());
    auto step = ParseStepInput(*body);
    if (!step) return Problem(request, step.error());
    auto detail = context.cases->TakeStep(who, *id, *step);
    if (!detail) return Problem(request, detail.error());
    return DetailResponse(200, *detail);
  }));

  router.Add("PUT", "/api/v1/cases/{id}/transfer-package", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request);
    if (!body) return Problem(request, body.error());
    auto items = body->find("items");
    if (items == body->end() || !items->value().is_object()) {
      return Problem(request, Field("items", "必填，应为 {材料编号: true/false}", "required object {item id: true/false}"));
    }
    std::vector<std::pair<std::string, bool>> marks;
    for (const auto& [key, value] : items->value().as_object()) {
      if (!value.is_bool()) return Problem(request, Field("items." + std::string(key), "应为 true 或 false", "must be true or false"));
      marks.emplace_back(std::string(key), value.as_bool());
    }
    auto detail = context.cases->SetTransferPackage(who, *id, marks);
    if (!detail) return Problem(request, detail.error());
    return DetailResponse(200, *detail);
  }));

  router.Add("POST", "/api/v1/cases/{id}/payments", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request);
    if (!body) return Problem(request, body.error());
    services::PaymentInput input;
    auto worker = http::OptionalInt(*body, "worker_id");
    if (!worker) return Problem(request, worker.error());
    input.worker_id = *worker;
    auto proportional = http::OptionalBool(*body, "proportional");
    if (!proportional) return Problem(request, proportional.error());
    input.proportional = proportional->value_or(false);
    auto amount = Yuan(*body, "amount_yuan", "amount_yuan");
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
    input.note = http::OptionalString(*body, "note", 500).value().value_or("");
    auto detail = context.cases->RecordPayment(who, *id, input);
    if (!detail) return Problem(request, detail.error());
    return DetailResponse(200, *detail);
  }));

  router.Add("POST", "/api/v1/cases/{id}/workers/{worker_id}/reveal", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto worker = PathId(request, "worker_id");
    if (!worker) return Problem(request, worker.error());
    auto body = http::ParseJsonObject(request);
    if (!body) return Problem(request, body.error());
    auto field = http::RequiredString(*body, "field", 20);
    if (!field) return Problem(request, field.error());
    auto purpose = http::RequiredString(*body, "purpose", 500);
    if (!purpose) return Problem(request, purpose.error());
    auto value = context.cases->RevealPii(who, *id, *worker, *field, *purpose);
    if (!value) return Problem(request, value.error());
    return http::Response::Json(200, boost::json::object{{"field", *field}, {"value", *value}});
  }));

  router.Add("GET", "/api/v1/pii/access-receipts", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    auto receipts = context.cases->AccessReceipts(who, page->page_size, page->offset());
    if (!receipts) return Problem(request, receipts.error());
    boost::json::array items;
    for (const auto& r : *receipts) {
      items.push_back({{"at", r.at}, {"username", r.username}, {"body_code", r.body_code}, {"case_id", r.case_id},
                       {"worker_id", r.worker_id}, {"field", r.field}, {"purpose", r.purpose}});
    }
    return http::Response::Json(200, boost::json::object{{"items", items}});
  }));
}

}  // namespace wagelink::api
