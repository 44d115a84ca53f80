#include "domain/case_step_forms.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

#include "domain/case_steps.h"
#include "domain/code_table.h"
#include "domain/vocabulary_codes.h"

namespace wagelink::domain {
namespace {

using E = CaseEvent;
using K = StepFieldKind;

constexpr std::array<std::pair<StepFieldKind, std::string_view>, 8> kFieldKinds{{
    {K::kRadio, "radio"},
    {K::kSelect, "select"},
    {K::kDate, "date"},
    {K::kDateTime, "datetime"},
    {K::kSwitch, "switch"},
    {K::kTags, "tags"},
    {K::kCheckboxes, "checkboxes"},
    {K::kText, "text"},
}};
constexpr std::array<std::pair<ReasonRule, std::string_view>, 3> kReasonRules{{
    {ReasonRule::kOptional, "optional"},
    {ReasonRule::kAlways, "always"},
    {ReasonRule::kWhen, "when"},
}};
constexpr std::array<std::pair<StepTone, std::string_view>, 3> kTones{{
    {StepTone::kDefault, "default"},
    {StepTone::kForward, "forward"},
    {StepTone::kRefusal, "refusal"},
}};

// The most bytes of one free-text item (a case-group member, a missing material) and of the free-text
// facts of a malicious claim's outcome.
constexpr std::size_t kMaxItemBytes = 200;
constexpr std::size_t kMaxChargeBytes = 200;
constexpr std::size_t kMaxPenaltyBytes = 1000;

StepField Choice(std::string_view key, StepFieldKind kind, std::vector<std::string_view> codes) {
  return {.key = key, .kind = kind, .required = true, .options = std::move(codes)};
}

// The fields of each step that takes a payload (what api/case_step_parser.cpp reads into the domain
// payloads of case_events.h); every other step takes none.
std::vector<StepField> FieldsOf(CaseEvent event) {
  switch (event) {
    case E::kIssueOrder:
      return {
          Choice("document", K::kRadio, OrderDocumentKindCodes()),
          {.key = "served_at", .kind = K::kDateTime, .required = true},
          // The actor unless the order names someone else (OrderPayload's default).
          {.key = "addressee",
           .kind = K::kSelect,
           .options = OrderAddresseeCodes(),
           .default_code = OrderAddresseeName(OrderPayload{}.addressee)},
          Choice("service", K::kSelect, ServiceMethodCodes()),
          // ApplyIssueOrder: the deadline falls after the day of service (the start day is not counted).
          {.key = "deadline", .kind = K::kDate, .required = true, .after = "served_at"},
          {.key = "service_evidence_recorded", .kind = K::kSwitch},
      };
    case E::kRecordOrderOutcome:
      return {Choice("outcome", K::kRadio, OrderOutcomeCodes())};
    case E::kCompleteScreening: {
      // A screening never concludes "consult": the handler sends a consultation and screens after the
      // answer (ApplyCompleteScreening refuses it), so the form does not offer it.
      std::vector<std::string_view> conclusions = RecommendationCodes();
      std::erase(conclusions, RecommendationName(Recommendation::kConsult));
      return {Choice("recommendation", K::kRadio, std::move(conclusions))};
    }
    case E::kSendConsultation:
      return {
          {.key = "to_procuratorate", .kind = K::kSwitch},
          {.key = "to_police", .kind = K::kSwitch},
          {.key = "reply_due", .kind = K::kDate},
      };
    case E::kFormCaseGroup:
      return {{.key = "officers", .kind = K::kTags, .required = true, .min_items = kMinCaseGroupSize,
               .max_bytes = kMaxItemBytes}};
    case E::kSendTransfer:
      return {{.key = "copy_to_procuratorate", .kind = K::kSwitch}};
    case E::kNotifyIncompleteMaterials:
      return {{.key = "items", .kind = K::kTags, .required = true, .min_items = 1, .max_bytes = kMaxItemBytes}};
    case E::kDecideReconsideration:
      return {Choice("result", K::kRadio, ReconsiderationResultCodes())};
    case E::kConcludeInvestigation:
      return {Choice("result", K::kRadio, InvestigationResultCodes())};
    case E::kDecideProsecution:
      return {Choice("decision", K::kRadio, ProsecutionDecisionCodes())};
    case E::kDeliverJudgment:
      return {Choice("verdict", K::kRadio, VerdictCodes())};
    case E::kDecideLegalAid:
      return {Choice("decision", K::kRadio, LegalAidDecisionCodes())};
    case E::kRecordCivilStep:
      return {
          Choice("kind", K::kSelect, CivilStepKindCodes()),
          // GreenChannel: the court's five priorities.
          {.key = "green_channel",
           .kind = K::kCheckboxes,
           .options = {"priority_mediation", "priority_acceptance", "priority_filing", "priority_trial",
                       "priority_execution"}},
      };
    case E::kCloseCase:
      return {Choice("reason", K::kRadio, CloseReasonCodes())};
    case E::kJoinEarlyIntervention:
      return {Choice("ground", K::kRadio, InterventionGroundCodes())};
    case E::kGiveInterventionOpinion:
      return {Choice("aspect", K::kRadio, OpinionAspectCodes())};
    case E::kReferMaliciousClaim:
      // MaliciousClaimReferralPayload: no arrears and at least one other flag (ReferMaliciousClaim).
      return {{.key = "findings",
               .kind = K::kCheckboxes,
               .required = true,
               .options = {"no_arrears", "forged_records", "blocking_offices", "other_disorder"}}};
    case E::kDecideMaliciousClaim:
      // Each outcome carries exactly its own fact (DecideMaliciousClaim).
      return {
          Choice("handling", K::kRadio, MaliciousClaimOutcomeCodes()),
          {.key = "penalty",
           .kind = K::kText,
           .required = true,
           .max_bytes = kMaxPenaltyBytes,
           .shown_when = FieldCondition{"handling", MaliciousClaimOutcomeCode(MaliciousClaimOutcome::kPublicOrderPenalty)}},
          {.key = "charge",
           .kind = K::kText,
           .required = true,
           .max_bytes = kMaxChargeBytes,
           .shown_when = FieldCondition{"handling", MaliciousClaimOutcomeCode(MaliciousClaimOutcome::kCriminalCase)}},
      };
    default:
      return {};
  }
}

// Steps that need a reason only for some answers: the RequireReason calls of case_transitions.cpp,
// case_inspection_steps.cpp and case_side_steps.cpp. Steps that always need one say so in the step
// table (StepRule::reason_required), which the machine checks before anything else.
std::optional<FieldCondition> ReasonCondition(CaseEvent event) {
  switch (event) {
    case E::kDecideReconsideration:
      return FieldCondition{"result", ReconsiderationResultCode(ReconsiderationResult::kUpheld)};
    case E::kConcludeInvestigation:
      return FieldCondition{"result", InvestigationResultCode(InvestigationResult::kCaseWithdrawn)};
    case E::kDecideProsecution:
      return FieldCondition{"decision", ProsecutionDecisionCode(ProsecutionDecision::kNotProsecute)};
    case E::kDecideLegalAid:
      return FieldCondition{"decision", LegalAidDecisionCode(LegalAidDecision::kRefused)};
    case E::kCloseCase:
      return FieldCondition{"reason", CloseReasonCode(CloseReason::kOther)};
    case E::kDecideMaliciousClaim:
      return FieldCondition{"handling", MaliciousClaimOutcomeCode(MaliciousClaimOutcome::kNoAction)};
    default:
      return std::nullopt;
  }
}

StepTone ToneOf(CaseEvent event) {
  switch (event) {
    case E::kRefuseComplaint:
    case E::kRefuseTransfer:
    case E::kDeclineFiling:
    case E::kAcceptFilingRefusal:
    case E::kFindReasonsValid:
    case E::kReferMaliciousClaim:
      return StepTone::kRefusal;
    case E::kAcceptComplaint:
    case E::kIssueOrder:
    case E::kRecordOrderOutcome:
    case E::kCompleteScreening:
    case E::kFormCaseGroup:
    case E::kSubmitTransferReport:
    case E::kApproveTransfer:
    case E::kSendTransfer:
    case E::kSignReceipt:
    case E::kFileCase:
    case E::kSupplementMaterials:
    case E::kOrderFiling:
    case E::kConcludeInvestigation:
    case E::kDecideProsecution:
    case E::kAcceptTrial:
    case E::kDeliverJudgment:
    case E::kDecideLegalAid:
    case E::kAssignLawyer:
    case E::kJoinEarlyIntervention:
    case E::kAcceptMaliciousClaim:
    case E::kDecideMaliciousClaim:
      return StepTone::kForward;
    default:
      return StepTone::kDefault;
  }
}

std::vector<StepForm> BuildForms() {
  std::vector<StepForm> forms;
  for (CaseEvent event : AllCaseEvents()) {
    StepForm form{.event = event, .fields = FieldsOf(event), .reason = {}, .tone = ToneOf(event)};
    if (StepRuleOf(event).reason_required) {
      form.reason.rule = ReasonRule::kAlways;
    } else if (auto when = ReasonCondition(event)) {
      form.reason = {ReasonRule::kWhen, *when};
    }
    forms.push_back(std::move(form));
  }
  return forms;
}

}  // namespace

std::string_view StepFieldKindCode(StepFieldKind kind) {
  return CodeOf(kFieldKinds, kind);
}
std::string_view ReasonRuleCode(ReasonRule rule) {
  return CodeOf(kReasonRules, rule);
}
std::string_view StepToneCode(StepTone tone) {
  return CodeOf(kTones, tone);
}

std::span<const StepForm> StepForms() {
  static const std::vector<StepForm> forms = BuildForms();
  return forms;
}

const StepForm& StepFormOf(CaseEvent event) {
  const auto forms = StepForms();
  const auto index = static_cast<std::size_t>(event);
  return index < forms.size() ? forms[index] : forms.front();
}

const StepField* FindStepField(const StepForm& form, std::string_view key) {
  auto it = std::find_if(form.fields.begin(), form.fields.end(), [key](const StepField& f) { return f.key == key; });
  return it == form.fields.end() ? nullptr : &*it;
}

}  // namespace wagelink::domain
