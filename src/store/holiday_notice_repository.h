#pragma once
// Holiday notices entered by the system administrator (table holiday_notices, migration 0011).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

 private:
  Connection& c_;
};

}  // namespace wagelink::store
