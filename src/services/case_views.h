#pragma once
// What the case use cases hand out: the views a caller may see, built from stored rows in one place
// (case_mapping.cpp). The API serializes these and never a stored row, so a column can change without
// changing the contract, and personal data leaves the service masked only: a worker view has no field
// that could carry a clear ID, phone or card number.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "domain/case_events.h"
#include "domain/case_facts.h"
#include "domain/statutory_clock.h"
#include "domain/time_limit.h"
#include "services/assessment_cache.h"
#include "services/page.h"
#include "services/evidence_views.h"
#include "services/reference_data.h"

namespace wagelink::services {

// One line of the case list, and the head of a case.
struct CaseSummary {
  std::int64_t id = 0;
  std::string case_no;
  std::string title;
  std::string state;  // domain::CaseStateCode
  std::string channel;
  std::string received_at;
  std::string employer_name;
  std::string project_name;
  std::int64_t workers_count = 0;
  std::int64_t owed_fen = 0;
  std::int64_t paid_fen = 0;
  std::string updated_at;
  std::int64_t version = 1;
  // Labour inspection found nothing owed (a malicious claim): the claim stays as claimed, nothing is
  // outstanding.
  bool no_arrears_found = false;
  std::int64_t outstanding_fen = 0;
};

struct EmployerView {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> credit_code;
  std::string kind;
  std::string address;
  std::string legal_representative;
};

struct WorkerView {
  std::int64_t id = 0;
  std::string name;
  std::string id_number_masked;
  std::string phone_masked;
  std::string bank_card_masked;
  std::int64_t owed_fen = 0;
  std::int64_t paid_fen = 0;
  std::int64_t months_unpaid = 0;
  std::int64_t other_claims_fen = 0;
  std::string period_from, period_to;
  std::int64_t outstanding_fen = 0;  // 0 when the case found no arrears (CaseSummary::no_arrears_found)
};

struct PaymentView {
  std::int64_t id = 0;
  std::optional<std::int64_t> worker_id;
  std::int64_t amount_fen = 0;
  std::string paid_on;
  std::string payer;  // domain::PayerCode
  std::string note;
};

struct TimelineEntry {
  std::int64_t id = 0;
  std::string event;
  std::string at;
  std::string actor_username;
  std::string actor_name;  // display name; "" when the system acted
  std::string actor_body;
  std::string from_state;
  std::string to_state;
  std::string payload = "{}";
  std::string reason;
  std::string explanation_zh;
  std::string explanation_en;
};

struct ClockView {
  std::int64_t id = 0;
  std::string rule_id;
  std::string started_at;
  std::string due_at;
  std::string due_date;
  bool uncertain = false;
  std::string responsible_body;
  std::string supervisor_body;
  std::string kind;
  std::optional<std::string> stopped_at;
  std::optional<std::string> outcome;
  std::string explanation_zh;
  std::string explanation_en;
  std::optional<std::string> due_interpretation;  // set when the due date rolled over (an interpretation)
  domain::ClockEvaluation evaluation;
  const domain::TimeLimitRule* rule = nullptr;  // owned by CaseDetail::rules, which keeps it alive
};

struct CaseRules;  // services/case_rules_service.h

struct LinkedProject {
  std::int64_t id = 0;
  std::string project_no, name;
};

struct CaseDetail {
  CaseSummary summary;
  std::string description;  // the complaint's own summary text
  std::string conduct;
  bool migrant_workers = true;
  std::optional<std::string> order_deadline;
  std::optional<std::string> order_delivery;
  std::string progress = "{}";
  EmployerView employer;
  std::optional<EmployerView> general_contractor;
  std::optional<LinkedProject> project;  // the registered project it is about
  std::vector<WorkerView> workers;
  std::vector<PaymentView> payments;
  std::vector<TimelineEntry> timeline;
  std::vector<ClockView> clocks;
  std::vector<std::string> parties;
  std::vector<domain::CaseEvent> available_steps;
  std::vector<PackageItemStatus> transfer_package;  // each item with the files that satisfy it
  domain::CurrentFindings findings;                    // the legal facts in force (case_facts.h)
  std::shared_ptr<const CachedAssessment> assessment;  // shared with the assessment cache
  // The district's rules the clocks were read with. The rules are reloaded every few seconds and the
  // old ones freed when nobody holds them: each ClockView::rule points into these, so the detail
  // holds them until it has been sent (the soak test found a response written from freed rules).
  std::shared_ptr<const CaseRules> rules;
};

// Who revealed which personal datum of which worker, and why (the 查阅回执).
struct AccessReceipt {
  std::string at;
  std::string username;
  std::string body_code;
  std::int64_t case_id = 0;
  std::string case_no;
  std::int64_t worker_id = 0;
  std::string field;
  std::string purpose;
  std::string display_name;  // the viewer, by name
  std::string worker_name;   // whose data was seen, by name
};

}  // namespace wagelink::services
