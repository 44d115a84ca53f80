#include "domain/statutory_holidays.h"

#include <algorithm>
#include <array>
#include <set>

#include "domain/json_fields.h"

namespace wagelink::domain {
namespace {

constexpr std::string_view kSchema = "wagelink.statutory_holidays/1";
constexpr std::size_t kMaxEntries = 200;

struct AnchorName {
  HolidayAnchor anchor;
  std::string_view code;
};
constexpr std::array<AnchorName, 5> kAnchors{{{HolidayAnchor::kGregorian, "gregorian"},
                                              {HolidayAnchor::kChuxi, "chuxi"},
                                              {HolidayAnchor::kQingming, "qingming"},
                                              {HolidayAnchor::kDuanwu, "duanwu"},
                                              {HolidayAnchor::kZhongqiu, "zhongqiu"}}};

// The season each lunar / solar-term date must fall in: a date outside it is a typo in the data.
struct Season {
  int from_month, from_day, to_month, to_day;
};
bool InSeason(CivilDate date, Season season) {
  const int key = static_cast<int>(date.month() * 100 + date.day());
  return key >= season.from_month * 100 + season.from_day && key <= season.to_month * 100 + season.to_day;
}

Result<HolidayAnchor> ParseAnchor(const std::string& code, const std::string& path) {
  for (const auto& [anchor, name] : kAnchors) {
    if (name == code) return anchor;
  }
  return FieldError(path, "不是已知的起算依据", "is not a known anchor");
}

Result<StatutoryHoliday> ParseHoliday(const boost::json::value& value, const std::string& path) {
  auto object = AsObject(value, path);
  if (!object) return object.error();
  const JsonFields fields(**object, path);
  if (auto ok = fields.OnlyKeys({"id", "name_zh", "name_en", "anchor", "month", "day", "days"}); !ok) return ok.error();
  StatutoryHoliday holiday;
  auto id = fields.String("id");
  if (!id) return id.error();
  auto name_zh = fields.String("name_zh");
  if (!name_zh) return name_zh.error();
  auto name_en = fields.String("name_en");
  if (!name_en) return name_en.error();
  auto anchor_code = fields.String("anchor");
  if (!anchor_code) return anchor_code.error();
  auto anchor = ParseAnchor(*anchor_code, fields.PathOf("anchor"));
  if (!anchor) return anchor.error();
  auto days = fields.Integer("days", 1, 7);
  if (!days) return days.error();
  holiday = StatutoryHoliday{std::move(id).value(), std::move(name_zh).value(), std::move(name_en).value(), *anchor,
                             0, 0, static_cast<int>(*days)};
  if (holiday.anchor == HolidayAnchor::kGregorian) {
    auto month = fields.Integer("month", 1, 12);
    if (!month) return month.error();
    auto day = fields.Integer("day", 1, 28);  // a fixed day exists in every year
    if (!day) return day.error();
    holiday.month = static_cast<int>(*month);
    holiday.day = static_cast<int>(*day);
  } else if (fields.Has("month") || fields.Has("day")) {
    return FieldError(path, "农历或节气节日不能指定公历月日", "a lunar or solar-term holiday takes no Gregorian date");
  }
  return holiday;
}

Result<LunarDates> ParseYear(const boost::json::value& value, const std::string& path) {
  auto object = AsObject(value, path);
  if (!object) return object.error();
  const JsonFields fields(**object, path);
  if (auto ok = fields.OnlyKeys({"year", "chuxi", "qingming", "duanwu", "zhongqiu"}); !ok) return ok.error();
  LunarDates dates;
  auto year = fields.Integer("year", CivilDate::kMinYear + 1, CivilDate::kMaxYear - 1);
  if (!year) return year.error();
  dates.year = static_cast<int>(*year);
  struct Field {
    std::string_view key;
    CivilDate LunarDates::*member;
    Season season;
  };
  // 除夕: 1/20–2/19 (正月初一 falls 1/21–2/20); 清明: 4/4–4/6; 端午: 5/28–6/25; 中秋: 9/7–10/7.
  constexpr std::array<Field, 4> kFields{{{"chuxi", &LunarDates::chuxi, {1, 20, 2, 19}},
                                          {"qingming", &LunarDates::qingming, {4, 4, 4, 6}},
                                          {"duanwu", &LunarDates::duanwu, {5, 28, 6, 25}},
                                          {"zhongqiu", &LunarDates::zhongqiu, {9, 7, 10, 7}}}};
  for (const Field& field : kFields) {
    auto date = fields.Date(field.key);
    if (!date) return date.error();
    if (date->year() != dates.year || !InSeason(*date, field.season)) {
      return FieldError(fields.PathOf(field.key), "不在该年度的应有时段内，疑为数据错误",
                        "lies outside its season in that year: a typo in the data");
    }
    dates.*field.member = *date;
  }
  return dates;
}

CivilDate AnchorDate(const StatutoryHoliday& holiday, const LunarDates& dates) {
  switch (holiday.anchor) {
    case HolidayAnchor::kGregorian:
      break;
    case HolidayAnchor::kChuxi:
      return dates.chuxi;
    case HolidayAnchor::kQingming:
      return dates.qingming;
    case HolidayAnchor::kDuanwu:
      return dates.duanwu;
    case HolidayAnchor::kZhongqiu:
      return dates.zhongqiu;
  }
  return *CivilDate::FromYmd(dates.year, static_cast<unsigned>(holiday.month), static_cast<unsigned>(holiday.day));
}

}  // namespace

Result<StatutoryHolidayTable> StatutoryHolidayTable::Parse(std::string_view json_text, std::string_view source_name) {
  auto value = ParseJsonText(json_text, source_name);
  if (!value) return value.error();
  auto root = AsObject(*value, "");
  if (!root) return root.error();
  const JsonFields fields(**root, "");
  if (auto ok = fields.OnlyKeys({"schema", "law", "holidays", "dates_source", "years"}); !ok) return ok.error();
  auto schema = fields.String("schema");
  if (!schema) return schema.error();
  if (*schema != kSchema) return FieldError("schema", "版本不受支持", "is not a supported version");

  StatutoryHolidayTable table;
  auto law = fields.Object("law");
  if (!law) return law.error();
  const JsonFields law_fields(**law, "law");
  if (auto ok = law_fields.OnlyKeys({"title", "citation", "status", "effective_from_year", "zh", "en"}); !ok) {
    return ok.error();
  }
  auto title = law_fields.String("title");
  if (!title) return title.error();
  auto citation = law_fields.String("citation");
  if (!citation) return citation.error();
  auto law_status = law_fields.String("status");
  if (!law_status) return law_status.error();
  if (ParseSourceStatus(*law_status) != SourceStatus::kConfirmed) {
    return FieldError("law.status", "法定节假日须依据已确认的法规（CONFIRMED）", "the statutory holidays must be CONFIRMED law");
  }
  auto effective = law_fields.Integer("effective_from_year", CivilDate::kMinYear + 1, CivilDate::kMaxYear - 1);
  if (!effective) return effective.error();
  table.title_ = std::move(title).value();
  table.citation_ = std::move(citation).value();
  table.effective_from_year_ = static_cast<int>(*effective);

  auto holidays = fields.Array("holidays", 16);
  if (!holidays) return holidays.error();
  std::set<std::string> ids;
  for (std::size_t i = 0; i < (*holidays)->size(); ++i) {
    auto holiday = ParseHoliday((**holidays)[i], ElementPath("holidays", i));
    if (!holiday) return holiday.error();
    if (!ids.insert(holiday->id).second) {
      return FieldError(ElementPath("holidays", i) + ".id", "重复", "is listed twice");
    }
    table.holidays_.push_back(std::move(holiday).value());
  }
  if (table.holidays_.empty()) return FieldError("holidays", "不能为空", "must not be empty");

  auto source = fields.Object("dates_source");
  if (!source) return source.error();
  const JsonFields source_fields(**source, "dates_source");
  if (auto ok = source_fields.OnlyKeys({"title", "status", "reference", "method", "dates_2024_to_2026_checked"}); !ok) {
    return ok.error();
  }
  auto reference = source_fields.String("reference");
  if (!reference) return reference.error();
  table.dates_reference_ = std::move(reference).value();
  auto dates_status = source_fields.String("status");
  if (!dates_status) return dates_status.error();
  const auto parsed_status = ParseSourceStatus(*dates_status);
  if (!parsed_status) return FieldError("dates_source.status", "不是已知的状态标签", "is not a known status tag");
  table.dates_status_ = *parsed_status;

  auto years = fields.Array("years", kMaxEntries);
  if (!years) return years.error();
  for (std::size_t i = 0; i < (*years)->size(); ++i) {
    auto dates = ParseYear((**years)[i], ElementPath("years", i));
    if (!dates) return dates.error();
    if (!table.years_.empty() && table.years_.back().year >= dates->year) {
      return FieldError(ElementPath("years", i) + ".year", "年份须按升序且不重复", "years must ascend without repeats");
    }
    if (dates->year < table.effective_from_year_) {
      return FieldError(ElementPath("years", i) + ".year", "早于该办法施行的年份", "precedes the law's first year");
    }
    table.years_.push_back(*dates);
  }
  return table;
}

bool StatutoryHolidayTable::Covers(int year) const {
  return std::any_of(years_.begin(), years_.end(), [&](const LunarDates& dates) { return dates.year == year; });
}

std::vector<int> StatutoryHolidayTable::Years() const {
  std::vector<int> years;
  for (const auto& dates : years_) years.push_back(dates.year);
  return years;
}

std::vector<StatutoryDay> StatutoryHolidayTable::DaysOf(int year) const {
  std::vector<StatutoryDay> days;
  const auto dates = std::find_if(years_.begin(), years_.end(), [&](const LunarDates& d) { return d.year == year; });
  if (dates == years_.end()) return days;
  for (const StatutoryHoliday& holiday : holidays_) {
    const CivilDate first = AnchorDate(holiday, *dates);
    for (int i = 0; i < holiday.days; ++i) days.push_back(StatutoryDay{first.AddDays(i), &holiday});
  }
  std::sort(days.begin(), days.end(), [](const StatutoryDay& a, const StatutoryDay& b) { return a.date < b.date; });
  return days;
}

std::optional<CalendarYear> StatutoryHolidayTable::FallbackYear(int year) const {
  if (!Covers(year)) return std::nullopt;
  CalendarYear fallback;
  fallback.year = year;
  fallback.source = CalendarSource::kStatutory;
  fallback.status = SourceStatus::kConfirmed;  // the law; the lunar dates carry their own status
  fallback.source_title = title_;
  fallback.citation = citation_ + "；农历与节气日期：" + dates_reference_ + "〔" +
                      std::string(SourceStatusName(dates_status_)) + "〕";
  for (const StatutoryDay& day : DaysOf(year)) {
    if (!fallback.holidays.empty() && day.date.DaysSinceEpoch() <= fallback.holidays.back().to.DaysSinceEpoch() + 1) {
      HolidayRange& last = fallback.holidays.back();
      if (last.name_zh.find(day.holiday->name_zh) == std::string::npos) {
        last.name_zh += "、" + day.holiday->name_zh;
        last.name_en += ", " + day.holiday->name_en;
      }
      last.to = std::max(last.to, day.date);
      continue;
    }
    fallback.holidays.push_back(HolidayRange{day.holiday->name_zh, day.holiday->name_en, day.date, day.date});
  }
  return fallback;
}

Status CheckNoticeKeepsStatutoryDays(const CalendarYear& notice, const StatutoryHolidayTable& statutory) {
  for (const StatutoryDay& day : statutory.DaysOf(notice.year)) {
    const bool kept = std::any_of(notice.holidays.begin(), notice.holidays.end(), [&](const HolidayRange& range) {
      return range.from <= day.date && day.date <= range.to;
    });
    if (!kept) {
      return FieldError("holidays",
                        day.date.ToIso() + "（" + day.holiday->name_zh +
                            "）是《全国年节及纪念日放假办法》规定的法定节假日，须在放假区间内",
                        day.date.ToIso() + " (" + day.holiday->name_en +
                            ") is a public holiday by law (全国年节及纪念日放假办法) and must lie in a holiday range");
    }
  }
  return Ok{};
}

Result<WorkCalendar> ComposeCalendar(const std::vector<CalendarYear>& notices, const std::vector<CalendarYear>& files,
                                     const StatutoryHolidayTable& statutory) {
  std::vector<CalendarYear> years;
  std::set<int> taken;
  for (const auto* source : {&notices, &files}) {
    for (const CalendarYear& year : *source) {
      if (taken.insert(year.year).second) years.push_back(year);
    }
  }
  for (int year : statutory.Years()) {
    if (taken.count(year) != 0) continue;
    if (auto fallback = statutory.FallbackYear(year)) years.push_back(std::move(*fallback));
  }
  return WorkCalendar::Build(std::move(years));
}

}  // namespace wagelink::domain
