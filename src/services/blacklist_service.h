#pragma once
// The 拖欠农民工工资失信联合惩戒对象名单 (人社部令第45号): labour inspection proposes a listing from a case
// whose own assessment does not rule the employer out (order to pay not complied with, plus the crime
// amount or a mass incident: the §5 criterion relied on is stored; an assessment that cannot decide needs
// a stated reason, recorded and flagged), serves the prior notice, records the party's statements, and
// its decision maker (blacklist.decide) lists or declines with reasons once the 陈述申辩 period has ended,
// then removes early, revokes or corrects. Dates come from the working-day calendar, the district's
// period setting (services/exposure_settings.h) and data/exposure_rules.json (domain/blacklist_lifecycle.h);
// every step is one transaction with its history row and audit entry. Users who neither propose nor
// decide see a listing only once it is decided to list.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/blacklist_lifecycle.h"
#include "services/admin_service.h"
#include "services/audit_trail.h"
#include "services/case_rules_service.h"
#include "services/exposure_settings.h"
#include "services/principal.h"
#include "services/reference_data.h"
#include "store/database.h"
#include "store/exposure_repository.h"

namespace wagelink::services {

class CaseReading;

struct ListingProposal {
  std::int64_t case_id = 0;
  std::vector<domain::ResponsiblePerson> persons;
  std::string grounds;
  // 45号令 §5 criterion relied on: "amount" | "mass_incident"; defaults to the assessment's own.
  std::optional<std::string> criterion;
  // Required when the case assessment cannot decide eligibility (eligible = null).
  std::string eligibility_reason;
  std::optional<domain::CivilDate> proposed_on;  // when recorded later; default today
};

struct ListingActionRequest {
  domain::ListingAction action = domain::ListingAction::kServeNotice;
  std::string note;  // record_defence: the statement; decide_*: the reasons
  std::optional<domain::CivilDate> on;  // the day of service, statement or decision, when recorded later
  std::optional<domain::CivilDate> paid_in_full_on;
  bool undertaking = false;
  // correct: each present value replaces the recorded one.
  std::optional<std::vector<domain::ResponsiblePerson>> persons;
  std::optional<std::string> grounds;
  std::optional<std::string> address;
};

// A proposed or decided listing as its readers see it.
struct ListingView {
  std::int64_t id = 0;
  std::string listing_no;
  std::int64_t case_id = 0;
  std::int64_t employer_id = 0;
  std::string employer_name;
  std::optional<std::string> credit_code;
  std::string address;
  std::string persons = "[]";      // JSON array text: role and name of each responsible person
  std::string grounds;
  std::string eligibility = "{}";  // JSON object text: the case assessment's 45号令 §5 finding
  std::optional<std::string> criterion;
  bool eligibility_flagged = false;
  std::string eligibility_reason;
  std::string status;  // stored status (domain::ListingStatus code)
  std::string proposed_on;
  std::optional<std::string> notice_served_on, defence_due_on;
  std::optional<std::int64_t> defence_period_days;
  bool defence_uncertain = false;
  bool defence_received = false;
  std::optional<std::string> defence_received_on, decided_on;
  std::string decision_reason;
  std::optional<std::string> listed_on, ends_on, paid_in_full_on, closed_on;
  std::string proposed_by_body;
  std::int64_t version = 1;
};

struct ListingHistoryEntry {
  std::string at;
  std::string action;
  std::string actor_username;
  std::string actor_body;
  std::string from_status, to_status;
  std::string note;
};

struct ListingDetail {
  ListingView listing;
  domain::ListingStatus effective = domain::ListingStatus::kProposed;
  std::optional<domain::CivilDate> earliest_early_removal;
  std::vector<ListingHistoryEntry> history;
};

// The list as a reader filters it: employer name (contains) or credit code (exact), stored status.
struct ListingQuery {
  std::string text;
  std::string status;
};

class BlacklistService {
 public:
  BlacklistService(store::Database& db, const Clock& clock, const AuditTrail& audit,
                   std::shared_ptr<const ReferenceData> reference, ExposureSettingsService& settings, CaseReading& cases,
                   CaseRulesService& case_rules)
      : db_(db),
        clock_(clock),
        audit_(audit),
        reference_(std::move(reference)),
        settings_(settings),
        cases_(cases),
        case_rules_(case_rules) {}

  // The rules in force: data/exposure_rules.json with the district's 陈述申辩 period.
  domain::ExposureRules rules();

  Result<ListingDetail> Propose(const Principal& who, const ListingProposal& proposal);
  Result<Page<ListingDetail>> List(const Principal& who, const ListingQuery& query, std::int64_t limit,
                                   std::int64_t offset);
  Result<ListingDetail> Get(const Principal& who, std::int64_t id);
  Result<ListingDetail> Act(const Principal& who, std::int64_t id, const ListingActionRequest& request);

 private:
  domain::CivilDate Today() const;
  ListingDetail Load(store::Connection& c, const domain::ExposureRules& rules, std::int64_t id) const;

  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const ReferenceData> reference_;
  ExposureSettingsService& settings_;
  CaseReading& cases_;
  CaseRulesService& case_rules_;  // for the calendar in force, cached
};

// JSON [{role, name}] as stored, and back.
std::string PersonsJson(const std::vector<domain::ResponsiblePerson>& persons);
domain::ListingFacts FactsOf(const store::BlacklistRow& row);
// Proposals, notices and statements are for the units that propose and decide; everyone else sees a
// listing once it is decided to list (45号令: nothing is a listing before the decision).
bool SeesPendingListings(const Principal& who);

}  // namespace wagelink::services
