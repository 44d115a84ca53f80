#include "domain/evidence_kinds.h"

#include <algorithm>

namespace wagelink::domain {

const std::vector<EvidenceKind>& EvidenceKinds() {
  static const std::vector<EvidenceKind> kinds{
      {"posting_media", "张贴照片/录像", "Photo or video of the posted order"},
      {"interview_record", "询问笔录", "Interview record"},
      {"payroll", "工资表", "Payroll"},
      {"attendance", "考勤记录", "Attendance record"},
      {"labour_contract", "劳动合同", "Labour contract"},
      {"bank_statement", "银行流水", "Bank statement"},
      {"other", "其他", "Other"},
  };
  return kinds;
}

std::optional<EvidenceKind> FindEvidenceKind(std::string_view code) {
  for (const auto& kind : EvidenceKinds()) {
    if (kind.code == code) return kind;
  }
  return std::nullopt;
}

bool Satisfies(const PackageRequirement& item, const AttachedEvidence& file) {
  if (file.supports == item.id) return true;
  return std::find(item.kinds.begin(), item.kinds.end(), file.kind) != item.kinds.end();
}

bool PackageItemPresent(const PackageRequirement& item, const std::vector<AttachedEvidence>& files,
                        const std::vector<std::string>& issued_document_kinds) {
  if (item.document_kind &&
      std::find(issued_document_kinds.begin(), issued_document_kinds.end(), *item.document_kind) != issued_document_kinds.end()) {
    return true;
  }
  return std::any_of(files.begin(), files.end(), [&](const AttachedEvidence& f) { return Satisfies(item, f); });
}

std::vector<std::string> MissingPackageItems(const std::vector<PackageRequirement>& package,
                                             const std::vector<AttachedEvidence>& files,
                                             const std::vector<std::string>& issued_document_kinds) {
  std::vector<std::string> missing;
  for (const auto& item : package) {
    if (!item.required || item.generated_document) continue;
    if (!PackageItemPresent(item, files, issued_document_kinds)) missing.push_back(item.zh);
  }
  return missing;
}

}  // namespace wagelink::domain
