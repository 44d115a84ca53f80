#pragma once
// Evidence files on their way into and out of storage: the type decided from the first bytes,
// the size limit of that type, SHA-256 and CRC-32 computed on the way, the bytes sealed
// (security/file_sealing.h) and handed to the BlobStore (disk or database) in constant memory.
// Content-addressed: a file is stored under the SHA-256 of its plaintext.
#include <cstdint>
#include <memory>
#include <string>

#include "core/byte_source.h"
#include "domain/evidence_content.h"
#include "security/master_key.h"
#include "store/blob_store.h"

namespace wagelink::services {

// Per content family, in bytes ([evidence] in the configuration).
struct EvidenceLimits {
  std::int64_t image_bytes = 20ll << 20;
  std::int64_t video_bytes = 1024ll << 20;
  std::int64_t document_bytes = 50ll << 20;
  std::int64_t audio_bytes = 200ll << 20;
  std::int64_t For(domain::ContentFamily family) const;
  std::int64_t Largest() const;
};

struct StoredEvidence {
  std::string storage_key;
  std::string sha256;
  std::uint32_t crc32 = 0;
  std::int64_t byte_size = 0;
  domain::ContentType type;
};

class EvidenceStore {
 public:
  EvidenceStore(std::unique_ptr<store::BlobStore> blobs, const security::SubKey& files_key, EvidenceLimits limits)
      : blobs_(std::move(blobs)), files_key_(files_key), limits_(limits) {}

  // Refuses (415) a type that is not allowed, (413) a file over its type's limit and (400) an
  // empty one, before it is kept; a source that fails keeps nothing either.
  Result<StoredEvidence> Put(ByteSource& plaintext, std::string_view declared_name);
  // The plaintext of a stored file; nullptr when the store has no such key.
  std::unique_ptr<ByteSource> Open(const std::string& storage_key);
  bool Exists(const std::string& storage_key) { return blobs_->Exists(storage_key); }
  const EvidenceLimits& limits() const { return limits_; }
  std::string_view backend() const { return blobs_->name(); }

 private:
  std::unique_ptr<store::BlobStore> blobs_;
  security::SubKey files_key_;
  EvidenceLimits limits_;
};

}  // namespace wagelink::services
