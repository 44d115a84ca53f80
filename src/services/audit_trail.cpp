#include "services/audit_trail.h"

#include <boost/json/object.hpp>

#include "security/audit_anchor.h"
#include "store/anchor_file.h"
#include "store/audit_repository.h"

namespace wagelink::services {
namespace {

security::ChainReport Finding(std::string zh, std::string en) {
  security::ChainReport report;
  report.ok = false;
  report.reason_zh = std::move(zh);
  report.reason_en = std::move(en);
  return report;
}

}  // namespace

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
  keys_->SealEntry(entry, last.hash);
  repository.Insert(entry);
  if (entry.seq % anchoring_.checkpoint_every == 0) {
    repository.InsertCheckpoint(keys_->SignCheckpoint(entry.seq, entry.hash, entry.at));
  }
}

std::vector<security::Checkpoint> AuditTrail::PublishedAnchors(bool missing_is_finding,
                                                               security::ChainReport& finding) const {
  if (anchoring_.anchor_file.empty()) return {};
  const store::AnchorFile file(anchoring_.anchor_file);
  auto text = file.Read();
  if (!text) {
    finding = Finding(text.error().message_zh, text.error().message_en);
    return {};
  }
  if (!*text) {
    if (missing_is_finding) {
      finding = Finding("外部锚点文件 " + file.path() + " 不存在：无法排除截断或回滚（请指定服务器写入的锚点文件）",
                        "the anchor file " + file.path() +
                            " does not exist: truncation or rollback cannot be ruled out (give the anchor file the "
                            "server wrote)");
    }
    return {};
  }
  auto anchors = security::ParseAnchors(**text, file.path());
  if (!anchors) {
    finding = Finding(anchors.error().message_zh, anchors.error().message_en);
    return {};
  }
  return std::move(anchors.value());
}

security::ChainReport AuditTrail::Verify(store::Connection& connection, const Principal& who,
                                         std::span<const security::Checkpoint> handed_anchors) const {
  store::AuditRepository repository(connection);
  std::vector<security::AuditEntry> entries;
  repository.StreamAll([&](const security::AuditEntry& e) { entries.push_back(e); });
  auto checkpoints = repository.Checkpoints();
  security::ChainReport anchor_finding;
  for (auto& anchor : PublishedAnchors(/*missing_is_finding=*/true, anchor_finding)) {
    checkpoints.push_back(std::move(anchor));
  }
  checkpoints.insert(checkpoints.end(), handed_anchors.begin(), handed_anchors.end());
  security::ChainReport report = security::VerifyChain(entries, checkpoints, Keys());
  if (report.ok && !anchor_finding.ok) {
    anchor_finding.entries_checked = report.entries_checked;
    anchor_finding.checkpoints_checked = report.checkpoints_checked;
    report = anchor_finding;
  }
  store::Transaction tx(connection);
  Append(connection, who, "audit.verify", {"audit_log", ""}, nullptr,
         boost::json::object{{"ok", report.ok},
                             {"entries_checked", report.entries_checked},
                             {"first_bad_seq", report.first_bad_seq.value_or(0)},
                             {"anchors_handed", handed_anchors.size()}});
  tx.Commit();
  return report;
}

std::optional<security::Checkpoint> AuditTrail::CheckpointHead(store::Connection& connection) const {
  store::AuditRepository repository(connection);
  repository.LockForAppend();
  auto head = repository.Newest();
  if (!head) return std::nullopt;
  auto newest = repository.NewestCheckpoint();
  if (newest && newest->seq >= head->seq) return newest;
  auto checkpoint = keys_->SignCheckpoint(head->seq, head->hash, FormatUtc(clock_.Now()));
  repository.InsertCheckpoint(checkpoint);
  return checkpoint;
}

Status AuditTrail::PublishAnchors(store::Database& db) const {
  std::lock_guard lock(publish_mutex_);
  auto connection = db.Acquire();
  {
    store::Transaction tx(*connection);
    CheckpointHead(*connection);
    tx.Commit();
  }
  if (anchoring_.anchor_file.empty()) return Ok{};
  const store::AnchorFile file(anchoring_.anchor_file);
  if (published_seq_ < 0) {
    security::ChainReport finding;
    published_seq_ = 0;
    for (const auto& anchor : PublishedAnchors(/*missing_is_finding=*/false, finding)) published_seq_ = std::max(published_seq_, anchor.seq);
  }
  std::string lines;
  std::int64_t newest = published_seq_;
  for (const auto& checkpoint : store::AuditRepository(*connection).CheckpointsAfter(published_seq_)) {
    lines += AnchorLineFor(checkpoint);
    newest = checkpoint.seq;
  }
  if (auto appended = file.Append(lines); !appended) return appended.error();
  published_seq_ = newest;
  return Ok{};
}

Status AuditTrail::SealLegacyChain(store::Database& db) const {
  auto connection = db.Acquire();
  store::Transaction tx(*connection);
  store::AuditRepository repository(*connection);
  repository.LockForAppend();
  if (repository.HasLegacySeal()) return Ok{};
  auto head = repository.Newest();
  if (!head || head->hash.starts_with(security::kSm3ChainHashPrefix) ||
      security::ChainHash(*head, head->prev_hash, keys_->audit_chain_key()) == head->hash ||
      security::LegacyChainHash(*head, head->prev_hash) != head->hash) {
    return Ok{};  // empty, already keyed, or neither (then `audit verify` reports it)
  }
  // Verify the legacy log as a whole, as if it were sealed at its head.
  const std::string now = FormatUtc(clock_.Now());
  std::vector<security::AuditEntry> entries;
  repository.StreamAll([&](const security::AuditEntry& e) { entries.push_back(e); });
  auto checkpoints = repository.Checkpoints();
  security::ChainReport finding;
  for (auto& anchor : PublishedAnchors(/*missing_is_finding=*/false, finding)) checkpoints.push_back(std::move(anchor));
  checkpoints.push_back(
      keys_->SignCheckpoint(head->seq, head->hash, now, security::CheckpointKind::kLegacySeal));
  const auto report = security::VerifyChain(entries, checkpoints, Keys());
  if (!report.ok || !finding.ok) {
    const auto& bad = report.ok ? finding : report;
    return MakeError(ErrorCode::kConflict, "旧格式审计日志未通过核验，未封存：" + bad.reason_zh,
                     "the legacy audit log does not verify and was not sealed: " + bad.reason_en);
  }
  security::AuditEntry last;
  last.seq = head->seq + 1;
  last.at = now;
  last.actor_username = "system";
  last.action = "audit.legacy_sealed";
  last.target_type = "audit_log";
  last.request_id = "system";
  last.prev_hash = head->hash;
  last.hash = security::LegacyChainHash(last, head->hash);
  repository.Insert(last);
  repository.InsertCheckpoint(
      keys_->SignCheckpoint(last.seq, last.hash, now, security::CheckpointKind::kLegacySeal));
  tx.Commit();
  return Ok{};
}

std::string AuditTrail::AnchorLineFor(const security::Checkpoint& checkpoint) const {
  return security::AnchorLine(checkpoint, keys_->AnchorPublicKey());
}

}  // namespace wagelink::services
