// Transport behaviour of the real server: problem responses, limits, timeouts, request ids,
// static files, and that one slow or hostile client never stops the server serving others.
#include <gtest/gtest.h>

#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <future>
#include <thread>

#include "support/test_server.h"

namespace wagelink::testing {
namespace {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;

// Sends raw bytes and returns whatever the server answers before closing (or the timeout).
std::string RawExchange(std::uint16_t port, const std::string& bytes, std::chrono::milliseconds wait = std::chrono::seconds(5)) {
  asio::io_context io;
  tcp::socket socket(io);
  socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
  asio::write(socket, asio::buffer(bytes));
  std::string out;
  auto deadline = std::chrono::steady_clock::now() + wait;
  socket.non_blocking(true);
  char buf[4096];
  while (std::chrono::steady_clock::now() < deadline) {
    boost::system::error_code ec;
    auto n = socket.read_some(asio::buffer(buf), ec);
    if (ec == asio::error::would_block) {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
      continue;
    }
    if (ec) break;
    out.append(buf, n);
  }
  return out;
}

TEST(Server, HealthzAnswersOkWithRequestIdAndSecurityHeaders) {
  TestServer server({.demo = false});
  auto response = server.Client().Get("/healthz");
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.Json().at("status").as_string(), "ok");
  EXPECT_EQ(response.Header("x-request-id").size(), 16u);
  EXPECT_NE(response.Header("content-security-policy").find("frame-ancestors 'none'"), std::string::npos);
  EXPECT_EQ(response.Header("x-content-type-options"), "nosniff");
}

TEST(Server, ReadyzReportsDatabaseAndCurrentSchema) {
  TestServer server({.demo = false});
  auto response = server.Client().Get("/readyz");
  ASSERT_EQ(response.status, 200) << response.body;
  auto body = response.Json().as_object();
  EXPECT_EQ(body.at("database").as_string(), "reachable");
  EXPECT_EQ(body.at("schema_version"), body.at("expected_schema_version"));
}

TEST(Server, UnknownApiPathIsProblemJsonInChineseAndEnglish) {
  TestServer server({.demo = false});
  auto response = server.Client().Get("/api/v1/no-such-thing");
  EXPECT_EQ(response.status, 404);
  EXPECT_EQ(response.Header("content-type"), "application/problem+json; charset=utf-8");
  auto body = response.Json().as_object();
  EXPECT_EQ(body.at("type").as_string(), "urn:wagelink:problem:not_found");
  EXPECT_EQ(body.at("code").as_string(), "not_found");
  EXPECT_EQ(body.at("title").as_string(), "未找到");
  EXPECT_EQ(body.at("title_en").as_string(), "Not found");
  EXPECT_EQ(body.at("request_id").as_string(), response.Header("x-request-id"));
}

TEST(Server, WrongMethodIs405WithAllowHeader) {
  TestServer server({.demo = false});
  auto response = server.Client().Send("DELETE", "/healthz");
  EXPECT_EQ(response.status, 405);
  EXPECT_EQ(response.Header("allow"), "GET");
}

TEST(Server, CallerRequestIdIsKeptWhenPlainAndReplacedWhenHostile) {
  TestServer server({.demo = false});
  auto client = server.Client();
  EXPECT_EQ(client.Send("GET", "/healthz", "", {{"X-Request-Id", "trace-42.a_b"}}).Header("x-request-id"), "trace-42.a_b");
  auto hostile = client.Send("GET", "/healthz", "", {{"X-Request-Id", "bad\"id{injected}"}});
  EXPECT_NE(hostile.Header("x-request-id"), "bad\"id{injected}");
  EXPECT_EQ(hostile.Header("x-request-id").size(), 16u);
}

TEST(Server, OversizedHeaderIs431AndServerKeepsServing) {
  TestServer server({.demo = false});
  std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(9000, 'a') + "\r\n\r\n";
  auto answer = RawExchange(server.port(), request);
  EXPECT_NE(answer.find("HTTP/1.1 431"), std::string::npos) << answer.substr(0, 200);
  EXPECT_NE(answer.find("header_too_large"), std::string::npos);
  EXPECT_EQ(server.Client().Get("/healthz").status, 200);
}

TEST(Server, OversizedBodyIs413BeforeTheBodyIsRead) {
  TestServer server({.demo = false});
  std::string request = "POST /healthz HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                        std::to_string(2 << 20) + "\r\n\r\n{";
  auto answer = RawExchange(server.port(), request);
  EXPECT_NE(answer.find("HTTP/1.1 413"), std::string::npos) << answer.substr(0, 200);
  EXPECT_NE(answer.find("payload_too_large"), std::string::npos);
  EXPECT_EQ(server.Client().Get("/healthz").status, 200);
}

TEST(Server, MalformedRequestLineIs400) {
  TestServer server({.demo = false});
  auto answer = RawExchange(server.port(), "GARBAGE\x01\x02 / HTTP/9.9\r\n\r\n");
  EXPECT_NE(answer.find("HTTP/1.1 400"), std::string::npos) << answer.substr(0, 200);
  EXPECT_EQ(server.Client().Get("/healthz").status, 200);
}

TEST(Server, EncodedSlashOrNulInPathIs400) {
  TestServer server({.demo = false});
  auto client = server.Client();
  EXPECT_EQ(client.Get("/api/v1/..%2F..%2Fetc%2Fpasswd").status, 400);
  EXPECT_EQ(client.Get("/api/v1/a%00b").status, 400);
}

TEST(Server, SlowClientIsCutOffAtReadTimeoutWhileOthersAreServed) {
  TestServer server({.demo = false, .tweak = [](app::Config& c) { c.read_timeout_ms = 400; }});
  auto slow = std::async(std::launch::async, [&] {
    auto started = std::chrono::steady_clock::now();
    auto answer = RawExchange(server.port(), "GET /healthz HTTP/1.1\r\nHost: x\r\n", std::chrono::seconds(5));
    return std::make_pair(answer, std::chrono::steady_clock::now() - started);
  });
  for (int i = 0; i < 5; ++i) EXPECT_EQ(server.Client().Get("/healthz").status, 200);
  auto [answer, elapsed] = slow.get();
  EXPECT_EQ(answer.find("200 OK"), std::string::npos);
  EXPECT_LT(elapsed, std::chrono::seconds(3)) << "the trickling connection must be closed at the read timeout";
}

TEST(Server, SlowHandlerDoesNotStallOtherRequests) {
  TestServer server({.demo = false});
  auto slow = std::async(std::launch::async, [&] { return server.Client().Get("/api/v1/_test/sleep?ms=4000"); });
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto started = std::chrono::steady_clock::now();
  EXPECT_EQ(server.Client().Get("/healthz").status, 200);
  // Well before the 4000 ms the sleeping handler holds its worker (headroom for a loaded machine
  // and sanitizer builds).
  EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(2500));
  EXPECT_EQ(slow.get().status, 200);
}

// The liveness check is answered on the I/O thread: with every worker held (in production, by
// database work behind a slow network) and more requests queued, /healthz still answers at once,
// so haproxy does not take a slow-but-working instance out (docs/operations.md, defect 3).
TEST(Server, HealthzAnswersWhileEveryWorkerIsBusyAndRequestsQueue) {
  TestServer server({.demo = false, .tweak = [](app::Config& c) { c.worker_threads = 2; }});
  std::vector<std::future<HttpResponse>> sleepers;
  for (int i = 0; i < 4; ++i) {
    sleepers.push_back(std::async(std::launch::async, [&] { return server.Client().Get("/api/v1/_test/sleep?ms=4000"); }));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let them take both workers and queue
  EXPECT_EQ(server.Client().Get("/healthz").status, 200);
  // On the worker pool it would have waited for a worker: the first sleeper answers after 4 s.
  for (auto& sleeper : sleepers) {
    EXPECT_EQ(sleeper.wait_for(std::chrono::seconds(0)), std::future_status::timeout) << "/healthz waited for a worker";
  }
  for (auto& sleeper : sleepers) EXPECT_EQ(sleeper.get().status, 200);
}

TEST(Server, ConnectionsOverTheLimitGet503) {
  TestServer server({.demo = false, .tweak = [](app::Config& c) { c.max_connections = 2; }});
  HttpClient a = server.Client(), b = server.Client();
  ASSERT_EQ(a.Get("/healthz").status, 200);
  ASSERT_EQ(b.Get("/healthz").status, 200);
  auto third = server.Client().Get("/healthz");
  EXPECT_EQ(third.status, 503);
  EXPECT_EQ(third.Json().at("code").as_string(), "service_unavailable");
}

TEST(Server, KeepAliveServesManyRequestsOnOneConnection) {
  TestServer server({.demo = false});
  auto client = server.Client();
  for (int i = 0; i < 50; ++i) ASSERT_EQ(client.Get("/healthz").status, 200);
}

TEST(Server, StartPageIsServedWhenTheWebUiIsNotBuilt) {
  TestServer server({.demo = false});
  auto response = server.Client().Get("/");
  EXPECT_EQ(response.status, 200);
  EXPECT_NE(response.body.find("欠薪案件行刑衔接平台"), std::string::npos);
  EXPECT_EQ(response.body.find("<script"), std::string::npos);
}

TEST(Server, SpaAssetsAreCachedAndClientRoutesFallBackToIndex) {
  std::string web = MakeTempDir();
  std::filesystem::create_directories(web + "/assets");
  std::ofstream(web + "/index.html") << "<!doctype html><div id=app></div>";
  std::ofstream(web + "/assets/index-abc123.js") << "console.log(1)";
  TestServer server({.demo = false, .tweak = [&](app::Config& c) { c.web_root = web; }});
  auto client = server.Client();
  auto asset = client.Get("/assets/index-abc123.js");
  EXPECT_EQ(asset.status, 200);
  EXPECT_EQ(asset.Header("content-type"), "text/javascript; charset=utf-8");
  EXPECT_NE(asset.Header("cache-control").find("immutable"), std::string::npos);
  auto route = client.Get("/cases/42/timeline");
  EXPECT_EQ(route.status, 200);
  EXPECT_EQ(route.body, "<!doctype html><div id=app></div>");
  EXPECT_EQ(route.Header("cache-control"), "no-cache");
  EXPECT_EQ(client.Get("/assets/missing.js").status, 404);
  EXPECT_EQ(client.Get("/../../etc/passwd").status, 200);  // normalised to a client route, never a file
  std::filesystem::remove_all(web);
}

}  // namespace
}  // namespace wagelink::testing
