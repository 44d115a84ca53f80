#pragma once
// Persistence of cases, their employers, party bodies, workers and payments. The need-to-know
// data scope is applied inside every query as a bound predicate over case_parties — never by
// splicing SQL text, never by filtering after loading.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

// Who may see which cases: everything in the region, or cases to which `body_code` is a party.
struct CaseScope {
  bool all_in_region = false;
  std::string body_code;
};

struct EmployerRow {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> credit_code;
  std::string kind;  // unit | individual | unqualified_contractor
  std::string address;
  std::string legal_representative;
};

struct CaseRow {
  std::int64_t id = 0;
  std::string case_no;
  std::string title;
  std::string state;
  std::string progress = "{}";
  std::string channel;
  std::string received_at;
  std::int64_t employer_id = 0;
  std::optional<std::int64_t> general_contractor_id;
  std::string project_name;
  std::string summary;
  std::string conduct = "unknown";
  bool migrant_workers = true;
  std::int64_t workers_count = 0;
  std::int64_t owed_fen = 0;
  std::int64_t paid_fen = 0;
  std::optional<std::string> order_deadline;
  std::optional<std::string> order_delivery;
  std::string transfer_package = "{}";  // item id -> present
  std::optional<std::int64_t> created_by;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
  // Joined for lists and details.
  std::string employer_name;
  bool no_arrears_found = false;  // read only: store/case_sql.h
  std::optional<std::int64_t> project_id;  // read only: the registered project it is about (ProjectRepository::LinkCase)
};

struct WorkerRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string name;
  std::optional<std::string> id_number_enc, id_number_index;
  std::string id_number_masked;
  std::optional<std::string> phone_enc;
  std::string phone_masked;
  std::optional<std::string> bank_card_enc;
  std::string bank_card_masked;
  std::int64_t owed_fen = 0;  // 劳动报酬 (法释〔2013〕3号 §1): what the crime amount test uses
  std::int64_t months_unpaid = 0;
  std::string period_from, period_to;
  std::int64_t paid_fen = 0;
  // 经济补偿, 赔偿金, 工程款 claimed beside the remuneration: recorded, never tested, not in the totals.
  std::int64_t other_claims_fen = 0;
};

struct PaymentRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::optional<std::int64_t> worker_id;
  std::int64_t amount_fen = 0;
  std::string paid_on;
  std::string payer;  // domain::PayerCode
  std::string note;
  std::string created_at;
};

inline constexpr std::int64_t kCaseCountCap = 10'000;

struct CaseCount {
  std::int64_t value = 0;
  bool at_least = false;  // a search counted up to kCaseCountCap and found more
};

// A count taken with LIMIT kCaseCountCap + 1: one row past the cap means "more than the cap".
inline CaseCount CappedCount(std::int64_t counted) {
  return {counted > kCaseCountCap ? kCaseCountCap : counted, counted > kCaseCountCap};
}

inline constexpr std::size_t kMaxStateFilter = 8;

// The list orders the UI offers; each is its own statement so the planner sees a plain ORDER BY.
enum class CaseSort { kReceivedNewest, kReceivedOldest, kUpdatedNewest, kOwedLargest };

// How a search's text is matched (issue 16). A term of kTrigramLength characters or more that the
// trigram index (case_search, migration 0030) finds in at most kCaseCountCap cases is taken from the
// index: a rare term is then found at once, and counted exactly. A shorter term has no trigram, and
// a common one fills a page at once: both are matched by reading the cases in the list's order.
// On PostgreSQL the index also holds each case's parties and state (migration 0031), so what it
// finds is narrowed by the bodies the list requires, and a common term by the states asked for.
enum class SearchPlan { kReadCases, kTextIndex };
inline constexpr std::size_t kTrigramLength = 3;

struct PlannedSearch {
  // What this plan is for: the filter's text, the bodies that must be parties and, when the index
  // matched them too, the states.
  std::string text;
  std::vector<std::string> parties;
  std::vector<std::string> states;
  SearchPlan plan = SearchPlan::kReadCases;
  std::string found;  // kTextIndex: the ids of the cases the index found, as a JSON array
  std::int64_t found_count = 0;  // how many the index found (one row per case; the cap + 1 = more)
};

struct CaseFilter {
  std::vector<std::string> states;  // any of these (at most kMaxStateFilter); empty = any
  std::string text;        // case number, title, employer name or project (contains)
  std::string party_body;  // only cases where this body is a party (e.g. the police's incoming list)
  CaseSort sort = CaseSort::kReceivedNewest;
};

class CaseRepository {
 public:
  explicit CaseRepository(Connection& connection) : c_(connection) {}

  // Next number of a per-name, per-year sequence (documents, case numbers).
  std::int64_t NextSequence(std::string_view name, int year);
  // `count` (≥ 1) numbers of one series and year in one statement: the first of them.
  std::int64_t TakeSequenceNumbers(std::string_view name, int year, std::int64_t count);

  std::int64_t InsertEmployer(const EmployerRow& employer, const std::string& now);
  std::optional<EmployerRow> FindEmployer(std::int64_t id);
  // The case's employer and, if any, its general contractor in one statement (a case read is a
  // round trip per statement on PostgreSQL).
  std::pair<std::optional<EmployerRow>, std::optional<EmployerRow>> FindEmployerAndContractor(
      std::int64_t employer_id, std::optional<std::int64_t> contractor_id);
  std::optional<EmployerRow> FindEmployerByCreditCode(std::string_view code);

  std::int64_t InsertCase(const CaseRow& row);
  // The writes below that return nothing are deferred (store/deferred_write.h).
  void AddParty(std::int64_t case_id, std::string_view body_code, const std::string& now);
  std::vector<std::string> Parties(std::int64_t case_id);
  std::optional<CaseRow> FindCase(std::int64_t id, const CaseScope& scope);
  std::vector<CaseRow> ListCases(const CaseScope& scope, const CaseFilter& filter, std::int64_t limit, std::int64_t offset);
  // Exact for every filter without text (from the running totals, case_tally_repository.h); a
  // search is counted exactly up to kCaseCountCap.
  CaseCount CountCases(const CaseScope& scope, const CaseFilter& filter);
  // Optimistic update: false when someone else changed the case since `expected_version`.
  bool UpdateState(std::int64_t id, std::int64_t expected_version, const std::string& state, const std::string& progress,
                   const std::string& now);
  void SetOrder(std::int64_t id, const std::string& deadline, const std::string& delivery);
  void SetConduct(std::int64_t id, const std::string& conduct);

  // Takes `count` ids for new workers, so that their sealed fields, which bind the row's id, can be
  // written by the INSERT itself. Call inside the transaction that inserts them (on SQLite the ids
  // are the table's next ones, safe while the transaction holds the write lock).
  std::vector<std::int64_t> ReserveWorkerIds(std::size_t count);
  // Inserts workers with their reserved ids and sealed fields, kWorkersPerStatement to a statement.
  void InsertWorkers(const std::vector<WorkerRow>& workers, const std::string& now);
  std::vector<WorkerRow> ListWorkers(std::int64_t case_id);
  // The latest end of a worker's unpaid period as entered ("YYYY-MM"), if any worker has one.
  std::optional<std::string> LatestPeriodTo(std::int64_t case_id);
  std::optional<WorkerRow> FindWorker(std::int64_t case_id, std::int64_t worker_id);

  std::int64_t InsertPayment(const PaymentRow& payment);
  std::vector<PaymentRow> ListPayments(std::int64_t case_id);
  // Recomputes the per-worker and per-case totals from the payments (same transaction).
  void RefreshMoney(std::int64_t case_id);
  // Only the case's totals, from its workers and payments: enough after adding workers, who have
  // no payments yet.
  void RefreshCaseTotals(std::int64_t case_id);
  // A worker's claim as a finding established it (the finding event keeps what it replaced).
  void SetWorkerClaim(std::int64_t case_id, std::int64_t worker_id, std::int64_t owed_fen, std::int64_t other_claims_fen,
                      std::int64_t months_unpaid);

 private:
  // Which way ListCases and CountCases match the filter's text (one indexed look-up for a long term,
  // remembered for the next call with the same text and parties; a second one for a common term
  // with states, remembered for the same states).
  const PlannedSearch& PlanSearch(const CaseFilter& filter, const std::vector<std::string>& parties);
  PlannedSearch FindInIndex(const CaseFilter& filter, const std::vector<std::string>& parties, bool with_states);

  Connection& c_;
  PlannedSearch planned_;
  PlannedSearch planned_with_states_;
  // What the last list through the index counted while choosing its page, and for which filter.
  struct ListedCount {
    std::string text;
    std::vector<std::string> states;
    std::vector<std::string> parties;
    std::int64_t admitted = 0;
  };
  std::optional<ListedCount> listed_count_;
};

}  // namespace wagelink::store
