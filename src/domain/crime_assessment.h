#pragma once
// Crime-elements screening for 拒不支付劳动报酬罪 (刑法 §276-1; 法释〔2013〕3号; LEGAL.md §1) and the
// blacklist test of 人社部令第45号 §5 (LEGAL.md §3.4). The labour inspectorate uses it to decide whether
// a case goes to the police; the procuratorate uses it to spot cases that should have gone.
//
// Each element is met / not met / unknown (std::optional<bool>) with its basis and a zh/en explanation.
// The assessment never decides guilt: it recommends a route and says what evidence is still missing.
// Amount figures come from a ThresholdProfile (data/thresholds.json); nothing legal is hard-coded.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/assessment_vocabulary.h"
#include "domain/money.h"
#include "domain/threshold_profile.h"

namespace wagelink::domain {

// One worker's 劳动报酬 (法释〔2013〕3号 §1: wages, bonuses, allowances, subsidies, overtime pay — not 经济补偿,
// 赔偿金 or 工程款, which the case records apart and never tests).
struct WorkerClaim {
  Fen owed;
  int months_unpaid = 0;
  // What is still unpaid after the order's deadline: `owed` less the actor's OWN payments made by the
  // deadline (an advance by the general contractor, the developer, the emergency fund or court execution
  // pays the worker but does not undo the refusal). Absent: the whole `owed`.
  std::optional<Fen> unpaid_after_deadline;
  Fen Tested() const { return unpaid_after_deadline.value_or(owed); }
};

// Only totals are known (e.g. from a complaint form); per-worker facts are then unknown.
struct AggregateClaim {
  std::int64_t workers_count = 0;
  Fen total_owed;
};

struct PaymentOrderFacts {
  bool issued = false;
  OrderDelivery delivery = OrderDelivery::kNone;
  bool deadline_passed = false;
  bool paid_in_full = false;  // paid in full within the order's deadline
  OrderAddressee addressee = OrderAddressee::kEmployer;
};

struct AssessmentInput {
  std::string province;                     // threshold profile id
  std::vector<WorkerClaim> workers;         // either this (non-empty) ...
  std::optional<AggregateClaim> aggregate;  // ... or this
  Conduct conduct = Conduct::kUnknown;
  PaymentOrderFacts order;
  PaidStage paid_stage = PaidStage::kNone;
  bool serious_consequence = false;                     // claimed without a type (older callers), or
  std::vector<SeriousConsequence> serious_consequences;  // the §5 types established
  std::optional<EmployerKind> employer_kind;
  bool mass_incident = false;  // 群体性事件/极端事件 with serious social impact (45号令 §5(二))
  // §4 ¶1: evidence that, for a 正当理由, the actor did not know of the order or could not pay in time.
  bool justified_reason = false;
  // §6 and 刑法 §276-1 ¶3: mitigation needs the wages paid AND the 赔偿责任 borne. Absent: not stated.
  std::optional<bool> compensation_borne;
  std::vector<EvidenceItem> evidence_on_file;

  bool Serious() const { return serious_consequence || !serious_consequences.empty(); }
};

struct ElementFinding {
  std::string id;  // "conduct", "amount", "order", "not_paid_within_deadline", "serious_consequence", "employer"
  std::optional<bool> met;
  bool required = true;  // false: informative (aggravation, who is liable), not an element of the crime
  std::string basis;
  std::string explain_zh;
  std::string explain_en;
};

struct AmountFinding {
  const ThresholdProfile* profile = nullptr;
  std::optional<bool> met;
  std::optional<int> prong;  // the prong relied on: 2 when both are met (it covers every worker), else 1 or 2
  std::optional<bool> prong1_met;
  std::optional<bool> prong2_met;
  Fen total_owed;
  std::int64_t workers_owed = 0;  // workers with an amount > 0 (or workers_count)
};

struct Mitigation {
  PaidStage stage = PaidStage::kNone;
  std::optional<bool> compensation_borne;
  std::string effect_zh;
  std::string effect_en;
  std::string basis;
};

struct EvidenceGap {
  EvidenceItem item;
  std::string zh;
  std::string en;
  std::string basis;
};

struct BlacklistFinding {
  std::optional<bool> eligible;
  std::string basis;
  std::string explain_zh;
  std::string explain_en;
  std::string criterion;  // "amount" (45号令 §5(一)) or "mass_incident" (§5(二)) when eligible
};

struct AssessmentResult {
  std::vector<ElementFinding> elements;
  AmountFinding amount;
  std::optional<bool> crime_elements_met;
  Recommendation recommendation = Recommendation::kConsult;
  std::string recommendation_zh;
  std::string recommendation_en;
  std::optional<SentenceBand> sentence_band;
  std::optional<Mitigation> mitigation;
  std::vector<EvidenceGap> missing_evidence;
  BlacklistFinding blacklist;
};

// Pure: same input, same result. `profile` must outlive the result (AmountFinding points to it).
// Input is expected to satisfy ParseAssessmentInput's rules; other input still gives a defined result.
AssessmentResult Assess(const AssessmentInput& input, const ThresholdProfile& profile);

}  // namespace wagelink::domain
