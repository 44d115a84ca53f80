// RFC 6238 Appendix B test vectors (and RFC 4226 Appendix D for HOTP), base32 and the otpauth URI.
#include "security/totp.h"

#include <gtest/gtest.h>

namespace wagelink::security {
namespace {

const std::string kSha1Key = "12345678901234567890";
const std::string kSha256Key = "12345678901234567890123456789012";
const std::string kSha512Key = "1234567890123456789012345678901234567890123456789012345678901234";

TEST(Totp, Rfc4226HotpVectors) {
  const char* expected[] = {"755224", "287082", "359152", "969429", "338314",
                            "254676", "287922", "162583", "399871", "520489"};
  for (std::uint64_t counter = 0; counter < 10; ++counter) {
    EXPECT_EQ(Hotp(kSha1Key, counter), expected[counter]) << counter;
  }
}

TEST(Totp, Rfc6238Vectors) {
  struct Vector {
    std::int64_t time;
    const char* sha1;
    const char* sha256;
    const char* sha512;
  };
  const Vector vectors[] = {{59, "94287082", "46119246", "90693936"},
                            {1111111109, "07081804", "68084774", "25091201"},
                            {1111111111, "14050471", "67062674", "99943326"},
                            {1234567890, "89005924", "91819424", "93441116"},
                            {2000000000, "69279037", "90698825", "38618901"},
                            {20000000000, "65353130", "77737706", "47863826"}};
  for (const auto& v : vectors) {
    EXPECT_EQ(TotpAt(kSha1Key, v.time, 8, 1), v.sha1) << v.time;
    EXPECT_EQ(TotpAt(kSha256Key, v.time, 8, 256), v.sha256) << v.time;
    EXPECT_EQ(TotpAt(kSha512Key, v.time, 8, 512), v.sha512) << v.time;
  }
  EXPECT_EQ(TotpAt(kSha1Key, 59), "287082") << "six digits: the last six of the eight";
}

TEST(Totp, MatchesOneStepEitherSideAndNeverAUsedStepAgain) {
  const std::int64_t now = 1234567890;
  const std::int64_t step = now / 30;
  EXPECT_EQ(MatchTotp(kSha1Key, TotpAt(kSha1Key, now), now, 0), step);
  EXPECT_EQ(MatchTotp(kSha1Key, TotpAt(kSha1Key, now - 30), now, 0), step - 1);
  EXPECT_EQ(MatchTotp(kSha1Key, TotpAt(kSha1Key, now + 30), now, 0), step + 1);
  EXPECT_FALSE(MatchTotp(kSha1Key, TotpAt(kSha1Key, now - 60), now, 0)) << "two steps old";
  EXPECT_FALSE(MatchTotp(kSha1Key, TotpAt(kSha1Key, now), now, step)) << "replay of the used step";
  EXPECT_FALSE(MatchTotp(kSha1Key, TotpAt(kSha1Key, now - 30), now, step)) << "an older step after a newer one";
  EXPECT_FALSE(MatchTotp(kSha1Key, "12345", now, 0));
  EXPECT_FALSE(MatchTotp(kSha1Key, "abcdef", now, 0));
}

TEST(Totp, Base32RoundTripsAndMatchesRfc4648) {
  EXPECT_EQ(Base32Encode("foobar"), "MZXW6YTBOI");
  EXPECT_EQ(Base32Encode("f"), "MY");
  EXPECT_EQ(Base32Decode("MZXW6YTBOI"), "foobar");
  EXPECT_EQ(Base32Decode("mzxw6ytboi======"), "foobar");
  EXPECT_FALSE(Base32Decode("MZ1"));
  auto secret = NewTotpSecret();
  EXPECT_EQ(secret.size(), kTotpSecretBytes);
  EXPECT_EQ(Base32Decode(Base32Encode(secret)), secret);
  EXPECT_EQ(Base32Encode(secret).size(), 32u);
}

TEST(Totp, OtpauthUriNamesIssuerAccountAndParameters) {
  EXPECT_EQ(OtpauthUri("WageLink 欠薪平台", "secadmin", "foobar"),
            "otpauth://totp/WageLink%20%E6%AC%A0%E8%96%AA%E5%B9%B3%E5%8F%B0:secadmin?secret=MZXW6YTBOI"
            "&issuer=WageLink%20%E6%AC%A0%E8%96%AA%E5%B9%B3%E5%8F%B0&algorithm=SHA1&digits=6&period=30");
}

}  // namespace
}  // namespace wagelink::security
