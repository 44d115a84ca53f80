#pragma once
// The closed vocabularies of the crime-elements assessment and their snake_case spellings, which are
// part of the public contract of `wagelink assess` and POST /api/v1/assessments (assessment_json.h).
// Evidence items also carry the zh/en wording and basis shown in the missing-evidence checklist.
#include <optional>
#include <string_view>

namespace wagelink::domain {

enum class Conduct { kAbscond, kTransferAssets, kAbleButRefused, kUnable, kUnknown };
enum class OrderDelivery { kServed, kPostedAtSite, kNone };
// When the wages were paid (and the compensation borne), relative to the criminal process.
enum class PaidStage { kNone, kBeforeFiling, kBeforeProsecution, kBeforeFirstInstanceJudgment, kBeforeJudgment };
enum class EmployerKind { kUnit, kIndividual, kUnqualifiedContractor };
enum class Recommendation { kTransfer, kConsult, kAdministrative, kCivil };
enum class SentenceBand { kUpTo3Years, k3To7Years };
// 法释〔2013〕3号 §5: the kinds of 严重后果 (each needs the §3 amount as well).
enum class SeriousConsequence { kBasicLiving, kSeriousIllness, kSchooling, kViolence, kOther };
// Whom an order to pay was addressed to. Only an order to the actor (the employer or its 实际控制人,
// 法释 §8) is "经政府有关部门责令支付" for the actor's crime; an order to the general contractor or the
// developer makes them pay first (条例 §29, §30, §36) but does not order the actor.
enum class OrderAddressee { kEmployer, kActualController, kGeneralContractor, kDeveloper };

// Evidence the screening can ask for. Callers list what is already on file; the rest that the facts
// call for is reported as missing.
enum class EvidenceItem {
  kWorkerStatements,       // 劳动者询问笔录（录音录像）
  kEmploymentProof,        // 用工事实证明
  kArrearsCalculation,     // 欠薪数额计算及逐人清单
  kPerWorkerBreakdown,     // 逐人金额与欠薪月数 (only aggregate figures given)
  kPaymentOrder,           // 责令支付文书
  kServiceProof,           // 送达回证
  kPostingPhotoVideo,      // 张贴的拍照、录像记录
  kAbscondNoticeRecord,    // 可确认收悉的到案通知及未到场记录
  kAssetTransferEvidence,  // 转移、隐匿财产证据
  kAbilityToPayEvidence,   // 有支付能力的证据
  kInabilityEvidence,      // 确无支付能力的证据
  kConductEvidence,        // 行为性质证据 (conduct unknown)
  kSeriousConsequenceEvidence,
  kContractingChainEvidence,  // 分包、转包关系 (unqualified contractor)
  kMassIncidentRecord,
};

std::string_view ConductName(Conduct value);
std::optional<Conduct> ParseConduct(std::string_view name);
std::string_view OrderDeliveryName(OrderDelivery value);
std::optional<OrderDelivery> ParseOrderDelivery(std::string_view name);
std::string_view PaidStageName(PaidStage value);
std::optional<PaidStage> ParsePaidStage(std::string_view name);
std::string_view EmployerKindName(EmployerKind value);
std::optional<EmployerKind> ParseEmployerKind(std::string_view name);
std::string_view SeriousConsequenceName(SeriousConsequence value);
std::optional<SeriousConsequence> ParseSeriousConsequence(std::string_view name);
std::string_view SeriousConsequenceZh(SeriousConsequence value);
std::string_view OrderAddresseeName(OrderAddressee value);
std::optional<OrderAddressee> ParseOrderAddressee(std::string_view name);
bool IsActor(OrderAddressee addressee);
std::string_view RecommendationName(Recommendation value);
std::string_view RecommendationNameZh(Recommendation value);
std::string_view SentenceBandName(SentenceBand value);
std::string_view EvidenceItemName(EvidenceItem value);
std::optional<EvidenceItem> ParseEvidenceItem(std::string_view name);

// What the missing-evidence checklist shows for one item.
struct EvidenceText {
  EvidenceItem item;
  std::string_view id;
  std::string_view zh;
  std::string_view en;
  std::string_view basis;
};
const EvidenceText& EvidenceTextOf(EvidenceItem item);

}  // namespace wagelink::domain
