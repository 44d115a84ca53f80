#pragma once
// The second sign-in factor (等保 2.0 三级 §8.1.4.1): TOTP (RFC 6238) enrolment confirmed by a first
// code, ten one-time recovery codes, and the second stage of a sign-in. The secret is sealed with
// the field-encryption key (bound to the user); recovery codes are stored as keyed hashes; a code
// (time step) is never accepted twice. Failed codes count like failed passwords (per name and
// address) and end the pending session when the limit is reached.
#include <memory>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/error.h"
#include "services/audit_trail.h"
#include "services/auth_service.h"
#include "services/principal.h"
#include "services/security_keys.h"
#include "services/security_policy.h"
#include "store/database.h"

namespace wagelink::services {

inline constexpr int kRecoveryCodeCount = 10;
inline constexpr std::string_view kTotpIssuer = "WageLink";

struct TotpEnrolment {
  std::string otpauth_uri;
  std::string secret_base32;  // for typing in when the app cannot scan
};

struct EnrolmentConfirmed {
  std::vector<std::string> recovery_codes;  // shown once, never stored in clear
  std::optional<LoginResult> completed_sign_in;  // when the enrolment was the second stage of a sign-in
};

struct TwoFactorStatus {
  bool enrolled = false;
  bool required = false;
  std::int64_t recovery_codes_left = 0;
};

class TwoFactorService {
 public:
  TwoFactorService(store::Database& db, const Clock& clock, std::shared_ptr<const SecurityKeys> keys,
                   const AuditTrail& audit, SecurityPolicyStore& policy, AuthService& auth)
      : db_(db), clock_(clock), keys_(std::move(keys)), audit_(audit), policy_(policy), auth_(auth) {}

  TwoFactorStatus StateOf(const Principal& who);
  // A new secret, unconfirmed until ConfirmEnrolment; refused while a confirmed one exists.
  Result<TotpEnrolment> BeginEnrolment(const Principal& who);
  Result<EnrolmentConfirmed> ConfirmEnrolment(const Principal& who, std::string_view code, const RequestOrigin& origin);
  // The second stage of a sign-in: a current code or an unused recovery code.
  Result<LoginResult> VerifySignIn(const Principal& pending, std::string_view code, const RequestOrigin& origin);
  // The security administrator removes a user's enrolment (lost phone); the user enrols again.
  Status Reset(const Principal& who, std::int64_t user_id);

 private:
  std::string RecoveryHash(std::int64_t user_id, std::string_view code, security::CryptoSuite suite) const;
  store::Database& db_;
  const Clock& clock_;
  std::shared_ptr<const SecurityKeys> keys_;
  const AuditTrail& audit_;
  SecurityPolicyStore& policy_;
  AuthService& auth_;
};

}  // namespace wagelink::services
