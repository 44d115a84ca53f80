#include "services/api_client_service.h"

#include <boost/json/object.hpp>

#include <charconv>

#include "security/digest.h"
#include "security/encoding.h"
#include "security/request_signature.h"
#include "security/tokens.h"
#include "services/admin_service.h"
#include "services/write_receipts.h"

namespace wagelink::services {
namespace {
using security::Permission;

std::string SecretContext(std::int64_t client_id) { return "api_client.secret:" + std::to_string(client_id); }

Error Refused(std::string zh, std::string en) { return MakeError(ErrorCode::kUnauthenticated, std::move(zh), std::move(en)); }

boost::json::object ClientAuditView(const store::ApiClientRow& c) {
  return {{"key_id", c.key_id}, {"name", c.name}, {"requests_per_minute", c.requests_per_minute}, {"active", c.active}};
}

}  // namespace

Result<NewApiClient> ApiClientService::Create(const Principal& who, const std::string& name, std::int64_t per_minute) {
  if (!who.Can(Permission::kUserManage)) return Forbidden(Permission::kUserManage);
  if (name.empty() || name.size() > 200) return InvalidField("name", "应为 1 至 200 个字符", "must be 1 to 200 characters");
  if (per_minute < 1 || per_minute > 6000) return InvalidField("requests_per_minute", "应为 1 至 6000", "must be 1 to 6000");
  NewApiClient created;
  created.secret = security::RandomHex(32);
  store::ApiClientRow& row = created.client;
  row.key_id = "wl_" + security::RandomHex(8);
  row.name = name;
  row.requests_per_minute = per_minute;
  row.created_by_name = who.display_name;
  row.created_at = FormatUtc(clock_.Now());
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::ApiClientRepository clients(*connection);
  row.secret_sealed = "pending";
  row.id = clients.Insert(row);
  // Sealed under the row's id, so a sealed secret copied to another client does not open.
  row.secret_sealed = keys_->cipher().Encrypt(created.secret, SecretContext(row.id));
  clients.SetSecret(row.id, row.secret_sealed);
  audit_.Append(*connection, who, "api_client.create", {"api_client", row.key_id}, nullptr, ClientAuditView(row));
  tx.Commit();
  return created;
}

Result<std::vector<store::ApiClientRow>> ApiClientService::List(const Principal& who) {
  if (!who.Can(Permission::kUserManage)) return Forbidden(Permission::kUserManage);
  auto connection = db_.Acquire();
  return store::ApiClientRepository(*connection).List();
}

Result<store::ApiClientRow> ApiClientService::Disable(const Principal& who, const std::string& key_id) {
  if (!who.Can(Permission::kUserManage)) return Forbidden(Permission::kUserManage);
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::ApiClientRepository clients(*connection);
  auto client = clients.FindByKeyId(key_id);
  if (!client) return MakeError(ErrorCode::kNotFound, "接口客户端不存在", "no such API client");
  const auto before = *client;
  const std::string now = FormatUtc(clock_.Now());
  if (!clients.Disable(client->id, now)) return MakeError(ErrorCode::kConflict, "接口客户端已停用", "the API client is already disabled");
  client->active = false;
  client->disabled_at = now;
  audit_.Append(*connection, who, "api_client.disable", {"api_client", key_id}, ClientAuditView(before), ClientAuditView(*client));
  tx.Commit();
  return *client;
}

Result<MachineAdmission> ApiClientService::Admit(const MachineCall& call) {
  if (call.key_id.empty() || call.timestamp.empty() || call.signature.empty()) {
    return Refused("缺少接口签名（X-WageLink-Key、X-WageLink-Timestamp、X-WageLink-Signature）",
                   "missing the request signature (X-WageLink-Key, X-WageLink-Timestamp, X-WageLink-Signature)");
  }
  if (auto malformed = CheckIdempotencyKey(call.idempotency_key)) return *malformed;
  auto connection = db_.Acquire();
  store::ApiClientRepository clients(*connection);
  auto client = clients.FindByKeyId(call.key_id);
  if (!client || !client->active) return Refused("接口客户端不存在或已停用", "unknown or disabled API client");
  UnixSeconds sent = 0;
  const auto* end = call.timestamp.data() + call.timestamp.size();
  const auto [parsed_end, ec] = std::from_chars(call.timestamp.data(), end, sent);
  const UnixSeconds now = clock_.Now();
  if (ec != std::errc() || parsed_end != end || sent < now - kMachineClockSkewSeconds || sent > now + kMachineClockSkewSeconds) {
    return Refused("请求时间与服务器相差超过5分钟（或格式错误），请校准时钟后重新签名",
                   "the request time is more than 5 minutes from the server's (or malformed); sign again with a correct clock");
  }
  auto secret = keys_->cipher().Decrypt(client->secret_sealed, SecretContext(client->id));
  if (!secret) return Refused("接口客户端密钥无法读取，请联系系统管理员", "the API client's key cannot be read; ask the administrator");
  const security::SignedRequestParts parts{call.method, call.path, call.timestamp, call.idempotency_key, call.body};
  if (!security::RequestSignatureMatches(security::AsBytes(*secret), parts, call.signature)) {
    return Refused("请求签名不正确", "the request signature does not match");
  }
  MachineAdmission admitted;
  admitted.client_id = client->id;
  admitted.principal.username = "api-client:" + client->key_id;
  admitted.principal.display_name = client->name;
  admitted.principal.permissions = {Permission::kRiskRead, Permission::kRiskWrite};
  admitted.principal.request_id = call.idempotency_key.substr(0, 40);

  const std::string digest = security::Sha256Hex(call.method + "\n" + call.path + "\n" + std::string(call.body));
  if (auto earlier = clients.FindRequest(client->id, call.idempotency_key)) {
    if (earlier->digest != digest) return KeyUsedForAnotherRequestError();
    if (!earlier->status) {
      return MakeError(ErrorCode::kConflict, "使用该幂等键的请求正在处理", "a request with this Idempotency-Key is being handled");
    }
    admitted.replay_status = *earlier->status;
    admitted.replay_body = earlier->response.value_or("");
    return admitted;
  }
  if (clients.CountSince(client->id, FormatUtc(now - 60)) >= client->requests_per_minute) {
    return MakeError(ErrorCode::kTooManyRequests, "超过该接口客户端每分钟的请求上限，请稍后重试",
                     "this API client's requests per minute are used up; retry shortly");
  }
  if (!clients.InsertRequest(client->id, call.idempotency_key, digest, FormatUtc(now))) {
    return MakeError(ErrorCode::kConflict, "使用该幂等键的请求正在处理", "a request with this Idempotency-Key is being handled");
  }
  return admitted;
}

void ApiClientService::Finish(const MachineAdmission& admitted, const MachineCall& call, std::int64_t status,
                              const std::string& body) {
  auto connection = db_.Acquire();
  store::ApiClientRepository(*connection).FinishRequest(admitted.client_id, call.idempotency_key, status, body);
}

void ApiClientService::Abandon(const MachineAdmission& admitted, const MachineCall& call) {
  auto connection = db_.Acquire();
  store::ApiClientRepository(*connection).ForgetRequest(admitted.client_id, call.idempotency_key);
}

}  // namespace wagelink::services
