#pragma once
// Publication of major labour violations (人社部令第29号, LEGAL.md §3.5): a draft from a decided case
// with exactly the six published fields, a category and a batch (the quarter, or ad hoc), screened by
// the privacy check (services/publication_privacy.h) on every save and again before publishing; the
// publication stays in the employer's compliance record (守法诚信档案). Also the legal-publicity articles
// (法治宣传) and the login-free public feed: publications, listings in force, articles, legal basis.
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "domain/blacklist_lifecycle.h"
#include "domain/exposure_rules.h"
#include "services/admin_service.h"
#include "services/audit_trail.h"
#include "services/principal.h"
#include "services/publication_privacy.h"
#include "store/database.h"
#include "store/exposure_repository.h"

namespace wagelink::services {

class CaseReading;

struct PublicationDraft {
  std::int64_t case_id = 0;
  std::string category;
  std::string batch_kind = "quarterly";  // quarterly | ad_hoc
  // The six fields; the first four default to the case's employer when absent.
  std::optional<std::string> violator_name, credit_code, address, legal_representative;
  std::string main_facts;
  std::string handling;
  std::vector<std::string> confidential_fields;
  // A blacklist listing of the case's employer to name in 相关处理情况: only once decided and in force.
  std::optional<std::int64_t> listing_id;
};

struct PublicationEdit {
  std::optional<std::string> violator_name, credit_code, address, legal_representative, main_facts, handling;
  std::optional<std::vector<std::string>> confidential_fields;
};

// What 29号令 publishes of a violation, and nothing else: the public shape of a publication.
struct PublishedRecord {
  std::string publication_no;
  std::string category;
  std::string batch_kind;
  std::string batch_label;
  std::optional<std::string> published_on;
  std::string violator_name, credit_code, address, legal_representative, main_facts, handling;
};

struct PublicationView {
  PublishedRecord published;
  std::int64_t id = 0;
  std::int64_t case_id = 0;
  std::int64_t employer_id = 0;
  std::string status;  // draft | published | withdrawn
  std::optional<std::int64_t> listing_id;
  std::optional<std::string> withdrawn_reason;
  std::string confidential_fields = "[]";  // JSON array text of field names
  std::string created_by_body;
  std::string created_at;
};

struct PublicationDetail {
  PublicationView publication;
  std::vector<PrivacyFinding> findings;  // of the last check; empty = nothing blocked
};

// What 45号令 makes public of a listing.
struct PublicListing {
  std::string listing_no;
  std::string employer_name;
  std::optional<std::string> credit_code;
  std::string persons = "[]";  // JSON array text
  std::string listed_on;
  std::string ends_on;
};

struct EmployerListing {
  PublicListing listing;
  domain::ListingStatus effective = domain::ListingStatus::kProposed;
  std::optional<std::string> defence_due_on;
};

struct EmployerPublication {
  PublishedRecord published;
  std::string status;
};

struct EmployerExposureRecord {
  std::vector<EmployerPublication> publications;
  std::vector<EmployerListing> listings;
};

struct Article {
  std::int64_t id = 0;
  std::string title;
  std::string body;
  std::string author_body;
  std::string published_at;
};

struct PublicFeed {
  std::vector<PublishedRecord> publications;
  std::vector<PublicListing> listings;
  std::vector<Article> articles;
  std::string today;
};

class PublicationService {
 public:
  PublicationService(store::Database& db, const Clock& clock, const AuditTrail& audit,
                     std::shared_ptr<const domain::ExposureRules> rules, CaseReading& cases)
      : db_(db), clock_(clock), audit_(audit), rules_(std::move(rules)), cases_(cases) {}

  const domain::ExposureRules& rules() const { return *rules_; }

  Result<PublicationDetail> CreateDraft(const Principal& who, const PublicationDraft& draft);
  Result<PublicationDetail> EditDraft(const Principal& who, std::int64_t id, const PublicationEdit& edit);
  // Refuses (kTransitionRefused) while the privacy check finds anything; the findings stay on the draft.
  Result<PublicationDetail> Publish(const Principal& who, std::int64_t id);
  Result<PublicationDetail> Withdraw(const Principal& who, std::int64_t id, const std::string& reason);
  Result<PublicationDetail> Get(const Principal& who, std::int64_t id);
  Result<std::vector<PublicationDetail>> List(const Principal& who, const std::string& status, std::int64_t limit,
                                              std::int64_t offset);
  // Users who neither propose nor decide listings see only the decided ones (as the blacklist list).
  Result<EmployerExposureRecord> EmployerRecord(const Principal& who, std::int64_t employer_id);

  // Refused (422) when the title or text holds an ID, phone or bank card number.
  Result<Article> PublishArticle(const Principal& who, const std::string& title, const std::string& body);
  // Takes a published article off the public page, with the reason in the audit entry.
  Status WithdrawArticle(const Principal& who, std::int64_t id, const std::string& reason);

  // Login-free: only what is public by law. `text` searches name (contains) or credit code (exact).
  PublicFeed Public(const std::string& text);

 private:
  std::string Today() const;
  // One change to a stored publication in one transaction: load, `change` (which may refuse), save
  // with the optimistic version check, audit as `audit_action`. `change` returns the findings to report.
  using PublicationChange =
      std::function<Result<std::vector<PrivacyFinding>>(store::Connection&, store::PublicationRow&)>;
  Result<PublicationDetail> Modify(const Principal& who, std::int64_t id, std::string_view audit_action,
                                   const PublicationChange& change);
  // Runs the privacy check over the row's six fields and stores its findings on the row.
  std::vector<PrivacyFinding> Screen(store::Connection& connection, store::PublicationRow& row) const;
  // The named listing, refused (kDueProcessPending) unless it is decided to list and in force today.
  Result<store::BlacklistRow> DecidedListing(store::Connection& connection, std::int64_t listing_id,
                                             std::int64_t employer_id) const;

  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const domain::ExposureRules> rules_;
  CaseReading& cases_;
};

}  // namespace wagelink::services
