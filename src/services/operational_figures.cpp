#include "services/operational_figures.h"

#include "store/dashboard_repository.h"
#include "store/notification_outbox_repository.h"

namespace wagelink::services {

OperationalFigures OperationalFigureReader::Read() const {
  OperationalFigures figures;
  try {
    auto connection = db_.Acquire();
    figures.outbox_pending = store::NotificationOutboxRepository(*connection).CountPending();
    for (const auto& tally : store::DashboardRepository(*connection)
                                 .Cases({.all_in_region = true}, FormatUtc(clock_.Now()))
                                 .timeliness) {
      figures.clocks.push_back({tally.body_code, tally.running, tally.overdue});
    }
    figures.database_reachable = true;
  } catch (const store::DatabaseError&) {
    // Reported as database_reachable = false; the pool figures below still tell why (all busy?).
  }
  figures.pool = db_.Stats();
  if (db_.has_standby()) figures.reads_routed = db_.ReadsRouted();
  return figures;
}

}  // namespace wagelink::services
