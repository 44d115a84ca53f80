#pragma once
// A small blocking HTTP/1.1 client for the outbound webhook (plain http to a loopback or intranet
// gateway). Each call opens one connection, sends one request and reads one response under a
// total timeout; it never throws and is used only from background threads, never from a request.
#include <chrono>
#include <string>

#include "http/message.h"

namespace wagelink::http {

struct ClientResult {
  int status = 0;     // 0 when no response arrived
  std::string error;  // why there is no response (connection refused, timeout, bad URL)
  std::string body;
};

// `url` is http://host[:port]/path; anything else is answered with an error, not sent.
ClientResult PostOnce(const std::string& url, const std::string& body, const HeaderList& headers,
                      std::chrono::milliseconds timeout);

}  // namespace wagelink::http
