#include "security/field_crypto.h"

#include <gtest/gtest.h>

#include <set>

#include "security/encoding.h"
#include "security/pii_scan.h"

namespace wagelink::security {
namespace {

MasterKey KeyOf(unsigned char fill) {
  std::array<unsigned char, kKeyBytes> bytes{};
  bytes.fill(fill);
  return MasterKey::FromBytes(bytes);
}

constexpr std::string_view kAd = "worker.id_number";
constexpr std::string_view kId = "110101199003071233";

TEST(FieldCipher, RoundTripsIncludingEmptyAndMultiByteValues) {
  const FieldCipher cipher(KeyOf(7));
  for (std::string_view value : {kId, std::string_view(""), std::string_view("张三 13812345678")}) {
    const std::string sealed = cipher.Encrypt(value, kAd);
    EXPECT_TRUE(sealed.starts_with("v1."));
    const auto opened = cipher.Decrypt(sealed, kAd);
    ASSERT_TRUE(opened.ok()) << opened.error().message_en;
    EXPECT_EQ(*opened, value);
  }
}

TEST(FieldCipher, CiphertextHidesThePlaintextAndNeverRepeats) {
  const FieldCipher cipher(KeyOf(7));
  const std::string a = cipher.Encrypt(kId, kAd);
  const std::string b = cipher.Encrypt(kId, kAd);
  EXPECT_NE(a, b);  // random nonce
  EXPECT_EQ(a.find(kId), std::string::npos);
  EXPECT_EQ(a.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", 3),
            std::string::npos);
  // prefix + base64url(24-byte nonce + 18-byte text + 16-byte tag = 58 bytes) = 3 + 78
  EXPECT_EQ(a.size(), 3u + 78u);
}

TEST(FieldCipher, EveryFlippedByteIsDetected) {
  const FieldCipher cipher(KeyOf(7));
  const std::string sealed = cipher.Encrypt(kId, kAd);
  Bytes raw = *FromBase64Url(std::string_view(sealed).substr(3));
  for (std::size_t i = 0; i < raw.size(); ++i) {
    Bytes tampered = raw;
    tampered[i] ^= 0x01;
    const auto opened = cipher.Decrypt("v1." + ToBase64Url(tampered), kAd);
    ASSERT_FALSE(opened.ok()) << "byte " << i;
    EXPECT_EQ(opened.error().code, ErrorCode::kInternal);
  }
}

TEST(FieldCipher, WrongAssociatedDataIsRefused) {
  const FieldCipher cipher(KeyOf(7));
  const std::string sealed = cipher.Encrypt(kId, "worker.id_number:42");
  EXPECT_FALSE(cipher.Decrypt(sealed, "worker.phone:42").ok());
  EXPECT_FALSE(cipher.Decrypt(sealed, "worker.id_number:43").ok());  // moved to another row
  EXPECT_FALSE(cipher.Decrypt(sealed, "").ok());
  EXPECT_TRUE(cipher.Decrypt(sealed, "worker.id_number:42").ok());
}

TEST(FieldCipher, WrongKeyIsRefusedWithoutLeakingContent) {
  const std::string sealed = FieldCipher(KeyOf(7)).Encrypt(kId, kAd);
  const auto opened = FieldCipher(KeyOf(8)).Decrypt(sealed, kAd);
  ASSERT_FALSE(opened.ok());
  EXPECT_EQ(opened.error().message_en.find(kId), std::string::npos);
  EXPECT_EQ(opened.error().message_en.find(sealed), std::string::npos);
}

TEST(FieldCipher, MalformedInputIsRefused) {
  const FieldCipher cipher(KeyOf(7));
  const std::string sealed = cipher.Encrypt(kId, kAd);
  EXPECT_FALSE(cipher.Decrypt("", kAd).ok());
  EXPECT_FALSE(cipher.Decrypt(kId, kAd).ok());                       // plaintext left in the column
  EXPECT_FALSE(cipher.Decrypt("v2." + sealed.substr(3), kAd).ok());  // unknown version
  EXPECT_FALSE(cipher.Decrypt("v1.", kAd).ok());
  EXPECT_FALSE(cipher.Decrypt("v1.AAAA", kAd).ok());  // shorter than nonce + tag
  EXPECT_FALSE(cipher.Decrypt(sealed + "=", kAd).ok());
  EXPECT_FALSE(cipher.Decrypt(sealed.substr(0, sealed.size() - 1), kAd).ok());  // truncated
}

TEST(FieldCipher, BlindIndexIsDeterministicKeyedAndSeparatedByKind) {
  const FieldCipher cipher(KeyOf(7));
  const std::string index = cipher.BlindIndex("id_number", kId);
  EXPECT_EQ(index.size(), 64u);
  EXPECT_EQ(index, cipher.BlindIndex("id_number", kId));
  EXPECT_NE(index, cipher.BlindIndex("phone", kId));
  EXPECT_NE(index, FieldCipher(KeyOf(8)).BlindIndex("id_number", kId));
  // Length prefixes: moving characters between kind and value changes the index.
  EXPECT_NE(cipher.BlindIndex("ab", "c"), cipher.BlindIndex("a", "bc"));
}

TEST(FieldCipher, BlindIndexOfNormalizedSpellingsMatches) {
  const FieldCipher cipher(KeyOf(7));
  EXPECT_EQ(cipher.BlindIndex("id_number", NormalizeIdentifier("11010519491231002x")),
            cipher.BlindIndex("id_number", NormalizeIdentifier("１１０１０５ １９４９１２３１ ００２Ｘ")));
}

TEST(FieldCipher, DistinctValuesGetDistinctIndexes) {
  const FieldCipher cipher(KeyOf(7));
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) EXPECT_TRUE(seen.insert(cipher.BlindIndex("phone", std::to_string(i))).second);
}

// The 国密 suite: SM4-GCM values under their own prefix and SM subkey, readable by a cipher of either
// suite with the same master key (so a switch can read what it moves), bound to their context.
TEST(FieldCipher, TheSmSuiteSealsWithSm4GcmAndEitherSuiteReadsBoth) {
  const FieldCipher sodium(KeyOf(7));
  const FieldCipher sm(KeyOf(7), CryptoSuite::kShangMi);
  const std::string sealed = sm.Encrypt(kId, kAd);
  EXPECT_TRUE(sealed.starts_with("sm4g1."));
  EXPECT_EQ(sealed.find(kId), std::string::npos);
  EXPECT_NE(sealed, sm.Encrypt(kId, kAd)) << "random IV";
  EXPECT_EQ(*sm.Decrypt(sealed, kAd), kId);
  EXPECT_EQ(*sodium.Decrypt(sealed, kAd), kId);
  EXPECT_EQ(*sm.Decrypt(sodium.Encrypt(kId, kAd), kAd), kId);
  EXPECT_TRUE(sm.InCurrentSuite(sealed));
  EXPECT_FALSE(sodium.InCurrentSuite(sealed));
  EXPECT_FALSE(sm.Decrypt(sealed, "worker.phone").ok()) << "another field";
  EXPECT_FALSE(FieldCipher(KeyOf(8), CryptoSuite::kShangMi).Decrypt(sealed, kAd).ok()) << "another master key";
  std::string altered = sealed;
  altered[10] = altered[10] == 'A' ? 'B' : 'A';
  EXPECT_FALSE(sm.Decrypt(altered, kAd).ok());
}

TEST(FieldCipher, TheSmSuitesBlindIndexIsHmacSm3AndNeverEqualsTheSodiumOne) {
  const FieldCipher sodium(KeyOf(7));
  const FieldCipher sm(KeyOf(7), CryptoSuite::kShangMi);
  const std::string index = sm.BlindIndex("id_number", kId);
  EXPECT_TRUE(index.starts_with("sm3:"));
  EXPECT_EQ(index.size(), 4u + 64u);
  EXPECT_EQ(index, sm.BlindIndex("id_number", kId));
  EXPECT_NE(index, sm.BlindIndex("phone", kId));
  EXPECT_NE(index, FieldCipher(KeyOf(8), CryptoSuite::kShangMi).BlindIndex("id_number", kId));
  EXPECT_EQ(sodium.BlindIndexUnder(CryptoSuite::kShangMi, "id_number", kId), index);
  EXPECT_EQ(sm.BlindIndexUnder(CryptoSuite::kSodium, "id_number", kId), sodium.BlindIndex("id_number", kId));
}

}  // namespace
}  // namespace wagelink::security
