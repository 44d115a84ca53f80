#pragma once
// Persistence of joint meetings (联席会议): meetings, agenda items, attendance and action items,
// plus the read-only queries that build an agenda from the case and risk data.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct MeetingRow {
  std::int64_t id = 0;
  std::string meeting_no;
  std::string kind;  // regular | ad_hoc
  std::string title;
  std::string scheduled_at;
  std::string location;
  std::string status = "planned";  // planned | held
  std::string minutes;
  std::optional<std::int64_t> convened_by;
  std::string convener_body;
  std::string created_at;
  std::string updated_at;
};

struct AgendaItemRow {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::int64_t position = 0;
  std::string source;
  std::string ref_type;
  std::optional<std::int64_t> ref_id;
  std::string title;
  std::string detail;
  bool removed = false;
  std::string added_by;
};

struct AttendanceRow {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::string body_code;
  std::string attendee_name;
  bool present = true;
};

struct ActionItemRow {
  std::int64_t id = 0;
  std::int64_t meeting_id = 0;
  std::string decision;
  std::string owner_body;
  std::string due_date;
  std::string status = "open";
  std::optional<std::string> evidence;
  std::optional<std::string> completed_at;
  std::optional<std::string> completed_by_body;
  std::optional<std::string> overdue_notified_at;
  std::optional<std::int64_t> risk_id;
  std::optional<std::int64_t> case_id;
  std::string created_at;
  std::string risk_no;  // read only: the linked risk's number ("" without one)
};

// A case or clock the agenda should discuss.
struct AgendaCaseRow {
  std::int64_t id = 0;  // case id, or clock id for overdue clocks
  std::int64_t case_id = 0;
  std::string case_no;
  std::string title;
  std::string state;
  std::string rule_id;           // overdue clocks only
  std::string due_at;            // overdue clocks only
  std::string responsible_body;  // overdue clocks only
};

class MeetingRepository {
 public:
  explicit MeetingRepository(Connection& connection) : c_(connection) {}

  std::int64_t Insert(const MeetingRow& row);
  std::optional<MeetingRow> Find(std::int64_t id);
  std::vector<MeetingRow> List(std::int64_t limit, std::int64_t offset);
  std::int64_t Count();
  // Regular meetings scheduled in [from, to) (instants), for the regular-meeting job.
  std::int64_t CountRegularBetween(const std::string& from, const std::string& to);
  void RecordMinutes(std::int64_t id, const std::string& minutes, const std::string& now);

  std::int64_t InsertAgendaItem(const AgendaItemRow& row);
  std::vector<AgendaItemRow> ListAgenda(std::int64_t meeting_id);
  std::int64_t NextAgendaPosition(std::int64_t meeting_id);
  bool RemoveAgendaItem(std::int64_t meeting_id, std::int64_t item_id);

  void ReplaceAttendance(std::int64_t meeting_id, const std::vector<AttendanceRow>& rows);
  std::vector<AttendanceRow> ListAttendance(std::int64_t meeting_id);

  std::int64_t InsertActionItem(const ActionItemRow& row);
  std::optional<ActionItemRow> FindActionItem(std::int64_t id);
  std::vector<ActionItemRow> ListActionItems(std::int64_t meeting_id);
  // status/owner_body empty = any.
  std::vector<ActionItemRow> ListActionItems(const std::string& status, const std::string& owner_body,
                                             std::int64_t limit, std::int64_t offset);
  void CompleteActionItem(std::int64_t id, const std::string& evidence, const std::string& body, const std::string& now);
  // Open items whose due date is before `today` (civil date); `unnotified_only` for the sweep.
  std::vector<ActionItemRow> OverdueActionItems(const std::string& today, bool unnotified_only, std::int64_t limit);
  void MarkActionItemNotified(std::int64_t id, const std::string& at);

  // Agenda sources over the case data (bounded; the agenda is for people to read).
  std::vector<AgendaCaseRow> OverdueClocks(const std::string& now, std::int64_t limit);
  std::vector<AgendaCaseRow> CasesInStates(const std::vector<std::string>& states, std::int64_t limit);
  std::vector<AgendaCaseRow> CasesAwaitingReverseLinkageReply(std::int64_t limit);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
