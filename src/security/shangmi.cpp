#include "security/shangmi.h"

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>

namespace wagelink::security {
namespace {

// GB/T 35276 §7: the identifier signers use unless they agree on another.
constexpr std::string_view kSm2DistinguishingId = "1234567812345678";

[[noreturn]] void Fail(const char* what) { throw std::runtime_error(std::string("OpenSSL SM: ") + what); }

template <class T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* p) const { Free(p); }
};
using CipherContext = std::unique_ptr<EVP_CIPHER_CTX, Deleter<EVP_CIPHER_CTX, EVP_CIPHER_CTX_free>>;
using DigestContext = std::unique_ptr<EVP_MD_CTX, Deleter<EVP_MD_CTX, EVP_MD_CTX_free>>;
using KeyContext = std::unique_ptr<EVP_PKEY_CTX, Deleter<EVP_PKEY_CTX, EVP_PKEY_CTX_free>>;
using PublicKey = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY, EVP_PKEY_free>>;
using BigNumber = std::unique_ptr<BIGNUM, Deleter<BIGNUM, BN_clear_free>>;
using BigNumberContext = std::unique_ptr<BN_CTX, Deleter<BN_CTX, BN_CTX_free>>;
using Group = std::unique_ptr<EC_GROUP, Deleter<EC_GROUP, EC_GROUP_free>>;
using Point = std::unique_ptr<EC_POINT, Deleter<EC_POINT, EC_POINT_free>>;
using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, Deleter<OSSL_PARAM_BLD, OSSL_PARAM_BLD_free>>;
using Params = std::unique_ptr<OSSL_PARAM, Deleter<OSSL_PARAM, OSSL_PARAM_free>>;

const unsigned char* Bytes(std::string_view text) { return reinterpret_cast<const unsigned char*>(text.data()); }

using Block = std::array<unsigned char, 16>;

// One SM4 block, for GCM's hash key H = E(0) and the tag mask E(J0).
Block Sm4Block(std::span<const unsigned char, kSm4KeyBytes> key, const Block& in) {
  CipherContext ctx(EVP_CIPHER_CTX_new());
  Block out{};
  int n = 0;
  if (!ctx || EVP_EncryptInit_ex2(ctx.get(), EVP_sm4_ecb(), key.data(), nullptr, nullptr) != 1 ||
      EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1 || EVP_EncryptUpdate(ctx.get(), out.data(), &n, in.data(), 16) != 1 ||
      n != 16) {
    Fail("SM4 block");
  }
  return out;
}

// SM4-CTR from the counter block inc32(J0) = iv || 00000002. OpenSSL increments all 128 bits and
// GCM only the last 32; they agree below 2^32 - 2 blocks, which Sm4GcmSeal/Open enforce.
std::string Sm4Counter(std::span<const unsigned char, kSm4KeyBytes> key, std::span<const unsigned char, kSm4GcmIvBytes> iv,
                       std::string_view in) {
  Block counter{};
  std::memcpy(counter.data(), iv.data(), iv.size());
  counter[15] = 2;
  CipherContext ctx(EVP_CIPHER_CTX_new());
  std::string out(in.size(), '\0');
  int n = 0;
  if (!ctx || EVP_EncryptInit_ex2(ctx.get(), EVP_sm4_ctr(), key.data(), counter.data(), nullptr) != 1 ||
      (!in.empty() && EVP_EncryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &n, Bytes(in),
                                        static_cast<int>(in.size())) != 1) ||
      static_cast<std::size_t>(n) != in.size()) {
    Fail("SM4-CTR");
  }
  return out;
}

// GHASH (SP 800-38D §6.4) with the bit order of the standard: bit 0 is the high bit of byte 0.
// Branch-free in H, so its timing does not depend on the key.
class Ghash {
 public:
  explicit Ghash(const Block& h) : h_hi_(Load(h.data())), h_lo_(Load(h.data() + 8)) {}

  void Update(std::string_view data) {
    for (std::size_t at = 0; at < data.size(); at += 16) {
      Block block{};
      std::memcpy(block.data(), data.data() + at, std::min<std::size_t>(16, data.size() - at));
      Absorb(Load(block.data()), Load(block.data() + 8));
    }
  }
  Block Finish(std::uint64_t aad_bytes, std::uint64_t text_bytes) {
    Absorb(aad_bytes * 8, text_bytes * 8);
    Block out{};
    Store(x_hi_, out.data());
    Store(x_lo_, out.data() + 8);
    return out;
  }

 private:
  static std::uint64_t Load(const unsigned char* p) {
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v = (v << 8) | p[i];
    return v;
  }
  static void Store(std::uint64_t v, unsigned char* p) {
    for (int i = 7; i >= 0; --i, v >>= 8) p[i] = static_cast<unsigned char>(v);
  }
  void Absorb(std::uint64_t hi, std::uint64_t lo) {
    x_hi_ ^= hi;
    x_lo_ ^= lo;
    std::uint64_t z_hi = 0, z_lo = 0, v_hi = h_hi_, v_lo = h_lo_;
    for (int i = 0; i < 128; ++i) {
      const std::uint64_t bit = i < 64 ? (x_hi_ >> (63 - i)) & 1 : (x_lo_ >> (127 - i)) & 1;
      const std::uint64_t take = 0 - bit;
      z_hi ^= v_hi & take;
      z_lo ^= v_lo & take;
      const std::uint64_t reduce = 0 - (v_lo & 1);
      v_lo = (v_lo >> 1) | (v_hi << 63);
      v_hi = (v_hi >> 1) ^ (0xE100000000000000ULL & reduce);
    }
    x_hi_ = z_hi;
    x_lo_ = z_lo;
  }
  std::uint64_t h_hi_, h_lo_;
  std::uint64_t x_hi_ = 0, x_lo_ = 0;
};

Block GcmTag(std::span<const unsigned char, kSm4KeyBytes> key, std::span<const unsigned char, kSm4GcmIvBytes> iv,
             std::string_view ciphertext, std::string_view associated_data) {
  Ghash ghash(Sm4Block(key, Block{}));
  ghash.Update(associated_data);
  ghash.Update(ciphertext);
  Block tag = ghash.Finish(associated_data.size(), ciphertext.size());
  Block j0{};
  std::memcpy(j0.data(), iv.data(), iv.size());
  j0[15] = 1;
  const Block mask = Sm4Block(key, j0);
  for (std::size_t i = 0; i < tag.size(); ++i) tag[i] ^= mask[i];
  return tag;
}

constexpr std::size_t kMaxGcmBytes = (std::size_t{1} << 32) * 16 - 32;  // 2^32 - 2 blocks

}  // namespace

std::array<unsigned char, 32> Sm3(std::string_view message) {
  std::array<unsigned char, 32> digest{};
  unsigned int n = 0;
  if (EVP_Digest(message.data(), message.size(), digest.data(), &n, EVP_sm3(), nullptr) != 1 || n != digest.size()) {
    Fail("SM3");
  }
  return digest;
}

std::array<unsigned char, 32> HmacSm3(std::span<const unsigned char> key, std::string_view message) {
  std::array<unsigned char, 32> mac{};
  std::size_t n = 0;
  if (!EVP_Q_mac(nullptr, "HMAC", nullptr, "SM3", nullptr, key.data(), key.size(), Bytes(message), message.size(),
                 mac.data(), mac.size(), &n) ||
      n != mac.size()) {
    Fail("HMAC-SM3");
  }
  return mac;
}

std::string Sm4GcmSeal(std::span<const unsigned char, kSm4KeyBytes> key, std::span<const unsigned char, kSm4GcmIvBytes> iv,
                       std::string_view plaintext, std::string_view associated_data) {
  if (plaintext.size() > kMaxGcmBytes) throw std::length_error("SM4-GCM: plaintext too long");
  std::string sealed(reinterpret_cast<const char*>(iv.data()), iv.size());
  sealed += Sm4Counter(key, iv, plaintext);
  const Block tag = GcmTag(key, iv, std::string_view(sealed).substr(iv.size()), associated_data);
  sealed.append(reinterpret_cast<const char*>(tag.data()), tag.size());
  return sealed;
}

std::optional<std::string> Sm4GcmOpen(std::span<const unsigned char, kSm4KeyBytes> key, std::string_view sealed,
                                      std::string_view associated_data) {
  if (sealed.size() < kSm4GcmIvBytes + kSm4GcmTagBytes || sealed.size() - kSm4GcmIvBytes - kSm4GcmTagBytes > kMaxGcmBytes) {
    return std::nullopt;
  }
  std::array<unsigned char, kSm4GcmIvBytes> iv{};
  std::memcpy(iv.data(), sealed.data(), iv.size());
  const std::string_view ciphertext = sealed.substr(kSm4GcmIvBytes, sealed.size() - kSm4GcmIvBytes - kSm4GcmTagBytes);
  const Block expected = GcmTag(key, iv, ciphertext, associated_data);
  if (CRYPTO_memcmp(expected.data(), sealed.data() + sealed.size() - kSm4GcmTagBytes, kSm4GcmTagBytes) != 0) {
    return std::nullopt;
  }
  return Sm4Counter(key, iv, ciphertext);
}

struct Sm2SigningKey::Key {
  PublicKey pkey;
};

Sm2SigningKey::Sm2SigningKey(std::unique_ptr<Key> key, std::string public_key)
    : key_(std::move(key)), public_key_(std::move(public_key)) {}
Sm2SigningKey::~Sm2SigningKey() = default;
Sm2SigningKey::Sm2SigningKey(Sm2SigningKey&&) noexcept = default;
Sm2SigningKey& Sm2SigningKey::operator=(Sm2SigningKey&&) noexcept = default;

Sm2SigningKey Sm2SigningKey::Derive(const SubKey& seed) {
  Group group(EC_GROUP_new_by_curve_name(NID_sm2));
  BigNumber d(BN_bin2bn(seed.data(), static_cast<int>(seed.size()), nullptr));
  BigNumber order_minus_one(BN_new());
  BigNumberContext scratch(BN_CTX_secure_new());
  if (!group || !d || !order_minus_one || !scratch || !BN_copy(order_minus_one.get(), EC_GROUP_get0_order(group.get())) ||
      !BN_sub_word(order_minus_one.get(), 1)) {
    Fail("SM2 group");
  }
  // d in [1, n-2]: a private key in [1, n-1] (GB/T 32918.1 §6.1) other than n-1, which SM2
  // signing cannot use (its (1 + d)^-1 does not exist).
  if (!BN_sub_word(order_minus_one.get(), 1) || !BN_nnmod(d.get(), d.get(), order_minus_one.get(), scratch.get()) ||
      !BN_add_word(d.get(), 1)) {
    Fail("SM2 private key");
  }
  Point public_point(EC_POINT_new(group.get()));
  if (!public_point || EC_POINT_mul(group.get(), public_point.get(), d.get(), nullptr, nullptr, scratch.get()) != 1) {
    Fail("SM2 public key");
  }
  std::string public_key(65, '\0');
  if (EC_POINT_point2oct(group.get(), public_point.get(), POINT_CONVERSION_UNCOMPRESSED,
                         reinterpret_cast<unsigned char*>(public_key.data()), public_key.size(), scratch.get()) != 65) {
    Fail("SM2 public key encoding");
  }
  ParamBuilder builder(OSSL_PARAM_BLD_new());
  if (!builder || !OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, SN_sm2, 0) ||
      !OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_PRIV_KEY, d.get()) ||
      !OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, public_key.data(), public_key.size())) {
    Fail("SM2 key parameters");
  }
  Params params(OSSL_PARAM_BLD_to_param(builder.get()));
  KeyContext ctx(EVP_PKEY_CTX_new_from_name(nullptr, "SM2", nullptr));
  EVP_PKEY* pkey = nullptr;
  if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1 ||
      EVP_PKEY_fromdata(ctx.get(), &pkey, EVP_PKEY_KEYPAIR, params.get()) != 1) {
    Fail("SM2 key");
  }
  auto key = std::make_unique<Key>();
  key->pkey.reset(pkey);
  return Sm2SigningKey(std::move(key), std::move(public_key));
}

namespace {

// An SM2 digest-sign or digest-verify context: SM3 over Z(ID, public key) || message (GB/T 32918.2 §6.1).
DigestContext Sm2Context(EVP_PKEY* pkey, KeyContext& key_context, bool sign) {
  DigestContext md(EVP_MD_CTX_new());
  key_context.reset(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
  if (!md || !key_context ||
      EVP_PKEY_CTX_set1_id(key_context.get(), kSm2DistinguishingId.data(), kSm2DistinguishingId.size()) <= 0) {
    return nullptr;
  }
  EVP_MD_CTX_set_pkey_ctx(md.get(), key_context.get());
  const int ok = sign ? EVP_DigestSignInit(md.get(), nullptr, EVP_sm3(), nullptr, pkey)
                      : EVP_DigestVerifyInit(md.get(), nullptr, EVP_sm3(), nullptr, pkey);
  return ok == 1 ? std::move(md) : nullptr;
}

}  // namespace

std::string Sm2SigningKey::Sign(std::string_view message) const {
  KeyContext key_context;
  DigestContext md = Sm2Context(key_->pkey.get(), key_context, /*sign=*/true);
  std::size_t size = 0;
  if (!md || EVP_DigestSign(md.get(), nullptr, &size, Bytes(message), message.size()) != 1) Fail("SM2 sign");
  std::string signature(size, '\0');
  if (EVP_DigestSign(md.get(), reinterpret_cast<unsigned char*>(signature.data()), &size, Bytes(message), message.size()) !=
      1) {
    Fail("SM2 sign");
  }
  signature.resize(size);
  md.reset();  // before the key context it points to
  return signature;
}

bool Sm2Verify(std::string_view public_key, std::string_view message, std::string_view der_signature) {
  if (public_key.size() != 65 || der_signature.empty() || der_signature.size() > 80) return false;
  ParamBuilder builder(OSSL_PARAM_BLD_new());
  if (!builder || !OSSL_PARAM_BLD_push_utf8_string(builder.get(), OSSL_PKEY_PARAM_GROUP_NAME, SN_sm2, 0) ||
      !OSSL_PARAM_BLD_push_octet_string(builder.get(), OSSL_PKEY_PARAM_PUB_KEY, public_key.data(), public_key.size())) {
    return false;
  }
  Params params(OSSL_PARAM_BLD_to_param(builder.get()));
  KeyContext from_data(EVP_PKEY_CTX_new_from_name(nullptr, "SM2", nullptr));
  EVP_PKEY* raw = nullptr;
  if (!params || !from_data || EVP_PKEY_fromdata_init(from_data.get()) != 1 ||
      EVP_PKEY_fromdata(from_data.get(), &raw, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
    return false;
  }
  PublicKey pkey(raw);
  KeyContext key_context;
  DigestContext md = Sm2Context(pkey.get(), key_context, /*sign=*/false);
  const bool ok = md && EVP_DigestVerify(md.get(), Bytes(der_signature), der_signature.size(), Bytes(message),
                                         message.size()) == 1;
  md.reset();
  return ok;
}

}  // namespace wagelink::security
