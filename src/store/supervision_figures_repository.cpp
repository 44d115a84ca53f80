#include "store/supervision_figures_repository.h"

#include <map>

namespace wagelink::store {
namespace {

constexpr std::string_view kCoverage =
    "SELECT COUNT(*), "
    "COALESCE(SUM(CASE WHEN p.special_account_opened_on IS NOT NULL THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN p.wage_deposit <> 'none' THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM project_feed_batches b WHERE b.project_id = p.id "
    "AND b.kind = 'attendance' AND b.superseded_at IS NULL) THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM project_feed_batches b JOIN project_feed_rows r ON r.batch_id = b.id "
    "WHERE b.project_id = p.id AND b.kind = 'payroll' AND b.superseded_at IS NULL AND r.through_special_account = 1) "
    "THEN 1 ELSE 0 END), 0) FROM projects p";
constexpr std::string_view kOpenWarnings =
    "SELECT p.owner_body, w.level, COUNT(*) FROM project_warnings w JOIN projects p ON p.id = w.project_id "
    "WHERE w.status = 'open' GROUP BY p.owner_body, w.level ORDER BY p.owner_body, w.level";
constexpr std::string_view kOpenedByMonth =
    "SELECT substr(raised_at, 1, 7) AS m, COUNT(*) FROM project_warnings WHERE substr(raised_at, 1, 7) >= ? "
    "GROUP BY substr(raised_at, 1, 7)";
constexpr std::string_view kClearedByMonth =
    "SELECT substr(cleared_at, 1, 7) AS m, COUNT(*) FROM project_warnings WHERE cleared_at IS NOT NULL "
    "AND substr(cleared_at, 1, 7) >= ? GROUP BY substr(cleared_at, 1, 7)";
constexpr std::string_view kRecommendations =
    "SELECT COUNT(*), COALESCE(SUM(CASE WHEN reply_kind IS NOT NULL THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN outcome = 'rectified' THEN 1 ELSE 0 END), 0), "
    "COALESCE(SUM(CASE WHEN status = 'awaiting_reply' AND reply_due_on < ? THEN 1 ELSE 0 END), 0) FROM recommendations";

}  // namespace

ProjectCoverage SupervisionFiguresRepository::Coverage() {
  const auto r = c_.QueryOne(kCoverage);
  return {r->Int(0), r->Int(1), r->Int(2), r->Int(3), r->Int(4)};
}

std::vector<OpenWarningCount> SupervisionFiguresRepository::OpenWarnings() {
  std::vector<OpenWarningCount> out;
  c_.Stream(kOpenWarnings, {}, [&](const Row& r) { out.push_back({r.Text(0), r.Text(1), r.Int(2)}); });
  return out;
}

std::vector<WarningMonth> SupervisionFiguresRepository::WarningsByMonth(const std::string& first_month) {
  std::map<std::string, WarningMonth> months;
  c_.Stream(kOpenedByMonth, {first_month}, [&](const Row& r) {
    auto& m = months[r.Text(0)];
    m.month = r.Text(0);
    m.opened = r.Int(1);
  });
  c_.Stream(kClearedByMonth, {first_month}, [&](const Row& r) {
    auto& m = months[r.Text(0)];
    m.month = r.Text(0);
    m.cleared = r.Int(1);
  });
  std::vector<WarningMonth> out;
  for (auto& [month, figures] : months) out.push_back(figures);
  return out;
}

RecommendationTotals SupervisionFiguresRepository::Recommendations(const std::string& today) {
  const auto r = c_.QueryOne(kRecommendations, {today});
  return {r->Int(0), r->Int(1), r->Int(2), r->Int(3)};
}

}  // namespace wagelink::store
