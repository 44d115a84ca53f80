// Issue 17: the bank and the provincial platform send project feeds through the machine API — an
// account of their own, each request signed with its key, an idempotency key per request, a rate
// limit per client — never through a browser session (docs/supervision.md).
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include <string>

#include "security/encoding.h"
#include "security/request_signature.h"
#include "support/scenarios.h"
#include "support/test_server.h"

namespace wagelink::testing {
namespace {

struct MachineClient {
  std::string key_id, secret;
};

boost::json::object Project() {
  return {{"name", "城东物流园仓储项目"},
          {"location", "示范区城东大道66号"},
          {"builder", {{"name", "示范区城东物流发展有限公司"}, {"credit_code", ValidCreditCode("91330100MA2C4D5E6")}}},
          {"contractor", {{"name", "示范路桥建设有限公司"}, {"credit_code", ValidCreditCode("91330100MA2D5E6F7")}}},
          {"sector_authority", "区住房和城乡建设局"},
          {"contract_sum_yuan", "42000000"},
          {"contract_signed_on", "2025-09-01"},
          {"special_account_bank", "示范银行城东支行"},
          {"special_account_opened_on", "2025-09-05"},
          {"wage_deposit", "bank_guarantee"},
          {"wage_deposit_amount_yuan", "840000"},
          {"notice_board_up", true}};
}

std::string Statement(const std::string& month, const std::string& on) {
  return boost::json::serialize(boost::json::object{
      {"kind", "account"},
      {"month", month},
      {"rows", {{{"date", on}, {"purpose", "labour_cost"}, {"amount_yuan", "210000.00"}}}}});
}

class MachineFeeds : public ::testing::Test {
 protected:
  TestServer server;
  std::string path;
  std::int64_t project_id = 0;

  void SetUp() override {
    auto registered = server.LoginAs("handler").PostJson("/api/v1/projects", Project());
    ASSERT_EQ(registered.status, 201) << registered.body;
    path = "/api/v1/machine/projects/" + std::string(registered.Json().at("project_no").as_string()) + "/feeds";
    project_id = registered.Json().at("id").as_int64();
  }

  MachineClient NewClient(std::int64_t per_minute) {
    auto created = server.LoginAs("sysadmin").PostJson(
        "/api/v1/api-clients", boost::json::object{{"name", "示范银行城东支行"}, {"requests_per_minute", per_minute}});
    EXPECT_EQ(created.status, 201) << created.body;
    return {std::string(created.Json().at("key_id").as_string()), std::string(created.Json().at("secret").as_string())};
  }

  HttpResponse Send(const MachineClient& c, const std::string& idempotency_key, const std::string& body,
                    UnixSeconds skew = 0, const std::string& signed_body = "") {
    const std::string timestamp = std::to_string(server.clock().Now() + skew);
    const auto signature = security::SignRequest(
        security::AsBytes(c.secret),
        {"POST", path, timestamp, idempotency_key, signed_body.empty() ? std::string_view(body) : std::string_view(signed_body)});
    return server.Client().Send("POST", path, body,
                                {{"Content-Type", "application/json"},
                                 {"X-WageLink-Key", c.key_id},
                                 {"X-WageLink-Timestamp", timestamp},
                                 {"X-WageLink-Signature", signature},
                                 {"Idempotency-Key", idempotency_key}});
  }
};

TEST_F(MachineFeeds, ASignedFeedIsReceivedOnceAndARetryGetsTheFirstAnswer) {
  const auto bank = NewClient(60);
  const std::string october = Statement("2025-10", "2025-10-06");
  auto first = Send(bank, "bank-2025-10-a", october);
  ASSERT_EQ(first.status, 201) << first.body;
  auto retried = Send(bank, "bank-2025-10-a", october);
  EXPECT_EQ(retried.status, 201) << "a retry under the same key gets the first answer";
  EXPECT_EQ(retried.body, first.body);
  EXPECT_EQ(retried.Header("idempotent-replayed"), "true");
  auto resent = Send(bank, "bank-2025-10-b", october);
  ASSERT_EQ(resent.status, 200) << resent.body;
  EXPECT_TRUE(resent.Json().at("repeated").as_bool()) << "the same batch again changes nothing";
  EXPECT_EQ(Send(bank, "bank-2025-09", Statement("2025-09", "2025-09-08")).status, 201) << "an earlier month later";
  auto reused = Send(bank, "bank-2025-10-a", Statement("2025-10", "2025-10-07"));
  EXPECT_EQ(reused.status, 409) << "a key reused for another request: " << reused.body;

  const auto detail = server.LoginAs("handler").Get("/api/v1/projects/" + std::to_string(project_id)).Json();
  ASSERT_EQ(detail.at("feeds").as_array().size(), 2u);
  for (const auto& feed : detail.at("feeds").as_array()) {
    EXPECT_EQ(feed.at("channel").as_string(), "api");
    EXPECT_EQ(feed.at("received_from").as_string(), "示范银行城东支行") << "the client by its name";
  }
}

TEST_F(MachineFeeds, ForgedStaleUnsignedAndDisabledRequestsAreRefusedAndNothingIsStored) {
  const auto bank = NewClient(60);
  const std::string body = Statement("2025-10", "2025-10-06");
  EXPECT_EQ(Send(bank, "k1", body, 0, Statement("2025-10", "2025-10-09")).status, 401) << "signed over another body";
  EXPECT_EQ(Send({bank.key_id, std::string(64, 'a')}, "k2", body).status, 401) << "signed with another key";
  EXPECT_EQ(Send(bank, "k3", body, -301).status, 401) << "older than five minutes";
  EXPECT_EQ(Send(bank, "k4", body, 301).status, 401) << "from the future";
  EXPECT_EQ(Send({"wl_0000000000000000", bank.secret}, "k5", body).status, 401) << "unknown client";
  EXPECT_EQ(server.LoginAs("handler").Send("POST", path, body, {{"Content-Type", "application/json"}}).status, 401)
      << "a browser session is not a machine client";
  auto no_key = server.Client().Send("POST", path, body, {{"X-WageLink-Key", bank.key_id}});
  EXPECT_EQ(no_key.status, 401);
  auto spaced = Send(bank, "key with spaces", body);
  EXPECT_EQ(spaced.status, 400) << "one rule for keys, as for signed-in writes: visible ASCII only: " << spaced.body;
  EXPECT_NE(spaced.body.find("Idempotency-Key"), std::string::npos) << spaced.body;

  EXPECT_EQ(server.LoginAs("handler").Send("POST", "/api/v1/api-clients/" + bank.key_id + "/disable").status, 403);
  ASSERT_EQ(server.LoginAs("sysadmin").Send("POST", "/api/v1/api-clients/" + bank.key_id + "/disable").status, 200);
  EXPECT_EQ(Send(bank, "k6", body).status, 401) << "a disabled client";
  auto listed = server.LoginAs("sysadmin").Get("/api/v1/api-clients").Json();
  EXPECT_EQ(boost::json::serialize(listed).find(bank.secret), std::string::npos) << "the secret is shown once only";
}

TEST_F(MachineFeeds, EachClientHasItsOwnRequestsPerMinute) {
  const auto bank = NewClient(3);
  const auto platform = NewClient(3);
  for (int month = 7; month <= 9; ++month) {
    const std::string m = "2025-0" + std::to_string(month);
    EXPECT_EQ(Send(bank, "bank-" + m, Statement(m, m + "-06")).status, 201);
  }
  auto limited = Send(bank, "bank-2025-10", Statement("2025-10", "2025-10-06"));
  EXPECT_EQ(limited.status, 429) << limited.body;
  EXPECT_EQ(Send(platform, "platform-2025-10", Statement("2025-10", "2025-10-06")).status, 201) << "another client's budget";
  server.clock().Set(server.clock().Now() + 61);
  EXPECT_EQ(Send(bank, "bank-2025-10", Statement("2025-10", "2025-10-06")).status, 200) << "a minute later; the batch was in";
}

}  // namespace
}  // namespace wagelink::testing
