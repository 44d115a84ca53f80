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
constexpr std::string_view kOpenClocksDueFrom =
    "SELECT k.id, k.case_id, k.rule_id, k.started_at, k.due_at, k.due_date, k.uncertain, k.responsible_body, "
    "k.supervisor_body, k.explanation_zh, k.explanation_en, k.kind, k.extensions_applied, k.supplied_due_date, "
    "k.overdue_notified_at, c.case_no "
    "FROM case_clocks k JOIN cases c ON c.id = k.case_id "
    "WHERE k.stopped_at IS NULL AND k.due_date >= ? AND k.id > ? ORDER BY k.id LIMIT ?";
constexpr std::string_view kMoveDue =
    "UPDATE case_clocks SET due_at = ?, due_date = ?, uncertain = ?, explanation_zh = ?, explanation_en = ?, "
    "due_interpretation = ?, overdue_notified_at = CASE WHEN ? = 1 THEN NULL ELSE overdue_notified_at END "
    "WHERE id = ? AND stopped_at IS NULL";

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

std::vector<ClockRow> HolidayNoticeRepository::OpenClocksDueFrom(const std::string& from, std::int64_t after_id,
                                                                 std::int64_t limit) {
  std::vector<ClockRow> out;
  c_.Stream(kOpenClocksDueFrom, {from, after_id, limit}, [&](const Row& r) {
    ClockRow k;
    k.id = r.Int(0);
    k.case_id = r.Int(1);
    k.rule_id = r.Text(2);
    k.started_at = r.Text(3);
    k.due_at = r.Text(4);
    k.due_date = r.Text(5);
    k.uncertain = r.Bool(6);
    k.responsible_body = r.Text(7);
    k.supervisor_body = r.Text(8);
    k.explanation_zh = r.Text(9);
    k.explanation_en = r.Text(10);
    k.kind = r.Text(11);
    k.extensions_applied = r.Int(12);
    k.supplied_due_date = r.OptText(13);
    k.overdue_notified_at = r.OptText(14);
    k.case_no = r.Text(15);
    out.push_back(std::move(k));
  });
  return out;
}

void HolidayNoticeRepository::MoveDue(const ClockRow& k, bool clear_overdue_mark) {
  c_.Execute(kMoveDue, {k.due_at, k.due_date, std::int64_t{k.uncertain ? 1 : 0}, k.explanation_zh, k.explanation_en,
                        NullableValue(k.due_interpretation), std::int64_t{clear_overdue_mark ? 1 : 0}, k.id});
}

}  // namespace wagelink::store
