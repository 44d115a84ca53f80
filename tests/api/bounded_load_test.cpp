// The load one client can cause (issue 13): anonymous uploads are refused from their headers, one
// address cannot hold the connections or request slots everybody needs, a trickled header is cut
// off, a client's address comes from a trusted proxy only, an ambiguous body length is refused,
// and the expensive renderings are limited per user. Every test speaks to the real server over
// real sockets; "another client" is a second loopback address (127.0.0.2), no fixed ports.
#include <gtest/gtest.h>

#include <chrono>
#include <future>
#include <thread>

#include "support/raw_connection.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {
using namespace std::chrono_literals;

std::string UploadHeader(std::size_t length, const std::string& extra = "") {
  return "POST /api/v1/imports HTTP/1.1\r\nHost: x\r\nContent-Type: multipart/form-data; boundary=b\r\n"
         "Content-Length: " + std::to_string(length) + "\r\n" + extra + "\r\n";
}

// --- Authentication before the body --------------------------------------------------------------

TEST(BoundedLoad, AnonymousLargeUploadIsRefused401FromItsHeadersAndTheConnectionClosed) {
  TestServer server({.demo = false});
  RawConnection attacker(server.port());
  attacker.Send(UploadHeader(30u << 20));  // 30 MiB announced, not one byte of it sent
  ASSERT_TRUE(attacker.ReadUntil("\r\n\r\n", 5s)) << "answered before the read timeout, without the body";
  EXPECT_EQ(attacker.received().rfind("HTTP/1.1 401", 0), 0u) << attacker.received();
  EXPECT_TRUE(attacker.ReadUntil("\"code\":\"unauthenticated\"", 2s));
  EXPECT_TRUE(attacker.ClosedWithin(2s)) << "the unread body must not be taken as the next request";
  EXPECT_EQ(server.Client().Get("/healthz").status, 200);
}

TEST(BoundedLoad, SignedInUploadWithoutPermissionOrCsrfIsRefused403BeforeTheBody) {
  TestServer server;
  // Neither writes cases nor reports risks (a project feed), so may not import anything.
  HttpClient prosecutor = server.LoginAs("prosecutor");
  RawConnection forbidden(server.port());
  forbidden.Send(UploadHeader(30u << 20, CookieHeader(prosecutor) + "X-CSRF-Token: " + prosecutor.csrf_token + "\r\n"));
  ASSERT_TRUE(forbidden.ReadUntil("\"code\":\"forbidden\"", 5s)) << forbidden.received();
  EXPECT_EQ(forbidden.received().rfind("HTTP/1.1 403", 0), 0u);
  EXPECT_TRUE(forbidden.ClosedWithin(2s));

  HttpClient handler = server.LoginAs("handler");
  RawConnection no_csrf(server.port());
  no_csrf.Send(UploadHeader(30u << 20, CookieHeader(handler)));
  EXPECT_TRUE(no_csrf.ReadUntil("\"code\":\"csrf_failed\"", 5s)) << no_csrf.received();
  EXPECT_TRUE(no_csrf.ClosedWithin(2s));
}

TEST(BoundedLoad, AdmittedLargeUploadIsInvitedToSendItsBody) {
  TestServer server;
  HttpClient handler = server.LoginAs("handler");
  RawConnection upload(server.port());
  upload.Send(UploadHeader(2u << 20, CookieHeader(handler) + "X-CSRF-Token: " + handler.csrf_token +
                                         "\r\nExpect: 100-continue\r\n"));
  EXPECT_TRUE(upload.ReadUntil("HTTP/1.1 100 Continue\r\n\r\n", 5s)) << upload.received();
}

TEST(BoundedLoad, SmallAnonymousBodiesAreStillReadAndAnswered401OnAKeptConnection) {
  TestServer server({.demo = false});
  auto client = server.Client();
  auto answer = client.Send("POST", "/api/v1/imports", std::string(1000, 'x'), {{"Content-Type", "text/plain"}});
  EXPECT_EQ(answer.status, 401);
  EXPECT_EQ(client.Get("/healthz").status, 200);
}

// --- Transfer-Encoding (RFC 9112 §6.1) -----------------------------------------------------------

TEST(BoundedLoad, TransferCodingWithoutFinalChunkedIs400AndNothingAfterItIsServed) {
  TestServer server({.demo = false});
  for (std::string coding : {"xchunked", "chunked, gzip", "gzip, chunked", "identity"}) {
    RawConnection smuggler(server.port());
    smuggler.Send("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: " + coding +
                  "\r\n\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    EXPECT_TRUE(smuggler.ClosedWithin(5s)) << coding;
    EXPECT_EQ(smuggler.received().rfind("HTTP/1.1 400", 0), 0u) << coding << ": " << smuggler.received();
    EXPECT_EQ(smuggler.StatusLines(), 1) << coding << ": the rest must not be read as a second request";
  }
  RawConnection chunked(server.port());
  chunked.Send("POST /healthz HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
  EXPECT_TRUE(chunked.ReadUntil("HTTP/1.1 405", 5s)) << "plain chunked still works: " << chunked.received();
}

// --- Connections and requests per client address -------------------------------------------------

TEST(BoundedLoad, SlowConnectionsFromOneAddressLeaveOtherClientsServed) {
  TestServer server({.demo = false, .tweak = [](app::Config& c) {
    c.max_connections = 20;
    c.max_connections_per_client = 5;
  }});
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int i = 0; i < 30; ++i) {
    slow.push_back(std::make_unique<RawConnection>(server.port(), "127.0.0.2"));
    slow.back()->Send("GET /healthz HTTP/1.1\r\nHost: x\r\n");  // never finished
  }
  int refused = 0;
  for (auto until = std::chrono::steady_clock::now() + 10s; refused < 25 && std::chrono::steady_clock::now() < until;) {
    refused = 0;
    // 429 (per address), or 503 while the refused ones still count against max_connections
    for (auto& connection : slow) refused += connection->ReadUntil("\r\n\r\n", 1ms) ? 1 : 0;
  }
  EXPECT_EQ(refused, 25) << "five held, the rest refused at once";
  auto other = server.Client().Get("/healthz");
  EXPECT_EQ(other.status, 200) << "another address is served while the slow ones are held";
}

TEST(BoundedLoad, AHeaderTrickledOnAKeptConnectionIsCutAtTheHeaderTimeout) {
  TestServer server({.demo = false, .tweak = [](app::Config& c) {
    c.header_timeout_ms = 500;
    c.idle_timeout_ms = 60'000;
  }});
  RawConnection trickler(server.port());
  trickler.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ASSERT_TRUE(trickler.ReadUntil("\"status\":\"ok\"", 5s));
  auto started = std::chrono::steady_clock::now();
  trickler.Send("GET /healthz HTTP/1.1\r\n");
  bool closed = false;
  for (int i = 0; i < 100 && !closed; ++i) {
    trickler.Send("X-Slow: " + std::to_string(i) + "\r\n");
    closed = trickler.ClosedWithin(100ms);
  }
  EXPECT_TRUE(closed);
  EXPECT_LT(std::chrono::steady_clock::now() - started, 5s) << "header timeout, not the 60 s idle timeout";
}

TEST(BoundedLoad, InFlightRequestsAreLimitedPerForwardedClientBehindATrustedProxyOnly) {
  TestServer server({.demo = false, .tweak = [](app::Config& c) {
    c.trusted_proxies = {"127.0.0.1"};
    c.max_requests_per_client = 1;
  }});
  // A 3 s request from `from` claiming to forward for `client`, retried while the probes below
  // hold the client's one slot; the answer to the request that got in.
  auto sleeper = [&](std::string from, std::string client) {
    return std::async(std::launch::async, [&server, from, client] {
      for (;;) {
        RawConnection connection(server.port(), from);
        connection.Send("GET /api/v1/_test/sleep?ms=3000 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
                        "X-Forwarded-For: 192.0.2.99, " + client + "\r\n\r\n");
        connection.ClosedWithin(10s);
        if (connection.received().rfind("HTTP/1.1 429", 0) != 0) return connection.received().substr(0, 12);
      }
    });
  };
  auto probe = [&](std::string from, std::string client) {
    RawConnection connection(server.port(), from);
    connection.Send("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Forwarded-For: " + client + "\r\n\r\n");
    connection.ClosedWithin(5s);
    return connection.received().substr(0, 12);
  };
  auto refused_within_4s = [&](std::string from, std::string client) {
    for (auto until = std::chrono::steady_clock::now() + 4s; std::chrono::steady_clock::now() < until;) {
      if (probe(from, client) == "HTTP/1.1 429") return true;
    }
    return false;
  };

  auto proxied = sleeper("127.0.0.1", "10.0.0.1");
  EXPECT_TRUE(refused_within_4s("127.0.0.1", "10.0.0.1")) << "10.0.0.1 has one request in flight";
  EXPECT_EQ(probe("127.0.0.1", "10.0.0.2"), "HTTP/1.1 200") << "another client behind the same proxy";
  EXPECT_EQ(proxied.get(), "HTTP/1.1 200");

  // An untrusted peer's X-Forwarded-For is ignored: all its requests count against 127.0.0.2.
  auto spoofing = sleeper("127.0.0.2", "10.9.9.1");
  EXPECT_TRUE(refused_within_4s("127.0.0.2", "10.9.9.2")) << "a spoofed X-Forwarded-For does not buy a fresh bucket";
  EXPECT_EQ(spoofing.get(), "HTTP/1.1 200");
}

TEST(BoundedLoad, TheLoginLogRecordsTheForwardedClientOnlyFromATrustedProxy) {
  TestServer server({.tweak = [](app::Config& c) { c.trusted_proxies = {"127.0.0.1"}; }});
  std::string login = R"({"username":"coordinator","password":"wrong password"})";
  auto request = [&](const std::string& xff) {
    return "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nConnection: close\r\n"
           "X-Forwarded-For: " + xff + "\r\nContent-Length: " + std::to_string(login.size()) + "\r\n\r\n" + login;
  };
  RawConnection proxied(server.port(), "127.0.0.1");
  proxied.Send(request("10.20.30.40"));
  ASSERT_TRUE(proxied.ClosedWithin(10s));
  RawConnection spoofing(server.port(), "127.0.0.2");
  spoofing.Send(request("10.66.66.66"));
  ASSERT_TRUE(spoofing.ClosedWithin(10s));
  auto log = server.LoginAs("auditor").Get("/api/v1/security/login-log?page_size=50");
  ASSERT_EQ(log.status, 200) << log.body;
  std::vector<std::string> addresses;
  auto body = log.Json();
  for (const auto& row : body.at("items").as_array()) {
    if (row.at("username").as_string() == "coordinator") addresses.emplace_back(row.at("client_address").as_string());
  }
  EXPECT_NE(std::find(addresses.begin(), addresses.end(), "10.20.30.40"), addresses.end());
  EXPECT_NE(std::find(addresses.begin(), addresses.end(), "127.0.0.2"), addresses.end());
  EXPECT_EQ(std::find(addresses.begin(), addresses.end(), "10.66.66.66"), addresses.end());
}

TEST(BoundedLoad, ProxyProtocolNamesTheClientOfEachConnectionFromTrustedProxiesOnly) {
  TestServer server({.demo = false, .tweak = [](app::Config& c) {
    c.trusted_proxies = {"127.0.0.0/30"};
    c.proxy_protocol = true;
    c.max_connections_per_client = 2;
  }});
  auto proxied = [&](const std::string& client) {
    auto connection = std::make_unique<RawConnection>(server.port(), "127.0.0.1");
    connection->Send("PROXY TCP4 " + client + " 127.0.0.1 40000 8080\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n");
    return connection;
  };
  std::vector<std::unique_ptr<RawConnection>> same_client;
  for (int i = 0; i < 3; ++i) same_client.push_back(proxied("10.1.1.1"));
  int refused = 0;
  for (auto until = std::chrono::steady_clock::now() + 5s; refused < 1 && std::chrono::steady_clock::now() < until;) {
    for (auto& connection : same_client) refused += connection->ReadUntil("HTTP/1.1 429", 1ms) ? 1 : 0;
  }
  for (auto& connection : same_client) connection->ReadUntil("HTTP/1.1 429", 200ms);
  refused = 0;
  for (auto& connection : same_client) refused += connection->received().find("HTTP/1.1 429") == 0 ? 1 : 0;
  EXPECT_EQ(refused, 1) << "10.1.1.1 may hold two connections, not three";
  auto b = proxied("10.1.1.2");
  b->Send("\r\n");
  EXPECT_TRUE(b->ReadUntil("\"status\":\"ok\"", 5s)) << b->received();

  RawConnection no_line(server.port(), "127.0.0.1");
  no_line.Send("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_TRUE(no_line.ReadUntil("HTTP/1.1 400", 5s)) << "a trusted proxy must send the PROXY line";
  RawConnection untrusted(server.port(), "127.0.0.5");
  untrusted.Send("PROXY TCP4 10.1.1.3 127.0.0.1 40000 8080\r\nGET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_TRUE(untrusted.ReadUntil("HTTP/1.1 400", 5s)) << "nobody else may name a client: " << untrusted.received();
}

// --- Live-update streams per user -----------------------------------------------------------------

TEST(BoundedLoad, StreamsAreLimitedPerUserAndFreedAtOnceWhenATabCloses) {
  TestServer server({.tweak = [](app::Config& c) {
    c.max_streams = 3;
    c.max_streams_per_user = 2;
    c.stream_heartbeat_ms = 600'000;  // a closed tab must be noticed without a heartbeat write
    c.stream_poll_ms = 20;
  }});
  HttpClient coordinator = server.LoginAs("coordinator");
  auto first = std::make_unique<OpenStream>(server.port(), coordinator);
  auto second = std::make_unique<OpenStream>(server.port(), coordinator);
  ASSERT_TRUE(first->ReadUntil("event: ready"));
  ASSERT_TRUE(second->ReadUntil("event: ready"));
  auto third = std::make_unique<OpenStream>(server.port(), coordinator);
  ASSERT_TRUE(third->ReadUntil("\"code\":\"too_many_requests\"", 5s)) << third->received();
  EXPECT_EQ(third->received().rfind("HTTP/1.1 429", 0), 0u);
  EXPECT_NE(third->received().find("Retry-After: 30"), std::string::npos);

  HttpClient police = server.LoginAs("police");
  auto other_user = std::make_unique<OpenStream>(server.port(), police);
  ASSERT_TRUE(other_user->ReadUntil("event: ready")) << "another user is not limited by the coordinator's tabs";

  first.reset();  // the tab closes: its user slot and its server-wide slot are free at once
  bool reopened = false;
  for (auto until = std::chrono::steady_clock::now() + 5s; !reopened && std::chrono::steady_clock::now() < until;) {
    auto again = std::make_unique<OpenStream>(server.port(), coordinator);
    again->ReadUntil("\r\n\r\n", 5s);
    if (again->received().rfind("HTTP/1.1 200", 0) == 0) {
      reopened = true;
      first = std::move(again);
    }
  }
  EXPECT_TRUE(reopened) << "with a 10-minute heartbeat, only noticing the close frees the slot";
  EXPECT_TRUE(first->ReadUntil("event: ready"));
}

// --- Expensive renderings per user ----------------------------------------------------------------

TEST(BoundedLoad, ExpensiveRenderingsAreLimitedPerUserWith429RetryAfter) {
  TestServer server({.tweak = [](app::Config& c) { c.max_expensive_per_user = 1; }});
  HttpClient coordinator = server.LoginAs("coordinator");
  auto holding = std::async(std::launch::async, [&] {
    HttpClient same_user = server.LoginAs("coordinator");
    HttpResponse held;
    do {  // the polling below may hold the one slot for a moment
      held = same_user.Get("/api/v1/_test/render-sleep?ms=8000");
    } while (held.status == 429);
    return held;
  });
  HttpResponse refused;
  for (auto until = std::chrono::steady_clock::now() + 4s; refused.status != 429 && std::chrono::steady_clock::now() < until;) {
    refused = coordinator.Get("/api/v1/dashboard");
  }
  ASSERT_EQ(refused.status, 429) << refused.body;
  EXPECT_EQ(refused.Json().at("code").as_string(), "too_many_requests");
  EXPECT_FALSE(refused.Json().at("detail").as_string().empty());
  EXPECT_FALSE(refused.Json().at("detail_en").as_string().empty());
  EXPECT_EQ(refused.Header("retry-after"), "2");
  for (std::string target : {"/api/v1/ledgers/cases.xlsx", "/api/v1/ledgers/transfers.xlsx", "/api/v1/documents/1/pdf",
                             "/api/v1/risks/1/report.pdf", "/api/v1/meetings/1/minutes.pdf", "/api/v1/bulletins/1/pdf"}) {
    EXPECT_EQ(coordinator.Get(target).status, 429) << target;
  }
  EXPECT_EQ(server.LoginAs("leader").Get("/api/v1/dashboard").status, 200) << "another user is not affected";
  EXPECT_EQ(coordinator.Get("/api/v1/cases").status, 200) << "cheap requests are not limited";
  EXPECT_EQ(holding.get().status, 200);
  EXPECT_EQ(coordinator.Get("/api/v1/dashboard").status, 200) << "the slot is given back";
}

}  // namespace
}  // namespace wagelink::testing
