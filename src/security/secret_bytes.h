#pragma once
// Fixed-size key material that is wiped when it goes out of scope, so keys do not linger in freed
// memory (core dumps, swap) longer than the object that needs them.
#include <sodium.h>

#include <array>
#include <cstddef>
#include <span>

namespace wagelink::security {

template <std::size_t N>
class SecretBytes {
 public:
  SecretBytes() { bytes_.fill(0); }
  ~SecretBytes() { sodium_memzero(bytes_.data(), bytes_.size()); }
  SecretBytes(const SecretBytes&) = default;
  SecretBytes& operator=(const SecretBytes&) = default;

  unsigned char* data() { return bytes_.data(); }
  const unsigned char* data() const { return bytes_.data(); }
  static constexpr std::size_t size() { return N; }
  std::span<const unsigned char, N> bytes() const { return bytes_; }

 private:
  std::array<unsigned char, N> bytes_;
};

}  // namespace wagelink::security
