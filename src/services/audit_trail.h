#pragma once
// Appends audit entries inside the caller's transaction, so a write and its audit entry commit or
// roll back together. Entries are chained with a keyed MAC; every `checkpoint_every`-th entry gets
// a signed checkpoint, and PublishAnchors (a job every few minutes, at start, at shutdown and on an
// auditor's download) signs the head and copies every new checkpoint to the anchor file outside
// the database. Verify checks the log against the database's checkpoints and those anchors.
#include <boost/json/value.hpp>
#include <mutex>
#include <optional>
#include <span>
#include <string>

#include "core/clock.h"
#include "security/audit_chain.h"
#include "services/principal.h"
#include "services/security_keys.h"
#include "store/database.h"

namespace wagelink::services {

struct AuditAnchoring {
  std::int64_t checkpoint_every = 16;  // entries between signed checkpoints
  std::string anchor_file;             // the append-only anchor file; "" = anchors are not published
};

struct AuditTarget {
  std::string type;  // e.g. "user", "session", "liaison", "case"
  std::string id;
};

class AuditTrail {
 public:
  AuditTrail(std::shared_ptr<const SecurityKeys> keys, const Clock& clock, AuditAnchoring anchoring = {})
      : keys_(std::move(keys)), clock_(clock), anchoring_(std::move(anchoring)) {}

  // `before`/`after` are digested (never stored) so the log proves what changed without holding
  // personal data; pass already-masked or encrypted forms of personal fields.
  void Append(store::Connection& connection, const Principal& actor, std::string_view action, const AuditTarget& target,
              const boost::json::value& before = nullptr, const boost::json::value& after = nullptr) const;

  // Checks the whole log: the keyed chain, every checkpoint signature, the database's checkpoints,
  // the anchor file (its absence is a finding) and `handed_anchors`
  // (e.g. the auditor's download). Then records the check itself as `audit.verify` by `who`.
  security::ChainReport Verify(store::Connection& connection, const Principal& who,
                               std::span<const security::Checkpoint> handed_anchors = {}) const;

  // Signs a checkpoint for the newest entry unless it has one; the newest checkpoint, or nullopt
  // for an empty log. In the caller's transaction.
  std::optional<security::Checkpoint> CheckpointHead(store::Connection& connection) const;

  // Checkpoints the head (own transaction), then appends every checkpoint not yet in the anchor
  // file to it (creating it, even empty). Serialised within the process.
  Status PublishAnchors(store::Database& db) const;

  // Existing logs written before the chain was keyed: if the newest entry carries the old unkeyed
  // hash and there is no legacy seal, verifies the whole log the old way (against its checkpoints
  // and the anchor file), appends one last unkeyed entry `audit.legacy_sealed` and signs a legacy
  // seal on it; every later entry is keyed. A log that does not verify is left unsealed (and
  // `audit verify` keeps reporting it); the error says where.
  Status SealLegacyChain(store::Database& db) const;

  std::string AnchorLineFor(const security::Checkpoint& checkpoint) const;

 private:
  security::ChainKeys Keys() const { return keys_->ChainKeys(); }
  // The anchors in the anchor file; a finding (not ok) when it is damaged, or missing and
  // `missing_is_finding` (the server creates it before it serves, so only removal makes it vanish).
  std::vector<security::Checkpoint> PublishedAnchors(bool missing_is_finding, security::ChainReport& finding) const;

  std::shared_ptr<const SecurityKeys> keys_;
  const Clock& clock_;
  AuditAnchoring anchoring_;
  mutable std::mutex publish_mutex_;
  mutable std::int64_t published_seq_ = -1;  // newest seq in the anchor file; -1 = not read yet
};

}  // namespace wagelink::services
