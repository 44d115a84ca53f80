#include "store/audit_repository.h"
#include "store/deferred_write.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kPostgresAppendLock = "SELECT pg_advisory_xact_lock(7710422)";
constexpr std::string_view kSelectLast = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
constexpr std::string_view kInsert =
    "INSERT INTO audit_log (seq, at, actor_user_id, actor_username, body_code, role, action, target_type, target_id, "
    "before_digest, after_digest, request_id, client_address, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kInsertCheckpoint =
    "INSERT INTO audit_checkpoints (seq, hash, signed_at, signature, kind) VALUES (?, ?, ?, ?, ?)";
#define WL_AUDIT_COLUMNS                                                                                   \
  "SELECT seq, at, COALESCE(CAST(actor_user_id AS TEXT), ''), actor_username, body_code, role, action, "   \
  "target_type, target_id, before_digest, after_digest, request_id, client_address, prev_hash, hash "      \
  "FROM audit_log "
// One statement text whatever the filter holds (one cached plan): an empty value switches its part off.
// A case's entries are those about the case itself and about its workers (personal data revealed),
// its evidence files and its documents, whose ids the entries hold as text.
#define WL_AUDIT_FILTER                                                                                    \
  "WHERE (? = '' OR action = ? OR actor_username = ? OR target_id = ? OR request_id = ?) "                \
  "AND (? = '' OR (target_type = 'case' AND target_id IN "                                                 \
  "(SELECT CAST(k.id AS TEXT) FROM cases k WHERE k.case_no = ?)) "                                         \
  "OR (target_type = 'worker' AND target_id IN "                                                           \
  "(SELECT CAST(w.id AS TEXT) FROM workers w JOIN cases k ON k.id = w.case_id WHERE k.case_no = ?)) "      \
  "OR (target_type = 'evidence_file' AND target_id IN "                                                    \
  "(SELECT CAST(f.id AS TEXT) FROM evidence_files f JOIN cases k ON f.owner_kind = 'case' AND k.id = f.owner_id " \
  "WHERE k.case_no = ?)) "                                                                                 \
  "OR (target_type = 'document' AND target_id IN "                                                         \
  "(SELECT CAST(d.id AS TEXT) FROM documents d JOIN cases k ON k.id = d.case_id WHERE k.case_no = ?))) "   \
  "AND (? = '' OR actor_username = ? OR actor_username IN (SELECT username FROM users WHERE display_name LIKE ?)) " \
  "AND (? = '' OR action = ?) AND (? = '' OR body_code = ?) AND (? = '' OR at >= ?) AND (? = '' OR at < ?) "
constexpr std::string_view kListAll = WL_AUDIT_COLUMNS "ORDER BY seq DESC LIMIT ? OFFSET ?";
constexpr std::string_view kListMatching = WL_AUDIT_COLUMNS WL_AUDIT_FILTER "ORDER BY seq DESC LIMIT ? OFFSET ?";
constexpr std::string_view kCountMatching = "SELECT COUNT(*) FROM audit_log " WL_AUDIT_FILTER;
constexpr std::string_view kStreamMatching = WL_AUDIT_COLUMNS WL_AUDIT_FILTER "ORDER BY seq";
constexpr std::string_view kStreamAll = WL_AUDIT_COLUMNS "ORDER BY seq";
#undef WL_AUDIT_FILTER
#undef WL_AUDIT_COLUMNS
constexpr std::string_view kNewestCheckpoint =
    "SELECT seq, hash, signed_at, signature, kind FROM audit_checkpoints ORDER BY seq DESC LIMIT 1";
constexpr std::string_view kCheckpointsAfter =
    "SELECT seq, hash, signed_at, signature, kind FROM audit_checkpoints WHERE seq > ? ORDER BY seq";
constexpr std::string_view kHasLegacySeal = "SELECT 1 FROM audit_checkpoints WHERE kind = 'legacy_seal' LIMIT 1";
// Anything written under the master key: audit entries and checkpoints (every write leaves one),
// and encrypted personal data or import files in case someone removed the audit rows.
constexpr std::string_view kHoldsKeyedData =
    "SELECT 1 WHERE EXISTS (SELECT 1 FROM audit_log) OR EXISTS (SELECT 1 FROM audit_checkpoints) "
    "OR EXISTS (SELECT 1 FROM workers WHERE id_number_enc IS NOT NULL OR phone_enc IS NOT NULL "
    "OR bank_card_enc IS NOT NULL) OR EXISTS (SELECT 1 FROM imports WHERE content_enc <> '')";

security::AuditEntry ToEntry(const Row& r) {
  security::AuditEntry e;
  e.seq = r.Int(0);
  e.at = r.Text(1);
  e.actor_user_id = r.Text(2);
  e.actor_username = r.Text(3);
  e.body_code = r.Text(4);
  e.role = r.Text(5);
  e.action = r.Text(6);
  e.target_type = r.Text(7);
  e.target_id = r.Text(8);
  e.before_digest = r.Text(9);
  e.after_digest = r.Text(10);
  e.request_id = r.Text(11);
  e.client_address = r.Text(12);
  e.prev_hash = r.Text(13);
  e.hash = r.Text(14);
  return e;
}

security::Checkpoint ToCheckpoint(const Row& r) {
  // The CHECK constraint admits only the two names; a dropped constraint shows as a bad signature.
  auto kind = security::KindNamed(r.Text(4)).value_or(security::CheckpointKind::kPeriodic);
  return {r.Int(0), r.Text(1), r.Text(2), r.Text(3), kind, ""};
}

}  // namespace

void AuditRepository::LockForAppend() {
  auto* held = c_.audit_chain_held();
  if (held && held->locked) return;  // taken earlier in this transaction, held to its end
  if (c_.dialect() == Dialect::kPostgres) ExecuteDeferred(c_, kPostgresAppendLock);  // Last() follows at once
  // On SQLite the transaction itself is the lock: it began IMMEDIATE, the only writer.
  if (held) held->locked = true;
}

security::ChainAnchor AuditRepository::Last() {
  auto* held = c_.audit_chain_held();
  if (held && held->locked && held->tail) return {held->tail->first, held->tail->second};
  auto row = c_.QueryOne(kSelectLast);
  security::ChainAnchor last = row ? security::ChainAnchor{row->Int(0), row->Text(1)} : security::ChainAnchor{};
  // Under the lock nobody else appends until this transaction ends: what it reads now, and then
  // writes itself (Insert), is the chain's newest entry for the rest of it.
  if (held && held->locked) held->tail.emplace(last.seq, last.hash);
  return last;
}

void AuditRepository::Insert(const security::AuditEntry& e) {
  if (auto* held = c_.audit_chain_held(); held && held->locked) held->tail.emplace(e.seq, e.hash);
  Value actor = e.actor_user_id.empty() ? Value(nullptr) : Value(std::stoll(e.actor_user_id));
  ExecuteDeferred(c_, kInsert, {e.seq, e.at, actor, e.actor_username, e.body_code, e.role, e.action, e.target_type, e.target_id,
                       e.before_digest, e.after_digest, e.request_id, e.client_address, e.prev_hash, e.hash});
}

void AuditRepository::InsertCheckpoint(const security::Checkpoint& cp) {
  ExecuteDeferred(c_, kInsertCheckpoint, {cp.seq, cp.hash, cp.signed_at, cp.signature_hex, std::string(security::KindName(cp.kind))});
}

std::optional<security::AuditEntry> AuditRepository::Newest() {
  std::optional<security::AuditEntry> newest;
  c_.Stream(kListAll, {std::int64_t{1}, std::int64_t{0}}, [&](const Row& r) { newest = ToEntry(r); });
  return newest;
}

std::optional<security::Checkpoint> AuditRepository::NewestCheckpoint() {
  auto row = c_.QueryOne(kNewestCheckpoint);
  if (!row) return std::nullopt;
  return ToCheckpoint(*row);
}

bool AuditRepository::HasLegacySeal() {
  return c_.QueryOne(kHasLegacySeal).has_value();
}

bool AuditRepository::HoldsKeyedData() {
  return c_.QueryOne(kHoldsKeyedData).has_value();
}

namespace {
Params FilterParams(const AuditFilter& f) {
  const std::string& t = f.text;
  const std::string& k = f.case_no;
  const std::string name_like = f.actor.empty() ? std::string() : LikeContains(f.actor);
  return {t,         t,         t,         t,         t,          k,          k,
          k,         k,         k,         f.actor,   f.actor,    name_like,  f.action,
          f.action,  f.body_code, f.body_code, f.from_at, f.from_at, f.until_at, f.until_at};
}
}  // namespace

std::vector<security::AuditEntry> AuditRepository::List(std::int64_t limit, std::int64_t offset,
                                                        const AuditFilter& filter) {
  Params params = FilterParams(filter);
  params.emplace_back(limit);
  params.emplace_back(offset);
  std::vector<security::AuditEntry> out;
  c_.Stream(kListMatching, params, [&](const Row& r) { out.push_back(ToEntry(r)); });
  return out;
}

std::int64_t AuditRepository::Count(const AuditFilter& filter) {
  return c_.QueryOne(kCountMatching, FilterParams(filter))->Int(0);
}

void AuditRepository::StreamMatching(const AuditFilter& filter,
                                     const std::function<void(const security::AuditEntry&)>& on_entry) {
  c_.Stream(kStreamMatching, FilterParams(filter), [&](const Row& r) { on_entry(ToEntry(r)); });
}

void AuditRepository::StreamAll(const std::function<void(const security::AuditEntry&)>& on_entry) {
  c_.Stream(kStreamAll, {}, [&](const Row& r) { on_entry(ToEntry(r)); });
}

std::vector<security::Checkpoint> AuditRepository::Checkpoints() {
  return CheckpointsAfter(0);  // seq starts at 1
}

std::vector<security::Checkpoint> AuditRepository::CheckpointsAfter(std::int64_t seq) {
  std::vector<security::Checkpoint> out;
  c_.Stream(kCheckpointsAfter, {seq}, [&](const Row& r) { out.push_back(ToCheckpoint(r)); });
  return out;
}

}  // namespace wagelink::store
