#include "store/write_receipt.h"

namespace wagelink::store {
namespace {
thread_local WriteReceiptScope* current_scope = nullptr;
}

WriteReceiptScope::WriteReceiptScope(WriteReceipt receipt) : receipt_(std::move(receipt)), previous_(current_scope) {
  current_scope = this;
}

WriteReceiptScope::~WriteReceiptScope() { current_scope = previous_; }

WriteReceiptScope* WriteReceiptScope::Current() { return current_scope; }

void WriteReceiptScope::RecordIn(Connection& connection) {
  if (recorded_) return;
  // ON CONFLICT DO NOTHING rather than a unique violation: on PostgreSQL it waits for a concurrent
  // transaction holding the same key and reports 0 rows only if that one committed.
  const auto inserted = connection.Execute(
      "INSERT INTO write_receipts (user_id, idempotency_key, digest, committed_at) VALUES (?, ?, ?, ?) "
      "ON CONFLICT (user_id, idempotency_key) DO NOTHING",
      {receipt_.user_id, receipt_.idempotency_key, receipt_.digest, receipt_.committed_at});
  if (inserted == 0) {
    // The row is committed (the insert waited for it), so it is visible to this transaction.
    auto held = WriteReceiptRepository(connection).Find(receipt_.user_id, receipt_.idempotency_key);
    const bool same_request = !held || held->digest == receipt_.digest;
    throw AlreadyApplied("idempotency key already committed",
                         same_request ? AlreadyApplied::Held::kBySameRequest : AlreadyApplied::Held::kByAnotherRequest);
  }
  recording_ = true;
}

std::optional<WriteReceipt> WriteReceiptRepository::Find(std::int64_t user_id, const std::string& key) {
  auto row = c_.QueryOne("SELECT digest, committed_at FROM write_receipts WHERE user_id = ? AND idempotency_key = ?",
                         {user_id, key});
  if (!row) return std::nullopt;
  return WriteReceipt{user_id, key, row->Text(0), row->Text(1)};
}

std::int64_t WriteReceiptRepository::DeleteBefore(const std::string& at) {
  return c_.Execute("DELETE FROM write_receipts WHERE committed_at < ?", {at});
}

}  // namespace wagelink::store
