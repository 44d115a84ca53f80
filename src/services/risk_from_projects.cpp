// The risk items raised by the project monitor (RiskService::FollowProject): the bridge from a
// project's warnings (domain/project_warnings.h) to the ledger's scoring and escalation.
#include <boost/json/object.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "domain/risk_scoring.h"
#include "services/risk_service.h"
#include "store/case_timeline_repository.h"

namespace wagelink::services {
namespace {

std::string WithMonitoredIndicators(const std::string& indicators_json, const MonitoredProject& m) {
  boost::json::object indicators;
  if (auto parsed = boost::json::parse(indicators_json); parsed.is_object()) indicators = parsed.get_object();
  indicators[domain::kMonitoringWarningLevel] = m.warning_level;
  indicators["special_account_months_unpaid"] = m.labour_cost_months_unpaid;
  return boost::json::serialize(indicators);
}

}  // namespace

std::optional<std::int64_t> RiskService::FollowProject(store::Connection& c, const MonitoredProject& m) {
  const Principal system = SystemActor("project-monitor");
  store::RiskRepository risks(c);
  std::optional<store::RiskRow> row;
  if (m.risk_id) row = risks.Find(*m.risk_id);
  const UnixSeconds now_s = clock_.Now();
  const std::string now = FormatUtc(now_s);

  if (m.warning_level == 0) {
    if (!row || row->status != "open") return row ? std::optional(row->id) : std::nullopt;
    const auto before = *row;
    row->indicators = WithMonitoredIndicators(row->indicators, m);
    row->status = "closed";
    row->closed_at = now;
    row->closed_by_body = m.owner_body;
    row->closing_evidence = m.change_zh;
    row->updated_at = now;
    if (!risks.Update(*row, before.version)) throw store::DatabaseError("risk item changed under the project monitor");
    risks.InsertHistory({0, row->id, now, "closed", system.username, m.owner_body, "open", "closed", row->level,
                         row->level, m.change_zh});
    audit_.Append(c, system, "risk.close", {"risk", std::to_string(row->id)}, RiskAuditSnapshot(before), RiskAuditSnapshot(*row));
    return row->id;
  }

  if (!row) {
    store::RiskRow fresh;
    fresh.employer_name = m.contractor_name;
    fresh.employer_credit_code = m.contractor_credit_code;
    fresh.project_name = m.project_name;
    fresh.general_contractor_name = m.contractor_name;
    fresh.general_contractor_credit_code = m.contractor_credit_code;
    fresh.special_account = m.special_account_bank;
    fresh.workers_affected = m.workers_attending;
    fresh.source = std::string(kRiskSourceProjectMonitoring);
    fresh.indicators = WithMonitoredIndicators("{}", m);
    fresh.description = "工程项目" + m.project_no + "“" + m.project_name + "”的监测数据触发预警。";
    fresh.owner_body = m.owner_body;
    fresh.reported_by_body = m.owner_body;
    fresh.project_id = m.project_id;
    fresh.created_at = fresh.updated_at = now;
    InsertScored(c, system, fresh, now_s);
    risks.InsertFollowup({0, fresh.id, now, std::nullopt, system.username, m.owner_body, m.change_zh, fresh.level});
    if (fresh.owner_body != "wage_office") {
      store::CaseTimelineRepository(c).InsertNotification(
          {0, fresh.owner_body, std::nullopt, "risk_assigned",
           "项目监测预警：" + fresh.risk_no + " " + m.project_name + "，责任单位为本单位",
           "Project monitoring warning: " + fresh.risk_no + ", assigned to your body", std::nullopt, now, std::nullopt});
    }
    audit_.Append(c, system, "risk.create", {"risk", std::to_string(fresh.id)}, nullptr, RiskAuditSnapshot(fresh));
    return fresh.id;
  }

  const auto before = *row;
  const bool reopening = row->status != "open";
  if (reopening) {
    row->status = "open";
    row->closed_at.reset();
    row->closed_by_body.reset();
    row->closing_evidence.reset();
    row->wage_office_notified_at.reset();  // a new episode escalates again
    row->leadership_notified_at.reset();
  }
  row->indicators = WithMonitoredIndicators(row->indicators, m);
  row->workers_affected = std::max(row->workers_affected, m.workers_attending);
  const auto scored = Score(c, *row, now_s);
  Apply(c, system, *row, scored, now);
  row->updated_at = now;
  if (!risks.Update(*row, before.version)) throw store::DatabaseError("risk item changed under the project monitor");
  risks.InsertFollowup({0, row->id, now, std::nullopt, system.username, m.owner_body, m.change_zh, row->level});
  risks.InsertHistory({0, row->id, now, reopening ? "reopened" : (before.level == row->level ? "followup" : "rescored"),
                       system.username, m.owner_body, before.status, row->status, before.level, row->level,
                       reopening ? m.change_zh : "score=" + std::to_string(row->score)});
  audit_.Append(c, system, reopening ? "risk.reopen" : "risk.followup", {"risk", std::to_string(row->id)},
                RiskAuditSnapshot(before), RiskAuditSnapshot(*row));
  return row->id;
}

}  // namespace wagelink::services
