#include "http/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/url/parse.hpp>

namespace wagelink::http {
namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

ClientResult PostOnce(const std::string& url, const std::string& body, const HeaderList& headers,
                      std::chrono::milliseconds timeout) {
  auto parsed = boost::urls::parse_uri(url);
  if (!parsed || parsed->scheme() != "http" || parsed->host().empty()) {
    return {0, "webhook URL must be http://host[:port]/path", {}};
  }
  std::string host(parsed->host());
  std::string port = parsed->has_port() ? std::string(parsed->port()) : "80";
  std::string target(parsed->encoded_target());
  if (target.empty()) target = "/";
  try {
    asio::io_context io;
    asio::ip::tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    beast::error_code ec;
    auto endpoints = resolver.resolve(host, port, ec);
    if (ec) return {0, "resolve: " + ec.message(), {}};
    // One deadline covers connect, write and read: the sender thread is never stuck on a gateway.
    stream.expires_after(timeout);
    bool done = false;
    ClientResult result;
    stream.async_connect(endpoints, [&](beast::error_code connect_ec, const auto&) {
      if (connect_ec) {
        result.error = "connect: " + connect_ec.message();
        done = true;
      }
    });
    io.run();
    if (done) return result;
    io.restart();
    bhttp::request<bhttp::string_body> request{bhttp::verb::post, target, 11};
    request.set(bhttp::field::host, host);
    request.set(bhttp::field::content_type, "application/json; charset=utf-8");
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = body;
    request.keep_alive(false);
    request.prepare_payload();
    beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> response;
    bhttp::async_write(stream, request, [&](beast::error_code write_ec, std::size_t) {
      if (write_ec) {
        result.error = "write: " + write_ec.message();
        return;
      }
      bhttp::async_read(stream, buffer, response, [&](beast::error_code read_ec, std::size_t) {
        if (read_ec) {
          result.error = "read: " + read_ec.message();
          return;
        }
        result.status = static_cast<int>(response.result_int());
        result.body = response.body().substr(0, 2000);
      });
    });
    io.run();
    stream.socket().shutdown(asio::ip::tcp::socket::shutdown_both, ec);
    return result;
  } catch (const std::exception& e) {
    return {0, e.what(), {}};
  }
}

}  // namespace wagelink::http
