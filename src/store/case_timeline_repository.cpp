#include "store/case_timeline_repository.h"
#include "store/case_detail_reads.h"
#include "store/deferred_write.h"

#include "store/notification_outbox_repository.h"

namespace wagelink::store {
namespace {

#define WL_INSERT_EVENT                                                                                      \
  "INSERT INTO case_events (case_id, event, at, actor_user_id, actor_username, actor_body, from_state, to_state, " \
  "payload, reason, explanation_zh, explanation_en, request_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
constexpr std::string_view kInsertEvent = WL_INSERT_EVENT " RETURNING id";
constexpr std::string_view kAddEvent = WL_INSERT_EVENT;
#undef WL_INSERT_EVENT
// The actor's name as people know them (the account's display name; empty for the system).
constexpr std::string_view kListEvents =
    "SELECT e.id, e.case_id, e.event, e.at, e.actor_user_id, e.actor_username, e.actor_body, e.from_state, e.to_state, "
    "e.payload, e.reason, e.explanation_zh, e.explanation_en, e.request_id, COALESCE(u.display_name, '') "
    "FROM case_events e LEFT JOIN users u ON u.id = e.actor_user_id WHERE e.case_id = ? ORDER BY e.id";

constexpr std::string_view kInsertClock =
    "INSERT INTO case_clocks (case_id, rule_id, started_at, due_at, due_date, uncertain, responsible_body, "
    "supervisor_body, kind, extensions_applied, supplied_due_date, explanation_zh, explanation_en, due_interpretation) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kStopClock =
    "UPDATE case_clocks SET stopped_at = ?, outcome = ? WHERE case_id = ? AND rule_id = ? AND stopped_at IS NULL";
constexpr std::string_view kExtendClock =
    "UPDATE case_clocks SET due_at = ?, due_date = ?, uncertain = ?, extensions_applied = ?, explanation_zh = ?, "
    "explanation_en = ?, due_interpretation = ? WHERE id = ? AND stopped_at IS NULL";
constexpr std::string_view kListClocks =
    "SELECT k.id, k.case_id, k.rule_id, k.started_at, k.due_at, k.due_date, k.uncertain, k.responsible_body, "
    "k.supervisor_body, k.explanation_zh, k.explanation_en, k.stopped_at, k.overdue_notified_at, c.case_no, k.kind, "
    "k.extensions_applied, k.supplied_due_date, k.outcome, k.due_interpretation "
    "FROM case_clocks k JOIN cases c ON c.id = k.case_id WHERE k.case_id = ? ORDER BY k.id";
constexpr std::string_view kDueClocks =
    "SELECT k.id, k.case_id, k.rule_id, k.started_at, k.due_at, k.due_date, k.uncertain, k.responsible_body, "
    "k.supervisor_body, k.explanation_zh, k.explanation_en, k.stopped_at, k.overdue_notified_at, c.case_no, k.kind, "
    "k.extensions_applied, k.supplied_due_date, k.outcome, k.due_interpretation "
    "FROM case_clocks k JOIN cases c ON c.id = k.case_id "
    "WHERE k.stopped_at IS NULL AND k.overdue_notified_at IS NULL AND k.kind = 'duty' AND k.due_at < ? "
    "ORDER BY k.due_at LIMIT ?";
constexpr std::string_view kMarkNotified = "UPDATE case_clocks SET overdue_notified_at = ? WHERE id = ?";
constexpr std::string_view kOpenClocksDueFrom =
    "SELECT k.id, k.case_id, k.rule_id, k.started_at, k.due_at, k.due_date, k.uncertain, k.responsible_body, "
    "k.supervisor_body, k.explanation_zh, k.explanation_en, k.stopped_at, k.overdue_notified_at, c.case_no, k.kind, "
    "k.extensions_applied, k.supplied_due_date, k.outcome, k.due_interpretation "
    "FROM case_clocks k JOIN cases c ON c.id = k.case_id "
    "WHERE k.stopped_at IS NULL AND k.due_date >= ? AND k.id > ? ORDER BY k.id LIMIT ?";
constexpr std::string_view kMoveDue =
    "UPDATE case_clocks SET due_at = ?, due_date = ?, uncertain = ?, explanation_zh = ?, explanation_en = ?, "
    "due_interpretation = ?, overdue_notified_at = CASE WHEN ? = 1 THEN NULL ELSE overdue_notified_at END "
    "WHERE id = ? AND stopped_at IS NULL";

constexpr std::string_view kInsertPii =
    "INSERT INTO pii_access_log (at, user_id, username, body_code, case_id, worker_id, field, purpose, request_id) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kListPiiForBody =
    "SELECT a.id, a.at, a.username, a.body_code, a.case_id, a.worker_id, a.field, a.purpose, c.case_no, "
    "COALESCE(u.display_name, ''), COALESCE(w.name, '') "
    "FROM pii_access_log a JOIN cases c ON c.id = a.case_id LEFT JOIN users u ON u.id = a.user_id "
    "LEFT JOIN workers w ON w.id = a.worker_id "
    "WHERE (? = 1 OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = a.case_id AND p.body_code = ?)) "
    "ORDER BY a.id DESC LIMIT ? OFFSET ?";
// Capped like a case search (LIMIT kCaseCountCap + 1): past 10,000 the pager reads "10,000+".
constexpr std::string_view kCountPiiForBody =
    "SELECT COUNT(*) FROM (SELECT 1 FROM pii_access_log a "
    "WHERE (? = 1 OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = a.case_id AND p.body_code = ?)) "
    "LIMIT 10001) counted";

constexpr std::string_view kInsertNotification =
    "INSERT INTO notifications (body_code, user_id, kind, title_zh, title_en, case_id, created_at, category) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
// The user has not switched the notice's category off for the inbox (the user id is bound twice).
#define INBOX_WANTED                                                                                   \
  "NOT EXISTS (SELECT 1 FROM notification_preferences p WHERE p.user_id = ? AND p.category = "         \
  "notifications.category AND p.inbox = 0)"
constexpr std::string_view kListNotifications =
    "SELECT id, body_code, user_id, kind, title_zh, title_en, case_id, created_at, read_at FROM notifications "
    "WHERE body_code = ? AND (user_id IS NULL OR user_id = ?) AND " INBOX_WANTED " ORDER BY id DESC LIMIT ? OFFSET ?";
constexpr std::string_view kCountUnread =
    "SELECT COUNT(*) FROM notifications WHERE body_code = ? AND (user_id IS NULL OR user_id = ?) AND read_at IS NULL "
    "AND " INBOX_WANTED;
#undef INBOX_WANTED
constexpr std::string_view kMarkRead =
    "UPDATE notifications SET read_at = ? WHERE id = ? AND body_code = ? AND read_at IS NULL";


ClockRow ToClock(const Row& r) {
  ClockRow k;
  k.id = r.Int(0);
  k.case_id = r.Int(1);
  k.rule_id = r.Text(2);
  k.started_at = r.Text(3);
  k.due_at = r.Text(4);
  k.due_date = r.Text(5);
  k.uncertain = r.Bool(6);
  k.responsible_body = r.Text(7);
  k.supervisor_body = r.Text(8);
  k.explanation_zh = r.Text(9);
  k.explanation_en = r.Text(10);
  k.stopped_at = r.OptText(11);
  k.overdue_notified_at = r.OptText(12);
  k.case_no = r.Text(13);
  k.kind = r.Text(14);
  k.extensions_applied = r.Int(15);
  k.supplied_due_date = r.OptText(16);
  k.outcome = r.OptText(17);
  k.due_interpretation = r.OptText(18);
  return k;
}

}  // namespace

namespace {
Params EventParams(const CaseEventRow& e) {
  return {e.case_id, e.event, e.at, NullableValue(e.actor_user_id), e.actor_username, e.actor_body, e.from_state,
          e.to_state, e.payload, e.reason, e.explanation_zh, e.explanation_en, e.request_id};
}
}  // namespace

std::int64_t CaseTimelineRepository::InsertEvent(const CaseEventRow& e) {
  return c_.InsertReturningId(kInsertEvent, EventParams(e));
}

void CaseTimelineRepository::AddEvent(const CaseEventRow& e) { ExecuteDeferred(c_, kAddEvent, EventParams(e)); }

PlannedRead EventsRead(std::int64_t case_id) { return {std::string(kListEvents), {case_id}}; }

std::vector<CaseEventRow> CaseTimelineRepository::ListEvents(std::int64_t case_id) {
  std::vector<CaseEventRow> out;
  const auto read = EventsRead(case_id);
  c_.Stream(read.sql, read.params, [&](const Row& r) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.OptInt(4), r.Text(5), r.Text(6), r.Text(7), r.Text(8),
                   r.Text(9), r.Text(10), r.Text(11), r.Text(12), r.Text(13), r.Text(14)});
  });
  return out;
}

void CaseTimelineRepository::InsertClock(const ClockRow& k) {
  Value supplied = k.supplied_due_date ? Value(*k.supplied_due_date) : Value(nullptr);
  ExecuteDeferred(c_, kInsertClock, {k.case_id, k.rule_id, k.started_at, k.due_at, k.due_date,
                                             std::int64_t{k.uncertain}, k.responsible_body, k.supervisor_body, k.kind,
                                             k.extensions_applied, supplied, k.explanation_zh, k.explanation_en,
                                             NullableValue(k.due_interpretation)});
}

std::int64_t CaseTimelineRepository::StopClock(std::int64_t case_id, std::string_view rule_id, const std::string& at,
                                               std::string_view outcome) {
  return c_.Execute(kStopClock, {at, std::string(outcome), case_id, std::string(rule_id)});
}

void CaseTimelineRepository::ExtendClock(std::int64_t clock_id, const ClockRow& k) {
  c_.Execute(kExtendClock, {k.due_at, k.due_date, std::int64_t{k.uncertain}, k.extensions_applied, k.explanation_zh,
                            k.explanation_en, NullableValue(k.due_interpretation), clock_id});
}

PlannedRead ClocksRead(std::int64_t case_id) { return {std::string(kListClocks), {case_id}}; }

std::vector<ClockRow> CaseTimelineRepository::ListClocks(std::int64_t case_id) {
  std::vector<ClockRow> out;
  const auto read = ClocksRead(case_id);
  c_.Stream(read.sql, read.params, [&](const Row& r) { out.push_back(ToClock(r)); });
  return out;
}

std::vector<ClockRow> CaseTimelineRepository::DueClocks(const std::string& now, std::int64_t limit) {
  std::vector<ClockRow> out;
  c_.Stream(kDueClocks, {now, limit}, [&](const Row& r) { out.push_back(ToClock(r)); });
  return out;
}

void CaseTimelineRepository::MarkOverdueNotified(std::int64_t clock_id, const std::string& at) {
  c_.Execute(kMarkNotified, {at, clock_id});
}

std::vector<ClockRow> CaseTimelineRepository::OpenClocksDueFrom(const std::string& from, std::int64_t after_id,
                                                                 std::int64_t limit) {
  std::vector<ClockRow> out;
  c_.Stream(kOpenClocksDueFrom, {from, after_id, limit}, [&](const Row& r) { out.push_back(ToClock(r)); });
  return out;
}

void CaseTimelineRepository::MoveDue(const ClockRow& k, bool clear_overdue_mark) {
  c_.Execute(kMoveDue, {k.due_at, k.due_date, std::int64_t{k.uncertain}, k.explanation_zh, k.explanation_en,
                        NullableValue(k.due_interpretation), std::int64_t{clear_overdue_mark ? 1 : 0}, k.id});
}

void CaseTimelineRepository::InsertPiiAccess(const PiiAccessRow& a, std::int64_t user_id, const std::string& request_id) {
  c_.Execute(kInsertPii, {a.at, user_id, a.username, a.body_code, a.case_id, a.worker_id, a.field, a.purpose, request_id});
}

std::vector<PiiAccessRow> CaseTimelineRepository::ListPiiAccess(const CaseScope& scope, std::int64_t limit,
                                                                       std::int64_t offset) {
  std::vector<PiiAccessRow> out;
  c_.Stream(kListPiiForBody, {std::int64_t{scope.all_in_region}, scope.body_code, limit, offset}, [&](const Row& r) {
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4), r.Int(5), r.Text(6), r.Text(7), r.Text(8),
                   r.Text(9), r.Text(10)});
  });
  return out;
}

CaseCount CaseTimelineRepository::CountPiiAccess(const CaseScope& scope) {
  return CappedCount(c_.QueryOne(kCountPiiForBody, {std::int64_t{scope.all_in_region}, scope.body_code})->Int(0));
}

std::int64_t CaseTimelineRepository::InsertNotification(const NotificationRow& n) {
  std::string category = NotificationCategory(n.kind);
  auto id = c_.InsertReturningId(kInsertNotification, {n.body_code, NullableValue(n.user_id), n.kind, n.title_zh,
                                                       n.title_en, NullableValue(n.case_id), n.created_at, category});
  // Same connection, so the same transaction as the event that caused the notice.
  NotificationOutboxRepository(c_).Enqueue(id, n.body_code, category, n.created_at);
  return id;
}

std::vector<NotificationRow> CaseTimelineRepository::ListNotifications(std::string_view body_code, std::int64_t user_id,
                                                                       std::int64_t limit, std::int64_t offset) {
  std::vector<NotificationRow> out;
  c_.Stream(kListNotifications, {std::string(body_code), user_id, user_id, limit, offset}, [&](const Row& r) {
    out.push_back({r.Int(0), r.Text(1), r.OptInt(2), r.Text(3), r.Text(4), r.Text(5), r.OptInt(6), r.Text(7), r.OptText(8)});
  });
  return out;
}

std::int64_t CaseTimelineRepository::CountUnread(std::string_view body_code, std::int64_t user_id) {
  return c_.QueryOne(kCountUnread, {std::string(body_code), user_id, user_id})->Int(0);
}

bool CaseTimelineRepository::MarkRead(std::int64_t id, std::string_view body_code, const std::string& at) {
  return c_.Execute(kMarkRead, {at, id, std::string(body_code)}) > 0;
}

}  // namespace wagelink::store
