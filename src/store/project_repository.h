#pragma once
// Registered construction projects, their monthly feeds and the warnings raised from them
// (migrations 0020–0021).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct ProjectRow {
  std::int64_t id = 0;
  std::string project_no, name, location;
  std::string builder_name, builder_credit_code;
  std::string contractor_name, contractor_credit_code, contractor_site_office;
  std::string subcontractors = "[]";  // JSON
  std::string sector_authority, labour_officer_name;
  std::int64_t contract_sum_fen = 0;
  std::string contract_signed_on;
  std::optional<std::string> started_on, planned_completion_on;
  std::optional<std::int64_t> pay_day;
  std::string special_account_bank;
  std::optional<std::string> special_account_opened_on;
  std::string wage_deposit = "none";
  std::int64_t wage_deposit_amount_fen = 0;
  std::optional<std::int64_t> wage_deposit_rate_permille;
  std::string wage_deposit_bank;
  bool payment_guarantee = false;
  bool notice_board_up = false;
  std::string owner_body;
  std::optional<std::int64_t> risk_id;
  std::string created_by_name, created_at, updated_at;
  std::int64_t version = 1;
  // Read with the project (never written): its open warnings and the highest level among them.
  std::optional<std::int64_t> open_level_rank;
  std::int64_t open_warnings = 0;
};

struct FeedBatchRow {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string kind;   // attendance | payroll | account
  std::string month;  // YYYY-MM
  std::string digest;
  std::int64_t row_count = 0;
  std::string channel;  // browser | file | api
  std::string received_from, received_at;
  std::optional<std::string> superseded_at;
};

struct FeedRow {
  std::int64_t line = 0;
  std::string worker_key, worker_name_masked;
  std::int64_t days = 0;
  std::int64_t amount_fen = 0;
  std::optional<std::string> on_date;
  bool through_special_account = false;
  std::string purpose;
};

// A current feed row with the month and kind of its batch, for evaluating a project.
struct ProjectFeedRow {
  std::string kind, month;
  FeedRow row;
};

struct ProjectWarningRow {
  std::int64_t id = 0;
  std::int64_t project_id = 0;
  std::string rule_id, level;
  std::int64_t level_rank = 0;
  std::int64_t measured = 0, at_least = 0;
  std::string status;  // open | cleared
  std::string evidence = "[]";
  std::string raised_at, updated_at;
  std::optional<std::string> cleared_at, cleared_evidence;
  // Joined for lists across projects.
  std::string project_no, project_name;
};

class ProjectRepository {
 public:
  explicit ProjectRepository(Connection& connection) : c_(connection) {}

  std::int64_t Insert(const ProjectRow& row);
  // False when the stored version is not `expected_version` (someone saved in between).
  bool Update(const ProjectRow& row, std::int64_t expected_version);
  void SetRisk(std::int64_t project_id, std::int64_t risk_id);
  std::optional<ProjectRow> Find(std::int64_t id);
  std::optional<std::int64_t> IdOfNumber(const std::string& project_no);
  // Newest first; `search` matches the name, number or either company's name.
  std::vector<ProjectRow> List(const std::string& search, std::int64_t limit, std::int64_t offset);
  std::int64_t Count(const std::string& search);
  std::vector<std::int64_t> AllIds(std::int64_t after_id, std::int64_t limit);

  // The current batch of `kind` for `month`, if any.
  std::optional<FeedBatchRow> CurrentBatch(std::int64_t project_id, const std::string& kind, const std::string& month);
  void Supersede(std::int64_t batch_id, const std::string& at);
  std::int64_t InsertBatch(const FeedBatchRow& batch, const std::vector<FeedRow>& rows);
  // Current batches, newest month first.
  std::vector<FeedBatchRow> Batches(std::int64_t project_id);
  // Every row of the project's current batches.
  std::vector<ProjectFeedRow> CurrentRows(std::int64_t project_id);

  std::vector<ProjectWarningRow> OpenWarnings(std::int64_t project_id);
  std::optional<ProjectWarningRow> FindWarning(std::int64_t id);
  // Projects that may be the one a complaint is about: a unit with one of `credit_codes` (upper
  // case; "" ignored) is their builder, contractor or a subcontractor, or their name contains
  // `name` (non-empty). At most 50; domain::MatchRegisteredProject decides.
  struct Candidate {
    std::int64_t id = 0;
    std::string name, builder_credit_code, contractor_credit_code, subcontractors;
  };
  std::vector<Candidate> CandidatesFor(const std::string& code_a, const std::string& code_b, const std::string& name);
  // The project a case is linked to: id, number and name.
  struct Link {
    std::int64_t id = 0;
    std::string project_no, name;
  };
  std::optional<Link> LinkOfCase(std::int64_t case_id);
  void LinkCase(std::int64_t case_id, std::int64_t project_id);
  std::int64_t InsertWarning(const ProjectWarningRow& row);
  void UpdateWarning(const ProjectWarningRow& row);
  void ClearWarning(std::int64_t id, const std::string& at, const std::string& evidence);
  // A project's warnings, open first then the newest cleared (at most `limit`).
  std::vector<ProjectWarningRow> Warnings(std::int64_t project_id, std::int64_t limit);
  // Open warnings across projects, highest level first; `level` empty for any.
  std::vector<ProjectWarningRow> OpenWarningsAll(const std::string& level, std::int64_t limit, std::int64_t offset);
  std::int64_t CountOpenWarnings(const std::string& level);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
