#pragma once
// Intake (登记): a complaint becomes a case with its employer, workers (personal data encrypted) and
// the acceptance clock. The checks and the writes are also offered apart, for imports that check
// every row before writing any and then write them all in one transaction.
#include <map>
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

// Case numbers and worker ids for new cases. By default each case takes its own as it is written;
// an import takes them for all its complaints first (Reserve): one statement per year of receipt
// and one for every worker, where taking them case by case cost two of the six round trips each
// complaint needs on PostgreSQL. Numbers come out in the same order either way.
class IntakeNumbers {
 public:
  explicit IntakeNumbers(store::Connection& connection) : connection_(connection) {}
  void Reserve(const std::vector<const ComplaintInput*>& complaints);
  std::string NextCaseNo(const ComplaintInput& complaint);  // WL-<year received>-<five digits>
  std::vector<std::int64_t> NextWorkerIds(std::size_t count);

 private:
  struct Run {
    std::int64_t next = 0, end = 0;  // the numbers [next, end) are taken and not yet handed out
  };
  store::Connection& connection_;
  std::map<int, Run> case_numbers_;  // by year of receipt
  std::vector<std::int64_t> worker_ids_;
  std::size_t next_worker_ = 0;
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
  NewCase InsertComplaint(store::Connection& connection, const Principal& who, const ComplaintInput& input,
                          IntakeNumbers& numbers);
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
  // InsertWorkers without the case totals (a new case is inserted with them), under the given ids.
  std::vector<store::WorkerRow> SealAndInsertWorkers(store::Connection& connection, std::int64_t case_id,
                                                     const std::vector<WorkerInput>& workers,
                                                     const std::vector<std::int64_t>& ids);

  CaseRecords& records_;
};

}  // namespace wagelink::services
