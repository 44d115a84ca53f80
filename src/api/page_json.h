#pragma once
// Every paged list answers in one shape: items, total (with total_is_lower_bound when counting
// stopped at a cap), page and page_size.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "http/json_body.h"
#include "http/message.h"
#include "services/page.h"

namespace wagelink::api {

template <class T, class ToJson>
http::Response PageResponse(const services::Page<T>& page, const http::PageRequest& request, ToJson to_json) {
  boost::json::array items;
  items.reserve(page.items.size());
  for (const auto& item : page.items) items.emplace_back(to_json(item));
  return http::Response::Json(200, boost::json::object{{"items", std::move(items)},
                                                       {"total", page.total},
                                                       {"total_is_lower_bound", page.total_is_lower_bound},
                                                       {"page", request.page},
                                                       {"page_size", request.page_size}});
}

}  // namespace wagelink::api
