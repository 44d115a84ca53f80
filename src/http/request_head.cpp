#include "http/request_head.h"

#include <cctype>

namespace wagelink::http {

Request RequestFromHeader(const boost::beast::http::request_header<>& header, std::vector<std::string_view>& forwarded_for) {
  Request request;
  request.method = std::string(header.method_string());
  request.target = std::string(header.target());
  for (const auto& field : header) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (name == "x-forwarded-for") forwarded_for.push_back(field.value());
    request.headers.emplace_back(std::move(name), std::string(field.value()));
  }
  return request;
}

}  // namespace wagelink::http
