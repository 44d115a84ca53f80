#pragma once
// What differs between the things evidence files are attached to (docs/evidence.md): who may read
// and add files — always the owner's own need-to-know, never a rule of the files' own: a case's
// scope (case_scope.h), the risk ledger's rules (risk_service.h), the meetings' (meeting_service.h)
// — what a file may be attached for, and the owner's own record of a file added or withdrawn (a
// case's timeline, a risk's history; a meeting keeps only the audit entry every write leaves).
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.h"
#include "domain/evidence_kinds.h"
#include "services/evidence_views.h"
#include "services/principal.h"
#include "services/reference_data.h"
#include "store/database.h"
#include "store/evidence_repository.h"

namespace wagelink::services {

struct EvidenceOwnerRef {
  domain::EvidenceOwner kind = domain::EvidenceOwner::kCase;
  std::int64_t id = 0;
};

// Whether `who` may read the owner's files, answered exactly as reading the owner itself is: a case
// outside the caller's scope is "no such case" (404); a risk or a meeting without the permission to
// read them is 403; one that does not exist 404.
Status MayReadEvidenceOf(store::Connection& connection, const Principal& who, EvidenceOwnerRef owner);

// Whether `who` may add files (and withdraw their own body's): case.write on a case in scope; the
// owner body or 区治欠办 on a risk item (who manage it); the convener (meeting.manage) on a meeting.
Status MayAddEvidenceTo(store::Connection& connection, const Principal& who, EvidenceOwnerRef owner);

// Whether a file on such an owner can be attached for `supports`: a transfer package item or a case
// step on a case, one of domain::EvidenceSupports on a risk or meeting.
bool KnownEvidenceSupport(const ReferenceData& reference, domain::EvidenceOwner owner, const std::string& supports);

std::vector<EvidenceChoice> EvidenceSupportChoices(const ReferenceData& reference, domain::EvidenceOwner owner);

enum class EvidenceChange { kAdded, kWithdrawn };

// The owner's own record of the change (the case's timeline, the risk's history), in the caller's
// transaction, after MayAddEvidenceTo admitted it there.
void RecordEvidenceChange(store::Connection& connection, const Principal& who, EvidenceOwnerRef owner, EvidenceChange change,
                          const store::EvidenceRow& file, const std::string& at);

}  // namespace wagelink::services
