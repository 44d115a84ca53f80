#pragma once
// 通知公告: the joint meeting office (meeting.manage) or the system administrator (settings.manage)
// publishes an announcement to every body; it reaches each body's inbox, and every person who
// opens it leaves a read receipt the publisher can follow body by body. A withdrawn announcement
// disappears for readers; publishers still see it, marked withdrawn.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "services/audit_trail.h"
#include "services/page.h"
#include "services/principal.h"
#include "store/announcement_repository.h"
#include "store/database.h"

namespace wagelink::services {

struct AnnouncementList {
  Page<store::AnnouncementRow> page;
  std::int64_t unread = 0;
  bool can_publish = false;
};

struct BodyReceipts {
  std::string body_code;
  std::string body_name_zh;
  std::string body_name_en;
  std::int64_t people = 0;
  std::int64_t read = 0;
  std::vector<store::AnnouncementReader> readers;  // read first, by time; then those who have not
};

class AnnouncementService {
 public:
  AnnouncementService(store::Database& db, const Clock& clock, const AuditTrail& audit)
      : db_(db), clock_(clock), audit_(audit) {}

  Result<AnnouncementList> List(const Principal& who, std::int64_t limit, std::int64_t offset);
  // The announcement, recording the caller's read receipt the first time.
  Result<store::AnnouncementRow> Open(const Principal& who, std::int64_t id);
  Result<store::AnnouncementRow> Publish(const Principal& who, const std::string& title, const std::string& body);
  Result<store::AnnouncementRow> Withdraw(const Principal& who, std::int64_t id);
  Result<std::vector<BodyReceipts>> Receipts(const Principal& who, std::int64_t id);

  static bool CanPublish(const Principal& who);

 private:
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
};

}  // namespace wagelink::services
