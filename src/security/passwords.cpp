#include "security/passwords.h"

#include <sodium.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include "security/sodium_runtime.h"
#include "core/utf8.h"

namespace wagelink::security {
namespace {

struct Problem {
  std::string zh;
  std::string en;
};

// libsodium declares password pointers non-null; an empty std::string_view may carry nullptr.
const char* NonNull(std::string_view text) {
  return text.data() != nullptr ? text.data() : "";
}

std::string AsciiLower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

int CountCharacterClasses(const std::vector<CodePoint>& code_points) {
  bool upper = false, lower = false, digit = false, symbol = false;
  for (const CodePoint& cp : code_points) {
    if (cp.value >= U'A' && cp.value <= U'Z') {
      upper = true;
    } else if (cp.value >= U'a' && cp.value <= U'z') {
      lower = true;
    } else if (cp.value >= U'0' && cp.value <= U'9') {
      digit = true;
    } else {
      symbol = true;  // punctuation, space and any non-ASCII character (e.g. 汉字) count as symbols
    }
  }
  return int{upper} + int{lower} + int{digit} + int{symbol};
}

bool HasControlCharacter(const std::vector<CodePoint>& code_points) {
  return std::any_of(code_points.begin(), code_points.end(), [](const CodePoint& cp) {
    return cp.value < 0x20 || cp.value == 0x7F || (cp.value >= 0x80 && cp.value < 0xA0);
  });
}

std::string Join(const std::vector<Problem>& problems, std::string Problem::*text, std::string_view separator) {
  std::string out;
  for (const Problem& problem : problems) {
    if (!out.empty()) out += separator;
    out += problem.*text;
  }
  return out;
}

}  // namespace

Argon2Cost Argon2Cost::Interactive() {
  return {crypto_pwhash_argon2id_OPSLIMIT_INTERACTIVE, crypto_pwhash_argon2id_MEMLIMIT_INTERACTIVE};
}

Argon2Cost Argon2Cost::Minimum() {
  return {crypto_pwhash_argon2id_OPSLIMIT_MIN, crypto_pwhash_argon2id_MEMLIMIT_MIN};
}

Result<std::string> HashPassword(std::string_view password, Argon2Cost cost) {
  EnsureSodium();
  char out[crypto_pwhash_argon2id_STRBYTES];
  if (crypto_pwhash_argon2id_str(out, NonNull(password), password.size(), cost.opslimit, cost.memlimit) != 0) {
    return MakeError(ErrorCode::kInternal, "密码哈希计算失败（内存不足）", "password hashing failed (out of memory)");
  }
  return std::string(out);
}

bool VerifyPassword(std::string_view stored_hash, std::string_view password) {
  EnsureSodium();
  if (stored_hash.empty() || stored_hash.size() >= crypto_pwhash_STRBYTES) return false;
  const std::string terminated(stored_hash);  // libsodium needs a NUL-terminated string
  return crypto_pwhash_str_verify(terminated.c_str(), NonNull(password), password.size()) == 0;
}

bool PasswordNeedsRehash(std::string_view stored_hash, Argon2Cost cost) {
  EnsureSodium();
  if (stored_hash.size() >= crypto_pwhash_STRBYTES) return true;
  const std::string terminated(stored_hash);
  // -1 means "not an argon2id hash with parseable parameters": re-hash it as well.
  return crypto_pwhash_argon2id_str_needs_rehash(terminated.c_str(), cost.opslimit, cost.memlimit) != 0;
}

Status CheckPasswordPolicy(std::string_view candidate, std::string_view username, const PasswordPolicy& policy,
                           std::span<const std::string> previous_hashes) {
  std::vector<Problem> problems;
  const std::vector<CodePoint> code_points = DecodeUtf8(candidate);
  const bool well_formed = IsValidUtf8(candidate) && !HasControlCharacter(code_points);
  if (!well_formed) {
    problems.push_back({"含有无效字符或控制字符", "contains invalid or control characters"});
  }
  if (code_points.size() < policy.min_length) {
    problems.push_back({"长度至少 " + std::to_string(policy.min_length) + " 个字符",
                        "must be at least " + std::to_string(policy.min_length) + " characters long"});
  }
  if (code_points.size() > policy.max_length) {
    problems.push_back({"长度不得超过 " + std::to_string(policy.max_length) + " 个字符",
                        "must be at most " + std::to_string(policy.max_length) + " characters long"});
  }
  if (CountCharacterClasses(code_points) < policy.min_character_classes) {
    const std::string n = std::to_string(policy.min_character_classes);
    problems.push_back({"须至少包含大写字母、小写字母、数字、符号中的 " + n + " 类",
                        "must contain at least " + n + " of: upper-case letters, lower-case letters, digits, symbols"});
  }
  if (!username.empty() && AsciiLower(candidate).find(AsciiLower(username)) != std::string::npos) {
    problems.push_back({"不得包含用户名", "must not contain the username"});
  }
  // Skip the (costly) history check for oversized input: it is refused anyway.
  if (policy.history_depth > 0 && code_points.size() <= policy.max_length) {
    const std::size_t depth = std::min(previous_hashes.size(), static_cast<std::size_t>(policy.history_depth));
    for (std::size_t i = 0; i < depth; ++i) {
      if (VerifyPassword(previous_hashes[i], candidate)) {
        const std::string n = std::to_string(policy.history_depth);
        problems.push_back(
            {"不得与最近 " + n + " 次使用过的密码相同", "must differ from the last " + n + " passwords"});
        break;
      }
    }
  }
  if (problems.empty()) return Ok{};
  return MakeError(ErrorCode::kValidationFailed, "新密码不符合要求：" + Join(problems, &Problem::zh, "；"),
                   "The new password does not meet the policy: " + Join(problems, &Problem::en, "; "), "new_password");
}

bool IsPasswordExpired(std::chrono::sys_seconds changed_at, std::chrono::sys_seconds now,
                       const PasswordPolicy& policy) {
  if (policy.max_age_days <= 0) return false;
  return now - changed_at >= std::chrono::days(policy.max_age_days);
}

}  // namespace wagelink::security
