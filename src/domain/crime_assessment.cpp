#include "domain/crime_assessment.h"

#include <algorithm>
#include <utility>

namespace wagelink::domain {
namespace {

constexpr std::string_view kAmountBasis = "刑法 §276-1 ¶1; 法释〔2013〕3号 §3; 刑法 §99";

std::string Yuan(Fen amount) {
  return amount.ToYuanGrouped();
}

// ---- elements ----

ElementFinding ConductElement(Conduct conduct) {
  ElementFinding element{"conduct", std::nullopt, true, "刑法 §276-1 ¶1; 法释〔2013〕3号 §2", {}, {}};
  switch (conduct) {
    case Conduct::kAbscond:
      element.met = true;
      element.basis = "刑法 §276-1 ¶1; 法释〔2013〕3号 §2(二); 人社部发〔2014〕100号 一(二)";
      element.explain_zh =
          "以逃匿方法逃避支付劳动报酬（逃跑、藏匿）。经以书面、电话、短信等能确认收悉的方式通知后无正当理由未到场，或明"
          "确表示拒不支付的，视为以逃匿方法逃避支付。";
      element.explain_en =
          "Evading payment by absconding (fleeing or hiding). Failing without good reason to appear after a "
          "confirmable "
          "notice, or declaring a refusal to pay, counts as absconding.";
      break;
    case Conduct::kTransferAssets:
      element.met = true;
      element.basis = "刑法 §276-1 ¶1; 法释〔2013〕3号 §2(一)(三)";
      element.explain_zh =
          "以转移财产等方法逃避支付：隐匿财产、恶意清偿、虚构债务、虚假破产、虚假倒闭或者以其他方法转移、处分财产，或隐"
          "匿、销毁、篡改工资支付记录等。";
      element.explain_en =
          "Evading payment by moving assets: hiding assets, preferential repayment, fictitious debts, sham bankruptcy "
          "or "
          "closure, other transfers or disposals, or hiding, destroying or falsifying pay records.";
      break;
    case Conduct::kAbleButRefused:
      element.met = true;
      element.basis = "刑法 §276-1 ¶1";
      element.explain_zh = "有能力支付而不支付劳动报酬。须以账户余额、同期购置资产或支付其他款项等证明支付能力。";
      element.explain_en =
          "Able to pay but not paying. Ability to pay must be shown, e.g. by account balances or assets bought or "
          "other "
          "payments made meanwhile.";
      break;
    case Conduct::kUnable:
      element.met = false;
      element.explain_zh = "行为人确无支付能力，且未转移财产、未逃匿：不符合本罪的行为要件。";
      element.explain_en =
          "The employer truly cannot pay and has neither moved assets nor absconded: the conduct element is not met.";
      break;
    case Conduct::kUnknown:
      element.explain_zh = "行为性质尚未查明：须查明是否转移财产、逃匿，或有能力支付而不支付。";
      element.explain_en =
          "The conduct is not established yet: moving assets, absconding, or refusing although able to pay.";
      break;
  }
  return element;
}

struct WorkerFacts {
  Fen total;
  std::int64_t workers_owed = 0;
  std::optional<WorkerClaim> best_qualifying;  // largest tested amount among workers unpaid long enough
  bool after_deadline = false;                 // amounts are what remained unpaid after the order's deadline
};

WorkerFacts SummariseWorkers(const std::vector<WorkerClaim>& workers, int min_months) {
  WorkerFacts facts;
  for (const WorkerClaim& worker : workers) {
    const Fen tested = worker.Tested();
    facts.after_deadline = facts.after_deadline || worker.unpaid_after_deadline.has_value();
    // Saturate instead of overflowing; the parser refuses such totals before we get here.
    facts.total = CheckedAdd(facts.total, tested).value_or(Fen::FromFen(INT64_MAX));
    if (tested > Fen()) ++facts.workers_owed;
    if (worker.months_unpaid >= min_months && (!facts.best_qualifying || tested > facts.best_qualifying->Tested())) {
      facts.best_qualifying = worker;
    }
  }
  return facts;
}

// A prong's figure: the province's own, or (unconfigured) the national bounds, between which the
// answer is unknown. `at_least` is the amount in the case; true/false/unknown as the law allows.
struct Figure {
  Fen low, high;  // equal when the province's figure is configured
  std::optional<bool> Test(Fen amount) const {
    if (amount >= high) return true;
    if (amount < low) return false;
    return std::nullopt;
  }
  std::string Text() const {
    return low == high ? Yuan(low) : Yuan(low) + "–" + Yuan(high);
  }
};

ElementFinding AmountElement(const AssessmentInput& input, const ThresholdProfile& profile, AmountFinding& amount) {
  ElementFinding element{"amount", std::nullopt, true, std::string(kAmountBasis), {}, {}};
  if (!profile.document.empty()) element.basis += "; " + profile.document;
  amount.profile = &profile;

  WorkerFacts facts;
  if (input.aggregate) {
    facts.total = input.aggregate->total_owed;
    facts.workers_owed = input.aggregate->workers_count;
  } else {
    facts = SummariseWorkers(input.workers, profile.min_months_per_worker);
  }
  amount.total_owed = facts.total;
  amount.workers_owed = facts.workers_owed;
  const std::string case_zh = std::string("本案：") + (facts.after_deadline ? "责令支付期限届满后，" : "") +
                              std::to_string(facts.workers_owed) + " 名劳动者仍被拖欠劳动报酬，累计 " +
                              Yuan(facts.total) + " 元。";
  const std::string case_en = "This case: " + std::to_string(facts.workers_owed) + " worker(s) owed " +
                              Yuan(facts.total) + " yuan of remuneration in total" +
                              (facts.after_deadline ? " after the order's deadline." : ".");

  const Figure per_worker = profile.configured ? Figure{*profile.per_worker, *profile.per_worker}
                                               : Figure{profile.national.per_worker_low, profile.national.per_worker_high};
  const Figure aggregate = profile.configured ? Figure{*profile.aggregate, *profile.aggregate}
                                              : Figure{profile.national.aggregate_low, profile.national.aggregate_high};
  const std::string months = std::to_string(profile.min_months_per_worker);
  const std::string workers = std::to_string(profile.min_workers_aggregate);

  std::string prong1_zh;
  std::string prong1_en;
  if (input.aggregate) {
    if (facts.total < per_worker.low) {
      amount.prong1_met = false;
      prong1_zh = "第（一）项未达到：欠薪总额低于单人标准。";
      prong1_en = "Prong 1 not met: the whole amount is below the per-worker figure.";
    } else {
      prong1_zh = "第（一）项无法判断：未提供逐人金额和欠薪月数。";
      prong1_en = "Prong 1 undecidable: no per-worker amounts and months were given.";
    }
  } else if (!facts.best_qualifying) {
    amount.prong1_met = false;
    prong1_zh = "第（一）项未达到：没有劳动者被拖欠满 " + months + " 个月。";
    prong1_en = "Prong 1 not met: no worker is unpaid for " + months + " months or more.";
  } else {
    const Fen best = facts.best_qualifying->Tested();
    amount.prong1_met = per_worker.Test(best);
    const std::string worker_zh = "被拖欠满 " + months + " 个月的劳动者中最高为 " + Yuan(best) + " 元";
    const std::string worker_en = "the most owed to a worker unpaid for " + months + "+ months is " + Yuan(best) + " yuan";
    if (amount.prong1_met == true) {
      prong1_zh = "第（一）项达到：" + worker_zh + "。";
      prong1_en = "Prong 1 met: " + worker_en + ".";
    } else if (amount.prong1_met == false) {
      prong1_zh = "第（一）项未达到：" + worker_zh + "。";
      prong1_en = "Prong 1 not met: " + worker_en + ".";
    } else {
      prong1_zh = "第（一）项无法判断：" + worker_zh + "，介于全国幅度 " + per_worker.Text() + " 元之间。";
      prong1_en = "Prong 1 undecidable: " + worker_en + ", inside the national range " + per_worker.Text() + " yuan.";
    }
  }

  std::string prong2_zh;
  std::string prong2_en;
  if (facts.workers_owed < profile.min_workers_aggregate) {
    amount.prong2_met = false;
    prong2_zh = "第（二）项未达到：被拖欠的劳动者不足 " + workers + " 名。";
    prong2_en = "Prong 2 not met: fewer than " + workers + " workers are owed.";
  } else {
    amount.prong2_met = aggregate.Test(facts.total);
    const std::string total_zh = std::to_string(facts.workers_owed) + " 名劳动者累计 " + Yuan(facts.total) + " 元";
    const std::string total_en =
        std::to_string(facts.workers_owed) + " workers, " + Yuan(facts.total) + " yuan in total";
    if (amount.prong2_met == true) {
      prong2_zh = "第（二）项达到：" + total_zh + "。";
      prong2_en = "Prong 2 met: " + total_en + ".";
    } else if (amount.prong2_met == false) {
      prong2_zh = "第（二）项未达到：累计数额低于 " + Yuan(aggregate.low) + " 元。";
      prong2_en = "Prong 2 not met: the total is below " + Yuan(aggregate.low) + " yuan.";
    } else {
      prong2_zh = "第（二）项无法判断：" + total_zh + "，介于全国幅度 " + aggregate.Text() + " 元之间。";
      prong2_en = "Prong 2 undecidable: " + total_en + ", inside the national range " + aggregate.Text() + " yuan.";
    }
  }

  if (amount.prong1_met == true || amount.prong2_met == true) {
    amount.met = true;
    amount.prong = amount.prong2_met == true ? 2 : 1;
  } else if (amount.prong1_met == false && amount.prong2_met == false) {
    amount.met = false;
  }
  element.met = amount.met;
  const std::string rule_zh = "（一）1名劳动者被拖欠 " + months + " 个月以上且数额达到 " + per_worker.Text() + " 元；（二）" +
                              workers + " 名以上劳动者累计达到 " + aggregate.Text() + " 元。“以上”包括本数。";
  const std::string rule_en = "(1) one worker unpaid for " + months + "+ months and owed at least " +
                              per_worker.Text() + " yuan; (2) " + workers + "+ workers owed at least " +
                              aggregate.Text() + " yuan in total. Thresholds include the figure itself.";
  if (profile.configured) {
    element.explain_zh = "适用" + profile.name_zh + "标准（" +
                         (profile.document.empty() ? profile.id : profile.document) + "，" +
                         std::string(SourceStatusName(profile.status)) + "）：" + rule_zh + case_zh + prong1_zh +
                         prong2_zh;
    element.explain_en = "Using the " + profile.name_en + " figures (" +
                         (profile.document.empty() ? profile.id : profile.document) + ", " +
                         std::string(SourceStatusName(profile.status)) + "): " + rule_en + " " + case_en + " " +
                         prong1_en + " " + prong2_en;
  } else {
    const bool unset = profile.id == ThresholdCatalog::kUnset;
    const std::string why_zh = unset ? "本区尚未选择适用的省份数额标准"
                                     : profile.name_zh + "的数额较大标准尚未确认（" +
                                           std::string(SourceStatusName(profile.status)) + "）";
    const std::string why_en = unset ? "The district has not chosen its province's figures"
                                     : "The 数额较大 figures for " + profile.name_en + " are not confirmed (" +
                                           std::string(SourceStatusName(profile.status)) + ")";
    element.explain_zh = why_zh +
                         "，按法释〔2013〕3号§3的全国幅度判断：达到上限的在任何省份均达到，低于下限的均未达到，介于其间的"
                         "无法判断，须由运营方配置本地标准或征询检察院。" +
                         rule_zh + case_zh + prong1_zh + prong2_zh;
    element.explain_en = why_en +
                         "; judged against the national range of 法释〔2013〕3号 §3: at or above the upper bound the "
                         "amount is large in every province, below the lower bound in none, in between it cannot be "
                         "decided until the operator configures the local figure (or the procuratorate is consulted). " +
                         rule_en + " " + case_en + " " + prong1_en + " " + prong2_en;
  }
  return element;
}

bool OrderEffective(const PaymentOrderFacts& order) {
  return order.issued && order.delivery != OrderDelivery::kNone && IsActor(order.addressee);
}

ElementFinding OrderElement(const PaymentOrderFacts& order) {
  ElementFinding element{"order", false, true, "刑法 §276-1 ¶1; 法释〔2013〕3号 §4 ¶1", {}, {}};
  if (!order.issued) {
    element.explain_zh = "尚未以限期整改指令书、行政处理决定书等文书责令支付：不具备“经政府有关部门责令支付”。";
    element.explain_en = "No order to pay (限期整改指令书, 行政处理决定书 or similar) has been issued.";
  } else if (!IsActor(order.addressee)) {
    element.explain_zh =
        "责令支付文书只向" +
        std::string(order.addressee == OrderAddressee::kGeneralContractor ? "施工总承包单位" : "建设单位") +
        "发出（其依法先行清偿，条例§29、§30、§36），尚未向行为人（用人单位或其实际控制人）责令支付。";
    element.explain_en =
        "The order was addressed only to the " +
        std::string(order.addressee == OrderAddressee::kGeneralContractor ? "general contractor" : "developer") +
        " (who pays first, 条例 §29, §30, §36); the actor (the employer or its actual controller) has not been "
        "ordered to pay.";
  } else if (order.delivery == OrderDelivery::kNone) {
    element.explain_zh = "责令支付文书已制作但尚未送达或张贴，不能认定已经责令支付。";
    element.explain_en = "The order exists but has been neither served nor posted, so payment has not been ordered.";
  } else if (order.delivery == OrderDelivery::kServed) {
    element.met = true;
    element.explain_zh = "已以责令支付文书责令支付并送达行为人（或其同住成年家属、单位负责收件的人）。";
    element.explain_en =
        "An order to pay was issued and served on the actor (or an adult household member or the unit's recipient).";
  } else {
    element.met = true;
    element.basis = "刑法 §276-1 ¶1; 法释〔2013〕3号 §4 ¶2";
    element.explain_zh =
        "行为人逃匿无法送达，已在其住所地、生产经营场所等地张贴责令支付文书并以拍照、录像等方式记录，视为经政府有关部门"
        "责令支付（拍照、录像记录须在卷）。";
    element.explain_en =
        "The actor could not be reached; the order was posted at the residence or premises and recorded by photo or "
        "video, which counts as an order to pay (the photo or video record must be on file).";
  }
  return element;
}

ElementFinding NotPaidElement(const PaymentOrderFacts& order, bool justified_reason) {
  ElementFinding element{"not_paid_within_deadline", false, true, "刑法 §276-1 ¶1; 法释〔2013〕3号 §4 ¶1", {}, {}};
  if (!OrderEffective(order)) {
    element.explain_zh = "没有有效送达的责令支付，无从认定“仍不支付”。";
    element.explain_en = "Without an order that took effect there is no refusal to pay after an order.";
  } else if (justified_reason) {
    element.explain_zh = "有证据证明行为人因正当理由未知悉责令支付或者未及时支付（法释〔2013〕3号§4第1款但书），不认定为“仍不支付”。";
    element.explain_en =
        "There is evidence that, for a justified reason, the actor did not know of the order or could not pay in "
        "time (法释〔2013〕3号 §4 ¶1 proviso): no refusal to pay after the order.";
  } else if (order.paid_in_full) {
    element.explain_zh = "已在指定期限内足额支付，不构成“经责令支付仍不支付”。";
    element.explain_en = "Paid in full within the set period: no refusal to pay after the order.";
  } else if (!order.deadline_passed) {
    element.explain_zh = "指定的支付期限尚未届满；期满仍未足额支付的，再行评估。";
    element.explain_en = "The set period has not ended yet; reassess if it ends without full payment.";
  } else {
    element.met = true;
    element.explain_zh = "指定的期限届满仍未足额支付（行为人自行支付以外的垫付不计入；有证据证明因正当理由未知悉责令支付或未及时支付的除外）。";
    element.explain_en =
        "The set period ended without full payment (advances by others than the actor do not count; unless there is "
        "evidence that, for good reason, the actor did not know of the order or could not pay in time).";
  }
  return element;
}

ElementFinding SeriousConsequenceElement(const AssessmentInput& input) {
  const bool serious = input.Serious();
  ElementFinding element{"serious_consequence", serious, false, "刑法 §276-1 ¶1; 法释〔2013〕3号 §5", {}, {}};
  if (!input.serious_consequences.empty()) {
    std::string kinds_zh;
    std::string kinds_en;
    for (const SeriousConsequence kind : input.serious_consequences) {
      kinds_zh += (kinds_zh.empty() ? "" : "；") + std::string(SeriousConsequenceZh(kind));
      kinds_en += (kinds_en.empty() ? "" : ", ") + std::string(SeriousConsequenceName(kind));
    }
    element.explain_zh = "已认定造成严重后果：" + kinds_zh + "。在数额较大的基础上，适用三年以上七年以下有期徒刑的法定刑幅度。";
    element.explain_en = "Serious consequences established (" + kinds_en +
                         "): with the amount threshold met, the aggravated range of 3 to 7 years applies.";
  } else if (serious) {
    element.explain_zh =
        "主张造成严重后果（数额较大并致劳动者或其被赡养、扶养、抚养人基本生活受严重影响、重病无法及时医治、失学，或对讨"
        "薪劳动者使用暴力、以暴力相威胁等）：加重法定刑幅度。";
    element.explain_en =
        "A serious consequence is claimed (amount threshold met and workers' or dependants' basic living, medical care "
        "or schooling seriously affected, or violence or threats against workers): the aggravated sentence range "
        "applies.";
  } else {
    element.explain_zh = "未认定造成严重后果。";
    element.explain_en = "No serious consequence has been established.";
  }
  return element;
}

ElementFinding EmployerElement(EmployerKind kind) {
  ElementFinding element{"employer", true, false, {}, {}, {}};
  switch (kind) {
    case EmployerKind::kUnit:
      element.basis = "刑法 §276-1 ¶2; 法释〔2013〕3号 §8, §9";
      element.explain_zh =
          "单位犯罪：适用与个人犯罪相同的定罪量刑标准，追究直接负责的主管人员和其他直接责任人员的刑事责任，并对单位判处"
          "罚金；用人单位的实际控制人亦可追究。";
      element.explain_en =
          "Unit crime: the individual thresholds apply; the persons directly in charge and other directly responsible "
          "persons are punished and the unit is fined; the actual controller is also liable.";
      break;
    case EmployerKind::kIndividual:
      element.basis = "刑法 §276-1 ¶1; 法释〔2013〕3号 §8";
      element.explain_zh = "个人（含个体经营者）为行为主体，依刑法§276-1第1款追究；实际控制人亦可追究。";
      element.explain_en = "An individual employer is liable under §276-1 ¶1; an actual controller is liable too.";
      break;
    case EmployerKind::kUnqualifiedContractor:
      element.basis = "法释〔2013〕3号 §7; 保障农民工工资支付条例 §30, §36";
      element.explain_zh =
          "不具备用工主体资格的单位或个人违法用工且拒不支付的，依刑法§276-"
          "1追究；工资由施工总承包单位或建设单位依法先行清偿，并可向其追偿。";
      element.explain_en =
          "A party without the legal capacity to employ that employs illegally and does not pay is liable under "
          "§276-1; "
          "the general contractor or developer pays the wages first and may recover them.";
      break;
  }
  return element;
}

// ---- mitigation by payment stage (LEGAL.md §1.4) ----

std::optional<Mitigation> MitigationFor(PaidStage stage, bool serious, std::optional<bool> compensation_borne) {
  if (stage == PaidStage::kNone) return std::nullopt;
  Mitigation mitigation;
  mitigation.stage = stage;
  mitigation.compensation_borne = compensation_borne;
  if (compensation_borne == false) {
    mitigation.basis = serious ? "法释〔2013〕3号 §6 ¶3" : "法释〔2013〕3号 §6 ¶1; 刑法 §276-1 ¶3";
    mitigation.effect_zh =
        "劳动报酬已由行为人支付，但尚未依法承担赔偿责任：法释§6的从宽须“支付劳动报酬并依法承担相应赔偿责任”二者兼备，目前"
        "不适用。";
    mitigation.effect_en =
        "The actor has paid the wages but has not borne the compensation: the leniency of 法释 §6 needs both, so it "
        "does not apply yet.";
    return mitigation;
  }
  if (serious) {
    mitigation.basis = "法释〔2013〕3号 §6 ¶3";
    mitigation.effect_zh = "造成严重后果，但在宣判前支付劳动报酬并依法承担赔偿责任的，“可以”酌情从宽处罚。";
    mitigation.effect_en =
        "With a serious consequence, paying the wages and bearing the compensation before judgment MAY lead to a "
        "lenient sentence at the court's discretion.";
    return mitigation;
  }
  switch (stage) {
    case PaidStage::kBeforeFiling:
      mitigation.basis = "法释〔2013〕3号 §6 ¶1; 立案追诉标准（补充规定）";
      mitigation.effect_zh =
          "在刑事立案前支付劳动报酬并依法承担赔偿责任、未造成严重后果的，“可以”认定为情节显著轻微危害不大，不认为是犯罪"
          "；公安机关“可以”不予立案追诉。“可以”不是“应当”。";
      mitigation.effect_en =
          "Paid with compensation before criminal filing and no serious consequence: this MAY be treated as too minor "
          "to be a crime, and the police MAY decline to file. 'May' is not 'shall'.";
      break;
    case PaidStage::kBeforeProsecution:
      mitigation.basis = "刑法 §276-1 ¶3; 法释〔2013〕3号 §6 ¶1";
      mitigation.effect_zh =
          "在提起公诉前支付劳动报酬并依法承担赔偿责任、未造成严重后果的，“可以”减轻或者免除刑事处罚。";
      mitigation.effect_en =
          "Paid with compensation before prosecution and no serious consequence: the punishment MAY be reduced or "
          "waived.";
      break;
    case PaidStage::kBeforeFirstInstanceJudgment:
      mitigation.basis = "法释〔2013〕3号 §6 ¶1";
      mitigation.effect_zh = "在一审宣判前支付劳动报酬并依法承担赔偿责任、未造成严重后果的，“可以”从轻处罚。";
      mitigation.effect_en =
          "Paid with compensation before the first-instance judgment and no serious consequence: MAY be punished more "
          "lightly.";
      break;
    case PaidStage::kBeforeJudgment:
      mitigation.basis = "法释〔2013〕3号 §6 ¶3（类推适用，平台解读）";
      mitigation.effect_zh =
          "一审宣判后、宣判前（二审）支付的，法释§6对未造成严重后果的情形没有专门规定；比照§6第3款，可作为酌定从宽情节"
          "由法院考虑（平台解读，非条文明定）。";
      mitigation.effect_en =
          "Payment after the first-instance judgment but before the final judgment: 法释 §6 has no specific rule when "
          "there is no serious consequence; by analogy with §6 ¶3 the court may take it into account (platform "
          "reading, not an express rule).";
      break;
    case PaidStage::kNone:
      break;
  }
  if (!compensation_borne.has_value()) {  // the effect above needs the compensation borne too
    mitigation.effect_zh = "（赔偿责任的承担情况尚未记录，以依法承担为前提）" + mitigation.effect_zh;
    mitigation.effect_en = "(Whether the compensation was borne is not recorded; this assumes it was.) " + mitigation.effect_en;
  }
  return mitigation;
}

// ---- evidence checklist ----

std::vector<EvidenceGap> MissingEvidence(const AssessmentInput& input) {
  std::vector<EvidenceItem> needed{EvidenceItem::kWorkerStatements, EvidenceItem::kEmploymentProof,
                                   EvidenceItem::kArrearsCalculation};
  std::vector<EvidenceItem> always_missing;
  if (input.aggregate) always_missing.push_back(EvidenceItem::kPerWorkerBreakdown);
  if (!input.order.issued) {
    always_missing.push_back(EvidenceItem::kPaymentOrder);
  } else {
    needed.push_back(EvidenceItem::kPaymentOrder);
    switch (input.order.delivery) {
      case OrderDelivery::kServed:
        needed.push_back(EvidenceItem::kServiceProof);
        break;
      case OrderDelivery::kPostedAtSite:
        needed.push_back(EvidenceItem::kPostingPhotoVideo);
        break;
      case OrderDelivery::kNone:
        always_missing.push_back(EvidenceItem::kServiceProof);
        break;
    }
  }
  switch (input.conduct) {
    case Conduct::kAbscond:
      needed.push_back(EvidenceItem::kAbscondNoticeRecord);
      break;
    case Conduct::kTransferAssets:
      needed.push_back(EvidenceItem::kAssetTransferEvidence);
      break;
    case Conduct::kAbleButRefused:
      needed.push_back(EvidenceItem::kAbilityToPayEvidence);
      break;
    case Conduct::kUnable:
      needed.push_back(EvidenceItem::kInabilityEvidence);
      break;
    case Conduct::kUnknown:
      always_missing.push_back(EvidenceItem::kConductEvidence);
      break;
  }
  if (input.Serious()) needed.push_back(EvidenceItem::kSeriousConsequenceEvidence);
  if (input.employer_kind == EmployerKind::kUnqualifiedContractor) {
    needed.push_back(EvidenceItem::kContractingChainEvidence);
  }
  if (input.mass_incident) needed.push_back(EvidenceItem::kMassIncidentRecord);

  const auto on_file = [&](EvidenceItem item) {
    return std::find(input.evidence_on_file.begin(), input.evidence_on_file.end(), item) !=
           input.evidence_on_file.end();
  };
  std::vector<EvidenceGap> gaps;
  const auto add = [&](EvidenceItem item) {
    const EvidenceText& text = EvidenceTextOf(item);
    gaps.push_back(EvidenceGap{item, std::string(text.zh), std::string(text.en), std::string(text.basis)});
  };
  for (const EvidenceItem item : needed) {
    if (!on_file(item)) add(item);
  }
  for (const EvidenceItem item : always_missing) add(item);
  return gaps;
}

// ---- blacklist (人社部令第45号 §5) ----

BlacklistFinding Blacklist(const AssessmentInput& input, const AmountFinding& amount) {
  BlacklistFinding finding{std::nullopt, "人社部令第45号 §5; 保障农民工工资支付条例 §48", {}, {}};
  const bool order_unpaid = OrderEffective(input.order) && input.order.deadline_passed && !input.order.paid_in_full &&
                            !input.justified_reason;
  if (!order_unpaid) {
    finding.eligible = false;
    finding.explain_zh = "列入失信联合惩戒名单须以责令限期支付且逾期未支付为前提，本案不具备。";
    finding.explain_en =
        "Listing requires an order to pay by a deadline that was not complied with; that is not the case here.";
  } else if (amount.met == true) {
    finding.eligible = true;
    finding.criterion = "amount";
    finding.explain_zh =
        "经责令限期支付逾期未支付，且拖欠数额达到拒不支付劳动报酬罪的数额标准（§5(一)"
        "）：符合列入条件，须经告知和陈述申辩程序后决定。行为要件不影响本项。";
    finding.explain_en =
        "The order was not complied with and the amount meets the crime threshold (§5(1)): eligible for "
        "listing, after notice and a hearing of the party. The conduct element is irrelevant here.";
  } else if (input.mass_incident) {
    finding.eligible = true;
    finding.criterion = "mass_incident";
    finding.explain_zh =
        "经责令限期支付逾期未支付，且因拖欠引发群体性事件、极端事件造成严重不良社会影响（§5(二)"
        "）：符合列入条件，须经告知和陈述申辩程序后决定。";
    finding.explain_en =
        "The order was not complied with and the arrears caused a mass or extreme incident with serious "
        "social impact (§5(2)): eligible for listing, after notice and a hearing of the party.";
  } else if (!amount.met.has_value()) {
    finding.explain_zh = "逾期未支付，但数额标准尚无法判断，且未发生群体性、极端事件：暂无法判断是否符合列入条件。";
    finding.explain_en =
        "The order was not complied with, but the amount test cannot be decided and there was no mass "
        "incident: eligibility is unknown for now.";
  } else {
    finding.eligible = false;
    finding.explain_zh = "逾期未支付，但数额未达到标准，也未引发群体性、极端事件（§5）：不符合列入条件。";
    finding.explain_en =
        "The order was not complied with, but neither is the amount threshold met nor was there a mass "
        "or extreme incident (§5): not eligible.";
  }
  return finding;
}

// ---- recommendation ----

std::string_view ElementLabelZh(const std::string& id) {
  if (id == "conduct") return "行为要件";
  if (id == "amount") return "数额较大";
  if (id == "order") return "经责令支付";
  return "期限内仍不支付";
}

std::string_view ElementLabelEn(const std::string& id) {
  if (id == "conduct") return "conduct";
  if (id == "amount") return "amount";
  if (id == "order") return "order to pay";
  return "not paid within the deadline";
}

void Recommend(const AssessmentInput& input, AssessmentResult& result) {
  if (input.conduct == Conduct::kUnable) {
    result.recommendation = Recommendation::kCivil;
    result.recommendation_zh =
        "不移送公安机关：行为人确无支付能力，不符合本罪行为要件。但劳动者仍须拿到工资——引导申请法律援助（农民工追索劳动"
        "报酬免于经济困难审查，法律援助法§31、§42），经法院绿色通道优先调解、受理、审判和执行；符合条件的动用应急周转金"
        "先行垫付（保障农民工工资支付条例§63）；工程建设领域由施工总承包单位、建设单位依法清偿（条例§29、§30、§36）；同"
        "时继续行政处理，逾期不履行的申请法院强制执行（条例§42）。";
    result.recommendation_en =
        "Do not transfer to the police: the employer truly cannot pay, so the conduct element is not met. The workers "
        "still need their money: legal aid (no means test for migrant workers' wage claims, 法律援助法 §31, §42), the "
        "court's green channel for priority mediation, acceptance, trial and execution, the emergency wage fund where "
        "available (条例 §63), payment by the general contractor or developer on construction projects (条例 §29, §30, "
        "§36), and the administrative route with court enforcement (条例 §42).";
    return;
  }
  std::string reasons_zh;
  std::string reasons_en;
  std::string unknown_zh;
  std::string unknown_en;
  for (const ElementFinding& element : result.elements) {
    if (!element.required) continue;
    if (element.met == false) {
      reasons_zh += (reasons_zh.empty() ? "" : "；") + element.explain_zh;
      reasons_en += (reasons_en.empty() ? "" : " ") + element.explain_en;
    } else if (!element.met.has_value()) {
      unknown_zh += (unknown_zh.empty() ? "" : "、") + std::string(ElementLabelZh(element.id));
      unknown_en += (unknown_en.empty() ? "" : ", ") + std::string(ElementLabelEn(element.id));
    }
  }
  if (result.crime_elements_met == false) {
    result.recommendation = Recommendation::kAdministrative;
    result.recommendation_zh =
        "不移送公安机关，继续行政处理（责令支付、加付赔偿金、行政处罚等，劳动保障监察条例§26、§30）。原因：" +
        reasons_zh;
    result.recommendation_en =
        "Do not transfer to the police; continue the administrative route (order to pay, extra "
        "compensation, administrative penalty; 劳动保障监察条例 §26, §30). Why: " +
        reasons_en;
  } else if (result.crime_elements_met == true) {
    // LEGAL.md §1.4: "paid" is the wages and the compensation borne; the input's paid stage says the
    // first, and only an explicit `compensation_borne: false` withholds §6 (null: not contradicted,
    // but the text must not claim it, and asks for it to be recorded).
    if (input.paid_stage == PaidStage::kBeforeFiling && !input.Serious() && input.compensation_borne != false) {
      result.recommendation = Recommendation::kAdministrative;
      result.recommendation_zh =
          "构成要件均已具备，但行为人已在刑事立案前支付劳动报酬" +
          std::string(input.compensation_borne ? "并依法承担赔偿责任" : "（赔偿责任的承担情况尚未记录）") +
          "，且未造成严重后果。依法释〔2013〕3号§"
          "6，“可以”认定为情节显著轻微危害不大、不认为是犯罪，立案追诉标准亦规定“可以”不予立案追诉；“可以”不是“应当”，"
          "最终由公安、检察机关裁量。建议按行政程序处理（依法给予行政处罚）；如有疑问，向检察院、公安机关个案征询。";
      result.recommendation_en =
          "All elements are met, but the wages were paid" +
          std::string(input.compensation_borne ? " and compensation borne" : " (whether compensation was borne is not recorded)") +
          " before criminal filing, with no serious consequence. Under 法释〔2013〕3号 §6 this MAY be treated as too minor to be a crime, and the prosecution "
          "standard says the police MAY decline to file; 'may' is not 'shall' and the police and procuratorate decide. "
          "Recommended: the administrative route (with an administrative penalty where due); consult the procuratorate "
          "and police if in doubt.";
      if (!input.compensation_borne.has_value()) {
        result.recommendation_zh += "注意：赔偿责任的承担情况尚未记录，请查明并记录；未承担的，本建议不成立。";
        result.recommendation_en +=
            " Note: whether the compensation was borne is not recorded yet; establish and record it, as this advice "
            "does not hold if it was not.";
      }
    } else {
      result.recommendation = Recommendation::kTransfer;
      result.recommendation_zh =
          "涉嫌拒不支付劳动报酬罪，构成要件均已具备：按国务院令第310号§5的程序和时限组成专案组、报负责人批准，"
          "移送同级公安机关并抄送同级人民检察院；不得以行政处罚代替移送（§11）。";
      result.recommendation_en =
          "Suspected 拒不支付劳动报酬罪 with every element met: form the case group, obtain the head's approval and "
          "transfer to the same-level police with a copy to the procuratorate within the time limits of 国务院令第310号 "
          "§5; an administrative penalty may not replace the transfer (§11).";
    }
  } else {
    result.recommendation = Recommendation::kConsult;
    result.recommendation_zh = "以下要件尚无法判断：" + unknown_zh +
                               "。罪与非罪界限不清，建议向区人民检察院和公安分局个案征询，同时补充证据。";
    result.recommendation_en = "These elements cannot be decided yet: " + unknown_en +
                               ". Whether this is a crime is unclear: consult the procuratorate and the police on the "
                               "case and complete the evidence.";
  }
}

}  // namespace

AssessmentResult Assess(const AssessmentInput& input, const ThresholdProfile& profile) {
  AssessmentResult result;
  result.elements.push_back(ConductElement(input.conduct));
  result.elements.push_back(AmountElement(input, profile, result.amount));
  result.elements.push_back(OrderElement(input.order));
  result.elements.push_back(NotPaidElement(input.order, input.justified_reason));
  result.elements.push_back(SeriousConsequenceElement(input));
  if (input.employer_kind) result.elements.push_back(EmployerElement(*input.employer_kind));

  bool any_unknown = false;
  bool any_unmet = false;
  for (const ElementFinding& element : result.elements) {
    if (!element.required) continue;
    any_unmet = any_unmet || element.met == false;
    any_unknown = any_unknown || !element.met.has_value();
  }
  if (any_unmet) {
    result.crime_elements_met = false;
  } else if (!any_unknown) {
    result.crime_elements_met = true;
  }
  if (result.crime_elements_met == true) {
    result.sentence_band = input.Serious() ? SentenceBand::k3To7Years : SentenceBand::kUpTo3Years;
  }
  result.mitigation = MitigationFor(input.paid_stage, input.Serious(), input.compensation_borne);
  Recommend(input, result);
  result.missing_evidence = MissingEvidence(input);
  result.blacklist = Blacklist(input, result.amount);
  return result;
}

}  // namespace wagelink::domain
