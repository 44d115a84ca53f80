#pragma once
// Reminders before statutory clocks fall due: the open duty clocks due soon, and the once-only
// record of each reminder sent (clock_reminders).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct UpcomingClock {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string case_no;
  std::string rule_id;
  std::string due_at;
  std::string due_date;
  std::string responsible_body;
};

class ClockReminderRepository {
 public:
  explicit ClockReminderRepository(Connection& connection) : c_(connection) {}
  // Open duty clocks not yet due at `now` whose last day is on or before `last_due_date`
  // (served by the case_clocks_due partial index).
  std::vector<UpcomingClock> DueBy(const std::string& now, const std::string& last_due_date, std::int64_t limit);
  // Records the reminder; false when this stage was already sent for the clock.
  bool MarkSent(std::int64_t clock_id, std::string_view stage, const std::string& at);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
