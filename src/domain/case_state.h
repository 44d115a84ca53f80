#pragma once
// Where a wage-arrears case stands in the chain that PRODUCT.md ("The case, end to end") describes:
// labour inspection → order to pay → screening → transfer (国务院令第310号) → police filing review →
// 复议 / 立案监督 → investigation → prosecution → trial → execution, plus the civil route, the
// hand-over to another competent body and the closed states. One state at a time; parallel facts
// (money paid, open clocks, an unanswered 检察意见) are kept beside the state, not encoded in it.
//
// The snake_case codes are stable: they are stored with every case and sent to the UI.
#include <optional>
#include <span>
#include <string_view>

namespace wagelink::domain {

enum class CaseState {
  kComplaintReceived,        // complaint or clue received; L01 runs
  kRefused,                  // complaint not accepted (劳社部令第25号 §18 ¶2); closed
  kInvestigating,            // accepted and opened (立案); L02 runs
  kOrderPending,             // order to pay served; waiting for its deadline (L03)
  kScreening,                // deadline passed unpaid: crime-elements screening
  kConsultation,             // 个案征询 open; the case is still being screened
  kAdministrativeHandling,   // no transfer (or a refused one): penalty / administrative handling
  kTransferPreparation,      // suspected crime: case group and written report (310号 §5 ¶1)
  kTransferPendingApproval,  // report with the head (L06)
  kTransferApproved,         // approved; must be sent within 24 h (L07)
  kTransferred,              // sent to the police, copy to the procuratorate; awaiting the receipt
  kPoliceReviewing,          // receipt signed; filing decision due (L11 / L11b)
  kMaterialsSupplement,      // police asked for missing materials; hrss supplies them (L10)
  kFilingRefused,            // 不予立案 received; hrss may ask for 复议 or 立案监督 (L12 / L14)
  kReconsideration,          // 复议 pending at the police (L13)
  kSupervision,              // 立案监督 at the procuratorate (L16 / L17 / L18)
  kPoliceInvestigating,      // criminal case filed (立案)
  kProsecutionReview,        // 审查起诉 (L21)
  kTrial,                    // first-instance trial (L22)
  kExecution,                // judgment being executed (court priority)
  kCivilRoute,               // legal aid, mediation, arbitration, litigation
  kHandedOver,               // passed to another competent body; closed here
  kClosedPaid,               // closed: every worker paid
  kClosedAdministrative,     // closed: paid within the order's deadline or administrative handling done
  kClosedOther,              // closed: acquittal, withdrawal, other
};

std::span<const CaseState> AllCaseStates();
std::string_view CaseStateCode(CaseState state);
std::string_view CaseStateNameZh(CaseState state);
std::string_view CaseStateNameEn(CaseState state);
std::optional<CaseState> ParseCaseStateCode(std::string_view code);

// Refused, handed over and the three closed states: no step leads out of them.
bool IsTerminal(CaseState state);

}  // namespace wagelink::domain
