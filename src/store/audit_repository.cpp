#include "store/audit_repository.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kPostgresAppendLock = "SELECT pg_advisory_xact_lock(7710422)";
constexpr std::string_view kSelectLast = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1";
constexpr std::string_view kInsert =
    "INSERT INTO audit_log (seq, at, actor_user_id, actor_username, body_code, role, action, target_type, target_id, "
    "before_digest, after_digest, request_id, client_address, prev_hash, hash) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr std::string_view kInsertCheckpoint =
    "INSERT INTO audit_checkpoints (seq, hash, signed_at, signature) VALUES (?, ?, ?, ?)";
constexpr std::string_view kListAll =
    "SELECT seq, at, COALESCE(CAST(actor_user_id AS TEXT), ''), actor_username, body_code, role, action, target_type, "
    "target_id, before_digest, after_digest, request_id, client_address, prev_hash, hash FROM audit_log "
    "ORDER BY seq DESC LIMIT ? OFFSET ?";
constexpr std::string_view kListMatching =
    "SELECT seq, at, COALESCE(CAST(actor_user_id AS TEXT), ''), actor_username, body_code, role, action, target_type, "
    "target_id, before_digest, after_digest, request_id, client_address, prev_hash, hash FROM audit_log "
    "WHERE action = ? OR actor_username = ? OR target_id = ? OR request_id = ? ORDER BY seq DESC LIMIT ? OFFSET ?";
constexpr std::string_view kCountAll = "SELECT COUNT(*) FROM audit_log";
constexpr std::string_view kCountMatching =
    "SELECT COUNT(*) FROM audit_log WHERE action = ? OR actor_username = ? OR target_id = ? OR request_id = ?";
constexpr std::string_view kStreamAll =
    "SELECT seq, at, COALESCE(CAST(actor_user_id AS TEXT), ''), actor_username, body_code, role, action, target_type, "
    "target_id, before_digest, after_digest, request_id, client_address, prev_hash, hash FROM audit_log ORDER BY seq";
constexpr std::string_view kCheckpoints = "SELECT seq, hash, signed_at, signature FROM audit_checkpoints ORDER BY seq";

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

}  // namespace

void AuditRepository::LockForAppend() {
  if (c_.dialect() == Dialect::kPostgres) c_.QueryOne(kPostgresAppendLock);
}

security::ChainAnchor AuditRepository::Last() {
  auto row = c_.QueryOne(kSelectLast);
  if (!row) return {};
  return {row->Int(0), row->Text(1)};
}

void AuditRepository::Insert(const security::AuditEntry& e) {
  Value actor = e.actor_user_id.empty() ? Value(nullptr) : Value(std::stoll(e.actor_user_id));
  c_.Execute(kInsert, {e.seq, e.at, actor, e.actor_username, e.body_code, e.role, e.action, e.target_type, e.target_id,
                       e.before_digest, e.after_digest, e.request_id, e.client_address, e.prev_hash, e.hash});
}

void AuditRepository::InsertCheckpoint(const security::Checkpoint& cp) {
  c_.Execute(kInsertCheckpoint, {cp.seq, cp.hash, cp.signed_at, cp.signature_hex});
}

std::vector<security::AuditEntry> AuditRepository::List(std::int64_t limit, std::int64_t offset, const std::string& text) {
  std::vector<security::AuditEntry> out;
  auto collect = [&](const Row& r) { out.push_back(ToEntry(r)); };
  if (text.empty()) {
    c_.Stream(kListAll, {limit, offset}, collect);
  } else {
    c_.Stream(kListMatching, {text, text, text, text, limit, offset}, collect);
  }
  return out;
}

std::int64_t AuditRepository::Count(const std::string& text) {
  if (text.empty()) return c_.QueryOne(kCountAll)->Int(0);
  return c_.QueryOne(kCountMatching, {text, text, text, text})->Int(0);
}

void AuditRepository::StreamAll(const std::function<void(const security::AuditEntry&)>& on_entry) {
  c_.Stream(kStreamAll, {}, [&](const Row& r) { on_entry(ToEntry(r)); });
}

std::vector<security::Checkpoint> AuditRepository::Checkpoints() {
  std::vector<security::Checkpoint> out;
  c_.Stream(kCheckpoints, {}, [&](const Row& r) { out.push_back({r.Int(0), r.Text(1), r.Text(2), r.Text(3)}); });
  return out;
}

}  // namespace wagelink::store
