#pragma once
// Evidence files (issue 15, docs/evidence.md) on a case, a risk item or a joint meeting — one model,
// each file naming its owner: upload, list, download, withdraw, and a case's transfer package as one
// archive. Every read is access-controlled exactly like its owner (services/evidence_owners.h) and
// leaves an audit entry as its access receipt; every write is one transaction with the owner's own
// record (a case event, a risk history row) and audit entry, written only after the bytes are stored.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "core/clock.h"
#include "services/audit_trail.h"
#include "services/evidence_owners.h"
#include "services/evidence_store.h"
#include "services/evidence_views.h"
#include "services/principal.h"
#include "services/reference_data.h"
#include "store/database.h"

namespace wagelink::services {

struct EvidenceUpload {
  std::string kind;                     // domain/evidence_kinds.h, of the owner's kind
  std::optional<std::string> supports;  // services/evidence_owners.h (KnownEvidenceSupport)
  std::string note;
  std::string file_name;                // as the uploader's computer named it
};

class EvidenceService {
 public:
  EvidenceService(store::Database& db, const Clock& clock, const AuditTrail& audit,
                  std::shared_ptr<const ReferenceData> reference, EvidenceStore& store)
      : db_(db), clock_(clock), audit_(audit), reference_(std::move(reference)), store_(store) {}

  // The form's fields and the caller's right to add files there, checked before a byte of the file is read.
  Status CheckUpload(const Principal& who, EvidenceOwnerRef owner, const EvidenceUpload& upload);
  Result<EvidenceFileView> Upload(const Principal& who, EvidenceOwnerRef owner, const EvidenceUpload& upload,
                                  ByteSource& content);
  Result<EvidenceListing> List(const Principal& who, EvidenceOwnerRef owner);
  Result<EvidenceDownload> Download(const Principal& who, EvidenceOwnerRef owner, std::int64_t file_id);
  Result<EvidenceFileView> Withdraw(const Principal& who, EvidenceOwnerRef owner, std::int64_t file_id,
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
