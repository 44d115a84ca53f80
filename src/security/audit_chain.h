#pragma once
// The tamper-evident audit log: each entry's hash covers the previous entry's hash and the entry's
// own fields, so changing, deleting, inserting or reordering entries breaks the chain. The hash is
// a keyed MAC whose key comes from the master key (never stored in the database), so whoever can
// write the table cannot append or re-hash entries; signed checkpoints (audit_checkpoint.h),
// also published outside the database as anchors, catch truncation and rollback.
#include <boost/json/fwd.hpp>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "security/audit_checkpoint.h"
#include "security/master_key.h"

namespace wagelink::security {

// prev_hash of the first entry ever written.
inline constexpr std::string_view kGenesisHash = "0000000000000000000000000000000000000000000000000000000000000000";

struct AuditEntry {
  std::int64_t seq = 0;  // 1, 2, 3 ... without gaps
  std::string at;        // UTC ISO-8601
  std::string actor_user_id;
  std::string actor_username;
  std::string body_code;
  std::string role;
  std::string action;
  std::string target_type;
  std::string target_id;
  std::string before_digest;  // DigestOfJson/DigestOfText of the record before the change
  std::string after_digest;
  std::string request_id;
  std::string client_address;
  std::string prev_hash;  // hash of the entry seq - 1 (kGenesisHash for the first)
  std::string hash;       // ChainHash(*this, prev_hash, key); LegacyChainHash before a legacy seal
};

// Unambiguous encoding of everything an entry says: a format tag, seq as 8 big-endian bytes, then
// every text field as a 4-byte big-endian length and its bytes. Excludes `hash` (it is the output)
// and `prev_hash` (ChainHash chains it in explicitly, so computing a hash before filling in
// prev_hash cannot produce a different result).
std::string CanonicalBytes(const AuditEntry& entry);

// Lower-case hex keyed BLAKE2b-256 (a MAC; key = the master key's "WLCHAIN1" subkey) over
// length-prefixed prev_hash, then CanonicalBytes(entry).
std::string ChainHash(const AuditEntry& entry, std::string_view prev_hash, const SubKey& mac_key);

// The 国密 suite's chain hash: "sm3:" + lower-case hex HMAC-SM3 over the same input, keyed with the
// master key's SM subkey for the chain. The prefix tells verification which MAC an entry carries,
// so a log can change suite part-way (`wagelink crypto switch`) and still verify end to end.
inline constexpr std::string_view kSm3ChainHashPrefix = "sm3:";
std::string Sm3ChainHash(const AuditEntry& entry, std::string_view prev_hash, const SubKey& sm3_mac_key);

// The same without a key: how entries were hashed before the chain was keyed. Only entries up to a
// signed legacy seal (CheckpointKind::kLegacySeal) are checked this way.
std::string LegacyChainHash(const AuditEntry& entry, std::string_view prev_hash);

// Fills in prev_hash and hash of a new entry appended after `prev_hash`.
void SealEntry(AuditEntry& entry, std::string_view prev_hash, const SubKey& mac_key);

// Hex BLAKE2b-256 of a record for before/after digests. The JSON form sorts object keys (at every
// depth) first, so the same record always gives the same digest. Unkeyed: a digest of a record with
// few unknown low-entropy values (a phone alone) can be brute-forced, so digest records that hold
// PII in their encrypted or blind-indexed form, not in plain text.
std::string DigestOfText(std::string_view text);
std::string DigestOfJson(const boost::json::value& value);

// Where verification starts: the genesis, or a trusted (seq, hash) such as an earlier verified
// checkpoint when older entries were archived or only the recent part is checked.
struct ChainAnchor {
  std::int64_t seq = 0;
  std::string hash = std::string(kGenesisHash);
};

struct ChainReport {
  bool ok = true;
  std::optional<std::int64_t> first_bad_seq;  // the earliest entry that is missing or untrustworthy
  std::string reason_zh;
  std::string reason_en;
  std::int64_t entries_checked = 0;
  std::int64_t checkpoints_checked = 0;
};

// What checking a chain needs: the MAC keys (so it takes the master key) and the checkpoint public
// keys. Without the SM ones, an entry or checkpoint of the 国密 suite is a finding.
struct ChainKeys {
  const SubKey& mac_key;
  const AuditPublicKey& public_key;
  const SubKey* sm3_mac_key = nullptr;
  const std::string* sm2_public_key = nullptr;  // uncompressed point (shangmi.h)
};

// Verifies entries (in the order read, expected to be seq anchor.seq+1, +2, ...) and checkpoints
// (any order; those of the database and the anchors published outside it alike). Reports the first
// problem: a checkpoint whose signature fails, two legacy seals, a missing seq (deletion or
// reordering), a duplicate seq, a prev_hash that does not link (insertion), a hash that does not
// match the content (change, or an entry forged without the MAC key), a checkpoint that does not
// match its entry (chain rewritten after the previous good checkpoint), or a checkpoint beyond the
// last entry (tail truncated, rows deleted, database rolled back). Entries after the newest
// checkpoint anywhere can be truncated unnoticed: sign and publish checkpoints often.
ChainReport VerifyChain(std::span<const AuditEntry> entries, std::span<const Checkpoint> checkpoints,
                        const ChainKeys& keys, const ChainAnchor& anchor = {});

}  // namespace wagelink::security
