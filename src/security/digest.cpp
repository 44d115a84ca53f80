#include "security/digest.h"

#include <sodium.h>

#include <fstream>
#include <vector>

#include "security/encoding.h"
#include "security/sodium_runtime.h"

namespace wagelink::security {

std::string Sha256Hex(std::string_view bytes) {
  EnsureSodium();
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
  return ToHex(digest);
}

struct Sha256Stream::State {
  crypto_hash_sha256_state sha;
};

Sha256Stream::Sha256Stream() : state_(std::make_unique<State>()) {
  EnsureSodium();
  crypto_hash_sha256_init(&state_->sha);
}

Sha256Stream::~Sha256Stream() = default;

void Sha256Stream::Update(std::string_view bytes) {
  crypto_hash_sha256_update(&state_->sha, reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size());
}

std::string Sha256Stream::HexDigest() {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state_->sha, digest);
  return ToHex(digest);
}

std::optional<std::string> Sha256HexOfFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  Sha256Stream sha;
  std::vector<char> chunk(1 << 20);
  while (in) {
    in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
    sha.Update(std::string_view(chunk.data(), static_cast<std::size_t>(in.gcount())));
  }
  if (in.bad()) return std::nullopt;
  return sha.HexDigest();
}

Result<std::string> Sha256HexOfStream(ByteSource& source) {
  Sha256Stream sha;
  std::vector<char> chunk(1 << 16);
  for (;;) {
    auto got = source.Read(std::span<char>(chunk.data(), chunk.size()));
    if (!got) return got.error();
    if (*got == 0) return sha.HexDigest();
    sha.Update(std::string_view(chunk.data(), *got));
  }
}

}  // namespace wagelink::security
