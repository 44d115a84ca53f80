// Evidence files at rest (security/file_sealing.h): round trip at chunk boundaries, and every kind
// of damage fails the read instead of yielding bytes.
#include <gtest/gtest.h>

#include <array>

#include "security/file_sealing.h"
#include "security/sodium_runtime.h"

namespace wagelink::security {
namespace {

SubKey TestKey(unsigned char fill) {
  std::array<unsigned char, kKeyBytes> bytes;
  bytes.fill(fill);
  return MasterKey::FromBytes(bytes).Derive(KeyPurpose::kEvidenceFiles);
}

std::string Seal(const SubKey& key, const std::string& plain) {
  FileSealer sealer(key);
  std::string sealed;
  // Uneven pieces, as the network delivers them.
  for (std::size_t at = 0; at < plain.size(); at += 7919) sealer.Append(std::string_view(plain).substr(at, 7919), sealed);
  sealer.Finish(sealed);
  return sealed;
}

Result<std::string> Open(const SubKey& key, const std::string& sealed) {
  auto source = OpenSealed(key, std::make_unique<StringSource>(sealed));
  std::string plain;
  std::string piece(10'000, '\0');
  for (;;) {
    auto got = source->Read(std::span<char>(piece.data(), piece.size()));
    if (!got) return got.error();
    if (*got == 0) return plain;
    plain.append(piece.data(), *got);
  }
}

TEST(FileSealing, RoundTripsAtEveryChunkBoundary) {
  EnsureSodium();
  const SubKey key = TestKey(7);
  for (std::size_t size : {std::size_t{0}, std::size_t{1}, kSealedChunkBytes - 1, kSealedChunkBytes, kSealedChunkBytes + 1,
                           3 * kSealedChunkBytes, 3 * kSealedChunkBytes + 5}) {
    std::string plain(size, '\0');
    for (std::size_t i = 0; i < size; ++i) plain[i] = static_cast<char>(i * 31 + 7);
    const std::string sealed = Seal(key, plain);
    EXPECT_EQ(sealed.find("\x07\x26\x45\x64"), std::string::npos) << "no plaintext run in the sealed bytes";
    auto opened = Open(key, sealed);
    ASSERT_TRUE(opened) << size;
    EXPECT_TRUE(*opened == plain) << size;
  }
}

TEST(FileSealing, DamageWrongKeyAndTruncationFailTheRead) {
  EnsureSodium();
  const SubKey key = TestKey(7);
  const std::string plain(3 * kSealedChunkBytes + 100, 'x');
  const std::string sealed = Seal(key, plain);
  EXPECT_FALSE(Open(TestKey(8), sealed)) << "another key";
  std::string flipped = sealed;
  flipped[flipped.size() / 2] ^= 1;
  EXPECT_FALSE(Open(key, flipped)) << "an altered byte";
  EXPECT_FALSE(Open(key, sealed.substr(0, sealed.size() - 100))) << "truncated";
  const std::size_t frame = kSealedChunkBytes + 17, header = 6 + 24 + 48 + 24;
  EXPECT_FALSE(Open(key, sealed.substr(0, header + frame))) << "cut at a chunk boundary, before FINAL";
  EXPECT_FALSE(Open(key, sealed + "extra")) << "bytes after FINAL";
}

}  // namespace
}  // namespace wagelink::security
