#pragma once
// 通知公告 and who has read each (migration 0019).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.h"

namespace wagelink::store {

struct AnnouncementRow {
  std::int64_t id = 0;
  std::string title;
  std::string body;
  std::int64_t published_by = 0;
  std::string published_by_name;
  std::string published_body;
  std::string published_at;
  std::optional<std::string> withdrawn_at;
  std::optional<std::string> withdrawn_by_name;
  std::optional<std::string> read_at;  // the reader's own receipt, when listed for a reader
};

// One body's readers of an announcement: every active user of the body, read or not.
struct AnnouncementReader {
  std::string body_code;
  std::string body_name_zh;
  std::string body_name_en;
  std::string display_name;
  std::optional<std::string> read_at;
};

class AnnouncementRepository {
 public:
  explicit AnnouncementRepository(Connection& connection) : c_(connection) {}

  std::int64_t Insert(const AnnouncementRow& row);
  // Newest first; withdrawn ones only when `with_withdrawn`. `read_at` is `reader_id`'s receipt.
  std::vector<AnnouncementRow> List(std::int64_t reader_id, bool with_withdrawn, std::int64_t limit, std::int64_t offset);
  std::int64_t Count(bool with_withdrawn);
  std::int64_t CountUnread(std::int64_t reader_id);
  std::optional<AnnouncementRow> Find(std::int64_t id, std::int64_t reader_id);
  // The first reading counts; opening it again changes nothing.
  void MarkRead(std::int64_t id, std::int64_t user_id, const std::string& at);
  bool Withdraw(std::int64_t id, const std::string& by_name, const std::string& at);
  std::vector<AnnouncementReader> Readers(std::int64_t id);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
