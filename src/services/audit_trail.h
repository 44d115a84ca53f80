#pragma once
// Appends audit entries inside the caller's transaction, so a write and its audit entry commit or
// roll back together. Every `kCheckpointInterval`-th entry also gets a signed checkpoint.
#include <boost/json/value.hpp>
#include <string>

#include "core/clock.h"
#include "security/audit_chain.h"
#include "services/principal.h"
#include "services/security_keys.h"
#include "store/database.h"

namespace wagelink::services {

inline constexpr std::int64_t kCheckpointInterval = 32;

struct AuditTarget {
  std::string type;  // e.g. "user", "session", "liaison", "case"
  std::string id;
};

class AuditTrail {
 public:
  AuditTrail(std::shared_ptr<const SecurityKeys> keys, const Clock& clock) : keys_(std::move(keys)), clock_(clock) {}

  // `before`/`after` are digested (never stored) so the log proves what changed without holding
  // personal data; pass already-masked or encrypted forms of personal fields.
  void Append(store::Connection& connection, const Principal& actor, std::string_view action, const AuditTarget& target,
              const boost::json::value& before = nullptr, const boost::json::value& after = nullptr) const;

  // Reads the whole log and checks the chain and every checkpoint signature.
  security::ChainReport Verify(store::Connection& connection) const;

 private:
  std::shared_ptr<const SecurityKeys> keys_;
  const Clock& clock_;
};

}  // namespace wagelink::services
