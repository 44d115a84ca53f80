// /api/v1/announcements: 通知公告 for every signed-in person; publishing, withdrawing and the read
// receipts for the joint meeting office and the system administrator (services/announcement_service.h).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/guard.h"
#include "api/page_json.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "services/announcement_service.h"

namespace wagelink::api {
namespace {

boost::json::value OptionalText(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : nullptr;
}

boost::json::object AnnouncementJson(const store::AnnouncementRow& a) {
  return {{"id", a.id},
          {"title", a.title},
          {"body", a.body},
          {"published_by_name", a.published_by_name},
          {"published_body", a.published_body},
          {"published_at", a.published_at},
          {"withdrawn_at", OptionalText(a.withdrawn_at)},
          {"withdrawn_by_name", OptionalText(a.withdrawn_by_name)},
          {"read_at", OptionalText(a.read_at)}};
}

boost::json::object ReceiptsJson(const services::BodyReceipts& body) {
  boost::json::array readers;
  for (const auto& r : body.readers) readers.push_back({{"display_name", r.display_name}, {"read_at", OptionalText(r.read_at)}});
  return {{"body_code", body.body_code}, {"body_name_zh", body.body_name_zh}, {"body_name_en", body.body_name_en},
          {"people", body.people},       {"read", body.read},                 {"readers", readers}};
}

}  // namespace

void RegisterAnnouncementRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/announcements", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    auto list = context.announcements->List(who, page->page_size, page->offset());
    if (!list) return Problem(request, list.error());
    return PageResponse(list->page, *page, AnnouncementJson,
                        boost::json::object{{"unread", list->unread}, {"can_publish", list->can_publish}});
  }), {.query = {"page", "page_size"}});

  router.Add("GET", "/api/v1/announcements/{id}", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto opened = context.announcements->Open(who, *id);
    if (!opened) return Problem(request, opened.error());
    return http::Response::Json(200, AnnouncementJson(*opened));
  }));

  router.Add("POST", "/api/v1/announcements", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto body = http::ParseJsonObject(request, {"title", "body"});
    if (!body) return Problem(request, body.error());
    auto title = http::RequiredString(*body, "title", 200);
    if (!title) return Problem(request, title.error());
    auto text = http::RequiredString(*body, "body", 20'000);
    if (!text) return Problem(request, text.error());
    auto published = context.announcements->Publish(who, *title, *text);
    if (!published) return Problem(request, published.error());
    return http::Response::Json(201, AnnouncementJson(*published));
  }, {.any_of = {security::Permission::kMeetingManage, security::Permission::kSettingsManage}}));

  router.Add("POST", "/api/v1/announcements/{id}/withdraw", Authed(context, [&context](http::Request& request,
                                                                                        const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto withdrawn = context.announcements->Withdraw(who, *id);
    if (!withdrawn) return Problem(request, withdrawn.error());
    return http::Response::Json(200, AnnouncementJson(*withdrawn));
  }, {.any_of = {security::Permission::kMeetingManage, security::Permission::kSettingsManage}}));

  router.Add("GET", "/api/v1/announcements/{id}/receipts", Authed(context, [&context](http::Request& request,
                                                                                       const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    auto receipts = context.announcements->Receipts(who, *id);
    if (!receipts) return Problem(request, receipts.error());
    boost::json::array bodies;
    for (const auto& body : *receipts) bodies.push_back(ReceiptsJson(body));
    return http::Response::Json(200, boost::json::object{{"bodies", bodies}});
  }, {.any_of = {security::Permission::kMeetingManage, security::Permission::kSettingsManage}}));
}

}  // namespace wagelink::api
