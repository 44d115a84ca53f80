#pragma once
// The transfer package of a case as files (国务院令310 §6, data/transfer_package.json): which
// attached files and issued documents satisfy each item, read inside the caller's transaction.
// Shared by the transfer step's guard (what is missing) and the evidence listing and archive.
#include <string>
#include <vector>

#include "domain/evidence_kinds.h"
#include "services/evidence_views.h"
#include "services/reference_data.h"
#include "store/database.h"
#include "store/evidence_repository.h"

namespace wagelink::services {

domain::PackageRequirement RequirementOf(const PackageItem& item);

struct CasePackage {
  std::vector<store::EvidenceRow> files;  // withdrawn ones too
  std::vector<PackageItemStatus> items;
  std::vector<std::string> missing;
  std::vector<std::string> document_kinds;  // of the documents issued in the case, each once, sorted
};

CasePackage PackageOf(store::Connection& connection, const ReferenceData& reference, std::int64_t case_id);

}  // namespace wagelink::services
