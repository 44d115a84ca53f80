#pragma once
// Encryption at rest for evidence files of any size, in constant memory.
//
// Key hierarchy: the master key → the evidence subkey (KeyPurpose::kEvidenceFiles, "WLFILES1") →
// a random key per stored file, kept wrapped (XChaCha20-Poly1305 under the subkey) in the file's
// own header, so a stored file can be opened by any record that names it and no key sits in the
// database. The content is a libsodium secretstream (XChaCha20-Poly1305) of 64 KiB chunks whose
// last chunk is tagged FINAL: a reordered, dropped, altered or truncated chunk fails to open.
//
// Sealed form: "WLEV1\n" | nonce(24) | wrapped key(32+16) | stream header(24) | chunks
// (each chunk's plaintext is exactly kSealedChunkBytes except the last, which may be empty).
#include <memory>
#include <string>
#include <string_view>

#include "core/byte_source.h"
#include "security/master_key.h"

namespace wagelink::security {

inline constexpr std::size_t kSealedChunkBytes = 64 * 1024;

class FileSealer {
 public:
  explicit FileSealer(const SubKey& files_key);
  ~FileSealer();
  FileSealer(const FileSealer&) = delete;
  FileSealer& operator=(const FileSealer&) = delete;
  // Appends to `out` the sealed bytes of `plain` that are ready (the header first). Call Finish
  // once after the last byte; `out` then holds the rest.
  void Append(std::string_view plain, std::string& out);
  void Finish(std::string& out);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

// The plaintext of a sealed stream. A wrong key, an altered byte or a missing end fails the read
// (Read returns an error), never yields bytes that were not sealed.
std::unique_ptr<ByteSource> OpenSealed(const SubKey& files_key, std::unique_ptr<ByteSource> sealed);

}  // namespace wagelink::security
