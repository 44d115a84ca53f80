#pragma once
// Idempotency keys on the writes of signed-in users (issue 16, defect 5). The web client sends an
// Idempotency-Key with every POST/PUT/PATCH/DELETE and sends the same key when it repeats a write
// after a 503. The key is stored by the write's own transaction (store/write_receipt.h), so the
// repeat is either done once (the first attempt was not stored) or refused as already applied (it
// was): never stored twice. The machine API keeps its own keys and answers (api_client_service.h).
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"
#include "core/error.h"
#include "store/database.h"
#include "store/write_receipt.h"

namespace wagelink::services {

// How long a key is remembered: far longer than any client retries.
inline constexpr std::int64_t kWriteReceiptHours = 24;

// What the receipt is of: a reused key must name the same request.
struct KeyedWrite {
  std::string_view idempotency_key, method, target, body;
};

// The one rule for a well-formed key, shared with the machine API: 1 to 100 visible ASCII
// characters (no spaces or control characters, which would not survive a log line or a header).
std::optional<Error> CheckIdempotencyKey(std::string_view key);

// The refusal of a key already held by another request (another method, target or body).
Error KeyUsedForAnotherRequestError();

// The refusal of a key whose write is already stored: the problem carries "already_applied": true,
// which the client takes as success (the write it repeated was saved the first time).
Error AlreadyAppliedError();

class WriteReceipts {
 public:
  WriteReceipts(store::Database& db, const Clock& clock) : db_(db), clock_(clock) {}

  // The receipt the write will record; nullopt when the key's write is already stored; an error
  // for a malformed key (400 on Idempotency-Key) or a key used for another request (409).
  Result<std::optional<store::WriteReceipt>> Prepare(std::int64_t user_id, const KeyedWrite& write) const;

  // Runs the write with the receipt recorded by its transaction. When a concurrent request with the
  // same key committed first, this one rolled back and stored nothing: it was either the same
  // request (already applied) or another one (the key was reused).
  enum class Outcome { kDone, kAlreadyApplied, kKeyUsedForAnotherRequest };
  Outcome RunRecorded(store::WriteReceipt receipt, const std::function<void()>& write) const;

  // Forgets keys older than kWriteReceiptHours; run hourly by the write_receipt_purge job.
  std::int64_t PurgeOld() const;

 private:
  store::Database& db_;
  const Clock& clock_;
};

}  // namespace wagelink::services
