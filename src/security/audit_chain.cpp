#include "security/audit_chain.h"

#include <sodium.h>

#include <algorithm>
#include <boost/json.hpp>
#include <vector>

#include "security/encoding.h"
#include "security/sodium_runtime.h"

namespace wagelink::security {
namespace {

void AppendLengthPrefixed(std::string& out, std::string_view part) {
  const auto n = static_cast<std::uint32_t>(part.size());
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((n >> shift) & 0xFF));
  out.append(part);
}

std::string Blake2bHex(std::string_view data) {
  EnsureSodium();
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash(digest, sizeof digest, reinterpret_cast<const unsigned char*>(data.data()), data.size(), nullptr,
                     0);
  return ToHex(digest);
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

std::string ChainHash(const AuditEntry& entry, std::string_view prev_hash) {
  std::string data;
  AppendLengthPrefixed(data, prev_hash);
  data += CanonicalBytes(entry);
  return Blake2bHex(data);
}

void SealEntry(AuditEntry& entry, std::string_view prev_hash) {
  entry.prev_hash = std::string(prev_hash);
  entry.hash = ChainHash(entry, prev_hash);
}

std::string DigestOfText(std::string_view text) {
  return Blake2bHex(text);
}

std::string DigestOfJson(const boost::json::value& value) {
  return Blake2bHex(boost::json::serialize(SortedKeys(value)));
}

ChainReport VerifyChain(std::span<const AuditEntry> entries, std::span<const Checkpoint> checkpoints,
                        const AuditPublicKey& public_key, const ChainAnchor& anchor) {
  ChainReport progress;
  std::vector<Checkpoint> pending(checkpoints.begin(), checkpoints.end());
  std::stable_sort(pending.begin(), pending.end(),
                   [](const Checkpoint& a, const Checkpoint& b) { return a.seq < b.seq; });

  // A forged or altered checkpoint is itself evidence of tampering, wherever it points.
  for (const Checkpoint& checkpoint : pending) {
    if (!VerifyCheckpoint(checkpoint, public_key)) {
      return Bad(checkpoint.seq, "序号 " + SeqText(checkpoint.seq) + " 的检查点签名无效（检查点被伪造或篡改）",
                 "checkpoint at seq " + SeqText(checkpoint.seq) + " has an invalid signature (forged or altered)",
                 progress);
    }
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
    const std::string hash = ChainHash(entry, running_hash);
    if (hash != entry.hash) {
      return Bad(entry.seq, "序号 " + seq + " 的内容与哈希不符（条目被修改）",
                 "seq " + seq + ": content does not match its hash (entry changed)", progress);
    }
    for (; next_checkpoint < pending.size() && pending[next_checkpoint].seq == entry.seq; ++next_checkpoint) {
      if (pending[next_checkpoint].hash != hash) {
        const std::string from = SeqText(last_good_checkpoint + 1);
        return Bad(last_good_checkpoint + 1,
                   "序号 " + seq + " 的检查点与日志不符：序号 " + from + " 至 " + seq + " 之间的条目被改写",
                   "checkpoint at seq " + seq + " does not match the log: entries between seq " + from + " and " + seq +
                       " were rewritten",
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
    const std::string vouched = SeqText(pending[next_checkpoint].seq);
    return Bad(expected_seq, "日志在序号 " + last + " 处结束，但检查点证明存在序号 " + vouched + "（末尾条目被删除）",
               "the log ends at seq " + last + " but a checkpoint vouches for seq " + vouched +
                   " (entries at the end were deleted)",
               progress);
  }
  return progress;
}

}  // namespace wagelink::security
