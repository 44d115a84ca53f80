#pragma once
// Money per worker: success means the worker was paid. Who paid decides what a payment means for the
// crime (only the actor's own payment is paying; an advance pays the worker but does not undo the
// refusal, case_facts.h).
#include <optional>
#include <string>

#include "domain/money.h"
#include "services/case_records.h"

namespace wagelink::services {

struct PaymentInput {
  std::optional<std::int64_t> worker_id;  // one worker, or
  bool proportional = false;              // spread over every worker's outstanding amount
  domain::Fen amount;
  domain::CivilDate paid_on;
  std::string payer;  // employer | actual_controller | general_contractor | developer | emergency_fund | court_execution
  std::string note;
};

class CasePayments {
 public:
  explicit CasePayments(CaseRecords& records) : records_(records) {}

  Result<CaseDetail> RecordPayment(const Principal& who, std::int64_t case_id, const PaymentInput& payment);

 private:
  CaseRecords& records_;
};

}  // namespace wagelink::services
