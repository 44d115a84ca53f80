#pragma once
// Evidence files of a case (issue 15, docs/evidence.md): upload, list, download, withdraw, and the
// transfer package as one archive. Every read is scoped like the case (need-to-know) and leaves an
// audit entry as its access receipt; every write is one transaction with its case event and audit
// entry, written only after the bytes are stored.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/clock.h"
#include "services/audit_trail.h"
#include "services/evidence_store.h"
#include "services/evidence_views.h"
#include "services/principal.h"
#include "services/reference_data.h"
#include "store/database.h"

namespace wagelink::services {

struct EvidenceUpload {
  std::string kind;                     // domain/evidence_kinds.h
  std::optional<std::string> supports;  // a package item id or a step code
  std::string note;
  std::string file_name;                // as the uploader's computer named it
};

class EvidenceService {
 public:
  EvidenceService(store::Database& db, const Clock& clock, const AuditTrail& audit,
                  std::shared_ptr<const ReferenceData> reference, EvidenceStore& store)
      : db_(db), clock_(clock), audit_(audit), reference_(std::move(reference)), store_(store) {}

  // The form's fields, checked before a byte of the file is read.
  Status CheckUpload(const Principal& who, std::int64_t case_id, const EvidenceUpload& upload);
  Result<EvidenceFileView> Upload(const Principal& who, std::int64_t case_id, const EvidenceUpload& upload,
                                  ByteSource& content);
  Result<EvidenceListing> List(const Principal& who, std::int64_t case_id);
  Result<EvidenceDownload> Download(const Principal& who, std::int64_t case_id, std::int64_t file_id);
  Result<EvidenceFileView> Withdraw(const Principal& who, std::int64_t case_id, std::int64_t file_id,
                                    const std::string& reason);
  // The whole transfer package as one ZIP: the files of each item in its own folder, the issued
  // documents that belong to it, a manifest (移送材料清单.csv) and SHA256SUMS. The police's
  // download is recorded on the case's timeline as their receipt of the package.
  Result<EvidenceDownload> Package(const Principal& who, std::int64_t case_id);

  const EvidenceLimits& limits() const { return store_.limits(); }

 private:
  store::Database& db_;
  const Clock& clock_;
  const AuditTrail& audit_;
  std::shared_ptr<const ReferenceData> reference_;
  EvidenceStore& store_;
};

}  // namespace wagelink::services
