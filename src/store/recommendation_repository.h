#pragma once
// 检察建议 and their replies and evaluations (migration 0023).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct RecommendationRow {
  std::int64_t id = 0;
  std::string number;
  std::string basis_kind;
  std::optional<std::int64_t> project_warning_id, project_id, risk_id, case_id;
  std::string basis_label_zh, basis_label_en;
  std::string addressee_body;
  std::string problem, measures;
  std::int64_t issued_by = 0;
  std::string issued_by_name, issued_at, issued_on;
  std::string reply_due_on, reply_due_explain_zh, reply_due_explain_en;
  std::string status = "awaiting_reply";
  std::optional<std::string> reply_kind, reply_text, rectification_evidence, replied_by_name, replied_at, replied_on;
  std::optional<std::string> outcome, evaluation_text, evaluated_by_name, evaluated_at, evaluated_on;
  std::int64_t version = 1;
  std::optional<std::string> case_number;  // joined for reading
  std::string addressee_name_zh, addressee_name_en;  // joined for reading
};

// What a list asks for; empty / unset fields do not filter.
struct RecommendationFilter {
  std::string addressee_body;  // a body sees only those addressed to it
  std::string status;
  std::string overdue_before;  // awaiting a reply due before this date (YYYY-MM-DD)
  std::string basis_kind;
  std::optional<std::int64_t> project_id, risk_id, case_id;
};

struct RecommendationCounts {
  std::int64_t awaiting_reply = 0, overdue = 0, replied = 0, evaluated = 0, rectified = 0;
};

class RecommendationRepository {
 public:
  explicit RecommendationRepository(Connection& connection) : c_(connection) {}

  std::int64_t Insert(const RecommendationRow& row);
  std::optional<RecommendationRow> Find(std::int64_t id);
  // Newest first.
  std::vector<RecommendationRow> List(const RecommendationFilter& filter, std::int64_t limit, std::int64_t offset);
  std::int64_t Count(const RecommendationFilter& filter);
  // Counts by state over what `addressee_body` may see ("" = all); overdue: awaiting, due before `today`.
  RecommendationCounts Counts(const std::string& addressee_body, const std::string& today);
  // Optimistic: false when someone else answered or evaluated it first.
  bool SaveReply(const RecommendationRow& row, std::int64_t expected_version);
  bool SaveEvaluation(const RecommendationRow& row, std::int64_t expected_version);
  // Awaiting a reply due before `today` and not yet announced as overdue, oldest due first.
  std::vector<RecommendationRow> OverdueUnannounced(const std::string& today, std::int64_t limit);
  void MarkOverdueAnnounced(std::int64_t id, const std::string& at);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
