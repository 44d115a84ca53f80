#include "security/digest.h"

#include <sodium.h>

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

}  // namespace wagelink::security
