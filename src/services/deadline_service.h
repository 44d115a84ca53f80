#pragma once
// The deadline sweep: finds statutory clocks that have newly passed their due time and tells the
// responsible body and its supervisor (the procuratorate for police and labour-inspection
// delays, the wage-arrears office for the rest — as set on each clock by the case machine).
// It reads only open, unreported, already-due clocks through a partial index: O(due items).
#include <cstdint>

#include "core/clock.h"
#include "services/audit_trail.h"
#include "services/case_rules_service.h"
#include "services/reference_data.h"
#include "store/database.h"

namespace wagelink::services {

// When reminders go out before a clock is due (configurable: [notifications] in the config file).
struct ReminderPolicy {
  int working_days_before = 1;  // 0 = no reminder before the due day
  bool on_due_day = true;
};

struct SweepReport {
  std::int64_t overdue_clocks = 0;
  std::int64_t notifications = 0;
};

class DeadlineService {
 public:
  DeadlineService(store::Database& db, const Clock& clock, const AuditTrail& audit,
                  std::shared_ptr<const ReferenceData> reference, CaseRulesService& rules)
      : db_(db), clock_(clock), audit_(audit), reference_(std::move(reference)), rules_(rules) {}

  SweepReport SweepOverdue(std::int64_t batch_size = 1000);
  // Reminds the responsible body of each open clock once when it is `working_days_before` working
  // days (or fewer) from its last day, and once on that day; returns the reminders sent.
  std::int64_t SendReminders(std::int64_t batch_size = 1000);
  void set_reminder_policy(ReminderPolicy policy) { reminders_ = policy; }

 private:
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const ReferenceData> reference_;
  CaseRulesService& rules_;  // for the calendar in force, cached
  ReminderPolicy reminders_;
};

}  // namespace wagelink::services
