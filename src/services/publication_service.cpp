#include "services/publication_service.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fmt/format.h>

#include "domain/blacklist_lifecycle.h"
#include "domain/publication_rules.h"
#include "services/blacklist_service.h"
#include "services/case_reading.h"
#include "services/case_scope.h"
#include "services/zh_text.h"
#include "store/case_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;

constexpr std::int64_t kPublicLimit = 200;

Error NotFound() { return MakeError(ErrorCode::kNotFound, "公布记录不存在", "no such publication"); }

std::string* FieldOf(store::PublicationRow& row, std::string_view code) {
  if (code == "violator_name") return &row.violator_name;
  if (code == "credit_code") return &row.credit_code;
  if (code == "address") return &row.address;
  if (code == "legal_representative") return &row.legal_representative;
  if (code == "main_facts") return &row.main_facts;
  if (code == "handling") return &row.handling;
  return nullptr;
}

Status ValidFields(store::PublicationRow& row, const std::vector<std::string>& confidential) {
  for (const auto& field : domain::kPublishedFields) {
    const std::string& value = *FieldOf(row, field.code);
    const std::size_t max = field.code == "main_facts" || field.code == "handling" ? 4000 : 400;
    if (value.empty()) return InvalidField(field.code, "不能为空", "is required");
    if (value.size() > max) return InvalidField(field.code, "过长", "too long");
  }
  for (const auto& name : confidential) {
    if (!FieldOf(row, name)) return InvalidField("confidential_fields", "不是可公布的字段：" + name, "not a published field");
  }
  return Ok{};
}

std::string ListJson(const std::vector<std::string>& items) {
  boost::json::array out;
  for (const auto& s : items) out.emplace_back(s);
  return boost::json::serialize(out);
}

std::vector<std::string> ParseList(const std::string& text) {
  std::vector<std::string> out;
  const boost::json::value doc = boost::json::parse(text);  // must outlive the loop
  for (const auto& v : doc.as_array()) out.emplace_back(v.as_string());
  return out;
}

std::vector<PrivacyFinding> FindingsOf(const std::string& screen) {
  std::vector<PrivacyFinding> out;
  const boost::json::value doc = boost::json::parse(screen);  // must outlive the loop
  if (const auto* findings = doc.as_object().if_contains("findings")) {
    for (const auto& f : findings->as_array()) {
      out.push_back({std::string(f.at("field").as_string()), std::string(f.at("kind").as_string()),
                     std::string(f.at("excerpt").as_string()), std::string(f.at("zh").as_string()),
                     std::string(f.at("en").as_string())});
    }
  }
  return out;
}

boost::json::object Snapshot(const store::PublicationRow& r) {
  return {{"publication_no", r.publication_no}, {"case_id", r.case_id}, {"category", r.category},
          {"batch", r.batch_label}, {"status", r.status}};
}

PublishedRecord PublishedOf(const store::PublicationRow& r) {
  return {.publication_no = r.publication_no,
          .category = r.category,
          .batch_kind = r.batch_kind,
          .batch_label = r.batch_label,
          .published_on = r.published_on,
          .violator_name = r.violator_name,
          .credit_code = r.credit_code,
          .address = r.address,
          .legal_representative = r.legal_representative,
          .main_facts = r.main_facts,
          .handling = r.handling};
}

PublicationView ViewOf(const store::PublicationRow& r) {
  return {.published = PublishedOf(r),
          .id = r.id,
          .case_id = r.case_id,
          .employer_id = r.employer_id,
          .status = r.status,
          .listing_id = r.listing_id,
          .withdrawn_reason = r.withdrawn_reason,
          .confidential_fields = r.confidential_fields,
          .created_by_body = r.created_by_body,
          .created_at = r.created_at};
}

PublicListing PublicListingOf(const store::BlacklistRow& r) {
  return {.listing_no = r.listing_no,
          .employer_name = r.employer_name,
          .credit_code = r.credit_code,
          .persons = r.persons,
          .listed_on = r.listed_on.value_or(""),
          .ends_on = r.ends_on.value_or("")};
}

Article ArticleOf(const store::ArticleRow& a) {
  return {.id = a.id, .title = a.title, .body = a.body, .author_body = a.author_body, .published_at = a.published_at};
}

}  // namespace

Result<store::BlacklistRow> PublicationService::DecidedListing(store::Connection& c, std::int64_t listing_id,
                                                              std::int64_t employer_id) const {
  auto listing = store::ExposureRepository(c).FindListing(listing_id);
  if (!listing || listing->employer_id != employer_id) {
    return InvalidField("listing_id", "不是本案用人单位的名单记录", "not a listing of the case's employer");
  }
  const auto today = domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now()));
  if (domain::EffectiveStatus(FactsOf(*listing), today) != domain::ListingStatus::kListed) {
    return MakeError(ErrorCode::kDueProcessPending,
                     "名单记录 " + listing->listing_no + " 尚未作出列入决定或已不在列入期内，不能写入公布内容",
                     "listing " + listing->listing_no + " is not decided or no longer in force; it cannot be published",
                     "listing_id");
  }
  return *listing;
}

std::string PublicationService::Today() const {
  return domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now())).ToIso();
}

namespace {
// The six fields as free text: a draft holding an ID, phone or bank card number is refused at saving
// (stored nowhere, shown to nobody); other findings stay on the draft for the reviewer.
Status RefusePersonalNumbers(store::PublicationRow& row) {
  TextFields fields;
  for (const auto& field : domain::kPublishedFields) fields.emplace_back(field.code, *FieldOf(row, field.code));
  return RefusePersonalDataIn(fields);
}
}  // namespace

std::vector<PrivacyFinding> PublicationService::Screen(store::Connection& c, store::PublicationRow& row) const {
  PublicationText text;
  for (const auto& field : domain::kPublishedFields) text.fields.emplace_back(field.code, *FieldOf(row, field.code));
  text.confidential_fields = ParseList(row.confidential_fields);
  for (const auto& worker : store::CaseRepository(c).ListWorkers(row.case_id)) text.worker_names.push_back(worker.name);
  auto findings = ScreenForPublication(text);
  boost::json::array items;
  for (const auto& f : findings) {
    items.push_back({{"field", f.field}, {"kind", f.kind}, {"excerpt", f.excerpt}, {"zh", f.zh}, {"en", f.en}});
  }
  row.screen = boost::json::serialize(boost::json::object{
      {"checked_at", FormatUtc(clock_.Now())}, {"blocked", !findings.empty()}, {"findings", items}});
  return findings;
}

Result<PublicationDetail> PublicationService::CreateDraft(const Principal& who, const PublicationDraft& in) {
  if (!who.Can(Permission::kPublicationManage)) return Forbidden(Permission::kPublicationManage);
  if (!rules_->FindCategory(in.category)) return InvalidField("category", "公布类别不存在", "unknown category");
  if (in.batch_kind != "quarterly" && in.batch_kind != "ad_hoc") {
    return InvalidField("batch_kind", "应为 quarterly 或 ad_hoc", "must be quarterly or ad_hoc");
  }
  auto detail = cases_.Get(who, in.case_id);
  if (!detail) {
    if (detail.error().code == ErrorCode::kNotFound) return InvalidField("case_id", "案件不存在或无权查看", "no such case visible to you");
    return detail.error();
  }
  const auto state = domain::ParseCaseStateCode(detail->summary.state);
  if (!state || !domain::IsDecidedForPublication(*state)) {
    return MakeError(ErrorCode::kTransitionRefused, "只能公布已查处并作出处理决定的案件",
                     "only cases already decided by labour inspection may be published", "case_id");
  }
  const auto& employer = detail->employer;
  store::PublicationRow row;
  row.case_id = in.case_id;
  row.employer_id = employer.id;
  row.category = in.category;
  row.batch_kind = in.batch_kind;
  const auto today = domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now()));
  row.batch_label = in.batch_kind == "quarterly" ? domain::QuarterLabel(today) : today.ToIso();
  row.violator_name = in.violator_name.value_or(employer.name);
  row.credit_code = in.credit_code.value_or(employer.credit_code.value_or(""));
  row.address = in.address.value_or(employer.address);
  row.legal_representative = in.legal_representative.value_or(employer.legal_representative);
  row.main_facts = in.main_facts;
  row.handling = in.handling;
  if (auto ok = ValidFields(row, in.confidential_fields); !ok) return ok.error();
  if (auto ok = RefusePersonalNumbers(row); !ok) return ok.error();
  row.confidential_fields = ListJson(in.confidential_fields);
  row.created_by_body = who.body_code;
  row.created_at = row.updated_at = FormatUtc(clock_.Now());
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::ExposureRepository repo(*connection);
  if (in.listing_id) {
    auto listing = DecidedListing(*connection, *in.listing_id, employer.id);
    if (!listing) return listing.error();
    row.listing_id = listing->id;
    row.handling += "已于" + DateZh(*domain::CivilDate::ParseIso(*listing->listed_on)) +
                    "列入拖欠农民工工资失信联合惩戒对象名单（" + listing->listing_no + "），列入期限至" +
                    DateZh(*domain::CivilDate::ParseIso(*listing->ends_on)) + "。";
  }
  auto findings = Screen(*connection, row);
  row.publication_no =
      fmt::format("GB-{}-{:04d}", today.year(), store::CaseRepository(*connection).NextSequence("publication", today.year()));
  row.id = repo.InsertPublication(row);
  audit_.Append(*connection, who, "publication.draft", {"publication", std::to_string(row.id)}, nullptr, Snapshot(row));
  tx.Commit();
  return PublicationDetail{ViewOf(row), std::move(findings)};
}

Result<PublicationDetail> PublicationService::Modify(const Principal& who, std::int64_t id, std::string_view audit_action,
                                                     const PublicationChange& change) {
  if (!who.Can(Permission::kPublicationManage)) return Forbidden(Permission::kPublicationManage);
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::ExposureRepository repo(*connection);
  auto row = repo.FindPublication(id);
  if (!row) return NotFound();
  const auto before = *row;
  auto findings = change(*connection, *row);
  if (!findings) return findings.error();
  row->updated_at = FormatUtc(clock_.Now());
  if (!repo.UpdatePublication(*row, before.version)) {
    return MakeError(ErrorCode::kConflict, "公布记录已被他人修改，请刷新", "the publication was changed by someone else; reload it");
  }
  audit_.Append(*connection, who, audit_action, {"publication", std::to_string(id)}, Snapshot(before), Snapshot(*row));
  tx.Commit();
  row->version += 1;
  return PublicationDetail{ViewOf(*row), std::move(*findings)};
}

Result<PublicationDetail> PublicationService::EditDraft(const Principal& who, std::int64_t id, const PublicationEdit& in) {
  return Modify(who, id, "publication.edit", [&](store::Connection& c, store::PublicationRow& row)
                                                 -> Result<std::vector<PrivacyFinding>> {
    if (row.status != "draft") return MakeError(ErrorCode::kTransitionRefused, "只能修改草稿", "only a draft can be edited");
    for (auto [code, value] : {std::pair{"violator_name", &in.violator_name}, std::pair{"credit_code", &in.credit_code},
                               std::pair{"address", &in.address}, std::pair{"legal_representative", &in.legal_representative},
                               std::pair{"main_facts", &in.main_facts}, std::pair{"handling", &in.handling}}) {
      if (*value) *FieldOf(row, code) = **value;
    }
    const auto confidential = in.confidential_fields.value_or(ParseList(row.confidential_fields));
    if (auto ok = ValidFields(row, confidential); !ok) return ok.error();
    if (auto ok = RefusePersonalNumbers(row); !ok) return ok.error();
    row.confidential_fields = ListJson(confidential);
    return Screen(c, row);
  });
}

Result<PublicationDetail> PublicationService::Publish(const Principal& who, std::int64_t id) {
  // A blocked attempt is saved too (the findings stay on the draft for the reviewer), then refused.
  auto result = Modify(who, id, "publication.publish", [&](store::Connection& c, store::PublicationRow& row)
                                                           -> Result<std::vector<PrivacyFinding>> {
    if (row.status != "draft") return MakeError(ErrorCode::kTransitionRefused, "只能公布草稿", "only a draft can be published");
    if (row.listing_id) {  // revoked or expired since the draft: the draft must be redone without it
      if (auto listing = DecidedListing(c, *row.listing_id, row.employer_id); !listing) return listing.error();
    }
    auto findings = Screen(c, row);  // again: the case's workers may have changed since the draft
    if (findings.empty()) {
      row.status = "published";
      row.published_on = Today();
    }
    return findings;
  });
  if (!result || result->findings.empty()) return result;
  const auto& findings = result->findings;
  return MakeError(ErrorCode::kTransitionRefused,
                   "隐私审查未通过（" + std::to_string(findings.size()) + " 处），请按审查结果修改后再公布：" + findings.front().zh,
                   "the privacy check blocked " + std::to_string(findings.size()) +
                       " item(s); fix them and publish again: " + findings.front().en,
                   findings.front().field);
}

Result<PublicationDetail> PublicationService::Withdraw(const Principal& who, std::int64_t id, const std::string& reason) {
  if (reason.empty() || reason.size() > 4000) return InvalidField("reason", "请填写撤回理由", "a reason is required");
  return Modify(who, id, "publication.withdraw", [&](store::Connection&, store::PublicationRow& row)
                                                     -> Result<std::vector<PrivacyFinding>> {
    if (row.status == "withdrawn") return MakeError(ErrorCode::kTransitionRefused, "已撤回", "already withdrawn");
    row.status = "withdrawn";
    row.withdrawn_reason = reason;
    return FindingsOf(row.screen);
  });
}

Result<PublicationDetail> PublicationService::Get(const Principal& who, std::int64_t id) {
  auto scope = CaseScopeOf(who);
  if (!scope) return scope.error();
  auto connection = db_.Acquire();
  auto row = store::ExposureRepository(*connection).FindPublication(id);
  if (!row || !SeesCase(*connection, *scope, row->case_id)) return NotFound();
  return PublicationDetail{ViewOf(*row), FindingsOf(row->screen)};
}

Result<std::vector<PublicationDetail>> PublicationService::List(const Principal& who, const std::string& status,
                                                                std::int64_t limit, std::int64_t offset) {
  auto scope = CaseScopeOf(who);
  if (!scope) return scope.error();
  if (!status.empty() && status != "draft" && status != "published" && status != "withdrawn") {
    return InvalidField("status", "状态不存在", "unknown status");
  }
  auto connection = db_.Acquire();
  std::vector<PublicationDetail> out;
  for (auto& row : store::ExposureRepository(*connection).ListPublications(status, *scope, limit, offset)) {
    out.push_back({ViewOf(row), FindingsOf(row.screen)});
  }
  return out;
}

Result<EmployerExposureRecord> PublicationService::EmployerRecord(const Principal& who, std::int64_t employer_id) {
  auto scope = CaseScopeOf(who);
  if (!scope) return scope.error();
  const bool sees_pending = SeesPendingListings(who);
  auto connection = db_.Acquire();
  store::ExposureRepository repo(*connection);
  EmployerExposureRecord record;
  for (const auto& row : repo.PublicationsOfEmployer(employer_id, *scope)) {
    record.publications.push_back({PublishedOf(row), row.status});
  }
  const domain::CivilDate today = *domain::CivilDate::ParseIso(Today());
  for (const auto& row : repo.ListingsOfEmployer(employer_id, !sees_pending, *scope)) {
    record.listings.push_back({PublicListingOf(row), domain::EffectiveStatus(FactsOf(row), today), row.defence_due_on});
  }
  return record;
}

Status PublicationService::WithdrawArticle(const Principal& who, std::int64_t id, const std::string& reason) {
  if (!who.Can(Permission::kPublicityPublish)) return Forbidden(Permission::kPublicityPublish);
  if (reason.empty() || reason.size() > 4000) return InvalidField("reason", "请填写撤回理由", "a reason is required");
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::ExposureRepository repo(*connection);
  if (!repo.WithdrawArticle(id)) {
    return MakeError(ErrorCode::kNotFound, "文章不存在或已撤回", "no such published article");
  }
  audit_.Append(*connection, who, "publicity.withdraw", {"article", std::to_string(id)},
                boost::json::object{{"status", "published"}},
                boost::json::object{{"status", "withdrawn"}, {"reason", reason}});
  tx.Commit();
  return Ok{};
}

Result<Article> PublicationService::PublishArticle(const Principal& who, const std::string& title,
                                                  const std::string& body) {
  if (!who.Can(Permission::kPublicityPublish)) return Forbidden(Permission::kPublicityPublish);
  store::ArticleRow row;
  row.title = StripMarkup(title);
  row.body = StripMarkup(body);
  if (row.title.empty() || row.title.size() > 400) return InvalidField("title", "标题应为 1 至 400 字节", "1 to 400 bytes");
  if (row.body.empty() || row.body.size() > 60000) return InvalidField("body", "正文应为 1 至 60000 字节", "1 to 60000 bytes");
  if (auto ok = RefusePersonalDataIn({{"title", row.title}, {"body", row.body}}); !ok) return ok.error();
  row.author_body = who.body_code;
  row.published_at = row.created_at = FormatUtc(clock_.Now());
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  row.id = store::ExposureRepository(*connection).InsertArticle(row);
  audit_.Append(*connection, who, "publicity.publish", {"article", std::to_string(row.id)}, nullptr,
                boost::json::object{{"title", row.title}});
  tx.Commit();
  return ArticleOf(row);
}

PublicFeed PublicationService::Public(const std::string& text) {
  auto connection = db_.Acquire();
  store::ExposureRepository repo(*connection);
  PublicFeed feed;
  feed.today = Today();
  for (const auto& row : repo.ListPublished(text, kPublicLimit)) feed.publications.push_back(PublishedOf(row));
  for (const auto& row : repo.ListInForce(feed.today, text, kPublicLimit)) feed.listings.push_back(PublicListingOf(row));
  for (const auto& row : repo.ListArticles(50)) feed.articles.push_back(ArticleOf(row));
  return feed;
}

}  // namespace wagelink::services
