#pragma once
// Machine clients of the API (the bank that keeps a project's special account, the provincial
// wage-payment platform): accounts of their own, never a browser session, created and disabled by
// the system administrator (user.manage, audited). Each request is signed with the client's key
// (security/request_signature.h), must be within five minutes of the server's clock, carries an
// Idempotency-Key (a retried request gets the first answer again; the key reused for another request
// is refused), and counts against the client's requests per minute — counted in the database, so
// every instance enforces the same limit.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/clock.h"
#include "services/audit_trail.h"
#include "services/principal.h"
#include "services/security_keys.h"
#include "store/api_client_repository.h"
#include "store/database.h"

namespace wagelink::services {

struct NewApiClient {
  store::ApiClientRow client;
  std::string secret;  // shown once, at creation; the HMAC key as text
};

// What the machine route read from the request before anything else.
struct MachineCall {
  std::string key_id, timestamp, idempotency_key, signature;
  std::string method, path;
  std::string_view body;
};

// A machine call let in: who it acts as, or the answer already given under its idempotency key.
struct MachineAdmission {
  std::int64_t client_id = 0;
  Principal principal;
  std::optional<std::int64_t> replay_status;
  std::string replay_body;
};

inline constexpr UnixSeconds kMachineClockSkewSeconds = 300;

class ApiClientService {
 public:
  ApiClientService(store::Database& db, const Clock& clock, const AuditTrail& audit, std::shared_ptr<const SecurityKeys> keys)
      : db_(db), clock_(clock), audit_(audit), keys_(std::move(keys)) {}

  Result<NewApiClient> Create(const Principal& who, const std::string& name, std::int64_t requests_per_minute);
  Result<std::vector<store::ApiClientRow>> List(const Principal& who);
  Result<store::ApiClientRow> Disable(const Principal& who, const std::string& key_id);

  // Checks the key, the time, the signature, the rate and the idempotency key, in that order.
  Result<MachineAdmission> Admit(const MachineCall& call);
  // Stores the answer given under the call's idempotency key (any answer but a server failure).
  void Finish(const MachineAdmission& admitted, const MachineCall& call, std::int64_t status, const std::string& body);
  // The call failed on the server: the key is released so that a retry is handled afresh.
  void Abandon(const MachineAdmission& admitted, const MachineCall& call);

 private:
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const SecurityKeys> keys_;
};

}  // namespace wagelink::services
