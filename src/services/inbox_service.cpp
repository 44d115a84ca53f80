#include "services/inbox_service.h"

namespace wagelink::services {

Inbox InboxService::List(const Principal& who, std::int64_t limit, std::int64_t offset) {
  auto connection = db_.Acquire();
  store::CaseTimelineRepository timeline(*connection);
  return {timeline.ListNotifications(who.body_code, who.user_id, limit, offset),
          timeline.CountUnread(who.body_code, who.user_id)};
}

Status InboxService::MarkRead(const Principal& who, std::int64_t notification_id) {
  auto connection = db_.Acquire();
  if (!store::CaseTimelineRepository(*connection).MarkRead(notification_id, who.body_code, FormatUtc(clock_.Now()))) {
    return MakeError(ErrorCode::kNotFound, "消息不存在或已读", "No such unread message for your body");
  }
  return Ok{};
}

}  // namespace wagelink::services
