#pragma once
// Every case use case over one shared CaseRecords, as the application wires them.
#include <memory>

#include "services/case_findings.h"
#include "services/case_intake.h"
#include "services/case_payments.h"
#include "services/case_personal_data.h"
#include "services/case_reading.h"
#include "services/case_records.h"
#include "services/case_steps.h"
#include "services/worklist_service.h"

namespace wagelink::services {

struct CaseUseCases {
  template <class... Args>
  explicit CaseUseCases(Args&&... args)
      : records(std::forward<Args>(args)...),
        intake(records),
        reading(records),
        steps(records),
        payments(records),
        findings(records),
        personal_data(records),
        worklist(records) {}
  CaseUseCases(const CaseUseCases&) = delete;
  CaseUseCases& operator=(const CaseUseCases&) = delete;

  CaseRecords records;
  CaseIntake intake;
  CaseReading reading;
  CaseSteps steps;
  CasePayments payments;
  CaseFindings findings;
  CasePersonalData personal_data;
  WorklistService worklist;
};

}  // namespace wagelink::services
