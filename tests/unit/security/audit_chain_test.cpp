#include "security/audit_chain.h"
#include "security/audit_anchor.h"
#include "security/shangmi.h"

#include <gtest/gtest.h>

#include <array>
#include <boost/json.hpp>
#include <utility>
#include <vector>

namespace wagelink::security {
namespace {

MasterKey KeyOf(unsigned char fill) {
  std::array<unsigned char, kKeyBytes> bytes{};
  bytes.fill(fill);
  return MasterKey::FromBytes(bytes);
}

// The chain's MAC key, as the server derives it from its master key.
const SubKey& MacKey() {
  static const SubKey key = KeyOf(3).Derive(KeyPurpose::kAuditChain);
  return key;
}

AuditEntry EntryFor(std::int64_t seq) {
  AuditEntry entry;
  entry.seq = seq;
  entry.at = "2024-03-15T08:00:" + std::string(seq < 10 ? "0" : "") + std::to_string(seq) + "Z";
  entry.actor_user_id = "17";
  entry.actor_username = "zhaoming";
  entry.body_code = "police";
  entry.role = "police_officer";
  entry.action = "case.update";
  entry.target_type = "case";
  entry.target_id = std::to_string(100 + seq);
  entry.before_digest = DigestOfText("before " + std::to_string(seq));
  entry.after_digest = DigestOfText("after " + std::to_string(seq));
  entry.request_id = "req-" + std::to_string(seq);
  entry.client_address = "10.0.0.8";
  return entry;
}

std::vector<AuditEntry> Chain(int count) {
  std::vector<AuditEntry> entries;
  std::string prev(kGenesisHash);
  for (int seq = 1; seq <= count; ++seq) {
    entries.push_back(EntryFor(seq));
    SealEntry(entries.back(), prev, MacKey());
    prev = entries.back().hash;
  }
  return entries;
}

// Re-hashes every entry from `from` on, as an attacker with write access to the table would.
void Rehash(std::vector<AuditEntry>& entries, std::size_t from) {
  for (std::size_t i = from; i < entries.size(); ++i) {
    SealEntry(entries[i], i == 0 ? std::string(kGenesisHash) : entries[i - 1].hash, MacKey());
  }
}

class AuditChain : public ::testing::Test {
 protected:
  AuditSigningKey signer_ = AuditSigningKey::Derive(KeyOf(3));
  std::vector<AuditEntry> entries_ = Chain(10);

  Checkpoint CheckpointAt(std::int64_t seq) {
    return SignCheckpoint(signer_, seq, entries_[seq - 1].hash, "2024-03-15T09:00:00Z");
  }
  ChainKeys Keys() const { return {MacKey(), signer_.public_key()}; }
  ChainReport Verify(const std::vector<Checkpoint>& checkpoints = {}) {
    return VerifyChain(entries_, checkpoints, Keys());
  }
};

TEST(AuditChainHash, CanonicalBytesAreUnambiguousAndExcludeHashes) {
  AuditEntry a = EntryFor(1);
  AuditEntry b = a;
  a.actor_user_id = "1";
  a.actor_username = "7zhaoming";
  b.actor_user_id = "17";
  b.actor_username = "zhaoming";
  EXPECT_NE(CanonicalBytes(a), CanonicalBytes(b));  // moving a character between fields matters
  AuditEntry c = a;
  c.hash = "anything";
  c.prev_hash = "anything";
  EXPECT_EQ(CanonicalBytes(a), CanonicalBytes(c));
}

TEST(AuditChainHash, ChainHashDependsOnPrevHashAndEveryField) {
  const AuditEntry entry = EntryFor(1);
  const std::string hash = ChainHash(entry, kGenesisHash, MacKey());
  EXPECT_EQ(hash.size(), 64u);
  EXPECT_EQ(hash, ChainHash(entry, kGenesisHash, MacKey()));
  EXPECT_NE(hash, ChainHash(entry, std::string(64, '1'), MacKey()));
  for (std::string AuditEntry::*field :
       {&AuditEntry::at, &AuditEntry::actor_user_id, &AuditEntry::actor_username, &AuditEntry::body_code,
        &AuditEntry::role, &AuditEntry::action, &AuditEntry::target_type, &AuditEntry::target_id,
        &AuditEntry::before_digest, &AuditEntry::after_digest, &AuditEntry::request_id, &AuditEntry::client_address}) {
    AuditEntry changed = entry;
    changed.*field += "x";
    EXPECT_NE(ChainHash(changed, kGenesisHash, MacKey()), hash);
  }
  AuditEntry other_seq = entry;
  other_seq.seq = 2;
  EXPECT_NE(ChainHash(other_seq, kGenesisHash, MacKey()), hash);
}

TEST(AuditChainHash, JsonDigestIgnoresKeyOrderButNotValues) {
  const auto a = boost::json::parse(R"({"b":1,"a":{"y":[1,2],"x":"张三"}})");
  const auto b = boost::json::parse(R"({"a":{"x":"张三","y":[1,2]},"b":1})");
  const auto c = boost::json::parse(R"({"a":{"x":"张三","y":[2,1]},"b":1})");
  EXPECT_EQ(DigestOfJson(a), DigestOfJson(b));
  EXPECT_NE(DigestOfJson(a), DigestOfJson(c));
  EXPECT_EQ(DigestOfText("x").size(), 64u);
  EXPECT_NE(DigestOfText("x"), DigestOfText("y"));
}

TEST_F(AuditChain, IntactChainVerifies) {
  const ChainReport report = Verify({CheckpointAt(5), CheckpointAt(10)});
  EXPECT_TRUE(report.ok) << report.reason_en;
  EXPECT_FALSE(report.first_bad_seq.has_value());
  EXPECT_EQ(report.entries_checked, 10);
  EXPECT_EQ(report.checkpoints_checked, 2);
}

TEST_F(AuditChain, EmptyLogVerifies) {
  entries_.clear();
  EXPECT_TRUE(Verify().ok);
}

TEST_F(AuditChain, ChangedEntryIsNamed) {
  entries_[3].action = "case.delete";
  const ChainReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 4);
  EXPECT_NE(report.reason_en.find("changed"), std::string::npos);
  EXPECT_NE(report.reason_zh.find("被修改"), std::string::npos);
}

TEST_F(AuditChain, DeletedEntryIsNamed) {
  entries_.erase(entries_.begin() + 4);  // seq 5
  const ChainReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 5);
  EXPECT_NE(report.reason_en.find("missing"), std::string::npos);
}

TEST_F(AuditChain, DeletedAndRenumberedEntryIsCaught) {
  entries_.erase(entries_.begin() + 4);
  for (std::size_t i = 4; i < entries_.size(); ++i) --entries_[i].seq;
  const ChainReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 5);
}

TEST_F(AuditChain, DeletedFirstEntryIsCaught) {
  entries_.erase(entries_.begin());
  const ChainReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 1);
}

TEST_F(AuditChain, InsertedEntryWithDuplicateSeqIsCaught) {
  AuditEntry forged = EntryFor(6);
  forged.action = "pii.reveal";
  SealEntry(forged, entries_[5].hash, MacKey());
  entries_.insert(entries_.begin() + 6, forged);
  const ChainReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 6);
  EXPECT_NE(report.reason_en.find("duplicated"), std::string::npos);
}

TEST_F(AuditChain, InsertedAndRenumberedEntryIsCaught) {
  AuditEntry forged = EntryFor(6);
  SealEntry(forged, entries_[4].hash, MacKey());
  entries_.insert(entries_.begin() + 5, forged);
  for (std::size_t i = 6; i < entries_.size(); ++i) ++entries_[i].seq;
  const ChainReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 7);  // the entry after the forgery no longer links
  EXPECT_NE(report.reason_en.find("prev_hash"), std::string::npos);
}

TEST_F(AuditChain, ReorderedEntriesAreCaught) {
  std::swap(entries_[2], entries_[3]);
  const ChainReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 3);
}

TEST_F(AuditChain, ReorderedAndRenumberedEntriesAreCaught) {
  std::swap(entries_[2], entries_[3]);
  std::swap(entries_[2].seq, entries_[3].seq);
  const ChainReport report = Verify();
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 3);
}

TEST_F(AuditChain, WrongGenesisIsCaught) {
  entries_[0].prev_hash = std::string(64, 'f');
  EXPECT_EQ(Verify().first_bad_seq, 1);
}

TEST_F(AuditChain, RewrittenAndRehashedChainIsCaughtByCheckpoint) {
  const std::vector<Checkpoint> checkpoints{CheckpointAt(3), CheckpointAt(8)};
  entries_[5].target_id = "999";  // seq 6
  Rehash(entries_, 5);
  EXPECT_TRUE(VerifyChain(entries_, {}, Keys()).ok);  // with the MAC key, the chain alone cannot tell
  const ChainReport report = Verify(checkpoints);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 4);  // the first entry after the last good checkpoint
  EXPECT_NE(report.reason_en.find("rewritten"), std::string::npos);
  EXPECT_NE(report.reason_en.find("8"), std::string::npos);
}

TEST_F(AuditChain, ForgedCheckpointSignatureIsCaught) {
  Checkpoint forged = CheckpointAt(10);
  forged.signature_hex[5] = forged.signature_hex[5] == '0' ? '1' : '0';
  const ChainReport report = Verify({CheckpointAt(5), forged});
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 10);
  EXPECT_NE(report.reason_en.find("signature"), std::string::npos);
}

TEST_F(AuditChain, CheckpointSignedWithAnotherKeyIsCaught) {
  // An attacker without the master key signs a rewritten chain with a key of their own.
  const AuditSigningKey attacker = AuditSigningKey::Derive(KeyOf(4));
  entries_[1].action = "x";
  Rehash(entries_, 1);
  const Checkpoint forged = SignCheckpoint(attacker, 10, entries_[9].hash, "2024-03-15T09:00:00Z");
  EXPECT_FALSE(Verify({forged}).ok);
}

TEST_F(AuditChain, CheckpointFieldsAreCoveredBySignature) {
  Checkpoint moved = CheckpointAt(5);
  moved.seq = 6;
  EXPECT_FALSE(VerifyCheckpoint(moved, signer_.public_key()));
  Checkpoint redated = CheckpointAt(5);
  redated.signed_at = "2030-01-01T00:00:00Z";
  EXPECT_FALSE(VerifyCheckpoint(redated, signer_.public_key()));
  Checkpoint garbage = CheckpointAt(5);
  garbage.signature_hex = "zz";
  EXPECT_FALSE(VerifyCheckpoint(garbage, signer_.public_key()));
  EXPECT_TRUE(VerifyCheckpoint(CheckpointAt(5), signer_.public_key()));
}

TEST_F(AuditChain, TruncatedTailBeforeACheckpointIsCaught) {
  const std::vector<Checkpoint> checkpoints{CheckpointAt(10)};
  entries_.resize(7);
  const ChainReport report = Verify(checkpoints);
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 8);
  EXPECT_NE(report.reason_en.find("deleted"), std::string::npos);
}

TEST_F(AuditChain, WipedLogWithACheckpointIsCaught) {
  const std::vector<Checkpoint> checkpoints{CheckpointAt(10)};
  entries_.clear();
  EXPECT_EQ(Verify(checkpoints).first_bad_seq, 1);
}

TEST_F(AuditChain, VerifiesFromAnAnchor) {
  const ChainAnchor anchor{5, entries_[4].hash};
  const std::vector<AuditEntry> recent(entries_.begin() + 5, entries_.end());
  EXPECT_TRUE(VerifyChain(recent, std::vector{CheckpointAt(5), CheckpointAt(10)}, Keys(), anchor).ok);
  const ChainAnchor wrong{5, entries_[3].hash};
  EXPECT_FALSE(VerifyChain(recent, {}, Keys(), wrong).ok);
  EXPECT_FALSE(
      VerifyChain(recent, std::vector{CheckpointAt(4)}, Keys(), ChainAnchor{4, entries_[3].hash}).ok);
}

TEST(AuditChainHash, TheHashIsAMacUnderTheChainKey) {
  const AuditEntry entry = EntryFor(1);
  const SubKey other = KeyOf(4).Derive(KeyPurpose::kAuditChain);
  EXPECT_NE(ChainHash(entry, kGenesisHash, MacKey()), ChainHash(entry, kGenesisHash, other));
  EXPECT_NE(ChainHash(entry, kGenesisHash, MacKey()), LegacyChainHash(entry, kGenesisHash));
  EXPECT_EQ(LegacyChainHash(entry, kGenesisHash).size(), 64u);
}

TEST_F(AuditChain, AnEntryForgedWithoutTheMacKeyIsCaught) {
  // Whoever can write the table but not read the master key can only hash the old, unkeyed way,
  // or with a key of their own.
  AuditEntry unkeyed = EntryFor(11);
  unkeyed.prev_hash = entries_[9].hash;
  unkeyed.hash = LegacyChainHash(unkeyed, entries_[9].hash);
  entries_.push_back(unkeyed);
  ChainReport report = Verify({CheckpointAt(10)});
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 11);
  EXPECT_NE(report.reason_en.find("forged"), std::string::npos);
  entries_.back() = EntryFor(11);
  SealEntry(entries_.back(), entries_[9].hash, KeyOf(4).Derive(KeyPurpose::kAuditChain));
  EXPECT_EQ(Verify().first_bad_seq, 11);
}

// A log written before the chain was keyed: entries 1-5 unkeyed, sealed at 5, then keyed 6-10.
class LegacyAuditChain : public AuditChain {
 protected:
  LegacyAuditChain() {
    std::string prev(kGenesisHash);
    for (auto& entry : entries_) {
      entry.prev_hash = prev;
      entry.hash = entry.seq <= 5 ? LegacyChainHash(entry, prev) : ChainHash(entry, prev, MacKey());
      prev = entry.hash;
    }
  }
  Checkpoint SealAt(std::int64_t seq) {
    return SignCheckpoint(signer_, seq, entries_[seq - 1].hash, "2024-03-15T09:00:00Z", CheckpointKind::kLegacySeal);
  }
};

TEST_F(LegacyAuditChain, TheSealedLegacyPrefixVerifiesTheOldWayAndTheRestKeyed) {
  EXPECT_TRUE(Verify({SealAt(5), CheckpointAt(10)}).ok) << Verify({SealAt(5)}).reason_en;
  EXPECT_EQ(Verify({CheckpointAt(10)}).first_bad_seq, 1);  // without the seal nothing unkeyed passes
}

TEST_F(LegacyAuditChain, NoUnkeyedEntryPassesAfterTheSeal) {
  entries_[6].action = "pii.reveal";
  entries_[6].hash = LegacyChainHash(entries_[6], entries_[5].hash);
  EXPECT_EQ(Verify({SealAt(5)}).first_bad_seq, 7);
}

TEST_F(LegacyAuditChain, ASealCannotBeMadeOfAPeriodicCheckpointNorMoved) {
  Checkpoint posing = CheckpointAt(7);
  posing.kind = CheckpointKind::kLegacySeal;
  EXPECT_FALSE(VerifyCheckpoint(posing, signer_.public_key()));
  const ChainReport report = Verify({SealAt(5), SealAt(6)});
  EXPECT_FALSE(report.ok);
  EXPECT_NE(report.reason_en.find("two different legacy seals"), std::string::npos);
}

TEST_F(AuditChain, AnchorsRoundTripThroughTheirLineFormatAndNameTheirFile) {
  const std::string text = AnchorLine(CheckpointAt(5), signer_.public_key().ToHex()) + "\n" +
                           AnchorLine(SignCheckpoint(signer_, 10, entries_[9].hash, "2024-03-15T09:00:00Z",
                                                     CheckpointKind::kLegacySeal),
                                      signer_.public_key().ToHex());
  auto anchors = ParseAnchors(text, "/srv/anchors.jsonl");
  ASSERT_TRUE(anchors.ok()) << anchors.error().message_en;
  ASSERT_EQ(anchors->size(), 2u);
  EXPECT_EQ((*anchors)[0].seq, 5);
  EXPECT_EQ((*anchors)[1].kind, CheckpointKind::kLegacySeal);
  EXPECT_TRUE(VerifyCheckpoint((*anchors)[0], signer_.public_key()));
  EXPECT_EQ((*anchors)[0].source, "/srv/anchors.jsonl");
  // A truncated log no longer matches an anchor, and the finding names where the anchor came from.
  std::vector<Checkpoint> published{(*anchors)[0]};
  entries_.resize(3);
  const ChainReport report = Verify(published);
  EXPECT_FALSE(report.ok);
  EXPECT_NE(report.reason_en.find("/srv/anchors.jsonl"), std::string::npos) << report.reason_en;
}

TEST(AuditAnchors, ADamagedLineIsAnErrorNamingItsLine) {
  const auto parsed = ParseAnchors("\n{\"seq\":1}\n", "a.jsonl");
  ASSERT_FALSE(parsed.ok());
  EXPECT_NE(parsed.error().message_en.find("a.jsonl:2"), std::string::npos);
  EXPECT_FALSE(ParseAnchors("not json", "a.jsonl").ok());
  EXPECT_TRUE(ParseAnchors("", "a.jsonl").ok());
}

TEST(AuditSigning, KeyIsDeterministicFromTheMasterKeyAndPublicKeyRoundTrips) {
  const AuditSigningKey a = AuditSigningKey::Derive(KeyOf(3));
  const AuditSigningKey b = AuditSigningKey::Derive(KeyOf(3));
  const AuditSigningKey c = AuditSigningKey::Derive(KeyOf(4));
  EXPECT_EQ(a.public_key().ToHex(), b.public_key().ToHex());
  EXPECT_NE(a.public_key().ToHex(), c.public_key().ToHex());
  const auto parsed = AuditPublicKey::FromHex(a.public_key().ToHex());
  ASSERT_TRUE(parsed.ok());
  const Checkpoint checkpoint = SignCheckpoint(a, 1, std::string(64, 'a'), "2024-01-01T00:00:00Z");
  EXPECT_TRUE(VerifyCheckpoint(checkpoint, *parsed));
  EXPECT_FALSE(VerifyCheckpoint(checkpoint, c.public_key()));
  EXPECT_FALSE(AuditPublicKey::FromHex("abcd").ok());
  EXPECT_FALSE(AuditPublicKey::FromHex(std::string(64, 'g')).ok());
}

// A log that changes suite part-way (`wagelink crypto switch`): entries 1–5 keyed BLAKE2b with an
// Ed25519 checkpoint, 6–10 HMAC-SM3 with an SM2 checkpoint. It verifies as a whole, and the usual
// attacks are still caught on the SM side.
class SwitchedAuditChain : public AuditChain {
 protected:
  SubKey sm3_key_ = KeyOf(3).DeriveShangMi(KeyPurpose::kAuditChain);
  Sm2SigningKey sm2_ = Sm2SigningKey::Derive(KeyOf(3).DeriveShangMi(KeyPurpose::kAuditSigning));
  std::string sm2_public_ = sm2_.public_key();

  void SetUp() override { RehashSm(5); }
  void RehashSm(std::size_t from) {
    for (std::size_t i = from; i < entries_.size(); ++i) {
      entries_[i].prev_hash = entries_[i - 1].hash;
      entries_[i].hash = Sm3ChainHash(entries_[i], entries_[i - 1].hash, sm3_key_);
    }
  }
  ChainKeys SmKeys() const { return {MacKey(), signer_.public_key(), &sm3_key_, &sm2_public_}; }
  std::vector<Checkpoint> Checkpoints() {
    return {CheckpointAt(5), SignCheckpointSm2(sm2_, 10, entries_[9].hash, "2024-03-15T09:00:00Z")};
  }
};

TEST_F(SwitchedAuditChain, VerifiesAcrossTheSwitchWithBothSuitesKeys) {
  EXPECT_TRUE(entries_[5].hash.starts_with("sm3:"));
  const auto checkpoints = Checkpoints();
  EXPECT_TRUE(checkpoints[1].signature_hex.starts_with("sm2:"));
  const auto report = VerifyChain(entries_, checkpoints, SmKeys());
  EXPECT_TRUE(report.ok) << report.reason_en;
  EXPECT_EQ(report.entries_checked, 10);
  EXPECT_EQ(report.checkpoints_checked, 2);
  EXPECT_FALSE(VerifyChain(entries_, checkpoints, Keys()).ok) << "without the SM keys nothing of the SM part is trusted";
}

TEST_F(SwitchedAuditChain, AChangedSmEntryOrAForgedSm2CheckpointIsCaught) {
  auto checkpoints = Checkpoints();
  entries_[7].action = "case.delete";
  auto report = VerifyChain(entries_, checkpoints, SmKeys());
  EXPECT_FALSE(report.ok);
  EXPECT_EQ(report.first_bad_seq, 8);

  entries_ = Chain(10);
  RehashSm(5);
  auto forged = SignCheckpointSm2(Sm2SigningKey::Derive(KeyOf(9).DeriveShangMi(KeyPurpose::kAuditSigning)), 10,
                                  entries_[9].hash, "2024-03-15T09:00:00Z");
  const std::vector<Checkpoint> forged_only{forged};
  report = VerifyChain(entries_, forged_only, SmKeys());
  EXPECT_FALSE(report.ok);
  EXPECT_NE(report.reason_en.find("invalid signature"), std::string::npos) << report.reason_en;
}

TEST_F(SwitchedAuditChain, AnSmEntryRehashedAsSodiumOrWithoutItsKeyIsCaught) {
  // Whoever drops the prefix to pass an entry off as the other suite still needs that suite's key.
  entries_[9].hash = ChainHash(entries_[9], entries_[8].hash, KeyOf(4).Derive(KeyPurpose::kAuditChain));
  EXPECT_FALSE(VerifyChain(entries_, {}, SmKeys()).ok);
  entries_ = Chain(10);
  RehashSm(5);
  entries_[9].hash = Sm3ChainHash(entries_[9], entries_[8].hash, KeyOf(4).DeriveShangMi(KeyPurpose::kAuditChain));
  EXPECT_FALSE(VerifyChain(entries_, {}, SmKeys()).ok);
}

}  // namespace
}  // namespace wagelink::security
