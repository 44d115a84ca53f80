// Money per worker (success means the worker was paid) and the personal data of workers
// (revealed only with a stated purpose, audited, and listed to the owning body as receipts).
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

#include "services/case_service.h"

#include "domain/case_facts.h"

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

Result<CaseDetail> CaseService::RecordPayment(const Principal& who, std::int64_t case_id, const PaymentInput& input) {
  auto scope = ScopeOf(who);
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
  const domain::Instant now = domain::Instant::FromUnixSeconds(clock_.Now());
  if (domain::ShanghaiDate(now) < input.paid_on) return InvalidField("paid_on", "不能晚于今天", "must not be in the future");
  if (input.worker_id.has_value() == input.proportional) {
    return InvalidField("worker_id", "请指定一名劳动者，或选择按欠薪比例分配", "give one worker, or choose proportional allocation");
  }
  const std::string now_text = now.ToIsoUtc();
  auto connection = db_.Acquire();
  store::CaseRepository cases(*connection);
  store::Transaction tx(*connection);
  auto row = cases.FindCase(case_id, *scope);
  if (!row) return MakeError(ErrorCode::kNotFound, "案件不存在或您无权查看", "No such case, or not visible to your body");
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
  for (const auto& [worker_id, fen] : shares) {
    if (fen == 0) continue;
    cases.InsertPayment({0, case_id, worker_id, fen, input.paid_on.ToIso(), input.payer, input.note.substr(0, 500), now_text});
  }
  cases.RefreshMoney(case_id);
  store::CaseEventRow event;
  event.case_id = case_id;
  event.event = "record_payment";
  event.at = input.paid_on.ToIso() + "T04:00:00Z";  // noon in Beijing: the day is what was recorded
  event.actor_user_id = who.user_id;
  event.actor_username = who.username;
  event.actor_body = who.body_code;
  event.from_state = row->state;
  event.to_state = row->state;
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
  event.request_id = who.request_id;
  store::CaseTimelineRepository(*connection).InsertEvent(event);
  audit_.Append(*connection, who, "case.payment", {"case", std::to_string(case_id)}, nullptr,
                boost::json::object{{"amount_fen", input.amount.fen()}, {"payer", input.payer}});
  tx.Commit();
  auto updated = cases.FindCase(case_id, {true, ""});
  return LoadDetail(*connection, who, *updated);
}

Result<std::string> CaseService::RevealPii(const Principal& who, std::int64_t case_id, std::int64_t worker_id,
                                           const std::string& field, const std::string& purpose) {
  auto scope = ScopeOf(who);
  if (!scope) return scope.error();
  if (!who.Can(Permission::kPiiReveal)) return Forbidden(Permission::kPiiReveal);
  if (field != "id_number" && field != "phone" && field != "bank_card") {
    return InvalidField("field", "应为 id_number、phone 或 bank_card", "must be id_number, phone or bank_card");
  }
  std::size_t characters = 0;
  for (unsigned char ch : purpose) characters += (ch & 0xC0) != 0x80;
  if (characters < 4 || purpose.size() > 500) {
    return InvalidField("purpose", "请说明查看完整信息的用途（至少 4 个字）", "state why you need the full value (at least 4 characters)");
  }
  auto connection = db_.Acquire();
  store::CaseRepository cases(*connection);
  store::Transaction tx(*connection);
  if (!cases.FindCase(case_id, *scope)) {
    return MakeError(ErrorCode::kNotFound, "案件不存在或您无权查看", "No such case, or not visible to your body");
  }
  auto worker = cases.FindWorker(case_id, worker_id);
  if (!worker) return MakeError(ErrorCode::kNotFound, "劳动者不存在", "No such worker in this case");
  const std::optional<std::string>& sealed =
      field == "id_number" ? worker->id_number_enc : field == "phone" ? worker->phone_enc : worker->bank_card_enc;
  if (!sealed) return MakeError(ErrorCode::kNotFound, "未登记该项信息", "That item was not recorded for this worker");
  auto plain = keys_->cipher().Decrypt(*sealed, "worker." + field + ":" + std::to_string(worker_id));
  if (!plain) {
    return MakeError(ErrorCode::kInternal, "个人信息无法解密（数据可能被篡改或密钥不符）",
                     "The personal data cannot be decrypted (tampered data or wrong key)");
  }
  const std::string now_text = FormatUtc(clock_.Now());
  store::CaseTimelineRepository(*connection).InsertPiiAccess(
      {0, now_text, who.username, who.body_code, case_id, worker_id, field, purpose}, who.user_id, who.request_id);
  audit_.Append(*connection, who, "pii.reveal", {"worker", std::to_string(worker_id)}, nullptr,
                boost::json::object{{"case", case_id}, {"field", field}});
  tx.Commit();
  return *plain;
}

Result<Page<store::PiiAccessRow>> CaseService::AccessReceipts(const Principal& who, std::int64_t limit,
                                                              std::int64_t offset) {
  if (!who.Can(Permission::kAccessReceiptRead)) return Forbidden(Permission::kAccessReceiptRead);
  auto connection = db_.Acquire();
  store::CaseTimelineRepository timeline(*connection);
  return Page<store::PiiAccessRow>{timeline.ListPiiAccessForBody(who.body_code, limit, offset),
                                   timeline.CountPiiAccessForBody(who.body_code)};
}

}  // namespace wagelink::services
