#include "http/server.h"

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/write.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/experimental/awaitable_operators.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <array>
#include <atomic>
#include <limits>
#include <mutex>
#include <random>
#include <system_error>
#include <thread>
#include <unordered_map>

#include "core/keyed_limit.h"
#include "http/client_address.h"
#include "http/event_stream.h"
#include "http/problem.h"
#include "http/request_head.h"

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

// A Beast body that hands the bytes to a BodySpool as they arrive instead of keeping them.
struct SpoolBody {
  using value_type = std::shared_ptr<BodySpool>;

  class reader {
   public:
    template <bool isRequest, class Fields>
    reader(bhttp::header<isRequest, Fields>&, value_type& spool) : spool_(spool) {}
    void init(const boost::optional<std::uint64_t>&, beast::error_code& ec) { ec = {}; }
    template <class ConstBufferSequence>
    std::size_t put(const ConstBufferSequence& buffers, beast::error_code& ec) {
      std::size_t n = 0;
      try {
        for (auto buffer : beast::buffers_range_ref(buffers)) {
          spool_->Append(std::string_view(static_cast<const char*>(buffer.data()), buffer.size()));
          n += buffer.size();
        }
        ec = {};
      } catch (const std::system_error& e) {
        // A full disk is told apart so the client learns to retry later (the spool logs it).
        ec = boost::system::errc::make_error_code(e.code() == std::errc::no_space_on_device ? boost::system::errc::no_space_on_device
                                                                                          : boost::system::errc::io_error);
      } catch (const std::exception&) {
        ec = boost::system::errc::make_error_code(boost::system::errc::io_error);
      }
      return n;
    }
    void finish(beast::error_code& ec) { ec = {}; }

   private:
    value_type& spool_;
  };
};

constexpr std::size_t kDownloadPiece = 256 * 1024;
constexpr std::chrono::seconds kLingerAfterRefusal{5};

}  // namespace

struct Server::Impl {
  struct SessionEntry {
    Executor executor;
    beast::tcp_stream* stream;
    bool busy;
    std::shared_ptr<asio::steady_timer> stream_wake;  // set while the connection serves an event stream
  };

  Impl(ServerOptions o, ServerHooks h)
      : options(std::move(o)),
        hooks(std::move(h)),
        trusted(ParseTrustedProxies(options.trusted_proxies)),
        connections_per_client(options.max_connections_per_client),
        requests_per_client(options.max_requests_per_client),
        workers(std::max(1, options.worker_threads)) {}

  static TrustedProxies ParseTrustedProxies(const std::vector<std::string>& entries) {
    auto parsed = TrustedProxies::Parse(entries);
    if (!parsed) throw std::invalid_argument(parsed.error().message_en);
    return std::move(parsed.value());
  }

  ServerOptions options;
  ServerHooks hooks;
  TrustedProxies trusted;
  KeyedLimit connections_per_client;
  KeyedLimit requests_per_client;
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

  // Returns false when the response could not be sent whole (the connection must then close).
  asio::awaitable<bool> WriteResponse(beast::tcp_stream& stream, Response response, bool head, bool keep_alive,
                                      std::size_t& bytes) {
    stream.expires_after(options.write_timeout);
    bytes = response.body.size();
    if (response.body_source) co_return co_await WriteStreamedBody(stream, std::move(response), head, keep_alive, bytes);
    if (head) {
      bhttp::response<bhttp::empty_body> out{static_cast<bhttp::status>(response.status), 11};
      for (auto& [name, value] : response.headers) out.insert(name, value);  // Set-Cookie may repeat
      out.content_length(response.body.size());
      out.keep_alive(keep_alive);
      co_await bhttp::async_write(stream, out, kNoThrow);
    } else {
      bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), 11};
      for (auto& [name, value] : response.headers) out.insert(name, value);  // Set-Cookie may repeat
      out.body() = std::move(response.body);
      out.keep_alive(keep_alive);
      out.prepare_payload();
      auto [ec, n] = co_await bhttp::async_write(stream, out, kNoThrow);
      co_return !ec;
    }
    co_return true;
  }

  // A body read from its source piece by piece on a worker (the source may read a database) and
  // written as it comes, with the write timeout per piece: constant memory whatever the size.
  asio::awaitable<bool> WriteStreamedBody(beast::tcp_stream& stream, Response response, bool head, bool keep_alive,
                                          std::size_t& bytes) {
    bhttp::response<bhttp::empty_body> out{static_cast<bhttp::status>(response.status), 11};
    for (auto& [name, value] : response.headers) out.insert(name, value);  // Set-Cookie may repeat
    out.content_length(response.body_length);
    out.keep_alive(keep_alive);
    bhttp::response_serializer<bhttp::empty_body> header{out};
    auto [header_ec, header_n] = co_await bhttp::async_write_header(stream, header, kNoThrow);
    if (header_ec) co_return false;
    bytes = 0;
    if (head) co_return true;
    auto source = std::move(response.body_source);
    std::string piece(kDownloadPiece, '\0');
    std::uint64_t sent = 0;
    while (sent < response.body_length) {
      // (optional: a coroutine's value must be default-constructible)
      auto read = [&]() -> std::optional<Result<std::size_t>> { return source->Read(std::span<char>(piece.data(), piece.size())); };
      auto got = co_await OnWorker(read);
      Result<std::size_t> result = got ? std::move(**got) : *read();  // a full queue: read here, do not cut the download
      if (!result || *result == 0 || sent + *result > response.body_length) co_return false;
      stream.expires_after(options.write_timeout);
      auto [ec, n] = co_await asio::async_write(stream, asio::buffer(piece.data(), *result), kNoThrow);
      if (ec) co_return false;
      sent += n;
      bytes += n;
    }
    co_return true;
  }

  void SetBusy(std::uint64_t id, bool busy) {
    std::lock_guard lock(sessions_mutex);
    if (auto it = sessions.find(id); it != sessions.end()) it->second.busy = busy;
  }

  // The client a connection speaks for: its peer, or — from a trusted proxy speaking the PROXY
  // protocol — the address on the PROXY line, read under the header timeout. nullopt: refuse.
  asio::awaitable<std::optional<std::string>> ConnectionClient(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                                               const std::string& peer) {
    if (!options.proxy_protocol || !trusted.Contains(peer)) co_return peer;
    constexpr std::size_t kMaxProxyLine = 107;  // the v1 maximum, CRLF included
    stream.expires_after(std::min(options.header_timeout, options.read_timeout));
    for (;;) {
      std::string_view seen(static_cast<const char*>(buffer.data().data()), buffer.size());
      if (auto crlf = seen.find("\r\n"); crlf != std::string_view::npos) {
        auto source = ProxyLineSource(seen.substr(0, crlf));
        buffer.consume(crlf + 2);
        if (!source) co_return std::nullopt;
        co_return source->empty() ? peer : *source;
      }
      if (buffer.size() >= kMaxProxyLine) co_return std::nullopt;
      auto [ec, n] = co_await stream.async_read_some(buffer.prepare(kMaxProxyLine - buffer.size()), kNoThrow);
      if (ec) co_return std::nullopt;
      buffer.commit(n);
    }
  }

  asio::awaitable<void> Session(tcp::socket socket, std::uint64_t id, bool over_limit) {
    beast::tcp_stream stream(std::move(socket));
    std::string peer;
    {
      boost::system::error_code ec;
      auto remote = stream.socket().remote_endpoint(ec);
      if (!ec) peer = CanonicalAddress(remote.address().to_string()).value_or(remote.address().to_string());
    }
    if (over_limit || stopping) {
      co_await Reject(stream, ErrorCode::kServiceUnavailable, "服务器连接数已满，请稍后重试",
                      "Too many connections; retry shortly", peer, "1");
      boost::system::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
      co_return;
    }
    {
      std::lock_guard lock(sessions_mutex);
      sessions.emplace(id, SessionEntry{Executor(stream.get_executor()), &stream, false, nullptr});
    }
    beast::flat_buffer buffer;
    co_await ServeConnection(stream, buffer, id, peer);
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

  asio::awaitable<void> ServeConnection(beast::tcp_stream& stream, beast::flat_buffer& buffer, std::uint64_t id,
                                        const std::string& peer) {
    auto connection_client = co_await ConnectionClient(stream, buffer, peer);
    if (!connection_client) {
      co_await Reject(stream, ErrorCode::kBadRequest, "PROXY 协议行缺失或格式错误", "Missing or malformed PROXY protocol line", peer);
      co_return;
    }
    // A trusted proxy carries every client's connections; it is limited per request instead.
    std::optional<KeyedLimit::Slot> connection_slot;
    if (!trusted.Contains(*connection_client)) {
      connection_slot = connections_per_client.TryAcquire(*connection_client);
      if (!connection_slot) {
        co_await Reject(stream, ErrorCode::kTooManyRequests, "来自同一地址的连接过多，请稍后重试",
                        "Too many connections from this address; retry shortly", *connection_client, "1");
        co_return;
      }
    }
    bool first = true;
    while (!stopping) {
      // An idle keep-alive connection may wait idle_timeout for its next request; once a request
      // has begun, its header must be complete within header_timeout (slowloris).
      if (!first && buffer.size() == 0) {
        stream.expires_after(options.idle_timeout);
        auto [ec, n] = co_await stream.async_read_some(buffer.prepare(4096), kNoThrow);
        if (ec) co_return;
        buffer.commit(n);
      }
      bhttp::request_parser<bhttp::string_body> parser;
      parser.header_limit(static_cast<std::uint32_t>(options.header_limit));
      // The route's own limit is applied once the header says where the request goes.
      parser.body_limit(std::numeric_limits<std::uint64_t>::max());
      stream.expires_after(std::min(options.header_timeout, options.read_timeout));
      auto [ec, n] = co_await bhttp::async_read_header(stream, buffer, parser, kNoThrow);
      auto started = std::chrono::steady_clock::now();
      if (ec) {
        if (ec == bhttp::error::header_limit) {
          co_await Reject(stream, ErrorCode::kHeaderTooLarge, "请求头超过 8 KiB 上限", "Request header exceeds 8 KiB", *connection_client);
        } else if (ec.category() == bhttp::make_error_code(bhttp::error::end_of_stream).category() && ec != bhttp::error::end_of_stream &&
                   ec != bhttp::error::partial_message) {
          co_await Reject(stream, ErrorCode::kBadRequest, "HTTP 请求格式错误", "Malformed HTTP request", *connection_client);
        }
        co_return;  // closed, timed out (slow client) or cancelled by shutdown
      }
      SetBusy(id, true);
      bool keep_alive = co_await ServeRequest(stream, buffer, parser, id, *connection_client, started);
      SetBusy(id, false);
      if (!keep_alive) co_return;
      first = false;
    }
  }

  // Serves one request whose header has been read; returns whether the connection may carry another.
  asio::awaitable<bool> ServeRequest(beast::tcp_stream& stream, beast::flat_buffer& buffer,
                                     bhttp::request_parser<bhttp::string_body>& parser, std::uint64_t id,
                                     const std::string& connection_client,
                                     std::chrono::steady_clock::time_point started) {
    Request request = FromHeader(parser.get(), connection_client);
    std::string raw_path = request.target.substr(0, request.target.find('?'));
    auto refuse = [&](Response response, const char* retry_after) -> asio::awaitable<bool> {
      if (retry_after) response.SetHeader("Retry-After", retry_after);
      Decorate(response, request.request_id);
      int status = response.status;
      std::size_t bytes = 0;
      co_await WriteResponse(stream, std::move(response), false, false, bytes);
      Log(request, raw_path, status, bytes, started);
      if (!parser.is_done()) co_await DrainBeforeClose(stream);
      co_return false;  // the body, if any, was not read: the connection cannot be reused
    };
    if (!OnlyChunkedTransferCoding(parser)) {
      // RFC 9112 §6.1: without chunked as the final coding the body length is unknown.
      co_return co_await refuse(ProblemResponse(ErrorCode::kBadRequest, "不支持的传输编码：仅接受 Transfer-Encoding: chunked",
                                                "Unsupported transfer coding: only Transfer-Encoding: chunked is accepted",
                                                request.request_id), nullptr);
    }
    auto decoded = request.target.starts_with('/') ? DecodePath(raw_path) : std::nullopt;
    if (!decoded) {
      co_return co_await refuse(ProblemResponse(ErrorCode::kBadRequest, "请求路径无效", "Invalid request path", request.request_id), nullptr);
    }
    request.path = std::move(*decoded);
    if (auto query_start = request.target.find('?'); query_start != std::string::npos) {
      auto query = ParseQuery(std::string_view(request.target).substr(query_start + 1));
      if (!query) {
        co_return co_await refuse(ProblemResponse(ErrorCode::kBadRequest, "查询字符串无效（% 后应为两位十六进制数）",
                                                  "Invalid query string (a % must be followed by two hex digits)", request.request_id),
                                  nullptr);
      }
      request.query = std::move(*query);
    }
    auto in_flight = requests_per_client.TryAcquire(request.client_address);
    if (!in_flight) {
      co_return co_await refuse(ProblemResponse(ErrorCode::kTooManyRequests, "来自同一地址的并发请求过多，请稍后重试",
                                                "Too many concurrent requests from this address; retry shortly",
                                                request.request_id), "1");
    }
    std::size_t limit = hooks.body_limit ? hooks.body_limit(request.method, raw_path) : options.default_body_limit;
    auto declared = parser.content_length();
    if (declared && *declared > limit) {
      co_return co_await refuse(ProblemResponse(ErrorCode::kPayloadTooLarge, "请求内容超过上限 " + std::to_string(limit) + " 字节",
                                                "Request body exceeds " + std::to_string(limit) + " bytes", request.request_id),
                                nullptr);
    }
    // A body beyond the default limit is read only for a request its route admits from the
    // headers (session, CSRF token, permission), so anonymous uploads cost no memory.
    bool large = parser.chunked() ? limit > options.default_body_limit : declared.value_or(0) > options.default_body_limit;
    // A spooled body is admitted first whatever its size, so nothing is spooled for a refused request.
    auto spool = hooks.spool_body && !parser.is_done() ? hooks.spool_body(request.method, raw_path) : nullptr;
    if ((large || spool) && hooks.admit) {
      auto refusal = co_await OnWorker([this, &request] { return hooks.admit(request); });
      if (!refusal) {
        co_return co_await refuse(Busy(request.request_id), "1");
      }
      if (*refusal) co_return co_await refuse(std::move(**refusal), nullptr);
    }
    if (!parser.is_done()) {
      if (auto expect = request.Header("expect"); expect && beast::iequals(*expect, "100-continue")) {
        stream.expires_after(options.write_timeout);
        static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
        co_await asio::async_write(stream, asio::buffer(kContinue), kNoThrow);
      }
    }
    bool keep_alive = parser.get().keep_alive();
    bool head = parser.get().method() == bhttp::verb::head;
    if (spool) {
      // A large upload: spooled as it arrives, the read timeout applying to each piece (a video
      // may take minutes on a slow line, but a stalled client is still cut off).
      bhttp::request_parser<SpoolBody> spooled(std::move(parser));
      spooled.get().body() = spool;
      spooled.body_limit(limit);
      while (!spooled.is_done()) {
        stream.expires_after(options.read_timeout);
        auto [body_ec, body_n] = co_await bhttp::async_read_some(stream, buffer, spooled, kNoThrow);
        if (body_ec) {
          co_await RejectBody(stream, body_ec, request.client_address);
          co_return false;
        }
      }
      request.body_spool = std::move(spool);
    } else {
      parser.body_limit(limit);
      stream.expires_after(options.read_timeout);
      auto [body_ec, body_n] = co_await bhttp::async_read(stream, buffer, parser, kNoThrow);
      if (body_ec) {
        co_await RejectBody(stream, body_ec, request.client_address);
        co_return false;
      }
      request.body = std::move(parser.get().body());
    }

    auto dispatched = co_await Dispatch(request, raw_path);
    in_flight.reset();
    Response response = dispatched ? std::move(*dispatched) : Busy(request.request_id);
    Decorate(response, request.request_id);
    int status = response.status;
    keep_alive = keep_alive && !stopping;
    std::size_t bytes = 0;
    if (response.stream) {
      keep_alive = false;  // the stream ends with the connection
      status = co_await ServeEventStream(stream, id, std::move(response), request.request_id, bytes);
    } else {
      keep_alive = co_await WriteResponse(stream, std::move(response), head, keep_alive, bytes) && keep_alive;
    }
    Log(request, raw_path, status, bytes, started);
    co_return keep_alive;
  }

  // The handler's answer: on the I/O thread for a route that answers inline (it cannot block),
  // otherwise on the worker pool; nullopt when the pool's queue is full.
  asio::awaitable<std::optional<Response>> Dispatch(Request& request, std::string_view raw_path) {
    if (hooks.answer_inline && hooks.answer_inline(request.method, raw_path)) co_return hooks.dispatch(request);
    co_return co_await OnWorker([this, &request] { return hooks.dispatch(request); });
  }

  // Runs `job` on the worker pool when the handler queue has room; nullopt when it has none.
  template <class Job>
  asio::awaitable<std::optional<std::invoke_result_t<Job>>> OnWorker(Job job) {
    using Value = std::invoke_result_t<Job>;
    if (pending.fetch_add(1) >= options.max_pending_requests) {
      pending.fetch_sub(1);
      co_return std::nullopt;
    }
    Value value = co_await asio::co_spawn(
        workers.get_executor(), [&job]() -> asio::awaitable<Value> { co_return job(); }, asio::use_awaitable);
    pending.fetch_sub(1);
    co_return std::optional<Value>(std::move(value));
  }

  static Response Busy(const std::string& request_id) {
    Response response =
        ProblemResponse(ErrorCode::kServiceUnavailable, "服务器繁忙，请稍后重试", "Server busy; retry shortly", request_id);
    response.SetHeader("Retry-After", "1");
    return response;
  }

  Request FromHeader(const bhttp::request_parser<bhttp::string_body>::value_type& header,
                     const std::string& connection_client) {
    std::vector<std::string_view> forwarded_for;
    Request request = RequestFromHeader(header, forwarded_for);
    request.client_address = trusted.ClientOf(connection_client, forwarded_for);
    auto incoming_id = request.Header("x-request-id");
    request.request_id_from_client = incoming_id && UsableRequestId(*incoming_id);
    request.request_id = request.request_id_from_client ? std::string(*incoming_id) : NewRequestId();
    return request;
  }

  // True when the request has no Transfer-Encoding or exactly `chunked` (the only coding served).
  static bool OnlyChunkedTransferCoding(const bhttp::request_parser<bhttp::string_body>& parser) {
    auto [begin, end] = parser.get().equal_range(bhttp::field::transfer_encoding);
    if (begin == end) return true;
    std::size_t codings = 0;
    for (auto field = begin; field != end; ++field) {
      for (auto coding : bhttp::token_list(field->value())) {
        if (!beast::iequals(coding, "chunked")) return false;
        ++codings;
      }
    }
    return codings == 1 && parser.chunked();
  }

  void Log(const Request& request, const std::string& raw_path, int status, std::size_t bytes,
           std::chrono::steady_clock::time_point started) {
    if (!hooks.access_log) return;
    auto micros = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started);
    hooks.access_log({request.request_id, request.method, raw_path, request.route_pattern, status, bytes, micros.count(),
                      request.client_address});
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
  // worker held. Ends when the client goes away, a write times out, the stream ends (its session
  // did) or the server shuts down.
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
      const bool ended = events->Ended();
      pending += events->Take();
      if (!pending.empty()) {
        stream.expires_after(options.write_timeout);
        auto [ec, n] = co_await asio::async_write(stream, asio::buffer(pending), kNoThrow);
        bytes += n;
        pending.clear();
        if (ec) break;
      }
      if (stopping || ended) break;
      if (signalled->load()) continue;  // woken while writing
      // Sleeps until there is news, a heartbeat is due or the client goes away. A stream's client
      // sends nothing, so a readable socket means it closed (or misbehaves): the stream — and its
      // user's stream slot — is freed now, not at the next failed heartbeat write.
      using namespace asio::experimental::awaitable_operators;
      wake->expires_after(options.stream_heartbeat);
      auto woken = co_await (wake->async_wait(kNoThrow) || stream.socket().async_wait(tcp::socket::wait_read, kNoThrow));
      if (woken.index() == 1) break;
      if (!std::get<0>(std::get<0>(woken))) pending = ": heartbeat\n\n";
    }
    events->Close();
    MarkStreaming(id, nullptr);
    open_streams.fetch_sub(1);
    co_return response.status;
  }

  // Answers a request whose body could not be read whole; the caller then closes the connection.
  asio::awaitable<void> RejectBody(beast::tcp_stream& stream, beast::error_code ec, const std::string& client) {
    if (ec == bhttp::error::body_limit) {
      co_await Reject(stream, ErrorCode::kPayloadTooLarge, "请求内容超过上限", "Request body too large", client);
      co_await DrainBeforeClose(stream);
    } else if (ec == boost::system::errc::no_space_on_device) {
      co_await Reject(stream, ErrorCode::kServiceUnavailable, "存储空间已满，本次提交未保存，请稍后重试；已通知系统管理员",
                      "Storage is full; nothing was saved. Retry later; the administrator has been alerted", client, "60");
      co_await DrainBeforeClose(stream);
    } else if (ec == boost::system::errc::io_error) {
      co_await Reject(stream, ErrorCode::kServiceUnavailable, "上传内容暂存失败，请稍后重试", "The upload could not be kept; retry later",
                      client);
      co_await DrainBeforeClose(stream);
    } else if (ec != asio::error::operation_aborted && ec != beast::error::timeout && ec != bhttp::error::end_of_stream &&
               ec != bhttp::error::partial_message) {
      co_await Reject(stream, ErrorCode::kBadRequest, "HTTP 请求格式错误", "Malformed HTTP request", client);
    }
  }

  // After answering a request whose body is still arriving: closing at once, with unread bytes in
  // the receive buffer, makes the kernel send a reset that can destroy the answer before the client
  // reads it (RFC 9112 §9.6). So the sending side is shut and what still arrives is read and thrown
  // away, for a few seconds at most, as servers' "lingering close" does.
  asio::awaitable<void> DrainBeforeClose(beast::tcp_stream& stream) {
    boost::system::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    const auto deadline = std::chrono::steady_clock::now() + kLingerAfterRefusal;
    std::array<char, 16 * 1024> discard;
    while (std::chrono::steady_clock::now() < deadline) {
      stream.expires_at(deadline);
      auto [ec, n] = co_await stream.async_read_some(asio::buffer(discard), kNoThrow);
      if (ec) break;
    }
  }

  // Answers a request or connection that will not be served; the caller then closes the connection.
  asio::awaitable<void> Reject(beast::tcp_stream& stream, ErrorCode code, std::string zh, std::string en,
                               const std::string& client, const char* retry_after = nullptr) {
    std::string request_id = NewRequestId();
    Response response = ProblemResponse(MakeError(code, std::move(zh), std::move(en)), request_id);
    if (retry_after) response.SetHeader("Retry-After", retry_after);
    Decorate(response, request_id);
    int status = response.status;
    std::size_t bytes = 0;
    co_await WriteResponse(stream, std::move(response), false, false, bytes);
    if (hooks.access_log) hooks.access_log({request_id, "-", "-", {}, status, bytes, 0, client});
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

ServerLoad Server::Load() const {
  ServerLoad load;
  {
    std::lock_guard lock(impl_->sessions_mutex);
    load.connections = impl_->sessions.size();
  }
  load.pending_requests = impl_->pending.load();
  load.open_streams = impl_->open_streams.load();
  load.worker_threads = static_cast<std::size_t>(std::max(1, impl_->options.worker_threads));
  return load;
}

void Server::Wait() {
  if (impl_->joined) return;
  for (auto& thread : impl_->io_threads) thread.join();
  impl_->workers.join();
  impl_->joined = true;
}

}  // namespace wagelink::http
