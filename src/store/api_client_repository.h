#pragma once
// Machine clients of the API and their requests (migration 0022).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct ApiClientRow {
  std::int64_t id = 0;
  std::string key_id, name, secret_sealed;
  std::int64_t requests_per_minute = 60;
  bool active = true;
  std::string created_by_name, created_at;
  std::optional<std::string> disabled_at;
};

// What a client sent before under an idempotency key: the response is stored once it was given.
struct ApiRequestRow {
  std::int64_t id = 0;
  std::string digest;
  std::optional<std::int64_t> status;
  std::optional<std::string> response;
};

class ApiClientRepository {
 public:
  explicit ApiClientRepository(Connection& connection) : c_(connection) {}

  std::int64_t Insert(const ApiClientRow& row);
  void SetSecret(std::int64_t id, const std::string& sealed);
  std::optional<ApiClientRow> FindByKeyId(const std::string& key_id);
  std::vector<ApiClientRow> List();
  bool Disable(std::int64_t id, const std::string& at);

  std::int64_t CountSince(std::int64_t client_id, const std::string& since);
  std::optional<ApiRequestRow> FindRequest(std::int64_t client_id, const std::string& idempotency_key);
  // False when the key was taken by a concurrent request.
  bool InsertRequest(std::int64_t client_id, const std::string& idempotency_key, const std::string& digest,
                     const std::string& at);
  void FinishRequest(std::int64_t client_id, const std::string& idempotency_key, std::int64_t status,
                     const std::string& response);
  void ForgetRequest(std::int64_t client_id, const std::string& idempotency_key);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
