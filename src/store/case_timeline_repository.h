#pragma once
// The append-only case timeline, statutory clocks, PII access receipts and the body inboxes.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/case_repository.h"
#include "store/database.h"

namespace wagelink::store {

struct CaseEventRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string event;
  std::string at;
  std::optional<std::int64_t> actor_user_id;
  std::string actor_username;
  std::string actor_body;
  std::string from_state;
  std::string to_state;
  std::string payload = "{}";
  std::string reason;
  std::string explanation_zh;
  std::string explanation_en;
  std::string request_id;
  std::string actor_name;  // read only: the actor's display name ("" for the system)
};

struct ClockRow {
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::string rule_id;
  std::string started_at;
  std::string due_at;
  std::string due_date;
  bool uncertain = false;
  std::string responsible_body;
  std::string supervisor_body;
  std::string kind = "duty";
  std::int64_t extensions_applied = 0;
  std::optional<std::string> supplied_due_date;
  std::string explanation_zh;
  std::string explanation_en;
  std::optional<std::string> stopped_at;
  std::optional<std::string> outcome;
  std::optional<std::string> overdue_notified_at;
  // The roll-over's status when the due date rolled over (e.g. "UNCONFIRMED": an interpretation).
  std::optional<std::string> due_interpretation;
  // Joined by DueClocks for notifications.
  std::string case_no;
};

struct PiiAccessRow {
  std::int64_t id = 0;
  std::string at;
  std::string username;
  std::string body_code;
  std::int64_t case_id = 0;
  std::int64_t worker_id = 0;
  std::string field;
  std::string purpose;
  std::string case_no;       // read only
  std::string display_name;  // read only: the viewer's name
  std::string worker_name;   // read only: whose data was seen
};

struct NotificationRow {
  std::int64_t id = 0;
  std::string body_code;
  std::optional<std::int64_t> user_id;
  std::string kind;
  std::string title_zh;
  std::string title_en;
  std::optional<std::int64_t> case_id;
  std::string created_at;
  std::optional<std::string> read_at;
};

class CaseTimelineRepository {
 public:
  explicit CaseTimelineRepository(Connection& connection) : c_(connection) {}

  std::int64_t InsertEvent(const CaseEventRow& event);
  // InsertEvent for a caller that needs no id: deferred (store/deferred_write.h).
  void AddEvent(const CaseEventRow& event);
  std::vector<CaseEventRow> ListEvents(std::int64_t case_id);

  // Deferred (store/deferred_write.h): nobody needs the new clock's id at once.
  void InsertClock(const ClockRow& clock);
  // Stops the open clocks of `rule_id` on the case; returns how many were stopped.
  std::int64_t StopClock(std::int64_t case_id, std::string_view rule_id, const std::string& at, std::string_view outcome);
  // Replaces the due time of an open clock after an extension.
  void ExtendClock(std::int64_t clock_id, const ClockRow& extended);
  std::vector<ClockRow> ListClocks(std::int64_t case_id);
  // Open clocks already due and not yet reported, earliest first (served by a partial index).
  std::vector<ClockRow> DueClocks(const std::string& now, std::int64_t limit);
  void MarkOverdueNotified(std::int64_t clock_id, const std::string& at);
  // Open clocks (any kind) whose due date is on or after `from` (ISO date), by id, at most `limit`
  // after `after_id`: the clocks whose period may reach a year a new holiday notice changes.
  std::vector<ClockRow> OpenClocksDueFrom(const std::string& from, std::int64_t after_id, std::int64_t limit);
  // A due time recomputed on a new calendar; clears the overdue mark when no longer overdue.
  void MoveDue(const ClockRow& recomputed, bool clear_overdue_mark);

  void InsertPiiAccess(const PiiAccessRow& row, std::int64_t user_id, const std::string& request_id);
  // Reveals of personal data in the cases `scope` sees (those to which its body is a party, or every
  // case of the region), newest first.
  std::vector<PiiAccessRow> ListPiiAccess(const CaseScope& scope, std::int64_t limit, std::int64_t offset);
  // Counted up to kCaseCountCap, like a case search.
  CaseCount CountPiiAccess(const CaseScope& scope);

  std::int64_t InsertNotification(const NotificationRow& row);
  std::vector<NotificationRow> ListNotifications(std::string_view body_code, std::int64_t user_id, std::int64_t limit,
                                                 std::int64_t offset);
  std::int64_t CountUnread(std::string_view body_code, std::int64_t user_id);
  bool MarkRead(std::int64_t id, std::string_view body_code, const std::string& at);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
