#include "services/write_receipts.h"

#include <algorithm>

#include "domain/civil_date.h"
#include "security/digest.h"

namespace wagelink::services {

Error AlreadyAppliedError() {
  return MakeError(ErrorCode::kConflict, "这项操作此前已经保存成功，重复提交未再执行；请刷新页面查看结果",
                   "This was already saved the first time; the repeated request was not carried out. Reload to see it",
                   "Idempotency-Key");
}

std::optional<Error> CheckIdempotencyKey(std::string_view key) {
  const bool visible_ascii = std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c < 0x7f; });
  if (key.empty() || key.size() > 100 || !visible_ascii) {
    return InvalidField("Idempotency-Key", "每个请求须带幂等键，由 1 至 100 个可见英文字符组成",
                        "the Idempotency-Key must be 1 to 100 visible ASCII characters");
  }
  return std::nullopt;
}

Error KeyUsedForAnotherRequestError() {
  return MakeError(ErrorCode::kConflict, "该幂等键已用于另一个请求", "the Idempotency-Key was used for another request",
                   "Idempotency-Key");
}

Result<std::optional<store::WriteReceipt>> WriteReceipts::Prepare(std::int64_t user_id, const KeyedWrite& write) const {
  const auto& key = write.idempotency_key;
  // The HTTP guard checked the key already (before hashing an upload); the service checks it again
  // because it must not depend on every caller having come through that guard.
  if (auto malformed = CheckIdempotencyKey(key)) return *malformed;
  std::string request;
  request.append(write.method).append(" ").append(write.target).append("\n").append(write.body);
  store::WriteReceipt receipt{user_id, std::string(key), security::Sha256Hex(request),
                              domain::Instant::FromUnixSeconds(clock_.Now()).ToIsoUtc()};
  auto connection = db_.Acquire();
  if (auto earlier = store::WriteReceiptRepository(*connection).Find(user_id, receipt.idempotency_key)) {
    if (earlier->digest != receipt.digest) return KeyUsedForAnotherRequestError();
    return std::optional<store::WriteReceipt>{};
  }
  return std::optional<store::WriteReceipt>{std::move(receipt)};
}

WriteReceipts::Outcome WriteReceipts::RunRecorded(store::WriteReceipt receipt, const std::function<void()>& write) const {
  store::WriteReceiptScope scope(std::move(receipt));
  try {
    write();
  } catch (const store::AlreadyApplied& held) {
    return held.same_request() ? Outcome::kAlreadyApplied : Outcome::kKeyUsedForAnotherRequest;
  }
  return Outcome::kDone;
}

std::int64_t WriteReceipts::PurgeOld() const {
  auto connection = db_.Acquire();
  const auto before = domain::Instant::FromUnixSeconds(clock_.Now() - kWriteReceiptHours * 3600).ToIsoUtc();
  return store::WriteReceiptRepository(*connection).DeleteBefore(before);
}

}  // namespace wagelink::services
