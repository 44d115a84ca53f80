#include "domain/evidence_kinds.h"

#include <algorithm>

namespace wagelink::domain {

std::string_view EvidenceOwnerCode(EvidenceOwner owner) {
  switch (owner) {
    case EvidenceOwner::kCase: return "case";
    case EvidenceOwner::kRisk: return "risk";
    case EvidenceOwner::kMeeting: return "meeting";
  }
  return "case";
}

const std::vector<EvidenceKind>& EvidenceKinds(EvidenceOwner owner) {
  static const std::vector<EvidenceKind> case_kinds{
      {"posting_media", "张贴照片/录像", "Photo or video of the posted order"},
      {"interview_record", "询问笔录", "Interview record"},
      {"payroll", "工资表", "Payroll"},
      {"attendance", "考勤记录", "Attendance record"},
      {"labour_contract", "劳动合同", "Labour contract"},
      {"bank_statement", "银行流水", "Bank statement"},
      {"other", "其他", "Other"},
  };
  // A risk is found before any case: what the site, the workers and the accounts show.
  static const std::vector<EvidenceKind> risk_kinds{
      {"site_media", "现场照片/录像", "Photo or video of the site"},
      {"report_material", "举报材料", "Report or complaint material"},
      {"payroll", "工资表", "Payroll"},
      {"attendance", "考勤记录", "Attendance record"},
      {"labour_contract", "劳动合同", "Labour contract"},
      {"bank_statement", "银行流水", "Bank statement"},
      {"other", "其他", "Other"},
  };
  static const std::vector<EvidenceKind> meeting_kinds{
      {"minutes", "会议纪要", "Minutes"},
      {"sign_in_sheet", "签到表", "Sign-in sheet"},
      {"meeting_photo", "会议照片", "Photo of the meeting"},
      {"meeting_material", "会议材料", "Meeting material"},
      {"other", "其他", "Other"},
  };
  switch (owner) {
    case EvidenceOwner::kRisk: return risk_kinds;
    case EvidenceOwner::kMeeting: return meeting_kinds;
    case EvidenceOwner::kCase: break;
  }
  return case_kinds;
}

std::optional<EvidenceKind> FindEvidenceKind(EvidenceOwner owner, std::string_view code) {
  for (const auto& kind : EvidenceKinds(owner)) {
    if (kind.code == code) return kind;
  }
  return std::nullopt;
}

const std::vector<EvidenceKind>& EvidenceSupports(EvidenceOwner owner) {
  static const std::vector<EvidenceKind> none;
  static const std::vector<EvidenceKind> risk_supports{
      {"report", "风险报送", "The risk report"},
      {"followup", "跟进核查", "A follow-up"},
      {"closing", "整改销号", "Closing the risk"},
  };
  static const std::vector<EvidenceKind> meeting_supports{
      {"agenda", "会议议题", "An agenda item"},
      {"minutes", "会议记录与签到", "Minutes and attendance"},
      {"action_items", "督办事项落实", "Carrying out the action items"},
  };
  switch (owner) {
    case EvidenceOwner::kRisk: return risk_supports;
    case EvidenceOwner::kMeeting: return meeting_supports;
    case EvidenceOwner::kCase: break;
  }
  return none;
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
