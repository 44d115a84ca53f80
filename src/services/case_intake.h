#pragma once
// Intake (登记): a complaint becomes a case with its employer, workers (personal data encrypted) and
// the acceptance clock. The checks and the writes are also offered apart, for imports that check
// every row before writing any and then write them all in one transaction.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/money.h"
#include "services/case_records.h"

namespace wagelink::services {

struct EmployerInput {
  std::string name;
  std::optional<std::string> credit_code;
  std::string kind = "unit";  // unit | individual | unqualified_contractor
  std::string address;
  std::string legal_representative;
};

struct WorkerInput {
  std::string name;
  std::optional<std::string> id_number, phone, bank_card;
  domain::Fen owed;          // 劳动报酬 (法释〔2013〕3号 §1): wages, bonuses, allowances, overtime
  domain::Fen other_claims;  // 经济补偿, 赔偿金, 工程款: recorded, never tested
  std::int64_t months_unpaid = 0;
  std::string period_from, period_to;
};

struct ComplaintInput {
  std::string channel;  // 12333 | national_clue_platform | walk_in | petition | inspection | referral
  domain::Instant received_at;
  EmployerInput employer;
  std::optional<EmployerInput> general_contractor;
  std::string project_name;
  std::string summary;
  std::string conduct = "unknown";  // the conduct known at intake; the investigation revises it (findings)
  bool migrant_workers = true;
  std::vector<WorkerInput> workers;
};

class CaseIntake {
 public:
  explicit CaseIntake(CaseRecords& records) : records_(records) {}

  Result<CaseDetail> CreateComplaint(const Principal& who, const ComplaintInput& input);
  // The two halves of CreateComplaint: the checks (nothing written), and the writes inside the
  // caller's transaction (case, workers, event, clock, audit entry) for a checked input. The caller
  // deposits the new case in the dashboard's running totals (store::CaseTallyRepository::Deposit),
  // an import all its cases in a few statements rather than one per case.
  Status CheckComplaint(const Principal& who, const ComplaintInput& input) const;
  struct NewCase {
    std::int64_t id = 0;
    std::string case_no;
  };
  NewCase InsertComplaint(store::Connection& connection, const Principal& who, const ComplaintInput& input);
  // A worker as intake checks it (field names "workers[index].…"), and checked workers added to a
  // case inside the caller's transaction, with their personal data encrypted and the case totals;
  // returns the rows as stored.
  Status CheckNewWorker(const WorkerInput& worker, std::size_t index) const;
  std::vector<store::WorkerRow> InsertWorkers(store::Connection& connection, std::int64_t case_id,
                                              const std::vector<WorkerInput>& workers);
  // An employer as intake checks it (field names "<field>.…"), and its row (the existing one for
  // a known credit code) inside the caller's transaction.
  static Status CheckNewEmployer(const EmployerInput& employer, const std::string& field);
  static bool IsKnownChannel(std::string_view channel);
  std::int64_t InsertEmployer(store::Connection& connection, const EmployerInput& employer);

 private:
  // InsertWorkers without the case totals (a new case is inserted with them).
  std::vector<store::WorkerRow> SealAndInsertWorkers(store::Connection& connection, std::int64_t case_id,
                                                     const std::vector<WorkerInput>& workers);

  CaseRecords& records_;
};

}  // namespace wagelink::services
