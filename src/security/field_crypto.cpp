#include "security/field_crypto.h"

#include <sodium.h>

#include <cstdint>

#include "security/encoding.h"
#include "security/shangmi.h"
#include "security/sodium_runtime.h"

namespace wagelink::security {
namespace {

constexpr std::size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

const unsigned char* Data(std::string_view text) {
  return reinterpret_cast<const unsigned char*>(text.data());
}

std::string LengthPrefixed(std::string_view part) {
  const std::uint32_t n = static_cast<std::uint32_t>(part.size());
  std::string out{static_cast<char>(n >> 24), static_cast<char>(n >> 16), static_cast<char>(n >> 8), static_cast<char>(n)};
  return out.append(part);
}

std::span<const unsigned char, kSm4KeyBytes> Sm4Key(const SubKey& key) {
  return std::span<const unsigned char, kSm4KeyBytes>(key.data(), kSm4KeyBytes);
}

void HashLengthPrefixed(crypto_generichash_state& state, std::string_view part) {
  const std::uint32_t n = static_cast<std::uint32_t>(part.size());
  const unsigned char length[4] = {static_cast<unsigned char>(n >> 24), static_cast<unsigned char>(n >> 16),
                                   static_cast<unsigned char>(n >> 8), static_cast<unsigned char>(n)};
  crypto_generichash_update(&state, length, sizeof length);
  crypto_generichash_update(&state, Data(part), part.size());
}

Error DecryptError(std::string zh, std::string en) {
  return MakeError(ErrorCode::kInternal, std::move(zh), std::move(en));
}

}  // namespace

FieldCipher::FieldCipher(const MasterKey& master_key, CryptoSuite suite)
    : suite_(suite),
      encryption_key_(master_key.Derive(KeyPurpose::kFieldEncryption)),
      index_key_(master_key.Derive(KeyPurpose::kBlindIndex)),
      sm4_key_(master_key.DeriveShangMi(KeyPurpose::kFieldEncryption)),
      sm3_index_key_(master_key.DeriveShangMi(KeyPurpose::kBlindIndex)) {}

bool FieldCipher::InCurrentSuite(std::string_view sealed) const {
  return sealed.starts_with(suite_ == CryptoSuite::kShangMi ? kSm4FieldCipherPrefix : kFieldCipherPrefix);
}

std::string FieldCipher::Encrypt(std::string_view plaintext, std::string_view associated_data) const {
  EnsureSodium();
  if (suite_ == CryptoSuite::kShangMi) {
    std::array<unsigned char, kSm4GcmIvBytes> iv;
    randombytes_buf(iv.data(), iv.size());
    const std::string sealed = Sm4GcmSeal(Sm4Key(sm4_key_), iv, plaintext, associated_data);
    return std::string(kSm4FieldCipherPrefix) + ToBase64Url(AsBytes(sealed));
  }
  Bytes sealed(kNonceBytes + plaintext.size() + kTagBytes);
  randombytes_buf(sealed.data(), kNonceBytes);
  unsigned long long ciphertext_size = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(sealed.data() + kNonceBytes, &ciphertext_size, Data(plaintext),
                                             plaintext.size(), Data(associated_data), associated_data.size(), nullptr,
                                             sealed.data(), encryption_key_.data());
  return std::string(kFieldCipherPrefix) + ToBase64Url(sealed);
}

Result<std::string> FieldCipher::Decrypt(std::string_view sealed, std::string_view associated_data) const {
  EnsureSodium();
  if (sealed.starts_with(kSm4FieldCipherPrefix)) {
    const auto bytes = FromBase64Url(sealed.substr(kSm4FieldCipherPrefix.size()));
    if (!bytes) return DecryptError("加密字段格式无效", "encrypted field is malformed");
    auto plaintext = Sm4GcmOpen(Sm4Key(sm4_key_), std::string_view(reinterpret_cast<const char*>(bytes->data()), bytes->size()),
                                associated_data);
    if (!plaintext) {
      return DecryptError("加密字段校验失败（数据被篡改、密钥不符或字段不符）",
                          "encrypted field failed authentication (altered, wrong key or wrong field)");
    }
    return std::move(*plaintext);
  }
  if (!sealed.starts_with(kFieldCipherPrefix)) {
    return DecryptError("加密字段格式无效（未知版本）", "encrypted field has an unknown format version");
  }
  const auto bytes = FromBase64Url(sealed.substr(kFieldCipherPrefix.size()));
  if (!bytes || bytes->size() < kNonceBytes + kTagBytes) {
    return DecryptError("加密字段格式无效", "encrypted field is malformed");
  }
  std::string plaintext(bytes->size() - kNonceBytes - kTagBytes, '\0');
  unsigned long long plaintext_size = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(reinterpret_cast<unsigned char*>(plaintext.data()), &plaintext_size,
                                                 nullptr, bytes->data() + kNonceBytes, bytes->size() - kNonceBytes,
                                                 Data(associated_data), associated_data.size(), bytes->data(),
                                                 encryption_key_.data()) != 0) {
    return DecryptError("加密字段校验失败（数据被篡改、密钥不符或字段不符）",
                        "encrypted field failed authentication (altered, wrong key or wrong field)");
  }
  plaintext.resize(plaintext_size);
  return plaintext;
}

std::string FieldCipher::BlindIndex(std::string_view kind, std::string_view normalized_value) const {
  return BlindIndexUnder(suite_, kind, normalized_value);
}

std::string FieldCipher::BlindIndexUnder(CryptoSuite suite, std::string_view kind, std::string_view normalized_value) const {
  if (suite == CryptoSuite::kShangMi) {
    // Prefixed, so an index of one suite can never equal one of the other.
    return "sm3:" + ToHex(HmacSm3(sm3_index_key_.bytes(), LengthPrefixed(kind) + LengthPrefixed(normalized_value)));
  }
  EnsureSodium();
  crypto_generichash_state state;
  crypto_generichash_init(&state, index_key_.data(), index_key_.size(), crypto_generichash_BYTES);
  HashLengthPrefixed(state, kind);
  HashLengthPrefixed(state, normalized_value);
  unsigned char digest[crypto_generichash_BYTES];
  crypto_generichash_final(&state, digest, sizeof digest);
  sodium_memzero(&state, sizeof state);
  return ToHex(digest);
}

}  // namespace wagelink::security
