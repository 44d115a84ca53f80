#include "domain/project_warnings.h"

#include <algorithm>
#include <array>
#include <chrono>

#include "domain/json_fields.h"
#include "domain/legal_source.h"
#include "domain/zh_dates.h"

namespace wagelink::domain {
namespace {

constexpr std::array<std::pair<WageDeposit, std::string_view>, 5> kDepositCodes{{
    {WageDeposit::kNone, "none"},
    {WageDeposit::kCash, "cash"},
    {WageDeposit::kBankGuarantee, "bank_guarantee"},
    {WageDeposit::kInsurance, "insurance"},
    {WageDeposit::kExempt, "exempt"},
}};

// Months as one number, so "the month before" is arithmetic: year * 12 + (month - 1).
std::int64_t MonthIndex(int year, unsigned month) { return std::int64_t{year} * 12 + (month - 1); }
std::int64_t MonthIndex(const ProjectMonth& m) { return MonthIndex(m.year, m.month); }

CivilDate LastDayOfMonth(int year, unsigned month) {
  using namespace std::chrono;
  return CivilDate::FromSysDays(sys_days(std::chrono::year(year) / std::chrono::month(month) / last));
}

std::string MonthZh(const ProjectMonth& m) { return std::to_string(m.year) + "年" + std::to_string(m.month) + "月"; }

std::string Count(std::size_t n) { return std::to_string(n); }
std::string Count(std::int64_t n) { return std::to_string(n); }

Result<WarningGrade> ParseGrade(const ProjectWarningRuleSet& set, const boost::json::value& value, const std::string& path) {
  auto object = AsObject(value, path);
  if (!object) return object.error();
  JsonFields g(**object, path);
  if (auto ok = g.OnlyKeys({"level", "at_least"}); !ok) return ok.error();
  auto level = g.String("level");
  auto at_least = g.Integer("at_least", 1, 100'000);
  if (!level) return level.error();
  if (!at_least) return at_least.error();
  auto index = set.LevelIndex(*level);
  if (!index) return FieldError(g.PathOf("level"), "不是已定义的预警等级", "is not a defined warning level");
  return WarningGrade{*index, *at_least};
}

Status CheckGradesAscend(const std::vector<WarningGrade>& grades, const std::string& path) {
  if (grades.empty()) return FieldError(path, "至少需要一个等级", "needs at least one grade");
  for (std::size_t i = 1; i < grades.size(); ++i) {
    if (grades[i].at_least <= grades[i - 1].at_least || grades[i].level <= grades[i - 1].level) {
      return FieldError(path, "各等级的阈值和等级须依次升高", "grades must ascend in threshold and level");
    }
  }
  return Ok{};
}

// The grade `measured` reaches, if any.
void Grade(const ProjectWarningRule& rule, RuleObservation& observation) {
  for (const auto& grade : rule.grades) {
    if (observation.measured >= grade.at_least) {
      observation.level = grade.level;
      observation.at_least = grade.at_least;
    }
  }
}

// The months that have fallen due, newest first.
struct DueMonths {
  std::vector<const ProjectMonth*> labour_cost;  // worked, and the month is over
  std::vector<const ProjectMonth*> wages;        // worked, and the wage deadline has passed
};

DueMonths MonthsDue(const ProjectRecord& project, const std::vector<ProjectMonth>& months, CivilDate today,
                    const WorkCalendar& calendar) {
  DueMonths due;
  for (const auto& m : months) {
    if (m.attendance_days.empty()) continue;
    if (LastDayOfMonth(m.year, m.month) < today) due.labour_cost.push_back(&m);
    if (WageDeadline(m.year, m.month, project.pay_day, calendar) < today) due.wages.push_back(&m);
  }
  const auto newest_first = [](const ProjectMonth* a, const ProjectMonth* b) { return MonthIndex(*a) > MonthIndex(*b); };
  std::sort(due.labour_cost.begin(), due.labour_cost.end(), newest_first);
  std::sort(due.wages.begin(), due.wages.end(), newest_first);
  return due;
}

RuleObservation DaysWithoutSpecialAccount(const ProjectRecord& project, CivilDate today) {
  RuleObservation o;
  if (project.special_account_opened_on && *project.special_account_opened_on <= today) {
    o.evidence.push_back({"", "专用账户已于" + ZhDate(*project.special_account_opened_on) + "开设",
                          "special account opened on " + project.special_account_opened_on->ToIso(), {}});
    return o;
  }
  o.measured = std::max<std::int64_t>(0, today.DaysSinceEpoch() - project.contract_signed_on.DaysSinceEpoch());
  o.evidence.push_back({"", "施工合同于" + ZhDate(project.contract_signed_on) + "签订，至今" + std::to_string(o.measured) +
                                "日未登记专用账户",
                        "contract signed on " + project.contract_signed_on.ToIso() + ", no special account for " +
                            std::to_string(o.measured) + " days",
                        {}});
  return o;
}

RuleObservation MonthsLabourCostNotDeposited(const DueMonths& due) {
  RuleObservation o;
  std::optional<std::int64_t> previous;
  for (const ProjectMonth* m : due.labour_cost) {
    if (previous && MonthIndex(*m) != *previous - 1) break;  // a month without work ends the run
    previous = MonthIndex(*m);
    const std::string key = MonthKey(m->year, m->month);
    if (m->labour_cost_deposited_fen > 0) {
      o.evidence.push_back({key, MonthZh(*m) + "人工费用已拨付至专用账户" + Fen::FromFen(m->labour_cost_deposited_fen).ToYuanGrouped() + "元",
                            key + ": labour cost of " + Fen::FromFen(m->labour_cost_deposited_fen).ToYuanPlain() +
                                " yuan paid into the special account",
                            {}});
      break;
    }
    ++o.measured;
    o.evidence.push_back({key, MonthZh(*m) + "有" + Count(m->attendance_days.size()) + "人出勤，专用账户无人工费用拨付记录",
                          key + ": " + Count(m->attendance_days.size()) + " workers attended, no labour cost paid into the special account",
                          {}});
  }
  return o;
}

RuleObservation MonthsWagesNotPaidThroughAccount(const DueMonths& due, const ProjectRecord& project,
                                                 const WorkCalendar& calendar) {
  RuleObservation o;
  for (const ProjectMonth* m : due.wages) {
    const std::string key = MonthKey(m->year, m->month);
    const CivilDate deadline = WageDeadline(m->year, m->month, project.pay_day, calendar);
    const auto through_account = std::count_if(m->pay.begin(), m->pay.end(),
                                               [](const auto& entry) { return entry.second.through_special_account; });
    if (through_account > 0) continue;
    ++o.measured;
    o.evidence.push_back({key, MonthZh(*m) + "工资应于" + ZhDate(deadline) + "前通过专用账户代发，至今无代发记录（出勤" +
                                   Count(m->attendance_days.size()) + "人）",
                          key + ": wages due through the special account by " + deadline.ToIso() + ", none paid (" +
                              Count(m->attendance_days.size()) + " workers attended)",
                          {}});
  }
  if (o.measured == 0 && !due.wages.empty()) {
    const ProjectMonth& m = *due.wages.front();
    o.evidence.push_back({MonthKey(m.year, m.month), MonthZh(m) + "工资已通过专用账户代发",
                          MonthKey(m.year, m.month) + ": wages paid through the special account", {}});
  }
  return o;
}

std::vector<std::string> UnpaidWorkers(const ProjectMonth& m) {
  std::vector<std::string> unpaid;
  for (const auto& [worker, days] : m.attendance_days) {
    if (!m.pay.contains(worker)) unpaid.push_back(worker);
  }
  return unpaid;
}

RuleObservation UnpaidSharePercent(const DueMonths& due) {
  RuleObservation o;
  if (due.wages.empty()) return o;
  const ProjectMonth& m = *due.wages.front();
  const auto unpaid = UnpaidWorkers(m);
  const auto attending = static_cast<std::int64_t>(m.attendance_days.size());
  const auto unpaid_count = static_cast<std::int64_t>(unpaid.size());
  o.measured = (unpaid_count * 100 + attending - 1) / attending;  // rounded up: any unpaid worker counts
  const std::string key = MonthKey(m.year, m.month);
  o.evidence.push_back({key,
                        MonthZh(m) + "实名制考勤" + Count(attending) + "人，有工资发放记录" + Count(attending - unpaid_count) + "人，未发放" +
                            Count(unpaid_count) + "人",
                        key + ": " + Count(attending) + " workers on the attendance roster, " + Count(attending - unpaid_count) +
                            " with a pay record, " + Count(unpaid_count) + " without",
                        unpaid});
  return o;
}

RuleObservation WorkerConsecutiveUnpaidMonths(const DueMonths& due, const ProjectWarningRule& rule) {
  RuleObservation o;
  if (due.wages.empty()) return o;
  std::map<std::string, std::int64_t> streaks;
  for (const auto& worker : UnpaidWorkers(*due.wages.front())) {
    std::int64_t streak = 0;
    std::optional<std::int64_t> previous;
    for (const ProjectMonth* m : due.wages) {
      if (previous && MonthIndex(*m) != *previous - 1) break;
      previous = MonthIndex(*m);
      if (!m->attendance_days.contains(worker) || m->pay.contains(worker)) break;
      ++streak;
    }
    streaks[worker] = streak;
    o.measured = std::max(o.measured, streak);
  }
  const std::int64_t shown_from = rule.grades.front().at_least;
  std::vector<std::string> workers;
  for (const auto& [worker, streak] : streaks) {
    if (streak >= shown_from) workers.push_back(worker);
  }
  const ProjectMonth& latest = *due.wages.front();
  const std::string key = MonthKey(latest.year, latest.month);
  o.evidence.push_back({key,
                        "截至" + MonthZh(latest) + "，连续出勤而未发放工资最长" + std::to_string(o.measured) + "个月，达到" +
                            std::to_string(shown_from) + "个月的" + Count(workers.size()) + "人",
                        "up to " + key + ": longest run of months attended and unpaid " + std::to_string(o.measured) + ", " +
                            Count(workers.size()) + " workers at " + std::to_string(shown_from) + " months or more",
                        workers});
  return o;
}

RuleObservation NoWageDeposit(const ProjectRecord& project) {
  RuleObservation o;
  o.measured = project.wage_deposit == WageDeposit::kNone ? 1 : 0;
  static const std::map<WageDeposit, std::pair<std::string, std::string>> kWords{
      {WageDeposit::kNone, {"未存储工资保证金，也未提交保函或保险", "no deposit, bank guarantee or insurance"}},
      {WageDeposit::kCash, {"已存储工资保证金", "wage deposit held"}},
      {WageDeposit::kBankGuarantee, {"已以银行保函替代工资保证金", "bank guarantee in place of the deposit"}},
      {WageDeposit::kInsurance, {"已以工程保证保险替代工资保证金", "guarantee insurance in place of the deposit"}},
      {WageDeposit::kExempt, {"依规定免于存储工资保证金", "exempt from the deposit"}},
  };
  const auto& words = kWords.at(project.wage_deposit);
  o.evidence.push_back({"", words.first, words.second, {}});
  return o;
}

RuleObservation NoNoticeBoard(const ProjectRecord& project) {
  RuleObservation o;
  o.measured = project.notice_board_up ? 0 : 1;
  o.evidence.push_back({"", project.notice_board_up ? "维权信息告示牌已设立" : "未登记维权信息告示牌",
                        project.notice_board_up ? "notice board up" : "no notice board recorded", {}});
  return o;
}

}  // namespace

const std::vector<std::string_view>& ProjectWarningMeasures() {
  static const std::vector<std::string_view> kMeasures{
      "days_without_special_account", "months_labour_cost_not_deposited", "months_wages_not_paid_through_account",
      "unpaid_share_percent",         "worker_consecutive_unpaid_months", "no_wage_deposit",
      "no_notice_board"};
  return kMeasures;
}

std::optional<std::size_t> ProjectWarningRuleSet::LevelIndex(std::string_view code) const {
  for (std::size_t i = 0; i < levels_.size(); ++i) {
    if (levels_[i].code == code) return i;
  }
  return std::nullopt;
}

const ProjectWarningRule* ProjectWarningRuleSet::Rule(std::string_view id) const {
  for (const auto& rule : rules_) {
    if (rule.id == id) return &rule;
  }
  return nullptr;
}

Result<ProjectWarningRuleSet> ProjectWarningRuleSet::Parse(std::string_view json_text) {
  constexpr std::string_view kFile = "data/project_warning_rules.json";
  auto parsed = ParseJsonText(json_text, kFile);
  if (!parsed) return parsed.error();
  auto root_object = AsObject(*parsed, "");
  if (!root_object) return root_object.error();
  JsonFields root(**root_object, "");
  if (auto ok = root.OnlyKeys({"_about", "levels", "rules"}); !ok) return ok.error();
  ProjectWarningRuleSet set;

  auto levels = root.Array("levels", 10);
  if (!levels) return levels.error();
  for (std::size_t i = 0; i < (*levels)->size(); ++i) {
    const std::string path = ElementPath("levels", i);
    auto object = AsObject((**levels)[i], path);
    if (!object) return object.error();
    JsonFields f(**object, path);
    if (auto ok = f.OnlyKeys({"code", "zh", "en"}); !ok) return ok.error();
    WarningLevel level;
    for (auto [key, out] : {std::pair{"code", &level.code}, std::pair{"zh", &level.zh}, std::pair{"en", &level.en}}) {
      auto value = f.String(key);
      if (!value) return value.error();
      *out = *value;
    }
    if (set.LevelIndex(level.code)) return FieldError(f.PathOf("code"), "等级重复", "duplicate level");
    set.levels_.push_back(std::move(level));
  }
  if (set.levels_.empty()) return FieldError("levels", "至少需要一个预警等级", "needs at least one level");

  auto rules = root.Array("rules", 100);
  if (!rules) return rules.error();
  for (std::size_t i = 0; i < (*rules)->size(); ++i) {
    const std::string path = ElementPath("rules", i);
    auto object = AsObject((**rules)[i], path);
    if (!object) return object.error();
    JsonFields f(**object, path);
    if (auto ok = f.OnlyKeys({"id", "measure", "zh", "en", "basis", "basis_en", "status", "threshold_status", "threshold_basis",
                                 "threshold_basis_en", "grades"}); !ok) {
      return ok.error();
    }
    ProjectWarningRule rule;
    for (auto [key, out] : {std::pair{"id", &rule.id}, std::pair{"measure", &rule.measure}, std::pair{"zh", &rule.zh},
                            std::pair{"en", &rule.en}, std::pair{"basis", &rule.basis}, std::pair{"status", &rule.status},
                            std::pair{"basis_en", &rule.basis_en}, std::pair{"threshold_basis", &rule.threshold_basis},
                            std::pair{"threshold_basis_en", &rule.threshold_basis_en},
                            std::pair{"threshold_status", &rule.threshold_status}}) {
      auto value = f.String(key);
      if (!value) return value.error();
      *out = *value;
    }
    const auto& measures = ProjectWarningMeasures();
    if (std::find(measures.begin(), measures.end(), rule.measure) == measures.end()) {
      return FieldError(f.PathOf("measure"), "未知的监测指标", "unknown measure");
    }
    if (set.Rule(rule.id)) return FieldError(f.PathOf("id"), "规则编号重复", "duplicate rule id");
    static const std::vector<std::string_view> kStatuses{"CONFIRMED", "SECONDARY", "LOCAL", "UNCONFIRMED"};
    if (std::find(kStatuses.begin(), kStatuses.end(), rule.status) == kStatuses.end()) {
      return FieldError(f.PathOf("status"), "须为 CONFIRMED、SECONDARY、LOCAL 或 UNCONFIRMED",
                        "must be CONFIRMED, SECONDARY, LOCAL or UNCONFIRMED");
    }
    if (!ParseSourceStatus(rule.threshold_status)) {
      return FieldError(f.PathOf("threshold_status"), "须为 CONFIRMED、SECONDARY、LOCAL、UNCONFIRMED 或 PLATFORM_SETTING",
                        "must be CONFIRMED, SECONDARY, LOCAL, UNCONFIRMED or PLATFORM_SETTING");
    }
    auto grades = f.Array("grades", 10);
    if (!grades) return grades.error();
    for (std::size_t g = 0; g < (*grades)->size(); ++g) {
      auto grade = ParseGrade(set, (**grades)[g], ElementPath(f.PathOf("grades"), g));
      if (!grade) return grade.error();
      rule.grades.push_back(*grade);
    }
    if (auto ok = CheckGradesAscend(rule.grades, f.PathOf("grades")); !ok) return ok.error();
    set.rules_.push_back(std::move(rule));
  }
  return set;
}

Result<ProjectWarningRuleSet> ProjectWarningRuleSet::WithThresholds(
    const std::map<std::string, std::vector<std::int64_t>>& thresholds) const {
  ProjectWarningRuleSet set = *this;
  for (const auto& [rule_id, values] : thresholds) {
    const std::string& id = rule_id;  // a structured binding cannot be captured by a lambda before C++20 in clang
    auto rule = std::find_if(set.rules_.begin(), set.rules_.end(), [&](const auto& r) { return r.id == id; });
    const std::string path = "thresholds." + id;
    if (rule == set.rules_.end()) return FieldError(path, "没有这条预警规则", "no such warning rule");
    if (values.size() != rule->grades.size()) {
      return FieldError(path, "阈值个数须与等级个数相同（" + std::to_string(rule->grades.size()) + "个）",
                        "needs one threshold per grade (" + std::to_string(rule->grades.size()) + ")");
    }
    for (std::size_t i = 0; i < values.size(); ++i) {
      if (values[i] < 1 || values[i] > 100'000) return FieldError(path, "阈值须在1至100000之间", "must be 1 to 100000");
      rule->grades[i].at_least = values[i];
    }
    if (auto ok = CheckGradesAscend(rule->grades, path); !ok) return ok.error();
  }
  return set;
}

std::optional<WageDeposit> WageDepositFromCode(std::string_view code) {
  for (const auto& [deposit, name] : kDepositCodes) {
    if (name == code) return deposit;
  }
  return std::nullopt;
}

std::string_view WageDepositCode(WageDeposit deposit) {
  for (const auto& [value, name] : kDepositCodes) {
    if (value == deposit) return name;
  }
  return "none";
}

std::string MonthKey(int year, unsigned month) {
  std::string text = std::to_string(year) + "-";
  if (month < 10) text += "0";
  return text + std::to_string(month);
}

CivilDate WageDeadline(int year, unsigned month, std::optional<unsigned> pay_day, const WorkCalendar& calendar) {
  const int next_year = month == 12 ? year + 1 : year;
  const unsigned next_month = month == 12 ? 1 : month + 1;
  const CivilDate last = LastDayOfMonth(next_year, next_month);
  CivilDate deadline = pay_day && *pay_day >= 1 && *pay_day < last.day() ? CivilDate::FromYmd(next_year, next_month, *pay_day).value() : last;
  // §14: a pay day on a holiday or rest day is paid before it. An unknown day (no calendar loaded
  // for the year) is taken as a working day unless it is a weekend.
  for (int guard = 0; guard < 31; ++guard) {
    const DayStatus status = calendar.IsWorkingDay(deadline);
    const bool rest = status == DayStatus::kRest || (status == DayStatus::kUnknown && deadline.IsWeekend());
    if (!rest) break;
    deadline = deadline.AddDays(-1);
  }
  return deadline;
}

std::vector<RuleObservation> EvaluateProject(const ProjectWarningRuleSet& rules, const ProjectRecord& project,
                                             const std::vector<ProjectMonth>& months, CivilDate today,
                                             const WorkCalendar& calendar) {
  const DueMonths due = MonthsDue(project, months, today, calendar);
  std::vector<RuleObservation> observations;
  for (const auto& rule : rules.rules()) {
    RuleObservation o;
    if (rule.measure == "days_without_special_account") o = DaysWithoutSpecialAccount(project, today);
    else if (rule.measure == "months_labour_cost_not_deposited") o = MonthsLabourCostNotDeposited(due);
    else if (rule.measure == "months_wages_not_paid_through_account") o = MonthsWagesNotPaidThroughAccount(due, project, calendar);
    else if (rule.measure == "unpaid_share_percent") o = UnpaidSharePercent(due);
    else if (rule.measure == "worker_consecutive_unpaid_months") o = WorkerConsecutiveUnpaidMonths(due, rule);
    else if (rule.measure == "no_wage_deposit") o = NoWageDeposit(project);
    else if (rule.measure == "no_notice_board") o = NoNoticeBoard(project);
    o.rule_id = rule.id;
    Grade(rule, o);
    observations.push_back(std::move(o));
  }
  return observations;
}

}  // namespace wagelink::domain
