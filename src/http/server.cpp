#include "http/server.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/write.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <atomic>
#include <limits>
#include <mutex>
#include <random>
#include <thread>
#include <unordered_map>

#include "http/event_stream.h"
#include "http/problem.h"

namespace wagelink::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;
using Executor = asio::any_io_executor;
constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);

namespace {

std::string NewRequestId() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string id(16, '0');
  auto bits = rng();
  for (auto& c : id) {
    c = kHex[bits & 0xF];
    bits >>= 4;
  }
  return id;
}

// Accepts a caller's X-Request-Id only when it is short and plain, so it cannot poison logs.
bool UsableRequestId(std::string_view id) {
  if (id.empty() || id.size() > 64) return false;
  for (char c : id) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.')) return false;
  }
  return true;
}

}  // namespace

struct Server::Impl {
  struct SessionEntry {
    Executor executor;
    beast::tcp_stream* stream;
    bool busy;
    std::shared_ptr<asio::steady_timer> stream_wake;  // set while the connection serves an event stream
  };

  Impl(ServerOptions o, ServerHooks h)
      : options(std::move(o)), hooks(std::move(h)), workers(std::max(1, options.worker_threads)) {}

  ServerOptions options;
  ServerHooks hooks;
  asio::io_context io;
  asio::thread_pool workers;
  tcp::acceptor acceptor{io};
  asio::steady_timer grace_timer{io};
  std::vector<std::thread> io_threads;
  std::atomic<std::size_t> pending{0};
  std::atomic<std::size_t> open_streams{0};
  std::atomic<bool> stopping{false};
  std::mutex sessions_mutex;
  std::unordered_map<std::uint64_t, SessionEntry> sessions;
  std::uint64_t next_session_id = 0;
  bool joined = false;

  void Decorate(Response& response, std::string_view request_id) {
    for (const auto& [name, value] : options.default_headers) {
      if (!response.Header(name)) response.headers.emplace_back(name, value);
    }
    response.SetHeader("X-Request-Id", std::string(request_id));
  }

  asio::awaitable<void> Listen() {
    for (;;) {
      auto [ec, socket] = co_await acceptor.async_accept(asio::make_strand(io), kNoThrow);
      if (ec) {
        if (stopping || ec == asio::error::operation_aborted) co_return;
        continue;  // e.g. EMFILE: keep accepting once descriptors free up
      }
      bool over_limit;
      std::uint64_t id;
      {
        std::lock_guard lock(sessions_mutex);
        over_limit = sessions.size() >= options.max_connections;
        id = ++next_session_id;
      }
      asio::co_spawn(socket.get_executor(), Session(std::move(socket), id, over_limit), asio::detached);
    }
  }

  asio::awaitable<void> WriteResponse(beast::tcp_stream& stream, Response response, bool head, bool keep_alive,
                                      std::size_t& bytes) {
    stream.expires_after(options.write_timeout);
    bytes = response.body.size();
    if (head) {
      bhttp::response<bhttp::empty_body> out{static_cast<bhttp::status>(response.status), 11};
      for (auto& [name, value] : response.headers) out.set(name, value);
      out.content_length(response.body.size());
      out.keep_alive(keep_alive);
      co_await bhttp::async_write(stream, out, kNoThrow);
    } else {
      bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), 11};
      for (auto& [name, value] : response.headers) out.set(name, value);
      out.body() = std::move(response.body);
      out.keep_alive(keep_alive);
      out.prepare_payload();
      co_await bhttp::async_write(stream, out, kNoThrow);
    }
  }

  void SetBusy(std::uint64_t id, bool busy) {
    std::lock_guard lock(sessions_mutex);
    if (auto it = sessions.find(id); it != sessions.end()) it->second.busy = busy;
  }

  asio::awaitable<void> Session(tcp::socket socket, std::uint64_t id, bool over_limit) {
    beast::tcp_stream stream(std::move(socket));
    std::string client;
    {
      boost::system::error_code ec;
      auto remote = stream.socket().remote_endpoint(ec);
      if (!ec) client = remote.address().to_string();
    }
    if (over_limit || stopping) {
      std::size_t bytes = 0;
      std::string request_id = NewRequestId();
      Response busy = ProblemResponse(ErrorCode::kServiceUnavailable, "服务器连接数已满，请稍后重试",
                                      "Too many connections; retry shortly", request_id);
      busy.SetHeader("Retry-After", "1");
      Decorate(busy, request_id);
      co_await WriteResponse(stream, std::move(busy), false, false, bytes);
      boost::system::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
      co_return;
    }
    {
      std::lock_guard lock(sessions_mutex);
      sessions.emplace(id, SessionEntry{Executor(stream.get_executor()), &stream, false, nullptr});
    }
    beast::flat_buffer buffer;
    bool first = true;
    while (!stopping) {
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
      // The route's own limit is applied once the header says where the request goes.
      parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      stream.expires_after(first ? options.read_timeout : options.idle_timeout);
      auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kNoThrow);
      auto started = std::chrono::steady_clock::now();
      if (ec) {
        if (ec == bhttp::error::header_limit) {
          co_await Reject(stream, ErrorCode::kHeaderTooLarge, "请求头超过 8 KiB 上限", "Request header exceeds 8 KiB", client);
        } else if (ec.category() == bhttp::make_error_code(bhttp::error::end_of_stream).category() && ec != bhttp::error::end_of_stream &&
                   ec != bhttp::error::partial_message) {
          co_await Reject(stream, ErrorCode::kBadRequest, "HTTP 请求格式错误", "Malformed HTTP request", client);
        }
        break;  // closed, timed out (slow client) or cancelled by shutdown
      }
      SetBusy(id, true);
      const auto& header = parser.get();
      std::string method(header.method_string());
      std::string target(header.target());
      std::string raw_path = target.substr(0, target.find('?'));
      std::size_t limit = hooks.body_limit ? hooks.body_limit(method, raw_path) : (1u << 20);
      if (parser.content_length() && *parser.content_length() > limit) {
        co_await Reject(stream, ErrorCode::kPayloadTooLarge, "请求内容超过上限 " + std::to_string(limit) + " 字节",
                        "Request body exceeds " + std::to_string(limit) + " bytes", client);
        break;
      }
      parser.body_limit(limit);
      stream.expires_after(options.read_timeout);
      auto [body_ec, body_n] = co_await bhttp::async_read(stream, buffer, parser, kNoThrow);
      if (body_ec) {
        if (body_ec == bhttp::error::body_limit) {
          co_await Reject(stream, ErrorCode::kPayloadTooLarge, "请求内容超过上限", "Request body too large", client);
        } else if (body_ec != asio::error::operation_aborted && body_ec != beast::error::timeout &&
                   body_ec != bhttp::error::end_of_stream && body_ec != bhttp::error::partial_message) {
          co_await Reject(stream, ErrorCode::kBadRequest, "HTTP 请求格式错误", "Malformed HTTP request", client);
        }
        break;
      }
      bhttp::request<bhttp::string_body> message = parser.release();
      bool keep_alive = message.keep_alive();
      bool head = message.method() == bhttp::verb::head;

      Request request;
      request.method = std::move(method);
      request.target = target;
      request.client_address = client;
      for (const auto& field : message) {
        std::string name(field.name_string());
        for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        request.headers.emplace_back(std::move(name), std::string(field.value()));
      }
      auto incoming_id = request.Header("x-request-id");
      request.request_id_from_client = incoming_id && UsableRequestId(*incoming_id);
      request.request_id = request.request_id_from_client ? std::string(*incoming_id) : NewRequestId();
      request.body = std::move(message.body());

      Response response;
      auto decoded = target.starts_with('/') ? DecodePath(raw_path) : std::nullopt;
      if (!decoded) {
        response = ProblemResponse(ErrorCode::kBadRequest, "请求路径无效", "Invalid request path", request.request_id);
      } else if (pending.fetch_add(1) >= options.max_pending_requests) {
        pending.fetch_sub(1);
        response = ProblemResponse(ErrorCode::kServiceUnavailable, "服务器繁忙，请稍后重试", "Server busy; retry shortly",
                                   request.request_id);
        response.SetHeader("Retry-After", "1");
      } else {
        request.path = std::move(*decoded);
        auto query_start = target.find('?');
        if (query_start != std::string::npos) request.query = ParseQuery(std::string_view(target).substr(query_start + 1));
        response = co_await asio::co_spawn(
            workers.get_executor(), [this, &request]() -> asio::awaitable<Response> { co_return hooks.dispatch(request); },
            asio::use_awaitable);
        pending.fetch_sub(1);
      }
      Decorate(response, request.request_id);
      int status = response.status;
      keep_alive = keep_alive && !stopping;
      std::size_t bytes = 0;
      if (response.stream) {
        keep_alive = false;  // the stream ends with the connection
        status = co_await ServeEventStream(stream, id, std::move(response), request.request_id, bytes);
      } else {
        co_await WriteResponse(stream, std::move(response), head, keep_alive, bytes);
      }
      if (hooks.access_log) {
        auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
        hooks.access_log({request.request_id, request.method, raw_path, status, bytes, micros.count(), client});
      }
      SetBusy(id, false);
      if (!keep_alive) break;
      first = false;
    }
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    bool last;
    {
      std::lock_guard lock(sessions_mutex);
      sessions.erase(id);
      last = sessions.empty();
    }
    if (last && stopping) grace_timer.cancel();
  }

  void MarkStreaming(std::uint64_t id, std::shared_ptr<asio::steady_timer> wake) {
    std::lock_guard lock(sessions_mutex);
    if (auto it = sessions.find(id); it != sessions.end()) {
      it->second.stream_wake = std::move(wake);
      it->second.busy = false;  // shutdown closes a stream at once, like an idle keep-alive connection
    }
  }

  // Writes the status line and headers, then whatever the event stream has ready each time it
  // wakes this coroutine, and a comment line as heartbeat when idle — on the I/O thread, with no
  // worker held. Ends when the client goes away, a write times out, or the server shuts down.
  asio::awaitable<int> ServeEventStream(beast::tcp_stream& stream, std::uint64_t id, Response response,
                                        const std::string& request_id, std::size_t& bytes) {
    auto events = std::move(response.stream);
    if (stopping || open_streams.fetch_add(1) >= options.max_streams) {
      if (!stopping) open_streams.fetch_sub(1);
      events->Close();
      Response busy = ProblemResponse(ErrorCode::kServiceUnavailable, "实时推送连接数已满，请稍后重试",
                                      "Too many live update streams; retry shortly", request_id);
      busy.SetHeader("Retry-After", "5");
      Decorate(busy, request_id);
      int status = busy.status;
      co_await WriteResponse(stream, std::move(busy), false, false, bytes);
      co_return status;
    }
    std::string pending = "HTTP/1.1 " + std::to_string(response.status) + " " +
                          std::string(bhttp::obsolete_reason(static_cast<bhttp::status>(response.status))) + "\r\n";
    for (const auto& [name, value] : response.headers) pending += name + ": " + value + "\r\n";
    pending += "Connection: close\r\n\r\n";  // the body ends when the connection does
    auto wake = std::make_shared<asio::steady_timer>(stream.get_executor());
    auto signalled = std::make_shared<std::atomic<bool>>(false);
    MarkStreaming(id, wake);
    events->Open([wake, signalled] {
      signalled->store(true);
      asio::post(wake->get_executor(), [wake] { wake->cancel(); });
    });
    while (!stopping) {
      signalled->store(false);
      pending += events->Take();
      if (!pending.empty()) {
        stream.expires_after(options.write_timeout);
        auto [ec, n] = co_await asio::async_write(stream, asio::buffer(pending), kNoThrow);
        bytes += n;
        pending.clear();
        if (ec) break;
      }
      if (stopping) break;
      if (signalled->load()) continue;  // woken while writing
      wake->expires_after(options.stream_heartbeat);
      auto [wait_ec] = co_await wake->async_wait(kNoThrow);
      if (!wait_ec) pending = ": heartbeat\n\n";
    }
    events->Close();
    MarkStreaming(id, nullptr);
    open_streams.fetch_sub(1);
    co_return response.status;
  }

  asio::awaitable<void> Reject(beast::tcp_stream& stream, ErrorCode code, std::string zh, std::string en,
                               const std::string& client) {
    std::string request_id = NewRequestId();
    Response response = ProblemResponse(MakeError(code, std::move(zh), std::move(en)), request_id);
    Decorate(response, request_id);
    int status = response.status;
    std::size_t bytes = 0;
    co_await WriteResponse(stream, std::move(response), false, false, bytes);
    if (hooks.access_log) hooks.access_log({request_id, "-", "-", status, bytes, 0, client});
  }

  // Runs on the io_context: closes the listener and the idle connections, arms the grace timer.
  void BeginShutdown() {
    boost::system::error_code ignored;
    acceptor.close(ignored);
    std::vector<SessionEntry> idle;
    {
      std::lock_guard lock(sessions_mutex);
      for (auto& [id, entry] : sessions) {
        if (!entry.busy) idle.push_back(entry);
      }
      if (sessions.empty()) return;
    }
    for (auto& entry : idle) {
      asio::post(entry.executor, [this, stream = entry.stream, executor = entry.executor]() {
        std::lock_guard lock(sessions_mutex);
        for (auto& [id, e] : sessions) {
          if (e.stream == stream && !e.busy) {
            e.stream->socket().cancel();
            if (e.stream_wake) e.stream_wake->cancel();
          }
        }
      });
    }
    grace_timer.expires_after(options.shutdown_grace);
    grace_timer.async_wait([this](boost::system::error_code ec) {
      if (ec) return;  // every connection closed in time
      std::lock_guard lock(sessions_mutex);
      for (auto& [id, entry] : sessions) {
        asio::post(entry.executor, [stream = entry.stream]() { stream->socket().close(); });
      }
    });
  }
};

Server::Server(ServerOptions options, ServerHooks hooks)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(hooks))) {}

Server::~Server() {
  Shutdown();
  Wait();
}

std::uint16_t Server::Start() {
  auto& impl = *impl_;
  tcp::endpoint endpoint(asio::ip::make_address(impl.options.address), impl.options.port);
  impl.acceptor.open(endpoint.protocol());
  impl.acceptor.set_option(asio::socket_base::reuse_address(true));
  impl.acceptor.bind(endpoint);
  impl.acceptor.listen(asio::socket_base::max_listen_connections);
  std::uint16_t port = impl.acceptor.local_endpoint().port();
  asio::co_spawn(impl.io, impl.Listen(), asio::detached);
  for (int i = 0; i < std::max(1, impl.options.io_threads); ++i) {
    impl.io_threads.emplace_back([&impl] { impl.io.run(); });
  }
  return port;
}

void Server::Shutdown() {
  if (impl_->stopping.exchange(true)) return;
  asio::post(impl_->io, [impl = impl_.get()] { impl->BeginShutdown(); });
}

void Server::Wait() {
  if (impl_->joined) return;
  for (auto& thread : impl_->io_threads) thread.join();
  impl_->workers.join();
  impl_->joined = true;
}

}  // namespace wagelink::http
