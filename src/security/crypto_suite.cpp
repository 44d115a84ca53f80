#include "security/crypto_suite.h"

namespace wagelink::security {

std::string_view SuiteName(CryptoSuite suite) { return suite == CryptoSuite::kShangMi ? "sm" : "sodium"; }

std::optional<CryptoSuite> SuiteNamed(std::string_view name) {
  if (name == "sodium") return CryptoSuite::kSodium;
  if (name == "sm") return CryptoSuite::kShangMi;
  return std::nullopt;
}

std::string_view SuiteTitleZh(CryptoSuite suite) {
  return suite == CryptoSuite::kShangMi ? "国密（SM4-GCM、SM3、SM2）" : "libsodium（XChaCha20-Poly1305、BLAKE2b、Ed25519）";
}

std::string_view SuiteTitleEn(CryptoSuite suite) {
  return suite == CryptoSuite::kShangMi ? "Chinese commercial (SM4-GCM, SM3, SM2)"
                                         : "libsodium (XChaCha20-Poly1305, BLAKE2b, Ed25519)";
}

}  // namespace wagelink::security
