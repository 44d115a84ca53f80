#include "store/clock_reminder_repository.h"

namespace wagelink::store {
namespace {
constexpr std::string_view kDueBy =
    "SELECT k.id, k.case_id, c.case_no, k.rule_id, k.due_at, k.due_date, k.responsible_body "
    "FROM case_clocks k JOIN cases c ON c.id = k.case_id "
    "WHERE k.stopped_at IS NULL AND k.overdue_notified_at IS NULL AND k.kind = 'duty' AND k.due_at >= ? "
    "AND k.due_date <= ? ORDER BY k.due_at, k.id LIMIT ?";
constexpr std::string_view kMarkSent =
    "INSERT INTO clock_reminders (clock_id, stage, sent_at) VALUES (?, ?, ?) ON CONFLICT (clock_id, stage) DO NOTHING";
}  // namespace

std::vector<UpcomingClock> ClockReminderRepository::DueBy(const std::string& now, const std::string& last_due_date,
                                                          std::int64_t limit) {
  std::vector<UpcomingClock> out;
  c_.Stream(kDueBy, {now, last_due_date, limit}, [&](const Row& r) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6)});
  });
  return out;
}

bool ClockReminderRepository::MarkSent(std::int64_t clock_id, std::string_view stage, const std::string& at) {
  return c_.Execute(kMarkSent, {clock_id, std::string(stage), at}) == 1;
}

}  // namespace wagelink::store
