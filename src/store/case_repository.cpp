#include "store/case_repository.h"
#include "store/case_detail_reads.h"
#include "store/case_tally_repository.h"
#include "store/deferred_write.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"
#include "store/case_sql.h"

namespace wagelink::store {
namespace {

// The first of `count` numbers taken together (next_value is the first not yet taken).
constexpr std::string_view kTakeSequenceNumbers =
    "INSERT INTO sequences (name, year, next_value) VALUES (?, ?, 1 + ?) "
    "ON CONFLICT (name, year) DO UPDATE SET next_value = sequences.next_value + EXCLUDED.next_value - 1 "
    "RETURNING next_value - ?";

constexpr std::string_view kInsertEmployer =
    "INSERT INTO employers (name, credit_code, kind, address, legal_representative, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kSelectEmployer =
    "SELECT id, name, credit_code, kind, address, legal_representative FROM employers WHERE id = ?";
constexpr std::string_view kSelectTwoEmployers =
    "SELECT id, name, credit_code, kind, address, legal_representative FROM employers WHERE id IN (?, ?)";
constexpr std::string_view kSelectEmployerByCode =
    "SELECT id, name, credit_code, kind, address, legal_representative FROM employers WHERE credit_code = ? "
    "ORDER BY id LIMIT 1";

constexpr std::string_view kInsertCase =
    "INSERT INTO cases (case_no, title, state, progress, channel, received_at, employer_id, general_contractor_id, "
    "project_name, summary, conduct, migrant_workers, workers_count, owed_fen, paid_fen, created_by, created_at, "
    "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?) RETURNING id";
constexpr std::string_view kAddParty =
    "INSERT INTO case_parties (case_id, body_code, since) VALUES (?, ?, ?) ON CONFLICT (case_id, body_code) DO NOTHING";
constexpr std::string_view kParties = "SELECT body_code FROM case_parties WHERE case_id = ? ORDER BY since, body_code";

// The scope predicate of one case read by id, bound as (all_in_region 0/1, body_code). Lists name
// their bodies as plain EXISTS instead (WL_PARTY, below).
#define WL_CASE_SCOPE \
  "(? = 1 OR EXISTS (SELECT 1 FROM case_parties p WHERE p.case_id = c.id AND p.body_code = ?))"
#define WL_CASE_SELECT                                                                                            \
  "SELECT c.id, c.case_no, c.title, c.state, c.progress, c.channel, c.received_at, c.employer_id, "               \
  "c.general_contractor_id, c.project_name, c.summary, c.conduct, c.migrant_workers, c.workers_count, c.owed_fen, " \
  "c.paid_fen, c.order_deadline, c.order_delivery, c.created_at, c.updated_at, c.version, e.name, "       \
  "c.transfer_package, " WL_CASE_NO_ARREARS_FOUND ", c.project_id "
#define WL_CASE_FROM "FROM cases c JOIN employers e ON e.id = c.employer_id "
#define WL_CASE_COLUMNS WL_CASE_SELECT WL_CASE_FROM
// A filter is the states, then the text, then the bodies that must be parties to the case. The
// text is matched one of two ways (SearchPlan): by reading the cases, or among the cases the trigram
// index found for it (case_search, migration 0030), which the engines take in their own JSON dialects.
#define WL_CASE_STATES "(? = 0 OR c.state IN (?, ?, ?, ?, ?, ?, ?, ?))"
#define WL_TEXT_READ " AND (? = '' OR c.case_no LIKE ? OR c.title LIKE ? OR e.name LIKE ? OR c.project_name LIKE ?)"
// The cases the index found, bound as one JSON array of ids (at most kCaseCountCap of them).
#define WL_AMONG_FOUND_SQLITE " AND c.id IN (SELECT value FROM json_each(?))"
#define WL_AMONG_FOUND_POSTGRES " AND c.id IN (SELECT CAST(value AS BIGINT) FROM json_array_elements_text(CAST(? AS json)))"
// A body that must be a party: the caller's own when its scope is not the region, and the one a
// list asks for (?party=). Each is a plain EXISTS, never "? = '' OR EXISTS": PostgreSQL turns an
// EXISTS inside an OR into a hash of every party row of the body (100,000 for the police over
// 1,000,000 cases: 34 ms before the first case), while a plain one becomes a semi-join that walks
// the cases in the list's order and fills a page at once. So there is a statement per number of such
// bodies (RequiredParties).
#define WL_PARTY(ALIAS) \
  " AND EXISTS (SELECT 1 FROM case_parties " ALIAS " WHERE " ALIAS ".case_id = c.id AND " ALIAS ".body_code = ?)"
#define WL_NO_PARTY ""
#define WL_ONE_PARTY WL_PARTY("p")
#define WL_TWO_PARTIES WL_PARTY("p") WL_PARTY("q")

constexpr std::string_view kFindCase = WL_CASE_COLUMNS "WHERE c.id = ? AND " WL_CASE_SCOPE;
// One statement per order, way of matching the text and number of bodies, so the planner sees a
// plain ORDER BY and plain EXISTS. Indexed [number of bodies][CaseSort].
using CaseListStatements = std::array<std::array<std::string_view, 4>, 3>;
#define WL_LIST_CASES(TEXT, PARTIES, ORDER) \
  WL_CASE_COLUMNS "WHERE " WL_CASE_STATES TEXT PARTIES " ORDER BY " ORDER " LIMIT ? OFFSET ?"
// Among the cases the index found (up to kCaseCountCap) the page is chosen on the cases alone, and
// only its rows are joined to their employers and read whole: sorting every found case with all its
// columns and its employer's name cost most of a 10,000-match search (PostgreSQL 59 -> 24 ms,
// SQLite 24 -> 5 ms for that statement over 1,000,000 cases; bench/README.md, session 28). Choosing
// the page passes every found case the filter admits, so it counts them on the way (the column after
// the case's, kFoundCountColumn): the list's count then needs no second pass (CountCases).
#define WL_LIST_FOUND_CASES(AMONG, PARTIES, ORDER)                                                           \
  WL_CASE_SELECT ", page.admitted " WL_CASE_FROM                                                             \
  "JOIN (SELECT c.id, COUNT(*) OVER () AS admitted FROM cases c WHERE " WL_CASE_STATES AMONG PARTIES " ORDER BY " ORDER \
  " LIMIT ? OFFSET ?) page ON page.id = c.id ORDER BY " ORDER
#define WL_LIST_CASES_BY_EVERY_ORDER(LIST, TEXT, PARTIES)                                                  \
  std::array<std::string_view, 4> {                                                                     \
    LIST(TEXT, PARTIES, "c.received_at DESC, c.id DESC"), LIST(TEXT, PARTIES, "c.received_at, c.id"),   \
        LIST(TEXT, PARTIES, "c.updated_at DESC, c.id DESC"), LIST(TEXT, PARTIES, "c.owed_fen - c.paid_fen DESC, c.id DESC") \
  }
#define WL_LIST_CASES_BY_PARTIES(LIST, TEXT)                                                                        \
  CaseListStatements {                                                                                             \
    WL_LIST_CASES_BY_EVERY_ORDER(LIST, TEXT, WL_NO_PARTY), WL_LIST_CASES_BY_EVERY_ORDER(LIST, TEXT, WL_ONE_PARTY), \
        WL_LIST_CASES_BY_EVERY_ORDER(LIST, TEXT, WL_TWO_PARTIES)                                                   \
  }
constexpr CaseListStatements kListCasesReadingText = WL_LIST_CASES_BY_PARTIES(WL_LIST_CASES, WL_TEXT_READ);
constexpr CaseListStatements kListCasesFoundSqlite = WL_LIST_CASES_BY_PARTIES(WL_LIST_FOUND_CASES, WL_AMONG_FOUND_SQLITE);
constexpr CaseListStatements kListCasesFoundPostgres = WL_LIST_CASES_BY_PARTIES(WL_LIST_FOUND_CASES, WL_AMONG_FOUND_POSTGRES);
#undef WL_LIST_CASES_BY_PARTIES
#undef WL_LIST_CASES_BY_EVERY_ORDER
#undef WL_LIST_FOUND_CASES
#undef WL_LIST_CASES
// A search's count stops at kCaseCountCap rows: an exact count over a million cases costs seconds,
// while the first page costs a millisecond; past the cap the pager reads "10,000+". Lists without a
// search are counted exactly from the running totals (CountCases). Through the index a search has at
// most kCaseCountCap candidates (SearchPlan), so its count is exact, and needs no employer: only
// reading the text does. (Without a state or a party a search needs no count statement at all:
// CountCases.) Indexed by the number of bodies.
using CaseCountStatements = std::array<std::string_view, 3>;
#define WL_COUNT_CASES(TEXT, PARTIES)                                                                      \
  "SELECT COUNT(*) FROM (SELECT 1 FROM cases c JOIN employers e ON e.id = c.employer_id WHERE " WL_CASE_STATES \
  TEXT PARTIES " LIMIT 10001) counted"
#define WL_COUNT_FOUND_CASES(AMONG, PARTIES) "SELECT COUNT(*) FROM cases c WHERE " WL_CASE_STATES AMONG PARTIES
#define WL_COUNT_CASES_BY_PARTIES(COUNT, TEXT) \
  CaseCountStatements { COUNT(TEXT, WL_NO_PARTY), COUNT(TEXT, WL_ONE_PARTY), COUNT(TEXT, WL_TWO_PARTIES) }
constexpr CaseCountStatements kCountCasesReadingText = WL_COUNT_CASES_BY_PARTIES(WL_COUNT_CASES, WL_TEXT_READ);
constexpr CaseCountStatements kCountCasesFoundSqlite = WL_COUNT_CASES_BY_PARTIES(WL_COUNT_FOUND_CASES, WL_AMONG_FOUND_SQLITE);
constexpr CaseCountStatements kCountCasesFoundPostgres = WL_COUNT_CASES_BY_PARTIES(WL_COUNT_FOUND_CASES, WL_AMONG_FOUND_POSTGRES);
#undef WL_COUNT_CASES_BY_PARTIES
#undef WL_COUNT_FOUND_CASES
#undef WL_COUNT_CASES
// The cases the index finds for a term, up to one past the cap. [0][0], the term alone, is the only
// one on SQLite. On PostgreSQL the index also holds each case's tags (migration 0031:
// 'party:police', 'state:trial'), and one multi-column index intersects them with the term before a
// row is read: within the police's cases a term found in 100,000 of 1,000,000 is found in about
// 30 ms, where reading the cases to count it took 590-640 ms. The planner takes the term alone to
// the trigram-only index, which answers it about three times faster (the plans are checked by
// CaseSearch.TheLookUpsInTheIndexUseTheIndexThatAnswersThemFastest). Indexed [with states][number of
// bodies].
#define WL_FIND_IN_INDEX(PARTIES, STATES) "SELECT case_id FROM case_search WHERE searchable LIKE ?" PARTIES STATES " LIMIT 10001"
#define WL_TAGGED_PARTY(BODIES) " AND tags @> ARRAY[" BODIES "]"
#define WL_ONE_TAG "CAST(? AS TEXT)"
#define WL_TAGGED_PARTIES(...)                                                                        \
  WL_FIND_IN_INDEX("", __VA_ARGS__), WL_FIND_IN_INDEX(WL_TAGGED_PARTY(WL_ONE_TAG), __VA_ARGS__), \
      WL_FIND_IN_INDEX(WL_TAGGED_PARTY(WL_ONE_TAG ", " WL_ONE_TAG), __VA_ARGS__)
constexpr std::array<std::array<std::string_view, 3>, 2> kFindInIndex = {{
    {WL_TAGGED_PARTIES("")},
    {WL_TAGGED_PARTIES(" AND tags && ARRAY[" WL_ONE_TAG ", " WL_ONE_TAG ", " WL_ONE_TAG ", " WL_ONE_TAG ", " WL_ONE_TAG
                       ", " WL_ONE_TAG ", " WL_ONE_TAG ", " WL_ONE_TAG "]")},
}};
static_assert(kMaxStateFilter == 8, "the state tags above have kMaxStateFilter slots");
#undef WL_TAGGED_PARTIES
#undef WL_ONE_TAG
#undef WL_TAGGED_PARTY
#undef WL_FIND_IN_INDEX
static_assert(kCaseCountCap == 10'000, "the statements above stop at kCaseCountCap + 1");
#undef WL_CASE_COLUMNS
#undef WL_CASE_FROM
#undef WL_CASE_SELECT
#undef WL_CASE_STATES
#undef WL_TEXT_READ
#undef WL_AMONG_FOUND_SQLITE
#undef WL_AMONG_FOUND_POSTGRES
#undef WL_PARTY
#undef WL_NO_PARTY
#undef WL_ONE_PARTY
#undef WL_TWO_PARTIES
#undef WL_CASE_SCOPE

constexpr std::string_view kUpdateState =
    "UPDATE cases SET state = ?, progress = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?";
constexpr std::string_view kSetOrder = "UPDATE cases SET order_deadline = ?, order_delivery = ? WHERE id = ?";
constexpr std::string_view kSetConduct = "UPDATE cases SET conduct = ? WHERE id = ?";

// Workers are written kWorkersPerStatement to a statement: a case or roster of hundreds is a few
// round trips, not two per worker (issue 16: on PostgreSQL the round trips were the import's cost).
constexpr std::size_t kWorkersPerStatement = 100;
constexpr std::string_view kInsertWorkersHead =
    "INSERT INTO workers (id, case_id, name, owed_fen, other_claims_fen, months_unpaid, period_from, period_to, "
    "id_number_enc, id_number_index, id_number_masked, phone_enc, phone_masked, bank_card_enc, bank_card_masked, "
    "created_at) VALUES ";
constexpr std::string_view kInsertWorkersRow = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kReserveWorkerIdsPostgres =
    "SELECT nextval(pg_get_serial_sequence('workers', 'id')) FROM generate_series(1, ?)";
// AUTOINCREMENT hands out one more than the largest id ever used, kept in sqlite_sequence.
constexpr std::string_view kLastWorkerIdSqlite =
    "SELECT MAX(COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'workers'), 0), "
    "COALESCE((SELECT MAX(id) FROM workers), 0))";
constexpr std::string_view kLatestPeriodTo =
    "SELECT MAX(period_to) FROM workers WHERE case_id = ? AND period_to <> ''";
constexpr std::string_view kListWorkers =
    "SELECT id, case_id, name, id_number_enc, id_number_index, id_number_masked, phone_enc, phone_masked, bank_card_enc, "
    "bank_card_masked, owed_fen, months_unpaid, period_from, period_to, paid_fen, other_claims_fen FROM workers "
    "WHERE case_id = ? ORDER BY id";
constexpr std::string_view kFindWorker =
    "SELECT id, case_id, name, id_number_enc, id_number_index, id_number_masked, phone_enc, phone_masked, bank_card_enc, "
    "bank_card_masked, owed_fen, months_unpaid, period_from, period_to, paid_fen, other_claims_fen FROM workers "
    "WHERE case_id = ? AND id = ?";

constexpr std::string_view kInsertPayment =
    "INSERT INTO payments (case_id, worker_id, amount_fen, paid_on, payer, note, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr std::string_view kListPayments =
    "SELECT id, case_id, worker_id, amount_fen, paid_on, payer, note, created_at FROM payments WHERE case_id = ? "
    "ORDER BY paid_on, id";
constexpr std::string_view kRefreshWorkers =
    "UPDATE workers SET paid_fen = (SELECT COALESCE(SUM(amount_fen), 0) FROM payments p WHERE p.worker_id = workers.id) "
    "WHERE case_id = ?";
constexpr std::string_view kRefreshCase =
    "UPDATE cases SET owed_fen = (SELECT COALESCE(SUM(owed_fen), 0) FROM workers w WHERE w.case_id = cases.id), "
    "paid_fen = (SELECT COALESCE(SUM(amount_fen), 0) FROM payments p WHERE p.case_id = cases.id), "
    "workers_count = (SELECT COUNT(*) FROM workers w WHERE w.case_id = cases.id) WHERE id = ?";


EmployerRow ToEmployer(const Row& r) {
  return {r.Int(0), r.Text(1), r.OptText(2), r.Text(3), r.Text(4), r.Text(5)};
}

CaseRow ToCase(const Row& r) {
  CaseRow c;
  c.id = r.Int(0);
  c.case_no = r.Text(1);
  c.title = r.Text(2);
  c.state = r.Text(3);
  c.progress = r.Text(4);
  c.channel = r.Text(5);
  c.received_at = r.Text(6);
  c.employer_id = r.Int(7);
  c.general_contractor_id = r.OptInt(8);
  c.project_name = r.Text(9);
  c.summary = r.Text(10);
  c.conduct = r.Text(11);
  c.migrant_workers = r.Bool(12);
  c.workers_count = r.Int(13);
  c.owed_fen = r.Int(14);
  c.paid_fen = r.Int(15);
  c.order_deadline = r.OptText(16);
  c.order_delivery = r.OptText(17);
  c.created_at = r.Text(18);
  c.updated_at = r.Text(19);
  c.version = r.Int(20);
  c.employer_name = r.Text(21);
  c.transfer_package = r.Text(22);
  c.no_arrears_found = r.Bool(23);
  c.project_id = r.OptInt(24);
  return c;
}

// In a list through the index, the number of found cases the filter admits (WL_LIST_FOUND_CASES).
constexpr std::size_t kFoundCountColumn = 25;

WorkerRow ToWorker(const Row& r) {
  WorkerRow w;
  w.id = r.Int(0);
  w.case_id = r.Int(1);
  w.name = r.Text(2);
  w.id_number_enc = r.OptText(3);
  w.id_number_index = r.OptText(4);
  w.id_number_masked = r.Text(5);
  w.phone_enc = r.OptText(6);
  w.phone_masked = r.Text(7);
  w.bank_card_enc = r.OptText(8);
  w.bank_card_masked = r.Text(9);
  w.owed_fen = r.Int(10);
  w.months_unpaid = r.Int(11);
  w.period_from = r.Text(12);
  w.period_to = r.Text(13);
  w.paid_fen = r.Int(14);
  w.other_claims_fen = r.Int(15);
  return w;
}

// The bodies that must be parties to a listed case (WL_PARTY): the caller's own unless its scope is
// the region, and the one the list asks for, once. The region's tally name ('*') is no body, so as a
// party it matches no case.
std::vector<std::string> RequiredParties(const CaseScope& scope, const CaseFilter& filter) {
  std::vector<std::string> bodies;
  if (!scope.all_in_region) bodies.push_back(scope.body_code);
  if (!filter.party_body.empty() && (bodies.empty() || bodies.front() != filter.party_body)) {
    bodies.push_back(filter.party_body);
  }
  return bodies;
}

// The parameters of WL_CASE_STATES, the text as `search` matches it, and each required party.
Params FilterParams(const CaseFilter& filter, const PlannedSearch& search, const std::vector<std::string>& parties) {
  const std::string like = LikeContains(filter.text);
  Params params{static_cast<std::int64_t>(filter.states.size())};
  // The IN list has a fixed number of slots (one statement text, one cached plan); unused slots
  // repeat the first state, which changes nothing.
  for (std::size_t i = 0; i < kMaxStateFilter; ++i) {
    params.emplace_back(filter.states.empty() ? std::string() : filter.states[i < filter.states.size() ? i : 0]);
  }
  if (search.plan == SearchPlan::kTextIndex) {
    params.emplace_back(search.found);
  } else {
    for (auto value : {Value(filter.text), Value(like), Value(like), Value(like), Value(like)}) params.push_back(std::move(value));
  }
  for (const auto& body : parties) params.emplace_back(body);
  return params;
}

}  // namespace

std::int64_t CaseRepository::NextSequence(std::string_view name, int year) { return TakeSequenceNumbers(name, year, 1); }

std::int64_t CaseRepository::TakeSequenceNumbers(std::string_view name, int year, std::int64_t count) {
  return c_.QueryOne(kTakeSequenceNumbers, {std::string(name), std::int64_t{year}, count, count})->Int(0);
}

std::int64_t CaseRepository::InsertEmployer(const EmployerRow& e, const std::string& now) {
  return c_.InsertReturningId(kInsertEmployer, {e.name, NullableValue(e.credit_code), e.kind, e.address, e.legal_representative, now});
}

std::optional<EmployerRow> CaseRepository::FindEmployer(std::int64_t id) {
  auto row = c_.QueryOne(kSelectEmployer, {id});
  if (!row) return std::nullopt;
  return ToEmployer(*row);
}

PlannedRead EmployerAndContractorRead(std::int64_t employer_id, std::optional<std::int64_t> contractor_id) {
  return {std::string(kSelectTwoEmployers), {employer_id, contractor_id.value_or(employer_id)}};
}

std::pair<std::optional<EmployerRow>, std::optional<EmployerRow>> CaseRepository::FindEmployerAndContractor(
    std::int64_t employer_id, std::optional<std::int64_t> contractor_id) {
  std::pair<std::optional<EmployerRow>, std::optional<EmployerRow>> found;
  const auto read = EmployerAndContractorRead(employer_id, contractor_id);
  c_.Stream(read.sql, read.params, [&](const Row& r) {
    EmployerRow employer = ToEmployer(r);
    if (employer.id == employer_id) found.first = employer;
    if (contractor_id && employer.id == *contractor_id) found.second = std::move(employer);
  });
  return found;
}

std::optional<EmployerRow> CaseRepository::FindEmployerByCreditCode(std::string_view code) {
  auto row = c_.QueryOne(kSelectEmployerByCode, {std::string(code)});
  if (!row) return std::nullopt;
  return ToEmployer(*row);
}

std::int64_t CaseRepository::InsertCase(const CaseRow& c) {
  return c_.InsertReturningId(kInsertCase, {c.case_no, c.title, c.state, c.progress, c.channel, c.received_at,
                                            c.employer_id, NullableValue(c.general_contractor_id), c.project_name, c.summary,
                                            c.conduct, std::int64_t{c.migrant_workers}, c.workers_count, c.owed_fen,
                                            NullableValue(c.created_by), c.created_at, c.updated_at});
}

void CaseRepository::AddParty(std::int64_t case_id, std::string_view body_code, const std::string& now) {
  ExecuteDeferred(c_, kAddParty, {case_id, std::string(body_code), now});
}

PlannedRead PartiesRead(std::int64_t case_id) { return {std::string(kParties), {case_id}}; }

std::vector<std::string> CaseRepository::Parties(std::int64_t case_id) {
  std::vector<std::string> out;
  const auto read = PartiesRead(case_id);
  c_.Stream(read.sql, read.params, [&](const Row& r) { out.push_back(r.Text(0)); });
  return out;
}

std::optional<CaseRow> CaseRepository::FindCase(std::int64_t id, const CaseScope& scope) {
  auto row = c_.QueryOne(kFindCase, {id, std::int64_t{scope.all_in_region}, scope.body_code});
  if (!row) return std::nullopt;
  return ToCase(*row);
}

std::vector<CaseRow> CaseRepository::ListCases(const CaseScope& scope, const CaseFilter& filter, std::int64_t limit,
                                               std::int64_t offset) {
  const auto parties = RequiredParties(scope, filter);
  const PlannedSearch& search = PlanSearch(filter, parties);
  Params params = FilterParams(filter, search, parties);
  params.emplace_back(limit);
  params.emplace_back(offset);
  const auto& statements = search.plan == SearchPlan::kReadCases         ? kListCasesReadingText
                           : c_.dialect() == Dialect::kPostgres ? kListCasesFoundPostgres
                                                                : kListCasesFoundSqlite;
  std::vector<CaseRow> out;
  std::optional<std::int64_t> admitted;
  c_.Stream(statements.at(parties.size()).at(static_cast<std::size_t>(filter.sort)), params, [&](const Row& r) {
    out.push_back(ToCase(r));
    if (search.plan == SearchPlan::kTextIndex) admitted = r.Int(kFoundCountColumn);
  });
  // An empty page (past the last) counted nothing: CountCases then counts.
  listed_count_.reset();
  if (admitted) listed_count_ = ListedCount{filter.text, filter.states, parties, *admitted};
  return out;
}

const PlannedSearch& CaseRepository::PlanSearch(const CaseFilter& filter, const std::vector<std::string>& parties) {
  // ListCases and CountCases of one request plan the same filter: the index is asked once.
  const bool tagged = c_.dialect() == Dialect::kPostgres;
  const std::vector<std::string> untagged;
  const auto& narrowing = tagged ? parties : untagged;
  if (planned_.text != filter.text || planned_.parties != narrowing) planned_ = FindInIndex(filter, narrowing, false);
  // A common term within some states is looked up again with them: the preset lists' tabs count
  // each state of a rare term among the cases found once.
  if (!tagged || filter.states.empty() || planned_.found_count <= kCaseCountCap) return planned_;
  if (planned_with_states_.text != filter.text || planned_with_states_.parties != parties ||
      planned_with_states_.states != filter.states) {
    planned_with_states_ = FindInIndex(filter, parties, true);
  }
  return planned_with_states_;
}

PlannedSearch CaseRepository::FindInIndex(const CaseFilter& filter, const std::vector<std::string>& parties, bool with_states) {
  PlannedSearch planned{filter.text, parties, with_states ? filter.states : std::vector<std::string>{}};
  const std::string like = LikeContains(filter.text);
  // Two of the characters are the pattern's own wildcards.
  if (filter.text.empty() || CodePointCount(like) < kTrigramLength + 2) return planned;
  Params params{like};
  for (const auto& body : parties) params.emplace_back("party:" + body);
  for (std::size_t i = 0; with_states && i < kMaxStateFilter; ++i) {
    params.emplace_back("state:" + filter.states[i < filter.states.size() ? i : 0]);
  }
  std::string found = "[";
  std::int64_t matched = 0;
  c_.Stream(kFindInIndex.at(with_states).at(parties.size()), params, [&](const Row& r) {
    if (++matched > kCaseCountCap) return;  // past the cap the ids are not used
    if (matched > 1) found += ',';
    found += std::to_string(r.Int(0));
  });
  // A term found in more cases than the cap is common enough that reading the cases in the list's
  // order fills a page at once, where taking all its matches from the index would mean sorting them.
  if (matched <= kCaseCountCap) {
    planned.plan = SearchPlan::kTextIndex;
    planned.found = found + "]";
  }
  planned.found_count = matched;  // more than the cap: what the count says, without counting
  return planned;
}

namespace {

// The running totals' scope that holds exactly the cases a filter without text admits, if one does:
// the region, or the cases one body is a party to (the same rule as RequiredParties').
std::optional<std::string> TallyScopeOf(const CaseScope& scope, const CaseFilter& filter) {
  if (!filter.text.empty() || filter.party_body == kRegionScope) return std::nullopt;
  if (scope.all_in_region) return filter.party_body.empty() ? std::string(kRegionScope) : filter.party_body;
  if (filter.party_body.empty() || filter.party_body == scope.body_code) return scope.body_code;
  return std::nullopt;  // another body's cases within this body's: no total keeps the intersection
}

}  // namespace

CaseCount CaseRepository::CountCases(const CaseScope& scope, const CaseFilter& filter) {
  if (auto tally_scope = TallyScopeOf(scope, filter)) {
    return {CaseTallyRepository(c_).CasesIn(*tally_scope, filter.states), false};
  }
  const auto parties = RequiredParties(scope, filter);
  const PlannedSearch& search = PlanSearch(filter, parties);
  // The index matched the whole filter (one row per case, as exactly as the list's own match; on
  // SQLite only a filter of text alone): its count is the answer, where counting it again would
  // look up each found case once more. That holds when it found more than the cap too, and reading
  // the cases to count past the cap again could mean reading most of them (a term in one case of
  // ten, spread over 1,000,000).
  const bool index_counted = search.plan == SearchPlan::kTextIndex || search.found_count > kCaseCountCap;
  if (index_counted && search.parties == parties && search.states == filter.states) return CappedCount(search.found_count);
  // The list of the same filter counted them while choosing its page.
  if (search.plan == SearchPlan::kTextIndex && listed_count_ && listed_count_->text == filter.text &&
      listed_count_->states == filter.states && listed_count_->parties == parties) {
    return {listed_count_->admitted, false};
  }
  const auto& statements = search.plan == SearchPlan::kReadCases         ? kCountCasesReadingText
                           : c_.dialect() == Dialect::kPostgres ? kCountCasesFoundPostgres
                                                                : kCountCasesFoundSqlite;
  return CappedCount(c_.QueryOne(statements.at(parties.size()), FilterParams(filter, search, parties))->Int(0));
}

bool CaseRepository::UpdateState(std::int64_t id, std::int64_t expected_version, const std::string& state,
                                 const std::string& progress, const std::string& now) {
  return c_.Execute(kUpdateState, {state, progress, now, id, expected_version}) == 1;
}

void CaseRepository::SetOrder(std::int64_t id, const std::string& deadline, const std::string& delivery) {
  c_.Execute(kSetOrder, {deadline, delivery, id});
}

void CaseRepository::SetConduct(std::int64_t id, const std::string& conduct) { c_.Execute(kSetConduct, {conduct, id}); }

std::vector<std::int64_t> CaseRepository::ReserveWorkerIds(std::size_t count) {
  std::vector<std::int64_t> ids;
  if (count == 0) return ids;
  ids.reserve(count);
  if (c_.dialect() == Dialect::kPostgres) {
    for (const auto& row : c_.Query(kReserveWorkerIdsPostgres, {static_cast<std::int64_t>(count)})) ids.push_back(row.Int(0));
  } else {
    const std::int64_t last = c_.QueryOne(kLastWorkerIdSqlite)->Int(0);
    for (std::size_t i = 1; i <= count; ++i) ids.push_back(last + static_cast<std::int64_t>(i));
  }
  return ids;
}

void CaseRepository::InsertWorkers(const std::vector<WorkerRow>& workers, const std::string& now) {
  for (std::size_t first = 0; first < workers.size(); first += kWorkersPerStatement) {
    const std::size_t rows = std::min(kWorkersPerStatement, workers.size() - first);
    std::string sql(kInsertWorkersHead);
    Params params;
    params.reserve(rows * 16);
    for (std::size_t i = first; i < first + rows; ++i) {
      const auto& w = workers[i];
      sql.append(i > first ? ", " : "").append(kInsertWorkersRow);
      for (Value v : {Value(w.id), Value(w.case_id), Value(w.name), Value(w.owed_fen), Value(w.other_claims_fen),
                      Value(w.months_unpaid), Value(w.period_from), Value(w.period_to), NullableValue(w.id_number_enc),
                      NullableValue(w.id_number_index), Value(w.id_number_masked), NullableValue(w.phone_enc),
                      Value(w.phone_masked), NullableValue(w.bank_card_enc), Value(w.bank_card_masked), Value(now)}) {
        params.push_back(std::move(v));
      }
    }
    ExecuteDeferred(c_, sql, params);
  }
}

std::optional<std::string> CaseRepository::LatestPeriodTo(std::int64_t case_id) {
  auto row = c_.QueryOne(kLatestPeriodTo, {case_id});
  if (!row) return std::nullopt;
  return row->OptText(0);
}

PlannedRead WorkersRead(std::int64_t case_id) { return {std::string(kListWorkers), {case_id}}; }

std::vector<WorkerRow> CaseRepository::ListWorkers(std::int64_t case_id) {
  std::vector<WorkerRow> out;
  const auto read = WorkersRead(case_id);
  c_.Stream(read.sql, read.params, [&](const Row& r) { out.push_back(ToWorker(r)); });
  return out;
}

std::optional<WorkerRow> CaseRepository::FindWorker(std::int64_t case_id, std::int64_t worker_id) {
  auto row = c_.QueryOne(kFindWorker, {case_id, worker_id});
  if (!row) return std::nullopt;
  return ToWorker(*row);
}

std::int64_t CaseRepository::InsertPayment(const PaymentRow& p) {
  return c_.InsertReturningId(kInsertPayment, {p.case_id, NullableValue(p.worker_id), p.amount_fen, p.paid_on, p.payer, p.note,
                                               p.created_at});
}

PlannedRead PaymentsRead(std::int64_t case_id) { return {std::string(kListPayments), {case_id}}; }

std::vector<PaymentRow> CaseRepository::ListPayments(std::int64_t case_id) {
  std::vector<PaymentRow> out;
  const auto read = PaymentsRead(case_id);
  c_.Stream(read.sql, read.params, [&](const Row& r) {
    out.push_back({r.Int(0), r.Int(1), r.OptInt(2), r.Int(3), r.Text(4), r.Text(5), r.Text(6), r.Text(7)});
  });
  return out;
}

void CaseRepository::RefreshMoney(std::int64_t case_id) {
  c_.Execute(kRefreshWorkers, {case_id});
  RefreshCaseTotals(case_id);
}

void CaseRepository::RefreshCaseTotals(std::int64_t case_id) { ExecuteDeferred(c_, kRefreshCase, {case_id}); }

void CaseRepository::SetWorkerClaim(std::int64_t case_id, std::int64_t worker_id, std::int64_t owed_fen,
                                    std::int64_t other_claims_fen, std::int64_t months_unpaid) {
  c_.Execute("UPDATE workers SET owed_fen = ?, other_claims_fen = ?, months_unpaid = ? WHERE id = ? AND case_id = ?",
             {owed_fen, other_claims_fen, months_unpaid, worker_id, case_id});
  RefreshMoney(case_id);
}

}  // namespace wagelink::store
