#include "store/notification_outbox_repository.h"


namespace wagelink::store {
namespace {
constexpr std::string_view kEnqueue =
    "INSERT INTO notification_outbox (notification_id, body_code, category, status, next_attempt_at, created_at) "
    "VALUES (?, ?, ?, 'pending', ?, ?)";
constexpr std::string_view kDue =
    "SELECT o.id, o.notification_id, o.body_code, o.category, n.kind, n.title_zh, n.title_en, n.case_id, n.user_id, "
    "o.attempts, o.created_at FROM notification_outbox o JOIN notifications n ON n.id = o.notification_id "
    "WHERE o.status = 'pending' AND o.next_attempt_at <= ? ORDER BY o.next_attempt_at, o.id LIMIT ?";
constexpr std::string_view kMarkDelivered =
    "UPDATE notification_outbox SET status = 'delivered', delivered_at = ?, attempts = attempts + 1 "
    "WHERE id = ? AND status = 'pending'";
constexpr std::string_view kMarkSkipped =
    "UPDATE notification_outbox SET status = 'skipped', delivered_at = ?, last_error = ? WHERE id = ? AND status = 'pending'";
constexpr std::string_view kRetry =
    "UPDATE notification_outbox SET attempts = ?, next_attempt_at = ?, last_error = ? WHERE id = ? AND status = 'pending'";
constexpr std::string_view kCountPending = "SELECT COUNT(*) FROM notification_outbox WHERE status = 'pending'";
constexpr std::string_view kRecipients =
    "SELECT u.username FROM users u JOIN bodies b ON b.id = u.body_id WHERE b.code = ? AND u.active = 1 "
    "AND (? = 0 OR u.id = ?) AND NOT EXISTS (SELECT 1 FROM notification_preferences p "
    "WHERE p.user_id = u.id AND p.category = ? AND p.webhook = 0) ORDER BY u.username";
constexpr std::string_view kAfter =
    "SELECT id, body_code, user_id, category, kind, title_zh, title_en, case_id, created_at FROM notifications "
    "WHERE id > ? ORDER BY id LIMIT ?";
constexpr std::string_view kWithIds =
    "SELECT id, body_code, user_id, category, kind, title_zh, title_en, case_id, created_at FROM notifications "
    "WHERE id IN ";
constexpr std::string_view kWriterHorizon =
    "SELECT pg_snapshot_xmin(s)::text::bigint, pg_snapshot_xmax(s)::text::bigint FROM (SELECT pg_current_snapshot() AS s) t";
// A row of kAfter or kWithIds.
NewNotice NoticeOf(const Row& r) {
  return {r.Int(0), r.Text(1), r.OptInt(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.OptInt(7), r.Text(8)};
}
constexpr std::string_view kLastId = "SELECT COALESCE(MAX(id), 0) FROM notifications";
constexpr std::string_view kPreferences =
    "SELECT category, inbox, webhook FROM notification_preferences WHERE user_id = ? ORDER BY category";
constexpr std::string_view kSetPreference =
    "INSERT INTO notification_preferences (user_id, category, inbox, webhook, updated_at) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (user_id, category) DO UPDATE SET inbox = excluded.inbox, webhook = excluded.webhook, "
    "updated_at = excluded.updated_at";
}  // namespace

std::string NotificationCategory(std::string_view kind) {
  if (kind.starts_with("clock_") || kind.starts_with("deadline_")) return "deadline";
  if (kind.starts_with("risk_")) return "risk";
  if (kind.starts_with("action_item_") || kind.starts_with("meeting_")) return "meeting";
  if (kind.starts_with("bulletin")) return "bulletin";
  return "case";
}

void NotificationOutboxRepository::Enqueue(std::int64_t notification_id, std::string_view body_code,
                                           std::string_view category, const std::string& created_at) {
  c_.Execute(kEnqueue, {notification_id, std::string(body_code), std::string(category), created_at, created_at});
}

std::vector<OutboxMessage> NotificationOutboxRepository::Due(const std::string& now, std::int64_t limit) {
  std::vector<OutboxMessage> out;
  c_.Stream(kDue, {now, limit}, [&](const Row& r) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.OptInt(7), r.OptInt(8),
                   r.Int(9), r.Text(10)});
  });
  return out;
}

void NotificationOutboxRepository::MarkDelivered(std::int64_t id, const std::string& at) {
  c_.Execute(kMarkDelivered, {at, id});
}

void NotificationOutboxRepository::MarkSkipped(std::int64_t id, const std::string& at, std::string_view reason) {
  c_.Execute(kMarkSkipped, {at, std::string(reason), id});
}

void NotificationOutboxRepository::ScheduleRetry(std::int64_t id, std::int64_t attempts, const std::string& next_attempt_at,
                                                 std::string_view error) {
  c_.Execute(kRetry, {attempts, next_attempt_at, std::string(error.substr(0, 500)), id});
}

std::int64_t NotificationOutboxRepository::CountPending() { return c_.QueryOne(kCountPending)->Int(0); }

std::vector<std::string> NotificationOutboxRepository::WebhookRecipients(std::string_view body_code,
                                                                         std::optional<std::int64_t> user_id,
                                                                         std::string_view category) {
  std::vector<std::string> out;
  std::int64_t only = user_id.value_or(0);
  c_.Stream(kRecipients, {std::string(body_code), only, only, std::string(category)},
            [&](const Row& r) { out.push_back(r.Text(0)); });
  return out;
}

std::vector<NewNotice> NotificationOutboxRepository::After(std::int64_t after_id, std::int64_t limit) {
  std::vector<NewNotice> out;
  c_.Stream(kAfter, {after_id, limit}, [&](const Row& r) { out.push_back(NoticeOf(r)); });
  return out;
}

std::vector<NewNotice> NotificationOutboxRepository::WithIds(const std::vector<std::int64_t>& ids) {
  std::vector<NewNotice> out;
  if (ids.empty()) return out;
  std::string sql(kWithIds);
  Params params;
  for (std::size_t i = 0; i < ids.size() && i < 500; ++i) {
    sql += i == 0 ? "(?" : ", ?";
    params.emplace_back(ids[i]);
  }
  sql += ") ORDER BY id";
  c_.Stream(sql, params, [&](const Row& r) { out.push_back(NoticeOf(r)); });
  return out;
}

std::optional<NotificationOutboxRepository::WriterHorizon> NotificationOutboxRepository::CurrentWriterHorizon() {
  if (c_.dialect() != Dialect::kPostgres) return std::nullopt;
  auto row = c_.QueryOne(kWriterHorizon);
  return WriterHorizon{row->Int(0), row->Int(1)};
}

std::int64_t NotificationOutboxRepository::LastNotificationId() { return c_.QueryOne(kLastId)->Int(0); }

std::vector<CategoryPreference> NotificationOutboxRepository::Preferences(std::int64_t user_id) {
  std::vector<CategoryPreference> out;
  c_.Stream(kPreferences, {user_id}, [&](const Row& r) { out.push_back({r.Text(0), r.Bool(1), r.Bool(2)}); });
  return out;
}

void NotificationOutboxRepository::SetPreference(std::int64_t user_id, const CategoryPreference& p, const std::string& at) {
  c_.Execute(kSetPreference, {user_id, p.category, std::int64_t{p.inbox}, std::int64_t{p.webhook}, at});
}

}  // namespace wagelink::store
