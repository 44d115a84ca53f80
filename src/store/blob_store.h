#pragma once
// Where the (already encrypted) bytes of evidence files live, behind one interface:
// - a content-addressed folder on disk, the default (one instance, or a shared file system);
// - the database, as ordered chunks, for deployments with many instances and no shared folder.
// Either way a file appears whole under its key or not at all: a write in progress is invisible
// (a temporary file, or an open transaction) and is discarded unless committed.
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "core/byte_source.h"
#include "store/database.h"

namespace wagelink::store {

class BlobWriter {
 public:
  virtual ~BlobWriter() = default;  // discards what was written unless committed
  // Throws DatabaseError (or std::runtime_error for the disk) when the bytes cannot be kept.
  virtual void Write(std::string_view bytes) = 0;
  // Makes the bytes readable under `key`. When `key` already holds a file (the same content,
  // content-addressed) the new bytes are discarded and the stored file stays.
  virtual void Commit(const std::string& key) = 0;
};

class BlobStore {
 public:
  virtual ~BlobStore() = default;
  virtual std::unique_ptr<BlobWriter> Begin() = 0;
  // nullptr when nothing is stored under `key`.
  virtual std::unique_ptr<ByteSource> Open(const std::string& key) = 0;
  virtual bool Exists(const std::string& key) = 0;
  virtual std::string_view name() const = 0;  // "disk" or "database", for readiness and logs
};

// Keys are lower-case hex; the file of key "abcd…" is root/ab/cd/abcd…. Temporary files are in
// root/tmp and are written, flushed to disk (fsync), then renamed into place.
std::unique_ptr<BlobStore> MakeDiskBlobStore(const std::filesystem::path& root);
// Chunks in evidence_blob_chunks, the file's row in evidence_blobs, all in one transaction.
std::unique_ptr<BlobStore> MakeDatabaseBlobStore(Database& database);

}  // namespace wagelink::store
