#pragma once
// The request and response every handler sees. Deliberately free of Beast types so that handler
// code compiles fast and can be tested without a socket; only http/server.cpp speaks Beast.
#include <boost/json/value.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/byte_source.h"

namespace wagelink::http {

using HeaderList = std::vector<std::pair<std::string, std::string>>;
class EventStream;  // http/event_stream.h
class BodySpool;    // http/body_spool.h

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string target;  // raw request target, e.g. "/api/v1/cases?page=2"
  std::string path;    // percent-decoded path without the query
  std::vector<std::pair<std::string, std::string>> query;  // decoded query parameters, in order
  HeaderList headers;  // names lower-cased
  std::string body;
  // Instead of `body`, for a route that spools its body (RouteOptions::spool): read it from here.
  std::shared_ptr<BodySpool> body_spool;
  std::string client_address;
  std::string request_id;
  std::vector<std::pair<std::string, std::string>> path_params;  // filled by the router
  // The pattern of the route that answered ("/api/v1/cases/{id}"), for metrics: set by the router
  // (it owns the text and outlives every request) or by the dispatcher for static files.
  std::string_view route_pattern;
  bool request_id_from_client = false;  // request_id is the caller's X-Request-Id

  // The request id as the audit trail records it. The server's own ids are 16 hex digits; a caller's
  // X-Request-Id is recorded as "client:<id>", and ':' is a character a caller's id may not hold,
  // so no request can pass its id off as one the server generated.
  std::string AuditRequestId() const { return request_id_from_client ? "client:" + request_id : request_id; }

  std::optional<std::string_view> Header(std::string_view lower_name) const;
  std::optional<std::string_view> Query(std::string_view name) const;
  std::optional<std::string_view> PathParam(std::string_view name) const;
  std::optional<std::string> Cookie(std::string_view name) const;
  bool IsUnsafeMethod() const { return method != "GET" && method != "HEAD" && method != "OPTIONS"; }
};

struct Response {
  int status = 200;
  HeaderList headers;
  std::string body;
  // When set, the status and headers are sent and then the stream's events until the connection
  // ends (text/event-stream, Connection: close); `body` is ignored.
  std::shared_ptr<EventStream> stream;
  // When set, the body is read from here piece by piece (a large download) and `body` is
  // ignored; `body_length` is its exact length (Content-Length). A source that fails cuts the
  // response short, so the client sees an incomplete download, never a complete wrong one.
  std::shared_ptr<ByteSource> body_source;
  std::uint64_t body_length = 0;

  void SetHeader(std::string name, std::string value);
  // Another header of a name that may repeat (Set-Cookie), keeping any already set.
  void AddHeader(std::string name, std::string value) { headers.emplace_back(std::move(name), std::move(value)); }
  std::optional<std::string_view> Header(std::string_view name) const;

  static Response Json(int status, const boost::json::value& body);
  static Response Text(int status, std::string content_type, std::string body);
  static Response NoContent();
};

// A Content-Disposition for a download (RFC 6266/8187): `ascii_fallback` for old clients and the
// UTF-8 `filename` percent-encoded, so a Chinese file name reaches the browser intact.
std::string AttachmentDisposition(std::string_view filename, std::string_view ascii_fallback);

// Splits "a=1&b=%E4%B8%AD" into decoded pairs; nullopt when the query string is malformed (a '%'
// without two hex digits, an escaped NUL), which the server refuses rather than guess at.
std::optional<std::vector<std::pair<std::string, std::string>>> ParseQuery(std::string_view query);
// Percent-decodes a path; returns nullopt for malformed escapes or an encoded NUL or '/'.
std::optional<std::string> DecodePath(std::string_view raw);

}  // namespace wagelink::http
