#pragma once
// The inbox of a body (站内信): notices of steps that reach it and of overdue clocks.
#include <vector>

#include "core/clock.h"
#include "services/principal.h"
#include "store/case_timeline_repository.h"
#include "store/database.h"

namespace wagelink::services {

struct Inbox {
  std::vector<store::NotificationRow> items;
  std::int64_t unread = 0;
};

class InboxService {
 public:
  InboxService(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}
  Inbox List(const Principal& who, std::int64_t limit, std::int64_t offset);
  Status MarkRead(const Principal& who, std::int64_t notification_id);

 private:
  store::Database& db_;
  const Clock& clock_;
};

}  // namespace wagelink::services
