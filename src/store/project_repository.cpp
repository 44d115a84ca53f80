#include "store/project_repository.h"
#include "store/case_detail_reads.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kProjectColumns =
    "SELECT id, project_no, name, location, builder_name, builder_credit_code, contractor_name, contractor_credit_code, "
    "contractor_site_office, subcontractors, sector_authority, labour_officer_name, contract_sum_fen, contract_signed_on, "
    "started_on, planned_completion_on, pay_day, special_account_bank, special_account_opened_on, wage_deposit, "
    "wage_deposit_amount_fen, wage_deposit_rate_permille, wage_deposit_bank, payment_guarantee, notice_board_up, "
    "owner_body, risk_id, created_by_name, created_at, updated_at, version, "
    "(SELECT MAX(w.level_rank) FROM project_warnings w WHERE w.project_id = projects.id AND w.status = 'open'), "
    "(SELECT COUNT(*) FROM project_warnings w WHERE w.project_id = projects.id AND w.status = 'open') FROM projects ";
constexpr std::string_view kInsert =
    "INSERT INTO projects (project_no, name, location, builder_name, builder_credit_code, contractor_name, "
    "contractor_credit_code, contractor_site_office, subcontractors, sector_authority, labour_officer_name, "
    "contract_sum_fen, contract_signed_on, started_on, planned_completion_on, pay_day, special_account_bank, "
    "special_account_opened_on, wage_deposit, wage_deposit_amount_fen, wage_deposit_rate_permille, wage_deposit_bank, "
    "payment_guarantee, notice_board_up, owner_body, created_by_name, created_at, updated_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kUpdate =
    "UPDATE projects SET name = ?, location = ?, builder_name = ?, builder_credit_code = ?, contractor_name = ?, "
    "contractor_credit_code = ?, contractor_site_office = ?, subcontractors = ?, sector_authority = ?, "
    "labour_officer_name = ?, contract_sum_fen = ?, contract_signed_on = ?, started_on = ?, planned_completion_on = ?, "
    "pay_day = ?, special_account_bank = ?, special_account_opened_on = ?, wage_deposit = ?, "
    "wage_deposit_amount_fen = ?, wage_deposit_rate_permille = ?, wage_deposit_bank = ?, payment_guarantee = ?, "
    "notice_board_up = ?, owner_body = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?";
constexpr std::string_view kSearch =
    "WHERE (? = '' OR name LIKE ? OR project_no LIKE ? OR builder_name LIKE ? OR contractor_name LIKE ?) ";

constexpr std::string_view kBatchColumns =
    "SELECT id, project_id, kind, month, digest, row_count, channel, received_from, received_at, superseded_at "
    "FROM project_feed_batches ";
constexpr std::string_view kWarningColumns =
    "SELECT w.id, w.project_id, w.rule_id, w.level, w.level_rank, w.measured, w.at_least, w.status, w.evidence, "
    "w.raised_at, w.updated_at, w.cleared_at, w.cleared_evidence, p.project_no, p.name "
    "FROM project_warnings w JOIN projects p ON p.id = w.project_id ";
// Rows per INSERT statement: one round trip per 200 rows instead of per row.
constexpr std::size_t kRowsPerInsert = 200;

ProjectRow ProjectOf(const Row& r) {
  ProjectRow p;
  p.id = r.Int(0);
  p.project_no = r.Text(1);
  p.name = r.Text(2);
  p.location = r.Text(3);
  p.builder_name = r.Text(4);
  p.builder_credit_code = r.Text(5);
  p.contractor_name = r.Text(6);
  p.contractor_credit_code = r.Text(7);
  p.contractor_site_office = r.Text(8);
  p.subcontractors = r.Text(9);
  p.sector_authority = r.Text(10);
  p.labour_officer_name = r.Text(11);
  p.contract_sum_fen = r.Int(12);
  p.contract_signed_on = r.Text(13);
  p.started_on = r.OptText(14);
  p.planned_completion_on = r.OptText(15);
  p.pay_day = r.OptInt(16);
  p.special_account_bank = r.Text(17);
  p.special_account_opened_on = r.OptText(18);
  p.wage_deposit = r.Text(19);
  p.wage_deposit_amount_fen = r.Int(20);
  p.wage_deposit_rate_permille = r.OptInt(21);
  p.wage_deposit_bank = r.Text(22);
  p.payment_guarantee = r.Bool(23);
  p.notice_board_up = r.Bool(24);
  p.owner_body = r.Text(25);
  p.risk_id = r.OptInt(26);
  p.created_by_name = r.Text(27);
  p.created_at = r.Text(28);
  p.updated_at = r.Text(29);
  p.version = r.Int(30);
  p.open_level_rank = r.OptInt(31);
  p.open_warnings = r.Int(32);
  return p;
}

// The columns both INSERT and UPDATE set, in kInsert's order after project_no.
Params EditableValues(const ProjectRow& p) {
  return {p.name, p.location, p.builder_name, p.builder_credit_code, p.contractor_name, p.contractor_credit_code,
          p.contractor_site_office, p.subcontractors, p.sector_authority, p.labour_officer_name, p.contract_sum_fen,
          p.contract_signed_on, NullableValue(p.started_on), NullableValue(p.planned_completion_on),
          NullableValue(p.pay_day), p.special_account_bank, NullableValue(p.special_account_opened_on), p.wage_deposit,
          p.wage_deposit_amount_fen, NullableValue(p.wage_deposit_rate_permille), p.wage_deposit_bank,
          std::int64_t{p.payment_guarantee}, std::int64_t{p.notice_board_up}, p.owner_body};
}

FeedBatchRow BatchOf(const Row& r) {
  return {r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Int(5), r.Text(6), r.Text(7), r.Text(8), r.OptText(9)};
}

ProjectWarningRow WarningOf(const Row& r) {
  ProjectWarningRow w;
  w.id = r.Int(0);
  w.project_id = r.Int(1);
  w.rule_id = r.Text(2);
  w.level = r.Text(3);
  w.level_rank = r.Int(4);
  w.measured = r.Int(5);
  w.at_least = r.Int(6);
  w.status = r.Text(7);
  w.evidence = r.Text(8);
  w.raised_at = r.Text(9);
  w.updated_at = r.Text(10);
  w.cleared_at = r.OptText(11);
  w.cleared_evidence = r.OptText(12);
  w.project_no = r.Text(13);
  w.project_name = r.Text(14);
  return w;
}

Params SearchParams(const std::string& search) {
  const std::string like = LikeContains(search);
  return {search, like, like, like, like};
}

}  // namespace

std::int64_t ProjectRepository::Insert(const ProjectRow& row) {
  Params params{row.project_no};
  for (auto& value : EditableValues(row)) params.push_back(std::move(value));
  params.insert(params.end(), {row.created_by_name, row.created_at, row.updated_at});
  return c_.InsertReturningId(kInsert, params);
}

bool ProjectRepository::Update(const ProjectRow& row, std::int64_t expected_version) {
  Params params = EditableValues(row);
  params.insert(params.end(), {row.updated_at, row.id, expected_version});
  return c_.Execute(kUpdate, params) == 1;
}

void ProjectRepository::SetRisk(std::int64_t project_id, std::int64_t risk_id) {
  c_.Execute("UPDATE projects SET risk_id = ? WHERE id = ?", {risk_id, project_id});
}

std::optional<ProjectRow> ProjectRepository::Find(std::int64_t id) {
  auto row = c_.QueryOne(std::string(kProjectColumns) + "WHERE id = ?", {id});
  if (!row) return std::nullopt;
  return ProjectOf(*row);
}

std::optional<std::int64_t> ProjectRepository::IdOfNumber(const std::string& project_no) {
  auto row = c_.QueryOne("SELECT id FROM projects WHERE project_no = ?", {project_no});
  if (!row) return std::nullopt;
  return row->Int(0);
}

std::vector<ProjectRow> ProjectRepository::List(const std::string& search, std::int64_t limit, std::int64_t offset) {
  Params params = SearchParams(search);
  params.insert(params.end(), {limit, offset});
  std::vector<ProjectRow> out;
  c_.Stream(std::string(kProjectColumns) + std::string(kSearch) + "ORDER BY id DESC LIMIT ? OFFSET ?", params,
            [&](const Row& r) { out.push_back(ProjectOf(r)); });
  return out;
}

std::int64_t ProjectRepository::Count(const std::string& search) {
  return c_.QueryOne("SELECT COUNT(*) FROM projects " + std::string(kSearch), SearchParams(search))->Int(0);
}

std::vector<std::int64_t> ProjectRepository::AllIds(std::int64_t after_id, std::int64_t limit) {
  std::vector<std::int64_t> ids;
  c_.Stream("SELECT id FROM projects WHERE id > ? ORDER BY id LIMIT ?", {after_id, limit},
            [&](const Row& r) { ids.push_back(r.Int(0)); });
  return ids;
}

std::optional<FeedBatchRow> ProjectRepository::CurrentBatch(std::int64_t project_id, const std::string& kind,
                                                            const std::string& month) {
  auto row = c_.QueryOne(std::string(kBatchColumns) +
                             "WHERE project_id = ? AND kind = ? AND month = ? AND superseded_at IS NULL",
                         {project_id, kind, month});
  if (!row) return std::nullopt;
  return BatchOf(*row);
}

void ProjectRepository::Supersede(std::int64_t batch_id, const std::string& at) {
  c_.Execute("UPDATE project_feed_batches SET superseded_at = ? WHERE id = ?", {at, batch_id});
}

std::int64_t ProjectRepository::InsertBatch(const FeedBatchRow& b, const std::vector<FeedRow>& rows) {
  const auto id = c_.InsertReturningId(
      "INSERT INTO project_feed_batches (project_id, kind, month, digest, row_count, channel, received_from, received_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
      {b.project_id, b.kind, b.month, b.digest, b.row_count, b.channel, b.received_from, b.received_at});
  for (std::size_t start = 0; start < rows.size(); start += kRowsPerInsert) {
    const std::size_t end = std::min(rows.size(), start + kRowsPerInsert);
    std::string sql =
        "INSERT INTO project_feed_rows (batch_id, line, worker_key, worker_name_masked, days, amount_fen, on_date, "
        "through_special_account, purpose) VALUES ";
    Params params;
    for (std::size_t i = start; i < end; ++i) {
      const FeedRow& r = rows[i];
      sql += i == start ? "(?, ?, ?, ?, ?, ?, ?, ?, ?)" : ", (?, ?, ?, ?, ?, ?, ?, ?, ?)";
      params.insert(params.end(), {id, r.line, r.worker_key, r.worker_name_masked, r.days, r.amount_fen,
                                   NullableValue(r.on_date), std::int64_t{r.through_special_account}, r.purpose});
    }
    c_.Execute(sql, params);
  }
  return id;
}

std::vector<FeedBatchRow> ProjectRepository::Batches(std::int64_t project_id) {
  std::vector<FeedBatchRow> out;
  c_.Stream(std::string(kBatchColumns) + "WHERE project_id = ? AND superseded_at IS NULL ORDER BY month DESC, kind",
            {project_id}, [&](const Row& r) { out.push_back(BatchOf(r)); });
  return out;
}

std::vector<ProjectFeedRow> ProjectRepository::CurrentRows(std::int64_t project_id) {
  std::vector<ProjectFeedRow> out;
  c_.Stream(
      "SELECT b.kind, b.month, r.line, r.worker_key, r.worker_name_masked, r.days, r.amount_fen, r.on_date, "
      "r.through_special_account, r.purpose FROM project_feed_batches b JOIN project_feed_rows r ON r.batch_id = b.id "
      "WHERE b.project_id = ? AND b.superseded_at IS NULL ORDER BY b.month, b.kind, r.line",
      {project_id}, [&](const Row& r) {
        out.push_back({r.Text(0), r.Text(1),
                       FeedRow{r.Int(2), r.Text(3), r.Text(4), r.Int(5), r.Int(6), r.OptText(7), r.Bool(8), r.Text(9)}});
      });
  return out;
}

std::vector<ProjectWarningRow> ProjectRepository::OpenWarnings(std::int64_t project_id) {
  std::vector<ProjectWarningRow> out;
  c_.Stream(std::string(kWarningColumns) + "WHERE w.project_id = ? AND w.status = 'open' ORDER BY w.id", {project_id},
            [&](const Row& r) { out.push_back(WarningOf(r)); });
  return out;
}

std::int64_t ProjectRepository::InsertWarning(const ProjectWarningRow& w) {
  return c_.InsertReturningId(
      "INSERT INTO project_warnings (project_id, rule_id, level, level_rank, measured, at_least, status, evidence, "
      "raised_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id",
      {w.project_id, w.rule_id, w.level, w.level_rank, w.measured, w.at_least, w.evidence, w.raised_at, w.updated_at});
}

void ProjectRepository::UpdateWarning(const ProjectWarningRow& w) {
  c_.Execute("UPDATE project_warnings SET level = ?, level_rank = ?, measured = ?, at_least = ?, evidence = ?, "
             "updated_at = ? WHERE id = ? AND status = 'open'",
             {w.level, w.level_rank, w.measured, w.at_least, w.evidence, w.updated_at, w.id});
}

void ProjectRepository::ClearWarning(std::int64_t id, const std::string& at, const std::string& evidence) {
  c_.Execute("UPDATE project_warnings SET status = 'cleared', cleared_at = ?, cleared_evidence = ?, updated_at = ? "
             "WHERE id = ? AND status = 'open'",
             {at, evidence, at, id});
}

std::vector<ProjectWarningRow> ProjectRepository::Warnings(std::int64_t project_id, std::int64_t limit) {
  std::vector<ProjectWarningRow> out;
  c_.Stream(std::string(kWarningColumns) +
                "WHERE w.project_id = ? ORDER BY w.status = 'open' DESC, w.level_rank DESC, w.updated_at DESC, w.id DESC "
                "LIMIT ?",
            {project_id, limit}, [&](const Row& r) { out.push_back(WarningOf(r)); });
  return out;
}

std::optional<ProjectWarningRow> ProjectRepository::FindWarning(std::int64_t id) {
  std::optional<ProjectWarningRow> out;
  c_.Stream(std::string(kWarningColumns) + "WHERE w.id = ?", {id}, [&](const Row& r) { out = WarningOf(r); });
  return out;
}

std::vector<ProjectRepository::Candidate> ProjectRepository::CandidatesFor(const std::string& code_a,
                                                                            const std::string& code_b,
                                                                            const std::string& name) {
  std::vector<Candidate> out;
  const std::string like_a = code_a.empty() ? "" : "%" + code_a + "%";
  const std::string like_b = code_b.empty() ? "" : "%" + code_b + "%";
  const std::string like_name = name.empty() ? "" : "%" + name + "%";
  c_.Stream("SELECT id, name, builder_credit_code, contractor_credit_code, subcontractors FROM projects WHERE "
            "(? <> '' AND (builder_credit_code = ? OR contractor_credit_code = ? OR subcontractors LIKE ?)) OR "
            "(? <> '' AND (builder_credit_code = ? OR contractor_credit_code = ? OR subcontractors LIKE ?)) OR "
            "(? <> '' AND name LIKE ?) ORDER BY id LIMIT 50",
            {code_a, code_a, code_a, like_a, code_b, code_b, code_b, like_b, name, like_name},
            [&](const Row& r) { out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4)}); });
  return out;
}

PlannedRead ProjectLinkRead(std::int64_t case_id) {
  return {"SELECT p.id, p.project_no, p.name FROM cases c JOIN projects p ON p.id = c.project_id WHERE c.id = ?", {case_id}};
}

std::optional<ProjectRepository::Link> ProjectRepository::LinkOfCase(std::int64_t case_id) {
  const auto read = ProjectLinkRead(case_id);
  auto row = c_.QueryOne(read.sql, read.params);
  if (!row) return std::nullopt;
  return Link{row->Int(0), row->Text(1), row->Text(2)};
}

void ProjectRepository::LinkCase(std::int64_t case_id, std::int64_t project_id) {
  c_.Execute("UPDATE cases SET project_id = ? WHERE id = ?", {project_id, case_id});
}

std::vector<ProjectWarningRow> ProjectRepository::OpenWarningsAll(const std::string& level, std::int64_t limit,
                                                                  std::int64_t offset) {
  std::vector<ProjectWarningRow> out;
  c_.Stream(std::string(kWarningColumns) +
                "WHERE w.status = 'open' AND (? = '' OR w.level = ?) ORDER BY w.level_rank DESC, w.id DESC LIMIT ? OFFSET ?",
            {level, level, limit, offset}, [&](const Row& r) { out.push_back(WarningOf(r)); });
  return out;
}

std::int64_t ProjectRepository::CountOpenWarnings(const std::string& level) {
  return c_.QueryOne("SELECT COUNT(*) FROM project_warnings WHERE status = 'open' AND (? = '' OR level = ?)", {level, level})
      ->Int(0);
}

}  // namespace wagelink::store
