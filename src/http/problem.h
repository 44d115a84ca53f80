#pragma once
// RFC 9457 problem details: the one shape every error leaves the API in.
//   {"type":"urn:wagelink:problem:<code>","code":"<code>","status":N,"title":"<zh-CN>",
//    "title_en":"<English>","detail":"<zh-CN>","detail_en":"<English>","field":"...","request_id":"..."}
#include <boost/json/object.hpp>
#include <string_view>

#include "core/error.h"
#include "http/message.h"

namespace wagelink::http {

int HttpStatusFor(ErrorCode code);
// `extensions` adds members of the problem's own (RFC 9457 §3.2), e.g. a refused file's row errors.
Response ProblemResponse(const Error& error, std::string_view request_id, boost::json::object extensions = {});
inline Response ProblemResponse(ErrorCode code, std::string zh, std::string en, std::string_view request_id) {
  return ProblemResponse(MakeError(code, std::move(zh), std::move(en)), request_id);
}

}  // namespace wagelink::http
