#pragma once
// Ledgers (台账) as XLSX (issue 6): the case ledger and the transfer ledger, each limited to the
// caller's need-to-know scope, case-level facts only (no personal data), the viewer and time in
// the page header and footer, rows streamed from the database into a constant-memory workbook on
// a temporary file. Every export is audited.
#include <string>

#include "core/clock.h"
#include "services/audit_trail.h"
#include "services/principal.h"
#include "store/database.h"

namespace wagelink::services {

struct LedgerExport {
  std::string filename;
  std::string bytes;
  std::int64_t rows = 0;
};

class LedgerService {
 public:
  LedgerService(store::Database& db, const Clock& clock, const AuditTrail& audit) : db_(db), clock_(clock), audit_(audit) {}

  Result<LedgerExport> CaseLedger(const Principal& who);
  Result<LedgerExport> TransferLedger(const Principal& who);

 private:
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
};

}  // namespace wagelink::services
