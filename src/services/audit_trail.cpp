#include "services/audit_trail.h"

#include "store/audit_repository.h"

namespace wagelink::services {

void AuditTrail::Append(store::Connection& connection, const Principal& actor, std::string_view action,
                        const AuditTarget& target, const boost::json::value& before,
                        const boost::json::value& after) const {
  store::AuditRepository repository(connection);
  repository.LockForAppend();
  security::ChainAnchor last = repository.Last();
  security::AuditEntry entry;
  entry.seq = last.seq + 1;
  entry.at = FormatUtc(clock_.Now());
  entry.actor_user_id = actor.user_id ? std::to_string(actor.user_id) : "";
  entry.actor_username = actor.username;
  entry.body_code = actor.body_code;
  entry.role = actor.RoleCodes();
  entry.action = action;
  entry.target_type = target.type;
  entry.target_id = target.id;
  entry.before_digest = before.is_null() ? "" : security::DigestOfJson(before);
  entry.after_digest = after.is_null() ? "" : security::DigestOfJson(after);
  entry.request_id = actor.request_id;
  entry.client_address = actor.client_address;
  security::SealEntry(entry, last.hash);
  repository.Insert(entry);
  if (entry.seq % kCheckpointInterval == 0) {
    repository.InsertCheckpoint(security::SignCheckpoint(keys_->audit_key(), entry.seq, entry.hash, entry.at));
  }
}

security::ChainReport AuditTrail::Verify(store::Connection& connection) const {
  store::AuditRepository repository(connection);
  std::vector<security::AuditEntry> entries;
  repository.StreamAll([&](const security::AuditEntry& e) { entries.push_back(e); });
  auto checkpoints = repository.Checkpoints();
  return security::VerifyChain(entries, checkpoints, keys_->audit_key().public_key());
}

}  // namespace wagelink::services
