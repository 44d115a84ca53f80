#pragma once
// The append-only file the server publishes audit anchors to (security/audit_anchor.h). It lives
// outside the database (and should live outside the data directory, ideally on another volume with
// `chattr +a`), so whoever rewrites the database cannot rewrite it in the same stroke.
#include <optional>
#include <string>

#include "core/error.h"

namespace wagelink::store {

class AnchorFile {
 public:
  explicit AnchorFile(std::string path) : path_(std::move(path)) {}
  const std::string& path() const { return path_; }

  // Appends `lines` (O_APPEND, created 0640 with its directory if missing) and flushes them to disk.
  // Empty `lines` only creates the file, so its absence later means someone removed it.
  Status Append(const std::string& lines) const;
  // The whole file, or nullopt when it does not exist.
  Result<std::optional<std::string>> Read() const;

 private:
  std::string path_;
};

}  // namespace wagelink::store
