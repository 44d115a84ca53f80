// The 国密 primitives against published vectors (GB/T 32905 for SM3, RFC 8998 A.1 for SM4-GCM) and
// the properties the audit trail relies on for SM2 (a signature verifies only with its key and message).
#include "security/shangmi.h"

#include <gtest/gtest.h>

#include "security/encoding.h"

namespace wagelink::security {
namespace {

std::string Unhex(std::string_view hex) {
  auto bytes = FromHex(hex);
  EXPECT_TRUE(bytes) << hex;
  return bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
}

std::string Lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

TEST(ShangMi, Sm3MatchesTheStandardsExamples) {
  // GB/T 32905-2016 Appendix A, examples 1 and 2.
  EXPECT_EQ(ToHex(Sm3("abc")), "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  std::string sixteen_abcd;
  for (int i = 0; i < 16; ++i) sixteen_abcd += "abcd";
  EXPECT_EQ(ToHex(Sm3(sixteen_abcd)), "debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
}

// HMAC as RFC 2104 defines it, from SM3 alone: what EVP's HMAC-SM3 must equal.
std::string HmacByDefinition(std::string key, std::string_view message) {
  if (key.size() > 64) {
    const auto digest = Sm3(key);
    key.assign(digest.begin(), digest.end());
  }
  key.resize(64, '\0');
  std::string inner = key, outer = key;
  for (auto& c : inner) c = static_cast<char>(c ^ 0x36);
  for (auto& c : outer) c = static_cast<char>(c ^ 0x5c);
  const auto inner_digest = Sm3(inner + std::string(message));
  return ToHex(Sm3(outer + std::string(inner_digest.begin(), inner_digest.end())));
}

TEST(ShangMi, HmacSm3IsRfc2104OverSm3ForShortAndLongKeys) {
  for (const std::string& key : {std::string(32, '\x0b'), std::string("key"), std::string(100, '\xaa')}) {
    const std::string message = "WageLink audit entry 审计条目";
    EXPECT_EQ(ToHex(HmacSm3(AsBytes(key), message)), HmacByDefinition(key, message)) << key.size();
  }
}

TEST(ShangMi, Sm4GcmMatchesRfc8998) {
  const std::string key = Unhex("0123456789ABCDEFFEDCBA9876543210");
  const std::string iv = Unhex("00001234567800000000ABCD");
  const std::string aad = Unhex("FEEDFACEDEADBEEFFEEDFACEDEADBEEFABADDAD2");
  const std::string plaintext = Unhex(
      "AAAAAAAAAAAAAAAABBBBBBBBBBBBBBBBCCCCCCCCCCCCCCCCDDDDDDDDDDDDDDDDEEEEEEEEEEEEEEEEFFFFFFFFFFFFFFFFEEEEEEEEEEEEEEEE"
      "AAAAAAAAAAAAAAAA");
  const std::string expected_ciphertext = Lower(
      "17F399F08C67D5EE19D0DC9969C4BB7D5FD46FD3756489069157B282BB200735D82710CA5C22F0CCFA7CBF93D496AC15A56834CBCF98C397"
      "B4024A2691233B8D");
  const std::string expected_tag = "83de3541e4c2b58177e065a9bf7b62ec";
  const auto k = std::span<const unsigned char, kSm4KeyBytes>(reinterpret_cast<const unsigned char*>(key.data()), 16);
  const auto n = std::span<const unsigned char, kSm4GcmIvBytes>(reinterpret_cast<const unsigned char*>(iv.data()), 12);

  const std::string sealed = Sm4GcmSeal(k, n, plaintext, aad);
  ASSERT_EQ(sealed.size(), 12 + plaintext.size() + 16);
  EXPECT_EQ(sealed.substr(0, 12), iv);
  EXPECT_EQ(ToHex(AsBytes(sealed.substr(12, plaintext.size()))), expected_ciphertext);
  EXPECT_EQ(ToHex(AsBytes(sealed.substr(12 + plaintext.size()))), expected_tag);
  EXPECT_EQ(Sm4GcmOpen(k, sealed, aad), plaintext);
}

TEST(ShangMi, Sm4GcmRefusesAnyChangeAndTheWrongContext) {
  const std::string key(16, '\x42');
  const std::string iv(12, '\x07');
  const auto k = std::span<const unsigned char, kSm4KeyBytes>(reinterpret_cast<const unsigned char*>(key.data()), 16);
  const auto n = std::span<const unsigned char, kSm4GcmIvBytes>(reinterpret_cast<const unsigned char*>(iv.data()), 12);
  for (std::string_view plaintext : {std::string_view(""), std::string_view("13812345678"), std::string_view("一段超过一个分组长度的中文文本，用于测试")}) {
    const std::string sealed = Sm4GcmSeal(k, n, plaintext, "worker.phone:7");
    EXPECT_EQ(Sm4GcmOpen(k, sealed, "worker.phone:7"), std::string(plaintext));
    EXPECT_FALSE(Sm4GcmOpen(k, sealed, "worker.phone:8")) << "moved to another row";
    for (std::size_t i = 0; i < sealed.size(); ++i) {
      std::string altered = sealed;
      altered[i] = static_cast<char>(altered[i] ^ 0x01);
      EXPECT_FALSE(Sm4GcmOpen(k, altered, "worker.phone:7")) << "byte " << i;
    }
    EXPECT_FALSE(Sm4GcmOpen(k, sealed.substr(0, sealed.size() - 1), "worker.phone:7"));
  }
  EXPECT_FALSE(Sm4GcmOpen(k, "short", ""));
}

TEST(ShangMi, Sm2SignaturesVerifyOnlyWithTheirKeyAndMessage) {
  SubKey seed_a, seed_b;
  for (std::size_t i = 0; i < seed_a.size(); ++i) {
    seed_a.data()[i] = static_cast<unsigned char>(i);
    seed_b.data()[i] = static_cast<unsigned char>(255 - i);
  }
  const auto a = Sm2SigningKey::Derive(seed_a);
  const auto b = Sm2SigningKey::Derive(seed_b);
  EXPECT_EQ(Sm2SigningKey::Derive(seed_a).public_key(), a.public_key()) << "deterministic from the seed";
  EXPECT_NE(a.public_key(), b.public_key());
  ASSERT_EQ(a.public_key().size(), 65u);
  EXPECT_EQ(a.public_key()[0], '\x04');

  const std::string message = "WLCKPT1 checkpoint 48";
  const std::string signature = a.Sign(message);
  EXPECT_TRUE(Sm2Verify(a.public_key(), message, signature));
  EXPECT_NE(a.Sign(message), signature) << "SM2 signatures are randomised";
  EXPECT_FALSE(Sm2Verify(b.public_key(), message, signature)) << "another key";
  EXPECT_FALSE(Sm2Verify(a.public_key(), "WLCKPT1 checkpoint 49", signature)) << "another message";
  std::string altered = signature;
  altered[altered.size() - 1] = static_cast<char>(altered.back() ^ 0x01);
  EXPECT_FALSE(Sm2Verify(a.public_key(), message, altered));
  EXPECT_FALSE(Sm2Verify("not a key", message, signature));
  EXPECT_FALSE(Sm2Verify(a.public_key(), message, ""));
}

}  // namespace
}  // namespace wagelink::security
