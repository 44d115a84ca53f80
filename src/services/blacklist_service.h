#pragma once
// The 拖欠农民工工资失信联合惩戒对象名单 (人社部令第45号): labour inspection proposes a listing from a case
// whose assessment finds the employer eligible (order to pay not complied with, plus the crime amount or
// a mass incident), serves the prior notice, and its decision maker (blacklist.decide) lists, declines,
// removes early, revokes or corrects. Dates come from the working-day calendar and data/exposure_rules.json
// (domain/blacklist_lifecycle.h); every step is one transaction with its history row and audit entry.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/blacklist_lifecycle.h"
#include "services/admin_service.h"
#include "services/audit_trail.h"
#include "services/principal.h"
#include "services/reference_data.h"
#include "store/database.h"
#include "store/exposure_repository.h"

namespace wagelink::services {

class CaseService;

struct ListingProposal {
  std::int64_t case_id = 0;
  std::vector<domain::ResponsiblePerson> persons;
  std::string grounds;
};

struct ListingActionRequest {
  domain::ListingAction action = domain::ListingAction::kServeNotice;
  std::string note;
  std::optional<domain::CivilDate> paid_in_full_on;
  bool undertaking = false;
  // correct: each present value replaces the recorded one.
  std::optional<std::vector<domain::ResponsiblePerson>> persons;
  std::optional<std::string> grounds;
  std::optional<std::string> address;
};

struct ListingDetail {
  store::BlacklistRow row;
  domain::ListingStatus effective = domain::ListingStatus::kProposed;
  std::optional<domain::CivilDate> earliest_early_removal;
  std::vector<store::BlacklistHistoryRow> history;
};

class BlacklistService {
 public:
  BlacklistService(store::Database& db, const Clock& clock, const AuditTrail& audit,
                   std::shared_ptr<const ReferenceData> reference, std::shared_ptr<const domain::ExposureRules> rules,
                   CaseService& cases)
      : db_(db), clock_(clock), audit_(audit), reference_(std::move(reference)), rules_(std::move(rules)), cases_(cases) {}

  const domain::ExposureRules& rules() const { return *rules_; }

  Result<ListingDetail> Propose(const Principal& who, const ListingProposal& proposal);
  Result<Page<ListingDetail>> List(const Principal& who, const store::BlacklistFilter& filter, std::int64_t limit,
                                   std::int64_t offset);
  Result<ListingDetail> Get(const Principal& who, std::int64_t id);
  Result<ListingDetail> Act(const Principal& who, std::int64_t id, const ListingActionRequest& request);

 private:
  domain::CivilDate Today() const;
  ListingDetail Load(store::Connection& c, std::int64_t id) const;

  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const ReferenceData> reference_;
  std::shared_ptr<const domain::ExposureRules> rules_;
  CaseService& cases_;
};

// JSON [{role, name}] as stored, and back.
std::string PersonsJson(const std::vector<domain::ResponsiblePerson>& persons);
domain::ListingFacts FactsOf(const store::BlacklistRow& row);

}  // namespace wagelink::services
