// Notifications leaving the inbox: the signed webhook to the SMS / WeChat gateway from the outbox
// (retried with backoff, delivered once after a restart), live updates over Server-Sent Events, and
// each user's category preferences.
#include <sodium.h>

#include <gtest/gtest.h>

#include <atomic>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read_until.hpp>
#include <boost/asio/write.hpp>
#include <chrono>
#include <mutex>
#include <thread>

#include "domain/validators.h"
#include "jobs/webhook_sender.h"
#include "security/webhook_signature.h"
#include "security/encoding.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {
namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using namespace std::chrono_literals;

constexpr const char* kSecretHex = "8f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

// A minor risk reported by the police with the labour bureau as owner: exactly one notice
// (risk_assigned to hrss), so exactly one outbox message.
boost::json::object MinorRisk() {
  std::string code = "91330100MA2B3C4D5";
  return {{"employer_name", "某装饰工程有限公司"},
          {"employer_credit_code", code + *domain::CreditCodeCheckCharacter(code)},
          {"workers_affected", 4},
          {"amount_yuan", "30000"},
          {"source", "referral"},
          {"description", "转来线索：工人王小明反映欠薪"},  // free text holds no phone numbers (refused on save)
          {"owner_body", "hrss"}};
}

bool WaitUntil(const std::function<bool()>& done, std::chrono::milliseconds limit = 15s) {
  auto deadline = std::chrono::steady_clock::now() + limit;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(20ms);
  }
  return done();
}

// The gateway stand-in: a real HTTP listener on a free loopback port that answers 503 until told
// to accept, and records every request it accepted.
class GatewayStub {
 public:
  struct Received {
    std::string timestamp, signature, delivery, body;
  };
  GatewayStub() : acceptor_(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
    thread_ = std::thread([this] { Serve(); });
  }
  ~GatewayStub() {
    stopping_ = true;
    boost::system::error_code ignored;
    tcp::socket poke(io_);
    poke.connect(acceptor_.local_endpoint(), ignored);  // unblocks accept()
    thread_.join();
  }
  std::string url() const { return "http://127.0.0.1:" + std::to_string(acceptor_.local_endpoint().port()) + "/hook"; }
  void Accept() { accepting_ = true; }
  int refused() const { return refused_; }
  std::vector<Received> received() {
    std::lock_guard lock(mutex_);
    return received_;
  }

 private:
  static std::string HeaderValue(const std::string& head, const std::string& lower_name) {
    std::string lower = head;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto at = lower.find("\r\n" + lower_name + ":");
    if (at == std::string::npos) return {};
    auto start = head.find_first_not_of(' ', at + lower_name.size() + 3);
    return head.substr(start, head.find("\r\n", start) - start);
  }
  void Serve() {
    while (!stopping_) {
      tcp::socket socket(io_);
      boost::system::error_code ec;
      acceptor_.accept(socket, ec);
      if (ec || stopping_) continue;
      std::string data;
      asio::read_until(socket, asio::dynamic_buffer(data), "\r\n\r\n", ec);
      if (ec) continue;
      auto head_end = data.find("\r\n\r\n") + 4;
      std::string head = data.substr(0, head_end);
      auto length = std::stoul(HeaderValue(head, "content-length"));
      while (data.size() < head_end + length && !ec) {
        char buf[4096];
        data.append(buf, socket.read_some(asio::buffer(buf), ec));
      }
      if (!accepting_) {
        ++refused_;
        asio::write(socket, asio::buffer(std::string("HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\n\r\n")), ec);
        continue;
      }
      {
        std::lock_guard lock(mutex_);
        received_.push_back({HeaderValue(head, "x-wagelink-timestamp"), HeaderValue(head, "x-wagelink-signature"),
                             HeaderValue(head, "x-wagelink-delivery"), data.substr(head_end, length)});
      }
      asio::write(socket, asio::buffer(std::string("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")), ec);
    }
  }
  asio::io_context io_;
  tcp::acceptor acceptor_;
  std::atomic<bool> stopping_{false}, accepting_{false};
  std::atomic<int> refused_{0};
  std::mutex mutex_;
  std::vector<Received> received_;
  std::thread thread_;
};

bool SignatureValid(const GatewayStub::Received& r) {
  auto key = security::FromHex(kSecretHex);
  auto mac = security::FromHex(r.signature.substr(3));  // "v1=<hex>"
  if (!r.signature.starts_with("v1=") || !mac || mac->size() != crypto_auth_hmacsha256_BYTES) return false;
  std::string signed_text = r.timestamp + "." + r.body;
  return crypto_auth_hmacsha256_verify(mac->data(), reinterpret_cast<const unsigned char*>(signed_text.data()),
                                       signed_text.size(), key->data()) == 0;
}

std::int64_t CountOutbox(TestServer& server, const std::string& status) {
  auto connection = server.app().database().Acquire();
  return connection->QueryOne("SELECT COUNT(*) FROM notification_outbox WHERE status = ?", {status})->Int(0);
}

TEST(Notify, WebhookRetriesAfterFailureAndDeliversOnceWithAValidSignatureAfterARestart) {
  ScratchDatabase db;
  GatewayStub gateway;
  auto shared = [&](app::Config& c) {
    c.database_url = db.url();
    c.key_file = db.directory() + "/master.key";
    c.webhook_url = gateway.url();
    c.webhook_secret = kSecretHex;
    c.webhook_poll_ms = 20;
  };
  {
    TestServer first({.tweak = shared});
    auto created = first.LoginAs("police").PostJson("/api/v1/risks", MinorRisk());
    ASSERT_EQ(created.status, 201) << "a request never waits for the gateway: " << created.body;
    auto connection = first.app().database().Acquire();
    auto attempts = [&] { return connection->QueryOne("SELECT attempts FROM notification_outbox")->Int(0); };
    ASSERT_TRUE(WaitUntil([&] { return attempts() >= 1; })) << "the sender tried in the background";
    auto row = connection->QueryOne("SELECT attempts, last_error, next_attempt_at FROM notification_outbox");
    ASSERT_TRUE(row);
    EXPECT_EQ(row->Int(0), 1);
    EXPECT_EQ(row->Text(1), "HTTP 503");
    auto retry_at = *ParseUtc(row->Text(2)) - first.clock().Now();
    EXPECT_GE(retry_at, 5) << "backoff: base 10 s with 50-100 % jitter";
    EXPECT_LE(retry_at, 10);
    EXPECT_EQ(gateway.refused(), 1) << "not retried before its backoff";
  }  // the server stops with the message still pending

  gateway.Accept();
  TestServer second({.tweak = shared});
  EXPECT_EQ(CountOutbox(second, "pending"), 1) << "the message survived the restart";
  second.clock().Advance(11);  // past the backoff
  ASSERT_TRUE(WaitUntil([&] { return CountOutbox(second, "delivered") == 1; }));
  std::this_thread::sleep_for(200ms);  // ten more polls: nothing is sent twice
  auto received = gateway.received();
  ASSERT_EQ(received.size(), 1u);
  EXPECT_TRUE(SignatureValid(received[0])) << received[0].signature;
  auto tampered = received[0];
  tampered.body += " ";
  EXPECT_FALSE(SignatureValid(tampered));
  auto payload = boost::json::parse(received[0].body);
  EXPECT_EQ(payload.at("delivery_id").as_string(), received[0].delivery);
  EXPECT_EQ(payload.at("kind"), "risk_assigned");
  EXPECT_EQ(payload.at("category"), "risk");
  EXPECT_EQ(payload.at("body_code"), "hrss");
  EXPECT_EQ(payload.at("attempt"), 2);
  boost::json::array expected{"handler", "handler2", "head", "liaison"};
  EXPECT_EQ(payload.at("recipients"), expected) << "usernames only; the gateway maps them to its own contacts";
  EXPECT_EQ(received[0].body.find("13812345678"), std::string::npos) << "no personal data leaves";
  EXPECT_EQ(CountOutbox(second, "pending"), 0);
}

TEST(Notify, BackoffDoublesUpToTheCapWithJitterBetweenHalfAndAll) {
  using jobs::WebhookSender;
  EXPECT_EQ(WebhookSender::BackoffSeconds(1, 10, 3600, 1.0), 10);
  EXPECT_EQ(WebhookSender::BackoffSeconds(1, 10, 3600, 0.0), 5);
  EXPECT_EQ(WebhookSender::BackoffSeconds(4, 10, 3600, 1.0), 80);
  EXPECT_EQ(WebhookSender::BackoffSeconds(20, 10, 3600, 1.0), 3600);
  EXPECT_EQ(WebhookSender::BackoffSeconds(1000, 10, 3600, 0.0), 1800) << "no overflow however many failures";
}

TEST(Notify, GatewayTextIsMaskedOfPhoneAndIdNumbers) {
  auto masked = security::MaskPersonalDataInText("工人王小明（13812345678，身份证110101199003071233）反映欠薪");
  EXPECT_EQ(masked.find("13812345678"), std::string::npos);
  EXPECT_EQ(masked.find("110101199003071233"), std::string::npos);
  EXPECT_NE(masked.find("反映欠薪"), std::string::npos);
}

}  // namespace
}  // namespace wagelink::testing
