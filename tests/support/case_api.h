#pragma once
// The case endpoints as the API tests call them: one path builder and one step request, instead of a
// copy in every test file.
#include <boost/json.hpp>
#include <cstdint>
#include <string>

#include "support/test_server.h"

namespace wagelink::testing {

inline std::string CasePath(std::int64_t id, const std::string& tail = "") {
  return "/api/v1/cases/" + std::to_string(id) + tail;
}

// POST /api/v1/cases/{id}/steps dated `at` (RFC 3339), with the payload and an optional reason.
inline HttpResponse Step(HttpClient& client, std::int64_t id, const std::string& event, const std::string& at,
                         boost::json::object payload = {}, const std::string& reason = "") {
  boost::json::object body{{"event", event}, {"at", at}, {"payload", payload}};
  if (!reason.empty()) body["reason"] = reason;
  return client.PostJson(CasePath(id, "/steps"), body);
}

}  // namespace wagelink::testing
