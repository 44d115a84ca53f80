#pragma once
// Holiday notices entered by the system administrator (table holiday_notices, migration 0011), and
// the open clocks a new notice may move.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/case_timeline_repository.h"
#include "store/database.h"

namespace wagelink::store {

struct HolidayNoticeRow {
  std::int64_t year = 0;
  std::string notice;  // JSON
  std::string entered_at;
  std::string entered_by;
  std::int64_t version = 0;
};

class HolidayNoticeRepository {
 public:
  explicit HolidayNoticeRepository(Connection& connection) : c_(connection) {}

  std::vector<HolidayNoticeRow> List();  // by year
  std::optional<HolidayNoticeRow> Find(std::int64_t year);
  // Inserts version 1 or replaces the year's notice with version + 1; returns the new version.
  std::int64_t Put(std::int64_t year, const std::string& notice, const std::string& at, const std::string& by);

  // Open clocks (any kind) whose due date is on or after `from` (ISO date), by id, `limit` at most
  // after `after_id`: the clocks whose period may reach a year a notice changes.
  std::vector<ClockRow> OpenClocksDueFrom(const std::string& from, std::int64_t after_id, std::int64_t limit);
  // A recomputed due time. Clears the overdue mark when the clock is no longer overdue.
  void MoveDue(const ClockRow& recomputed, bool clear_overdue_mark);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
