#include "store/login_lockout_repository.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kSelect =
    "SELECT failures, locked_until FROM login_lockouts WHERE username = ? AND client_address = ?";
constexpr std::string_view kUpdate =
    "UPDATE login_lockouts SET failures = ?, locked_until = ?, updated_at = ? WHERE username = ? AND client_address = ?";
constexpr std::string_view kInsert =
    "INSERT INTO login_lockouts (username, client_address, failures, locked_until, updated_at) VALUES (?, ?, ?, ?, ?)";
constexpr std::string_view kDelete = "DELETE FROM login_lockouts WHERE username = ? AND client_address = ?";
constexpr std::string_view kCountLocked =
    "SELECT COUNT(*) FROM login_lockouts WHERE username = ? AND locked_until IS NOT NULL AND locked_until > ?";
constexpr std::string_view kDeleteName = "DELETE FROM login_lockouts WHERE username = ?";
constexpr std::string_view kSelectLocked =
    "SELECT username, MAX(locked_until) FROM login_lockouts WHERE locked_until IS NOT NULL AND locked_until > ? "
    "GROUP BY username";

}  // namespace

std::optional<LockoutRow> LoginLockoutRepository::Find(std::string_view username, std::string_view client_address) {
  auto row = c_.QueryOne(kSelect, {std::string(username), std::string(client_address)});
  if (!row) return std::nullopt;
  return LockoutRow{row->Int(0), row->OptText(1)};
}

void LoginLockoutRepository::Save(std::string_view username, std::string_view client_address, const LockoutRow& row,
                                  const std::string& now) {
  Value until = row.locked_until ? Value(*row.locked_until) : Value(nullptr);
  if (c_.Execute(kUpdate, {row.failures, until, now, std::string(username), std::string(client_address)}) == 0) {
    c_.Execute(kInsert, {std::string(username), std::string(client_address), row.failures, until, now});
  }
}

void LoginLockoutRepository::Clear(std::string_view username, std::string_view client_address) {
  c_.Execute(kDelete, {std::string(username), std::string(client_address)});
}

std::int64_t LoginLockoutRepository::ClearAllFor(std::string_view username, const std::string& now) {
  auto locked = c_.QueryOne(kCountLocked, {std::string(username), now});
  c_.Execute(kDeleteName, {std::string(username)});
  return locked ? locked->Int(0) : 0;
}

std::map<std::string, std::string> LoginLockoutRepository::LockedNames(const std::string& now) {
  std::map<std::string, std::string> out;
  c_.Stream(kSelectLocked, {now}, [&](const Row& r) { out[r.Text(0)] = r.Text(1); });
  return out;
}

void LoginLockoutRepository::HoldClient(std::string_view client_address) {
  // SQLite's write transactions begin IMMEDIATE, one at a time already. On PostgreSQL two attempts
  // counted at once would both see the count below the limit: a transaction-scoped lock on the
  // address (two-key form, apart from the single-key locks of migrations and the audit chain)
  // makes a second attempt from the same address count after the first has recorded itself.
  if (c_.dialect() == Dialect::kPostgres) {
    c_.QueryOne("SELECT pg_advisory_xact_lock(7710423, hashtext(?))", {std::string(client_address)});
  }
}

std::int64_t LoginLockoutRepository::CountAttempts(std::string_view client_address, std::int64_t after,
                                                  std::int64_t until) {
  return c_.QueryOne("SELECT COUNT(*) FROM login_attempts WHERE client_address = ? AND at > ? AND at <= ?",
                     {std::string(client_address), after, until})
      ->Int(0);
}

void LoginLockoutRepository::RecordAttempt(std::string_view client_address, std::int64_t at) {
  c_.Execute("INSERT INTO login_attempts (client_address, at) VALUES (?, ?)", {std::string(client_address), at});
}

std::int64_t LoginLockoutRepository::ForgetAttemptsUntil(std::int64_t at) {
  return c_.Execute("DELETE FROM login_attempts WHERE at <= ?", {at});
}

}  // namespace wagelink::store
