#include "services/supervision_dashboard.h"

#include <cstdio>

#include "domain/civil_date.h"
#include "services/admin_service.h"
#include "store/identity_repository.h"

namespace wagelink::services {
namespace {

std::string MonthText(int year, unsigned month) {
  char text[8];
  std::snprintf(text, sizeof text, "%04d-%02u", year, month);
  return text;
}

}  // namespace

Result<SupervisionFigures> SupervisionDashboard::Figures(const Principal& who) {
  if (!who.Can(security::Permission::kDashboardRead)) return Forbidden(security::Permission::kDashboardRead);
  const auto today = domain::ShanghaiDate(domain::Instant::FromUnixSeconds(clock_.Now()));
  // The last 12 months, this one included.
  std::vector<std::string> months;
  for (int back = 11; back >= 0; --back) {
    const auto first = today.AddMonthsClamped(-back);
    months.push_back(MonthText(first.year(), first.month()));
  }
  auto connection = db_.AcquireForReading(who.read_after);
  store::SupervisionFiguresRepository figures(*connection);
  SupervisionFigures out;
  out.levels = rules_->levels();
  out.coverage = figures.Coverage();
  for (const auto& level : out.levels) out.warnings_by_level.push_back({level.code, level.zh, level.en, 0});
  const auto bodies = store::IdentityRepository(*connection).ListBodies();
  for (const auto& count : figures.OpenWarnings()) {
    const auto level = rules_->LevelIndex(count.level);
    if (!level) continue;  // a level a data release removed: not on the dashboard
    out.warnings_by_level[*level].count += count.open;
    if (out.warnings_by_body.empty() || out.warnings_by_body.back().body != count.owner_body) {
      BodyWarnings body{count.owner_body, count.owner_body, count.owner_body, std::vector<std::int64_t>(out.levels.size())};
      for (const auto& b : bodies) {
        if (b.code == count.owner_body) {
          body.name_zh = b.name_zh;
          body.name_en = b.name_en;
        }
      }
      out.warnings_by_body.push_back(std::move(body));
    }
    out.warnings_by_body.back().by_level[*level] += count.open;
  }
  const auto by_month = figures.WarningsByMonth(months.front());
  for (const auto& month : months) {
    store::WarningMonth m{month, 0, 0};
    for (const auto& found : by_month) {
      if (found.month == month) m = found;
    }
    out.warnings_by_month.push_back(m);
  }
  out.recommendations = figures.Recommendations(today.ToIso());
  return out;
}

}  // namespace wagelink::services
