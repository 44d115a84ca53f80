#pragma once
// The notification outbox (rows written with each inbox notice, in the same transaction), the
// per-user category preferences, and the tail of new notices that feeds the live stream.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

// The preference category of a notification kind: clock_* / deadline_* → deadline, risk_* → risk,
// action_item_* / meeting_* → meeting, bulletin* → bulletin, anything else → case.
std::string NotificationCategory(std::string_view kind);

struct OutboxMessage {
  std::int64_t id = 0;
  std::int64_t notification_id = 0;
  std::string body_code;
  std::string category;
  std::string kind;
  std::string title_zh;
  std::string title_en;
  std::optional<std::int64_t> case_id;
  std::optional<std::int64_t> user_id;  // a notice for one user rather than the whole body
  std::int64_t attempts = 0;
  std::string created_at;
};

struct NewNotice {
  std::int64_t id = 0;
  std::string body_code;
  std::optional<std::int64_t> user_id;
  std::string category;
  std::string kind;
  std::string title_zh;
  std::string title_en;
  std::optional<std::int64_t> case_id;
  std::string created_at;
};

struct CategoryPreference {
  std::string category;
  bool inbox = true;
  bool webhook = true;
};

class NotificationOutboxRepository {
 public:
  explicit NotificationOutboxRepository(Connection& connection) : c_(connection) {}

  void Enqueue(std::int64_t notification_id, std::string_view body_code, std::string_view category,
               const std::string& created_at);
  // Pending messages due at `now`, oldest first.
  std::vector<OutboxMessage> Due(const std::string& now, std::int64_t limit);
  void MarkDelivered(std::int64_t id, const std::string& at);
  void MarkSkipped(std::int64_t id, const std::string& at, std::string_view reason);
  void ScheduleRetry(std::int64_t id, std::int64_t attempts, const std::string& next_attempt_at, std::string_view error);
  std::int64_t CountPending();

  // Usernames of the active users of `body_code` (or only `user_id`) who take `category` by gateway.
  std::vector<std::string> WebhookRecipients(std::string_view body_code, std::optional<std::int64_t> user_id,
                                             std::string_view category);

  // Notices with an id above `after_id`, oldest first (the live stream's tail).
  std::vector<NewNotice> After(std::int64_t after_id, std::int64_t limit);
  // Those of `ids` that are visible now (at most 500 ids per call).
  std::vector<NewNotice> WithIds(const std::vector<std::int64_t>& ids);
  std::int64_t LastNotificationId();
  // Where the database's writers stand, to tell a notice still being written from one that never
  // will be: on PostgreSQL the oldest transaction still running and the next transaction id to be
  // assigned (pg_current_snapshot). Nothing on SQLite, whose one writer commits ids in order.
  struct WriterHorizon {
    std::int64_t oldest_running = 0;
    std::int64_t next_to_start = 0;
  };
  std::optional<WriterHorizon> CurrentWriterHorizon();

  // The user's stored opt-outs (categories without a row are on for both channels).
  std::vector<CategoryPreference> Preferences(std::int64_t user_id);
  void SetPreference(std::int64_t user_id, const CategoryPreference& preference, const std::string& at);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
