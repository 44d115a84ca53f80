#include "security/audit_chain.h"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <vector>

#include "security/encoding.h"
#include "security/shangmi.h"
#include "security/sodium_runtime.h"

namespace wagelink::security {
namespace {

void AppendLengthPrefixed(std::string& out, std::string_view part) {
  const auto n = static_cast<std::uint32_t>(part.size());
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((n >> shift) & 0xFF));
  out.append(part);
}

std::string Blake2bHex(std::string_view data, const SubKey* key = nullptr) {
  EnsureSodium();
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(data.data()), data.size(),
                     key ? key->data() : nullptr, key ? key->size() : 0);
  return ToHex(digest);
}

std::string ChainInput(const AuditEntry& entry, std::string_view prev_hash) {
  std::string data;
  AppendLengthPrefixed(data, prev_hash);
  data += CanonicalBytes(entry);
  return data;
}

std::string Where(const Checkpoint& checkpoint) {
  return checkpoint.source.empty() ? "" : "（" + checkpoint.source + "）";
}
std::string WhereEn(const Checkpoint& checkpoint) {
  return checkpoint.source.empty() ? "" : " (" + checkpoint.source + ")";
}

boost::json::value SortedKeys(const boost::json::value& value) {
  if (const auto* object = value.if_object()) {
    std::vector<std::string_view> keys;
    for (const auto& member : *object) keys.emplace_back(member.key().data(), member.key().size());
    std::sort(keys.begin(), keys.end());
    boost::json::object sorted;
    sorted.reserve(keys.size());
    for (std::string_view key : keys) sorted.emplace(key, SortedKeys(object->at(key)));
    return sorted;
  }
  if (const auto* array = value.if_array()) {
    boost::json::array sorted;
    sorted.reserve(array->size());
    for (const auto& element : *array) sorted.push_back(SortedKeys(element));
    return sorted;
  }
  return value;
}

std::string SeqText(std::int64_t seq) {
  return std::to_string(seq);
}

ChainReport Bad(std::int64_t first_bad_seq, std::string zh, std::string en, const ChainReport& progress) {
  ChainReport report = progress;
  report.ok = false;
  report.first_bad_seq = first_bad_seq;
  report.reason_zh = std::move(zh);
  report.reason_en = std::move(en);
  return report;
}

}  // namespace

std::string CanonicalBytes(const AuditEntry& entry) {
  std::string out;
  AppendLengthPrefixed(out, "WLAUDIT-ENTRY-1");
  const auto seq = static_cast<std::uint64_t>(entry.seq);
  for (int shift = 56; shift >= 0; shift -= 8) out.push_back(static_cast<char>((seq >> shift) & 0xFF));
  for (const std::string* field :
       {&entry.at, &entry.actor_user_id, &entry.actor_username, &entry.body_code, &entry.role, &entry.action,
        &entry.target_type, &entry.target_id, &entry.before_digest, &entry.after_digest, &entry.request_id,
        &entry.client_address}) {
    AppendLengthPrefixed(out, *field);
  }
  return out;
}

std::string ChainHash(const AuditEntry& entry, std::string_view prev_hash, const SubKey& mac_key) {
  return Blake2bHex(ChainInput(entry, prev_hash), &mac_key);
}

std::string Sm3ChainHash(const AuditEntry& entry, std::string_view prev_hash, const SubKey& sm3_mac_key) {
  return std::string(kSm3ChainHashPrefix) + ToHex(HmacSm3(sm3_mac_key.bytes(), ChainInput(entry, prev_hash)));
}

std::string LegacyChainHash(const AuditEntry& entry, std::string_view prev_hash) {
  return Blake2bHex(ChainInput(entry, prev_hash));
}

void SealEntry(AuditEntry& entry, std::string_view prev_hash, const SubKey& mac_key) {
  entry.prev_hash = std::string(prev_hash);
  entry.hash = ChainHash(entry, prev_hash, mac_key);
}

std::string DigestOfText(std::string_view text) {
  return Blake2bHex(text);
}

std::string DigestOfJson(const boost::json::value& value) {
  return Blake2bHex(boost::json::serialize(SortedKeys(value)));
}

ChainReport VerifyChain(std::span<const AuditEntry> entries, std::span<const Checkpoint> checkpoints,
                        const ChainKeys& keys, const ChainAnchor& anchor) {
  ChainReport progress;
  std::vector<Checkpoint> pending(checkpoints.begin(), checkpoints.end());
  std::stable_sort(pending.begin(), pending.end(),
                   [](const Checkpoint& a, const Checkpoint& b) { return a.seq < b.seq; });

  // A forged or altered checkpoint is itself evidence of tampering, wherever it points.
  std::int64_t legacy_until = 0;  // entries up to here carry the unkeyed hash
  for (const Checkpoint& checkpoint : pending) {
    if (!VerifyCheckpoint(checkpoint, keys.public_key, keys.sm2_public_key)) {
      return Bad(checkpoint.seq,
                 "序号 " + SeqText(checkpoint.seq) + " 的检查点" + Where(checkpoint) + "签名无效（检查点被伪造或篡改）",
                 "checkpoint at seq " + SeqText(checkpoint.seq) + WhereEn(checkpoint) +
                     " has an invalid signature (forged or altered)",
                 progress);
    }
    if (checkpoint.kind != CheckpointKind::kLegacySeal) continue;
    if (legacy_until != 0 && legacy_until != checkpoint.seq) {
      return Bad(std::min(legacy_until, checkpoint.seq), "存在两个不同的旧格式封存检查点",
                 "two different legacy seals were found", progress);
    }
    legacy_until = checkpoint.seq;
  }

  std::size_t next_checkpoint = 0;
  // Checkpoints before the anchor cannot be checked here; the one at the anchor must agree with it.
  for (; next_checkpoint < pending.size() && pending[next_checkpoint].seq <= anchor.seq; ++next_checkpoint) {
    const Checkpoint& checkpoint = pending[next_checkpoint];
    if (checkpoint.seq == anchor.seq && checkpoint.hash != anchor.hash) {
      return Bad(anchor.seq, "起始锚点与序号 " + SeqText(anchor.seq) + " 的检查点不符",
                 "the starting anchor does not match the checkpoint at seq " + SeqText(anchor.seq), progress);
    }
  }

  std::string running_hash = anchor.hash;
  std::int64_t expected_seq = anchor.seq + 1;
  std::int64_t last_good_checkpoint = anchor.seq;
  for (const AuditEntry& entry : entries) {
    const std::string seq = SeqText(entry.seq);
    if (entry.seq < expected_seq) {
      return Bad(entry.seq, "序号 " + seq + " 重复或顺序错乱（条目被插入或调换）",
                 "seq " + seq + " is duplicated or out of order (entry inserted or reordered)", progress);
    }
    if (entry.seq > expected_seq) {
      const std::string missing =
          SeqText(expected_seq) + (entry.seq - 1 > expected_seq ? "–" + SeqText(entry.seq - 1) : "");
      return Bad(expected_seq, "缺少序号 " + missing + " 的条目（被删除或顺序错乱）",
                 "entries with seq " + missing + " are missing (deleted or reordered)", progress);
    }
    if (entry.prev_hash != running_hash) {
      return Bad(entry.seq, "序号 " + seq + " 的 prev_hash 与前一条不衔接（条目被插入、删除或修改）",
                 "seq " + seq + ": prev_hash does not link to the previous entry (inserted, deleted or changed)",
                 progress);
    }
    std::string hash;
    if (entry.seq <= legacy_until) {
      hash = LegacyChainHash(entry, running_hash);
    } else if (entry.hash.starts_with(kSm3ChainHashPrefix)) {
      if (keys.sm3_mac_key) hash = Sm3ChainHash(entry, running_hash, *keys.sm3_mac_key);
    } else {
      hash = ChainHash(entry, running_hash, keys.mac_key);
    }
    if (hash != entry.hash) {
      return Bad(entry.seq, "序号 " + seq + " 的内容与其密钥哈希不符（条目被修改或伪造）",
                 "seq " + seq + ": content does not match its keyed hash (entry changed or forged)", progress);
    }
    for (; next_checkpoint < pending.size() && pending[next_checkpoint].seq == entry.seq; ++next_checkpoint) {
      if (pending[next_checkpoint].hash != hash) {
        const std::string from = SeqText(last_good_checkpoint + 1);
        const Checkpoint& bad = pending[next_checkpoint];
        return Bad(last_good_checkpoint + 1,
                   "序号 " + seq + " 的检查点" + Where(bad) + "与日志不符：序号 " + from + " 至 " + seq +
                       " 之间的条目被改写或回滚",
                   "checkpoint at seq " + seq + WhereEn(bad) + " does not match the log: entries between seq " + from +
                       " and " + seq + " were rewritten or rolled back",
                   progress);
      }
      last_good_checkpoint = entry.seq;
      ++progress.checkpoints_checked;
    }
    running_hash = hash;
    ++expected_seq;
    ++progress.entries_checked;
  }

  if (next_checkpoint < pending.size()) {
    const std::string last = SeqText(expected_seq - 1);
    const Checkpoint& newest = pending.back();
    const std::string vouched = SeqText(newest.seq);
    return Bad(expected_seq,
               "日志在序号 " + last + " 处结束，但检查点" + Where(newest) + "证明存在序号 " + vouched +
                   "（末尾条目被删除或数据库被回滚）",
               "the log ends at seq " + last + " but a checkpoint" + WhereEn(newest) + " vouches for seq " + vouched +
                   " (entries at the end were deleted or the database was rolled back)",
               progress);
  }
  return progress;
}

}  // namespace wagelink::security
