#include "services/two_factor_service.h"

#include <algorithm>
#include <boost/json/object.hpp>
#include <cctype>

#include "security/tokens.h"
#include "security/totp.h"
#include "services/sealing_contexts.h"
#include "store/identity_repository.h"
#include "store/login_lockout_repository.h"
#include "store/session_repository.h"
#include "store/totp_repository.h"

namespace wagelink::services {
namespace {
using security::Permission;

Error WrongCode() {
  return MakeError(ErrorCode::kValidationFailed, "动态验证码不正确或已使用，请输入验证器应用中当前显示的 6 位数字",
                   "The code is wrong or already used; enter the 6 digits your authenticator app shows now", "code");
}

Error SecondFactorLocked() {
  return MakeError(ErrorCode::kAccountLocked, "动态验证码错误次数过多，请重新登录，或请安全管理员解锁",
                   "Too many wrong codes; sign in again, or ask the security administrator to unlock", "code");
}

// "abcd-efgh" from 5 random bytes: 40 bits, base32 lower case, easy to read out and type.
std::string NewRecoveryCode() {
  const std::string hex = security::RandomHex(5);
  std::string bytes(5, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(std::stoi(hex.substr(2 * i, 2), nullptr, 16));
  std::string text = security::Base32Encode(bytes);
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text.substr(0, 4) + "-" + text.substr(4, 4);
}

// Recovery codes are compared without the dash, spaces or case.
std::string NormalizeRecoveryCode(std::string_view code) {
  std::string out;
  for (char c : code) {
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  return out;
}

bool LooksLikeTotp(std::string_view code) {
  return code.size() == static_cast<std::size_t>(security::kTotpDigits) &&
         std::all_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string TwoFactorService::RecoveryHash(std::int64_t user_id, std::string_view code, security::CryptoSuite suite) const {
  return keys_->cipher().BlindIndexUnder(suite, "totp.recovery", std::to_string(user_id) + ":" + NormalizeRecoveryCode(code));
}

TwoFactorStatus TwoFactorService::StateOf(const Principal& who) {
  auto connection = db_.Acquire();
  SecurityPolicy policy = policy_.Current(*connection);
  store::TotpRepository totp(*connection);
  auto enrolment = totp.Find(who.user_id);
  TwoFactorStatus status;
  status.enrolled = enrolment && enrolment->confirmed_at;
  std::vector<std::string> codes;
  for (auto role : who.roles) codes.emplace_back(security::RoleCode(role));
  status.required = policy.RequiresSecondFactor(codes);
  status.recovery_codes_left = status.enrolled ? totp.UnusedRecoveryCodes(who.user_id) : 0;
  return status;
}

Result<TotpEnrolment> TwoFactorService::BeginEnrolment(const Principal& who) {
  auto connection = db_.Acquire();
  store::TotpRepository totp(*connection);
  if (auto existing = totp.Find(who.user_id); existing && existing->confirmed_at) {
    return MakeError(ErrorCode::kConflict, "已启用动态验证码；如需更换手机，请安全管理员重置后重新绑定",
                     "Two-factor sign-in is already set up; to move to a new phone ask the security administrator to reset it");
  }
  const std::string secret = security::NewTotpSecret();
  store::Transaction tx(*connection);
  totp.StartEnrolment(who.user_id, keys_->cipher().Encrypt(secret, TotpSecretContext(who.user_id)), FormatUtc(clock_.Now()));
  audit_.Append(*connection, who, "auth.totp_enrolment_started", {"user", std::to_string(who.user_id)});
  tx.Commit();
  return TotpEnrolment{security::OtpauthUri(kTotpIssuer, who.username, secret), security::Base32Encode(secret)};
}

Result<EnrolmentConfirmed> TwoFactorService::ConfirmEnrolment(const Principal& who, std::string_view code,
                                                               const RequestOrigin& origin) {
  auto connection = db_.Acquire();
  store::TotpRepository totp(*connection);
  auto enrolment = totp.Find(who.user_id);
  if (!enrolment || enrolment->confirmed_at) {
    return MakeError(ErrorCode::kConflict, "没有待确认的绑定，请先开始绑定", "No enrolment to confirm; start one first");
  }
  auto secret = keys_->cipher().Decrypt(enrolment->secret_sealed, TotpSecretContext(who.user_id));
  if (!secret) return secret.error();
  auto step = security::MatchTotp(*secret, code, clock_.Now(), enrolment->last_used_step);
  if (!step) return WrongCode();
  EnrolmentConfirmed confirmed;
  std::vector<std::string> hashes;
  for (int i = 0; i < kRecoveryCodeCount; ++i) {
    confirmed.recovery_codes.push_back(NewRecoveryCode());
    hashes.push_back(RecoveryHash(who.user_id, confirmed.recovery_codes.back(), keys_->cipher().suite()));
  }
  {
    store::Transaction tx(*connection);
    totp.Confirm(who.user_id, *step, FormatUtc(clock_.Now()));
    totp.ReplaceRecoveryCodes(who.user_id, hashes);
    audit_.Append(*connection, who, "auth.totp_enrolled", {"user", std::to_string(who.user_id)});
    tx.Commit();
  }
  if (who.second_factor_pending) {
    // Setting up the factor with a valid code was the second stage of this sign-in.
    auto signed_in = auth_.CompleteSecondFactor(*connection, who, origin);
    if (!signed_in) return signed_in.error();
    confirmed.completed_sign_in = std::move(signed_in.value());
  }
  return confirmed;
}

Result<LoginResult> TwoFactorService::VerifySignIn(const Principal& pending, std::string_view code,
                                                   const RequestOrigin& origin) {
  if (!pending.second_factor_pending) {
    return MakeError(ErrorCode::kConflict, "本次登录无需动态验证码", "This session does not owe a second factor");
  }
  auto connection = db_.Acquire();
  SecurityPolicy policy = policy_.Current(*connection);
  store::TotpRepository totp(*connection);
  auto enrolment = totp.Find(pending.user_id);
  if (!enrolment || !enrolment->confirmed_at) {
    return MakeError(ErrorCode::kConflict, "尚未绑定动态验证码，请先绑定", "Set up two-factor sign-in first");
  }
  const UnixSeconds now = clock_.Now();
  const std::string now_text = FormatUtc(now);
  // Wrong codes are counted per name and address, in the same table as wrong passwords.
  const std::string lock_key = "second-factor:" + pending.username;
  store::LoginLockoutRepository lockouts(*connection);
  auto lockout = lockouts.Find(lock_key, origin.client_address);
  if (lockout && lockout->locked_until && ParseUtc(*lockout->locked_until).value_or(0) > now) {
    return SecondFactorLocked();
  }
  bool accepted = false;
  std::string method;
  store::Transaction tx(*connection);
  if (LooksLikeTotp(code)) {
    auto secret = keys_->cipher().Decrypt(enrolment->secret_sealed, TotpSecretContext(pending.user_id));
    if (!secret) return secret.error();
    auto step = security::MatchTotp(*secret, code, now, enrolment->last_used_step);
    accepted = step && totp.UseStep(pending.user_id, *step);  // refused if another request used it first
    method = "totp";
  } else if (!NormalizeRecoveryCode(code).empty() && code.size() <= 32) {
    // Codes are stored only as an index, so `crypto switch` cannot move them to the new suite:
    // a code issued before the switch is looked up under the suite it was issued in.
    for (auto suite : {security::CryptoSuite::kShangMi, security::CryptoSuite::kSodium}) {
      accepted = accepted || totp.UseRecoveryCode(pending.user_id, RecoveryHash(pending.user_id, code, suite), now_text);
    }
    method = "recovery_code";
  }
  if (!accepted) {
    std::int64_t failures = (lockout && !lockout->locked_until ? lockout->failures : 0) + 1;
    std::optional<std::string> locked_until;
    if (failures >= policy.lockout_threshold) {
      locked_until = FormatUtc(now + policy.lockout_minutes * 60);
      failures = 0;
      store::SessionRepository(*connection).Revoke(pending.session_id, now_text);
      audit_.Append(*connection, pending, "auth.second_factor_locked", {"user", std::to_string(pending.user_id)});
    }
    lockouts.Save(lock_key, origin.client_address, {failures, locked_until}, now_text);
    store::SessionRepository(*connection).LogLogin(now_text, pending.username, pending.user_id, false,
                                                   "bad_second_factor", origin.client_address);
    tx.Commit();
    return locked_until ? SecondFactorLocked() : WrongCode();
  }
  lockouts.Clear(lock_key, origin.client_address);
  audit_.Append(*connection, pending, "auth.second_factor_verified", {"user", std::to_string(pending.user_id)}, nullptr,
                boost::json::object{{"method", method}});
  tx.Commit();
  return auth_.CompleteSecondFactor(*connection, pending, origin);
}

Status TwoFactorService::Reset(const Principal& who, std::int64_t user_id) {
  if (!who.Can(Permission::kSessionManage)) {
    return MakeError(ErrorCode::kForbidden, "只有安全管理员可以重置动态验证码", "Only the security administrator may reset two-factor sign-in");
  }
  auto connection = db_.Acquire();
  if (!store::IdentityRepository(*connection).FindUser(user_id)) {
    return MakeError(ErrorCode::kNotFound, "用户不存在", "no such user");
  }
  store::Transaction tx(*connection);
  store::TotpRepository(*connection).Remove(user_id);
  audit_.Append(*connection, who, "user.two_factor_reset", {"user", std::to_string(user_id)});
  tx.Commit();
  return Ok{};
}

}  // namespace wagelink::services
