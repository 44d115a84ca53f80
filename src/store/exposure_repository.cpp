#include "store/exposure_repository.h"

namespace wagelink::store {
namespace {

#define WL_LISTING_COLUMNS                                                                                     \
  "SELECT id, listing_no, case_id, employer_id, employer_name, credit_code, address, persons, grounds, "        \
  "eligibility, status, proposed_on, notice_served_on, defence_due_on, defence_uncertain, defence_received, "   \
  "listed_on, ends_on, paid_in_full_on, closed_on, proposed_by_body, created_at, updated_at, version, "         \
  "criterion, eligibility_flagged, eligibility_reason, defence_period_days, defence_received_on, decided_on, "  \
  "decision_reason FROM blacklist_listings "
// Name contains the text, or the credit code equals it; the empty text matches everything.
#define WL_LISTING_TEXT "(? = '' OR employer_name LIKE ? OR credit_code = ?)"
// A decided listing: the day it was listed is known (it may since have expired, been removed or revoked).
#define WL_LISTING_VISIBLE "(? = 0 OR listed_on IS NOT NULL)"
// Need-to-know: the listing's case is in the reader's case scope (as every case query).
#define WL_LISTING_SCOPE \
  "(? = 1 OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = blacklist_listings.case_id AND p.body_code = ?))"

constexpr std::string_view kInsertListing =
    "INSERT INTO blacklist_listings (listing_no, case_id, employer_id, employer_name, credit_code, address, persons, "
    "grounds, eligibility, criterion, eligibility_flagged, eligibility_reason, status, proposed_on, proposed_by_body, "
    "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kFindListing = WL_LISTING_COLUMNS "WHERE id = ?";
constexpr std::string_view kListListings =
    WL_LISTING_COLUMNS "WHERE " WL_LISTING_TEXT " AND (? = '' OR status = ?) AND " WL_LISTING_VISIBLE
                       " AND " WL_LISTING_SCOPE " ORDER BY id DESC LIMIT ? OFFSET ?";
constexpr std::string_view kCountListings =
    "SELECT COUNT(*) FROM blacklist_listings WHERE " WL_LISTING_TEXT " AND (? = '' OR status = ?) AND " WL_LISTING_VISIBLE
    " AND " WL_LISTING_SCOPE;
// listed_on <= today as well as the status: a decision is public from its date, never before.
constexpr std::string_view kListInForce =
    WL_LISTING_COLUMNS "WHERE status = 'listed' AND ends_on >= ? AND listed_on <= ? AND " WL_LISTING_TEXT
                       " ORDER BY listed_on DESC, id DESC LIMIT ?";
constexpr std::string_view kIsListedInForce =
    "SELECT COUNT(*) FROM blacklist_listings WHERE status = 'listed' AND ends_on >= ? AND listed_on <= ? AND "
    "credit_code = ?";
constexpr std::string_view kOpenListingOfCase =
    "SELECT id FROM blacklist_listings WHERE case_id = ? AND status IN ('proposed', 'noticed', 'listed') "
    "ORDER BY id LIMIT 1";
constexpr std::string_view kListingsOfEmployer =
    WL_LISTING_COLUMNS "WHERE employer_id = ? AND " WL_LISTING_VISIBLE " AND " WL_LISTING_SCOPE " ORDER BY id";
constexpr std::string_view kUpdateListing =
    "UPDATE blacklist_listings SET employer_name = ?, address = ?, persons = ?, grounds = ?, status = ?, "
    "notice_served_on = ?, defence_due_on = ?, defence_uncertain = ?, defence_received = ?, listed_on = ?, ends_on = ?, "
    "paid_in_full_on = ?, closed_on = ?, defence_period_days = ?, defence_received_on = ?, decided_on = ?, "
    "decision_reason = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?";
constexpr std::string_view kInsertHistory =
    "INSERT INTO blacklist_history (listing_id, at, action, actor_username, actor_body, from_status, to_status, note) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kListHistory =
    "SELECT id, listing_id, at, action, actor_username, actor_body, from_status, to_status, note FROM blacklist_history "
    "WHERE listing_id = ? ORDER BY id";
#undef WL_LISTING_COLUMNS
#undef WL_LISTING_TEXT
#undef WL_LISTING_VISIBLE
#undef WL_LISTING_SCOPE

#define WL_PUBLICATION_COLUMNS                                                                                   \
  "SELECT id, publication_no, case_id, employer_id, category, batch_kind, batch_label, violator_name, credit_code, " \
  "address, legal_representative, main_facts, handling, confidential_fields, status, screen, published_on, "       \
  "created_by_body, created_at, updated_at, version, withdrawn_reason, listing_id FROM publications "

constexpr std::string_view kInsertPublication =
    "INSERT INTO publications (publication_no, case_id, employer_id, category, batch_kind, batch_label, violator_name, "
    "credit_code, address, legal_representative, main_facts, handling, confidential_fields, status, screen, "
    "created_by_body, created_at, updated_at, listing_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "RETURNING id";
constexpr std::string_view kFindPublication = WL_PUBLICATION_COLUMNS "WHERE id = ?";
// Need-to-know: the publication's case is in the reader's case scope (as every case query).
#define WL_PUBLICATION_SCOPE \
  "(? = 1 OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = publications.case_id AND p.body_code = ?))"
constexpr std::string_view kListPublications =
    WL_PUBLICATION_COLUMNS "WHERE (? = '' OR status = ?) AND " WL_PUBLICATION_SCOPE " ORDER BY id DESC LIMIT ? OFFSET ?";
constexpr std::string_view kListPublished =
    WL_PUBLICATION_COLUMNS "WHERE status = 'published' AND (? = '' OR violator_name LIKE ? OR credit_code = ?) "
                           "ORDER BY published_on DESC, id DESC LIMIT ?";
constexpr std::string_view kPublicationsOfEmployer =
    WL_PUBLICATION_COLUMNS "WHERE employer_id = ? AND " WL_PUBLICATION_SCOPE " ORDER BY id";
#undef WL_PUBLICATION_COLUMNS
#undef WL_PUBLICATION_SCOPE
constexpr std::string_view kUpdatePublication =
    "UPDATE publications SET violator_name = ?, credit_code = ?, address = ?, legal_representative = ?, main_facts = ?, "
    "handling = ?, confidential_fields = ?, status = ?, screen = ?, published_on = ?, withdrawn_reason = ?, updated_at = ?, "
    "version = version + 1 WHERE id = ? AND version = ?";

constexpr std::string_view kInsertArticle =
    "INSERT INTO publicity_articles (title, body, author_body, status, published_at, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kListArticles =
    "SELECT id, title, body, author_body, status, published_at, created_at FROM publicity_articles "
    "WHERE status = 'published' ORDER BY published_at DESC, id DESC LIMIT ?";

BlacklistRow ToListing(const Row& r) {
  BlacklistRow b;
  b.id = r.Int(0);
  b.listing_no = r.Text(1);
  b.case_id = r.Int(2);
  b.employer_id = r.Int(3);
  b.employer_name = r.Text(4);
  b.credit_code = r.OptText(5);
  b.address = r.Text(6);
  b.persons = r.Text(7);
  b.grounds = r.Text(8);
  b.eligibility = r.Text(9);
  b.status = r.Text(10);
  b.proposed_on = r.Text(11);
  b.notice_served_on = r.OptText(12);
  b.defence_due_on = r.OptText(13);
  b.defence_uncertain = r.Int(14) != 0;
  b.defence_received = r.Int(15) != 0;
  b.listed_on = r.OptText(16);
  b.ends_on = r.OptText(17);
  b.paid_in_full_on = r.OptText(18);
  b.closed_on = r.OptText(19);
  b.proposed_by_body = r.Text(20);
  b.created_at = r.Text(21);
  b.updated_at = r.Text(22);
  b.version = r.Int(23);
  b.criterion = r.OptText(24);
  b.eligibility_flagged = r.Int(25) != 0;
  b.eligibility_reason = r.Text(26);
  if (!r.IsNull(27)) b.defence_period_days = r.Int(27);
  b.defence_received_on = r.OptText(28);
  b.decided_on = r.OptText(29);
  b.decision_reason = r.Text(30);
  return b;
}

PublicationRow ToPublication(const Row& r) {
  PublicationRow p;
  p.id = r.Int(0);
  p.publication_no = r.Text(1);
  p.case_id = r.Int(2);
  p.employer_id = r.Int(3);
  p.category = r.Text(4);
  p.batch_kind = r.Text(5);
  p.batch_label = r.Text(6);
  p.violator_name = r.Text(7);
  p.credit_code = r.Text(8);
  p.address = r.Text(9);
  p.legal_representative = r.Text(10);
  p.main_facts = r.Text(11);
  p.handling = r.Text(12);
  p.confidential_fields = r.Text(13);
  p.status = r.Text(14);
  p.screen = r.Text(15);
  p.published_on = r.OptText(16);
  p.created_by_body = r.Text(17);
  p.created_at = r.Text(18);
  p.updated_at = r.Text(19);
  p.version = r.Int(20);
  p.withdrawn_reason = r.OptText(21);
  if (!r.IsNull(22)) p.listing_id = r.Int(22);
  return p;
}

template <class T>
std::vector<T> Rows(Connection& c, std::string_view sql, const Params& params, T (*convert)(const Row&)) {
  std::vector<T> out;
  c.Stream(sql, params, [&](const Row& r) { out.push_back(convert(r)); });
  return out;
}

constexpr std::string_view kWithdrawArticle =
    "UPDATE publicity_articles SET status = 'withdrawn' WHERE id = ? AND status = 'published'";

Params TextParams(const std::string& text) { return {text, LikeContains(text), text}; }

}  // namespace

std::int64_t ExposureRepository::InsertListing(const BlacklistRow& b) {
  return c_.InsertReturningId(kInsertListing, {b.listing_no, b.case_id, b.employer_id, b.employer_name,
                                               NullableValue(b.credit_code), b.address, b.persons, b.grounds,
                                               b.eligibility, NullableValue(b.criterion),
                                               std::int64_t{b.eligibility_flagged}, b.eligibility_reason, b.status,
                                               b.proposed_on, b.proposed_by_body, b.created_at, b.updated_at});
}

std::optional<BlacklistRow> ExposureRepository::FindListing(std::int64_t id) {
  auto row = c_.QueryOne(kFindListing, {id});
  if (!row) return std::nullopt;
  return ToListing(*row);
}

std::vector<BlacklistRow> ExposureRepository::ListListings(const BlacklistFilter& f, std::int64_t limit,
                                                           std::int64_t offset) {
  Params params = TextParams(f.text);
  params.insert(params.end(), {f.status, f.status, std::int64_t{f.listed_only}, std::int64_t{f.scope.all_in_region},
                               f.scope.body_code, limit, offset});
  return Rows(c_, kListListings, params, ToListing);
}

std::int64_t ExposureRepository::CountListings(const BlacklistFilter& f) {
  Params params = TextParams(f.text);
  params.insert(params.end(), {f.status, f.status, std::int64_t{f.listed_only}, std::int64_t{f.scope.all_in_region},
                               f.scope.body_code});
  return c_.QueryOne(kCountListings, params)->Int(0);
}

std::vector<BlacklistRow> ExposureRepository::ListInForce(const std::string& today, const std::string& text,
                                                          std::int64_t limit) {
  Params params{today, today};
  for (auto& v : TextParams(text)) params.push_back(std::move(v));
  params.emplace_back(limit);
  return Rows(c_, kListInForce, params, ToListing);
}

bool ExposureRepository::IsListedInForce(const std::string& credit_code, const std::string& today) {
  return c_.QueryOne(kIsListedInForce, {today, today, credit_code})->Int(0) > 0;
}

std::optional<std::int64_t> ExposureRepository::OpenListingOfCase(std::int64_t case_id) {
  auto row = c_.QueryOne(kOpenListingOfCase, {case_id});
  if (!row) return std::nullopt;
  return row->Int(0);
}

std::vector<BlacklistRow> ExposureRepository::ListingsOfEmployer(std::int64_t employer_id, bool listed_only,
                                                                const CaseScope& scope) {
  return Rows(c_, kListingsOfEmployer,
              {employer_id, std::int64_t{listed_only}, std::int64_t{scope.all_in_region}, scope.body_code}, ToListing);
}

bool ExposureRepository::UpdateListing(const BlacklistRow& b, std::int64_t expected_version) {
  return c_.Execute(kUpdateListing,
                    {b.employer_name, b.address, b.persons, b.grounds, b.status, NullableValue(b.notice_served_on),
                     NullableValue(b.defence_due_on), std::int64_t{b.defence_uncertain}, std::int64_t{b.defence_received},
                     NullableValue(b.listed_on), NullableValue(b.ends_on), NullableValue(b.paid_in_full_on),
                     NullableValue(b.closed_on), NullableValue(b.defence_period_days),
                     NullableValue(b.defence_received_on), NullableValue(b.decided_on), b.decision_reason, b.updated_at,
                     b.id, expected_version}) == 1;
}

void ExposureRepository::InsertHistory(const BlacklistHistoryRow& h) {
  c_.InsertReturningId(kInsertHistory, {h.listing_id, h.at, h.action, h.actor_username, h.actor_body, h.from_status,
                                        h.to_status, h.note});
}

std::vector<BlacklistHistoryRow> ExposureRepository::ListHistory(std::int64_t listing_id) {
  std::vector<BlacklistHistoryRow> out;
  c_.Stream(kListHistory, {listing_id}, [&](const Row& r) {
    out.push_back({r.Int(0), r.Int(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7), r.Text(8)});
  });
  return out;
}

std::int64_t ExposureRepository::InsertPublication(const PublicationRow& p) {
  return c_.InsertReturningId(kInsertPublication,
                              {p.publication_no, p.case_id, p.employer_id, p.category, p.batch_kind, p.batch_label,
                               p.violator_name, p.credit_code, p.address, p.legal_representative, p.main_facts,
                               p.handling, p.confidential_fields, p.status, p.screen, p.created_by_body, p.created_at,
                               p.updated_at, NullableValue(p.listing_id)});
}

std::optional<PublicationRow> ExposureRepository::FindPublication(std::int64_t id) {
  auto row = c_.QueryOne(kFindPublication, {id});
  if (!row) return std::nullopt;
  return ToPublication(*row);
}

std::vector<PublicationRow> ExposureRepository::ListPublications(const std::string& status, const CaseScope& scope,
                                                                 std::int64_t limit, std::int64_t offset) {
  return Rows(c_, kListPublications, {status, status, std::int64_t{scope.all_in_region}, scope.body_code, limit, offset},
              ToPublication);
}

std::vector<PublicationRow> ExposureRepository::ListPublished(const std::string& text, std::int64_t limit) {
  Params params = TextParams(text);
  params.emplace_back(limit);
  return Rows(c_, kListPublished, params, ToPublication);
}

std::vector<PublicationRow> ExposureRepository::PublicationsOfEmployer(std::int64_t employer_id,
                                                                       const CaseScope& scope) {
  return Rows(c_, kPublicationsOfEmployer, {employer_id, std::int64_t{scope.all_in_region}, scope.body_code},
              ToPublication);
}

bool ExposureRepository::UpdatePublication(const PublicationRow& p, std::int64_t expected_version) {
  return c_.Execute(kUpdatePublication,
                    {p.violator_name, p.credit_code, p.address, p.legal_representative, p.main_facts, p.handling,
                     p.confidential_fields, p.status, p.screen, NullableValue(p.published_on),
                     NullableValue(p.withdrawn_reason), p.updated_at, p.id,
                     expected_version}) == 1;
}

std::int64_t ExposureRepository::InsertArticle(const ArticleRow& a) {
  return c_.InsertReturningId(kInsertArticle, {a.title, a.body, a.author_body, a.status, a.published_at, a.created_at});
}

std::vector<ArticleRow> ExposureRepository::ListArticles(std::int64_t limit) {
  std::vector<ArticleRow> out;
  c_.Stream(kListArticles, {limit}, [&](const Row& r) {
    out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3), r.Text(4), r.Text(5), r.Text(6)});
  });
  return out;
}

bool ExposureRepository::WithdrawArticle(std::int64_t id) { return c_.Execute(kWithdrawArticle, {id}) == 1; }

}  // namespace wagelink::store
