// Workers' personal data: reveal with a purpose, and the access receipts (case_personal_data.h).
#include "services/case_personal_data.h"

#include "services/case_mapping.h"

#include <boost/json/object.hpp>

#include "services/case_scope.h"
#include "services/sealing_contexts.h"

namespace wagelink::services {
namespace {
using security::Permission;
}  // namespace

Result<std::string> CasePersonalData::RevealPii(const Principal& who, std::int64_t case_id, std::int64_t worker_id,
                                           const std::string& field, const std::string& reason_code,
                                           const std::string& purpose_text) {
  auto scope = records_.ScopeOf(who);
  if (!scope) return scope.error();
  if (!who.Can(Permission::kPiiReveal)) return Forbidden(Permission::kPiiReveal);
  if (field != "id_number" && field != "phone" && field != "bank_card") {
    return InvalidField("field", "应为 id_number、phone 或 bank_card", "must be id_number, phone or bank_card");
  }
  auto reason = domain::FindRevealReason(records_.reference().reveal_reasons, reason_code);
  if (!reason) return reason.error();
  if (auto meaningful = domain::CheckRevealPurposeText(purpose_text); !meaningful) return meaningful.error();
  const std::string purpose = (*reason)->zh + "：" + purpose_text;
  auto connection = records_.db().Acquire();
  store::CaseRepository cases(*connection);
  store::Transaction tx(*connection);
  if (auto visible = CaseRecords::FindVisible(cases, *scope, case_id); !visible) return visible.error();
  auto worker = cases.FindWorker(case_id, worker_id);
  if (!worker) return MakeError(ErrorCode::kNotFound, "劳动者不存在", "No such worker in this case");
  const std::optional<std::string>& sealed =
      field == "id_number" ? worker->id_number_enc : field == "phone" ? worker->phone_enc : worker->bank_card_enc;
  if (!sealed) return MakeError(ErrorCode::kNotFound, "未登记该项信息", "That item was not recorded for this worker");
  auto plain = records_.keys().cipher().Decrypt(*sealed, WorkerFieldContext(field, worker_id));
  if (!plain) {
    return MakeError(ErrorCode::kInternal, "个人信息无法解密（数据可能被篡改或密钥不符）",
                     "The personal data cannot be decrypted (tampered data or wrong key)");
  }
  const std::string now_text = records_.Now().ToIsoUtc();
  store::CaseTimelineRepository(*connection).InsertPiiAccess(
      {0, now_text, who.username, who.body_code, case_id, worker_id, field, purpose}, who.user_id, who.request_id);
  records_.audit().Append(*connection, who, "pii.reveal", {"worker", std::to_string(worker_id)}, nullptr,
                boost::json::object{{"case", case_id}, {"field", field}});
  tx.Commit();
  return *plain;
}

Result<Page<AccessReceipt>> CasePersonalData::AccessReceipts(const Principal& who, std::int64_t limit,
                                                             std::int64_t offset) {
  if (!who.Can(Permission::kAccessReceiptRead)) return Forbidden(Permission::kAccessReceiptRead);
  // The receipts of the cases the reader sees: its own body's, or the region's for 区治欠办.
  auto scope = CaseScopeOf(who);
  if (!scope) return scope.error();
  auto connection = records_.db().Acquire();
  store::CaseTimelineRepository timeline(*connection);
  Page<AccessReceipt> page;
  for (const auto& row : timeline.ListPiiAccess(*scope, limit, offset)) page.items.push_back(AccessReceiptOf(row));
  const auto total = timeline.CountPiiAccess(*scope);
  page.total = total.value;
  page.total_is_lower_bound = total.at_least;
  return page;
}

}  // namespace wagelink::services
