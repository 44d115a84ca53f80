#include "domain/work_calendar.h"

#include <algorithm>

#include "domain/json_fields.h"

namespace wagelink::domain {
namespace {

// Longest plausible range in a notice (春节 has been 9 days); a longer one is a typo in the data.
constexpr std::int64_t kMaxHolidaySpanDays = 31;
constexpr std::size_t kMaxEntries = 64;
constexpr std::size_t kMaxNameBytes = 64;
constexpr std::size_t kMaxSourceBytes = 300;
constexpr std::string_view kNoticeCitation = "国务院办公厅关于部分节假日安排的通知（系统管理员录入）";

struct SourceName {
  CalendarSource source;
  std::string_view code;
};
constexpr SourceName kSourceNames[] = {
    {CalendarSource::kNotice, "notice"}, {CalendarSource::kFile, "file"}, {CalendarSource::kStatutory, "statutory"}};

// The "holidays" and "make_up_workdays" arrays of a notice, with every check of ParseCalendarYear.
Status ParseDaysOff(const JsonFields& fields, CalendarYear& year) {
  auto holidays = fields.Array("holidays", kMaxEntries);
  if (!holidays) return holidays.error();
  for (std::size_t i = 0; i < (*holidays)->size(); ++i) {
    const std::string path = ElementPath("holidays", i);
    auto object = AsObject((**holidays)[i], path);
    if (!object) return object.error();
    const JsonFields item(**object, path);
    if (auto ok = item.OnlyKeys({"name_zh", "name_en", "from", "to"}); !ok) return ok.error();
    HolidayRange range;
    auto name_zh = item.String("name_zh");
    if (!name_zh) return name_zh.error();
    auto name_en = item.String("name_en");
    if (!name_en) return name_en.error();
    if (name_zh->empty() || name_en->empty() || name_zh->size() > kMaxNameBytes || name_en->size() > kMaxNameBytes) {
      return FieldError(path, "节日名称不能为空，且不超过 " + std::to_string(kMaxNameBytes) + " 字节",
                        "holiday names must be non-empty and at most " + std::to_string(kMaxNameBytes) + " bytes");
    }
    auto from = item.Date("from");
    if (!from) return from.error();
    auto to = item.Date("to");
    if (!to) return to.error();
    range = HolidayRange{std::move(name_zh).value(), std::move(name_en).value(), *from, *to};
    if (range.to < range.from) {
      return FieldError(path, "结束日期早于开始日期", "ends before it starts");
    }
    if (range.to.DaysSinceEpoch() - range.from.DaysSinceEpoch() + 1 > kMaxHolidaySpanDays) {
      return FieldError(path, "放假区间过长，疑为数据错误", "is implausibly long");
    }
    const bool overlaps_year = range.from.year() <= year.year && range.to.year() >= year.year;
    const bool within_neighbours = range.from.year() >= year.year - 1 && range.to.year() <= year.year + 1;
    if (!overlaps_year || !within_neighbours) {
      return FieldError(path, "不在本年度内", "lies outside its year");
    }
    if (!year.holidays.empty() && !(year.holidays.back().to < range.from)) {
      return FieldError(path, "与前一放假区间重叠或顺序颠倒", "overlaps or precedes the previous range");
    }
    year.holidays.push_back(std::move(range));
  }

  auto make_ups = fields.Array("make_up_workdays", kMaxEntries);
  if (!make_ups) return make_ups.error();
  for (std::size_t i = 0; i < (*make_ups)->size(); ++i) {
    const std::string path = ElementPath("make_up_workdays", i);
    auto object = AsObject((**make_ups)[i], path);
    if (!object) return object.error();
    const JsonFields item(**object, path);
    if (auto ok = item.OnlyKeys({"date", "for_zh", "for_en"}); !ok) return ok.error();
    auto date = item.Date("date");
    if (!date) return date.error();
    auto for_zh = item.String("for_zh");
    if (!for_zh) return for_zh.error();
    auto for_en = item.String("for_en");
    if (!for_en) return for_en.error();
    if (date->year() != year.year) {
      return FieldError(path, "不在本年度内", "lies outside its year");
    }
    if (!date->IsWeekend()) {
      return FieldError(path, "调休上班日必须是周六或周日", "a make-up working day must be a Saturday or Sunday");
    }
    for (const auto& range : year.holidays) {
      if (range.from <= *date && *date <= range.to) {
        return FieldError(path, "落在放假区间内", "falls inside a holiday range");
      }
    }
    for (const auto& other : year.make_up_workdays) {
      if (other.date == *date) return FieldError(path, "重复", "is listed twice");
    }
    year.make_up_workdays.push_back(MakeUpWorkday{*date, std::move(for_zh).value(), std::move(for_en).value()});
  }
  return Ok{};
}

Result<CalendarYear> ParseYearObject(const boost::json::object& root) {
  const JsonFields fields(root, "");
  if (auto ok = fields.OnlyKeys(
          {"year", "jurisdiction", "status", "source", "working_day_rule", "holidays", "make_up_workdays", "note"});
      !ok) {
    return ok.error();
  }
  CalendarYear year;
  auto number = fields.Integer("year", CivilDate::kMinYear + 1, CivilDate::kMaxYear - 1);
  if (!number) return number.error();
  year.year = static_cast<int>(*number);

  auto status_name = fields.String("status");
  if (!status_name) return status_name.error();
  const auto status = ParseSourceStatus(*status_name);
  if (!status) return FieldError("status", "不是已知的状态标签", "is not a known status tag");
  year.status = *status;

  auto source = fields.Object("source");
  if (!source) return source.error();
  const JsonFields source_fields(**source, "source");
  if (auto ok = source_fields.OnlyKeys({"title", "document", "issued", "urls", "citation"}); !ok) return ok.error();
  auto title = source_fields.String("title");
  if (!title) return title.error();
  year.source_title = std::move(title).value();
  auto document = source_fields.OptionalString("document");
  if (!document) return document.error();
  year.source_document = document->value_or("");
  auto issued = source_fields.Date("issued");
  if (!issued) return issued.error();
  year.source_issued = issued->ToIso();
  auto citation = source_fields.OptionalString("citation");
  if (!citation) return citation.error();
  year.citation = citation->value_or("");
  auto urls = source_fields.Array("urls", kMaxEntries);
  if (!urls) return urls.error();
  for (std::size_t i = 0; i < (*urls)->size(); ++i) {
    const auto& url = (**urls)[i];
    if (!url.is_string()) return FieldError(ElementPath("source.urls", i), "应为字符串", "must be a string");
    year.source_urls.emplace_back(url.get_string());
  }
  if (year.source_urls.empty()) return FieldError("source.urls", "至少需要一个来源网址", "needs at least one URL");

  if (auto ok = ParseDaysOff(fields, year); !ok) return ok.error();
  return year;
}

Status CheckSourceText(const std::string& text, std::string_view path, bool required) {
  if ((required && text.empty()) || text.size() > kMaxSourceBytes) {
    return FieldError(path, "不能为空，且不超过 " + std::to_string(kMaxSourceBytes) + " 字节",
                      "must be non-empty and at most " + std::to_string(kMaxSourceBytes) + " bytes");
  }
  return Ok{};
}

}  // namespace

std::string_view CalendarSourceCode(CalendarSource source) {
  for (const auto& [value, code] : kSourceNames) {
    if (value == source) return code;
  }
  return "file";
}

Result<CalendarYear> ParseHolidayNotice(const boost::json::object& input) {
  const JsonFields fields(input, "");
  if (auto ok = fields.OnlyKeys({"year", "document", "issued", "title", "url", "holidays", "make_up_workdays"}); !ok) {
    return ok.error();
  }
  CalendarYear notice;
  notice.source = CalendarSource::kNotice;
  notice.status = SourceStatus::kConfirmed;
  notice.citation = std::string(kNoticeCitation);
  auto number = fields.Integer("year", CivilDate::kMinYear + 1, CivilDate::kMaxYear - 1);
  if (!number) return number.error();
  notice.year = static_cast<int>(*number);
  auto document = fields.String("document");
  if (!document) return document.error();
  notice.source_document = std::move(document).value();
  if (auto ok = CheckSourceText(notice.source_document, "document", true); !ok) return ok.error();
  auto issued = fields.Date("issued");
  if (!issued) return issued.error();
  // A notice comes out in the autumn before its year (2026's on 2025-11-04); allow a wide margin.
  if (issued->year() < notice.year - 2 || issued->year() > notice.year) {
    return FieldError("issued", "发布日期应在该年度或此前两年内", "must lie in the year or the two years before it");
  }
  notice.source_issued = issued->ToIso();
  auto title = fields.OptionalString("title");
  if (!title) return title.error();
  notice.source_title = title->value_or("国务院办公厅关于" + std::to_string(notice.year) + "年部分节假日安排的通知");
  if (auto ok = CheckSourceText(notice.source_title, "title", true); !ok) return ok.error();
  auto url = fields.OptionalString("url");
  if (!url) return url.error();
  if (url->has_value() && !(*url)->empty()) {
    if (auto ok = CheckSourceText(**url, "url", true); !ok) return ok.error();
    if (!(*url)->starts_with("https://") && !(*url)->starts_with("http://")) {
      return FieldError("url", "应为 http(s) 网址", "must be an http(s) address");
    }
    notice.source_urls.push_back(**url);
  }
  if (auto ok = ParseDaysOff(fields, notice); !ok) return ok.error();
  if (notice.holidays.empty()) {
    return FieldError("holidays", "至少需要一个放假区间", "needs at least one holiday range");
  }
  return notice;
}

boost::json::object HolidayNoticeJson(const CalendarYear& notice) {
  boost::json::array holidays;
  for (const auto& range : notice.holidays) {
    holidays.push_back(
        {{"name_zh", range.name_zh}, {"name_en", range.name_en}, {"from", range.from.ToIso()}, {"to", range.to.ToIso()}});
  }
  boost::json::array make_ups;
  for (const auto& day : notice.make_up_workdays) {
    make_ups.push_back({{"date", day.date.ToIso()}, {"for_zh", day.for_zh}, {"for_en", day.for_en}});
  }
  boost::json::object out{{"year", notice.year},
                          {"document", notice.source_document},
                          {"issued", notice.source_issued},
                          {"title", notice.source_title},
                          {"holidays", std::move(holidays)},
                          {"make_up_workdays", std::move(make_ups)}};
  if (!notice.source_urls.empty()) out["url"] = notice.source_urls.front();
  return out;
}

Result<CalendarYear> ParseCalendarYear(std::string_view json_text, std::string_view source_name) {
  auto value = ParseJsonText(json_text, source_name);
  if (!value) return value.error();
  auto root = AsObject(*value, "");
  if (!root) return root.error();
  auto year = ParseYearObject(**root);
  if (!year) {
    // Name the file in every error so that an operator knows which data file to fix.
    Error error = year.error();
    if (error.message_zh.rfind(std::string(source_name), 0) != 0) {
      error.message_zh = std::string(source_name) + " " + error.message_zh;
      error.message_en = std::string(source_name) + " " + error.message_en;
    }
    return error;
  }
  return year;
}

Result<WorkCalendar> WorkCalendar::Build(std::vector<CalendarYear> years) {
  WorkCalendar calendar;
  calendar.years_ = std::move(years);
  for (std::size_t y = 0; y < calendar.years_.size(); ++y) {
    const CalendarYear& year = calendar.years_[y];
    if (std::binary_search(calendar.loaded_years_.begin(), calendar.loaded_years_.end(), year.year)) {
      return MakeError(ErrorCode::kValidationFailed, std::to_string(year.year) + " 年的放假安排重复载入",
                       "holiday notice for " + std::to_string(year.year) + " loaded twice");
    }
    calendar.loaded_years_.insert(
        std::upper_bound(calendar.loaded_years_.begin(), calendar.loaded_years_.end(), year.year), year.year);
    if (year.source == CalendarSource::kStatutory) {
      calendar.statutory_years_.insert(
          std::upper_bound(calendar.statutory_years_.begin(), calendar.statutory_years_.end(), year.year), year.year);
    }
    for (std::size_t h = 0; h < year.holidays.size(); ++h) {
      const auto range_index = static_cast<std::uint32_t>(calendar.ranges_.size());
      calendar.ranges_.push_back(RangeRef{y, h});
      for (auto day = year.holidays[h].from.DaysSinceEpoch(); day <= year.holidays[h].to.DaysSinceEpoch(); ++day) {
        calendar.marks_.push_back(MarkedDay{day, Mark::kHoliday, range_index});
      }
    }
    for (const auto& make_up : year.make_up_workdays) {
      calendar.marks_.push_back(MarkedDay{make_up.date.DaysSinceEpoch(), Mark::kMakeUp, 0});
    }
  }
  std::sort(calendar.marks_.begin(), calendar.marks_.end(),
            [](const MarkedDay& a, const MarkedDay& b) { return a.day < b.day; });
  const auto duplicate = std::adjacent_find(calendar.marks_.begin(), calendar.marks_.end(),
                                            [](const MarkedDay& a, const MarkedDay& b) { return a.day == b.day; });
  if (duplicate != calendar.marks_.end()) {
    const std::string date = CivilDate::FromDaysSinceEpoch(duplicate->day).ToIso();
    return MakeError(ErrorCode::kValidationFailed, "两份放假安排对 " + date + " 的规定冲突",
                     "two holiday notices both define " + date);
  }
  return calendar;
}

const WorkCalendar::MarkedDay* WorkCalendar::FindMark(CivilDate date) const {
  const std::int64_t day = date.DaysSinceEpoch();
  const auto it = std::lower_bound(marks_.begin(), marks_.end(), day,
                                   [](const MarkedDay& mark, std::int64_t value) { return mark.day < value; });
  return it != marks_.end() && it->day == day ? &*it : nullptr;
}

bool WorkCalendar::IsYearLoaded(int year) const {
  return std::binary_search(loaded_years_.begin(), loaded_years_.end(), year) && !IsYearStatutoryOnly(year);
}

bool WorkCalendar::IsYearStatutoryOnly(int year) const {
  return std::binary_search(statutory_years_.begin(), statutory_years_.end(), year);
}

const CalendarYear* WorkCalendar::YearOf(int year) const {
  for (const auto& loaded : years_) {
    if (loaded.year == year) return &loaded;
  }
  return nullptr;
}

std::vector<int> WorkCalendar::CoveredYears() const {
  return loaded_years_;
}

DayStatus WorkCalendar::IsWorkingDay(CivilDate date) const {
  // A day named by a loaded notice is known even when it lies in a neighbouring, unloaded year
  // (2023-12-30 is inside the 2024 元旦 range).
  if (const MarkedDay* mark = FindMark(date)) {
    return mark->mark == Mark::kHoliday ? DayStatus::kRest : DayStatus::kWorking;
  }
  if (!IsYearLoaded(date.year())) return DayStatus::kUnknown;
  return date.IsWeekend() ? DayStatus::kRest : DayStatus::kWorking;
}

const HolidayRange* WorkCalendar::HolidayOn(CivilDate date) const {
  const MarkedDay* mark = FindMark(date);
  if (mark == nullptr || mark->mark != Mark::kHoliday) return nullptr;
  const RangeRef& ref = ranges_[mark->range_index];
  return &years_[ref.year_index].holidays[ref.holiday_index];
}

bool WorkCalendar::IsWorkingAssumingWeekdays(CivilDate date, bool& uncertain) const {
  switch (IsWorkingDay(date)) {
    case DayStatus::kWorking:
      return true;
    case DayStatus::kRest:
      return false;
    case DayStatus::kUnknown:
      break;
  }
  uncertain = true;
  return !date.IsWeekend();
}

CalendarDay WorkCalendar::AddWorkingDays(CivilDate start, int n) const {
  n = std::clamp(n, 0, kMaxWorkingDaysSpan);
  CalendarDay result{start, false};
  while (n > 0) {
    result.date = result.date.AddDays(1);
    if (IsWorkingAssumingWeekdays(result.date, result.uncertain)) --n;
  }
  return result;
}

CalendarDay WorkCalendar::NextWorkingDayOnOrAfter(CivilDate date) const {
  CalendarDay result{date, false};
  while (!IsWorkingAssumingWeekdays(result.date, result.uncertain)) result.date = result.date.AddDays(1);
  return result;
}

}  // namespace wagelink::domain
