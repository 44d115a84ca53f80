#include "domain/assessment_vocabulary.h"

#include "domain/code_table.h"
#include "domain/vocabulary_codes.h"

#include <array>
#include <utility>

namespace wagelink::domain {
namespace {

// ---- enum spellings (public contract of `wagelink assess` and POST /api/v1/assessments) ----

constexpr std::array<std::pair<Conduct, std::string_view>, 5> kConducts{{
    {Conduct::kAbscond, "abscond"},
    {Conduct::kTransferAssets, "transfer_assets"},
    {Conduct::kAbleButRefused, "able_but_refused"},
    {Conduct::kUnable, "unable"},
    {Conduct::kUnknown, "unknown"},
}};
constexpr std::array<std::pair<OrderDelivery, std::string_view>, 3> kDeliveries{{
    {OrderDelivery::kServed, "served"},
    {OrderDelivery::kPostedAtSite, "posted_at_site"},
    {OrderDelivery::kNone, "none"},
}};
constexpr std::array<std::pair<PaidStage, std::string_view>, 5> kPaidStages{{
    {PaidStage::kNone, "none"},
    {PaidStage::kBeforeFiling, "before_filing"},
    {PaidStage::kBeforeProsecution, "before_prosecution"},
    {PaidStage::kBeforeFirstInstanceJudgment, "before_first_instance_judgment"},
    {PaidStage::kBeforeJudgment, "before_judgment"},
}};
constexpr std::array<std::pair<EmployerKind, std::string_view>, 3> kEmployerKinds{{
    {EmployerKind::kUnit, "unit"},
    {EmployerKind::kIndividual, "individual"},
    {EmployerKind::kUnqualifiedContractor, "unqualified_contractor"},
}};
constexpr std::array<std::pair<SeriousConsequence, std::string_view>, 5> kSeriousConsequences{{
    {SeriousConsequence::kBasicLiving, "basic_living"},
    {SeriousConsequence::kSeriousIllness, "serious_illness"},
    {SeriousConsequence::kSchooling, "schooling"},
    {SeriousConsequence::kViolence, "violence"},
    {SeriousConsequence::kOther, "other"},
}};
constexpr std::array<std::pair<SeriousConsequence, std::string_view>, 5> kSeriousConsequencesZh{{
    {SeriousConsequence::kBasicLiving, "劳动者或其被赡养人、被扶养人、被抚养人的基本生活受到严重影响"},
    {SeriousConsequence::kSeriousIllness, "重大疾病无法及时医治"},
    {SeriousConsequence::kSchooling, "失学"},
    {SeriousConsequence::kViolence, "对要求支付劳动报酬的劳动者使用暴力或者以暴力相威胁"},
    {SeriousConsequence::kOther, "其他严重后果"},
}};
constexpr std::array<std::pair<OrderAddressee, std::string_view>, 4> kAddressees{{
    {OrderAddressee::kEmployer, "employer"},
    {OrderAddressee::kActualController, "actual_controller"},
    {OrderAddressee::kGeneralContractor, "general_contractor"},
    {OrderAddressee::kDeveloper, "developer"},
}};
constexpr std::array<std::pair<Recommendation, std::string_view>, 4> kRecommendations{{
    {Recommendation::kTransfer, "transfer"},
    {Recommendation::kConsult, "consult"},
    {Recommendation::kAdministrative, "administrative"},
    {Recommendation::kCivil, "civil"},
}};
constexpr std::array<std::pair<SentenceBand, std::string_view>, 2> kSentenceBands{{
    {SentenceBand::kUpTo3Years, "up_to_3_years"},
    {SentenceBand::k3To7Years, "3_to_7_years"},
}};

constexpr std::array<EvidenceText, 15> kEvidence{{
    {EvidenceItem::kWorkerStatements, "worker_statements", "劳动者询问笔录（一般应录音录像）",
     "statements of the workers (normally audio- and video-recorded)", "人社部发〔2014〕100号 一(一)"},
    {EvidenceItem::kEmploymentProof, "employment_proof", "用工事实证明（劳动合同、考勤、实名制记录、工资表等）",
     "proof of employment (contracts, attendance, real-name records, payrolls)",
     "法释〔2013〕3号 §1; 人社部发〔2014〕100号 一(一)"},
    {EvidenceItem::kArrearsCalculation, "arrears_calculation", "欠薪数额计算及逐人清单",
     "calculation of the arrears with a per-worker list", "法释〔2013〕3号 §3; 人社部发〔2014〕100号 一(一)"},
    {EvidenceItem::kPerWorkerBreakdown, "per_worker_breakdown", "逐人欠薪金额和欠薪月数（判断第（一）项标准所必需）",
     "each worker's amount and months unpaid (needed to decide prong 1)", "法释〔2013〕3号 §3(一)"},
    {EvidenceItem::kPaymentOrder, "payment_order", "责令支付文书（限期整改指令书或行政处理决定书）",
     "the order to pay (限期整改指令书 or 行政处理决定书)", "法释〔2013〕3号 §4 ¶1"},
    {EvidenceItem::kServiceProof, "service_proof", "责令支付文书的送达证明（送达回证）",
     "proof that the order was served (送达回证)", "法释〔2013〕3号 §4 ¶1; 国务院令第310号 §6"},
    {EvidenceItem::kPostingPhotoVideo, "posting_photo_video", "在住所地、生产经营场所张贴责令支付文书的拍照、录像记录",
     "photo or video record of posting the order at the residence or premises", "法释〔2013〕3号 §4 ¶2"},
    {EvidenceItem::kAbscondNoticeRecord, "abscond_notice_record",
     "以书面、电话、短信等能确认收悉的方式通知到场的记录及未到场或明确拒付的记录",
     "record of a confirmable notice to appear (writing, phone, SMS) and of the non-appearance or refusal",
     "人社部发〔2014〕100号 一(二); 法释〔2013〕3号 §2(二)"},
    {EvidenceItem::kAssetTransferEvidence, "asset_transfer_evidence",
     "隐匿、转移、处分财产的证据（银行流水、房产车辆查询等）",
     "evidence of hiding, moving or disposing of assets (bank statements, property and vehicle searches)",
     "法释〔2013〕3号 §2(一); 保障农民工工资支付条例 §40"},
    {EvidenceItem::kAbilityToPayEvidence, "ability_to_pay_evidence",
     "有能力支付的证据（账户余额、同期购置资产、支付其他款项等）",
     "evidence of ability to pay (account balances, assets bought or other payments made meanwhile)", "刑法 §276-1 ¶1"},
    {EvidenceItem::kInabilityEvidence, "inability_evidence", "确无支付能力且未转移财产的证据（账户、资产查询结果）",
     "evidence that the employer truly cannot pay and moved no assets (account and asset searches)", "刑法 §276-1 ¶1"},
    {EvidenceItem::kConductEvidence, "conduct_evidence", "行为性质证据：是否转移财产、逃匿，或有能力支付而不支付",
     "evidence of the conduct: moving assets, absconding, or refusing although able to pay",
     "刑法 §276-1 ¶1; 法释〔2013〕3号 §2"},
    {EvidenceItem::kSeriousConsequenceEvidence, "serious_consequence_evidence",
     "严重后果的证据（劳动者及其家属生活、就医、就学受严重影响，或对讨薪劳动者使用暴力、以暴力相威胁等）",
     "evidence of the serious consequence (workers' or dependants' living, medical care or schooling seriously "
     "affected, violence or threats against workers)",
     "法释〔2013〕3号 §5"},
    {EvidenceItem::kContractingChainEvidence, "contracting_chain_evidence", "发包、分包、转包关系及用工主体资格的证据",
     "evidence of the contracting chain and of who lacks the legal capacity to employ",
     "法释〔2013〕3号 §7; 保障农民工工资支付条例 §30, §36"},
    {EvidenceItem::kMassIncidentRecord, "mass_incident_record", "因欠薪引发群体性事件、极端事件及其社会影响的记录",
     "record of the mass or extreme incident caused by the arrears and its social impact", "人社部令第45号 §5(二)"},
}};

const EvidenceText& Lookup(EvidenceItem item) {
  for (const auto& text : kEvidence) {
    if (text.item == item) return text;
  }
  return kEvidence.front();
}

}  // namespace

std::string_view ConductName(Conduct value) {
  return CodeOf(kConducts, value);
}
std::optional<Conduct> ParseConduct(std::string_view name) {
  return ValueOf(kConducts, name);
}
std::string_view OrderDeliveryName(OrderDelivery value) {
  return CodeOf(kDeliveries, value);
}
std::optional<OrderDelivery> ParseOrderDelivery(std::string_view name) {
  return ValueOf(kDeliveries, name);
}
std::string_view PaidStageName(PaidStage value) {
  return CodeOf(kPaidStages, value);
}
std::optional<PaidStage> ParsePaidStage(std::string_view name) {
  return ValueOf(kPaidStages, name);
}
std::string_view EmployerKindName(EmployerKind value) {
  return CodeOf(kEmployerKinds, value);
}
std::optional<EmployerKind> ParseEmployerKind(std::string_view name) {
  return ValueOf(kEmployerKinds, name);
}
std::string_view SeriousConsequenceName(SeriousConsequence value) {
  return CodeOf(kSeriousConsequences, value);
}
std::optional<SeriousConsequence> ParseSeriousConsequence(std::string_view name) {
  return ValueOf(kSeriousConsequences, name);
}
std::string_view SeriousConsequenceZh(SeriousConsequence value) {
  return CodeOf(kSeriousConsequencesZh, value);
}
std::string_view OrderAddresseeName(OrderAddressee value) {
  return CodeOf(kAddressees, value);
}
std::optional<OrderAddressee> ParseOrderAddressee(std::string_view name) {
  return ValueOf(kAddressees, name);
}
bool IsActor(OrderAddressee addressee) {
  return addressee == OrderAddressee::kEmployer || addressee == OrderAddressee::kActualController;
}
std::string_view RecommendationName(Recommendation value) {
  return CodeOf(kRecommendations, value);
}
std::optional<Recommendation> ParseRecommendation(std::string_view name) {
  return ValueOf(kRecommendations, name);
}
std::vector<std::string_view> OrderAddresseeCodes() {
  return CodesOf(kAddressees);
}
std::vector<std::string_view> RecommendationCodes() {
  return CodesOf(kRecommendations);
}
std::string_view RecommendationNameZh(Recommendation value) {
  switch (value) {
    case Recommendation::kTransfer: return "移送公安机关";
    case Recommendation::kConsult: return "个案征询";
    case Recommendation::kAdministrative: return "行政处理";
    case Recommendation::kCivil: return "民事途径";
  }
  return "个案征询";
}
std::string_view SentenceBandName(SentenceBand value) {
  return CodeOf(kSentenceBands, value);
}
std::string_view EvidenceItemName(EvidenceItem value) {
  return Lookup(value).id;
}
std::optional<EvidenceItem> ParseEvidenceItem(std::string_view name) {
  for (const auto& text : kEvidence) {
    if (text.id == name) return text.item;
  }
  return std::nullopt;
}

const EvidenceText& EvidenceTextOf(EvidenceItem item) {
  return Lookup(item);
}

}  // namespace wagelink::domain
