#pragma once
// `wagelink crypto switch --to SUITE`: moves a database in use to another cryptographic suite
// (security/crypto_suite.h). In one transaction it re-encrypts every encrypted field under the new
// suite (and recomputes its blind index), ends every session (their CSRF tokens were keyed under the
// old suite), and records the switch as an audit entry of the new suite with a checkpoint signed
// under it. Audit entries and checkpoints written before keep their own algorithms and still
// verify; recovery codes (stored only as an index) are looked up under either suite. Run with the
// server stopped (docs/security.md "Cryptographic suites").
#include <cstdint>

#include "core/clock.h"
#include "core/error.h"
#include "services/audit_trail.h"
#include "services/security_keys.h"
#include "store/database.h"

namespace wagelink::services {

struct CryptoSwitchReport {
  security::CryptoSuite to = security::CryptoSuite::kSodium;
  std::int64_t fields_reencrypted = 0;
  std::int64_t fields_already_in_suite = 0;
  std::int64_t sessions_ended = 0;
};

// `keys` carry the target suite; `audit` writes with those keys. On any failure (a field that does
// not decrypt under this master key) nothing is changed and the error names the table and row.
Result<CryptoSwitchReport> SwitchCryptoSuite(store::Database& db, const SecurityKeys& keys, const AuditTrail& audit,
                                             const Clock& clock);

// The suite the database was last written under: that of its newest audit entry (every write is
// audited). nullopt for a database nothing has been written to.
std::optional<security::CryptoSuite> SuiteInUse(store::Connection& connection);

}  // namespace wagelink::services
