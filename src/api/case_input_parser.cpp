// Reads complaint bodies (POST /api/v1/cases, imports, demo scenarios) into service inputs.
#include <algorithm>

#include "domain/json_fields.h"
#include "api/case_step_parser.h"
#include "http/json_body.h"

namespace wagelink::api {
namespace {


Result<services::EmployerInput> ReadEmployer(const boost::json::object& body, const std::string& field) {
  auto it = body.find(field);
  if (it == body.end() || !it->value().is_object()) return InvalidField(field, "必填，应为对象", "required object");
  const auto& o = it->value().as_object();
  if (auto known = http::OnlyKnownKeys(o, {"name", "credit_code", "kind", "address", "legal_representative"}, field);
      !known) {
    return known.error();
  }
  services::EmployerInput e;
  auto name = http::RequiredString(o, "name", 300);
  if (!name) return InvalidField(field + ".name", "必填", "required");
  e.name = *name;
  auto code = http::OptionalString(o, "credit_code", 18);
  if (!code) return InvalidField(field + ".credit_code", "应为 18 位统一社会信用代码", "must be an 18-character credit code");
  e.credit_code = *code;
  for (auto [key, out, max, fallback] : {std::tuple{"kind", &e.kind, 32, "unit"}, std::tuple{"address", &e.address, 300, ""},
                                        std::tuple{"legal_representative", &e.legal_representative, 64, ""}}) {
    auto value = http::StringOr(o, key, max, fallback);
    if (!value) return InvalidField(field + "." + key, "应为字符串且不超过 " + std::to_string(max) + " 个字符", "must be a short string");
    *out = *value;
  }
  return e;
}

}  // namespace

// Money in yuan as a JSON string ("21300.50") or number; never a float computation.
Result<domain::Fen> ParseYuanField(const boost::json::object& o, std::string_view key, const std::string& field) {
  auto it = o.find(key);
  if (it == o.end()) return InvalidField(field, "必填", "required");
  return domain::YuanValue(it->value(), field);
}

Result<services::ComplaintInput> ParseComplaintInput(const boost::json::object& body) {
  if (auto known = http::OnlyKnownKeys(body, {"channel", "received_at", "employer", "general_contractor", "project_name",
                                              "summary", "conduct", "migrant_workers", "workers"});
      !known) {
    return known.error();
  }
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
    return InvalidField("conduct", "应为 abscond、transfer_assets、able_but_refused、unable 或 unknown", "unknown conduct code");
  }
  auto migrant = http::OptionalBool(body, "migrant_workers");
  if (!migrant) return migrant.error();
  input.migrant_workers = migrant->value_or(true);
  auto workers = body.find("workers");
  if (workers == body.end() || !workers->value().is_array()) return InvalidField("workers", "必填，应为数组", "required array");
  if (workers->value().as_array().size() > 10'000) return InvalidField("workers", "每案最多 10000 名劳动者", "at most 10000 workers per case");
  std::size_t i = 0;
  for (const auto& item : workers->value().as_array()) {
    std::string field = "workers[" + std::to_string(i++) + "]";
    if (!item.is_object()) return InvalidField(field, "应为对象", "must be an object");
    const auto& o = item.as_object();
    if (auto known = http::OnlyKnownKeys(o, {"name", "id_number", "phone", "bank_card", "owed_yuan", "other_claims_yuan",
                                             "months_unpaid", "period_from", "period_to"},
                                         field);
        !known) {
      return known.error();
    }
    services::WorkerInput w;
    auto name = http::RequiredString(o, "name", 64);
    if (!name) return InvalidField(field + ".name", "必填", "required");
    w.name = *name;
    for (auto [key, out] : {std::pair{"id_number", &w.id_number}, std::pair{"phone", &w.phone},
                            std::pair{"bank_card", &w.bank_card}}) {
      auto value = http::OptionalString(o, key, 40);
      if (!value) return InvalidField(field + "." + key, "应为字符串", "must be a string");
      *out = *value;
    }
    auto owed = ParseYuanField(o, "owed_yuan", field + ".owed_yuan");
    if (!owed) return owed.error();
    w.owed = *owed;
    if (o.contains("other_claims_yuan")) {
      auto other = ParseYuanField(o, "other_claims_yuan", field + ".other_claims_yuan");
      if (!other) return other.error();
      w.other_claims = *other;
    }
    auto months = http::OptionalInt(o, "months_unpaid");
    if (!months || !*months) return InvalidField(field + ".months_unpaid", "必填，应为整数", "required integer");
    w.months_unpaid = **months;
    for (auto [key, out] : {std::pair{"period_from", &w.period_from}, std::pair{"period_to", &w.period_to}}) {
      auto value = http::StringOr(o, key, 10);
      if (!value) return InvalidField(field + "." + key, "应为 YYYY-MM", "must be YYYY-MM");
      *out = *value;
    }
    input.workers.push_back(std::move(w));
  }
  return input;
}


}  // namespace wagelink::api
