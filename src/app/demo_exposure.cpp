#include "app/demo_exposure.h"

#include <boost/json/parse.hpp>

namespace wagelink::app {
namespace {

Error Failed(const std::string& where, const Error& cause) {
  return MakeError(cause.code, "示范曝光数据 " + where + " 加载失败：" + cause.message_zh,
                   "demo exposure " + where + " failed: " + cause.message_en, cause.field);
}

std::string Text(const boost::json::object& o, std::string_view key) { return std::string(o.at(key).as_string()); }

}  // namespace

Result<int> LoadDemoExposure(const DemoExposureServices& s, std::string_view json) {
  const services::RequestOrigin origin{"", "demo-exposure"};
  auto handler = s.auth.PrincipalFor("handler", origin);
  auto head = s.auth.PrincipalFor("head", origin);
  auto coordinator = s.auth.PrincipalFor("coordinator", origin);
  auto legalaid = s.auth.PrincipalFor("legalaid", origin);
  for (const auto* who : {&handler, &head, &coordinator, &legalaid}) {
    if (!*who) return who->error();
  }
  auto existing = s.blacklist.List(*handler, {}, 1, 0);
  if (!existing) return existing.error();
  if (existing->total > 0) return 0;

  boost::system::error_code ec;
  const boost::json::value root = boost::json::parse(json, ec);
  if (ec) return MakeError(ErrorCode::kValidationFailed, "示范曝光数据文件格式错误", "demo exposure file is not JSON");
  const auto& listing = root.at("listing").as_object();
  services::CaseListQuery filter;
  filter.text = Text(listing, "case_query");
  auto found = s.cases.List(*handler, filter, 1, 0);
  if (!found || found->items.empty()) return MakeError(ErrorCode::kNotFound, "示范案件不存在", "demo case not found");
  const std::int64_t case_id = found->items.front().id;

  services::ListingProposal proposal{case_id, {}, Text(listing, "grounds")};
  for (const auto& p : listing.at("persons").as_array()) {
    proposal.persons.push_back({*domain::ParseResponsiblePersonRole(p.at("role").as_string()), Text(p.as_object(), "name")});
  }
  proposal.criterion = Text(listing, "criterion");
  proposal.proposed_on = *domain::CivilDate::ParseIso(Text(listing, "proposed_on"));
  auto proposed = s.blacklist.Propose(*handler, proposal);
  if (!proposed) return Failed("listing", proposed.error());
  const auto id = proposed->listing.id;
  // Due process as recorded on the dates it happened: service of the prior notice, the party's
  // statement within the period, and the decision with its reasons after the period has ended.
  const auto& defence = listing.at("defence").as_object();
  const auto& decision = listing.at("decision").as_object();
  for (auto [who, action, on, note] :
       {std::tuple{&*handler, domain::ListingAction::kServeNotice, Text(listing, "notice_served_on"), std::string()},
        std::tuple{&*handler, domain::ListingAction::kRecordDefence, Text(defence, "received_on"), Text(defence, "note")},
        std::tuple{&*head, domain::ListingAction::kDecideList, Text(decision, "decided_on"), Text(decision, "note")}}) {
    services::ListingActionRequest request;
    request.action = action;
    request.on = *domain::CivilDate::ParseIso(on);
    request.note = note;
    if (auto done = s.blacklist.Act(*who, id, request); !done) return Failed("listing", done.error());
  }

  const auto& publication = root.at("publication").as_object();
  services::PublicationDraft draft;
  draft.case_id = case_id;
  draft.category = Text(publication, "category");
  draft.main_facts = Text(publication, "main_facts");
  draft.handling = Text(publication, "handling");
  draft.listing_id = id;  // decided above: the publication names it in 相关处理情况
  auto drafted = s.publications.CreateDraft(*coordinator, draft);
  if (!drafted) return Failed("publication", drafted.error());
  if (auto published = s.publications.Publish(*coordinator, drafted->publication.id); !published) {
    return Failed("publication", published.error());
  }

  const auto& article = root.at("article").as_object();
  if (auto posted = s.publications.PublishArticle(*legalaid, Text(article, "title"), Text(article, "body")); !posted) {
    return Failed("article", posted.error());
  }
  return 3;
}

}  // namespace wagelink::app
