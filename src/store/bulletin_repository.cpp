#include "store/bulletin_repository.h"

namespace wagelink::store {
namespace {
constexpr std::string_view kEvents = "SELECT event, payload FROM case_events WHERE at >= ? AND at < ?";
constexpr std::string_view kNewComplaints =
    "SELECT COUNT(*), COALESCE(SUM(workers_count), 0), COALESCE(SUM(owed_fen), 0) FROM cases WHERE id IN "
    "(SELECT case_id FROM case_events WHERE event = 'register_complaint' AND at >= ? AND at < ?)";
constexpr std::string_view kOverdueByBody =
    "SELECT responsible_body, COUNT(*) FROM case_clocks WHERE stopped_at IS NULL AND overdue_notified_at IS NOT NULL "
    "GROUP BY responsible_body ORDER BY responsible_body";
constexpr std::string_view kMajorRisks =
    "SELECT COALESCE(SUM(CASE WHEN wage_office_notified_at >= ? AND wage_office_notified_at < ? THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN status = 'open' THEN 1 ELSE 0 END), 0) FROM risks WHERE wage_office_notified_at IS NOT NULL";
constexpr std::string_view kExposure =
    "SELECT (SELECT COUNT(*) FROM blacklist_listings WHERE listed_on >= ? AND listed_on <= ?), "
    "(SELECT COUNT(*) FROM publications WHERE published_on >= ? AND published_on <= ?)";
constexpr std::string_view kRecommendations =
    "SELECT (SELECT COUNT(*) FROM recommendations WHERE issued_on >= ? AND issued_on <= ?), "
    "(SELECT COUNT(*) FROM recommendations WHERE replied_on >= ? AND replied_on <= ?), "
    "(SELECT COUNT(*) FROM recommendations WHERE evaluated_on >= ? AND evaluated_on <= ?)";
constexpr std::string_view kOverdueRecommendations =
    "SELECT addressee_body, COUNT(*) FROM recommendations WHERE issued_on <= ? AND reply_due_on < ? "
    "AND (replied_on IS NULL OR replied_on > ?) GROUP BY addressee_body ORDER BY addressee_body";
constexpr std::string_view kBodyCodes = "SELECT code FROM bodies WHERE kind = 'body' ORDER BY code";
constexpr std::string_view kInsert =
    "INSERT INTO bulletins (bulletin_no, period, period_start, period_end, generated_at, generated_by, figures, sha256, "
    "issue_year, issue_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
// The issuer's name as people know it (display name; "" when the system issued it on schedule).
#define BULLETIN_ISSUER "COALESCE((SELECT u.display_name FROM users u WHERE u.username = bulletins.generated_by), '') "
#define BULLETIN_COLUMNS \
  "SELECT id, bulletin_no, period, period_start, period_end, generated_at, generated_by, figures, sha256, issue_year, issue_seq, " \
  BULLETIN_ISSUER
constexpr std::string_view kGet = BULLETIN_COLUMNS "FROM bulletins WHERE id = ?";
// The list leaves the figures out (empty) so a long history stays small.
constexpr std::string_view kList =
    "SELECT id, bulletin_no, period, period_start, period_end, generated_at, generated_by, '', sha256, issue_year, issue_seq, "
    BULLETIN_ISSUER "FROM bulletins ORDER BY id DESC LIMIT ? OFFSET ?";
#undef BULLETIN_COLUMNS
#undef BULLETIN_ISSUER
constexpr std::string_view kExists = "SELECT 1 FROM bulletins WHERE bulletin_no = ?";

BulletinRow ToBulletin(const Row& r) {
  return {r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7), r.Text(8), r.Int(9), r.Int(10),
          r.Text(11)};
}
}  // namespace

void BulletinRepository::StreamEvents(const std::string& from, const std::string& to,
                                      const std::function<void(const std::string&, const std::string&)>& on_event) {
  c_.Stream(kEvents, {from, to}, [&](const Row& r) { on_event(r.Text(0), r.OptText(1).value_or("")); });
}

ComplaintTotals BulletinRepository::NewComplaints(const std::string& from, const std::string& to) {
  auto r = c_.QueryOne(kNewComplaints, {from, to});
  return {r->Int(0), r->Int(1), r->Int(2)};
}

std::map<std::string, std::int64_t> BulletinRepository::OverdueByBody() {
  std::map<std::string, std::int64_t> out;
  c_.Stream(kOverdueByBody, {}, [&](const Row& r) { out[r.Text(0)] = r.Int(1); });
  return out;
}

std::pair<std::int64_t, std::int64_t> BulletinRepository::MajorRisks(const std::string& from, const std::string& to) {
  auto r = c_.QueryOne(kMajorRisks, {from, to});
  return {r->Int(0), r->Int(1)};
}

BulletinRepository::RecommendationTotals BulletinRepository::Recommendations(const std::string& first_day,
                                                                         const std::string& last_day) {
  RecommendationTotals out;
  auto r = c_.QueryOne(kRecommendations, {first_day, last_day, first_day, last_day, first_day, last_day});
  out.issued = r->Int(0);
  out.answered = r->Int(1);
  out.evaluated = r->Int(2);
  c_.Stream(kOverdueRecommendations, {last_day, last_day, last_day},
            [&](const Row& row) { out.overdue_by_body[row.Text(0)] = row.Int(1); });
  return out;
}

BulletinRepository::ExposureTotals BulletinRepository::Exposure(const std::string& first_day, const std::string& last_day) {
  auto r = c_.QueryOne(kExposure, {first_day, last_day, first_day, last_day});
  return {r->Int(0), r->Int(1)};
}

std::vector<std::string> BulletinRepository::BodyCodes() {
  std::vector<std::string> out;
  c_.Stream(kBodyCodes, {}, [&](const Row& r) { out.push_back(r.Text(0)); });
  return out;
}

std::int64_t BulletinRepository::Insert(const BulletinRow& b) {
  return c_.InsertReturningId(kInsert, {b.bulletin_no, b.period, b.period_start, b.period_end, b.generated_at,
                                        b.generated_by, b.figures, b.sha256, b.issue_year, b.issue_seq});
}

std::optional<BulletinRow> BulletinRepository::Get(std::int64_t id) {
  auto r = c_.QueryOne(kGet, {id});
  if (!r) return std::nullopt;
  return ToBulletin(*r);
}

bool BulletinRepository::Exists(const std::string& bulletin_no) { return c_.QueryOne(kExists, {bulletin_no}).has_value(); }

std::vector<BulletinRow> BulletinRepository::List(std::int64_t limit, std::int64_t offset) {
  std::vector<BulletinRow> out;
  c_.Stream(kList, {limit, offset},
            [&](const Row& r) { out.push_back(ToBulletin(r)); });
  return out;
}

}  // namespace wagelink::store
