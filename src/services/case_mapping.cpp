#include "services/case_mapping.h"

#include <boost/json/parse.hpp>
#include <unordered_map>

#include "domain/case_events.h"
#include "domain/finding_json.h"

namespace wagelink::services {
namespace {

boost::json::object PayloadOf(const store::CaseEventRow& event) {
  boost::system::error_code ec;
  auto value = boost::json::parse(event.payload, ec);
  return !ec && value.is_object() ? std::move(value.as_object()) : boost::json::object{};
}

std::string_view Text(const boost::json::object& object, std::string_view key) {
  const auto* value = object.if_contains(key);
  return value != nullptr && value->is_string() ? std::string_view(value->get_string()) : std::string_view{};
}

domain::Instant InstantOf(const std::string& text) {
  auto parsed = domain::Instant::ParseRfc3339(text);
  return parsed ? *parsed : domain::Instant{};
}

std::optional<domain::CivilDate> DayOf(const std::string& instant) {
  auto parsed = domain::Instant::ParseRfc3339(instant);
  if (!parsed) return std::nullopt;
  return domain::ShanghaiDate(*parsed);
}

// 法释 §4: served on the actor, an adult household member or the unit's recipient is service; a
// posting recorded by photo or video counts when the actor fled; a notice to appear is not service.
domain::OrderDelivery DeliveryOf(std::string_view service) {
  const auto method = domain::ParseServiceMethod(service);
  if (!method) return domain::OrderDelivery::kNone;
  switch (*method) {
    case domain::ServiceMethod::kPostedAtPremises:
      return domain::OrderDelivery::kPostedAtSite;
    case domain::ServiceMethod::kConfirmableNotice:
      return domain::OrderDelivery::kNone;
    default:
      return domain::OrderDelivery::kServed;
  }
}

}  // namespace

domain::StatutoryClock ClockOf(const store::ClockRow& row) {
  domain::StatutoryClock clock;
  clock.rule_id = row.rule_id;
  clock.started_at = InstantOf(row.started_at);
  clock.due.due_instant = InstantOf(row.due_at);
  if (auto due_date = domain::CivilDate::ParseIso(row.due_date)) clock.due.due_date = *due_date;
  clock.due.uncertain = row.uncertain;
  clock.due.explain_zh = row.explanation_zh;
  clock.due.explain_en = row.explanation_en;
  clock.responsible_body = domain::ParseBodyCode(row.responsible_body).value_or(domain::Body::kHrss);
  clock.supervisor_body = domain::ParseBodyCode(row.supervisor_body).value_or(domain::Body::kWageOffice);
  clock.kind = row.kind == "window" ? domain::ClockKind::kWindow : domain::ClockKind::kDuty;
  clock.extensions_applied = static_cast<int>(row.extensions_applied);
  if (row.supplied_due_date) {
    if (auto date = domain::CivilDate::ParseIso(*row.supplied_due_date)) clock.supplied_due_date = *date;
  }
  if (row.stopped_at) {
    if (auto stopped = domain::Instant::ParseRfc3339(*row.stopped_at)) clock.stopped_at = *stopped;
    clock.outcome = row.outcome ? domain::ParseClockOutcome(*row.outcome) : std::nullopt;
  }
  return clock;
}

domain::CurrentFindings FindingsOf(const store::CaseRow& row, const store::EmployerRow& employer,
                                   const std::vector<store::CaseEventRow>& events) {
  domain::CurrentFindings findings;
  findings.conduct = domain::ParseConduct(row.conduct).value_or(domain::Conduct::kUnknown);
  findings.employer_kind = domain::ParseEmployerKind(employer.kind);
  for (const auto& event : events) {
    if (event.event != kFindingEvent) continue;
    const auto payload = PayloadOf(event);
    const auto kind = domain::ParseFindingKind(Text(payload, "kind"));
    const auto* value = payload.if_contains("value");
    if (!kind || value == nullptr || !value->is_object()) continue;
    // Stored findings were validated when accepted; one that no longer parses is skipped, not guessed.
    if (auto parsed = domain::ParseFindingValue(*kind, value->as_object(), "value")) {
      domain::Apply(findings, *kind, *parsed);
    }
  }
  return findings;
}

domain::CaseFacts CaseFactsOf(const std::string& province, const store::CaseRow& row,
                              const store::EmployerRow& employer, const std::vector<store::WorkerRow>& workers,
                              const std::vector<store::PaymentRow>& payments,
                              const std::vector<store::CaseEventRow>& events) {
  domain::CaseFacts facts;
  facts.province = province;
  std::unordered_map<std::int64_t, std::size_t> index;
  facts.workers.reserve(workers.size());
  for (const auto& worker : workers) {
    index.emplace(worker.id, facts.workers.size());
    facts.workers.push_back({domain::Fen::FromFen(worker.owed_fen), static_cast<int>(worker.months_unpaid)});
  }
  for (const auto& payment : payments) {
    const auto worker = payment.worker_id ? index.find(*payment.worker_id) : index.end();
    const auto paid_on = domain::CivilDate::ParseIso(payment.paid_on);
    const auto payer = domain::ParsePayer(payment.payer);
    if (worker == index.end() || !paid_on || !payer) continue;
    facts.payments.push_back({worker->second, domain::Fen::FromFen(payment.amount_fen), *paid_on, *payer});
  }
  facts.findings = FindingsOf(row, employer, events);
  // Only the events that carry facts are parsed: a case read runs this, and most events carry none.
  for (const auto& event : events) {
    const auto code = domain::ParseCaseEventCode(event.event);
    if (!code) continue;
    switch (*code) {
      case domain::CaseEvent::kIssueOrder: {
        const auto payload = PayloadOf(event);
        const auto deadline = domain::CivilDate::ParseIso(Text(payload, "deadline"));
        if (!deadline) break;
        const auto addressee = domain::ParseOrderAddressee(Text(payload, "addressee"));
        facts.orders.push_back({addressee.value_or(domain::OrderAddressee::kEmployer),
                                DeliveryOf(Text(payload, "service")), *deadline});
        break;
      }
      case domain::CaseEvent::kFileCase:
        if (!facts.milestones.filed_on) facts.milestones.filed_on = DayOf(event.at);
        break;
      case domain::CaseEvent::kDecideProsecution:
        if (Text(PayloadOf(event), "decision") == "prosecute") facts.milestones.prosecuted_on = DayOf(event.at);
        break;
      case domain::CaseEvent::kDeliverJudgment:
        if (!facts.milestones.first_instance_judgment_on) facts.milestones.first_instance_judgment_on = DayOf(event.at);
        break;
      default:
        break;
    }
  }
  return facts;
}

store::ClockRow ToClockRow(std::int64_t case_id, const domain::StatutoryClock& clock) {
  store::ClockRow row;
  row.case_id = case_id;
  row.rule_id = clock.rule_id;
  row.started_at = clock.started_at.ToIsoUtc();
  row.due_at = clock.due.due_instant.ToIsoUtc();
  row.due_date = clock.due.due_date.ToIso();
  row.uncertain = clock.due.uncertain;
  row.responsible_body = std::string(domain::BodyCode(clock.responsible_body));
  row.supervisor_body = std::string(domain::BodyCode(clock.supervisor_body));
  row.kind = std::string(domain::ClockKindCode(clock.kind));
  row.extensions_applied = clock.extensions_applied;
  if (clock.supplied_due_date) row.supplied_due_date = clock.supplied_due_date->ToIso();
  row.explanation_zh = clock.due.explain_zh;
  row.explanation_en = clock.due.explain_en;
  if (clock.due.roll_over_status) row.due_interpretation = std::string(domain::SourceStatusName(*clock.due.roll_over_status));
  return row;
}

// Designated initializers, so a field added to a view or a row cannot silently shift the others.
CaseSummary SummaryOf(const store::CaseRow& row) {
  return {.id = row.id,
          .case_no = row.case_no,
          .title = row.title,
          .state = row.state,
          .channel = row.channel,
          .received_at = row.received_at,
          .employer_name = row.employer_name,
          .project_name = row.project_name,
          .workers_count = row.workers_count,
          .owed_fen = row.owed_fen,
          .paid_fen = row.paid_fen,
          .updated_at = row.updated_at,
          .version = row.version,
          .no_arrears_found = row.no_arrears_found,
          .outstanding_fen = row.no_arrears_found ? 0 : row.owed_fen - row.paid_fen};
}

EmployerView EmployerViewOf(const store::EmployerRow& row) {
  return {.id = row.id,
          .name = row.name,
          .credit_code = row.credit_code,
          .kind = row.kind,
          .address = row.address,
          .legal_representative = row.legal_representative};
}

WorkerView WorkerViewOf(const store::WorkerRow& row, bool no_arrears_found) {
  return {.id = row.id,
          .name = row.name,
          .id_number_masked = row.id_number_masked,
          .phone_masked = row.phone_masked,
          .bank_card_masked = row.bank_card_masked,
          .owed_fen = row.owed_fen,
          .paid_fen = row.paid_fen,
          .months_unpaid = row.months_unpaid,
          .other_claims_fen = row.other_claims_fen,
          .period_from = row.period_from,
          .period_to = row.period_to,
          .outstanding_fen = no_arrears_found ? 0 : row.owed_fen - row.paid_fen};
}

PaymentView PaymentViewOf(const store::PaymentRow& row) {
  return {.id = row.id,
          .worker_id = row.worker_id,
          .amount_fen = row.amount_fen,
          .paid_on = row.paid_on,
          .payer = row.payer,
          .note = row.note};
}

TimelineEntry TimelineEntryOf(const store::CaseEventRow& row) {
  return {.id = row.id,
          .event = row.event,
          .at = row.at,
          .actor_username = row.actor_username,
          .actor_name = row.actor_name,
          .actor_body = row.actor_body,
          .from_state = row.from_state,
          .to_state = row.to_state,
          .payload = row.payload,
          .reason = row.reason,
          .explanation_zh = row.explanation_zh,
          .explanation_en = row.explanation_en};
}

ClockView ClockViewOf(const store::ClockRow& row, const domain::ClockEvaluation& evaluation,
                      const domain::TimeLimitRule* rule) {
  return {.id = row.id,
          .rule_id = row.rule_id,
          .started_at = row.started_at,
          .due_at = row.due_at,
          .due_date = row.due_date,
          .uncertain = row.uncertain,
          .responsible_body = row.responsible_body,
          .supervisor_body = row.supervisor_body,
          .kind = row.kind,
          .stopped_at = row.stopped_at,
          .outcome = row.outcome,
          .explanation_zh = row.explanation_zh,
          .explanation_en = row.explanation_en,
          .due_interpretation = row.due_interpretation,
          .evaluation = evaluation,
          .rule = rule};
}

AccessReceipt AccessReceiptOf(const store::PiiAccessRow& row) {
  return {.at = row.at,
          .username = row.username,
          .body_code = row.body_code,
          .case_id = row.case_id,
          .case_no = row.case_no,
          .worker_id = row.worker_id,
          .field = row.field,
          .purpose = row.purpose,
          .display_name = row.display_name,
          .worker_name = row.worker_name};
}

}  // namespace wagelink::services
