#include "domain/time_limit.h"

#include <algorithm>
#include <array>
#include <utility>

#include "domain/json_fields.h"

namespace wagelink::domain {
namespace {

constexpr std::string_view kSchema = "wagelink.time_limits/1";
constexpr std::size_t kMaxRules = 256;
constexpr std::size_t kMaxExtensions = 8;

struct UnitInfo {
  TimeUnit unit;
  std::string_view name;
  std::string_view zh;
  std::string_view en;
  std::int64_t max_limit;  // sanity bound on data and overrides (not law): keeps arithmetic cheap
};

constexpr std::array<UnitInfo, 5> kUnits{{
    {TimeUnit::kCalendarDays, "calendar_days", "日（自然日）", "calendar day(s)", 3660},
    {TimeUnit::kWorkingDays, "working_days", "个工作日", "working day(s)", 2600},
    {TimeUnit::kHours, "hours", "小时", "hour(s)", 8784},
    {TimeUnit::kMonths, "months", "个月", "month(s)", 1200},
    {TimeUnit::kYears, "years", "年", "year(s)", 100},
}};

const UnitInfo& Info(TimeUnit unit) {
  for (const auto& info : kUnits) {
    if (info.unit == unit) return info;
  }
  return kUnits.front();
}

bool RollOverApplies(TimeUnit unit) {
  // Working days never end on a rest day, and hour periods end at an exact instant.
  return unit == TimeUnit::kCalendarDays || unit == TimeUnit::kMonths || unit == TimeUnit::kYears;
}

Status CheckLimit(std::int64_t limit, TimeUnit unit, const std::string& path) {
  if (limit < 0 || limit > Info(unit).max_limit) {
    return FieldError(
        path, "期限应在 0 至 " + std::to_string(Info(unit).max_limit) + " " + std::string(Info(unit).zh) + " 之间",
        "must be between 0 and " + std::to_string(Info(unit).max_limit) + " " + std::string(Info(unit).en));
  }
  return Ok{};
}

// Invariants that hold for data and for data merged with overrides.
Status CheckRule(const TimeLimitRule& rule, const std::string& path) {
  if (rule.limit) {
    if (auto ok = CheckLimit(*rule.limit, rule.unit, path + ".limit"); !ok) return ok;
  }
  for (std::size_t i = 0; i < rule.extensions.size(); ++i) {
    const RuleExtension& extension = rule.extensions[i];
    const std::string extension_path = ElementPath(path + ".extensions", i);
    if (auto ok = CheckLimit(extension.limit, extension.unit, extension_path + ".limit"); !ok) return ok;
    if ((rule.unit == TimeUnit::kHours) != (extension.unit == TimeUnit::kHours)) {
      return FieldError(extension_path + ".unit", "小时期限只能以小时延长，按日/月计算的期限不能以小时延长",
                        "hour limits extend in hours only, and day or month limits never in hours");
    }
  }
  if ((rule.status == SourceStatus::kUnconfirmed || rule.status == SourceStatus::kLocal) && !rule.configurable) {
    return FieldError(path + ".configurable", "UNCONFIRMED 或 LOCAL 的规则必须可配置",
                      "an UNCONFIRMED or LOCAL rule must be configurable");
  }
  return Ok{};
}

Result<RuleExtension> ParseExtension(const boost::json::value& value, const std::string& path) {
  auto object = AsObject(value, path);
  if (!object) return object.error();
  const JsonFields fields(**object, path);
  if (auto ok = fields.OnlyKeys({"limit", "unit", "zh", "en", "citation"}); !ok) return ok.error();
  RuleExtension extension;
  auto limit = fields.Integer("limit", 0, INT32_MAX);
  if (!limit) return limit.error();
  extension.limit = *limit;
  auto unit_name = fields.String("unit");
  if (!unit_name) return unit_name.error();
  const auto unit = ParseTimeUnit(*unit_name);
  if (!unit) return FieldError(fields.PathOf("unit"), "不是已知的期间单位", "is not a known unit");
  extension.unit = *unit;
  auto zh = fields.String("zh");
  if (!zh) return zh.error();
  auto en = fields.String("en");
  if (!en) return en.error();
  auto citation = fields.String("citation");
  if (!citation) return citation.error();
  extension.zh = std::move(zh).value();
  extension.en = std::move(en).value();
  extension.citation = std::move(citation).value();
  return extension;
}

Result<TimeLimitRule> ParseRule(const boost::json::value& value, const std::string& path, bool platform_setting) {
  auto object = AsObject(value, path);
  if (!object) return object.error();
  const JsonFields fields(**object, path);
  if (auto ok = fields.OnlyKeys({"id", "trigger", "actor", "action", "limit", "unit", "extensions", "roll_over",
                                 "roll_over_basis", "recurring", "citation", "status", "configurable",
                                 "configurable_fields", "note"});
      !ok) {
    return ok.error();
  }
  TimeLimitRule rule;
  auto id = fields.String("id");
  if (!id) return id.error();
  rule.id = std::move(id).value();

  auto trigger = fields.Object("trigger");
  if (!trigger) return trigger.error();
  const JsonFields trigger_fields(**trigger, fields.PathOf("trigger"));
  if (auto ok = trigger_fields.OnlyKeys({"event", "zh", "en"}); !ok) return ok.error();
  auto event = trigger_fields.String("event");
  if (!event) return event.error();
  auto trigger_zh = trigger_fields.String("zh");
  if (!trigger_zh) return trigger_zh.error();
  auto trigger_en = trigger_fields.String("en");
  if (!trigger_en) return trigger_en.error();
  rule.trigger_event = std::move(event).value();
  rule.trigger_zh = std::move(trigger_zh).value();
  rule.trigger_en = std::move(trigger_en).value();

  auto actor_code = fields.String("actor");
  if (!actor_code) return actor_code.error();
  const auto actor = ParseBodyCode(*actor_code);
  if (!actor) return FieldError(fields.PathOf("actor"), "不是已知的机关代码", "is not a known body code");
  rule.actor = *actor;

  auto action = fields.Object("action");
  if (!action) return action.error();
  const JsonFields action_fields(**action, fields.PathOf("action"));
  if (auto ok = action_fields.OnlyKeys({"zh", "en"}); !ok) return ok.error();
  auto action_zh = action_fields.String("zh");
  if (!action_zh) return action_zh.error();
  auto action_en = action_fields.String("en");
  if (!action_en) return action_en.error();
  rule.action_zh = std::move(action_zh).value();
  rule.action_en = std::move(action_en).value();

  // "limit": null is meaningful (set per case), so the key itself must be present.
  if (!fields.Has("limit"))
    return FieldError(fields.PathOf("limit"), "为必填项（可为 null）", "is required (may be null)");
  auto limit = fields.OptionalInteger("limit", 0, INT32_MAX);
  if (!limit) return limit.error();
  rule.limit = *limit;

  auto unit_name = fields.String("unit");
  if (!unit_name) return unit_name.error();
  const auto unit = ParseTimeUnit(*unit_name);
  if (!unit) return FieldError(fields.PathOf("unit"), "不是已知的期间单位", "is not a known unit");
  rule.unit = *unit;

  auto extensions = fields.OptionalArray("extensions", kMaxExtensions);
  if (!extensions) return extensions.error();
  if (*extensions != nullptr) {
    for (std::size_t i = 0; i < (*extensions)->size(); ++i) {
      auto extension = ParseExtension((**extensions)[i], ElementPath(fields.PathOf("extensions"), i));
      if (!extension) return extension.error();
      rule.extensions.push_back(std::move(extension).value());
    }
  }

  auto roll_over = fields.Bool("roll_over");
  if (!roll_over) return roll_over.error();
  rule.roll_over = *roll_over;
  auto basis = fields.OptionalObject("roll_over_basis");
  if (!basis) return basis.error();
  if (*basis != nullptr) {
    const JsonFields basis_fields(**basis, fields.PathOf("roll_over_basis"));
    if (auto ok = basis_fields.OnlyKeys({"citation", "status"}); !ok) return ok.error();
    auto basis_citation = basis_fields.String("citation");
    if (!basis_citation) return basis_citation.error();
    auto basis_status = basis_fields.String("status");
    if (!basis_status) return basis_status.error();
    const auto parsed = ParseSourceStatus(*basis_status);
    if (!parsed) return FieldError(basis_fields.PathOf("status"), "不是已知的状态标签", "is not a known status tag");
    rule.roll_over_citation = std::move(basis_citation).value();
    rule.roll_over_status = *parsed;
  } else if (rule.roll_over) {
    return FieldError(fields.PathOf("roll_over_basis"), "顺延的规则须注明顺延依据及其状态",
                      "a rule that rolls over must state the basis of the roll-over and its status");
  } else {
    rule.roll_over_citation = "运营方设置（法律未明定期满日遇节假日顺延）";
  }
  auto recurring = fields.OptionalBool("recurring");
  if (!recurring) return recurring.error();
  rule.recurring = recurring->value_or(false);

  auto citation = fields.String("citation");
  if (!citation) return citation.error();
  rule.citation = std::move(citation).value();
  auto status_name = fields.String("status");
  if (!status_name) return status_name.error();
  const auto status = ParseSourceStatus(*status_name);
  if (!status) return FieldError(fields.PathOf("status"), "不是已知的状态标签", "is not a known status tag");
  rule.status = *status;
  if ((rule.status == SourceStatus::kPlatformSetting) != platform_setting) {
    return FieldError(fields.PathOf("status"), "PLATFORM_SETTING 仅用于 platform_settings，且其中必须使用",
                      "PLATFORM_SETTING is used in platform_settings and only there");
  }

  auto configurable = fields.Bool("configurable");
  if (!configurable) return configurable.error();
  rule.configurable = *configurable;
  if (platform_setting && !rule.configurable) {
    return FieldError(fields.PathOf("configurable"), "平台设置必须可配置", "a platform setting must be configurable");
  }
  auto configurable_fields = fields.OptionalArray("configurable_fields", 3);
  if (!configurable_fields) return configurable_fields.error();
  if (*configurable_fields == nullptr) {
    rule.limit_configurable = rule.unit_configurable = rule.roll_over_configurable = rule.configurable;
  } else {
    if (!rule.configurable || (*configurable_fields)->empty()) {
      return FieldError(fields.PathOf("configurable_fields"), "仅可用于可配置规则，且不能为空",
                        "is only for configurable rules and must not be empty");
    }
    for (std::size_t i = 0; i < (*configurable_fields)->size(); ++i) {
      const auto& name = (**configurable_fields)[i];
      const std::string item_path = ElementPath(fields.PathOf("configurable_fields"), i);
      if (!name.is_string()) return FieldError(item_path, "应为字符串", "must be a string");
      if (name.get_string() == "limit") {
        rule.limit_configurable = true;
      } else if (name.get_string() == "unit") {
        rule.unit_configurable = true;
      } else if (name.get_string() == "roll_over") {
        rule.roll_over_configurable = true;
      } else {
        return FieldError(item_path, "只能是 limit、unit 或 roll_over", "must be limit, unit or roll_over");
      }
    }
  }
  auto note = fields.OptionalString("note");
  if (!note) return note.error();
  rule.note = note->value_or("");
  if (auto ok = CheckRule(rule, path); !ok) return ok.error();
  return rule;
}

Status ApplyOverride(TimeLimitRule& rule, const boost::json::value& value, const std::string& path) {
  auto object = AsObject(value, path);
  if (!object) return object.error();
  const JsonFields fields(**object, path);
  if (auto ok = fields.OnlyKeys({"limit", "unit", "roll_over"}); !ok) return ok;
  if (!rule.configurable) {
    return FieldError(path, "该规则的期限由法律明定（" + std::string(SourceStatusName(rule.status)) + "），不可配置",
                      std::string("this rule's limit is fixed by law (") + std::string(SourceStatusName(rule.status)) +
                          ") and cannot be overridden");
  }
  const auto refuse = [&](std::string_view key) {
    return FieldError(fields.PathOf(key), "该规则不允许修改此项", "may not be overridden for this rule");
  };
  if (fields.Has("unit")) {
    if (!rule.unit_configurable) return refuse("unit");
    auto name = fields.String("unit");
    if (!name) return name.error();
    const auto unit = ParseTimeUnit(*name);
    if (!unit) return FieldError(fields.PathOf("unit"), "不是已知的期间单位", "is not a known unit");
    rule.unit = *unit;
  }
  if (fields.Has("limit")) {
    if (!rule.limit_configurable) return refuse("limit");
    auto limit = fields.Integer("limit", 0, INT32_MAX);
    if (!limit) return limit.error();
    rule.limit = *limit;
  }
  if (fields.Has("roll_over")) {
    if (!rule.roll_over_configurable) return refuse("roll_over");
    auto roll_over = fields.Bool("roll_over");
    if (!roll_over) return roll_over.error();
    rule.roll_over = *roll_over;
  }
  return CheckRule(rule, path);
}

std::string Amount(std::int64_t limit, TimeUnit unit, bool zh) {
  return std::to_string(limit) + (zh ? "" : " ") + std::string(zh ? Info(unit).zh : Info(unit).en);
}

std::string DateZh(CivilDate date) {
  return date.ToIso() + "（" + std::string(WeekdayNameZh(date.Weekday())) + "）";
}
std::string DateEn(CivilDate date) {
  return date.ToIso() + " (" + std::string(WeekdayNameEn(date.Weekday())) + ")";
}

CalendarDay Advance(CivilDate from, std::int64_t amount, TimeUnit unit, const WorkCalendar& calendar) {
  switch (unit) {
    case TimeUnit::kCalendarDays:
      return CalendarDay{from.AddDays(amount), false};
    case TimeUnit::kWorkingDays:
      return calendar.AddWorkingDays(from, static_cast<int>(amount));
    case TimeUnit::kMonths:
      return CalendarDay{from.AddMonthsClamped(static_cast<int>(amount)), false};
    case TimeUnit::kYears:
      return CalendarDay{from.AddYearsClamped(static_cast<int>(amount)), false};
    case TimeUnit::kHours:
      break;
  }
  return CalendarDay{from, false};
}

}  // namespace

UncertainYears UncertainYearsOf(const WorkCalendar& calendar, CivilDate from, CivilDate to) {
  UncertainYears years;
  for (int year = from.AddDays(1).year(); year <= to.year(); ++year) {
    if (calendar.IsYearLoaded(year)) continue;
    (calendar.IsYearStatutoryOnly(year) ? years.statutory_only : years.unloaded).push_back(year);
  }
  return years;
}

namespace {
std::string YearList(const std::vector<int>& years) {
  std::string list;
  for (int year : years) list += (list.empty() ? "" : ", ") + std::to_string(year);
  return list;
}
}  // namespace

std::string UncertaintyNoteZh(const UncertainYears& years) {
  std::string note;
  if (!years.statutory_only.empty()) {
    note += "注意：" + YearList(years.statutory_only) +
            " 年度的国务院放假通知尚未载入：已按《全国年节及纪念日放假办法》计入法定节假日，但调休上班日和补假日尚未确定，"
            "结果不确定，该年度通知载入后将重新计算。";
  }
  if (!years.unloaded.empty()) {
    note += "注意：期间涉及尚未载入放假安排的年份（" + YearList(years.unloaded) +
            "），已暂按周一至周五为工作日推定，结果不确定，须在该年度放假通知公布后复核。";
  }
  return note;
}

std::string UncertaintyNoteEn(const UncertainYears& years) {
  std::string note;
  if (!years.statutory_only.empty()) {
    note += "Warning: the State Council holiday notice for " + YearList(years.statutory_only) +
            " is not loaded; the statutory public holidays were applied, but make-up working days and substitute "
            "days off may change the result, so it is uncertain and will be recomputed when the notice is entered.";
  }
  if (!years.unloaded.empty()) {
    note += std::string(note.empty() ? "" : " ") + "Warning: the period reaches a year whose holiday notice is not loaded (" +
            YearList(years.unloaded) + "); Monday-Friday was assumed, so the result is uncertain and must be rechecked.";
  }
  return note;
}

std::string_view TimeUnitName(TimeUnit unit) {
  return Info(unit).name;
}

std::optional<TimeUnit> ParseTimeUnit(std::string_view name) {
  for (const auto& info : kUnits) {
    if (info.name == name) return info.unit;
  }
  return std::nullopt;
}

Result<TimeLimitCatalog> TimeLimitCatalog::Parse(std::string_view json_text) {
  auto value = ParseJsonText(json_text, "time_limits.json");
  if (!value) return value.error();
  auto root = AsObject(*value, "");
  if (!root) return root.error();
  const JsonFields fields(**root, "");
  if (auto ok = fields.OnlyKeys({"schema", "source", "counting", "units", "rules", "platform_settings"}); !ok) {
    return ok.error();
  }
  auto schema = fields.String("schema");
  if (!schema) return schema.error();
  if (*schema != kSchema) return FieldError("schema", "版本不受支持", "is not a supported version");

  TimeLimitCatalog catalog;
  for (const auto& [key, platform_setting] : {std::pair<std::string_view, bool>{"rules", false},
                                              std::pair<std::string_view, bool>{"platform_settings", true}}) {
    auto rules = fields.Array(key, kMaxRules);
    if (!rules) return rules.error();
    for (std::size_t i = 0; i < (*rules)->size(); ++i) {
      auto rule = ParseRule((**rules)[i], ElementPath(key, i), platform_setting);
      if (!rule) return rule.error();
      if (catalog.Find(rule->id) != nullptr) {
        return FieldError(ElementPath(key, i) + ".id", "重复：" + rule->id, "is a duplicate: " + rule->id);
      }
      catalog.rules_.push_back(std::move(rule).value());
    }
  }
  if (catalog.Find(kShouldHaveBeenTransferred) == nullptr) {
    return FieldError("platform_settings", "缺少 should_have_been_transferred 设置",
                      "lacks the should_have_been_transferred setting");
  }
  return catalog;
}

Result<TimeLimitCatalog> TimeLimitCatalog::WithOverrides(std::string_view overrides_json) const {
  auto value = ParseJsonText(overrides_json, "time-limit overrides");
  if (!value) return value.error();
  auto root = AsObject(*value, "");
  if (!root) return root.error();
  TimeLimitCatalog copy = *this;
  for (const auto& entry : **root) {
    const std::string id(entry.key());
    auto it =
        std::find_if(copy.rules_.begin(), copy.rules_.end(), [&](const TimeLimitRule& rule) { return rule.id == id; });
    if (it == copy.rules_.end())
      return FieldError(TruncateUtf8(id, kEchoedKeyBytes), "不是已知的期限规则", "is not a known time-limit rule");
    if (auto ok = ApplyOverride(*it, entry.value(), id); !ok) return ok.error();
  }
  return copy;
}

const TimeLimitRule* TimeLimitCatalog::Find(std::string_view id) const {
  for (const auto& rule : rules_) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

Result<Deadline> ComputeDeadline(const TimeLimitRule& rule, Instant trigger, const WorkCalendar& calendar,
                                 const DeadlineOptions& options) {
  if (rule.limit && options.supplied_limit) {
    return MakeError(ErrorCode::kValidationFailed, rule.id + " 的期限由规则确定，不能逐案指定",
                     rule.id + " has a fixed limit; a per-case limit is not accepted", "limit");
  }
  if (!rule.limit && !options.supplied_limit) {
    return MakeError(ErrorCode::kValidationFailed, rule.id + " 的期限须逐案指定（如责令支付文书载明的期限）",
                     rule.id + " needs the limit of this case (e.g. the period set in the order)", "limit");
  }
  const std::int64_t limit = rule.limit ? *rule.limit : *options.supplied_limit;
  if (auto ok = CheckLimit(limit, rule.unit, "limit"); !ok) return ok.error();
  if (options.extensions_applied < 0 || static_cast<std::size_t>(options.extensions_applied) > rule.extensions.size()) {
    return MakeError(
        ErrorCode::kValidationFailed, rule.id + " 只有 " + std::to_string(rule.extensions.size()) + " 项可延长",
        rule.id + " has " + std::to_string(rule.extensions.size()) + " extension(s)", "extensions_applied");
  }
  const auto applied = static_cast<std::size_t>(options.extensions_applied);

  Deadline deadline;
  deadline.rule_id = rule.id;
  const ShanghaiDateTime start = ToShanghai(trigger);
  deadline.start_date = start.date;
  const std::string head_zh = rule.id + "｜" + std::string(BodyNameZh(rule.actor)) + "：" + rule.action_zh +
                              "。依据：" + rule.citation + "〔" + std::string(SourceStatusName(rule.status)) + "〕。";
  const std::string head_en = rule.id + " | " + std::string(BodyNameEn(rule.actor)) + ": " + rule.action_en +
                              ". Basis: " + rule.citation + " [" + std::string(SourceStatusName(rule.status)) + "]. ";
  std::string extensions_zh;
  std::string extensions_en;
  for (std::size_t i = 0; i < applied; ++i) {
    extensions_zh += "，延长 " + Amount(rule.extensions[i].limit, rule.extensions[i].unit, true) + "（" +
                     rule.extensions[i].zh + "）";
    extensions_en += ", extended by " + Amount(rule.extensions[i].limit, rule.extensions[i].unit, false) + " (" +
                     rule.extensions[i].en + ")";
  }

  if (rule.unit == TimeUnit::kHours) {
    std::int64_t hours = limit;
    for (std::size_t i = 0; i < applied; ++i) hours += rule.extensions[i].limit;
    deadline.due_instant = trigger.AddSeconds(hours * 3600);
    deadline.due_date = ShanghaiDate(deadline.due_instant);
    deadline.explain_zh = head_zh + "自 " + trigger.ToIsoShanghai() + " 起 " + Amount(limit, rule.unit, true) +
                          extensions_zh + "，截止于 " + deadline.due_instant.ToIsoShanghai() + "（北京时间）。";
    deadline.explain_en = head_en + Amount(limit, rule.unit, false) + extensions_en + " from " +
                          trigger.ToIsoShanghai() + ", due " + deadline.due_instant.ToIsoShanghai() + ".";
    return deadline;
  }

  // Extensions in the period's own unit lengthen it as counted from the start ("至迟不得超过三个月" is
  // three months from acceptance, not two months and then one more from a clamped month end); an
  // extension in another unit runs on from the end of what precedes it (L21: one month, then 15 days).
  CalendarDay end{start.date, false};
  TimeUnit last_unit = rule.unit;
  std::int64_t pending = limit;
  const auto flush = [&] {
    const CalendarDay next = Advance(end.date, pending, last_unit, calendar);
    end = CalendarDay{next.date, end.uncertain || next.uncertain};
  };
  for (std::size_t i = 0; i < applied; ++i) {
    if (rule.extensions[i].unit == last_unit) {
      pending += rule.extensions[i].limit;
      continue;
    }
    flush();
    last_unit = rule.extensions[i].unit;
    pending = rule.extensions[i].limit;
  }
  flush();
  const CivilDate last_day = end.date;
  deadline.due_date = last_day;
  deadline.uncertain = end.uncertain;
  std::string roll_zh;
  std::string roll_en;
  if (rule.roll_over && RollOverApplies(last_unit)) {
    const CalendarDay rolled = calendar.NextWorkingDayOnOrAfter(last_day);
    deadline.uncertain = deadline.uncertain || rolled.uncertain;
    if (rolled.date != last_day) {
      deadline.rolled_over = true;
      deadline.due_date = rolled.date;
      const HolidayRange* holiday = calendar.HolidayOn(last_day);
      deadline.roll_over_status = rule.roll_over_status;
      const std::string status(SourceStatusName(rule.roll_over_status));
      const bool interpretation = rule.roll_over_status != SourceStatus::kConfirmed;
      roll_zh = "；该日为休息日（" + (holiday ? holiday->name_zh : std::string("周末")) +
                "），期满日顺延至其后第一个工作日 " + DateZh(rolled.date) + "（顺延依据：" + rule.roll_over_citation +
                "〔" + status + "〕" + (interpretation ? "，属解释而非法律明文，可在案件规则中调整" : "") + "）";
      roll_en = "; that day is a rest day (" + (holiday ? holiday->name_en : std::string("weekend")) +
                "), so the period rolls over to the next working day, " + DateEn(rolled.date) +
                " (roll-over basis: " + rule.roll_over_citation + " [" + status + "]" +
                (interpretation ? "; an interpretation, not the letter of the law, adjustable in the case rules" : "") +
                ")";
    }
  }
  deadline.due_instant = EndOfShanghaiDay(deadline.due_date);
  deadline.explain_zh = head_zh + "自 " + DateZh(start.date) + "起算，起算日不计入；期限 " +
                        Amount(limit, rule.unit, true) + extensions_zh + "，期间最后一日为 " + DateZh(last_day) +
                        roll_zh + "；截止于 " + deadline.due_date.ToIso() + " 24:00（北京时间）。";
  deadline.explain_en = head_en + "Counted from " + DateEn(start.date) + ", start day excluded; " +
                        Amount(limit, rule.unit, false) + extensions_en + "; the last day is " + DateEn(last_day) +
                        roll_en + "; due by 24:00 Shanghai time on " + deadline.due_date.ToIso() + ".";
  if (deadline.uncertain) {
    const UncertainYears years = UncertainYearsOf(calendar, start.date, deadline.due_date);
    deadline.explain_zh += UncertaintyNoteZh(years);
    deadline.explain_en += " " + UncertaintyNoteEn(years);
  }
  return deadline;
}

}  // namespace wagelink::domain
