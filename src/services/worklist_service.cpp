// The worklist of the caller's body and role (worklist_service.h).
#include "services/worklist_service.h"

#include <algorithm>
#include <boost/json/parse.hpp>

#include "domain/case_state.h"
#include "domain/case_facts.h"
#include "services/case_progress_codec.h"

namespace wagelink::services {
namespace {

constexpr std::int64_t kDueSoonSeconds = 3 * 86400;

bool IsOpenStatus(domain::ClockStatus status) {
  return status == domain::ClockStatus::kRunning || status == domain::ClockStatus::kOverdue ||
         status == domain::ClockStatus::kUncertain;
}

boost::json::object PayloadOf(const TimelineEntry& entry) {
  boost::system::error_code ec;
  auto value = boost::json::parse(entry.payload, ec);
  return !ec && value.is_object() ? value.as_object() : boost::json::object{};
}

bool FlagOf(const boost::json::object& flags, std::string_view key) {
  const auto* v = flags.if_contains(key);
  return v && v->is_bool() && v->as_bool();
}

// The case's civil steps as the green channel reads them, in timeline order.
std::vector<domain::CivilStepRecord> CivilSteps(const CaseDetail& detail) {
  std::vector<domain::CivilStepRecord> steps;
  for (const auto& entry : detail.timeline) {
    if (entry.event != domain::CaseEventCode(domain::CaseEvent::kRecordCivilStep)) continue;
    const auto payload = PayloadOf(entry);
    const auto* kind_value = payload.if_contains("kind");
    const auto kind = kind_value && kind_value->is_string() ? domain::ParseCivilStepKind(kind_value->as_string())
                                                            : std::nullopt;
    const auto at = domain::Instant::ParseRfc3339(entry.at);
    if (!kind || !at) continue;
    domain::CivilStepRecord record{.on = domain::ShanghaiDate(*at), .kind = *kind};
    if (const auto* flags = payload.if_contains("green_channel"); flags && flags->is_object()) {
      const auto& f = flags->as_object();
      record.flags = {FlagOf(f, "priority_mediation"), FlagOf(f, "priority_acceptance"), FlagOf(f, "priority_filing"),
                      FlagOf(f, "priority_trial"), FlagOf(f, "priority_execution")};
    }
    steps.push_back(record);
  }
  return steps;
}

bool TransferredWithCopy(const CaseDetail& detail) {
  for (const auto& entry : detail.timeline) {
    if (entry.event != domain::CaseEventCode(domain::CaseEvent::kSendTransfer)) continue;
    if (FlagOf(PayloadOf(entry), "copy_to_procuratorate")) return true;
  }
  return false;
}

std::vector<WorkerExecutionView> ExecutionOf(const CaseDetail& detail) {
  std::vector<WorkerExecutionView> out;
  const std::string execution(domain::PayerCode(domain::Payer::kCourtExecution));
  for (const auto& worker : detail.workers) {
    WorkerExecutionView view{.worker_id = worker.id,
                             .name = worker.name,
                             .owed_fen = worker.owed_fen,
                             .paid_by_execution_fen = 0,
                             .outstanding_fen = worker.outstanding_fen};
    for (const auto& payment : detail.payments) {
      if (payment.payer == execution && payment.worker_id == worker.id) view.paid_by_execution_fen += payment.amount_fen;
    }
    out.push_back(view);
  }
  return out;
}

// Overdue first, then the soonest due clock, then the most recently changed case.
bool Before(const WorkItem& a, const WorkItem& b) {
  auto first_due = [](const WorkItem& item) {
    std::int64_t soonest = INT64_MAX;
    for (const auto& c : item.clocks) soonest = std::min(soonest, c.clock.evaluation.remaining_seconds);
    return soonest;
  };
  const auto da = first_due(a), db = first_due(b);
  if (da != db) return da < db;
  if (a.summary.updated_at != b.summary.updated_at) return a.summary.updated_at > b.summary.updated_at;
  return a.summary.id > b.summary.id;
}

}  // namespace

Result<Worklist> WorklistService::Get(const Principal& who) {
  auto scope = records_.ScopeOf(who);
  if (!scope) return scope.error();
  const auto body = domain::ParseBodyCode(who.body_code);
  Worklist list{.body_code = who.body_code};
  if (!body) return list;
  const bool oversees_all = *body == domain::Body::kWageOffice || *body == domain::Body::kLeadership;
  if (*body == domain::Body::kCourt) list.green_channel_targets = &records_.reference().green_channel;

  // The open states in groups the store's state filter takes at once.
  std::vector<std::vector<std::string>> groups(1);
  for (auto state : domain::AllCaseStates()) {
    if (domain::IsTerminal(state)) continue;
    if (groups.back().size() == store::kMaxStateFilter) groups.emplace_back();
    groups.back().emplace_back(domain::CaseStateCode(state));
  }
  auto connection = records_.db().Acquire();
  store::CaseRepository cases(*connection);
  std::vector<store::CaseRow> rows;
  for (auto& states : groups) {
    store::CaseFilter filter{.states = std::move(states), .sort = store::CaseSort::kUpdatedNewest};
    for (auto& row : cases.ListCases(*scope, filter, kWorklistCaseCap + 1, 0)) rows.push_back(std::move(row));
  }
  std::sort(rows.begin(), rows.end(), [](const store::CaseRow& a, const store::CaseRow& b) {
    return a.updated_at != b.updated_at ? a.updated_at > b.updated_at : a.id > b.id;
  });
  if (static_cast<std::int64_t>(rows.size()) > kWorklistCaseCap) {
    list.truncated = true;
    rows.resize(kWorklistCaseCap);
  }

  for (const auto& row : rows) {
    CaseDetail detail = records_.LoadDetail(*connection, who, row);
    auto progress = ProgressFromJson(row.progress);
    if (!progress) continue;
    std::vector<domain::OpenClockFact> open;
    std::vector<WorkClockView> clocks;
    for (const auto& clock : detail.clocks) {
      if (clock.stopped_at || !IsOpenStatus(clock.evaluation.status) || clock.kind != "duty") continue;
      const bool overdue = clock.evaluation.status == domain::ClockStatus::kOverdue;
      open.push_back({clock.rule_id, clock.responsible_body, clock.supervisor_body, overdue});
      std::string role = clock.responsible_body == who.body_code   ? "responsible"
                         : clock.supervisor_body == who.body_code ? "supervisor"
                         : oversees_all && overdue                ? "oversight"
                                                                  : "";
      if (!role.empty()) clocks.push_back({clock, std::move(role)});
    }
    const auto civil_steps = CivilSteps(detail);
    bool flagged = false;
    for (const auto& step : civil_steps) {
      const auto& f = step.flags;
      flagged = flagged || f.priority_mediation || f.priority_acceptance || f.priority_filing || f.priority_trial ||
                f.priority_execution;
    }
    domain::WorkFacts facts{.body = *body,
                            .oversees_all = oversees_all,
                            .progress = &*progress,
                            .available_steps = detail.available_steps,
                            .open_clocks = open,
                            .transferred_with_copy = TransferredWithCopy(detail),
                            .green_channel_flagged = flagged};
    auto reasons = domain::ClassifyWork(facts);
    if (reasons.empty()) continue;
    std::sort(clocks.begin(), clocks.end(), [](const WorkClockView& a, const WorkClockView& b) {
      return a.clock.evaluation.remaining_seconds < b.clock.evaluation.remaining_seconds;
    });
    WorkItem item{.summary = detail.summary,
                  .reasons = std::move(reasons),
                  .clocks = std::move(clocks),
                  .next_steps = detail.available_steps};
    if (*body == domain::Body::kCourt) {
      const auto today = domain::ShanghaiDate(records_.Now());
      if (flagged || progress->state == domain::CaseState::kCivilRoute) {
        item.green_channel = domain::TrackGreenChannel(records_.reference().green_channel, civil_steps, today);
      }
      item.execution = ExecutionOf(detail);
    }
    for (const auto& c : item.clocks) {
      if (c.clock.evaluation.status == domain::ClockStatus::kOverdue) {
        ++list.overdue;
      } else if (c.clock.evaluation.remaining_seconds <= kDueSoonSeconds) {
        ++list.due_soon;
      }
    }
    list.outstanding_fen += item.summary.outstanding_fen;
    list.items.push_back(std::move(item));
  }
  std::stable_sort(list.items.begin(), list.items.end(), Before);
  return list;
}

}  // namespace wagelink::services
