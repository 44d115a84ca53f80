#include "store/recommendation_repository.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kInsert =
    "INSERT INTO recommendations (number, basis_kind, project_warning_id, project_id, risk_id, case_id, basis_label_zh, "
    "basis_label_en, addressee_body, problem, measures, issued_by, issued_by_name, issued_at, issued_on, reply_due_on, "
    "reply_due_explain_zh, reply_due_explain_en, status) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kColumns =
    "SELECT r.id, r.number, r.basis_kind, r.project_warning_id, r.project_id, r.risk_id, r.case_id, r.basis_label_zh, "
    "r.basis_label_en, r.addressee_body, r.problem, r.measures, r.issued_by, r.issued_by_name, r.issued_at, r.issued_on, "
    "r.reply_due_on, r.reply_due_explain_zh, r.reply_due_explain_en, r.status, r.reply_kind, r.reply_text, "
    "r.rectification_evidence, r.replied_by_name, r.replied_at, r.replied_on, r.outcome, r.evaluation_text, "
    "r.evaluated_by_name, r.evaluated_at, r.evaluated_on, r.version, c.case_no, b.name_zh, b.name_en "
    "FROM recommendations r LEFT JOIN cases c ON c.id = r.case_id LEFT JOIN bodies b ON b.code = r.addressee_body ";
// Every filter is a bound parameter; an empty one matches everything.
constexpr std::string_view kWhere =
    "WHERE (? = '' OR r.addressee_body = ?) AND (? = '' OR r.status = ?) "
    "AND (? = '' OR (r.status = 'awaiting_reply' AND r.reply_due_on < ?)) AND (? = '' OR r.basis_kind = ?) "
    "AND (? = 0 OR r.project_id = ?) AND (? = 0 OR r.risk_id = ?) AND (? = 0 OR r.case_id = ?) ";
constexpr std::string_view kCounts =
    "SELECT COALESCE(SUM(CASE WHEN status = 'awaiting_reply' THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN status = 'awaiting_reply' AND reply_due_on < ? THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN status = 'replied' THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN status = 'evaluated' THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN outcome = 'rectified' THEN 1 ELSE 0 END), 0) "
    "FROM recommendations WHERE (? = '' OR addressee_body = ?)";
constexpr std::string_view kSaveReply =
    "UPDATE recommendations SET status = ?, reply_kind = ?, reply_text = ?, rectification_evidence = ?, "
    "replied_by_name = ?, replied_at = ?, replied_on = ?, version = version + 1 WHERE id = ? AND version = ?";
constexpr std::string_view kSaveEvaluation =
    "UPDATE recommendations SET status = ?, outcome = ?, evaluation_text = ?, evaluated_by_name = ?, evaluated_at = ?, "
    "evaluated_on = ?, version = version + 1 WHERE id = ? AND version = ?";

RecommendationRow RowOf(const Row& r) {
  RecommendationRow row;
  row.id = r.Int(0);
  row.number = r.Text(1);
  row.basis_kind = r.Text(2);
  row.project_warning_id = r.OptInt(3);
  row.project_id = r.OptInt(4);
  row.risk_id = r.OptInt(5);
  row.case_id = r.OptInt(6);
  row.basis_label_zh = r.Text(7);
  row.basis_label_en = r.Text(8);
  row.addressee_body = r.Text(9);
  row.problem = r.Text(10);
  row.measures = r.Text(11);
  row.issued_by = r.Int(12);
  row.issued_by_name = r.Text(13);
  row.issued_at = r.Text(14);
  row.issued_on = r.Text(15);
  row.reply_due_on = r.Text(16);
  row.reply_due_explain_zh = r.Text(17);
  row.reply_due_explain_en = r.Text(18);
  row.status = r.Text(19);
  row.reply_kind = r.OptText(20);
  row.reply_text = r.OptText(21);
  row.rectification_evidence = r.OptText(22);
  row.replied_by_name = r.OptText(23);
  row.replied_at = r.OptText(24);
  row.replied_on = r.OptText(25);
  row.outcome = r.OptText(26);
  row.evaluation_text = r.OptText(27);
  row.evaluated_by_name = r.OptText(28);
  row.evaluated_at = r.OptText(29);
  row.evaluated_on = r.OptText(30);
  row.version = r.Int(31);
  row.case_number = r.OptText(32);
  row.addressee_name_zh = r.OptText(33).value_or(row.addressee_body);
  row.addressee_name_en = r.OptText(34).value_or(row.addressee_body);
  return row;
}

Params FilterParams(const RecommendationFilter& f) {
  const std::int64_t project = f.project_id.value_or(0), risk = f.risk_id.value_or(0), kase = f.case_id.value_or(0);
  return {f.addressee_body, f.addressee_body, f.status, f.status, f.overdue_before, f.overdue_before,
          f.basis_kind, f.basis_kind, project, project, risk, risk, kase, kase};
}

Value OptionalId(const std::optional<std::int64_t>& id) { return id ? Value(*id) : Value(nullptr); }

}  // namespace

std::int64_t RecommendationRepository::Insert(const RecommendationRow& row) {
  return c_.InsertReturningId(
      kInsert, {row.number, row.basis_kind, OptionalId(row.project_warning_id), OptionalId(row.project_id),
                OptionalId(row.risk_id), OptionalId(row.case_id), row.basis_label_zh, row.basis_label_en,
                row.addressee_body, row.problem, row.measures, row.issued_by, row.issued_by_name, row.issued_at,
                row.issued_on, row.reply_due_on, row.reply_due_explain_zh, row.reply_due_explain_en, row.status});
}

std::optional<RecommendationRow> RecommendationRepository::Find(std::int64_t id) {
  auto row = c_.QueryOne(std::string(kColumns) + "WHERE r.id = ?", {id});
  if (!row) return std::nullopt;
  return RowOf(*row);
}

std::vector<RecommendationRow> RecommendationRepository::List(const RecommendationFilter& filter, std::int64_t limit,
                                                              std::int64_t offset) {
  auto params = FilterParams(filter);
  params.push_back(limit);
  params.push_back(offset);
  std::vector<RecommendationRow> out;
  c_.Stream(std::string(kColumns) + std::string(kWhere) + "ORDER BY r.issued_at DESC, r.id DESC LIMIT ? OFFSET ?", params,
            [&](const Row& r) { out.push_back(RowOf(r)); });
  return out;
}

std::int64_t RecommendationRepository::Count(const RecommendationFilter& filter) {
  return c_.QueryOne("SELECT COUNT(*) FROM recommendations r " + std::string(kWhere), FilterParams(filter))->Int(0);
}

RecommendationCounts RecommendationRepository::Counts(const std::string& addressee_body, const std::string& today) {
  const auto row = c_.QueryOne(kCounts, {today, addressee_body, addressee_body});
  return {row->Int(0), row->Int(1), row->Int(2), row->Int(3), row->Int(4)};
}

bool RecommendationRepository::SaveReply(const RecommendationRow& row, std::int64_t expected_version) {
  return c_.Execute(kSaveReply, {row.status, *row.reply_kind, *row.reply_text, *row.rectification_evidence,
                                 *row.replied_by_name, *row.replied_at, *row.replied_on, row.id, expected_version}) == 1;
}

bool RecommendationRepository::SaveEvaluation(const RecommendationRow& row, std::int64_t expected_version) {
  return c_.Execute(kSaveEvaluation, {row.status, *row.outcome, *row.evaluation_text, *row.evaluated_by_name,
                                      *row.evaluated_at, *row.evaluated_on, row.id, expected_version}) == 1;
}

std::vector<RecommendationRow> RecommendationRepository::OverdueUnannounced(const std::string& today, std::int64_t limit) {
  std::vector<RecommendationRow> out;
  c_.Stream(std::string(kColumns) +
                "WHERE r.status = 'awaiting_reply' AND r.reply_due_on < ? AND r.overdue_notified_at IS NULL "
                "ORDER BY r.reply_due_on, r.id LIMIT ?",
            {today, limit}, [&](const Row& r) { out.push_back(RowOf(r)); });
  return out;
}

void RecommendationRepository::MarkOverdueAnnounced(std::int64_t id, const std::string& at) {
  c_.Execute("UPDATE recommendations SET overdue_notified_at = ? WHERE id = ?", {at, id});
}

}  // namespace wagelink::store
