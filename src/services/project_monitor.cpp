// Measuring a project against its warning rules and keeping its warnings and risk item in step
// (project_service.h).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "core/log_event.h"
#include "services/admin_service.h"
#include "services/project_service.h"
#include "store/risk_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;

constexpr std::size_t kNamesShown = 50;

std::pair<std::string, std::string> UnitOf(std::string_view measure) {
  if (measure == "days_without_special_account") return {"日", " days"};
  if (measure == "unpaid_share_percent") return {"%", "%"};
  if (measure.starts_with("months_") || measure == "worker_consecutive_unpaid_months") return {"个月", " months"};
  return {"", ""};  // a yes-no finding
}

// The rows behind an observation, workers by their masked names (never the index that keys them).
std::string EvidenceJson(const std::vector<domain::WarningEvidence>& evidence,
                         const std::map<std::string, std::string>& masked_names) {
  boost::json::array out;
  for (const auto& e : evidence) {
    boost::json::array names;
    for (const auto& key : e.worker_keys) {
      if (names.size() == kNamesShown) break;
      auto it = masked_names.find(key);
      names.push_back(boost::json::value(it == masked_names.end() ? "*" : it->second));
    }
    out.push_back({{"month", e.month}, {"zh", e.zh}, {"en", e.en}, {"workers", names},
                   {"workers_total", e.worker_keys.size()}});
  }
  return boost::json::serialize(out);
}

std::string FirstEvidenceZh(const std::vector<domain::WarningEvidence>& evidence) {
  return evidence.empty() ? std::string() : evidence.front().zh;
}

domain::ProjectRecord RecordOf(const store::ProjectRow& p) {
  domain::ProjectRecord record;
  record.contract_signed_on = domain::CivilDate::ParseIso(p.contract_signed_on).value();
  if (p.special_account_opened_on) {
    record.special_account_opened_on = domain::CivilDate::ParseIso(*p.special_account_opened_on).value();
  }
  record.wage_deposit = domain::WageDepositFromCode(p.wage_deposit).value_or(domain::WageDeposit::kNone);
  record.notice_board_up = p.notice_board_up;
  if (p.pay_day) record.pay_day = static_cast<unsigned>(*p.pay_day);
  return record;
}

// The project's current feeds as months, and each worker's masked name.
struct FedMonths {
  std::vector<domain::ProjectMonth> months;
  std::map<std::string, std::string> masked_names;
  std::int64_t latest_attending = 0;
};

FedMonths MonthsOf(const std::vector<store::ProjectFeedRow>& rows) {
  std::map<std::string, domain::ProjectMonth> by_month;
  FedMonths fed;
  for (const auto& fr : rows) {
    domain::ProjectMonth& m = by_month[fr.month];
    if (m.year == 0) {
      auto first = domain::CivilDate::ParseIso(fr.month + "-01").value();
      m.year = first.year();
      m.month = first.month();
    }
    const store::FeedRow& r = fr.row;
    if (!r.worker_key.empty()) fed.masked_names[r.worker_key] = r.worker_name_masked;
    if (fr.kind == "attendance") {
      m.attendance_days[r.worker_key] = r.days;
    } else if (fr.kind == "payroll") {
      m.pay[r.worker_key] = {r.amount_fen, domain::CivilDate::ParseIso(r.on_date.value_or("")).value(),
                             r.through_special_account};
    } else if (r.purpose == "labour_cost") {
      m.labour_cost_deposited_fen += r.amount_fen;
    }
  }
  for (auto& [month, m] : by_month) {
    if (!m.attendance_days.empty()) fed.latest_attending = static_cast<std::int64_t>(m.attendance_days.size());
    fed.months.push_back(std::move(m));
  }
  return fed;
}

}  // namespace

ProjectService::Changes ProjectService::Measure(store::Connection& c, const Principal& who,
                                                const store::ProjectRow& project) {
  store::ProjectRepository projects(c);
  const UnixSeconds now_s = clock_.Now();
  const std::string now = FormatUtc(now_s);
  const domain::CivilDate today = domain::ShanghaiDate(domain::Instant::FromUnixSeconds(now_s));
  const FedMonths fed = MonthsOf(projects.CurrentRows(project.id));
  const auto calendar = case_rules_.Current(c)->calendar;
  const auto district = District(c);  // the district's thresholds over the shipped grades
  const auto observations = domain::EvaluateProject(*district->rules, RecordOf(project), fed.months, today, *calendar);

  std::map<std::string, store::ProjectWarningRow> open;
  for (auto& w : projects.OpenWarnings(project.id)) open.emplace(w.rule_id, std::move(w));
  Changes changes;
  std::vector<std::string> notes;
  std::int64_t highest_level = 0;  // 0 = none, else the level's rank + 1
  std::int64_t labour_months = 0;
  for (const auto& o : observations) {
    const domain::ProjectWarningRule& rule = *rules_->Rule(o.rule_id);
    if (rule.measure == "months_labour_cost_not_deposited") labour_months = o.measured;
    const auto [unit_zh, unit_en] = UnitOf(rule.measure);
    const std::string figure = unit_zh.empty() ? "" : "（" + std::to_string(o.measured) + unit_zh + "）";
    auto existing = open.find(o.rule_id);
    if (o.level) {
      const auto& level = rules_->levels()[*o.level];
      highest_level = std::max(highest_level, static_cast<std::int64_t>(*o.level) + 1);
      store::ProjectWarningRow row;
      row.project_id = project.id;
      row.rule_id = o.rule_id;
      row.level = level.code;
      row.level_rank = static_cast<std::int64_t>(*o.level);
      row.measured = o.measured;
      row.at_least = o.at_least.value_or(0);
      row.evidence = EvidenceJson(o.evidence, fed.masked_names);
      row.raised_at = row.updated_at = now;
      if (existing == open.end()) {
        projects.InsertWarning(row);
        ++changes.opened;
        notes.push_back("新发" + level.zh + "：" + rule.zh + figure);
      } else if (existing->second.level_rank != row.level_rank || existing->second.measured != row.measured ||
                 existing->second.evidence != row.evidence) {
        row.id = existing->second.id;
        projects.UpdateWarning(row);
        if (existing->second.level_rank != row.level_rank) {
          ++changes.changed;
          notes.push_back(rule.zh + "由" + rules_->levels()[existing->second.level_rank].zh + "调整为" + level.zh + figure);
        }
      }
    } else if (existing != open.end()) {
      projects.ClearWarning(existing->second.id, now, EvidenceJson(o.evidence, fed.masked_names));
      ++changes.cleared;
      notes.push_back("预警解除：" + rule.zh + "——" + FirstEvidenceZh(o.evidence));
    }
  }
  if (notes.empty()) return changes;

  MonitoredProject monitored{project.id, project.risk_id, project.project_no, project.name, project.contractor_name,
                             project.contractor_credit_code, project.special_account_bank, project.owner_body,
                             fed.latest_attending, highest_level, labour_months, ""};
  for (const auto& note : notes) monitored.change_zh += (monitored.change_zh.empty() ? "" : "；") + note;
  if (highest_level == 0) monitored.change_zh = "监测预警已全部解除：" + monitored.change_zh;
  const auto risk_id = risks_.FollowProject(c, monitored);
  if (risk_id && risk_id != project.risk_id) projects.SetRisk(project.id, *risk_id);
  audit_.Append(c, who, "project.warnings", {"project", std::to_string(project.id)}, nullptr,
                boost::json::object{{"opened", changes.opened}, {"changed", changes.changed}, {"cleared", changes.cleared},
                                    {"highest_level", highest_level}});
  return changes;
}

MonitoringReport ProjectService::MeasureAll(std::int64_t batch_size) {
  MonitoringReport report;
  const Principal system = SystemActor("project-monitor");
  std::int64_t after = 0;
  for (;;) {
    std::vector<std::int64_t> ids;
    {
      auto connection = db_.Acquire();
      ids = store::ProjectRepository(*connection).AllIds(after, batch_size);
    }
    if (ids.empty()) break;
    for (auto id : ids) {
      auto connection = db_.Acquire();
      store::Transaction tx(*connection);
      auto project = store::ProjectRepository(*connection).Find(id);
      if (!project) continue;
      const auto changes = Measure(*connection, system, *project);
      tx.Commit();
      ++report.projects;
      report.warnings_opened += changes.opened;
      report.warnings_changed += changes.changed;
      report.warnings_cleared += changes.cleared;
    }
    after = ids.back();
  }
  return report;
}

WarningView ProjectService::ViewOf(const store::ProjectWarningRow& row) const {
  WarningView view{row};
  if (const auto* rule = rules_->Rule(row.rule_id)) {
    view.rule_zh = rule->zh;
    view.rule_en = rule->en;
    view.basis = rule->basis;
    view.basis_en = rule->basis_en;
    view.threshold_basis = rule->threshold_basis;
    view.threshold_basis_en = rule->threshold_basis_en;
    view.threshold_status = rule->threshold_status;
    view.status_tag = rule->status;
    std::tie(view.measure_unit_zh, view.measure_unit_en) = UnitOf(rule->measure);
  } else {
    view.rule_zh = "已停用的预警规则";
    view.rule_en = "a warning rule no longer in use";
  }
  if (auto index = rules_->LevelIndex(row.level)) {
    view.level_zh = rules_->levels()[*index].zh;
    view.level_en = rules_->levels()[*index].en;
  }
  return view;
}

ProjectDetail ProjectService::Load(store::Connection& c, std::int64_t id) {
  store::ProjectRepository projects(c);
  ProjectDetail detail;
  detail.project = *projects.Find(id);
  detail.feeds = projects.Batches(id);
  for (const auto& w : projects.Warnings(id, 100)) detail.warnings.push_back(ViewOf(w));
  if (detail.project.risk_id) {
    if (auto risk = store::RiskRepository(c).Find(*detail.project.risk_id)) {
      ProjectRiskSummary summary{risk->id, risk->risk_no, risk->status, risk->level, risk->level, risk->level};
      for (const auto& level : risks_.rules().levels()) {
        if (level.code == risk->level) {
          summary.level_zh = level.zh;
          summary.level_en = level.en;
        }
      }
      detail.risk = summary;
    }
  }
  return detail;
}

Result<WarningPage> ProjectService::OpenWarnings(const Principal& who, const std::string& level, std::int64_t limit,
                                                 std::int64_t offset) {
  if (!who.Can(Permission::kRiskRead)) return Forbidden(Permission::kRiskRead);
  if (!level.empty() && !rules_->LevelIndex(level)) return InvalidField("level", "预警等级不存在", "no such warning level");
  auto connection = db_.Acquire();
  store::ProjectRepository projects(*connection);
  WarningPage page;
  for (const auto& w : projects.OpenWarningsAll(level, limit, offset)) page.items.push_back(ViewOf(w));
  page.total = projects.CountOpenWarnings(level);
  return page;
}

}  // namespace wagelink::services
