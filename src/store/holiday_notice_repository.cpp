#include "store/holiday_notice_repository.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kList =
    "SELECT notice_year, notice, entered_at, entered_by, version FROM holiday_notices ORDER BY notice_year";
constexpr std::string_view kFind =
    "SELECT notice_year, notice, entered_at, entered_by, version FROM holiday_notices WHERE notice_year = ?";
// One statement, so two administrators saving the same year at once both succeed, in turn.
constexpr std::string_view kPut =
    "INSERT INTO holiday_notices (notice_year, notice, entered_at, entered_by, version) VALUES (?, ?, ?, ?, 1) "
    "ON CONFLICT (notice_year) DO UPDATE SET notice = excluded.notice, entered_at = excluded.entered_at, "
    "entered_by = excluded.entered_by, version = holiday_notices.version + 1 RETURNING version";

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
  auto version = c_.QueryOne(kPut, {year, notice, at, by});
  if (!version) throw DatabaseError("holiday notice upsert returned no version");
  return version->Int(0);
}

}  // namespace wagelink::store
