#pragma once
// A case's legal facts as the investigation has established them, and the one way they become the
// crime assessment's input (LEGAL.md §1). The case detail, POST /api/v1/assessments and `wagelink
// assess` therefore decide on the same facts with the same Assess: the case only works out what the
// stateless contract leaves to its caller — which order counts, what each worker is still owed after
// that order's deadline (only the actor's own payments count), and at which stage the actor paid.
//
// Findings (conduct, serious consequences, mass incident, employer kind, justified reason,
// compensation borne) are recorded as timeline events by the bodies entitled to make them and revised
// by newer findings; CurrentFindings folds them, newest last.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.h"
#include "domain/assessment_vocabulary.h"
#include "domain/civil_date.h"
#include "domain/crime_assessment.h"
#include "domain/money.h"

namespace wagelink::domain {

// Who paid a worker. Only the actor's own payments (the employer, its 实际控制人, 法释 §8) count as
// paying for the crime; the others pay the worker (restitution) without undoing the refusal.
enum class Payer { kEmployer, kActualController, kGeneralContractor, kDeveloper, kEmergencyFund, kCourtExecution };
std::string_view PayerCode(Payer payer);
std::optional<Payer> ParsePayer(std::string_view code);
std::string_view PayerNameZh(Payer payer);
bool IsActorPayer(Payer payer);

// What a finding establishes; each kind has its own value and replaces the previous finding of its kind.
// kWorkerClaim is per worker: what the investigation established one worker is owed (法释 §1: only
// 劳动报酬 is tested) and for how many months; the service applies it to that worker's record.
enum class FindingKind {
  kConduct, kSeriousConsequences, kMassIncident, kEmployerKind, kJustifiedReason, kCompensationBorne, kWorkerClaim
};
std::string_view FindingKindCode(FindingKind kind);
std::optional<FindingKind> ParseFindingKind(std::string_view code);
std::string_view FindingKindNameZh(FindingKind kind);
std::string_view FindingKindNameEn(FindingKind kind);

// The persons liable besides the employer (刑法 §276-1 ¶2; 法释 §7–§9).
struct LiablePersons {
  std::string actual_controller;                // 实际控制人
  std::vector<std::string> responsible_persons;  // 直接负责的主管人员 / 其他直接责任人员
};

// One worker's claim as established (FindingKind::kWorkerClaim).
struct WorkerClaimFinding {
  std::int64_t worker_id = 0;
  Fen owed;          // 劳动报酬: wages, bonuses, allowances, subsidies, overtime (法释 §1)
  Fen other_claims;  // 经济补偿, 赔偿金, 工程款: recorded, never tested
  int months_unpaid = 0;
};

// One finding's value; only the member for its kind is meaningful.
struct FindingValue {
  Conduct conduct = Conduct::kUnknown;
  std::vector<SeriousConsequence> consequences;  // empty: none established
  bool yes = false;                              // mass incident / justified reason / compensation borne
  bool extreme = false;                          // mass incident: an extreme one (threats of suicide, violence)
  EmployerKind employer_kind = EmployerKind::kUnit;
  LiablePersons persons;
  WorkerClaimFinding worker_claim;
};

struct CurrentFindings {
  Conduct conduct = Conduct::kUnknown;
  std::vector<SeriousConsequence> consequences;
  bool mass_incident = false;     // a mass or extreme incident (45号令 §5(二); the assessment's input)
  bool extreme_incident = false;  // of those, an extreme one: the report at once goes to the top level
  std::optional<EmployerKind> employer_kind;
  LiablePersons persons;
  bool justified_reason = false;
  std::optional<bool> compensation_borne;
};
// Applies one finding (the newer wins).
void Apply(CurrentFindings& current, FindingKind kind, const FindingValue& value);

struct CaseWorkerFacts {
  Fen owed;  // 劳动报酬 only (法释 §1); 经济补偿, 赔偿金 and 工程款 are recorded apart and never tested
  int months_unpaid = 0;
};

struct CasePaymentFacts {
  std::size_t worker = 0;  // index into CaseFacts::workers
  Fen amount;
  CivilDate paid_on;
  Payer payer = Payer::kEmployer;
};

struct CaseOrderFacts {
  OrderAddressee addressee = OrderAddressee::kEmployer;
  OrderDelivery delivery = OrderDelivery::kNone;
  CivilDate deadline;
};

// Dates of the criminal process that fix the mitigation stage of a payment (法释 §6).
struct CaseMilestones {
  std::optional<CivilDate> filed_on;                    // 刑事立案
  std::optional<CivilDate> prosecuted_on;               // 提起公诉
  std::optional<CivilDate> first_instance_judgment_on;  // 一审宣判
};

struct CaseFacts {
  std::string province;  // the district's threshold profile
  std::vector<CaseWorkerFacts> workers;
  std::vector<CasePaymentFacts> payments;
  std::vector<CaseOrderFacts> orders;  // every order issued, in any order
  CurrentFindings findings;
  CaseMilestones milestones;
  std::vector<EvidenceItem> evidence_on_file;
};

// The complete facts in the assessment's contract, as of `today` (a deadline has passed once its day
// is over). Pure; the same facts and day always give the same input.
AssessmentInput AssessmentInputOf(const CaseFacts& facts, CivilDate today);

}  // namespace wagelink::domain
