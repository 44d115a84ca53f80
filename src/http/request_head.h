#pragma once
// The request as the server first sees it: method, target and headers (names lower-cased) from
// Beast's parsed header. Shared by the server and the request-path fuzz target, so what is fuzzed
// is what is served.
#include <boost/beast/http/message.hpp>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace wagelink::http {

// Fills method, target and headers; appends every X-Forwarded-For value to `forwarded_for` (they
// point into `header`, which must outlive them).
Request RequestFromHeader(const boost::beast::http::request_header<>& header, std::vector<std::string_view>& forwarded_for);

}  // namespace wagelink::http
