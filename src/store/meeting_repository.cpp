#include "store/meeting_repository.h"

namespace wagelink::store {
namespace {

#define WL_MEETING_COLUMNS                                                                                  \
  "SELECT id, meeting_no, kind, title, scheduled_at, location, status, minutes, convened_by, convener_body, " \
  "created_at, updated_at FROM meetings "
constexpr std::string_view kInsert =
    "INSERT INTO meetings (meeting_no, kind, title, scheduled_at, location, status, minutes, convened_by, "
    "convener_body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kFind = WL_MEETING_COLUMNS "WHERE id = ?";
constexpr std::string_view kCountRegularBetween =
    "SELECT COUNT(*) FROM meetings WHERE kind = 'regular' AND scheduled_at >= ? AND scheduled_at < ?";
constexpr std::string_view kList = WL_MEETING_COLUMNS "ORDER BY scheduled_at DESC, id DESC LIMIT ? OFFSET ?";
#undef WL_MEETING_COLUMNS
constexpr std::string_view kCount = "SELECT COUNT(*) FROM meetings";
constexpr std::string_view kRecordMinutes =
    "UPDATE meetings SET minutes = ?, status = 'held', updated_at = ? WHERE id = ?";

constexpr std::string_view kInsertAgenda =
    "INSERT INTO meeting_agenda_items (meeting_id, position, source, ref_type, ref_id, title, detail, removed, "
    "added_by) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?) RETURNING id";
constexpr std::string_view kListAgenda =
    "SELECT id, meeting_id, position, source, ref_type, ref_id, title, detail, removed, added_by "
    "FROM meeting_agenda_items WHERE meeting_id = ? ORDER BY position, id";
constexpr std::string_view kNextPosition =
    "SELECT COALESCE(MAX(position), 0) + 1 FROM meeting_agenda_items WHERE meeting_id = ?";
constexpr std::string_view kRemoveAgenda =
    "UPDATE meeting_agenda_items SET removed = 1 WHERE meeting_id = ? AND id = ? AND removed = 0";

constexpr std::string_view kDeleteAttendance = "DELETE FROM meeting_attendance WHERE meeting_id = ?";
constexpr std::string_view kInsertAttendance =
    "INSERT INTO meeting_attendance (meeting_id, body_code, attendee_name, present) VALUES (?, ?, ?, ?) RETURNING id";
constexpr std::string_view kListAttendance =
    "SELECT id, meeting_id, body_code, attendee_name, present FROM meeting_attendance WHERE meeting_id = ? ORDER BY id";

#define WL_ACTION_COLUMNS                                                                                     \
  "SELECT id, meeting_id, decision, owner_body, due_date, status, evidence, completed_at, completed_by_body, " \
  "overdue_notified_at, risk_id, case_id, created_at, "                                                      \
  "COALESCE((SELECT r.risk_no FROM risks r WHERE r.id = action_items.risk_id), '') FROM action_items "
constexpr std::string_view kInsertAction =
    "INSERT INTO action_items (meeting_id, decision, owner_body, due_date, status, risk_id, case_id, created_at) "
    "VALUES (?, ?, ?, ?, 'open', ?, ?, ?) RETURNING id";
constexpr std::string_view kFindAction = WL_ACTION_COLUMNS "WHERE id = ?";
constexpr std::string_view kListActionsOfMeeting = WL_ACTION_COLUMNS "WHERE meeting_id = ? ORDER BY id";
constexpr std::string_view kListActions =
    WL_ACTION_COLUMNS "WHERE (? = '' OR status = ?) AND (? = '' OR owner_body = ?) ORDER BY due_date, id LIMIT ? OFFSET ?";
constexpr std::string_view kOverdueActions =
    WL_ACTION_COLUMNS "WHERE status = 'open' AND due_date < ? AND (? = 0 OR overdue_notified_at IS NULL) "
                      "ORDER BY due_date, id LIMIT ?";
#undef WL_ACTION_COLUMNS
constexpr std::string_view kCompleteAction =
    "UPDATE action_items SET status = 'done', evidence = ?, completed_by_body = ?, completed_at = ? WHERE id = ?";
constexpr std::string_view kMarkActionNotified = "UPDATE action_items SET overdue_notified_at = ? WHERE id = ?";

constexpr std::string_view kOverdueClocks =
    "SELECT k.id, k.case_id, c.case_no, c.title, c.state, k.rule_id, k.due_at, k.responsible_body "
    "FROM case_clocks k JOIN cases c ON c.id = k.case_id "
    "WHERE k.stopped_at IS NULL AND k.kind = 'duty' AND k.due_at < ? ORDER BY k.due_at, k.id LIMIT ?";
constexpr std::string_view kCasesInStates =
    "SELECT id, id, case_no, title, state FROM cases WHERE state IN (?, ?, ?) ORDER BY received_at, id LIMIT ?";
// The case machine's progress record is JSON; the flag is matched as bound text.
constexpr std::string_view kReverseLinkage =
    "SELECT id, id, case_no, title, state FROM cases WHERE progress LIKE ? ORDER BY received_at, id LIMIT ?";


MeetingRow ToMeeting(const Row& r) {
  return {r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4),  r.Text(5),
          r.Text(6), r.Text(7), r.OptInt(8), r.Text(9), r.Text(10), r.Text(11)};
}

ActionItemRow ToAction(const Row& r) {
  return {r.Int(0),     r.Int(1),     r.Text(2),    r.Text(3),    r.Text(4),    r.Text(5),   r.OptText(6),
          r.OptText(7), r.OptText(8), r.OptText(9), r.OptInt(10), r.OptInt(11), r.Text(12), r.Text(13)};
}

AgendaCaseRow ToCase(const Row& r) {
  AgendaCaseRow a;
  a.id = r.Int(0);
  a.case_id = r.Int(1);
  a.case_no = r.Text(2);
  a.title = r.Text(3);
  a.state = r.Text(4);
  if (r.size() > 5) {
    a.rule_id = r.Text(5);
    a.due_at = r.Text(6);
    a.responsible_body = r.Text(7);
  }
  return a;
}

}  // namespace

std::int64_t MeetingRepository::Insert(const MeetingRow& m) {
  return c_.InsertReturningId(kInsert, {m.meeting_no, m.kind, m.title, m.scheduled_at, m.location, m.status, m.minutes,
                                        NullableValue(m.convened_by), m.convener_body, m.created_at, m.updated_at});
}

std::optional<MeetingRow> MeetingRepository::Find(std::int64_t id) {
  auto row = c_.QueryOne(kFind, {id});
  if (!row) return std::nullopt;
  return ToMeeting(*row);
}

std::vector<MeetingRow> MeetingRepository::List(std::int64_t limit, std::int64_t offset) {
  std::vector<MeetingRow> out;
  c_.Stream(kList, {limit, offset}, [&](const Row& r) { out.push_back(ToMeeting(r)); });
  return out;
}

std::int64_t MeetingRepository::Count() { return c_.QueryOne(kCount)->Int(0); }

void MeetingRepository::RecordMinutes(std::int64_t id, const std::string& minutes, const std::string& now) {
  c_.Execute(kRecordMinutes, {minutes, now, id});
}

std::int64_t MeetingRepository::InsertAgendaItem(const AgendaItemRow& a) {
  return c_.InsertReturningId(kInsertAgenda,
                              {a.meeting_id, a.position, a.source, a.ref_type, NullableValue(a.ref_id), a.title, a.detail, a.added_by});
}

std::vector<AgendaItemRow> MeetingRepository::ListAgenda(std::int64_t meeting_id) {
  std::vector<AgendaItemRow> out;
  c_.Stream(kListAgenda, {meeting_id}, [&](const Row& r) {
    out.push_back({r.Int(0), r.Int(1), r.Int(2), r.Text(3), r.Text(4), r.OptInt(5), r.Text(6), r.Text(7), r.Bool(8),
                   r.Text(9)});
  });
  return out;
}

std::int64_t MeetingRepository::NextAgendaPosition(std::int64_t meeting_id) {
  return c_.QueryOne(kNextPosition, {meeting_id})->Int(0);
}

bool MeetingRepository::RemoveAgendaItem(std::int64_t meeting_id, std::int64_t item_id) {
  return c_.Execute(kRemoveAgenda, {meeting_id, item_id}) == 1;
}

void MeetingRepository::ReplaceAttendance(std::int64_t meeting_id, const std::vector<AttendanceRow>& rows) {
  c_.Execute(kDeleteAttendance, {meeting_id});
  for (const auto& a : rows) {
    c_.InsertReturningId(kInsertAttendance, {meeting_id, a.body_code, a.attendee_name, std::int64_t{a.present ? 1 : 0}});
  }
}

std::vector<AttendanceRow> MeetingRepository::ListAttendance(std::int64_t meeting_id) {
  std::vector<AttendanceRow> out;
  c_.Stream(kListAttendance, {meeting_id},
            [&](const Row& r) { out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Bool(4)}); });
  return out;
}

std::int64_t MeetingRepository::InsertActionItem(const ActionItemRow& a) {
  return c_.InsertReturningId(kInsertAction, {a.meeting_id, a.decision, a.owner_body, a.due_date, NullableValue(a.risk_id),
                                              NullableValue(a.case_id), a.created_at});
}

std::optional<ActionItemRow> MeetingRepository::FindActionItem(std::int64_t id) {
  auto row = c_.QueryOne(kFindAction, {id});
  if (!row) return std::nullopt;
  return ToAction(*row);
}

std::vector<ActionItemRow> MeetingRepository::ListActionItems(std::int64_t meeting_id) {
  std::vector<ActionItemRow> out;
  c_.Stream(kListActionsOfMeeting, {meeting_id}, [&](const Row& r) { out.push_back(ToAction(r)); });
  return out;
}

std::vector<ActionItemRow> MeetingRepository::ListActionItems(const std::string& status, const std::string& owner_body,
                                                              std::int64_t limit, std::int64_t offset) {
  std::vector<ActionItemRow> out;
  c_.Stream(kListActions, {status, status, owner_body, owner_body, limit, offset},
            [&](const Row& r) { out.push_back(ToAction(r)); });
  return out;
}

void MeetingRepository::CompleteActionItem(std::int64_t id, const std::string& evidence, const std::string& body,
                                           const std::string& now) {
  c_.Execute(kCompleteAction, {evidence, body, now, id});
}

std::vector<ActionItemRow> MeetingRepository::OverdueActionItems(const std::string& today, bool unnotified_only,
                                                                 std::int64_t limit) {
  std::vector<ActionItemRow> out;
  c_.Stream(kOverdueActions, {today, std::int64_t{unnotified_only ? 1 : 0}, limit},
            [&](const Row& r) { out.push_back(ToAction(r)); });
  return out;
}

void MeetingRepository::MarkActionItemNotified(std::int64_t id, const std::string& at) {
  c_.Execute(kMarkActionNotified, {at, id});
}

std::vector<AgendaCaseRow> MeetingRepository::OverdueClocks(const std::string& now, std::int64_t limit) {
  std::vector<AgendaCaseRow> out;
  c_.Stream(kOverdueClocks, {now, limit}, [&](const Row& r) { out.push_back(ToCase(r)); });
  return out;
}

std::vector<AgendaCaseRow> MeetingRepository::CasesInStates(const std::vector<std::string>& states, std::int64_t limit) {
  std::vector<AgendaCaseRow> out;
  if (states.empty() || states.size() > 3) return out;
  Params params;
  for (std::size_t i = 0; i < 3; ++i) params.emplace_back(states[i < states.size() ? i : 0]);
  params.emplace_back(limit);
  c_.Stream(kCasesInStates, params, [&](const Row& r) { out.push_back(ToCase(r)); });
  return out;
}

std::vector<AgendaCaseRow> MeetingRepository::CasesAwaitingReverseLinkageReply(std::int64_t limit) {
  std::vector<AgendaCaseRow> out;
  c_.Stream(kReverseLinkage, {std::string("%\"procuratorial_opinion_open\":true%"), limit},
            [&](const Row& r) { out.push_back(ToCase(r)); });
  return out;
}

std::int64_t MeetingRepository::CountRegularBetween(const std::string& from, const std::string& to) {
  return c_.QueryOne(kCountRegularBetween, {from, to})->Int(0);
}

}  // namespace wagelink::store
