#include "store/totp_repository.h"

namespace wagelink::store {
namespace {

constexpr std::string_view kSelect =
    "SELECT user_id, secret_sealed, confirmed_at, last_used_step FROM totp_enrolments WHERE user_id = ?";
constexpr std::string_view kDelete = "DELETE FROM totp_enrolments WHERE user_id = ?";
constexpr std::string_view kInsert =
    "INSERT INTO totp_enrolments (user_id, secret_sealed, confirmed_at, last_used_step, created_at) "
    "VALUES (?, ?, NULL, 0, ?)";
constexpr std::string_view kConfirm =
    "UPDATE totp_enrolments SET confirmed_at = ?, last_used_step = ? WHERE user_id = ?";
constexpr std::string_view kUseStep =
    "UPDATE totp_enrolments SET last_used_step = ? WHERE user_id = ? AND last_used_step < ?";
constexpr std::string_view kDeleteCodes = "DELETE FROM totp_recovery_codes WHERE user_id = ?";
constexpr std::string_view kInsertCode = "INSERT INTO totp_recovery_codes (user_id, code_hash) VALUES (?, ?)";
constexpr std::string_view kUseCode =
    "UPDATE totp_recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL";
constexpr std::string_view kCountUnused =
    "SELECT COUNT(*) FROM totp_recovery_codes WHERE user_id = ? AND used_at IS NULL";

}  // namespace

std::optional<TotpEnrolmentRow> TotpRepository::Find(std::int64_t user_id) {
  auto row = c_.QueryOne(kSelect, {user_id});
  if (!row) return std::nullopt;
  return TotpEnrolmentRow{row->Int(0), row->Text(1), row->OptText(2), row->Int(3)};
}

void TotpRepository::StartEnrolment(std::int64_t user_id, const std::string& secret_sealed, const std::string& now) {
  c_.Execute(kDelete, {user_id});
  c_.Execute(kInsert, {user_id, secret_sealed, now});
}

void TotpRepository::Confirm(std::int64_t user_id, std::int64_t step, const std::string& now) {
  c_.Execute(kConfirm, {now, step, user_id});
}

bool TotpRepository::UseStep(std::int64_t user_id, std::int64_t step) {
  return c_.Execute(kUseStep, {step, user_id, step}) > 0;
}

void TotpRepository::Remove(std::int64_t user_id) {
  c_.Execute(kDeleteCodes, {user_id});
  c_.Execute(kDelete, {user_id});
}

void TotpRepository::ReplaceRecoveryCodes(std::int64_t user_id, const std::vector<std::string>& code_hashes) {
  c_.Execute(kDeleteCodes, {user_id});
  for (const auto& hash : code_hashes) c_.Execute(kInsertCode, {user_id, hash});
}

bool TotpRepository::UseRecoveryCode(std::int64_t user_id, const std::string& code_hash, const std::string& now) {
  return c_.Execute(kUseCode, {now, user_id, code_hash}) > 0;
}

std::int64_t TotpRepository::UnusedRecoveryCodes(std::int64_t user_id) {
  auto row = c_.QueryOne(kCountUnused, {user_id});
  return row ? row->Int(0) : 0;
}

}  // namespace wagelink::store
