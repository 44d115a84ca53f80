// Money per worker (case_payments.h).
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "services/case_payments.h"
#include "services/same_state_event.h"

#include "domain/case_facts.h"
#include "store/case_tally_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;



// Splits `amount` over the outstanding amounts in proportion, exactly to the fen (largest remainder).
std::vector<std::pair<std::int64_t, std::int64_t>> Proportional(const std::vector<store::WorkerRow>& workers,
                                                                std::int64_t amount) {
  std::int64_t outstanding_total = 0;
  for (const auto& w : workers) outstanding_total += std::max<std::int64_t>(0, w.owed_fen - w.paid_fen);
  std::vector<std::pair<std::int64_t, std::int64_t>> shares;  // worker id, fen
  std::vector<std::pair<long double, std::size_t>> remainders;
  std::int64_t assigned = 0;
  for (const auto& w : workers) {
    std::int64_t open = std::max<std::int64_t>(0, w.owed_fen - w.paid_fen);
    if (open == 0) continue;
    long double exact = static_cast<long double>(amount) * open / outstanding_total;
    auto whole = static_cast<std::int64_t>(exact);
    shares.emplace_back(w.id, whole);
    remainders.emplace_back(exact - whole, shares.size() - 1);
    assigned += whole;
  }
  std::sort(remainders.begin(), remainders.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; assigned < amount && i < remainders.size(); ++i, ++assigned) shares[remainders[i].second].second++;
  return shares;
}

}  // namespace

Result<CaseDetail> CasePayments::RecordPayment(const Principal& who, std::int64_t case_id, const PaymentInput& input) {
  auto scope = records_.ScopeOf(who);
  if (!scope) return scope.error();
  bool may_record = (who.body_code == "hrss" && who.Can(Permission::kCaseWrite)) ||
                    (who.body_code == "court" && who.Can(Permission::kCaseCourtAct));
  if (!may_record) {
    return MakeError(ErrorCode::kForbidden, "只有劳动保障监察机构或法院（执行）可以登记支付",
                     "Only labour inspection or the court (execution) records payments");
  }
  const auto payer = domain::ParsePayer(input.payer);
  if (!payer) {
    return InvalidField("payer",
                        "应为 employer、actual_controller、general_contractor、developer、emergency_fund 或 court_execution",
                        "must be employer, actual_controller, general_contractor, developer, emergency_fund or "
                        "court_execution");
  }
  if (input.amount.fen() <= 0) return InvalidField("amount_yuan", "应大于 0", "must be greater than 0");
  const domain::Instant now = records_.Now();
  if (domain::ShanghaiDate(now) < input.paid_on) return InvalidField("paid_on", "不能晚于今天", "must not be in the future");
  if (input.worker_id.has_value() == input.proportional) {
    return InvalidField("worker_id", "请指定一名劳动者，或选择按欠薪比例分配", "give one worker, or choose proportional allocation");
  }
  const std::string now_text = now.ToIsoUtc();
  auto connection = records_.db().Acquire();
  store::CaseRepository cases(*connection);
  store::Transaction tx(*connection);
  auto row = CaseRecords::FindVisible(cases, *scope, case_id);
  if (!row) return row.error();
  auto workers = cases.ListWorkers(case_id);
  std::vector<std::pair<std::int64_t, std::int64_t>> shares;
  if (input.worker_id) {
    auto worker = std::find_if(workers.begin(), workers.end(), [&](const auto& w) { return w.id == *input.worker_id; });
    if (worker == workers.end()) return InvalidField("worker_id", "该劳动者不属于本案", "that worker is not in this case");
    if (input.amount.fen() > worker->owed_fen - worker->paid_fen) {
      return InvalidField("amount_yuan", "超过该劳动者尚欠金额 " + domain::Fen::FromFen(worker->owed_fen - worker->paid_fen).ToYuanGrouped() + " 元",
                     "exceeds what the worker is still owed (" + domain::Fen::FromFen(worker->owed_fen - worker->paid_fen).ToYuanGrouped() + " yuan)");
    }
    shares.emplace_back(worker->id, input.amount.fen());
  } else {
    if (input.amount.fen() > row->owed_fen - row->paid_fen) {
      return InvalidField("amount_yuan", "超过本案尚欠总额 " + domain::Fen::FromFen(row->owed_fen - row->paid_fen).ToYuanGrouped() + " 元",
                     "exceeds the case's outstanding total (" + domain::Fen::FromFen(row->owed_fen - row->paid_fen).ToYuanGrouped() + " yuan)");
    }
    shares = Proportional(workers, input.amount.fen());
  }
  store::CaseTallyRepository tallies(*connection);  // the dashboard's paid totals follow the payment
  tallies.Withdraw(case_id);
  for (const auto& [worker_id, fen] : shares) {
    if (fen == 0) continue;
    cases.InsertPayment({0, case_id, worker_id, fen, input.paid_on.ToIso(), input.payer, input.note.substr(0, 500), now_text});
  }
  cases.RefreshMoney(case_id);
  tallies.Deposit(case_id);
  // At noon in Beijing: the day is what was recorded.
  auto event = SameStateEvent(who, *row, "record_payment", input.paid_on.ToIso() + "T04:00:00Z");
  event.payload = boost::json::serialize(
      boost::json::object{{"amount_fen", input.amount.fen()}, {"payer", input.payer}, {"workers", shares.size()}});
  event.reason = input.note.substr(0, 500);
  // Who paid decides what the payment means: only the actor's own payment is "paying" for the crime.
  event.explanation_zh = "登记工资支付 " + input.amount.ToYuanGrouped() + " 元（支付方：" +
                         std::string(domain::PayerNameZh(*payer)) + "）。" +
                         (domain::IsActorPayer(*payer) ? "" : "垫付使劳动者拿到工资，但不视为行为人支付，不影响拒不支付的认定。");
  event.explanation_en = "Payment of " + input.amount.ToYuanGrouped() + " yuan recorded (payer " + input.payer + ")." +
                         (domain::IsActorPayer(*payer) ? ""
                                                       : " An advance pays the workers but is not the actor's payment "
                                                         "and does not undo the refusal.");
  store::CaseTimelineRepository(*connection).InsertEvent(event);
  records_.audit().Append(*connection, who, "case.payment", {"case", std::to_string(case_id)}, nullptr,
                boost::json::object{{"amount_fen", input.amount.fen()}, {"payer", input.payer}});
  tx.Commit();
  return records_.Reload(*connection, who, case_id);
}

}  // namespace wagelink::services
