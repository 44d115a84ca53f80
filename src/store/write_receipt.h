#pragma once
// The Idempotency-Key of the signed-in write being handled on this thread, recorded by the write's
// own transaction: Transaction::Commit inserts it just before COMMIT. The key and the write are
// therefore stored together or not at all, which is what makes a retry after a lost COMMIT answer
// safe: the retry either finds the key (the first attempt was stored) or not (it was not).
//
// A handler runs on one worker thread from start to end, so the scope is thread-local; the guard
// (api/guard.cpp) opens it around the handler only, after sign-in and CSRF, so the session's own
// bookkeeping never records the key.
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.h"

namespace wagelink::store {

struct WriteReceipt {
  std::int64_t user_id = 0;
  std::string idempotency_key;
  std::string digest;        // of method, target and body
  std::string committed_at;  // ISO UTC
};

// A second request with a key that a committed write already holds: raised from Transaction::Commit
// (the second write rolls back) when both were in flight at once. `same_request` is false when the
// committed write was another request (its digest differs): a client bug, told apart so that the
// answer is not "already saved".
class AlreadyApplied : public DatabaseError {
 public:
  enum class Held { kBySameRequest, kByAnotherRequest };
  AlreadyApplied(const std::string& what, Held held) : DatabaseError(what), held_(held) {}
  bool same_request() const { return held_ == Held::kBySameRequest; }

 private:
  Held held_;
};

class WriteReceiptScope {
 public:
  explicit WriteReceiptScope(WriteReceipt receipt);
  WriteReceiptScope(const WriteReceiptScope&) = delete;
  WriteReceiptScope& operator=(const WriteReceiptScope&) = delete;
  ~WriteReceiptScope();

  // The scope open on this thread, if any.
  static WriteReceiptScope* Current();

  // Inserts the receipt into the open transaction, once per request: a handler with several
  // transactions records it with the first. Throws AlreadyApplied when the key is already stored.
  void RecordIn(Connection& connection);
  void Committed() { recorded_ = recording_; }
  void RolledBack() { recording_ = recorded_; }

 private:
  WriteReceipt receipt_;
  bool recording_ = false;  // inserted into the transaction now open
  bool recorded_ = false;   // and that transaction committed
  WriteReceiptScope* previous_;
};

class WriteReceiptRepository {
 public:
  explicit WriteReceiptRepository(Connection& c) : c_(c) {}
  std::optional<WriteReceipt> Find(std::int64_t user_id, const std::string& key);
  std::int64_t DeleteBefore(const std::string& at);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
