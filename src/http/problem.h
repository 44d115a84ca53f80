#pragma once
// RFC 9457 problem details: the one shape every error leaves the API in.
//   {"type":"urn:wagelink:problem:<code>","code":"<code>","status":N,"title":"<zh-CN>",
//    "title_en":"<English>","detail":"<zh-CN>","detail_en":"<English>","field":"...","request_id":"..."}
#include <string_view>

#include "core/error.h"
#include "http/message.h"

namespace wagelink::http {

int HttpStatusFor(ErrorCode code);
Response ProblemResponse(const Error& error, std::string_view request_id);
inline Response ProblemResponse(ErrorCode code, std::string zh, std::string en, std::string_view request_id) {
  return ProblemResponse(MakeError(code, std::move(zh), std::move(en)), request_id);
}

}  // namespace wagelink::http
