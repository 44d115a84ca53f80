#pragma once
// The rows of the ledgers (台账), streamed in case order within the caller's scope (the same
// bound case_parties predicate as CaseRepository). Only case-level facts: no personal data.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "store/case_repository.h"
#include "store/database.h"

namespace wagelink::store {

struct CaseLedgerRow {
  std::string case_no, title, employer_name, credit_code, project_name, channel, received_at, state;
  std::int64_t workers_count = 0, owed_fen = 0, paid_fen = 0;
  std::string order_deadline;
};

struct TransferLedgerRow {
  std::string case_no, employer_name, state;
  std::int64_t workers_count = 0, owed_fen = 0, paid_fen = 0;
  std::string approved_at, sent_at, receipt_at, filed_at, declined_at, transfer_doc_no;
};

class LedgerRepository {
 public:
  explicit LedgerRepository(Connection& connection) : c_(connection) {}

  void StreamCases(const CaseScope& scope, const std::function<void(const CaseLedgerRow&)>& on_row);
  // Cases that were sent to the police, with the dates of each step of the transfer.
  void StreamTransfers(const CaseScope& scope, const std::function<void(const TransferLedgerRow&)>& on_row);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
