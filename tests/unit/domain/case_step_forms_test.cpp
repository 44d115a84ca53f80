#include "domain/case_step_forms.h"
#include "domain/step_documents.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "case_walk.h"
#include "domain/case_steps.h"
#include "domain/vocabulary_codes.h"

// The step forms are what the web client renders and checks (GET /api/v1/reference/case-steps).
// These tests hold the table to the machine: every option it lists is a code the domain parses, and
// for every step and every answer a reason is refused as missing exactly when the table says one is
// required.
namespace wagelink::domain {
namespace {

using test::At;
using test::kHandler;
using test::kHead;
using test::kJudge;
using test::kLegalAidOfficer;
using test::kPoliceOfficer;
using test::kProsecutor;
using E = CaseEvent;
using S = CaseState;

// The code tables behind each choice field: the field's options must be exactly the codes its parser
// accepts, so a code added to the domain reaches the form and the form offers nothing it refuses.
using CodeParser = std::function<bool(std::string_view)>;
template <class Parse>
CodeParser Parses(Parse parse) {
  return [parse](std::string_view code) { return parse(code).has_value(); };
}

std::optional<CodeParser> ParserOf(E event, std::string_view key) {
  const std::map<std::pair<E, std::string_view>, CodeParser> parsers{
      {{E::kIssueOrder, "document"}, Parses(ParseOrderDocumentKind)},
      {{E::kIssueOrder, "addressee"}, Parses(ParseOrderAddressee)},
      {{E::kIssueOrder, "service"}, Parses(ParseServiceMethod)},
      {{E::kRecordOrderOutcome, "outcome"}, Parses(ParseOrderOutcome)},
      {{E::kCompleteScreening, "recommendation"}, Parses(ParseRecommendation)},
      {{E::kDecideReconsideration, "result"}, Parses(ParseReconsiderationResult)},
      {{E::kConcludeInvestigation, "result"}, Parses(ParseInvestigationResult)},
      {{E::kDecideProsecution, "decision"}, Parses(ParseProsecutionDecision)},
      {{E::kDeliverJudgment, "verdict"}, Parses(ParseVerdict)},
      {{E::kDecideLegalAid, "decision"}, Parses(ParseLegalAidDecision)},
      {{E::kRecordCivilStep, "kind"}, Parses(ParseCivilStepKind)},
      {{E::kCloseCase, "reason"}, Parses(ParseCloseReason)},
      {{E::kJoinEarlyIntervention, "ground"}, Parses(ParseInterventionGround)},
      {{E::kGiveInterventionOpinion, "aspect"}, Parses(ParseOpinionAspect)},
      {{E::kDecideMaliciousClaim, "handling"}, Parses(ParseMaliciousClaimOutcome)},
  };
  auto it = parsers.find({event, key});
  if (it == parsers.end()) return std::nullopt;
  return it->second;
}

bool IsChoice(const StepField& field) {
  return field.kind == StepFieldKind::kRadio || field.kind == StepFieldKind::kSelect;
}

TEST(CaseStepForms, ListEveryStepInTheOrderOfCaseEvent) {
  ASSERT_EQ(StepForms().size(), AllCaseEvents().size());
  for (E event : AllCaseEvents()) EXPECT_EQ(StepFormOf(event).event, event) << CaseEventCode(event);
}

TEST(CaseStepForms, EveryOptionOfAChoiceParsesAndEveryCodeIsOffered) {
  std::size_t choices = 0;
  for (const StepForm& form : StepForms()) {
    for (const StepField& field : form.fields) {
      if (!IsChoice(field)) {
        EXPECT_FALSE(ParserOf(form.event, field.key).has_value()) << CaseEventCode(form.event) << "." << field.key;
        continue;
      }
      ++choices;
      auto parses = ParserOf(form.event, field.key);
      ASSERT_TRUE(parses.has_value()) << "no parser for " << CaseEventCode(form.event) << "." << field.key;
      ASSERT_FALSE(field.options.empty());
      for (std::string_view code : field.options) EXPECT_TRUE((*parses)(code)) << field.key << "=" << code;
      EXPECT_FALSE((*parses)("not_a_code"));
      if (!field.default_code.empty()) {
        EXPECT_NE(std::find(field.options.begin(), field.options.end(), field.default_code), field.options.end());
      }
    }
  }
  EXPECT_EQ(choices, 15u);
  // Nothing the parsers accept is missing from the forms: the lists come from the same tables.
  EXPECT_EQ(FindStepField(StepFormOf(E::kIssueOrder), "service")->options, ServiceMethodCodes());
  // ... except the one conclusion a screening never reaches (it sends a consultation instead).
  EXPECT_EQ(FindStepField(StepFormOf(E::kCompleteScreening), "recommendation")->options,
            (std::vector<std::string_view>{"transfer", "administrative", "civil"}));
}

TEST(CaseStepForms, ConditionsNameAFieldOfTheFormAndOneOfItsCodes) {
  auto check = [](const StepForm& form, const FieldCondition& condition) {
    const StepField* field = FindStepField(form, condition.key);
    ASSERT_NE(field, nullptr) << CaseEventCode(form.event) << " names " << condition.key;
    EXPECT_NE(std::find(field->options.begin(), field->options.end(), condition.equals), field->options.end())
        << CaseEventCode(form.event) << " " << condition.key << "=" << condition.equals;
  };
  for (const StepForm& form : StepForms()) {
    if (form.reason.rule == ReasonRule::kWhen) check(form, form.reason.when);
    for (const StepField& field : form.fields) {
      if (field.shown_when) check(form, *field.shown_when);
      if (!field.after.empty()) {
        EXPECT_NE(FindStepField(form, field.after), nullptr) << field.after;
      }
      if (field.kind == StepFieldKind::kText) {
        EXPECT_GT(field.max_bytes, 0u) << field.key;
      }
    }
  }
}

TEST(CaseStepForms, SayWhatTheWebClientAsksFor) {
  const StepForm& order = StepFormOf(E::kIssueOrder);
  EXPECT_TRUE(FindStepField(order, "deadline")->required);
  EXPECT_EQ(FindStepField(order, "deadline")->after, "served_at");
  EXPECT_EQ(FindStepField(order, "addressee")->default_code, "employer");
  EXPECT_EQ(FindStepField(StepFormOf(E::kFormCaseGroup), "officers")->min_items, kMinCaseGroupSize);
  const StepForm& prosecution = StepFormOf(E::kDecideProsecution);
  EXPECT_EQ(prosecution.reason.rule, ReasonRule::kWhen);
  EXPECT_EQ(prosecution.reason.when.key, "decision");
  EXPECT_EQ(prosecution.reason.when.equals, "not_prosecute");
  EXPECT_EQ(StepFormOf(E::kDeclineFiling).reason.rule, ReasonRule::kAlways);
  EXPECT_EQ(StepFormOf(E::kDeclineFiling).tone, StepTone::kRefusal);
  EXPECT_EQ(StepFormOf(E::kAcceptComplaint).reason.rule, ReasonRule::kOptional);
  EXPECT_TRUE(StepFormOf(E::kSignReceipt).fields.empty());
}

// ---- the reason rule against the machine ----

// A valid payload for `event` with `answer` as the code of its first choice field (empty: the first
// option), every other field filled so that the step can pass.
StepPayload PayloadFor(E event, std::string_view answer) {
  const StepForm& form = StepFormOf(event);
  auto code = [&](std::string_view key) -> std::string_view {
    const StepField* field = FindStepField(form, key);
    return answer.empty() ? field->options.front() : answer;
  };
  switch (event) {
    case E::kIssueOrder:
      return OrderPayload{*ParseOrderDocumentKind(code("document")), CivilDate::ParseIso("2026-03-20", "d").value(),
                          ServiceMethod::kServed, At("2026-03-02T09:00:00+08:00"), false, OrderAddressee::kEmployer};
    case E::kRecordOrderOutcome:
      return OrderOutcomePayload{*ParseOrderOutcome(code("outcome"))};
    case E::kCompleteScreening:
      return ScreeningPayload{*ParseRecommendation(code("recommendation"))};
    case E::kSendConsultation:
      return ConsultationPayload{true, true, std::nullopt};
    case E::kFormCaseGroup:
      return CaseGroupPayload{{"handler", "handler2"}};
    case E::kSendTransfer:
      return TransferPayload{true};
    case E::kNotifyIncompleteMaterials:
      return MaterialsListPayload{{"询问笔录"}};
    case E::kDecideReconsideration:
      return ReconsiderationPayload{*ParseReconsiderationResult(code("result"))};
    case E::kConcludeInvestigation:
      return InvestigationPayload{*ParseInvestigationResult(code("result"))};
    case E::kDecideProsecution:
      return ProsecutionPayload{*ParseProsecutionDecision(code("decision"))};
    case E::kDeliverJudgment:
      return JudgmentPayload{*ParseVerdict(code("verdict"))};
    case E::kDecideLegalAid:
      return LegalAidPayload{*ParseLegalAidDecision(code("decision"))};
    case E::kRecordCivilStep:
      return CivilStepPayload{*ParseCivilStepKind(code("kind")), {}};
    case E::kCloseCase:
      return ClosePayload{*ParseCloseReason(code("reason"))};
    case E::kJoinEarlyIntervention:
      return EarlyInterventionPayload{*ParseInterventionGround(code("ground"))};
    case E::kGiveInterventionOpinion:
      return InterventionOpinionPayload{*ParseOpinionAspect(code("aspect"))};
    case E::kReferMaliciousClaim:
      return MaliciousClaimReferralPayload{true, true, false, false};
    case E::kDecideMaliciousClaim: {
      const MaliciousClaimOutcome outcome = *ParseMaliciousClaimOutcome(code("handling"));
      return MaliciousClaimOutcomePayload{outcome, outcome == MaliciousClaimOutcome::kCriminalCase ? "敲诈勒索罪" : "",
                                          outcome == MaliciousClaimOutcome::kPublicOrderPenalty ? "行政拘留十日" : ""};
    }
    default:
      return {};
  }
}

// The answers of a step that may change whether it needs a reason: every code of its first choice
// field, or one "no answer" for a step without one.
std::vector<std::string_view> AnswersOf(const StepForm& form) {
  for (const StepField& field : form.fields) {
    if (IsChoice(field)) return field.options;
  }
  return {""};
}

// Where the case may stand when the step is taken: each state the step starts from, with the
// sub-stages its guards ask for (one variant per sub-stage, so that some variant lets it pass).
std::vector<CaseSnapshot> SituationsFor(E event) {
  std::vector<std::function<void(CaseProgress&)>> variants{
      [](CaseProgress&) {},
      [](CaseProgress& p) { p.order_deadline = CivilDate::ParseIso("2026-02-20", "d").value(); },
      [](CaseProgress& p) { p.consulted_procuratorate = p.consulted_police = true; },
      [](CaseProgress& p) { p.case_group_size = 2; },
      [](CaseProgress& p) { p.supervision = SupervisionStage::kRequested; },
      [](CaseProgress& p) { p.supervision = SupervisionStage::kReasonsRequested; },
      [](CaseProgress& p) { p.supervision = SupervisionStage::kReasonsGiven; },
      [](CaseProgress& p) { p.supervision = SupervisionStage::kReasonsValid; },
      [](CaseProgress& p) { p.prosecution = ProsecutionDecision::kProsecute; },
      [](CaseProgress& p) { p.procuratorial_opinion_open = true; },
      [](CaseProgress& p) { p.legal_aid = LegalAidStage::kApplied; },
      [](CaseProgress& p) { p.legal_aid = LegalAidStage::kGranted; },
      [](CaseProgress& p) { p.early_intervention = EarlyInterventionStage::kRequested; },
      [](CaseProgress& p) {
        p.early_intervention = EarlyInterventionStage::kJoined;
        p.intervention_opinion_unanswered = true;
      },
      [](CaseProgress& p) { p.malicious_claim = MaliciousClaimStage::kReferred; },
      [](CaseProgress& p) { p.malicious_claim = MaliciousClaimStage::kAccepted; },
  };
  std::vector<CaseSnapshot> situations;
  for (S state : AllCaseStates()) {
    if (!StartsFrom(StepRuleOf(event), state)) continue;
    for (const auto& variant : variants) {
      CaseSnapshot snapshot;
      snapshot.progress.state = state;
      snapshot.progress.last_step_at = At("2026-03-01T10:00:00+08:00");
      variant(snapshot.progress);
      snapshot.context.extendable_clocks = {"L02", "L11b", "L21", "L22"};
      // The documents earlier steps issue are on file (the gates have their own tests).
      for (const auto& document : StepDocuments()) snapshot.context.issued_documents.emplace_back(document.kind);
      situations.push_back(std::move(snapshot));
    }
  }
  return situations;
}

std::vector<const test::Actor*> ActorsFor(E event) {
  std::vector<const test::Actor*> actors;
  for (const auto* actor : {&kHandler, &kHead, &kPoliceOfficer, &kProsecutor, &kJudge, &kLegalAidOfficer}) {
    const auto& grants = StepRuleOf(event).grants;
    const bool granted = std::any_of(grants.begin(), grants.end(), [&](const StepGrant& grant) {
      return BodyCode(grant.body) == actor->body &&
             std::find(actor->permissions.begin(), actor->permissions.end(), grant.permission) !=
                 actor->permissions.end();
    });
    if (granted) actors.push_back(actor);
  }
  return actors;
}

bool TableRequiresReason(const StepForm& form, std::string_view answer) {
  switch (form.reason.rule) {
    case ReasonRule::kAlways:
      return true;
    case ReasonRule::kWhen:
      return answer == form.reason.when.equals;  // the condition is on the answer field (checked below)
    case ReasonRule::kOptional:
      return false;
  }
  return false;
}

bool RefusedForTheReason(const Result<Transition>& decided) {
  return !decided.ok() && decided.error().field == "reason";
}

TEST(CaseStepForms, ReasonRuleAgreesWithTheMachineForEveryStepAndAnswer) {
  for (const StepForm& form : StepForms()) {
    if (form.reason.rule == ReasonRule::kWhen) {
      // The condition is on the answer field the walk varies.
      ASSERT_FALSE(form.fields.empty());
      const auto first_choice = std::find_if(form.fields.begin(), form.fields.end(), IsChoice);
      ASSERT_NE(first_choice, form.fields.end());
      ASSERT_EQ(first_choice->key, form.reason.when.key) << CaseEventCode(form.event);
    }
    const auto situations = SituationsFor(form.event);
    const auto actors = ActorsFor(form.event);
    ASSERT_FALSE(situations.empty()) << CaseEventCode(form.event);
    ASSERT_FALSE(actors.empty()) << CaseEventCode(form.event);
    for (std::string_view answer : AnswersOf(form)) {
      const bool required = TableRequiresReason(form, answer);
      bool passed_without_reason = false;
      bool refused_for_lack_of_reason = false;
      for (const CaseSnapshot& snapshot : situations) {
        for (const test::Actor* actor : actors) {
          const auto blank = Decide(snapshot, test::Request(form.event, *actor, "2026-03-02T10:00:00+08:00",
                                                            PayloadFor(form.event, answer), " \xE3\x80\x80"));
          const auto reasoned = Decide(snapshot, test::Request(form.event, *actor, "2026-03-02T10:00:00+08:00",
                                                               PayloadFor(form.event, answer), "理由如下"));
          passed_without_reason = passed_without_reason || blank.ok();
          // A reason text made the difference: refused without one, not for it with one.
          refused_for_lack_of_reason =
              refused_for_lack_of_reason || (RefusedForTheReason(blank) && !RefusedForTheReason(reasoned));
        }
      }
      const std::string what = std::string(CaseEventCode(form.event)) + (answer.empty() ? "" : " " + std::string(answer));
      if (required) {
        EXPECT_TRUE(refused_for_lack_of_reason) << what << ": the table requires a reason, the machine does not";
        EXPECT_FALSE(passed_without_reason) << what << ": the table requires a reason, the machine does not";
      } else {
        EXPECT_FALSE(refused_for_lack_of_reason) << what << ": the machine requires a reason, the table does not";
        EXPECT_TRUE(passed_without_reason) << what << ": never reached without a reason; add a situation";
      }
    }
  }
}

}  // namespace
}  // namespace wagelink::domain
