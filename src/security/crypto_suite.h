#pragma once
// Which algorithms protect what WageLink writes from now on (docs/security.md "Cryptographic
// suites"). What was written before keeps saying how it was protected (a prefix on each stored
// value), so reading and verifying never depend on the setting; `wagelink crypto switch`
// re-encrypts the stored fields when the setting changes.
//
//   suite    field encryption        blind index      audit chain MAC   checkpoint signature
//   sodium   XChaCha20-Poly1305      keyed BLAKE2b    keyed BLAKE2b     Ed25519
//   sm       SM4-GCM                 HMAC-SM3         HMAC-SM3          SM2 (with SM3)
#include <optional>
#include <string_view>

namespace wagelink::security {

enum class CryptoSuite { kSodium, kShangMi };

// The configuration's and the database's spelling: "sodium" | "sm".
std::string_view SuiteName(CryptoSuite suite);
std::optional<CryptoSuite> SuiteNamed(std::string_view name);
// For people: "国密（SM2/SM3/SM4）" or "libsodium（XChaCha20-Poly1305、BLAKE2b、Ed25519）".
std::string_view SuiteTitleZh(CryptoSuite suite);
std::string_view SuiteTitleEn(CryptoSuite suite);

}  // namespace wagelink::security
