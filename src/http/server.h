#pragma once
// The HTTP/1.1 server (Boost.Beast + Asio C++20 coroutines), shaped after Beast's
// advanced_server: a listener launches one coroutine per connection; each connection reads one
// request at a time under a timeout and runs its handler on a bounded worker pool, so a slow
// database call never stalls the network loop.
//
// | option               | default   | why                                                   |
// |----------------------|-----------|-------------------------------------------------------|
// | header_limit         | 8 KiB     | a larger header is refused with 431                    |
// | body limit           | per route | from the router (1 MiB default), refused with 413      |
// | read_timeout         | 15 s      | a client that trickles one request is cut off          |
// | idle_timeout         | 60 s      | keep-alive connections with no request are closed      |
// | max_connections      | 1024      | more are answered 503 and closed                       |
// | max_pending_requests | 512       | handler jobs queued or running; more get 503          |
// | shutdown_grace       | 10 s      | SIGTERM lets in-flight requests finish this long       |
// | max_streams          | 256       | open event streams (SSE); more are answered 503        |
// | stream_heartbeat     | 15 s      | comment line on an idle stream (proxies, dead clients) |
// | header_timeout       | 10 s      | a request's header must arrive this soon (slowloris)   |
// | max_connections_per_client | 64  | per client address; more are answered 429 and closed   |
// | max_requests_per_client    | 32  | per client address, from header to handler's answer; 429 |
// | default_body_limit   | 1 MiB     | a larger body is read only after the route admits the  |
// |                      |           | request from its headers (session, CSRF, permission)   |
// | trusted_proxies      | none      | peers whose X-Forwarded-For / PROXY line names the client |
// | proxy_protocol       | off       | trusted proxies open each connection with a PROXY v1 line |
//
// Limits are per client so that one address cannot take what every other client needs: the
// client is the TCP peer, or the address a trusted proxy reports (http/client_address.h). A
// trusted proxy itself is not limited per connection (all clients arrive through it) unless it
// speaks the PROXY protocol, which names the client of each connection.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "http/body_spool.h"
#include "http/message.h"

namespace wagelink::http {

struct ServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;
  int io_threads = 1;
  int worker_threads = 4;
  std::size_t max_connections = 1024;
  std::size_t max_pending_requests = 512;
  std::size_t header_limit = 8 * 1024;
  std::chrono::milliseconds read_timeout{15'000};
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds write_timeout{30'000};
  std::chrono::milliseconds shutdown_grace{10'000};
  std::size_t max_streams = 256;
  std::chrono::milliseconds stream_heartbeat{15'000};
  HeaderList default_headers;  // added to every response that does not set them (security headers)
  std::chrono::milliseconds header_timeout{10'000};
  std::size_t max_connections_per_client = 64;
  std::size_t max_requests_per_client = 32;
  std::size_t default_body_limit = 1 << 20;
  std::vector<std::string> trusted_proxies;  // addresses or networks; validated by the configuration
  bool proxy_protocol = false;
};

struct AccessRecord {
  std::string request_id;
  std::string method;
  std::string path;
  std::string_view route;  // Request::route_pattern; empty when no route was reached
  int status = 0;
  std::size_t bytes = 0;
  std::int64_t duration_us = 0;
  std::string client_address;
};

struct ServerHooks {
  std::function<Response(Request&)> dispatch;  // must not throw
  std::function<std::size_t(std::string_view method, std::string_view path)> body_limit;
  std::function<void(const AccessRecord&)> access_log;
  // Runs on a worker, from the request line and headers alone, before a body larger than
  // default_body_limit is read: a response refuses the request (it is sent and the connection
  // closed, the body never read); nullopt lets the body be read and the request dispatched.
  // Must not throw.
  std::function<std::optional<Response>(Request&)> admit;
  // A spool for the body of a request to a route that spools (large uploads); nullptr keeps the
  // body in memory. Asked after the admission, so a refused request is never spooled.
  std::function<std::shared_ptr<BodySpool>(std::string_view method, std::string_view path)> spool_body;
  // True for a request answered by `dispatch` on the I/O thread instead of the worker pool (a
  // handler that cannot block: the liveness check). Unset = every request goes to the workers.
  std::function<bool(std::string_view method, std::string_view path)> answer_inline;
};

// What the server is carrying at this instant (GET /metrics).
struct ServerLoad {
  std::size_t connections = 0;
  std::size_t pending_requests = 0;  // handler jobs queued or running on the worker pool
  std::size_t open_streams = 0;
  std::size_t worker_threads = 0;
};

class Server {
 public:
  Server(ServerOptions options, ServerHooks hooks);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds, starts the I/O threads and returns the bound port (so port 0 works). Throws on bind failure.
  std::uint16_t Start();
  // Stops accepting; idle connections close now, in-flight requests finish within shutdown_grace.
  // Safe to call from any thread, more than once.
  void Shutdown();
  // Blocks until every connection has closed and all threads have stopped.
  void Wait();
  ServerLoad Load() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace wagelink::http
