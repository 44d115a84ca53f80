#pragma once
// Internal to the case machine: the step table (who may take each step, from which states, whether a
// reason is required, whom to tell) and the clock table (for every statutory clock the machine
// starts: who answers for it, who supervises it, and exactly which steps stop it and how) — in
// case_steps.cpp and case_clocks.cpp. case_machine.cpp runs the generic checks from these tables;
// case_guards.cpp, case_transitions.cpp and case_inspection_steps.cpp hold what each step checks and
// does beyond them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.h"
#include "domain/body.h"
#include "domain/case_events.h"
#include "domain/case_machine.h"
#include "domain/case_state.h"
#include "domain/statutory_clock.h"

namespace wagelink::domain {

// Permission codes of security/roles.h (the domain does not link the security layer).
inline constexpr std::string_view kPermCaseWrite = "case.write";
inline constexpr std::string_view kPermTransferApprove = "case.transfer.approve";
inline constexpr std::string_view kPermPoliceAct = "case.police.act";
inline constexpr std::string_view kPermProcuratorateAct = "case.procuratorate.act";
inline constexpr std::string_view kPermCourtAct = "case.court.act";
inline constexpr std::string_view kPermLegalAidAct = "legal_aid.act";

// One way of being allowed to take a step: acting for `body` with `permission`.
struct StepGrant {
  Body body;
  std::string_view permission;
};

struct StepRule {
  CaseEvent event;
  std::uint32_t from_states;  // bit (1 << CaseState) per state the step may start from
  std::vector<StepGrant> grants;
  bool reason_required;      // always; steps that need one only in some outcomes check it themselves
  std::string_view basis;    // the legal basis shown in the explanation
  std::vector<Body> notify;  // told in every outcome (the actor's own body is dropped)
  // A hand-off inside the actor's own body: the colleagues holding this permission act next (the
  // head approves a transfer report; the handlers send an approved transfer). Empty: none.
  std::string_view tell_colleagues_with = {};
};

const StepRule& StepRuleOf(CaseEvent event);
bool StartsFrom(const StepRule& rule, CaseState state);

struct ClockStopRule {
  CaseEvent event;
  ClockOutcome outcome;
};

struct ClockRule {
  std::string_view rule_id;
  Body responsible;
  Body supervisor;
  ClockKind kind;
  std::vector<ClockStopRule> stopped_by;
};

const std::vector<ClockRule>& ClockRules();
const ClockRule* FindClockRule(std::string_view rule_id);
// A clock start with the responsible and supervising bodies of the clock table.
ClockStart StartOf(std::string_view rule_id, Instant trigger);
// Every clock the table says `event` stops, with the table's outcome.
std::vector<ClockStop> StopsOf(CaseEvent event);

// 国务院令第310号 §5 ¶1: "指定2名或者2名以上行政执法人员组成专案组" — a rule of form, not a period or
// amount, so it is not reference data.
inline constexpr std::size_t kMinCaseGroupSize = 2;

// Rule ids the machine uses beyond data/time_limits.json's L-numbers.
inline constexpr std::string_view kShouldHaveBeenTransferredClock = "should_have_been_transferred";
inline constexpr std::string_view kProcuratorialOpinionReplyClock = "L32";

Error Refusal(std::string zh, std::string en, std::string field);
// Empty or only spaces (ASCII or the ideographic space U+3000): not a reason.
bool IsBlankText(std::string_view text);

// Refuses a blank reason for a step that needs one only in this outcome ("upholds the refusal").
Status RequireReason(const StepRequest& request, std::string_view why_zh, std::string_view why_en);
Error MissingPayload(CaseEvent event);

// The step's payload of the type it needs, or a refusal naming "payload".
template <class T>
Result<const T*> PayloadOf(const StepRequest& request) {
  if (const T* payload = std::get_if<T>(&request.payload)) return payload;
  return MissingPayload(request.event);
}

// Checks that depend only on the case (not on what the user enters): e.g. accept_trial needs a
// decision to prosecute. Shared by Decide and AvailableSteps.
Status CheckSituation(CaseEvent event, const CaseSnapshot& snapshot, Body actor);

// What the step does beyond the table: validates the payload, sets `transition.to`, the progress,
// the clocks to start and extend, extra bodies to tell, and adjusts stop outcomes where they depend
// on the payload. `transition` arrives with from/to = current state, progress copied, table stops.
Status ApplyStep(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition);

// Labour-inspection steps with a payload (case_inspection_steps.cpp), called by ApplyStep.
Status ApplyIssueOrder(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition);
Status ApplyRecordOrderOutcome(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition);
Status ApplyCompleteScreening(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition);
Status ApplySendConsultation(const StepRequest& request, Transition& transition);
Status ApplyFormCaseGroup(const StepRequest& request, Transition& transition);
Status ApplySendTransfer(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition);
Status ApplyCloseCase(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition);
// The side steps (early intervention, malicious claim: case_side_steps.cpp), called by ApplyStep.
// They never set `transition.to`.
Status ApplySideStep(const CaseSnapshot& snapshot, const StepRequest& request, Transition& transition);

}  // namespace wagelink::domain
