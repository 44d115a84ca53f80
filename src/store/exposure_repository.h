#pragma once
// Persistence of exposure and warning: blacklist listings with their history, publications of
// major violations (29号令), and legal-publicity articles.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/case_repository.h"
#include "store/database.h"

namespace wagelink::store {

struct BlacklistRow {
  std::int64_t id = 0;
  std::string listing_no;
  std::int64_t case_id = 0;
  std::int64_t employer_id = 0;
  std::string employer_name;
  std::optional<std::string> credit_code;
  std::string address;
  std::string persons = "[]";
  std::string grounds;
  std::string eligibility = "{}";
  std::optional<std::string> criterion;  // 45号令 §5: amount | mass_incident
  bool eligibility_flagged = false;      // the case assessment could not decide eligibility
  std::string eligibility_reason;        // the proposer's reason when it was flagged
  std::string status = "proposed";
  std::string proposed_on;
  std::optional<std::string> notice_served_on, defence_due_on;
  std::optional<std::int64_t> defence_period_days;
  bool defence_uncertain = false;
  bool defence_received = false;
  std::optional<std::string> defence_received_on, decided_on;
  std::string decision_reason;
  std::optional<std::string> listed_on, ends_on, paid_in_full_on, closed_on;
  std::string proposed_by_body;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
};

struct BlacklistHistoryRow {
  std::int64_t id = 0;
  std::int64_t listing_id = 0;
  std::string at;
  std::string action;
  std::string actor_username;
  std::string actor_body;
  std::string from_status, to_status;
  std::string note;
};

struct BlacklistFilter {
  std::string text;    // employer name (contains) or credit code (exact); empty = any
  std::string status;  // stored status; empty = any
  // Only listings the decision maker has listed (listed_on set): for users who neither propose nor
  // decide, who must not learn of a proposal before the decision.
  bool listed_only = false;
  CaseScope scope;  // need-to-know: only listings of cases this scope sees
};

struct PublicationRow {
  std::int64_t id = 0;
  std::string publication_no;
  std::int64_t case_id = 0;
  std::int64_t employer_id = 0;
  std::string category;
  std::string batch_kind;
  std::string batch_label;
  std::string violator_name, credit_code, address, legal_representative, main_facts, handling;
  std::string confidential_fields = "[]";
  std::optional<std::int64_t> listing_id;  // a decided listing named in 相关处理情况
  std::string status = "draft";
  std::string screen = "{}";
  std::optional<std::string> published_on;
  std::optional<std::string> withdrawn_reason;
  std::string created_by_body;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 1;
};

struct ArticleRow {
  std::int64_t id = 0;
  std::string title;
  std::string body;
  std::string author_body;
  std::string status = "published";
  std::string published_at;
  std::string created_at;
};

class ExposureRepository {
 public:
  explicit ExposureRepository(Connection& connection) : c_(connection) {}

  std::int64_t InsertListing(const BlacklistRow& row);
  std::optional<BlacklistRow> FindListing(std::int64_t id);
  std::vector<BlacklistRow> ListListings(const BlacklistFilter& filter, std::int64_t limit, std::int64_t offset);
  std::int64_t CountListings(const BlacklistFilter& filter);
  // Listings in force on `today` (decided to list on or before today, last day not passed), for the
  // public page and the risk ledger.
  std::vector<BlacklistRow> ListInForce(const std::string& today, const std::string& text, std::int64_t limit);
  bool IsListedInForce(const std::string& credit_code, const std::string& today);
  // An open (proposed, noticed or listed) listing of the same case, to refuse a duplicate proposal.
  std::optional<std::int64_t> OpenListingOfCase(std::int64_t case_id);
  // `listed_only`: as BlacklistFilter::listed_only.
  std::vector<BlacklistRow> ListingsOfEmployer(std::int64_t employer_id, bool listed_only, const CaseScope& scope);
  bool UpdateListing(const BlacklistRow& row, std::int64_t expected_version);
  void InsertHistory(const BlacklistHistoryRow& row);
  std::vector<BlacklistHistoryRow> ListHistory(std::int64_t listing_id);

  std::int64_t InsertPublication(const PublicationRow& row);
  std::optional<PublicationRow> FindPublication(std::int64_t id);
  // Publications of the cases `scope` sees (need-to-know), also in PublicationsOfEmployer.
  std::vector<PublicationRow> ListPublications(const std::string& status, const CaseScope& scope, std::int64_t limit,
                                               std::int64_t offset);
  std::vector<PublicationRow> ListPublished(const std::string& text, std::int64_t limit);
  std::vector<PublicationRow> PublicationsOfEmployer(std::int64_t employer_id, const CaseScope& scope);
  bool UpdatePublication(const PublicationRow& row, std::int64_t expected_version);

  std::int64_t InsertArticle(const ArticleRow& row);
  std::vector<ArticleRow> ListArticles(std::int64_t limit);
  // Published → withdrawn; false when there is no such published article.
  bool WithdrawArticle(std::int64_t id);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
