#pragma once
// The lifecycle of a listing on the 拖欠农民工工资失信联合惩戒对象名单 (人社部令第45号, LEGAL.md §3.4):
//
//   proposed ──serve_notice──▶ noticed ──decide_list──▶ listed ──(term ends)──▶ expired
//      │                          │  └─decide_not_list─▶ not_listed     ├─remove_early─▶ removed_early
//      └──────withdraw────────────┘                                     └─revoke───────▶ revoked
//
// The prior notice (告知) opens a 陈述申辩 period of working days (UNCONFIRMED, data/); the decision
// may come once the period has run or the party's statement is on file. A listing runs for the
// configured term from the decision date; "expired" is never stored: it is computed from the date, so
// no listing stays public a day too long because a job did not run. Early removal needs full payment
// at least the configured months before the application and a written undertaking (守信承诺).
// `correct` fixes the recorded details (an objection partly upheld) without changing the state;
// `revoke` ends a listing that should not have been made (objection upheld).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/civil_date.h"
#include "domain/exposure_rules.h"
#include "domain/work_calendar.h"

namespace wagelink::domain {

enum class ListingStatus { kProposed, kNoticed, kNotListed, kListed, kRemovedEarly, kRevoked, kExpired, kWithdrawn };
std::string_view ListingStatusCode(ListingStatus status);
std::string_view ListingStatusZh(ListingStatus status);
std::optional<ListingStatus> ParseListingStatus(std::string_view code);

enum class ListingAction {
  kServeNotice,    // 送达列入告知书 (blacklist.propose)
  kRecordDefence,  // 当事人陈述申辩已收到 (blacklist.propose)
  kDecideList,     // 列入决定 (blacklist.decide)
  kDecideNotList,  // 不予列入 (blacklist.decide)
  kWithdraw,       // 撤回提议 (blacklist.decide)
  kRemoveEarly,    // 提前移出 (blacklist.decide)
  kRevoke,         // 异议成立，撤销列入 (blacklist.decide)
  kCorrect,        // 更正 (blacklist.decide)
};
std::string_view ListingActionCode(ListingAction action);
std::optional<ListingAction> ParseListingAction(std::string_view code);
// True for the actions only the labour-inspection decision maker may take.
bool IsDecision(ListingAction action);

// The dated facts of one listing, as stored.
struct ListingFacts {
  ListingStatus status = ListingStatus::kProposed;
  std::optional<CivilDate> notice_served_on;
  std::optional<CivilDate> defence_due_on;  // last day of the 陈述申辩 period
  bool defence_uncertain = false;           // the period crossed a year whose calendar is not loaded
  bool defence_received = false;
  std::optional<CivilDate> listed_on;
  std::optional<CivilDate> ends_on;  // last day on the list
  std::optional<CivilDate> paid_in_full_on;
  std::optional<CivilDate> closed_on;  // not listed, removed, revoked or withdrawn
};

struct ListingActionInput {
  ListingAction action = ListingAction::kServeNotice;
  CivilDate today;
  std::optional<CivilDate> paid_in_full_on;  // remove_early: the day the arrears were paid in full
  bool undertaking = false;                  // remove_early: written 守信承诺 on file
};

// Applies an action; refuses (kConflict / kValidationFailed, zh+en) one the state or dates do not allow.
Result<ListingFacts> ApplyListingAction(const ExposureRules& rules, const WorkCalendar& calendar,
                                        const ListingFacts& facts, const ListingActionInput& input);

// The stored status, or kExpired once `today` is past the last day of a listing.
ListingStatus EffectiveStatus(const ListingFacts& facts, CivilDate today);

// The first day an early removal may be granted after full payment on `paid_on`.
CivilDate EarliestEarlyRemoval(const ExposureRules& rules, CivilDate paid_on);

// Who is listed with the employer (45号令 §5).
enum class ResponsiblePersonRole { kLegalRepresentative, kPrincipal, kDirectSupervisor, kOtherDirectlyResponsible };
std::string_view ResponsiblePersonRoleCode(ResponsiblePersonRole role);
std::string_view ResponsiblePersonRoleZh(ResponsiblePersonRole role);
std::optional<ResponsiblePersonRole> ParseResponsiblePersonRole(std::string_view code);

struct ResponsiblePerson {
  ResponsiblePersonRole role = ResponsiblePersonRole::kLegalRepresentative;
  std::string name;
};

// 1–20 persons, names 1–50 characters, exactly one 法定代表人 or 主要负责人 among them.
Status ValidateResponsiblePersons(const std::vector<ResponsiblePerson>& persons);

}  // namespace wagelink::domain
