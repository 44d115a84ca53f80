#include "services/announcement_service.h"

#include <boost/json/object.hpp>

#include "services/admin_service.h"
#include "store/case_timeline_repository.h"
#include "store/identity_repository.h"

namespace wagelink::services {
namespace {

using security::Permission;

Error NotFound() { return MakeError(ErrorCode::kNotFound, "通知公告不存在", "No such announcement"); }

Error MayNotPublish() {
  return MakeError(ErrorCode::kForbidden, "只有联席会议办公室或系统管理员可以发布、撤回通知公告及查看阅读情况",
                   "Only the joint meeting office or the system administrator publishes and withdraws announcements "
                   "and sees who has read them");
}

bool Blank(const std::string& text) { return text.find_first_not_of(" \t\r\n") == std::string::npos; }

}  // namespace

bool AnnouncementService::CanPublish(const Principal& who) {
  return who.Can(Permission::kMeetingManage) || who.Can(Permission::kSettingsManage);
}

Result<AnnouncementList> AnnouncementService::List(const Principal& who, std::int64_t limit, std::int64_t offset) {
  auto connection = db_.Acquire();
  store::AnnouncementRepository announcements(*connection);
  AnnouncementList out;
  out.can_publish = CanPublish(who);
  out.page.items = announcements.List(who.user_id, out.can_publish, limit, offset);
  out.page.total = announcements.Count(out.can_publish);
  out.unread = announcements.CountUnread(who.user_id);
  return out;
}

Result<store::AnnouncementRow> AnnouncementService::Open(const Principal& who, std::int64_t id) {
  auto connection = db_.Acquire();
  store::AnnouncementRepository announcements(*connection);
  auto row = announcements.Find(id, who.user_id);
  if (!row || (row->withdrawn_at && !CanPublish(who))) return NotFound();
  if (!row->read_at && !row->withdrawn_at) {
    row->read_at = FormatUtc(clock_.Now());
    announcements.MarkRead(id, who.user_id, *row->read_at);
  }
  return *row;
}

Result<store::AnnouncementRow> AnnouncementService::Publish(const Principal& who, const std::string& title,
                                                           const std::string& body) {
  if (!CanPublish(who)) return MayNotPublish();
  if (Blank(title)) return MakeError(ErrorCode::kValidationFailed, "请填写标题", "A title is required", "title");
  if (Blank(body)) return MakeError(ErrorCode::kValidationFailed, "请填写正文", "The text is required", "body");
  auto connection = db_.Acquire();
  store::AnnouncementRow row{.title = title,
                             .body = body,
                             .published_by = who.user_id,
                             .published_by_name = who.display_name,
                             .published_body = who.body_code,
                             .published_at = FormatUtc(clock_.Now())};
  store::Transaction tx(*connection);
  store::AnnouncementRepository announcements(*connection);
  row.id = announcements.Insert(row);
  announcements.MarkRead(row.id, who.user_id, row.published_at);  // the publisher has read it
  row.read_at = row.published_at;
  // To every body's inbox (and gateway): a notice names the announcement; the text is read here.
  store::CaseTimelineRepository inbox(*connection);
  for (const auto& b : store::IdentityRepository(*connection).ListBodies()) {
    if (b.kind != "body") continue;
    inbox.InsertNotification({0, b.code, std::nullopt, "bulletin_announcement", "通知公告：" + title,
                              "Announcement: " + title, std::nullopt, row.published_at, std::nullopt});
  }
  audit_.Append(*connection, who, "announcement.publish", {"announcement", std::to_string(row.id)}, nullptr,
                boost::json::object{{"title", title}});
  tx.Commit();
  return row;
}

Result<store::AnnouncementRow> AnnouncementService::Withdraw(const Principal& who, std::int64_t id) {
  if (!CanPublish(who)) return MayNotPublish();
  auto connection = db_.Acquire();
  store::Transaction tx(*connection);
  store::AnnouncementRepository announcements(*connection);
  if (!announcements.Find(id, who.user_id)) return NotFound();
  if (!announcements.Withdraw(id, who.display_name, FormatUtc(clock_.Now()))) {
    return MakeError(ErrorCode::kConflict, "该通知公告已撤回", "The announcement was withdrawn already");
  }
  audit_.Append(*connection, who, "announcement.withdraw", {"announcement", std::to_string(id)});
  auto row = announcements.Find(id, who.user_id);
  tx.Commit();
  return *row;
}

Result<std::vector<BodyReceipts>> AnnouncementService::Receipts(const Principal& who, std::int64_t id) {
  if (!CanPublish(who)) return MayNotPublish();
  auto connection = db_.Acquire();
  store::AnnouncementRepository announcements(*connection);
  if (!announcements.Find(id, who.user_id)) return NotFound();
  std::vector<BodyReceipts> out;
  for (auto& reader : announcements.Readers(id)) {
    if (out.empty() || out.back().body_code != reader.body_code) {
      out.push_back({.body_code = reader.body_code, .body_name_zh = reader.body_name_zh, .body_name_en = reader.body_name_en});
    }
    ++out.back().people;
    if (reader.read_at) ++out.back().read;
    out.back().readers.push_back(std::move(reader));
  }
  return out;
}

}  // namespace wagelink::services
