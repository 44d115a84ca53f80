#pragma once
// Every paged list answers in one shape: items, total (with total_is_lower_bound when counting
// stopped at a cap), page and page_size.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "http/json_body.h"
#include "http/message.h"
#include "services/page.h"

namespace wagelink::api {

// `extra` adds members beside the page's own (e.g. the caller's unread count).
template <class T, class ToJson>
http::Response PageResponse(const services::Page<T>& page, const http::PageRequest& request, ToJson to_json,
                            boost::json::object extra = {}) {
  boost::json::array items;
  items.reserve(page.items.size());
  for (const auto& item : page.items) items.emplace_back(to_json(item));
  extra["items"] = std::move(items);
  extra["total"] = page.total;
  extra["total_is_lower_bound"] = page.total_is_lower_bound;
  extra["page"] = request.page;
  extra["page_size"] = request.page_size;
  return http::Response::Json(200, extra);
}

}  // namespace wagelink::api
