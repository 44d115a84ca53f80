#pragma once
// A 检察建议 as the API shows it (the recommendation routes and the worklist).
#include <boost/json/object.hpp>

#include "services/recommendation_service.h"

namespace wagelink::api {

boost::json::object RecommendationJson(const services::RecommendationView& view, const services::ReplyPeriod& period);

}  // namespace wagelink::api
