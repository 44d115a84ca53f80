#include "services/evidence_package.h"

#include <algorithm>

#include "store/document_repository.h"

namespace wagelink::services {

domain::PackageRequirement RequirementOf(const PackageItem& item) {
  return {.id = item.id,
          .zh = item.zh,
          .required = item.required,
          .kinds = item.kinds,
          .generated_document = item.generated_document,
          .document_kind = item.document_kind};
}

CasePackage PackageOf(store::Connection& connection, const ReferenceData& reference, std::int64_t case_id) {
  CasePackage package;
  package.files = store::EvidenceRepository(connection).ListFor(domain::EvidenceOwnerCode(domain::EvidenceOwner::kCase), case_id);
  const auto documents = store::DocumentRepository(connection).ListForCase(case_id);
  std::vector<domain::AttachedEvidence> attached;
  std::vector<std::int64_t> attached_ids;
  for (const auto& file : package.files) {
    if (file.withdrawn_at) continue;
    attached.push_back({.kind = file.kind, .supports = file.supports});
    attached_ids.push_back(file.id);
  }
  std::vector<std::string> issued_kinds;
  for (const auto& document : documents) issued_kinds.push_back(document.kind);
  std::vector<domain::PackageRequirement> requirements;
  for (const auto& item : reference.transfer_package) {
    auto requirement = RequirementOf(item);
    PackageItemStatus status{.item = &item, .present = false, .file_ids = {}, .document_id = std::nullopt};
    for (std::size_t i = 0; i < attached.size(); ++i) {
      if (domain::Satisfies(requirement, attached[i])) status.file_ids.push_back(attached_ids[i]);
    }
    if (item.document_kind) {
      for (const auto& document : documents) {
        if (document.kind == *item.document_kind) status.document_id = document.id;  // the newest wins
      }
    }
    status.present = domain::PackageItemPresent(requirement, attached, issued_kinds);
    package.items.push_back(std::move(status));
    requirements.push_back(std::move(requirement));
  }
  package.missing = domain::MissingPackageItems(requirements, attached, issued_kinds);
  std::sort(issued_kinds.begin(), issued_kinds.end());
  issued_kinds.erase(std::unique(issued_kinds.begin(), issued_kinds.end()), issued_kinds.end());
  package.document_kinds = std::move(issued_kinds);
  return package;
}

}  // namespace wagelink::services
