#pragma once
// The inbox of a body (站内信): notices of steps that reach it and of overdue clocks; and each
// user's choice of which categories reach them by inbox and by the SMS / WeChat gateway.
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "services/audit_trail.h"
#include "services/principal.h"
#include "store/case_timeline_repository.h"
#include "store/database.h"
#include "store/notification_outbox_repository.h"

namespace wagelink::services {

struct InboxNotice {
  std::int64_t id = 0;
  std::string kind;
  std::string title_zh;
  std::string title_en;
  std::optional<std::int64_t> case_id;
  std::string created_at;
  bool read = false;
};

struct Inbox {
  std::vector<InboxNotice> items;
  std::int64_t unread = 0;
};

// Whether a category of notices reaches the user by inbox and by the SMS / WeChat gateway.
struct CategoryChoice {
  std::string category;
  bool inbox = true;
  bool webhook = true;
};

// Every category, in display order, with its Chinese name.
struct NotificationCategoryInfo {
  std::string_view code, name_zh, name_en;
};
const std::vector<NotificationCategoryInfo>& NotificationCategories();

class InboxService {
 public:
  InboxService(store::Database& db, const Clock& clock, const AuditTrail& audit) : db_(db), clock_(clock), audit_(audit) {}
  Inbox List(const Principal& who, std::int64_t limit, std::int64_t offset);
  Status MarkRead(const Principal& who, std::int64_t notification_id);
  // One entry per category (switched on unless the user said otherwise).
  std::vector<CategoryChoice> Preferences(const Principal& who);
  // Validates every entry first; stores all or nothing.
  Result<std::vector<CategoryChoice>> SetPreferences(const Principal& who, const std::vector<CategoryChoice>& changes);

 private:
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
};

}  // namespace wagelink::services
