#pragma once
// Failed sign-ins per (name as typed, client address). The name need not belong to an account:
// unknown names are counted and locked exactly like real ones, so the answers never differ.
#include <cstdint>
#include <map>
#include <optional>
#include <string>

#include "store/database.h"

namespace wagelink::store {

struct LockoutRow {
  std::int64_t failures = 0;
  std::optional<std::string> locked_until;
};

class LoginLockoutRepository {
 public:
  explicit LoginLockoutRepository(Connection& connection) : c_(connection) {}

  std::optional<LockoutRow> Find(std::string_view username, std::string_view client_address);
  void Save(std::string_view username, std::string_view client_address, const LockoutRow& row, const std::string& now);
  void Clear(std::string_view username, std::string_view client_address);
  // Lifts every lock on the name, from every address; the number of addresses that were locked.
  std::int64_t ClearAllFor(std::string_view username, const std::string& now);
  // Names with a lock still running at `now`, with its latest end.
  std::map<std::string, std::string> LockedNames(const std::string& now);

  // Sign-in attempts per client address (Unix seconds), whichever instance received them: the
  // per-address limit of services/auth_service.h counts these. HoldClient holds the address until
  // the transaction ends, so that attempts counted at once count one after another: call it first,
  // inside the transaction that counts and records.
  void HoldClient(std::string_view client_address);
  std::int64_t CountAttempts(std::string_view client_address, std::int64_t after, std::int64_t until);
  void RecordAttempt(std::string_view client_address, std::int64_t at);
  std::int64_t ForgetAttemptsUntil(std::int64_t at);

 private:
  Connection& c_;
};

}  // namespace wagelink::store
