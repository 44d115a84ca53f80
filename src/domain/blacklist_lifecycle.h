#pragma once
// The lifecycle of a listing on the 拖欠农民工工资失信联合惩戒对象名单 (人社部令第45号, LEGAL.md §3.4),
// with due process before anything is listed or public:
//
//   proposed ──serve_notice──▶ noticed ──(period ends)──▶ awaiting_decision ──decide_list──▶ listed
//      │                         │ record_defence (text)        │  └─decide_not_list─▶ not_listed
//      └──────────withdraw───────┴──────────────────────────────┘
//   listed ──(term ends)──▶ expired;  listed ──remove_early──▶ removed_early;  listed ──revoke──▶ revoked
//
// The prior notice (事先告知, with the right to state and defend) opens a 陈述申辩 period of working
// days counted from the day of service (UNCONFIRMED, a district setting). Statements may be recorded
// with their text while the period runs (and until the decision); the decision, with its reasons, is
// refused until the period has ended, even if the party has already spoken: the period is the party's.
// A listing runs for the configured term from the decision date. "awaiting_decision" and "expired"
// are never stored: they are computed from the date, so no listing stays public a day too long and no
// period is reported as running after it ended because a job did not run. Early removal needs full
// payment at least the configured months before the application and a written undertaking (守信承诺).
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

// kAwaitingDecision and kExpired are computed (EffectiveStatus), never stored.
enum class ListingStatus {
  kProposed, kNoticed, kAwaitingDecision, kNotListed, kListed, kRemovedEarly, kRevoked, kExpired, kWithdrawn
};
std::string_view ListingStatusCode(ListingStatus status);
std::string_view ListingStatusZh(ListingStatus status);
std::optional<ListingStatus> ParseListingStatus(std::string_view code);
// True once the decision maker has listed the employer (listed, and what may follow a listing): the
// only listings anyone outside the proposing and deciding units may see, and the public only while
// kListed.
bool WasListed(ListingStatus status);
// Before the decision: proposed, noticed or awaiting the decision.
bool IsPendingDecision(ListingStatus status);

enum class ListingAction {
  kServeNotice,    // 送达列入告知书 (blacklist.propose)
  kRecordDefence,  // 记录当事人陈述申辩（附内容） (blacklist.propose)
  kDecideList,     // 列入决定，附理由 (blacklist.decide)
  kDecideNotList,  // 不予列入决定，附理由 (blacklist.decide)
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
  std::optional<CivilDate> proposed_on;
  std::optional<CivilDate> notice_served_on;
  int defence_period_days = 0;              // the period applied at service (the district setting then)
  std::optional<CivilDate> defence_due_on;  // last day of the 陈述申辩 period
  bool defence_uncertain = false;           // the period crossed a year whose calendar is not loaded
  bool defence_received = false;
  std::optional<CivilDate> defence_received_on;  // the last statement's date
  std::optional<CivilDate> decided_on;           // 列入 or 不予列入
  std::optional<CivilDate> listed_on;
  std::optional<CivilDate> ends_on;  // last day on the list
  std::optional<CivilDate> paid_in_full_on;
  std::optional<CivilDate> closed_on;  // not listed, removed, revoked or withdrawn
};

struct ListingActionInput {
  ListingAction action = ListingAction::kServeNotice;
  CivilDate today;
  // The day the step happened when it is recorded later (service, a statement, a decision); default
  // today. Never in the future, never before the step it follows.
  std::optional<CivilDate> on;
  // record_defence: the statement; decide_list / decide_not_list: the reasons. Required for those.
  std::string_view text;
  std::optional<CivilDate> paid_in_full_on;  // remove_early: the day the arrears were paid in full
  bool undertaking = false;                  // remove_early: written 守信承诺 on file
};

// Applies an action; refuses (kTransitionRefused / kValidationFailed, zh+en) one the state or dates do
// not allow, and a decision while the 陈述申辩 period runs with kDueProcessPending. The period length is
// `rules.defence_period_working_days` (the caller puts the district's setting there).
Result<ListingFacts> ApplyListingAction(const ExposureRules& rules, const WorkCalendar& calendar,
                                        const ListingFacts& facts, const ListingActionInput& input);

// The stored status; kAwaitingDecision once `today` is past the last day of the 陈述申辩 period;
// kExpired once `today` is past the last day of a listing.
ListingStatus EffectiveStatus(const ListingFacts& facts, CivilDate today);

// The first day an early removal may be granted after full payment on `paid_on`.
CivilDate EarliestEarlyRemoval(const ExposureRules& rules, CivilDate paid_on);

// The case assessment's blacklist finding as read from the case (never recomputed for a proposal).
struct EligibilityFinding {
  bool present = false;               // the assessment has a finding at all
  std::optional<bool> eligible;       // null: the assessment cannot decide
  std::optional<std::string> criterion;  // "amount" | "mass_incident", when the assessment names it
  std::string explain_zh, explain_en;
};

// What a proposal states about eligibility.
struct EligibilityClaim {
  std::optional<std::string> criterion;  // the §5 criterion relied on; default: the assessment's
  std::string reason;                    // required when the assessment cannot decide
};

// Refuses a proposal the assessment rules out (kTransitionRefused, field case_id, with its explanation);
// requires a reason when it cannot decide; settles the criterion relied on (stated, or the assessment's,
// never contradicting an assessment that named one). Returns the criterion code.
Result<std::string> CheckListingEligibility(const ExposureRules& rules, const EligibilityFinding& finding,
                                            const EligibilityClaim& claim);

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
