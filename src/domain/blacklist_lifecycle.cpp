#include "domain/blacklist_lifecycle.h"

#include <array>
#include <utility>

#include "domain/code_table.h"
#include "domain/zh_dates.h"

namespace wagelink::domain {
namespace {

using S = ListingStatus;
using A = ListingAction;

constexpr std::array<std::pair<S, std::string_view>, 9> kStatusCodes{{
    {S::kProposed, "proposed"},         {S::kNoticed, "noticed"}, {S::kAwaitingDecision, "awaiting_decision"},
    {S::kNotListed, "not_listed"},      {S::kListed, "listed"},   {S::kRemovedEarly, "removed_early"},
    {S::kRevoked, "revoked"},           {S::kExpired, "expired"}, {S::kWithdrawn, "withdrawn"},
}};
constexpr std::array<std::pair<S, std::string_view>, 9> kStatusZh{{
    {S::kProposed, "拟列入"},   {S::kNoticed, "告知中（陈述申辩期）"}, {S::kAwaitingDecision, "陈述申辩期满，待决定"},
    {S::kNotListed, "不予列入"}, {S::kListed, "已列入"},               {S::kRemovedEarly, "提前移出"},
    {S::kRevoked, "已撤销"},    {S::kExpired, "期满移出"},             {S::kWithdrawn, "已撤回"},
}};
constexpr std::array<std::pair<A, std::string_view>, 8> kActionCodes{{
    {A::kServeNotice, "serve_notice"}, {A::kRecordDefence, "record_defence"}, {A::kDecideList, "decide_list"},
    {A::kDecideNotList, "decide_not_list"}, {A::kWithdraw, "withdraw"}, {A::kRemoveEarly, "remove_early"},
    {A::kRevoke, "revoke"}, {A::kCorrect, "correct"},
}};

using R = ResponsiblePersonRole;
constexpr std::array<std::pair<R, std::string_view>, 4> kRoleCodes{{
    {R::kLegalRepresentative, "legal_representative"}, {R::kPrincipal, "principal"},
    {R::kDirectSupervisor, "direct_supervisor"}, {R::kOtherDirectlyResponsible, "other_directly_responsible"},
}};
constexpr std::array<std::pair<R, std::string_view>, 4> kRoleZh{{
    {R::kLegalRepresentative, "法定代表人"}, {R::kPrincipal, "主要负责人"},
    {R::kDirectSupervisor, "直接负责的主管人员"}, {R::kOtherDirectlyResponsible, "其他直接责任人员"},
}};

Error StateConflict(ListingStatus status, ListingAction action) {
  return MakeError(ErrorCode::kTransitionRefused,
                   "当前状态“" + std::string(ListingStatusZh(status)) + "”下不能执行该操作",
                   "action " + std::string(ListingActionCode(action)) + " is not allowed while the listing is " +
                       std::string(ListingStatusCode(status)));
}

std::string DateZh(CivilDate d) { return ZhDate(d); }

// The day a step happened: `on` when recorded later, else today; never in the future, never before
// `after` (the step it follows).
Result<CivilDate> StepDate(const ListingActionInput& in, std::optional<CivilDate> after, std::string_view after_zh) {
  const CivilDate on = in.on.value_or(in.today);
  if (on > in.today) {
    return MakeError(ErrorCode::kValidationFailed, "日期不能晚于今天", "the date cannot be in the future", "on");
  }
  if (after && on < *after) {
    return MakeError(ErrorCode::kValidationFailed,
                     "日期不能早于" + std::string(after_zh) + "（" + DateZh(*after) + "）",
                     "the date cannot precede the previous step (" + after->ToIso() + ")", "on");
  }
  return on;
}

bool Blank(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::size_t Utf8Length(std::string_view text) {
  std::size_t n = 0;
  for (unsigned char c : text) n += (c & 0xC0) != 0x80;
  return n;
}

}  // namespace

std::string_view ListingStatusCode(ListingStatus status) { return CodeOf(kStatusCodes, status); }
std::string_view ListingStatusZh(ListingStatus status) { return CodeOf(kStatusZh, status); }
std::optional<ListingStatus> ParseListingStatus(std::string_view code) { return ValueOf(kStatusCodes, code); }
std::string_view ListingActionCode(ListingAction action) { return CodeOf(kActionCodes, action); }
std::optional<ListingAction> ParseListingAction(std::string_view code) { return ValueOf(kActionCodes, code); }
bool IsDecision(ListingAction action) { return action != A::kServeNotice && action != A::kRecordDefence; }
bool WasListed(ListingStatus s) {
  return s == S::kListed || s == S::kExpired || s == S::kRemovedEarly || s == S::kRevoked;
}
bool IsPendingDecision(ListingStatus s) { return s == S::kProposed || s == S::kNoticed || s == S::kAwaitingDecision; }

std::string_view ResponsiblePersonRoleCode(ResponsiblePersonRole role) { return CodeOf(kRoleCodes, role); }
std::string_view ResponsiblePersonRoleZh(ResponsiblePersonRole role) { return CodeOf(kRoleZh, role); }
std::optional<ResponsiblePersonRole> ParseResponsiblePersonRole(std::string_view code) {
  return ValueOf(kRoleCodes, code);
}

CivilDate EarliestEarlyRemoval(const ExposureRules& rules, CivilDate paid_on) {
  return paid_on.AddMonthsClamped(rules.early_removal_months_after_payment.value);
}

ListingStatus EffectiveStatus(const ListingFacts& facts, CivilDate today) {
  if (facts.status == S::kListed && facts.ends_on && today > *facts.ends_on) return S::kExpired;
  if (facts.status == S::kNoticed && facts.defence_due_on && today > *facts.defence_due_on) return S::kAwaitingDecision;
  return facts.status;
}

Result<ListingFacts> ApplyListingAction(const ExposureRules& rules, const WorkCalendar& calendar,
                                        const ListingFacts& facts, const ListingActionInput& in) {
  const ListingStatus now = EffectiveStatus(facts, in.today);
  ListingFacts next = facts;
  auto close = [&](ListingStatus status) {
    next.status = status;
    next.closed_on = in.today;
    return next;
  };
  const bool in_notice = now == S::kNoticed || now == S::kAwaitingDecision;
  switch (in.action) {
    case A::kServeNotice: {
      if (now != S::kProposed) return StateConflict(now, in.action);
      auto served = StepDate(in, facts.proposed_on, "提出日期");
      if (!served) return served.error();
      const int days = rules.defence_period_working_days.value;
      const auto due = calendar.AddWorkingDays(*served, days);
      next.status = S::kNoticed;
      next.notice_served_on = *served;
      next.defence_period_days = days;
      next.defence_due_on = due.date;
      next.defence_uncertain = due.uncertain;
      return next;
    }
    case A::kRecordDefence: {
      if (!in_notice) return StateConflict(now, in.action);
      if (Blank(in.text)) {
        return MakeError(ErrorCode::kValidationFailed, "请填写当事人陈述申辩的内容", "enter what the party stated",
                         "note");
      }
      auto received = StepDate(in, facts.notice_served_on, "告知书送达日期");
      if (!received) return received.error();
      next.defence_received = true;
      next.defence_received_on = *received;
      return next;
    }
    case A::kDecideList:
    case A::kDecideNotList: {
      if (!in_notice) return StateConflict(now, in.action);
      auto decided = StepDate(in, facts.notice_served_on, "告知书送达日期");
      if (!decided) return decided.error();
      if (*decided <= *facts.defence_due_on) {
        return MakeError(ErrorCode::kDueProcessPending,
                         "陈述申辩期至" + DateZh(*facts.defence_due_on) + "届满，期满后方可作出决定（已收到陈述申辩亦同）",
                         "the period to state and defend runs until " + facts.defence_due_on->ToIso() +
                             "; the decision can only be taken after it has ended, even with the party's statement on file",
                         "on");
      }
      if (Blank(in.text)) {
        return MakeError(ErrorCode::kValidationFailed, "请填写决定理由", "state the reasons for the decision", "note");
      }
      next.decided_on = *decided;
      if (in.action == A::kDecideNotList) {
        next.status = S::kNotListed;
        next.closed_on = *decided;
        return next;
      }
      next.status = S::kListed;
      next.listed_on = *decided;
      next.ends_on = decided->AddYearsClamped(rules.listing_term_years.value).AddDays(-1);
      return next;
    }
    case A::kWithdraw:
      if (!IsPendingDecision(now)) return StateConflict(now, in.action);
      return close(S::kWithdrawn);
    case A::kRevoke:
      if (now != S::kListed) return StateConflict(now, in.action);
      return close(S::kRevoked);
    case A::kCorrect:
      if (now == S::kExpired || now == S::kWithdrawn) return StateConflict(now, in.action);
      return next;
    case A::kRemoveEarly: {
      if (now != S::kListed) return StateConflict(now, in.action);
      if (!in.paid_in_full_on) {
        return MakeError(ErrorCode::kValidationFailed, "请填写全额清偿日期", "the date of full payment is required",
                         "paid_in_full_on");
      }
      if (*in.paid_in_full_on > in.today) {
        return MakeError(ErrorCode::kValidationFailed, "清偿日期不能晚于今天", "the payment date is in the future",
                         "paid_in_full_on");
      }
      if (!in.undertaking) {
        return MakeError(ErrorCode::kValidationFailed, "提前移出须提交书面信用承诺（守信承诺）",
                         "early removal needs the written undertaking (守信承诺)", "undertaking");
      }
      const CivilDate earliest = EarliestEarlyRemoval(rules, *in.paid_in_full_on);
      if (in.today < earliest) {
        return MakeError(ErrorCode::kTransitionRefused,
                         "全额清偿后满 " + std::to_string(rules.early_removal_months_after_payment.value) +
                             " 个月方可申请提前移出，最早 " + earliest.ToIso(),
                         "early removal is possible " + std::to_string(rules.early_removal_months_after_payment.value) +
                             " months after full payment, from " + earliest.ToIso(),
                         "paid_in_full_on");
      }
      next.paid_in_full_on = in.paid_in_full_on;
      return close(S::kRemovedEarly);
    }
  }
  return StateConflict(now, in.action);
}

Result<std::string> CheckListingEligibility(const ExposureRules& rules, const EligibilityFinding& finding,
                                            const EligibilityClaim& claim) {
  if (!finding.present || finding.eligible == false) {
    std::string why_zh = "案件不符合列入条件", why_en = "the case does not meet the listing criteria";
    if (finding.present) {
      why_zh += "：" + finding.explain_zh;
      why_en += ": " + finding.explain_en;
    }
    return MakeError(ErrorCode::kTransitionRefused, why_zh, why_en, "case_id");
  }
  if (claim.criterion && !rules.FindCriterion(*claim.criterion)) {
    return MakeError(ErrorCode::kValidationFailed, "criterion：应为 amount（第五条第一项）或 mass_incident（第五条第二项）",
                     "criterion: must be amount (§5(1)) or mass_incident (§5(2))", "criterion");
  }
  if (finding.eligible == true && finding.criterion && claim.criterion && *claim.criterion != *finding.criterion) {
    return MakeError(ErrorCode::kValidationFailed, "criterion：与案件评估认定的列入情形不一致",
                     "criterion: differs from the criterion the case assessment found", "criterion");
  }
  const auto criterion = claim.criterion ? claim.criterion : finding.criterion;
  if (!criterion) {
    return MakeError(ErrorCode::kValidationFailed, "criterion：请选择所依据的第五条情形（数额标准或群体性、极端事件）",
                     "criterion: state the §5 criterion relied on (amount or mass incident)", "criterion");
  }
  if (!finding.eligible && Blank(claim.reason)) {
    return MakeError(ErrorCode::kValidationFailed,
                     "eligibility_reason：案件评估尚无法判断是否符合列入条件，须说明提出列入的理由",
                     "eligibility_reason: the case assessment cannot decide eligibility; state why the listing is proposed",
                     "eligibility_reason");
  }
  return *criterion;
}

Status ValidateResponsiblePersons(const std::vector<ResponsiblePerson>& persons) {
  if (persons.empty() || persons.size() > 20) {
    return MakeError(ErrorCode::kValidationFailed, "责任人员应为 1 至 20 人", "list 1 to 20 responsible persons",
                     "persons");
  }
  int heads = 0;
  for (std::size_t i = 0; i < persons.size(); ++i) {
    const auto& p = persons[i];
    const std::size_t length = Utf8Length(p.name);
    if (length == 0 || length > 50) {
      const std::string field = "persons[" + std::to_string(i) + "].name";
      return MakeError(ErrorCode::kValidationFailed, field + "：姓名应为 1 至 50 个字", field + ": 1 to 50 characters",
                       field);
    }
    heads += p.role == R::kLegalRepresentative || p.role == R::kPrincipal;
  }
  if (heads != 1) {
    return MakeError(ErrorCode::kValidationFailed, "须列明且只列明一名法定代表人或主要负责人",
                     "name exactly one legal representative or principal", "persons");
  }
  return Ok{};
}

}  // namespace wagelink::domain
