#include "store/risk_repository.h"

namespace wagelink::store {
namespace {

#define WL_RISK_COLUMNS                                                                                            \
  "SELECT id, risk_no, employer_name, employer_credit_code, project_name, general_contractor_name, "                \
  "general_contractor_credit_code, special_account, workers_affected, amount_fen, pay_due_dates, source, indicators, " \
  "description, measures, owner_body, reported_by_body, reported_by, case_id, status, level, level_rank, score, "     \
  "assessment, assessed_at, next_review_at, review_notified_at, wage_office_notified_at, leadership_notified_at, "   \
  "report, closed_at, closed_by_body, closing_evidence, created_at, updated_at, version, project_id, "         \
  "(SELECT c.case_no FROM cases c WHERE c.id = risks.case_id) FROM risks "
#define WL_RISK_FILTER " WHERE (? = '' OR level = ?) AND (? = '' OR status = ?)"

constexpr std::string_view kInsert =
    "INSERT INTO risks (risk_no, employer_name, employer_credit_code, project_name, general_contractor_name, "
    "general_contractor_credit_code, special_account, workers_affected, amount_fen, pay_due_dates, source, indicators, "
    "description, measures, owner_body, reported_by_body, reported_by, case_id, status, level, level_rank, score, "
    "assessment, assessed_at, next_review_at, wage_office_notified_at, leadership_notified_at, report, created_at, "
    "updated_at, project_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr std::string_view kFind = WL_RISK_COLUMNS "WHERE id = ?";
constexpr std::string_view kList =
    WL_RISK_COLUMNS WL_RISK_FILTER " ORDER BY status DESC, level_rank DESC, id DESC LIMIT ? OFFSET ?";
constexpr std::string_view kCount = "SELECT COUNT(*) FROM risks" WL_RISK_FILTER;
constexpr std::string_view kOpenFromRank =
    WL_RISK_COLUMNS "WHERE status = 'open' AND level_rank >= ? ORDER BY level_rank DESC, id";
constexpr std::string_view kReviewDue =
    WL_RISK_COLUMNS "WHERE status = 'open' AND review_notified_at IS NULL AND next_review_at <= ? "
                    "ORDER BY next_review_at, id LIMIT ?";
#undef WL_RISK_COLUMNS
#undef WL_RISK_FILTER

constexpr std::string_view kUpdate =
    "UPDATE risks SET workers_affected = ?, amount_fen = ?, indicators = ?, measures = ?, status = ?, level = ?, "
    "level_rank = ?, score = ?, assessment = ?, assessed_at = ?, next_review_at = ?, review_notified_at = ?, "
    "wage_office_notified_at = ?, leadership_notified_at = ?, report = ?, closed_at = ?, closed_by_body = ?, "
    "closing_evidence = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?";
constexpr std::string_view kMarkReviewNotified = "UPDATE risks SET review_notified_at = ? WHERE id = ?";

constexpr std::string_view kInsertFollowup =
    "INSERT INTO risk_followups (risk_id, at, user_id, username, body_code, note, level_after) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kListFollowups =
    "SELECT id, risk_id, at, user_id, username, body_code, note, level_after FROM risk_followups WHERE risk_id = ? "
    "ORDER BY id";
constexpr std::string_view kInsertHistory =
    "INSERT INTO risk_history (risk_id, at, action, actor_username, actor_body, from_status, to_status, from_level, "
    "to_level, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kListHistory =
    "SELECT id, risk_id, at, action, actor_username, actor_body, from_status, to_status, from_level, to_level, detail "
    "FROM risk_history WHERE risk_id = ? ORDER BY id";


RiskRow ToRisk(const Row& r) {
  RiskRow k;
  k.id = r.Int(0);
  k.risk_no = r.Text(1);
  k.employer_name = r.Text(2);
  k.employer_credit_code = r.Text(3);
  k.project_name = r.Text(4);
  k.general_contractor_name = r.Text(5);
  k.general_contractor_credit_code = r.OptText(6);
  k.special_account = r.Text(7);
  k.workers_affected = r.Int(8);
  k.amount_fen = r.Int(9);
  k.pay_due_dates = r.Text(10);
  k.source = r.Text(11);
  k.indicators = r.Text(12);
  k.description = r.Text(13);
  k.measures = r.Text(14);
  k.owner_body = r.Text(15);
  k.reported_by_body = r.Text(16);
  k.reported_by = r.OptInt(17);
  k.case_id = r.OptInt(18);
  k.status = r.Text(19);
  k.level = r.Text(20);
  k.level_rank = r.Int(21);
  k.score = r.Int(22);
  k.assessment = r.Text(23);
  k.assessed_at = r.Text(24);
  k.next_review_at = r.Text(25);
  k.review_notified_at = r.OptText(26);
  k.wage_office_notified_at = r.OptText(27);
  k.leadership_notified_at = r.OptText(28);
  k.report = r.OptText(29);
  k.closed_at = r.OptText(30);
  k.closed_by_body = r.OptText(31);
  k.closing_evidence = r.OptText(32);
  k.created_at = r.Text(33);
  k.updated_at = r.Text(34);
  k.version = r.Int(35);
  k.project_id = r.OptInt(36);
  k.case_no = r.OptText(37);
  return k;
}

Params FilterParams(const RiskFilter& f) { return {f.level, f.level, f.status, f.status}; }

std::vector<RiskRow> Rows(Connection& c, std::string_view sql, const Params& params) {
  std::vector<RiskRow> out;
  c.Stream(sql, params, [&](const Row& r) { out.push_back(ToRisk(r)); });
  return out;
}

}  // namespace

std::int64_t RiskRepository::Insert(const RiskRow& k) {
  return c_.InsertReturningId(
      kInsert, {k.risk_no, k.employer_name, k.employer_credit_code, k.project_name, k.general_contractor_name,
                NullableValue(k.general_contractor_credit_code), k.special_account, k.workers_affected, k.amount_fen,
                k.pay_due_dates, k.source, k.indicators, k.description, k.measures, k.owner_body, k.reported_by_body,
                NullableValue(k.reported_by), NullableValue(k.case_id), k.status, k.level, k.level_rank, k.score, k.assessment,
                k.assessed_at, k.next_review_at, NullableValue(k.wage_office_notified_at), NullableValue(k.leadership_notified_at),
                NullableValue(k.report), k.created_at, k.updated_at, NullableValue(k.project_id)});
}

std::optional<RiskRow> RiskRepository::Find(std::int64_t id) {
  auto row = c_.QueryOne(kFind, {id});
  if (!row) return std::nullopt;
  return ToRisk(*row);
}

std::vector<RiskRow> RiskRepository::List(const RiskFilter& filter, std::int64_t limit, std::int64_t offset) {
  Params params = FilterParams(filter);
  params.emplace_back(limit);
  params.emplace_back(offset);
  return Rows(c_, kList, params);
}

std::int64_t RiskRepository::Count(const RiskFilter& filter) {
  return c_.QueryOne(kCount, FilterParams(filter))->Int(0);
}

std::vector<RiskRow> RiskRepository::ListOpenFromRank(std::int64_t min_rank) {
  return Rows(c_, kOpenFromRank, {min_rank});
}

bool RiskRepository::Update(const RiskRow& k, std::int64_t expected_version) {
  return c_.Execute(kUpdate, {k.workers_affected, k.amount_fen, k.indicators, k.measures, k.status, k.level,
                              k.level_rank, k.score, k.assessment, k.assessed_at, k.next_review_at,
                              NullableValue(k.review_notified_at), NullableValue(k.wage_office_notified_at),
                              NullableValue(k.leadership_notified_at), NullableValue(k.report), NullableValue(k.closed_at), NullableValue(k.closed_by_body),
                              NullableValue(k.closing_evidence), k.updated_at, k.id, expected_version}) == 1;
}

void RiskRepository::InsertFollowup(const RiskFollowupRow& f) {
  c_.InsertReturningId(kInsertFollowup, {f.risk_id, f.at, NullableValue(f.user_id), f.username, f.body_code, f.note, f.level_after});
}

std::vector<RiskFollowupRow> RiskRepository::ListFollowups(std::int64_t risk_id) {
  std::vector<RiskFollowupRow> out;
  c_.Stream(kListFollowups, {risk_id}, [&](const Row& r) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.OptInt(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7)});
  });
  return out;
}

void RiskRepository::InsertHistory(const RiskHistoryRow& h) {
  c_.InsertReturningId(kInsertHistory, {h.risk_id, h.at, h.action, h.actor_username, h.actor_body, h.from_status,
                                        h.to_status, h.from_level, h.to_level, h.detail});
}

std::vector<RiskHistoryRow> RiskRepository::ListHistory(std::int64_t risk_id) {
  std::vector<RiskHistoryRow> out;
  c_.Stream(kListHistory, {risk_id}, [&](const Row& r) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7), r.Text(8),
                   r.Text(9), r.Text(10)});
  });
  return out;
}

std::vector<RiskRow> RiskRepository::ReviewDue(const std::string& now, std::int64_t limit) {
  return Rows(c_, kReviewDue, {now, limit});
}

void RiskRepository::MarkReviewNotified(std::int64_t id, const std::string& at) {
  c_.Execute(kMarkReviewNotified, {at, id});
}

}  // namespace wagelink::store
