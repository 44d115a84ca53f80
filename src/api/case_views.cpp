#include "api/case_views.h"

#include "domain/case_facts.h"
#include "domain/finding_json.h"

#include <boost/json/array.hpp>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value_from.hpp>

#include "domain/case_events.h"
#include "domain/case_state.h"
#include "domain/legal_source.h"

namespace wagelink::api {

boost::json::object FenJson(std::int64_t fen) {
  return {{"fen", fen}, {"yuan", domain::Fen::FromFen(fen).ToYuanPlain()}};
}

namespace {

boost::json::object Money(std::int64_t fen) { return FenJson(fen); }


boost::json::value Opt(const std::optional<std::string>& v) {
  return v ? boost::json::value(*v) : boost::json::value(nullptr);
}

boost::json::object EmployerJson(const services::EmployerView& e) {
  return {{"id", e.id}, {"name", e.name}, {"credit_code", Opt(e.credit_code)}, {"kind", e.kind},
          {"address", e.address}, {"legal_representative", e.legal_representative}};
}

// Timeline entries that are not steps of the mechanism (those are named by the domain).
std::pair<std::string, std::string> RecordName(const std::string& code) {
  if (code == "register_complaint") return {"登记投诉", "Complaint registered"};
  if (code == "record_payment") return {"登记工资支付", "Payment recorded"};
  if (code == "clock_overdue") return {"法定期限逾期", "Statutory limit overdue"};
  if (code == "clock_due_changed") return {"期满日因放假通知调整", "Due date changed by a holiday notice"};
  if (code == "document_issued") return {"制发文书", "Document issued"};
  if (code == "roster_imported") return {"导入劳动者花名册", "Worker roster imported"};
  if (code == "record_finding") return {"认定案件事实", "Finding recorded"};
  if (code == "report_at_once") return {"第一时间报告", "Reported at once"};
  if (code == "evidence_added") return {"添加证据材料", "Evidence added"};
  if (code == "evidence_withdrawn") return {"撤回证据材料", "Evidence withdrawn"};
  if (code == "evidence_package_received") return {"公安机关接收移送材料包", "Transfer package received by the police"};
  return {code, code};
}

boost::json::value ParsedOrEmpty(const std::string& text) {
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  return ec ? boost::json::value(boost::json::object{}) : v;
}

// The findings in force, as codes with their Chinese wording (the UI shows the wording).
boost::json::object FactsJson(const domain::CurrentFindings& f) {
  boost::json::array consequences;
  for (const auto kind : f.consequences) {
    consequences.push_back({{"code", domain::SeriousConsequenceName(kind)}, {"zh", domain::SeriousConsequenceZh(kind)}});
  }
  boost::json::array persons;
  for (const auto& name : f.persons.responsible_persons) persons.emplace_back(name);
  domain::FindingValue conduct;
  conduct.conduct = f.conduct;
  return {{"conduct", domain::ConductName(f.conduct)},
          {"conduct_zh", domain::DescribeFindingZh(domain::FindingKind::kConduct, conduct)},
          {"serious_consequences", std::move(consequences)},
          {"mass_incident", f.mass_incident},
          {"extreme_incident", f.extreme_incident},
          {"employer_kind", f.employer_kind ? boost::json::value(domain::EmployerKindName(*f.employer_kind)) : nullptr},
          {"actual_controller", f.persons.actual_controller.empty() ? boost::json::value(nullptr)
                                                                    : boost::json::value(f.persons.actual_controller)},
          {"responsible_persons", std::move(persons)},
          {"justified_reason", f.justified_reason},
          {"compensation_borne", f.compensation_borne ? boost::json::value(*f.compensation_borne) : nullptr}};
}

}  // namespace

boost::json::object CaseSummaryJson(const services::CaseSummary& row) {
  auto state = domain::ParseCaseStateCode(row.state);
  return {{"id", row.id},
          {"case_no", row.case_no},
          {"title", row.title},
          {"state", row.state},
          {"state_zh", state ? std::string(domain::CaseStateNameZh(*state)) : row.state},
          {"state_en", state ? std::string(domain::CaseStateNameEn(*state)) : row.state},
          {"channel", row.channel},
          {"received_at", row.received_at},
          {"employer_name", row.employer_name},
          {"project_name", row.project_name},
          {"workers_count", row.workers_count},
          {"owed", Money(row.owed_fen)},
          {"paid", Money(row.paid_fen)},
          {"outstanding", Money(row.outstanding_fen)},
          {"no_arrears_found", row.no_arrears_found},
          {"updated_at", row.updated_at},
          {"version", row.version}};
}

std::string CaseDetailText(const services::CaseDetail& d) {
  std::string text = boost::json::serialize(CaseDetailJson(d));
  // The assessment and its input (the case's complete facts in the contract of `wagelink assess`) are
  // embedded as the text the assessment cache already holds.
  text.pop_back();  // the object's closing brace
  text += ",\"assessment\":";
  text += d.assessment ? d.assessment->text : "null";
  text += ",\"assessment_input\":";
  text += d.assessment ? d.assessment->input_text : "null";
  text += '}';
  return text;
}

boost::json::object ClockJson(const services::ClockView& c) {
  boost::json::object clock{{"id", c.id}, {"rule_id", c.rule_id}, {"started_at", c.started_at},
                            {"due_at", c.due_at}, {"due_date", c.due_date}, {"uncertain", c.uncertain},
                            {"responsible_body", c.responsible_body}, {"supervisor_body", c.supervisor_body},
                            {"kind", c.kind}, {"stopped_at", Opt(c.stopped_at)}, {"outcome", Opt(c.outcome)},
                            {"status", domain::ClockStatusCode(c.evaluation.status)},
                            {"remaining_seconds", c.evaluation.remaining_seconds},
                            {"explanation_zh", c.explanation_zh}, {"explanation_en", c.explanation_en},
                            // The roll-over's status when the due date rolled over (not CONFIRMED: an interpretation).
                            {"due_interpretation", Opt(c.due_interpretation)}};
  if (c.rule) {
    clock["citation"] = c.rule->citation;
    clock["citation_words"] = domain::CitationInWords(c.rule->citation);
    clock["status_tag"] = domain::SourceStatusName(c.rule->status);
    clock["action_zh"] = c.rule->action_zh;
    clock["action_en"] = c.rule->action_en;
  }
  return clock;
}

boost::json::object CaseDetailJson(const services::CaseDetail& d) {
  boost::json::object out = CaseSummaryJson(d.summary);
  out["summary"] = d.description;
  out["conduct"] = d.conduct;
  out["migrant_workers"] = d.migrant_workers;
  out["order_deadline"] = Opt(d.order_deadline);
  out["order_delivery"] = Opt(d.order_delivery);
  out["progress"] = ParsedOrEmpty(d.progress);
  out["employer"] = EmployerJson(d.employer);
  out["general_contractor"] = d.general_contractor ? boost::json::value(EmployerJson(*d.general_contractor)) : nullptr;
  out["project"] = d.project ? boost::json::value({{"id", d.project->id}, {"project_no", d.project->project_no},
                                                   {"name", d.project->name}})
                             : nullptr;
  boost::json::array parties, workers, payments, events, clocks, steps, package;
  for (const auto& p : d.parties) parties.emplace_back(p);
  for (const auto& w : d.workers) {
    workers.push_back({{"id", w.id}, {"name", w.name}, {"id_number", w.id_number_masked}, {"phone", w.phone_masked},
                       {"bank_card", w.bank_card_masked}, {"owed", Money(w.owed_fen)}, {"paid", Money(w.paid_fen)},
                       {"outstanding", Money(w.outstanding_fen)}, {"months_unpaid", w.months_unpaid},
                       {"other_claims", Money(w.other_claims_fen)},
                       {"period_from", w.period_from}, {"period_to", w.period_to}});
  }
  for (const auto& p : d.payments) {
    // Whether the payer is the actor decides what the payment means in law (case_facts.h).
    const auto payer = domain::ParsePayer(p.payer);
    payments.push_back({{"id", p.id}, {"worker_id", p.worker_id ? boost::json::value(*p.worker_id) : nullptr},
                        {"amount", Money(p.amount_fen)}, {"paid_on", p.paid_on}, {"payer", p.payer},
                        {"payer_zh", payer ? std::string(domain::PayerNameZh(*payer)) : p.payer},
                        {"actor_payment", payer && domain::IsActorPayer(*payer)}, {"note", p.note}});
  }
  for (const auto& e : d.timeline) {
    auto event = domain::ParseCaseEventCode(e.event);
    auto record = RecordName(e.event);
    events.push_back({{"id", e.id}, {"event", e.event},
                      {"event_zh", event ? std::string(domain::CaseEventNameZh(*event)) : record.first},
                      {"event_en", event ? std::string(domain::CaseEventNameEn(*event)) : record.second},
                      {"at", e.at}, {"actor", e.actor_username}, {"actor_name", e.actor_name},
                      {"actor_body", e.actor_body},
                      {"from_state", e.from_state}, {"to_state", e.to_state}, {"payload", ParsedOrEmpty(e.payload)},
                      {"reason", e.reason}, {"explanation_zh", e.explanation_zh}, {"explanation_en", e.explanation_en}});
  }
  for (const auto& c : d.clocks) clocks.push_back(ClockJson(c));
  for (auto s : d.available_steps) {
    steps.push_back({{"event", domain::CaseEventCode(s)}, {"name_zh", domain::CaseEventNameZh(s)},
                     {"name_en", domain::CaseEventNameEn(s)}});
  }
  for (const auto& status : d.transfer_package) {
    const auto& item = *status.item;
    boost::json::array file_ids;
    for (auto id : status.file_ids) file_ids.push_back(id);
    package.push_back({{"id", item.id}, {"zh", item.zh}, {"en", item.en}, {"basis", item.basis},
                       {"required", item.required}, {"present", status.present},
                       {"generated_document", item.generated_document}, {"kinds", boost::json::value_from(item.kinds)},
                       {"file_ids", std::move(file_ids)},
                       {"document_id", status.document_id ? boost::json::value(*status.document_id) : boost::json::value(nullptr)}});
  }
  out["parties"] = std::move(parties);
  out["workers"] = std::move(workers);
  out["payments"] = std::move(payments);
  out["timeline"] = std::move(events);
  out["clocks"] = std::move(clocks);
  out["available_steps"] = std::move(steps);
  out["transfer_package"] = std::move(package);
  out["facts"] = FactsJson(d.findings);
  return out;
}

}  // namespace wagelink::api
