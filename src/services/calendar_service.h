#pragma once
// The working-day calendar in force and the holiday notices the system administrator enters.
//
// For each year the calendar takes, in order: a notice entered here (table holiday_notices), a notice
// shipped in data/calendar/cn-YYYY.json, the statutory fallback (the law's 13 holidays, make-up days
// unknown: due dates through such a year are uncertain). Entering or replacing a year's notice
// (settings.manage, held by the system administrator) is one transaction that stores it, appends the
// audit entry, recomputes every open statutory clock whose due date or certainty it changes (same
// rule, same trigger), records the old and new due dates on the case timeline and tells the clock's
// responsible body in its inbox (and so the notification outbox). Other instances pick the new
// calendar up within the case rules' refresh interval.
#include <boost/json/object.hpp>
#include <memory>

#include "core/error.h"
#include "services/audit_trail.h"
#include "services/case_rules_service.h"
#include "services/principal.h"
#include "services/reference_data.h"
#include "store/database.h"

namespace wagelink::services {

// The calendar in force on `connection`'s database (used by CaseRulesService::Load). A stored notice
// that no longer composes with data/ (a data release changed a neighbouring year) is left out and
// logged rather than stopping every case read.
std::shared_ptr<const domain::WorkCalendar> LoadCalendarInForce(store::Connection& connection,
                                                                const ReferenceData& reference);

class CalendarService {
 public:
  CalendarService(store::Database& db, const Clock& clock, const AuditTrail& audit,
                  std::shared_ptr<const ReferenceData> reference, CaseRulesService& rules)
      : db_(db), clock_(clock), audit_(audit), reference_(std::move(reference)), rules_(rules) {}

  // Every year the calendar knows, with its source (notice / file / statutory), status and days.
  // Any signed-in user may read it: due dates are explained with it.
  Result<boost::json::object> List(const Principal& who);
  // Enters or replaces the notice of `input.year` (settings.manage). Returns the year as List shows
  // it plus "recomputed": the clocks whose due date changed.
  Result<boost::json::object> EnterNotice(const Principal& who, const boost::json::object& input);

 private:
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const ReferenceData> reference_;
  CaseRulesService& rules_;
};

}  // namespace wagelink::services
