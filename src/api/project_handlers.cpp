// /api/v1/projects: the project registry (工程建设项目), its monthly feeds and the warnings they raise;
// /api/v1/project-warnings and /api/v1/project-warning-rules (services/project_service.h).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <algorithm>
#include <charconv>
#include <set>

#include "api/guard.h"
#include "api/page_json.h"
#include "api/routes.h"
#include "domain/json_fields.h"
#include "http/json_body.h"
#include "services/api_client_service.h"
#include "services/project_service.h"

namespace wagelink::api {
namespace {
using domain::JsonFields;

boost::json::value OptionalJson(const std::optional<std::string>& text) { return text ? boost::json::value(*text) : nullptr; }
boost::json::value OptionalJson(const std::optional<std::int64_t>& n) { return n ? boost::json::value(*n) : nullptr; }
boost::json::value ParsedOr(const std::string& json, boost::json::value fallback) {
  boost::system::error_code ec;
  auto value = boost::json::parse(json, ec);
  return ec ? fallback : value;
}

Result<services::ProjectParty> ReadParty(const boost::json::object& object, const std::string& path) {
  JsonFields f(object, path);
  if (auto ok = f.OnlyKeys({"name", "credit_code"}); !ok) return ok.error();
  auto name = f.String("name");
  auto code = f.String("credit_code");
  if (!name) return name.error();
  if (!code) return code.error();
  return services::ProjectParty{*name, *code};
}

Result<std::optional<domain::CivilDate>> OptionalDate(const JsonFields& f, std::string_view key) {
  if (!f.HasValue(key)) return std::optional<domain::CivilDate>{};
  auto date = f.Date(key);
  if (!date) return date.error();
  return std::optional(*date);
}

// The project's fields from a request body; unknown keys are refused.
Result<services::ProjectInput> ReadProject(const boost::json::object& body) {
  JsonFields f(body, "");
  auto known = f.OnlyKeys({"name", "location", "builder", "contractor", "contractor_site_office", "subcontractors",
                           "sector_authority", "labour_officer_name", "contract_sum_yuan", "contract_signed_on",
                           "started_on", "planned_completion_on", "pay_day", "special_account_bank",
                           "special_account_opened_on", "wage_deposit", "wage_deposit_amount_yuan",
                           "wage_deposit_rate_permille", "wage_deposit_bank", "payment_guarantee", "notice_board_up",
                           "owner_body"});
  if (!known) return known.error();
  services::ProjectInput in;
  for (auto [key, out] : {std::pair{"name", &in.name}, std::pair{"location", &in.location},
                          std::pair{"sector_authority", &in.sector_authority}}) {
    auto value = f.String(key);
    if (!value) return value.error();
    *out = *value;
  }
  for (auto [key, out] : {std::pair{"contractor_site_office", &in.contractor_site_office},
                          std::pair{"labour_officer_name", &in.labour_officer_name},
                          std::pair{"special_account_bank", &in.special_account_bank},
                          std::pair{"wage_deposit_bank", &in.wage_deposit_bank}, std::pair{"wage_deposit", &in.wage_deposit},
                          std::pair{"owner_body", &in.owner_body}}) {
    auto value = f.OptionalString(key);
    if (!value) return value.error();
    if (*value) *out = **value;
  }
  for (auto [key, out] : {std::pair{"builder", &in.builder}, std::pair{"contractor", &in.contractor}}) {
    auto object = f.Object(key);
    if (!object) return object.error();
    auto party = ReadParty(**object, key);
    if (!party) return party.error();
    *out = *party;
  }
  auto subcontractors = f.OptionalArray("subcontractors", 50);
  if (!subcontractors) return subcontractors.error();
  if (*subcontractors) {
    for (std::size_t i = 0; i < (*subcontractors)->size(); ++i) {
      const std::string path = domain::ElementPath("subcontractors", i);
      auto object = domain::AsObject((**subcontractors)[i], path);
      if (!object) return object.error();
      auto party = ReadParty(**object, path);
      if (!party) return party.error();
      in.subcontractors.push_back(*party);
    }
  }
  auto sum = f.Yuan("contract_sum_yuan");
  if (!sum) return sum.error();
  in.contract_sum_fen = sum->fen();
  if (f.HasValue("wage_deposit_amount_yuan")) {
    auto deposit = f.Yuan("wage_deposit_amount_yuan");
    if (!deposit) return deposit.error();
    in.wage_deposit_amount_fen = deposit->fen();
  }
  auto signed_on = f.Date("contract_signed_on");
  if (!signed_on) return signed_on.error();
  in.contract_signed_on = *signed_on;
  for (auto [key, out] : {std::pair{"started_on", &in.started_on}, std::pair{"planned_completion_on", &in.planned_completion_on},
                          std::pair{"special_account_opened_on", &in.special_account_opened_on}}) {
    auto date = OptionalDate(f, key);
    if (!date) return date.error();
    *out = *date;
  }
  auto pay_day = f.OptionalInteger("pay_day", 1, 31);
  auto rate = f.OptionalInteger("wage_deposit_rate_permille", 0, 1000);
  auto guarantee = f.OptionalBool("payment_guarantee");
  auto board = f.OptionalBool("notice_board_up");
  if (!pay_day) return pay_day.error();
  if (!rate) return rate.error();
  if (!guarantee) return guarantee.error();
  if (!board) return board.error();
  in.pay_day = *pay_day;
  in.wage_deposit_rate_permille = *rate;
  in.payment_guarantee = guarantee->value_or(false);
  in.notice_board_up = board->value_or(false);
  return in;
}

Result<services::FeedRowInput> ReadFeedRow(const boost::json::value& value, const std::string& path) {
  auto object = domain::AsObject(value, path);
  if (!object) return object.error();
  JsonFields r(**object, path);
  if (auto ok = r.OnlyKeys({"id_number", "name", "days", "amount_yuan", "paid_on", "date", "through_special_account",
                            "purpose"});
      !ok) {
    return ok.error();
  }
  services::FeedRowInput row;
  for (auto [key, out] : {std::pair{"id_number", &row.id_number}, std::pair{"name", &row.name},
                          std::pair{"purpose", &row.purpose}}) {
    auto text = r.OptionalString(key);
    if (!text) return text.error();
    if (*text) *out = **text;
  }
  auto days = r.OptionalInteger("days", 0, 31);
  if (!days) return days.error();
  row.days = days->value_or(0);
  if (r.HasValue("amount_yuan")) {
    auto amount = r.Yuan("amount_yuan");
    if (!amount) return amount.error();
    row.amount_fen = amount->fen();
  }
  auto paid_on = OptionalDate(r, "paid_on");
  auto date = OptionalDate(r, "date");
  if (!paid_on) return paid_on.error();
  if (!date) return date.error();
  row.on_date = *paid_on ? *paid_on : *date;
  auto through = r.OptionalBool("through_special_account");
  if (!through) return through.error();
  row.through_special_account = through->value_or(false);
  return row;
}

// A feed as sent, with the rows whose JSON itself is wrong (a string for a number, an unknown
// field): those are named with every other bad row (FeedProblem), not alone.
struct FeedRequest {
  services::FeedInput feed;
  std::vector<Error> malformed;          // one per malformed row, in row order
  std::set<std::size_t> malformed_rows;  // their indices (an empty row stands in for each)
};

Result<FeedRequest> ReadFeed(const boost::json::object& body) {
  JsonFields f(body, "");
  if (auto ok = f.OnlyKeys({"kind", "month", "rows"}); !ok) return ok.error();
  FeedRequest request;
  auto kind = f.String("kind");
  auto month = f.String("month");
  auto rows = f.Array("rows", services::kMaxFeedRows);
  if (!kind) return kind.error();
  if (!month) return month.error();
  if (!rows) return rows.error();
  request.feed.kind = *kind;
  request.feed.month = *month;
  request.feed.rows.reserve((*rows)->size());
  for (std::size_t i = 0; i < (*rows)->size(); ++i) {
    auto row = ReadFeedRow((**rows)[i], domain::ElementPath("rows", i));
    if (row) {
      request.feed.rows.push_back(std::move(*row));
      continue;
    }
    request.feed.rows.emplace_back();
    request.malformed_rows.insert(i);
    if (request.malformed.size() < services::kMaxRowErrors) request.malformed.push_back(row.error());
  }
  return request;
}

boost::json::object WarningJson(const services::WarningView& w) {
  const auto& r = w.row;
  return {{"id", r.id},
          {"project_id", r.project_id},
          {"project_no", r.project_no},
          {"project_name", r.project_name},
          {"rule_id", r.rule_id},
          {"rule_zh", w.rule_zh},
          {"rule_en", w.rule_en},
          {"basis", w.basis},
          {"basis_en", w.basis_en},
          {"threshold_basis", w.threshold_basis},
          {"threshold_basis_en", w.threshold_basis_en},
          {"threshold_status", w.threshold_status},
          {"source_status", w.status_tag},
          {"level", r.level},
          {"level_zh", w.level_zh},
          {"level_en", w.level_en},
          {"measured", r.measured},
          {"at_least", r.at_least},
          {"unit_zh", w.measure_unit_zh},
          {"unit_en", w.measure_unit_en},
          {"status", r.status},
          {"evidence", ParsedOr(r.evidence, boost::json::array{})},
          {"raised_at", r.raised_at},
          {"updated_at", r.updated_at},
          {"cleared_at", OptionalJson(r.cleared_at)},
          {"cleared_evidence", r.cleared_evidence ? ParsedOr(*r.cleared_evidence, nullptr) : nullptr}};
}

boost::json::object ReceiptJson(const services::FeedReceipt& receipt) {
  boost::json::array warnings;
  for (const auto& w : receipt.open_warnings) warnings.push_back(WarningJson(w));
  return {{"batch_id", receipt.batch_id},
          {"repeated", receipt.repeated},
          {"rows", receipt.rows},
          {"replaced_batch_id", OptionalJson(receipt.replaced_batch_id)},
          {"open_warnings", warnings}};
}

// "rows[12].days" → 12.
std::size_t RowIndexOf(const std::string& field) {
  std::size_t index = 0;
  std::from_chars(field.data() + 5, field.data() + field.size(), index);
  return index;
}

// A refused feed's answer: the first error as every problem has it, and `errors` naming every bad
// row (malformed or refused by the rules, in row order), so that the whole batch is mended at once.
http::Response FeedProblem(const ApiContext& context, http::Request& request, const FeedRequest& sent, const Error& error) {
  if (error.code != ErrorCode::kValidationFailed || !error.field.starts_with("rows[")) return Problem(request, error);
  std::vector<Error> all = sent.malformed;
  for (auto& e : context.projects->FeedRowErrors(sent.feed)) {
    if (!sent.malformed_rows.contains(RowIndexOf(e.field))) all.push_back(std::move(e));
  }
  std::stable_sort(all.begin(), all.end(), [](const Error& a, const Error& b) { return RowIndexOf(a.field) < RowIndexOf(b.field); });
  if (all.size() > services::kMaxRowErrors) all.resize(services::kMaxRowErrors);
  boost::json::array errors;
  for (const auto& e : all) errors.push_back({{"field", e.field}, {"message_zh", e.message_zh}, {"message_en", e.message_en}});
  return http::ProblemResponse(all.empty() ? error : all.front(), request.request_id, {{"errors", std::move(errors)}});
}

// Stores a feed as read, or answers why not.
template <typename Receive>
http::Response ReceiveRead(const ApiContext& context, http::Request& request, Result<FeedRequest> read, Receive receive) {
  if (!read) return Problem(request, read.error());
  if (!read->malformed.empty()) return FeedProblem(context, request, *read, read->malformed.front());
  Result<services::FeedReceipt> receipt = receive(read->feed);
  if (!receipt) return FeedProblem(context, request, *read, receipt.error());
  return http::Response::Json(receipt->repeated ? 200 : 201, ReceiptJson(*receipt));
}

// The machine API's answer to a feed, before it is stored under the call's idempotency key.
http::Response MachineFeed(const ApiContext& context, http::Request& request, const services::Principal& client) {
  boost::system::error_code ec;
  auto parsed = boost::json::parse(request.body, ec);
  if (ec || !parsed.is_object()) {
    return Problem(request, MakeError(ErrorCode::kInvalidJson, "请求体不是 JSON 对象", "the body is not a JSON object"));
  }
  const std::string project_no(request.PathParam("project_no").value_or(""));
  return ReceiveRead(context, request, ReadFeed(parsed.as_object()), [&](services::FeedInput& feed) {
    feed.channel = "api";
    return context.projects->ReceiveFeed(client, project_no, feed);
  });
}

boost::json::object ProjectJson(const store::ProjectRow& p, const domain::ProjectWarningRuleSet& rules) {
  boost::json::value level = nullptr;
  if (p.open_level_rank && *p.open_level_rank >= 0 && static_cast<std::size_t>(*p.open_level_rank) < rules.levels().size()) {
    const auto& l = rules.levels()[static_cast<std::size_t>(*p.open_level_rank)];
    level = {{"code", l.code}, {"zh", l.zh}, {"en", l.en}};
  }
  return {{"id", p.id},
          {"open_warnings", p.open_warnings},
          {"open_warning_level", level},
          {"project_no", p.project_no},
          {"name", p.name},
          {"location", p.location},
          {"builder", {{"name", p.builder_name}, {"credit_code", p.builder_credit_code}}},
          {"contractor", {{"name", p.contractor_name}, {"credit_code", p.contractor_credit_code}}},
          {"contractor_site_office", p.contractor_site_office},
          {"subcontractors", ParsedOr(p.subcontractors, boost::json::array{})},
          {"sector_authority", p.sector_authority},
          {"labour_officer_name", p.labour_officer_name},
          {"contract_sum_yuan", domain::Fen::FromFen(p.contract_sum_fen).ToYuanPlain()},
          {"contract_signed_on", p.contract_signed_on},
          {"started_on", OptionalJson(p.started_on)},
          {"planned_completion_on", OptionalJson(p.planned_completion_on)},
          {"pay_day", OptionalJson(p.pay_day)},
          {"special_account_bank", p.special_account_bank},
          {"special_account_opened_on", OptionalJson(p.special_account_opened_on)},
          {"wage_deposit", p.wage_deposit},
          {"wage_deposit_amount_yuan", domain::Fen::FromFen(p.wage_deposit_amount_fen).ToYuanPlain()},
          {"wage_deposit_rate_permille", OptionalJson(p.wage_deposit_rate_permille)},
          {"wage_deposit_bank", p.wage_deposit_bank},
          {"payment_guarantee", p.payment_guarantee},
          {"notice_board_up", p.notice_board_up},
          {"owner_body", p.owner_body},
          {"risk_id", OptionalJson(p.risk_id)},
          {"created_by_name", p.created_by_name},
          {"created_at", p.created_at},
          {"updated_at", p.updated_at},
          {"version", p.version}};
}

boost::json::object DetailJson(const services::ProjectDetail& d, const domain::ProjectWarningRuleSet& rules) {
  boost::json::object out = ProjectJson(d.project, rules);
  boost::json::array feeds;
  for (const auto& b : d.feeds) {
    feeds.push_back({{"id", b.id}, {"kind", b.kind}, {"month", b.month}, {"rows", b.row_count}, {"channel", b.channel},
                     {"received_from", b.received_from}, {"received_at", b.received_at}});
  }
  boost::json::array warnings;
  for (const auto& w : d.warnings) warnings.push_back(WarningJson(w));
  out["feeds"] = std::move(feeds);
  out["warnings"] = std::move(warnings);
  out["risk"] = d.risk ? boost::json::value{{"id", d.risk->id},
                                            {"risk_no", d.risk->risk_no},
                                            {"status", d.risk->status},
                                            {"level", d.risk->level},
                                            {"level_zh", d.risk->level_zh},
                                            {"level_en", d.risk->level_en}}
                       : nullptr;
  return out;
}

}  // namespace

void RegisterProjectRoutes(http::Router& router, const ApiContext& context) {
  const GuardOptions reader{.permission = security::Permission::kRiskRead};
  const GuardOptions writer{.permission = security::Permission::kRiskWrite};

  router.Add("GET", "/api/v1/projects", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    auto list = context.projects->List(who, std::string(request.Query("q").value_or("")), page->page_size, page->offset());
    if (!list) return Problem(request, list.error());
    return PageResponse(*list, *page, [&context](const store::ProjectRow& p) { return ProjectJson(p, context.projects->shipped_rules()); });
  }, reader), {.query = {"q", "page", "page_size"}});

  router.Add("POST", "/api/v1/projects", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObjectCheckedByDomain(request);
    if (!body) return Problem(request, body.error());
    auto input = ReadProject(*body);
    if (!input) return Problem(request, input.error());
    auto created = context.projects->Register(who, *input);
    if (!created) return Problem(request, created.error());
    return http::Response::Json(201, DetailJson(*created, context.projects->shipped_rules()));
  }, writer));

  router.Add("GET", "/api/v1/projects/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto detail = context.projects->Get(who, *id);
    if (!detail) return Problem(request, detail.error());
    return http::Response::Json(200, DetailJson(*detail, context.projects->shipped_rules()));
  }, reader));

  router.Add("PUT", "/api/v1/projects/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObjectCheckedByDomain(request);
    if (!body) return Problem(request, body.error());
    // The version says which edit this replaces; the rest is the project (unknown keys refused first).
    boost::json::object fields = *body;
    fields.erase("version");
    auto input = ReadProject(fields);
    if (!input) return Problem(request, input.error());
    auto version = JsonFields(*body, "").Integer("version", 1, INT64_MAX);
    if (!version) return Problem(request, version.error());
    auto updated = context.projects->Update(who, *id, *input, *version);
    if (!updated) return Problem(request, updated.error());
    return http::Response::Json(200, DetailJson(*updated, context.projects->shipped_rules()));
  }, writer));

  router.Add("POST", "/api/v1/projects/{id}/feeds", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObjectCheckedByDomain(request);
    if (!body) return Problem(request, body.error());
    return ReceiveRead(context, request, ReadFeed(*body),
                       [&](const services::FeedInput& feed) { return context.projects->ReceiveFeed(who, *id, feed); });
  }, writer), {.max_body_bytes = 8u << 20});

  router.Add("GET", "/api/v1/project-warnings", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    auto list = context.projects->OpenWarnings(who, std::string(request.Query("level").value_or("")), page->page_size,
                                               page->offset());
    if (!list) return Problem(request, list.error());
    return PageResponse(*list, *page, WarningJson);
  }, reader), {.query = {"level", "page", "page_size"}});

  // The bank's and the provincial platform's feeds: no session, a signed request (api_client_service.h).
  router.Add("POST", "/api/v1/machine/projects/{project_no}/feeds", [&context](http::Request& request) {
    const auto header = [&](std::string_view name) { return std::string(request.Header(name).value_or("")); };
    const services::MachineCall call{header("x-wagelink-key"), header("x-wagelink-timestamp"), header("idempotency-key"),
                                     header("x-wagelink-signature"), request.method, request.path, request.body};
    auto admitted = context.api_clients->Admit(call);
    if (!admitted) return Problem(request, admitted.error());
    if (admitted->replay_status) {
      auto replay = http::Response::Text(static_cast<int>(*admitted->replay_status), "application/json; charset=utf-8",
                                         admitted->replay_body);
      replay.SetHeader("Idempotent-Replayed", "true");
      return replay;
    }
    try {
      http::Response response = MachineFeed(context, request, admitted->principal);
      context.api_clients->Finish(*admitted, call, response.status, response.body);
      return response;
    } catch (...) {
      context.api_clients->Abandon(*admitted, call);  // a retry with the same key is handled afresh
      throw;
    }
  }, {.public_route = true, .max_body_bytes = 8u << 20});

  // Readers of the ledger see the thresholds next to the warnings; the system administrator sets them.
  const GuardOptions rules_reader{.any_of = {security::Permission::kRiskRead, security::Permission::kSettingsManage}};
  router.Add("GET", "/api/v1/project-warning-rules", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto rules = context.projects->Rules(who);
    if (!rules) return Problem(request, rules.error());
    return http::Response::Json(200, *rules);
  }, rules_reader));

  router.Add("PUT", "/api/v1/project-warning-rules", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObjectCheckedByDomain(request);
    if (!body) return Problem(request, body.error());
    auto rules = context.projects->SetThresholds(who, *body);
    if (!rules) return Problem(request, rules.error());
    return http::Response::Json(200, *rules);
  }, {.permission = security::Permission::kSettingsManage}));
}

}  // namespace wagelink::api
