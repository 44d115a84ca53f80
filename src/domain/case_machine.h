#pragma once
// The case state machine: given where a case stands and a step someone wants to take, it either
// refuses (with the reason, in zh and en, and the offending field) or says what the step does — the
// next state, the statutory clocks it starts, stops or extends, and which bodies must be told.
// Pure: no I/O and no clock reads; the step's instant comes in the request.
//
// The service loads the case, builds the snapshot, calls Decide, and in one transaction stores
// `transition.progress`, stops the named clocks (every open clock of the case with that rule id),
// applies the extensions, starts the new clocks (StartClocks in statutory_clock.h), appends the case
// event and audit entry and queues the notifications. Who may take which step from where is one table
// (case_steps.cpp); which clocks each step stops is another (case_clocks.cpp); what each step does
// beyond them is in case_transitions.cpp and case_inspection_steps.cpp.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/body.h"
#include "domain/case_events.h"
#include "domain/case_state.h"
#include "domain/civil_date.h"
#include "domain/money.h"
#include "domain/statutory_clock.h"

namespace wagelink::domain {

// 立案监督 at the procuratorate (人民检察院刑事诉讼规则 §557–§563).
enum class SupervisionStage { kNone, kRequested, kReasonsRequested, kReasonsGiven, kReasonsValid, kFilingOrdered };
// Legal aid for the workers (法律援助法 §43).
enum class LegalAidStage { kNone, kApplied, kGranted, kRefused, kLawyerAssigned };

// 提前介入 (人民检察院刑事诉讼规则 §256): asked for by labour inspection, joined, ended. A side branch:
// it never changes the case's state.
enum class EarlyInterventionStage { kNone, kRequested, kJoined, kEnded };
// 恶意讨薪 referred to the police as a public-order matter (保障农民工工资支付条例 §7): referred,
// accepted, then one outcome that closes the branch. A side branch like legal aid.
enum class MaliciousClaimStage { kNone, kReferred, kAccepted, kCriminalCase, kPublicOrderPenalty, kNoAction };

std::string_view SupervisionStageCode(SupervisionStage stage);
std::optional<SupervisionStage> ParseSupervisionStage(std::string_view code);
std::string_view LegalAidStageCode(LegalAidStage stage);
std::optional<LegalAidStage> ParseLegalAidStage(std::string_view code);
std::string_view EarlyInterventionStageCode(EarlyInterventionStage stage);
std::optional<EarlyInterventionStage> ParseEarlyInterventionStage(std::string_view code);
std::string_view MaliciousClaimStageCode(MaliciousClaimStage stage);
std::optional<MaliciousClaimStage> ParseMaliciousClaimStage(std::string_view code);
// The malicious-claim branch awaits the police (referred or accepted, no outcome yet).
bool MaliciousClaimOpen(MaliciousClaimStage stage);
// The case is with the police (transferred and not handed back): they hear of an intervention.
bool WithThePolice(CaseState state);

// What the machine itself tracks between steps. The service stores it as returned in
// Transition::progress and passes it back unchanged; it never edits it by hand.
struct CaseProgress {
  CaseState state = CaseState::kComplaintReceived;
  std::optional<Instant> last_step_at;      // a step may not be dated before the previous one
  std::optional<CivilDate> order_deadline;  // the latest deadline among the orders served
  bool consulted_procuratorate = false;     // addressees of the open 个案征询
  bool consulted_police = false;
  std::size_t case_group_size = 0;              // distinct officers in the case group (310号 §5 ¶1)
  std::optional<Instant> transfer_received_at;  // the police signed the receipt
  bool reconsideration_decided = false;         // 复议 is available once (310号 §9)
  SupervisionStage supervision = SupervisionStage::kNone;
  // The procuratorate opened supervision because the police let their filing decision run out
  // (规则 §562), not over a refusal (§559–§561): it asks for the reasons of the delay (L19).
  bool supervising_delay = false;
  bool materials_handed_over = false;  // 310号 §12 done
  std::optional<ProsecutionDecision> prosecution;
  bool procuratorial_opinion_open = false;  // a 检察意见 awaits labour inspection's reply
  LegalAidStage legal_aid = LegalAidStage::kNone;
  EarlyInterventionStage early_intervention = EarlyInterventionStage::kNone;
  std::size_t intervention_opinions = 0;        // opinions given while joined (all stay on the timeline)
  bool intervention_opinion_unanswered = false;  // the latest opinion has no reply from labour inspection
  MaliciousClaimStage malicious_claim = MaliciousClaimStage::kNone;
};

// Facts from outside the machine that some guards need, computed by the service for this step.
struct CaseContext {
  Fen outstanding;  // owed minus paid, over every worker of the case
  // What the actor itself has left unpaid after the order's deadline (advances by the general
  // contractor, the developer, the emergency fund or court execution pay the workers but do not count:
  // case_facts.h). Only this can make an order "paid in full within the deadline".
  Fen actor_unpaid;
  // The platform's own assessment of the case's facts now (case_facts.h → Assess): the screening is
  // measured against it and the 有案不移 watch starts from it, never from what a client claims.
  std::optional<bool> amount_threshold_met;
  std::optional<Recommendation> assessed_recommendation;
  // The transfer package items still missing (310号 §6), as display names; empty = complete.
  std::vector<std::string> missing_transfer_materials;
  // Operator setting: the police decide on filing under the economic-crime rules (L11b, not L11).
  bool economic_crime_rules = false;
  // Rule ids of the case's open clocks that still have an unused extension in the catalog.
  std::vector<std::string> extendable_clocks;
  // Rule ids of the case's running clocks (not stopped), overdue or not.
  std::vector<std::string> open_clocks;
  // Rule ids of the case's open clocks already past due now (a supervisor may act on them).
  std::vector<std::string> overdue_clocks;
  // The last day of the workers' unpaid period (latest of them), when entered: the start of the
  // labour-arbitration limitation (L37) and of the 2-year investigation limit (L33).
  std::optional<CivilDate> unpaid_period_end;
  // The kinds of the documents already issued on the case (step_documents.h): a step whose document
  // is not yet on the case waits for it.
  std::vector<std::string> issued_documents;
};

struct CaseSnapshot {
  CaseProgress progress;
  CaseContext context;
};

struct Transition {
  CaseEvent event = CaseEvent::kAcceptComplaint;
  CaseState from = CaseState::kComplaintReceived;
  CaseState to = CaseState::kComplaintReceived;
  CaseProgress progress;  // the case's progress after the step (to.state == to)
  // Apply in this order: stops, then extensions, then starts.
  std::vector<ClockStop> clocks_to_stop;
  std::vector<ClockExtension> clocks_to_extend;
  std::vector<ClockStart> clocks_to_start;
  std::vector<Body> notify_bodies;  // bodies other than the actor's that must be told
  // Colleagues in the actor's own body who act next hold this permission (e.g. the head, who approves
  // a transfer report): each is told by name. Empty when the hand-off leaves the body or stays with
  // whoever took the step.
  std::string_view tell_colleagues_with;
  std::string explanation_zh;
  std::string explanation_en;
};

// A complaint or clue just registered: the case's first progress and the clock that starts with it
// (L01: accept or refuse within 5 working days, 劳社部令第25号 §18).
struct CaseOpening {
  CaseProgress progress;
  std::vector<ClockStart> clocks_to_start;
};
CaseOpening OpenCase(Instant received_at);

// Refusals are Error{kTransitionRefused} naming the field: "event" (wrong state), "actor_body",
// "actor_permissions", "at", "reason", "payload" or a payload field.
Result<Transition> Decide(const CaseSnapshot& snapshot, const StepRequest& request);

// Adds to the transition's explanation the clocks it stops, extends and starts, each named by the
// step it times (the rule's action, "受理投诉"), never by its id.
void ExplainClocks(const TimeLimitCatalog& rules, Transition& transition);

// Exactly the steps the user's body and permissions allow in the case's situation now, in the
// order of CaseEvent. Checks that depend on what the user will enter (a reason, a payload) are left
// to Decide.
std::vector<CaseEvent> AvailableSteps(const CaseSnapshot& snapshot, std::string_view actor_body,
                                      std::span<const std::string> actor_permissions);

}  // namespace wagelink::domain
