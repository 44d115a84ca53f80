#pragma once
// Password hashing (argon2id) and the password policy of the security baseline: complexity,
// no username inside, history and maximum age (等保三级 identity requirements, ASVS V2.1).
#include <chrono>
#include <cstddef>
#include <span>
#include <string>
#include <string_view>

#include "core/error.h"

namespace wagelink::security {

// Work factors for argon2id. Production uses Interactive(); tests use Minimum() to stay fast.
// The limits are encoded in each stored hash, so raising them later triggers PasswordNeedsRehash.
struct Argon2Cost {
  unsigned long long opslimit = 0;
  std::size_t memlimit = 0;

  static Argon2Cost Interactive();  // libsodium INTERACTIVE: 2 passes, 64 MiB
  static Argon2Cost Minimum();      // libsodium MIN: for tests only
};

// Returns the self-describing "$argon2id$v=19$m=...,t=...,p=1$salt$hash" string with a random salt.
// Fails only when memory for the hash cannot be allocated.
Result<std::string> HashPassword(std::string_view password, Argon2Cost cost = Argon2Cost::Interactive());

// Constant-time check; false for a wrong password and for a malformed or empty stored hash.
bool VerifyPassword(std::string_view stored_hash, std::string_view password);

// True when the stored hash uses other limits or another algorithm than `cost` (or is malformed),
// so the caller should re-hash the password it has just verified.
bool PasswordNeedsRehash(std::string_view stored_hash, Argon2Cost cost = Argon2Cost::Interactive());

struct PasswordPolicy {
  std::size_t min_length = 10;    // in characters (code points), not bytes
  std::size_t max_length = 128;   // bounds the work of a single login request
  int min_character_classes = 3;  // of: upper case, lower case, digit, other symbol
  int history_depth = 5;          // refuse reuse of this many previous passwords
  int max_age_days = 90;          // 0 or less: passwords never expire
};

// Checks a new password. `previous_hashes` are the user's stored hashes, newest first, including the
// current one; only the first `policy.history_depth` are consulted. On failure the Error is
// kValidationFailed on field "new_password" and lists every rule broken, in Chinese and English,
// without echoing the password.
Status CheckPasswordPolicy(std::string_view candidate, std::string_view username, const PasswordPolicy& policy,
                           std::span<const std::string> previous_hashes);

// The clock is passed in (no clock reads in this layer).
bool IsPasswordExpired(std::chrono::sys_seconds changed_at, std::chrono::sys_seconds now, const PasswordPolicy& policy);

}  // namespace wagelink::security
