#pragma once
// The audit log table and its signed checkpoints. Append-only: there is no update or delete here.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "security/audit_chain.h"
#include "store/database.h"

namespace wagelink::store {

// What the auditor searches for; every part optional ("" = any), all parts must hold.
struct AuditFilter {
  std::string text;       // the former search: exactly an action, a login name, a target id or a request id
  std::string case_no;    // entries about the case, its workers, evidence files and documents
  std::string actor;      // a login name exactly, or part of an account's display name
  std::string action;     // an action code exactly
  std::string body_code;  // the actor's body
  std::string from_at;    // instants as stored (UTC ISO text): at >= from_at
  std::string until_at;   // at < until_at
};

class AuditRepository {
 public:
  explicit AuditRepository(Connection& connection) : c_(connection) {}

  // Serialises appenders until the transaction ends (PostgreSQL; SQLite writers are serial anyway).
  // It and the two inserts are deferred (store/deferred_write.h): Last() sends the lock with it.
  void LockForAppend();
  // The newest entry's seq and hash, or seq 0 and the genesis hash.
  security::ChainAnchor Last();
  void Insert(const security::AuditEntry& entry);
  void InsertCheckpoint(const security::Checkpoint& checkpoint);
  std::optional<security::AuditEntry> Newest();
  std::optional<security::Checkpoint> NewestCheckpoint();
  bool HasLegacySeal();
  // True once anything was written under the master key (audit entries or checkpoints, encrypted
  // personal data, import files): a new key then could read none of it.
  bool HoldsKeyedData();

  // Newest first.
  std::vector<security::AuditEntry> List(std::int64_t limit, std::int64_t offset, const AuditFilter& filter);
  std::int64_t Count(const AuditFilter& filter);
  // Oldest first, one row at a time (the export).
  void StreamMatching(const AuditFilter& filter, const std::function<void(const security::AuditEntry&)>& on_entry);
  void StreamAll(const std::function<void(const security::AuditEntry&)>& on_entry);
  std::vector<security::Checkpoint> Checkpoints();
  std::vector<security::Checkpoint> CheckpointsAfter(std::int64_t seq);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
