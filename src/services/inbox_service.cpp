#include "services/inbox_service.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

namespace wagelink::services {
namespace {

std::vector<CategoryChoice> WithDefaults(const std::vector<store::CategoryPreference>& stored) {
  std::vector<CategoryChoice> out;
  for (const auto& category : NotificationCategories()) {
    CategoryChoice p{std::string(category.code), true, true};
    for (const auto& s : stored) {
      if (s.category == p.category) p = {s.category, s.inbox, s.webhook};
    }
    out.push_back(p);
  }
  return out;
}

boost::json::array ToJson(const std::vector<CategoryChoice>& preferences) {
  boost::json::array out;
  for (const auto& p : preferences) out.push_back({{"category", p.category}, {"inbox", p.inbox}, {"webhook", p.webhook}});
  return out;
}

}  // namespace

const std::vector<NotificationCategoryInfo>& NotificationCategories() {
  static const std::vector<NotificationCategoryInfo> kCategories = {
      {"case", "案件流转", "Case steps"},
      {"deadline", "期限提醒与逾期", "Deadline reminders and overdue alerts"},
      {"risk", "风险预警", "Risk alerts"},
      {"meeting", "联席会议与督办事项", "Joint meetings and action items"},
      {"bulletin", "工作简报", "Bulletins"}};
  return kCategories;
}

Inbox InboxService::List(const Principal& who, std::int64_t limit, std::int64_t offset) {
  auto connection = db_.Acquire();
  store::CaseTimelineRepository timeline(*connection);
  Inbox inbox;
  for (const auto& n : timeline.ListNotifications(who.body_code, who.user_id, limit, offset)) {
    inbox.items.push_back({.id = n.id,
                           .kind = n.kind,
                           .title_zh = n.title_zh,
                           .title_en = n.title_en,
                           .case_id = n.case_id,
                           .created_at = n.created_at,
                           .read = n.read_at.has_value()});
  }
  inbox.unread = timeline.CountUnread(who.body_code, who.user_id);
  return inbox;
}

Status InboxService::MarkRead(const Principal& who, std::int64_t notification_id) {
  auto connection = db_.Acquire();
  if (!store::CaseTimelineRepository(*connection).MarkRead(notification_id, who.body_code, FormatUtc(clock_.Now()))) {
    return MakeError(ErrorCode::kNotFound, "消息不存在或已读", "No such unread message for your body");
  }
  return Ok{};
}

std::vector<CategoryChoice> InboxService::Preferences(const Principal& who) {
  auto connection = db_.Acquire();
  return WithDefaults(store::NotificationOutboxRepository(*connection).Preferences(who.user_id));
}

Result<std::vector<CategoryChoice>> InboxService::SetPreferences(const Principal& who,
                                                                 const std::vector<CategoryChoice>& changes) {
  for (const auto& change : changes) {
    bool known = false;
    for (const auto& category : NotificationCategories()) known = known || category.code == change.category;
    if (!known) {
      return InvalidField("categories", "未知的消息类别：" + change.category + "（可选 case/deadline/risk/meeting/bulletin）",
                          "unknown category: " + change.category + " (one of case/deadline/risk/meeting/bulletin)");
    }
  }
  auto connection = db_.Acquire();
  store::NotificationOutboxRepository repository(*connection);
  store::Transaction tx(*connection);
  auto before = WithDefaults(repository.Preferences(who.user_id));
  std::string now = FormatUtc(clock_.Now());
  for (const auto& change : changes) {
    repository.SetPreference(who.user_id, {change.category, change.inbox, change.webhook}, now);
  }
  auto after = WithDefaults(repository.Preferences(who.user_id));
  audit_.Append(*connection, who, "inbox.preferences", {"user", std::to_string(who.user_id)}, ToJson(before), ToJson(after));
  tx.Commit();
  return after;
}

}  // namespace wagelink::services
