#include "domain/risk_scoring.h"

#include <algorithm>
#include <limits>

#include "domain/json_fields.h"
#include "domain/money.h"
#include "domain/zh_dates.h"

namespace wagelink::domain {
namespace {

constexpr std::int64_t kMaxInt = std::numeric_limits<std::int64_t>::max();

bool IsDerived(std::string_view indicator) {
  return indicator == "in_seasonal_window" || indicator == "pay_due_passed" || indicator == "employer_blacklisted" ||
         indicator == kMonitoringWarningLevel;
}

bool IsKnownIndicator(std::string_view indicator) {
  if (IsDerived(indicator) || indicator == "workers_affected" || indicator == "amount_fen") return true;
  const auto& reported = ReportedRiskIndicators();
  return std::find(reported.begin(), reported.end(), indicator) != reported.end();
}

Result<std::pair<unsigned, unsigned>> MonthDay(const JsonFields& f, std::string_view key) {
  auto text = f.String(key);
  if (!text) return text.error();
  // Checked against a leap year so that 02-29 is allowed.
  auto date = CivilDate::ParseIso("2024-" + *text, f.PathOf(key));
  if (!date || text->size() != 5) return FieldError(f.PathOf(key), "应为 MM-DD", "must be MM-DD");
  return std::pair{date->month(), date->day()};
}

std::int64_t Observed(const RiskFacts& facts, std::string_view indicator, bool seasonal, bool pay_due_passed) {
  if (indicator == "workers_affected") return facts.workers_affected;
  if (indicator == "amount_fen") return facts.amount_fen;
  if (indicator == "in_seasonal_window") return seasonal ? 1 : 0;
  if (indicator == "pay_due_passed") return pay_due_passed ? 1 : 0;
  if (indicator == "employer_blacklisted") return facts.employer_blacklisted ? 1 : 0;
  auto it = facts.indicators.find(std::string(indicator));
  return it == facts.indicators.end() ? 0 : it->second;
}

}  // namespace

const std::vector<std::string_view>& ReportedRiskIndicators() {
  static const std::vector<std::string_view> kIndicators{
      "special_account_months_unpaid", "mass_incident_signal",     "extreme_incident_signal",
      "complaints_last_30_days",       "utilities_or_tax_arrears", "court_enforcement_pending",
      "employer_unreachable"};
  return kIndicators;
}

bool IsFlagIndicator(std::string_view indicator) {
  return indicator.ends_with("_signal") || indicator == "utilities_or_tax_arrears" ||
         indicator == "court_enforcement_pending" || indicator == "employer_unreachable";
}

bool SeasonalWindow::Contains(CivilDate date) const {
  const unsigned md = date.month() * 100 + date.day();
  const unsigned from = from_month * 100 + from_day;
  const unsigned to = to_month * 100 + to_day;
  return from <= to ? (md >= from && md <= to) : (md >= from || md <= to);
}

std::optional<std::size_t> RiskRuleSet::LevelIndex(std::string_view code) const {
  for (std::size_t i = 0; i < levels_.size(); ++i) {
    if (levels_[i].code == code) return i;
  }
  return std::nullopt;
}

Result<RiskRuleSet> RiskRuleSet::Parse(std::string_view json_text) {
  auto doc = ParseJsonText(json_text, "data/risk_rules.json");
  if (!doc) return doc.error();
  auto root_object = AsObject(*doc, "");
  if (!root_object) return root_object.error();
  JsonFields root(**root_object, "");
  if (auto ok = root.OnlyKeys({"_about", "status", "status_zh", "levels", "seasonal_window", "escalation", "rules"}); !ok) {
    return ok.error();
  }
  RiskRuleSet set;
  auto status = root.String("status");
  if (!status) return status.error();
  if (*status != "platform_default" && *status != "operator_set") {
    return FieldError("status", "应为 platform_default 或 operator_set", "must be platform_default or operator_set");
  }
  auto status_zh = root.String("status_zh");
  if (!status_zh) return status_zh.error();
  set.status_zh_ = *status_zh;

  auto levels = root.Array("levels", 8);
  if (!levels) return levels.error();
  if ((*levels)->size() < 2) return FieldError("levels", "至少需要两个等级", "at least two levels required");
  for (std::size_t i = 0; i < (*levels)->size(); ++i) {
    const std::string path = ElementPath("levels", i);
    auto object = AsObject((**levels)[i], path);
    if (!object) return object.error();
    JsonFields f(**object, path);
    if (auto ok = f.OnlyKeys({"code", "zh", "en", "colour", "min_score", "review_days", "seasonal_review_days"}); !ok) {
      return ok.error();
    }
    RiskLevel level;
    for (auto [key, out] : {std::pair{"code", &level.code}, std::pair{"zh", &level.zh}, std::pair{"en", &level.en},
                            std::pair{"colour", &level.colour}}) {
      auto value = f.String(key);
      if (!value) return value.error();
      *out = *value;
    }
    auto min_score = f.Integer("min_score", 0, 1000000);
    auto review = f.Integer("review_days", 1, 366);
    auto seasonal = f.Integer("seasonal_review_days", 1, 366);
    if (!min_score) return min_score.error();
    if (!review) return review.error();
    if (!seasonal) return seasonal.error();
    level.min_score = *min_score;
    level.review_days = *review;
    level.seasonal_review_days = *seasonal;
    if (i == 0 && level.min_score != 0) return FieldError(f.PathOf("min_score"), "最低等级应为 0", "the lowest level must start at 0");
    if (i > 0 && level.min_score <= set.levels_.back().min_score) {
      return FieldError(f.PathOf("min_score"), "应严格递增", "must increase strictly");
    }
    set.levels_.push_back(std::move(level));
  }

  auto window = root.Object("seasonal_window");
  if (!window) return window.error();
  JsonFields w(**window, "seasonal_window");
  if (auto ok = w.OnlyKeys({"from", "to", "zh", "en", "basis"}); !ok) return ok.error();
  auto from = MonthDay(w, "from");
  if (!from) return from.error();
  auto to = MonthDay(w, "to");
  if (!to) return to.error();
  set.window_.from_month = from->first;
  set.window_.from_day = from->second;
  set.window_.to_month = to->first;
  set.window_.to_day = to->second;
  for (auto [key, out] : {std::pair{"zh", &set.window_.zh}, std::pair{"en", &set.window_.en},
                          std::pair{"basis", &set.window_.basis}}) {
    auto value = w.String(key);
    if (!value) return value.error();
    *out = *value;
  }

  auto escalation = root.Object("escalation");
  if (!escalation) return escalation.error();
  JsonFields e(**escalation, "escalation");
  if (auto ok = e.OnlyKeys({"wage_office_from_level", "leadership_from_level"}); !ok) return ok.error();
  for (auto [key, out] : {std::pair{"wage_office_from_level", &set.wage_office_from_},
                          std::pair{"leadership_from_level", &set.leadership_from_}}) {
    auto code = e.String(key);
    if (!code) return code.error();
    auto index = set.LevelIndex(*code);
    if (!index) return FieldError(e.PathOf(key), "不是已定义的等级", "is not a defined level");
    *out = *index;
  }

  auto rules = root.Array("rules", 200);
  if (!rules) return rules.error();
  for (std::size_t i = 0; i < (*rules)->size(); ++i) {
    const std::string path = ElementPath("rules", i);
    auto object = AsObject((**rules)[i], path);
    if (!object) return object.error();
    JsonFields f(**object, path);
    if (auto ok = f.OnlyKeys({"id", "indicator", "at_least", "points", "floor_level", "leadership", "zh", "en", "basis"}); !ok) {
      return ok.error();
    }
    RiskRule rule;
    for (auto [key, out] : {std::pair{"id", &rule.id}, std::pair{"indicator", &rule.indicator}, std::pair{"zh", &rule.zh},
                            std::pair{"en", &rule.en}, std::pair{"basis", &rule.basis}}) {
      auto value = f.String(key);
      if (!value) return value.error();
      *out = *value;
    }
    if (!IsKnownIndicator(rule.indicator)) return FieldError(f.PathOf("indicator"), "未知指标", "unknown indicator");
    for (const auto& other : set.rules_) {
      if (other.id == rule.id) return FieldError(f.PathOf("id"), "规则编号重复", "duplicate rule id");
    }
    auto at_least = f.Integer("at_least", 1, kMaxInt);
    auto points = f.Integer("points", 0, 1000);
    auto leadership = f.OptionalBool("leadership");
    auto floor = f.OptionalString("floor_level");
    if (!at_least) return at_least.error();
    if (!points) return points.error();
    if (!leadership) return leadership.error();
    if (!floor) return floor.error();
    rule.at_least = *at_least;
    rule.points = *points;
    rule.leadership = leadership->value_or(false);
    if (*floor) {
      rule.floor_level = set.LevelIndex(**floor);
      if (!rule.floor_level) return FieldError(f.PathOf("floor_level"), "不是已定义的等级", "is not a defined level");
    }
    set.rules_.push_back(std::move(rule));
  }
  return set;
}

RiskAssessment ScoreRisk(const RiskRuleSet& rules, const RiskFacts& facts, Instant as_of) {
  RiskAssessment result;
  result.as_of = as_of;
  const CivilDate today = ToShanghai(as_of).date;
  result.in_seasonal_window = rules.seasonal_window().Contains(today);
  const bool pay_due_passed = std::any_of(facts.pay_due_dates.begin(), facts.pay_due_dates.end(),
                                          [&](const CivilDate& d) { return d < today; });
  std::size_t floor = 0;
  for (const auto& rule : rules.rules()) {
    const std::int64_t observed = Observed(facts, rule.indicator, result.in_seasonal_window, pay_due_passed);
    if (observed < rule.at_least) continue;
    FiredRiskRule fired{rule.id, rule.indicator, rule.zh, rule.en, rule.basis, observed, rule.at_least, rule.points,
                        std::nullopt, rule.leadership};
    if (rule.floor_level) {
      fired.floor_level = rules.levels()[*rule.floor_level].code;
      floor = std::max(floor, *rule.floor_level);
    }
    result.score += rule.points;
    result.notify_leadership = result.notify_leadership || rule.leadership;
    result.fired.push_back(std::move(fired));
  }
  std::size_t by_score = 0;
  for (std::size_t i = 0; i < rules.levels().size(); ++i) {
    if (result.score >= rules.levels()[i].min_score) by_score = i;
  }
  result.level = std::max(by_score, floor);
  const RiskLevel& level = rules.levels()[result.level];
  result.level_code = level.code;
  result.review_days = result.in_seasonal_window ? level.seasonal_review_days : level.review_days;
  result.next_review_date = today.AddDays(result.review_days);
  result.notify_wage_office = result.level >= rules.wage_office_from();
  result.notify_leadership = result.notify_leadership || result.level >= rules.leadership_from();
  return result;
}

namespace {

// What was observed against the rule's threshold, in the words of the report: amounts in 元, people,
// months and complaints counted; a yes/no signal needs no figure.
std::string ObservedZh(const FiredRiskRule& f) {
  const auto pair = [&](const std::string& observed, const std::string& at_least) {
    return "，实际" + observed + "，达到" + at_least;
  };
  const auto yuan = [](std::int64_t fen) { return " " + Fen::FromFen(fen).ToYuanGrouped() + " 元"; };
  const auto count = [](std::int64_t n, const char* unit) { return " " + std::to_string(n) + " " + unit; };
  if (f.indicator == "amount_fen") return pair(yuan(f.observed), yuan(f.at_least));
  if (f.indicator == "workers_affected") return pair(count(f.observed, "人"), count(f.at_least, "人"));
  if (f.indicator == "special_account_months_unpaid") {
    return pair(count(f.observed, "个月"), count(f.at_least, "个月"));
  }
  if (f.indicator == "complaints_last_30_days") return pair(count(f.observed, "件"), count(f.at_least, "件"));
  return "";
}

}  // namespace

RiskReport BuildRiskReport(const RiskRuleSet& rules, const RiskReportInput& input, const RiskAssessment& assessment) {
  const RiskLevel& level = rules.levels()[assessment.level];
  const std::string amount = Fen::FromFen(input.amount_fen).ToYuanGrouped();
  RiskReport report;
  // Written for people: dates and times the Chinese way, amounts in 元, rules by their names.
  report.date = ZhDate(ToShanghai(assessment.as_of).date);
  report.addressee = "区委、区政府";
  report.title = "关于" + input.employer_name + (input.project_name.empty() ? "" : "（" + input.project_name + "）") +
                 "存在" + level.zh + "欠薪风险的报告（" + input.risk_no + "）";
  std::string situation = input.employer_name;
  if (!input.employer_credit_code.empty()) situation += "（统一社会信用代码 " + input.employer_credit_code + "）";
  if (!input.project_name.empty()) situation += "承建的" + input.project_name;
  if (!input.general_contractor_name.empty()) situation += "（总承包单位：" + input.general_contractor_name + "）";
  const std::string workers = std::to_string(input.workers_affected);
  situation += input.workers_pending ? "，涉及农民工人数尚未核定" : "，涉及农民工 " + workers + " 人";
  situation += input.amount_pending ? "，涉及金额尚未核定（由工程项目监测数据生成）。" : "，涉及金额 " + amount + " 元。";
  if (!input.pay_due_dates.empty()) {
    situation += "约定工资支付日：";
    for (std::size_t i = 0; i < input.pay_due_dates.size(); ++i) {
      situation += (i ? "、" : "") + ZhDate(input.pay_due_dates[i]);
    }
    situation += "。";
  }
  situation += "风险来源：" + input.source_zh + "。";
  if (!input.description.empty()) situation += input.description;
  report.sections.push_back({"一、基本情况", situation});

  std::string assessment_text = "截至" + ZhMinute(assessment.as_of) + "，按平台风险规则评分 " +
                                std::to_string(assessment.score) + " 分，评定为" + level.zh + "风险。触发规则：";
  for (std::size_t i = 0; i < assessment.fired.size(); ++i) {
    const auto& f = assessment.fired[i];
    assessment_text += (i ? "；" : "") + f.zh + "（依据：" + f.basis + ObservedZh(f) + "）";
  }
  assessment_text += "。阈值说明：" + rules.status_zh() + "。";
  if (assessment.in_seasonal_window) assessment_text += "当前处于" + rules.seasonal_window().zh + "。";
  report.sections.push_back({"二、风险研判", assessment_text});
  report.sections.push_back({"三、已采取的措施", input.measures.empty() ? "（尚未填报）" : input.measures});
  report.sections.push_back({"四、责任单位与下一步工作",
                             "责任单位：" + input.owner_body_zh + "。复核周期 " + std::to_string(assessment.review_days) +
                                 " 日，下次复核日期 " + ZhDate(assessment.next_review_date) +
                                 "。建议由区治欠办召集联席会议专题研究，落实属地责任和清偿措施。"});
  report.figures = {{"风险等级", level.zh},
                    {"评分", std::to_string(assessment.score)},
                    {"涉及人数", input.workers_pending ? "尚未核定" : workers},
                    {"涉及金额", input.amount_pending ? "尚未核定" : amount + " 元"},
                    {"研判时间", ZhMinute(assessment.as_of)}};
  return report;
}

}  // namespace wagelink::domain
