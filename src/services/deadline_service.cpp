#include "services/deadline_service.h"

#include "services/calendar_service.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "domain/body.h"
#include "domain/civil_date.h"
#include "store/case_timeline_repository.h"
#include "store/clock_reminder_repository.h"

namespace wagelink::services {

SweepReport DeadlineService::SweepOverdue(std::int64_t batch_size) {
  SweepReport report;
  const std::string now = FormatUtc(clock_.Now());
  for (;;) {
    auto connection = db_.Acquire();
    store::CaseTimelineRepository timeline(*connection);
    store::Transaction tx(*connection);
    auto due = timeline.DueClocks(now, batch_size);
    if (due.empty()) break;
    for (const auto& clock : due) {
      const auto* rule = reference_->time_limits.Find(clock.rule_id);
      std::string action_zh = rule ? rule->action_zh : clock.rule_id;
      std::string action_en = rule ? rule->action_en : clock.rule_id;
      std::string citation = rule ? rule->citation : "";
      auto responsible = domain::ParseBodyCode(clock.responsible_body);
      std::string who_zh = responsible ? std::string(domain::BodyNameZh(*responsible)) : clock.responsible_body;
      std::string title_zh = "逾期：" + clock.case_no + " " + who_zh + "「" + action_zh + "」已超过法定期限（" +
                             clock.due_date + "，" + citation + "）";
      std::string title_en = "Overdue: " + clock.case_no + " " + clock.responsible_body + " \"" + action_en +
                             "\" passed its statutory limit (" + clock.due_date + ", " + citation + ")";
      for (const auto& body : {clock.responsible_body, clock.supervisor_body}) {
        timeline.InsertNotification({0, body, std::nullopt, "clock_overdue", title_zh, title_en, clock.case_id, now,
                                     std::nullopt});
        ++report.notifications;
      }
      store::CaseEventRow event;
      event.case_id = clock.case_id;
      event.event = "clock_overdue";
      event.at = clock.due_at;
      event.actor_username = "system";
      event.actor_body = "";
      event.payload = boost::json::serialize(boost::json::object{{"rule_id", clock.rule_id}, {"due_at", clock.due_at}});
      event.explanation_zh = title_zh + "；已通知" + who_zh + "及监督机关。";
      event.explanation_en = title_en + "; the responsible body and its supervisor were notified.";
      timeline.InsertEvent(event);
      timeline.MarkOverdueNotified(clock.id, now);
      ++report.overdue_clocks;
    }
    audit_.Append(*connection, SystemActor("deadline-sweep"), "job.deadline_sweep", {"clocks", std::to_string(due.size())});
    tx.Commit();
    if (static_cast<std::int64_t>(due.size()) < batch_size) break;
  }
  return report;
}

std::int64_t DeadlineService::SendReminders(std::int64_t batch_size) {
  if (reminders_.working_days_before <= 0 && !reminders_.on_due_day) return 0;
  UnixSeconds now_seconds = clock_.Now();
  const std::string now = FormatUtc(now_seconds);
  auto today = domain::ShanghaiDate(domain::Instant::FromUnixSeconds(now_seconds));
  auto connection = db_.Acquire();
  // With the holiday notices entered in the database, as the clocks' due dates are.
  const auto calendar = rules_.Current(*connection)->calendar;
  auto horizon =
      reminders_.working_days_before > 0 ? calendar->AddWorkingDays(today, reminders_.working_days_before).date : today;
  store::ClockReminderRepository reminders(*connection);
  store::CaseTimelineRepository timeline(*connection);
  store::Transaction tx(*connection);
  std::int64_t sent = 0;
  for (const auto& clock : reminders.DueBy(now, horizon.ToIso(), batch_size)) {
    bool due_today = clock.due_date == today.ToIso();
    if (due_today ? !reminders_.on_due_day : reminders_.working_days_before <= 0) continue;
    if (!reminders.MarkSent(clock.id, due_today ? "due_day" : "before", now)) continue;
    const auto* rule = reference_->time_limits.Find(clock.rule_id);
    std::string action_zh = rule ? rule->action_zh : clock.rule_id;
    std::string action_en = rule ? rule->action_en : clock.rule_id;
    std::string when_zh = due_today ? "今日到期" : "将于 " + clock.due_date + " 到期";
    std::string when_en = due_today ? "is due today" : "is due on " + clock.due_date;
    timeline.InsertNotification({0, clock.responsible_body, std::nullopt, due_today ? "deadline_due_today" : "deadline_due_soon",
                                 "期限提醒：" + clock.case_no + "「" + action_zh + "」" + when_zh,
                                 "Reminder: " + clock.case_no + " \"" + action_en + "\" " + when_en, clock.case_id, now,
                                 std::nullopt});
    ++sent;
  }
  if (sent > 0) audit_.Append(*connection, SystemActor("deadline-reminders"), "job.deadline_reminders", {"clocks", std::to_string(sent)});
  tx.Commit();
  return sent;
}

}  // namespace wagelink::services
