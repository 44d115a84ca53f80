#pragma once
// Persistence of the risk ledger: risk items, follow-ups and the append-only history.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct RiskRow {
  std::int64_t id = 0;
  std::string risk_no;
  std::string employer_name;
  std::string employer_credit_code;
  std::string project_name;
  std::string general_contractor_name;
  std::optional<std::string> general_contractor_credit_code;
  std::string special_account;
  std::int64_t workers_affected = 0;
  std::int64_t amount_fen = 0;
  std::string pay_due_dates = "[]";
  std::string source;
  std::string indicators = "{}";
  std::string description;
  std::string measures;
  std::string owner_body;
  std::string reported_by_body;
  std::optional<std::int64_t> reported_by;
  std::optional<std::int64_t> case_id;
  std::optional<std::string> case_no;  // read through case_id, never written
  std::string status = "open";
  std::string level;
  std::int64_t level_rank = 0;
  std::int64_t score = 0;
  std::string assessment = "{}";
  std::string assessed_at;
  std::string next_review_at;
  std::optional<std::string> review_notified_at;
  std::optional<std::string> wage_office_notified_at;
  std::optional<std::string> leadership_notified_at;
  std::optional<std::string> report;
  std::optional<std::string> closed_at;
  std::optional<std::string> closed_by_body;
  std::optional<std::string> closing_evidence;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
  std::optional<std::int64_t> project_id;  // a registered project whose warnings raised it
};

struct RiskFollowupRow {
  std::int64_t id = 0;
  std::int64_t risk_id = 0;
  std::string at;
  std::optional<std::int64_t> user_id;
  std::string username;
  std::string body_code;
  std::string note;
  std::string level_after;
};

struct RiskHistoryRow {
  std::int64_t id = 0;
  std::int64_t risk_id = 0;
  std::string at;
  std::string action;
  std::string actor_username;
  std::string actor_body;
  std::string from_status, to_status, from_level, to_level;
  std::string detail;
};

struct RiskFilter {
  std::string level;   // empty = any
  std::string status;  // empty = any
};

class RiskRepository {
 public:
  explicit RiskRepository(Connection& connection) : c_(connection) {}

  std::int64_t Insert(const RiskRow& row);
  std::optional<RiskRow> Find(std::int64_t id);
  std::vector<RiskRow> List(const RiskFilter& filter, std::int64_t limit, std::int64_t offset);
  std::int64_t Count(const RiskFilter& filter);
  // Open items at or above a level rank, highest first (meeting agendas, bulletins).
  std::vector<RiskRow> ListOpenFromRank(std::int64_t min_rank);

  // Optimistic update of the mutable state: false when the version moved on.
  bool Update(const RiskRow& row, std::int64_t expected_version);

  void InsertFollowup(const RiskFollowupRow& row);
  std::vector<RiskFollowupRow> ListFollowups(std::int64_t risk_id);
  void InsertHistory(const RiskHistoryRow& row);
  std::vector<RiskHistoryRow> ListHistory(std::int64_t risk_id);

  // Open items whose review is due and not yet reminded (partial index).
  std::vector<RiskRow> ReviewDue(const std::string& now, std::int64_t limit);
  void MarkReviewNotified(std::int64_t id, const std::string& at);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
