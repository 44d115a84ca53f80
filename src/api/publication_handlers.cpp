// /api/v1/publications: publication of major labour violations (人社部令第29号) with the privacy check;
// /api/v1/publicity/articles: legal publicity (法治宣传); /api/v1/employers/{id}/exposure: the employer's
// compliance record; /api/v1/public/exposure: the one login-free feed of the public page.
#include <string_view>
#include <utility>

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>

#include "api/guard.h"
#include "api/routes.h"
#include "domain/publication_rules.h"
#include "http/json_body.h"
#include "services/blacklist_service.h"
#include "services/publication_service.h"

namespace wagelink::api {
namespace {

std::string CategoryZh(const domain::ExposureRules& rules, const std::string& code) {
  const auto* category = rules.FindCategory(code);
  return category ? category->zh : code;
}

// The six published fields of 29号令 and nothing else: the public shape of a publication.
boost::json::object PublishedJson(const domain::ExposureRules& rules, const services::PublishedRecord& r) {
  return {{"publication_no", r.publication_no},
          {"category", r.category},
          {"category_zh", CategoryZh(rules, r.category)},
          {"batch_kind", r.batch_kind},
          {"batch_label", r.batch_label},
          {"published_on", r.published_on ? boost::json::value(*r.published_on) : nullptr},
          {"violator_name", r.violator_name},
          {"credit_code", r.credit_code},
          {"address", r.address},
          {"legal_representative", r.legal_representative},
          {"main_facts", r.main_facts},
          {"handling", r.handling}};
}

// A publication's lifecycle in words (draft → published → withdrawn).
std::pair<std::string_view, std::string_view> PublicationStatusName(std::string_view status) {
  if (status == "draft") return {"待发布", "Draft"};
  if (status == "published") return {"已公布", "Published"};
  if (status == "withdrawn") return {"已撤回", "Withdrawn"};
  return {"其他", "Other"};
}

boost::json::object PublicationJson(const domain::ExposureRules& rules, const services::PublicationDetail& d) {
  const auto& p = d.publication;
  auto out = PublishedJson(rules, p.published);
  boost::json::array findings;
  for (const auto& f : d.findings) {
    findings.push_back({{"field", f.field}, {"kind", f.kind}, {"excerpt", f.excerpt}, {"zh", f.zh}, {"en", f.en}});
  }
  out["id"] = p.id;
  out["case_id"] = p.case_id;
  out["employer_id"] = p.employer_id;
  out["status"] = p.status;
  const auto [status_zh, status_en] = PublicationStatusName(p.status);
  out["status_zh"] = status_zh;
  out["status_en"] = status_en;
  out["listing_id"] = p.listing_id ? boost::json::value(*p.listing_id) : nullptr;
  out["withdrawn_reason"] = p.withdrawn_reason ? boost::json::value(*p.withdrawn_reason) : nullptr;
  out["confidential_fields"] = boost::json::parse(p.confidential_fields);
  out["blocked"] = !d.findings.empty();
  out["findings"] = findings;
  out["created_by_body"] = p.created_by_body;
  out["created_at"] = p.created_at;
  return out;
}

boost::json::object PublicListingJson(const services::PublicListing& r) {
  return {{"listing_no", r.listing_no},
          {"employer_name", r.employer_name},
          {"credit_code", r.credit_code ? boost::json::value(*r.credit_code) : nullptr},
          {"persons", boost::json::parse(r.persons)},
          {"listed_on", r.listed_on},
          {"ends_on", r.ends_on}};
}

boost::json::object ArticleJson(const services::Article& a) {
  return {{"id", a.id}, {"title", a.title}, {"body", a.body}, {"author_body", a.author_body},
          {"published_at", a.published_at}};
}

Result<std::optional<std::vector<std::string>>> OptionalFieldList(const boost::json::object& body) {
  const auto* v = body.if_contains("confidential_fields");
  if (!v || v->is_null()) return std::optional<std::vector<std::string>>{};
  if (!v->is_array() || v->get_array().size() > 6) {
    return InvalidField("confidential_fields", "应为字段名数组", "must be an array of field names");
  }
  std::vector<std::string> out;
  for (const auto& item : v->get_array()) {
    if (!item.is_string()) return InvalidField("confidential_fields", "应为字段名数组", "must be an array of field names");
    out.emplace_back(item.get_string());
  }
  return std::optional(std::move(out));
}

// Reads the six fields (each optional) into `edit`.
Status ReadFields(const boost::json::object& body, services::PublicationEdit& edit) {
  for (auto [field, out] : {std::pair{"violator_name", &edit.violator_name}, std::pair{"credit_code", &edit.credit_code},
                            std::pair{"address", &edit.address}, std::pair{"legal_representative", &edit.legal_representative},
                            std::pair{"main_facts", &edit.main_facts}, std::pair{"handling", &edit.handling}}) {
    auto value = http::OptionalString(body, field, 4000);
    if (!value) return value.error();
    *out = *value;
  }
  auto confidential = OptionalFieldList(body);
  if (!confidential) return confidential.error();
  edit.confidential_fields = std::move(*confidential);
  return Ok{};
}

Result<services::PublicationDraft> ReadDraft(const http::Request& request) {
  auto body = http::ParseJsonObject(request, {"case_id", "category", "batch_kind", "violator_name", "credit_code",
                                              "address", "legal_representative", "main_facts", "handling",
                                              "confidential_fields", "listing_id"});
  if (!body) return body.error();
  services::PublicationDraft in;
  auto case_id = http::OptionalInt(*body, "case_id");
  if (!case_id) return case_id.error();
  if (!*case_id) return InvalidField("case_id", "不能为空", "is required");
  in.case_id = **case_id;
  auto category = http::RequiredString(*body, "category", 40);
  if (!category) return category.error();
  in.category = *category;
  auto batch = http::StringOr(*body, "batch_kind", 20, "quarterly");
  if (!batch) return batch.error();
  in.batch_kind = *batch;
  services::PublicationEdit fields;
  if (auto ok = ReadFields(*body, fields); !ok) return ok.error();
  in.violator_name = fields.violator_name;
  in.credit_code = fields.credit_code;
  in.address = fields.address;
  in.legal_representative = fields.legal_representative;
  in.main_facts = fields.main_facts.value_or("");
  in.handling = fields.handling.value_or("");
  in.confidential_fields = fields.confidential_fields.value_or(std::vector<std::string>{});
  auto listing_id = http::OptionalInt(*body, "listing_id");
  if (!listing_id) return listing_id.error();
  in.listing_id = *listing_id;
  return in;
}

}  // namespace

void RegisterPublicationRoutes(http::Router& router, const ApiContext& context) {
  // Rules are looked up per request: the route table is also built without services (OpenAPI test).
  auto detail_or = [&context](const http::Request& request, const Result<services::PublicationDetail>& result,
                              int status) {
    if (!result) return Problem(request, result.error());
    return http::Response::Json(status, PublicationJson(context.publications->rules(), *result));
  };

  router.Add("POST", "/api/v1/publications", Authed(context, [&context, detail_or](http::Request& request, const services::Principal& who) {
    auto input = ReadDraft(request);
    if (!input) return Problem(request, input.error());
    return detail_or(request, context.publications->CreateDraft(who, *input), 201);
  }, {.permission = security::Permission::kPublicationManage}));

  router.Add("GET", "/api/v1/publications", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    const auto& rules = context.publications->rules();
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    const std::string status = std::string(request.Query("status").value_or("")).substr(0, 20);
    auto list = context.publications->List(who, status, page->page_size, page->offset());
    if (!list) return Problem(request, list.error());
    boost::json::array items;
    for (const auto& d : *list) items.push_back(PublicationJson(rules, d));
    return http::Response::Json(200, boost::json::object{{"items", items}, {"page", page->page}, {"page_size", page->page_size}});
  }), {.query = {"status", "page", "page_size"}});

  router.Add("GET", "/api/v1/publications/{id}", Authed(context, [&context, detail_or](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    return detail_or(request, context.publications->Get(who, *id), 200);
  }));

  router.Add("PATCH", "/api/v1/publications/{id}", Authed(context, [&context, detail_or](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto body = http::ParseJsonObject(request, {"violator_name", "credit_code", "address", "legal_representative",
                                                "main_facts", "handling", "confidential_fields"});
    if (!body) return Problem(request, body.error());
    services::PublicationEdit edit;
    if (auto ok = ReadFields(*body, edit); !ok) return Problem(request, ok.error());
    return detail_or(request, context.publications->EditDraft(who, *id, edit), 200);
  }, {.permission = security::Permission::kPublicationManage}));

  router.Add("POST", "/api/v1/publications/{id}/publish", Authed(context, [&context, detail_or](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    return detail_or(request, context.publications->Publish(who, *id), 200);
  }, {.permission = security::Permission::kPublicationManage}));

  router.Add("POST", "/api/v1/publications/{id}/withdraw", Authed(context, [&context, detail_or](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto reason = ActionText(request, "reason");
    if (!reason) return Problem(request, reason.error());
    return detail_or(request, context.publications->Withdraw(who, *id, *reason), 200);
  }, {.permission = security::Permission::kPublicationManage}));

  router.Add("GET", "/api/v1/employers/{id}/exposure", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    const auto& rules = context.publications->rules();
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto record = context.publications->EmployerRecord(who, *id);
    if (!record) return Problem(request, record.error());
    boost::json::array publications, listings;
    for (const auto& p : record->publications) {
      auto item = PublishedJson(rules, p.published);
      item["status"] = p.status;
      publications.push_back(item);
    }
    for (const auto& l : record->listings) {
      auto item = PublicListingJson(l.listing);
      item["status"] = domain::ListingStatusCode(l.effective);
      item["status_zh"] = domain::ListingStatusZh(l.effective);
      item["defence_due_on"] = l.defence_due_on ? boost::json::value(*l.defence_due_on) : nullptr;
      listings.push_back(item);
    }
    return http::Response::Json(200, boost::json::object{{"employer_id", *id}, {"publications", publications},
                                                         {"listings", listings}});
  }));

  router.Add("POST", "/api/v1/publicity/articles", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObject(request, {"title", "body"});
    if (!body) return Problem(request, body.error());
    auto title = http::RequiredString(*body, "title", 400);
    if (!title) return Problem(request, title.error());
    auto text = http::RequiredString(*body, "body", 60000);
    if (!text) return Problem(request, text.error());
    auto article = context.publications->PublishArticle(who, *title, *text);
    if (!article) return Problem(request, article.error());
    return http::Response::Json(201, ArticleJson(*article));
  }, {.permission = security::Permission::kPublicityPublish}), {.max_body_bytes = 256 * 1024});

  router.Add("POST", "/api/v1/publicity/articles/{id}/withdraw", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto reason = ActionText(request, "reason");
    if (!reason) return Problem(request, reason.error());
    if (auto done = context.publications->WithdrawArticle(who, *id, *reason); !done) return Problem(request, done.error());
    return http::Response::Json(200, boost::json::object{{"id", *id}, {"status", "withdrawn"}});
  }, {.permission = security::Permission::kPublicityPublish}));

  // Login-free by design (public_route): only what 29号令 and 45号令 make public.
  router.Add("GET", "/api/v1/public/exposure", [&context](http::Request& request) {
    const auto& rules = context.publications->rules();
    const std::string text = std::string(request.Query("q").value_or("")).substr(0, 200);
    auto feed = context.publications->Public(text);
    boost::json::array publications, listings, articles;
    for (const auto& p : feed.publications) publications.push_back(PublishedJson(rules, p));
    for (const auto& l : feed.listings) listings.push_back(PublicListingJson(l));
    for (const auto& a : feed.articles) articles.push_back(ArticleJson(a));
    const auto& term = rules.listing_term_years;
    return http::Response::Json(200, boost::json::object{
        {"as_of", feed.today},
        {"query", text},
        {"publications", publications},
        {"listings", listings},
        {"articles", articles},
        {"legal_basis", boost::json::array{
            boost::json::object{{"title", "重大劳动保障违法行为社会公布办法（人力资源社会保障部令第29号）"},
                                {"summary", rules.publication_frequency}, {"citation", rules.publication_citation}},
            boost::json::object{{"title", "拖欠农民工工资失信联合惩戒对象名单管理暂行办法（人力资源社会保障部令第45号）"},
                                {"summary", "列入期限 " + std::to_string(term.value) + " 年；已改正并作出信用承诺的可申请提前移出。"},
                                {"citation", term.citation}}}}});
  }, {.public_route = true, .query = {"q"}});
}

}  // namespace wagelink::api
