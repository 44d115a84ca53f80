// /api/v1/inbox: the in-system inbox (站内信) of the caller's body.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "api/guard.h"
#include "api/routes.h"
#include "http/json_body.h"
#include "services/inbox_service.h"

namespace wagelink::api {

void RegisterInboxRoutes(http::Router& router, const ApiContext& context) {
  router.Add("GET", "/api/v1/inbox", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto page = http::ReadPage(request);
    if (!page) return Problem(request, page.error());
    auto inbox = context.inbox->List(who, page->page_size, page->offset());
    boost::json::array items;
    for (const auto& n : inbox.items) {
      items.push_back({{"id", n.id}, {"kind", n.kind}, {"title_zh", n.title_zh}, {"title_en", n.title_en},
                       {"case_id", n.case_id ? boost::json::value(*n.case_id) : nullptr}, {"created_at", n.created_at},
                       {"read", n.read_at.has_value()}});
    }
    return http::Response::Json(200, boost::json::object{{"items", items}, {"unread", inbox.unread},
                                                         {"page", page->page}, {"page_size", page->page_size}});
  }));
  router.Add("POST", "/api/v1/inbox/{id}/read", Authed(context, [&context](http::Request& request, const services::Principal& who) {
    auto id = PathId(request);
    if (!id) return Problem(request, id.error());
    if (auto done = context.inbox->MarkRead(who, *id); !done) return Problem(request, done.error());
    return http::Response::NoContent();
  }));
}

}  // namespace wagelink::api
