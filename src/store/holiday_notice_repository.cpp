#include "store/holiday_notice_repository.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kList =
    "SELECT notice_year, notice, entered_at, entered_by, version FROM holiday_notices ORDER BY notice_year";
constexpr std::string_view kFind =
    "SELECT notice_year, notice, entered_at, entered_by, version FROM holiday_notices WHERE notice_year = ?";
constexpr std::string_view kInsert =
    "INSERT INTO holiday_notices (notice_year, notice, entered_at, entered_by, version) VALUES (?, ?, ?, ?, 1)";
constexpr std::string_view kReplace =
    "UPDATE holiday_notices SET notice = ?, entered_at = ?, entered_by = ?, version = version + 1 "
    "WHERE notice_year = ?";
HolidayNoticeRow ToNotice(const Row& r) {
  return {r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Int(4)};
}

}  // namespace

std::vector<HolidayNoticeRow> HolidayNoticeRepository::List() {
  std::vector<HolidayNoticeRow> out;
  c_.Stream(kList, {}, [&](const Row& r) { out.push_back(ToNotice(r)); });
  return out;
}

std::optional<HolidayNoticeRow> HolidayNoticeRepository::Find(std::int64_t year) {
  auto row = c_.QueryOne(kFind, {year});
  if (!row) return std::nullopt;
  return ToNotice(*row);
}

std::int64_t HolidayNoticeRepository::Put(std::int64_t year, const std::string& notice, const std::string& at,
                                          const std::string& by) {
  if (auto existing = Find(year)) {
    c_.Execute(kReplace, {notice, at, by, year});
    return existing->version + 1;
  }
  c_.Execute(kInsert, {year, notice, at, by});
  return 1;
}

}  // namespace wagelink::store
