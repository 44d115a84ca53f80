#include "domain/case_facts.h"

#include <algorithm>
#include <array>
#include <tuple>
#include <utility>

#include "domain/code_table.h"

namespace wagelink::domain {
namespace {

constexpr std::array<std::pair<Payer, std::string_view>, 6> kPayers{{
    {Payer::kEmployer, "employer"},
    {Payer::kActualController, "actual_controller"},
    {Payer::kGeneralContractor, "general_contractor"},
    {Payer::kDeveloper, "developer"},
    {Payer::kEmergencyFund, "emergency_fund"},
    {Payer::kCourtExecution, "court_execution"},
}};
constexpr std::array<std::pair<Payer, std::string_view>, 6> kPayerNamesZh{{
    {Payer::kEmployer, "用人单位"},
    {Payer::kActualController, "实际控制人"},
    {Payer::kGeneralContractor, "施工总承包单位（垫付）"},
    {Payer::kDeveloper, "建设单位（垫付）"},
    {Payer::kEmergencyFund, "应急周转金（垫付）"},
    {Payer::kCourtExecution, "法院执行"},
}};
constexpr std::array<std::pair<FindingKind, std::string_view>, 7> kFindingKinds{{
    {FindingKind::kConduct, "conduct"},
    {FindingKind::kSeriousConsequences, "serious_consequences"},
    {FindingKind::kMassIncident, "mass_incident"},
    {FindingKind::kEmployerKind, "employer_kind"},
    {FindingKind::kJustifiedReason, "justified_reason"},
    {FindingKind::kCompensationBorne, "compensation_borne"},
    {FindingKind::kWorkerClaim, "worker_claim"},
}};
constexpr std::array<std::pair<FindingKind, std::string_view>, 7> kFindingNamesZh{{
    {FindingKind::kConduct, "行为性质"},
    {FindingKind::kSeriousConsequences, "严重后果"},
    {FindingKind::kMassIncident, "群体性、极端事件"},
    {FindingKind::kEmployerKind, "用工主体及责任人员"},
    {FindingKind::kJustifiedReason, "未支付的正当理由"},
    {FindingKind::kCompensationBorne, "赔偿责任承担"},
    {FindingKind::kWorkerClaim, "劳动者的劳动报酬"},
}};
constexpr std::array<std::pair<FindingKind, std::string_view>, 7> kFindingNamesEn{{
    {FindingKind::kConduct, "conduct"},
    {FindingKind::kSeriousConsequences, "serious consequences"},
    {FindingKind::kMassIncident, "mass or extreme incident"},
    {FindingKind::kEmployerKind, "employer and liable persons"},
    {FindingKind::kJustifiedReason, "justified reason for not paying"},
    {FindingKind::kCompensationBorne, "compensation borne"},
    {FindingKind::kWorkerClaim, "a worker's remuneration"},
}};

// The order that decides the order element: one to the actor beats one to a payer-first party; among
// those, one that reached its addressee beats one that did not; then the latest deadline (a later
// order gives the actor more time, so only its expiry shows a refusal).
const CaseOrderFacts* DecisiveOrder(const std::vector<CaseOrderFacts>& orders) {
  const auto rank = [](const CaseOrderFacts& order) {
    return std::tuple(IsActor(order.addressee), order.delivery != OrderDelivery::kNone, order.deadline);
  };
  const CaseOrderFacts* best = nullptr;
  for (const CaseOrderFacts& order : orders) {
    if (best == nullptr || rank(*best) < rank(order)) best = &order;
  }
  return best;
}

PaidStage StageOf(CivilDate paid, const CaseMilestones& milestones) {
  if (!milestones.filed_on || paid < *milestones.filed_on) return PaidStage::kBeforeFiling;
  if (!milestones.prosecuted_on || paid < *milestones.prosecuted_on) return PaidStage::kBeforeProsecution;
  if (!milestones.first_instance_judgment_on || paid < *milestones.first_instance_judgment_on) {
    return PaidStage::kBeforeFirstInstanceJudgment;
  }
  return PaidStage::kNone;  // after the first-instance judgment: appeals are outside the platform
}

// The day the actor's own payments after the deadline covered what every worker was still owed then,
// if they have.
std::optional<CivilDate> ActorPaidInFullOn(const CaseFacts& facts, const std::vector<WorkerClaim>& claims,
                                           CivilDate deadline) {
  std::vector<Fen> remaining;
  remaining.reserve(claims.size());
  for (const WorkerClaim& claim : claims) remaining.push_back(claim.Tested());
  std::vector<const CasePaymentFacts*> late;
  for (const CasePaymentFacts& payment : facts.payments) {
    if (IsActorPayer(payment.payer) && deadline < payment.paid_on && payment.worker < remaining.size()) {
      late.push_back(&payment);
    }
  }
  std::stable_sort(late.begin(), late.end(), [](const auto* a, const auto* b) { return a->paid_on < b->paid_on; });
  const auto all_paid = [&] {
    return std::all_of(remaining.begin(), remaining.end(), [](Fen fen) { return fen == Fen(); });
  };
  for (const CasePaymentFacts* payment : late) {
    Fen& open = remaining[payment->worker];
    open = payment->amount >= open ? Fen() : Fen::FromFen(open.fen() - payment->amount.fen());
    if (all_paid()) return payment->paid_on;
  }
  return std::nullopt;
}

}  // namespace

std::string_view PayerCode(Payer payer) { return CodeOf(kPayers, payer); }
std::optional<Payer> ParsePayer(std::string_view code) { return ValueOf(kPayers, code); }
std::string_view PayerNameZh(Payer payer) { return CodeOf(kPayerNamesZh, payer); }
bool IsActorPayer(Payer payer) { return payer == Payer::kEmployer || payer == Payer::kActualController; }

std::string_view FindingKindCode(FindingKind kind) { return CodeOf(kFindingKinds, kind); }
std::optional<FindingKind> ParseFindingKind(std::string_view code) { return ValueOf(kFindingKinds, code); }
std::string_view FindingKindNameZh(FindingKind kind) { return CodeOf(kFindingNamesZh, kind); }
std::string_view FindingKindNameEn(FindingKind kind) { return CodeOf(kFindingNamesEn, kind); }

void Apply(CurrentFindings& current, FindingKind kind, const FindingValue& value) {
  switch (kind) {
    case FindingKind::kConduct:
      current.conduct = value.conduct;
      break;
    case FindingKind::kSeriousConsequences:
      current.consequences = value.consequences;
      break;
    case FindingKind::kMassIncident:
      current.mass_incident = value.yes;
      current.extreme_incident = value.yes && value.extreme;
      break;
    case FindingKind::kEmployerKind:
      current.employer_kind = value.employer_kind;
      current.persons = value.persons;
      break;
    case FindingKind::kJustifiedReason:
      current.justified_reason = value.yes;
      break;
    case FindingKind::kCompensationBorne:
      current.compensation_borne = value.yes;
      break;
    case FindingKind::kWorkerClaim:  // applied to the worker's record (the facts read the workers)
      break;
  }
}

AssessmentInput AssessmentInputOf(const CaseFacts& facts, CivilDate today) {
  AssessmentInput input;
  input.province = facts.province;
  input.conduct = facts.findings.conduct;
  input.serious_consequences = facts.findings.consequences;
  input.employer_kind = facts.findings.employer_kind;
  input.mass_incident = facts.findings.mass_incident;
  input.justified_reason = facts.findings.justified_reason;
  input.compensation_borne = facts.findings.compensation_borne;
  input.evidence_on_file = facts.evidence_on_file;

  const CaseOrderFacts* order = DecisiveOrder(facts.orders);
  // Payments count up to the actor's deadline; without an order to the actor, up to today.
  const CivilDate cutoff = order != nullptr && IsActor(order->addressee) ? order->deadline : today;
  std::vector<Fen> actor_paid(facts.workers.size());
  for (const CasePaymentFacts& payment : facts.payments) {
    if (IsActorPayer(payment.payer) && !(cutoff < payment.paid_on) && payment.worker < actor_paid.size()) {
      actor_paid[payment.worker] = CheckedAdd(actor_paid[payment.worker], payment.amount).value_or(payment.amount);
    }
  }
  input.workers.reserve(facts.workers.size());
  for (std::size_t i = 0; i < facts.workers.size(); ++i) {
    const CaseWorkerFacts& worker = facts.workers[i];
    const Fen unpaid = actor_paid[i] >= worker.owed ? Fen() : Fen::FromFen(worker.owed.fen() - actor_paid[i].fen());
    input.workers.push_back(WorkerClaim{worker.owed, worker.months_unpaid, unpaid});
  }

  if (order == nullptr) return input;
  input.order.issued = true;
  input.order.delivery = order->delivery;
  input.order.addressee = order->addressee;
  input.order.deadline_passed = order->deadline < today;
  input.order.paid_in_full = std::all_of(input.workers.begin(), input.workers.end(),
                                         [](const WorkerClaim& worker) { return worker.Tested() == Fen(); });
  if (IsActor(order->addressee) && input.order.deadline_passed && !input.order.paid_in_full) {
    if (auto paid_on = ActorPaidInFullOn(facts, input.workers, order->deadline)) {
      input.paid_stage = StageOf(*paid_on, facts.milestones);
    }
  }
  return input;
}

}  // namespace wagelink::domain
