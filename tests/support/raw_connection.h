#pragma once
// Test support: a raw TCP connection to the test server, for requests HttpClient cannot send —
// half-sent headers, hostile framing, PROXY lines, held-open event streams — optionally from
// another loopback address (127.0.0.2 ...), which the server sees as another client.
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

#include "support/test_server.h"

namespace wagelink::testing {

class RawConnection {
 public:
  explicit RawConnection(std::uint16_t port, const std::string& from = "127.0.0.1") : socket_(io_) {
    namespace asio = boost::asio;
    socket_.open(asio::ip::tcp::v4());
    socket_.bind(asio::ip::tcp::endpoint(asio::ip::make_address(from), 0));
    socket_.connect(asio::ip::tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    socket_.non_blocking(true);
  }
  void Send(const std::string& bytes) {
    socket_.non_blocking(false);
    boost::system::error_code ec;  // the server may have closed already; the answer says why
    boost::asio::write(socket_, boost::asio::buffer(bytes), ec);
    socket_.non_blocking(true);
  }
  // Like Send, but says whether every byte was accepted (false once the server has reset the connection).
  bool SendAccepted(const std::string& bytes) {
    socket_.non_blocking(false);
    boost::system::error_code ec;
    boost::asio::write(socket_, boost::asio::buffer(bytes), ec);
    socket_.non_blocking(true);
    return !ec;
  }
  // Reads until `needle` has arrived (true), the server closed the connection, or `limit` passed.
  bool ReadUntil(const std::string& needle, std::chrono::milliseconds limit = std::chrono::seconds(10)) {
    auto deadline = std::chrono::steady_clock::now() + limit;
    while (received_.find(needle) == std::string::npos && !closed_ && std::chrono::steady_clock::now() < deadline) {
      char buf[4096];
      boost::system::error_code ec;
      auto n = socket_.read_some(boost::asio::buffer(buf), ec);
      if (ec == boost::asio::error::would_block) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
        continue;
      }
      if (ec) {
        closed_ = true;
        break;
      }
      received_.append(buf, n);
    }
    return received_.find(needle) != std::string::npos;
  }
  // Waits up to `limit` for the server to close the connection.
  bool ClosedWithin(std::chrono::milliseconds limit) {
    ReadUntil("\x01never\x02", limit);
    return closed_;
  }
  bool closed() const { return closed_; }
  const std::string& received() const { return received_; }
  int StatusLines() const {
    int lines = 0;
    for (auto at = received_.find("HTTP/1.1 "); at != std::string::npos; at = received_.find("HTTP/1.1 ", at + 1)) ++lines;
    return lines;
  }

 private:
  boost::asio::io_context io_;
  boost::asio::ip::tcp::socket socket_;
  std::string received_;
  bool closed_ = false;
};

inline std::string CookieHeader(const HttpClient& user) {
  std::string cookies;
  for (const auto& [name, value] : user.cookies) cookies += (cookies.empty() ? "" : "; ") + name + "=" + value;
  return "Cookie: " + cookies + "\r\n";
}

// A connection holding GET /api/v1/inbox/stream open with a signed-in user's cookies.
class OpenStream : public RawConnection {
 public:
  OpenStream(std::uint16_t port, const HttpClient& user, const std::string& extra_headers = "") : RawConnection(port) {
    Send("GET /api/v1/inbox/stream HTTP/1.1\r\nHost: localhost\r\nAccept: text/event-stream\r\n" + CookieHeader(user) +
         extra_headers + "\r\n");
  }
};

}  // namespace wagelink::testing
