#include "store/api_client_repository.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kColumns =
    "SELECT id, key_id, name, secret_sealed, requests_per_minute, active, created_by_name, created_at, disabled_at "
    "FROM api_clients ";

ApiClientRow ClientOf(const Row& r) {
  return {r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Bool(5), r.Text(6), r.Text(7), r.OptText(8)};
}

}  // namespace

std::int64_t ApiClientRepository::Insert(const ApiClientRow& row) {
  return c_.InsertReturningId(
      "INSERT INTO api_clients (key_id, name, secret_sealed, requests_per_minute, active, created_by_name, created_at) "
      "VALUES (?, ?, ?, ?, 1, ?, ?) RETURNING id",
      {row.key_id, row.name, row.secret_sealed, row.requests_per_minute, row.created_by_name, row.created_at});
}

void ApiClientRepository::SetSecret(std::int64_t id, const std::string& sealed) {
  c_.Execute("UPDATE api_clients SET secret_sealed = ? WHERE id = ?", {sealed, id});
}

std::optional<ApiClientRow> ApiClientRepository::FindByKeyId(const std::string& key_id) {
  auto row = c_.QueryOne(std::string(kColumns) + "WHERE key_id = ?", {key_id});
  if (!row) return std::nullopt;
  return ClientOf(*row);
}

std::vector<ApiClientRow> ApiClientRepository::List() {
  std::vector<ApiClientRow> out;
  c_.Stream(std::string(kColumns) + "ORDER BY id", {}, [&](const Row& r) { out.push_back(ClientOf(r)); });
  return out;
}

bool ApiClientRepository::Disable(std::int64_t id, const std::string& at) {
  return c_.Execute("UPDATE api_clients SET active = 0, disabled_at = ? WHERE id = ? AND active = 1", {at, id}) == 1;
}

std::int64_t ApiClientRepository::CountSince(std::int64_t client_id, const std::string& since) {
  return c_.QueryOne("SELECT COUNT(*) FROM api_requests WHERE client_id = ? AND received_at >= ?", {client_id, since})->Int(0);
}

std::optional<ApiRequestRow> ApiClientRepository::FindRequest(std::int64_t client_id, const std::string& key) {
  auto row = c_.QueryOne("SELECT id, digest, status, response FROM api_requests WHERE client_id = ? AND idempotency_key = ?",
                         {client_id, key});
  if (!row) return std::nullopt;
  return ApiRequestRow{row->Int(0), row->Text(1), row->OptInt(2), row->OptText(3)};
}

bool ApiClientRepository::InsertRequest(std::int64_t client_id, const std::string& key, const std::string& digest,
                                        const std::string& at) {
  return c_.Execute("INSERT INTO api_requests (client_id, idempotency_key, digest, received_at) VALUES (?, ?, ?, ?) "
                    "ON CONFLICT (client_id, idempotency_key) DO NOTHING",
                    {client_id, key, digest, at}) == 1;
}

void ApiClientRepository::FinishRequest(std::int64_t client_id, const std::string& key, std::int64_t status,
                                        const std::string& response) {
  c_.Execute("UPDATE api_requests SET status = ?, response = ? WHERE client_id = ? AND idempotency_key = ?",
             {status, response, client_id, key});
}

void ApiClientRepository::ForgetRequest(std::int64_t client_id, const std::string& key) {
  c_.Execute("DELETE FROM api_requests WHERE client_id = ? AND idempotency_key = ? AND status IS NULL", {client_id, key});
}

}  // namespace wagelink::store
