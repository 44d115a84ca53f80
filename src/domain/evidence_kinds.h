#pragma once
// What an evidence file is evidence of (its kind) on each thing files are attached to (a case, a
// risk item, a joint meeting), and how the transfer package of 国务院令310 §6 is made of files: each
// package item names the kinds of file that satisfy it, or is a document the platform generates
// (the 移送书). Pure: the service hands in the case's files.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wagelink::domain {

struct EvidenceKind {
  std::string_view code;
  std::string_view zh;
  std::string_view en;
};

// What evidence files are attached to. Each keeps its own kinds and its own need-to-know.
enum class EvidenceOwner { kCase, kRisk, kMeeting };

std::string_view EvidenceOwnerCode(EvidenceOwner owner);  // case | risk | meeting (the stored owner_kind)

// In the order forms offer them. A case: 张贴照片/录像, 询问笔录, 工资表, 考勤记录, 劳动合同, 银行流水, 其他;
// a risk item: 现场照片/录像, 举报材料, 工资表, 考勤记录, 劳动合同, 银行流水, 其他; a meeting: 会议纪要,
// 签到表, 会议照片, 会议材料, 其他.
const std::vector<EvidenceKind>& EvidenceKinds(EvidenceOwner owner);
std::optional<EvidenceKind> FindEvidenceKind(EvidenceOwner owner, std::string_view code);

// What a file on a risk item or a meeting may be attached for (a risk: its report, a follow-up, its
// closing 整改销号; a meeting: an agenda item, the minutes, the action items 督办事项). A case's files
// support a package item or a step, which the reference data and the case machine name instead:
// empty for kCase.
const std::vector<EvidenceKind>& EvidenceSupports(EvidenceOwner owner);

// One item of the transfer package (data/transfer_package.json).
struct PackageRequirement {
  std::string id;
  std::string zh;
  bool required = false;
  std::vector<std::string> kinds;  // a file of one of these kinds satisfies the item
  bool generated_document = false;  // satisfied by a document the platform generates (the 移送书)
  std::optional<std::string> document_kind;  // an issued document (文书) of this kind satisfies it too
};

// A file attached to the case and not withdrawn.
struct AttachedEvidence {
  std::string kind;
  std::optional<std::string> supports;  // the package item or step it was attached for
};

// A file satisfies an item when it was attached for that item or is of one of the item's kinds.
bool Satisfies(const PackageRequirement& item, const AttachedEvidence& file);

// Whether the item has what it needs: a file that satisfies it, or an issued document of its kind.
bool PackageItemPresent(const PackageRequirement& item, const std::vector<AttachedEvidence>& files,
                        const std::vector<std::string>& issued_document_kinds);

// The Chinese names of the required items that have nothing yet, in package order. A generated
// document is produced by the step that sends the package, so it is never missing before it.
std::vector<std::string> MissingPackageItems(const std::vector<PackageRequirement>& package,
                                             const std::vector<AttachedEvidence>& files,
                                             const std::vector<std::string>& issued_document_kinds);

}  // namespace wagelink::domain
