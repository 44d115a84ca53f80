#include "domain/case_state.h"

#include <array>

namespace wagelink::domain {
namespace {

struct StateNames {
  CaseState state;
  std::string_view code;
  std::string_view zh;
  std::string_view en;
};

constexpr std::array<StateNames, 25> kStates{{
    {CaseState::kComplaintReceived, "complaint_received", "已收到投诉", "complaint received"},
    {CaseState::kRefused, "refused", "不予受理", "complaint not accepted"},
    {CaseState::kInvestigating, "investigating", "已立案调查", "investigating"},
    {CaseState::kOrderPending, "order_pending", "责令支付期限内", "order served, awaiting its deadline"},
    {CaseState::kScreening, "screening", "涉嫌犯罪甄别", "crime screening"},
    {CaseState::kConsultation, "consultation", "个案征询中", "case consultation open"},
    {CaseState::kAdministrativeHandling, "administrative_handling", "行政处理", "administrative handling"},
    {CaseState::kTransferPreparation, "transfer_preparation", "移送准备（专案组）", "transfer preparation"},
    {CaseState::kTransferPendingApproval, "transfer_pending_approval", "移送待负责人审批",
     "transfer awaiting the head's decision"},
    {CaseState::kTransferApproved, "transfer_approved", "已批准移送", "transfer approved"},
    {CaseState::kTransferred, "transferred", "已移送公安机关", "transferred to the police"},
    {CaseState::kPoliceReviewing, "police_reviewing", "公安立案审查", "police filing review"},
    {CaseState::kMaterialsSupplement, "materials_supplement", "补正移送材料", "supplementing materials"},
    {CaseState::kFilingRefused, "filing_refused", "公安不予立案", "police declined to file"},
    {CaseState::kReconsideration, "reconsideration", "复议中", "reconsideration pending"},
    {CaseState::kSupervision, "supervision", "立案监督中", "filing supervision"},
    {CaseState::kPoliceInvestigating, "police_investigating", "公安侦查中", "police investigating"},
    {CaseState::kProsecutionReview, "prosecution_review", "审查起诉", "prosecution review"},
    {CaseState::kTrial, "trial", "审判", "trial"},
    {CaseState::kExecution, "execution", "执行", "execution"},
    {CaseState::kCivilRoute, "civil_route", "民事救济", "civil route"},
    {CaseState::kHandedOver, "handed_over", "已移交主管机关", "handed over to the competent body"},
    {CaseState::kClosedPaid, "closed_paid", "结案（工资已支付）", "closed: workers paid"},
    {CaseState::kClosedAdministrative, "closed_administrative", "结案（行政处理）", "closed administratively"},
    {CaseState::kClosedOther, "closed_other", "结案（其他）", "closed: other"},
}};

constexpr std::array<CaseState, kStates.size()> kAllStates = [] {
  std::array<CaseState, kStates.size()> states{};
  for (std::size_t i = 0; i < states.size(); ++i) states[i] = kStates[i].state;
  return states;
}();

constexpr bool IndexedByEnum() {
  for (std::size_t i = 0; i < kStates.size(); ++i) {
    if (static_cast<std::size_t>(kStates[i].state) != i) return false;
  }
  return true;
}
static_assert(IndexedByEnum(), "kStates must list CaseState in declaration order");

const StateNames& Lookup(CaseState state) {
  const auto index = static_cast<std::size_t>(state);
  return index < kStates.size() ? kStates[index] : kStates.front();
}

}  // namespace

std::span<const CaseState> AllCaseStates() {
  return kAllStates;
}
std::string_view CaseStateCode(CaseState state) {
  return Lookup(state).code;
}
std::string_view CaseStateNameZh(CaseState state) {
  return Lookup(state).zh;
}
std::string_view CaseStateNameEn(CaseState state) {
  return Lookup(state).en;
}

std::optional<CaseState> ParseCaseStateCode(std::string_view code) {
  for (const auto& names : kStates) {
    if (names.code == code) return names.state;
  }
  return std::nullopt;
}

bool IsTerminal(CaseState state) {
  switch (state) {
    case CaseState::kRefused:
    case CaseState::kHandedOver:
    case CaseState::kClosedPaid:
    case CaseState::kClosedAdministrative:
    case CaseState::kClosedOther:
      return true;
    default:
      return false;
  }
}

}  // namespace wagelink::domain
