#pragma once
// The keys derived from the master key, loaded once at start: field encryption + blind index,
// the audit chain's MAC key and the key that signs audit checkpoints, for both cryptographic
// suites (security/crypto_suite.h). What is written from now on uses the configured suite; what
// was written before is read and verified under the suite it names.
#include <memory>
#include <optional>
#include <string>

#include "core/error.h"
#include "security/audit_chain.h"
#include "security/audit_checkpoint.h"
#include "security/crypto_suite.h"
#include "security/field_crypto.h"
#include "security/master_key.h"
#include "security/shangmi.h"

namespace wagelink::services {

class SecurityKeys {
 public:
  // Whether a missing key file may be created: only for a database nothing was written to under a
  // key yet, and never by `audit verify` (a new key would only make the old data unreadable and
  // the audit log look forged).
  enum class Creation { kAllowed, kRefusedDatabaseInUse, kRefusedReadOnly };

  // Uses `inline_key` (WAGELINK_MASTER_KEY) when given, else the key file, creating it (0600)
  // when it does not exist yet and `creation` allows it.
  static Result<std::shared_ptr<const SecurityKeys>> Load(const std::string& key_file,
                                                          const std::optional<std::string>& inline_key,
                                                          Creation creation = Creation::kAllowed,
                                                          security::CryptoSuite suite = security::CryptoSuite::kSodium);
  security::CryptoSuite suite() const { return cipher_.suite(); }
  const security::FieldCipher& cipher() const { return cipher_; }
  const security::AuditSigningKey& audit_key() const { return audit_key_; }
  // Keys the audit chain's hash (a MAC), so entries cannot be forged or re-hashed without it.
  const security::SubKey& audit_chain_key() const { return audit_chain_key_; }
  // HMAC-SHA256 key for the outbound webhook when the configuration does not set its own secret.
  const security::SubKey& webhook_key() const { return webhook_key_; }
  // Wraps the per-file keys of evidence files (security/file_sealing.h).
  const security::SubKey& evidence_key() const { return evidence_key_; }

  // The audit chain under the configured suite: a new entry's hash, a new checkpoint's signature,
  // the public key an anchor line names, and the keys verification needs for both suites.
  void SealEntry(security::AuditEntry& entry, std::string_view prev_hash) const;
  security::Checkpoint SignCheckpoint(std::int64_t seq, std::string_view hash, std::string_view signed_at,
                                      security::CheckpointKind kind = security::CheckpointKind::kPeriodic) const;
  std::string AnchorPublicKey() const;
  security::ChainKeys ChainKeys() const {
    return {audit_chain_key_, audit_key_.public_key(), &sm3_chain_key_, &sm2_audit_key_.public_key()};
  }

 private:
  SecurityKeys(const security::MasterKey& master, security::CryptoSuite suite)
      : cipher_(master, suite),
        audit_key_(security::AuditSigningKey::Derive(master)),
        sm2_audit_key_(security::Sm2SigningKey::Derive(master.DeriveShangMi(security::KeyPurpose::kAuditSigning))),
        sm3_chain_key_(master.DeriveShangMi(security::KeyPurpose::kAuditChain)),
        webhook_key_(master.Derive(security::KeyPurpose::kWebhookSigning)),
        audit_chain_key_(master.Derive(security::KeyPurpose::kAuditChain)),
        evidence_key_(master.Derive(security::KeyPurpose::kEvidenceFiles)) {}
  security::FieldCipher cipher_;
  security::AuditSigningKey audit_key_;
  security::Sm2SigningKey sm2_audit_key_;
  security::SubKey sm3_chain_key_;
  security::SubKey webhook_key_;
  security::SubKey audit_chain_key_;
  security::SubKey evidence_key_;
};

}  // namespace wagelink::services
