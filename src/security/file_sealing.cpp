#include "security/file_sealing.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "security/secret_bytes.h"

namespace wagelink::security {
namespace {

constexpr std::string_view kMagic = "WLEV1\n";
constexpr std::string_view kKeyWrapContext = "evidence.file-key";
constexpr std::size_t kWrapNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr std::size_t kWrappedKey = crypto_secretstream_xchacha20poly1305_KEYBYTES + crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr std::size_t kStreamHeader = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
constexpr std::size_t kHeaderBytes = kMagic.size() + kWrapNonce + kWrappedKey + kStreamHeader;
constexpr std::size_t kSealedFrame = kSealedChunkBytes + crypto_secretstream_xchacha20poly1305_ABYTES;

const unsigned char* Bytes(std::string_view s) { return reinterpret_cast<const unsigned char*>(s.data()); }

Error Unreadable() {
  return MakeError(ErrorCode::kInternal, "证据文件无法解密（文件可能被篡改、不完整或密钥不符）",
                   "The evidence file cannot be decrypted (altered, incomplete, or another key)");
}

}  // namespace

struct FileSealer::State {
  crypto_secretstream_xchacha20poly1305_state stream;
  std::string pending;  // plaintext not yet sealed (less than one chunk)
  std::string header;   // written before the first chunk
  bool header_written = false;
};

FileSealer::FileSealer(const SubKey& files_key) : state_(std::make_unique<State>()) {
  SecretBytes<crypto_secretstream_xchacha20poly1305_KEYBYTES> file_key;
  crypto_secretstream_xchacha20poly1305_keygen(file_key.data());
  std::string header(kHeaderBytes, '\0');
  auto* at = reinterpret_cast<unsigned char*>(header.data());
  std::memcpy(at, kMagic.data(), kMagic.size());
  at += kMagic.size();
  randombytes_buf(at, kWrapNonce);
  unsigned char* nonce = at;
  at += kWrapNonce;
  unsigned long long wrapped_length = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(at, &wrapped_length, file_key.data(), file_key.size(), Bytes(kKeyWrapContext),
                                             kKeyWrapContext.size(), nullptr, nonce, files_key.data());
  at += kWrappedKey;
  crypto_secretstream_xchacha20poly1305_init_push(&state_->stream, at, file_key.data());
  state_->header = std::move(header);
}

FileSealer::~FileSealer() { sodium_memzero(&state_->stream, sizeof state_->stream); }

namespace {
void SealChunk(crypto_secretstream_xchacha20poly1305_state& stream, std::string_view plain, bool final, std::string& out) {
  std::size_t at = out.size();
  out.resize(at + plain.size() + crypto_secretstream_xchacha20poly1305_ABYTES);
  crypto_secretstream_xchacha20poly1305_push(&stream, reinterpret_cast<unsigned char*>(out.data() + at), nullptr, Bytes(plain),
                                             plain.size(), nullptr, 0,
                                             final ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
}
}  // namespace

void FileSealer::Append(std::string_view plain, std::string& out) {
  if (!state_->header_written) {
    out += state_->header;
    state_->header_written = true;
  }
  // A full chunk is sealed only once more bytes follow it, so the FINAL tag always lands on the
  // last chunk, which may then be empty.
  while (!plain.empty()) {
    if (state_->pending.size() == kSealedChunkBytes) {
      SealChunk(state_->stream, state_->pending, false, out);
      state_->pending.clear();
    }
    std::size_t take = std::min(plain.size(), kSealedChunkBytes - state_->pending.size());
    state_->pending.append(plain.substr(0, take));
    plain.remove_prefix(take);
  }
}

void FileSealer::Finish(std::string& out) {
  Append({}, out);
  if (state_->pending.size() == kSealedChunkBytes) {
    SealChunk(state_->stream, state_->pending, false, out);
    state_->pending.clear();
  }
  SealChunk(state_->stream, state_->pending, true, out);
  sodium_memzero(state_->pending.data(), state_->pending.size());
  state_->pending.clear();
}

namespace {

class OpenedFile final : public ByteSource {
 public:
  OpenedFile(const SubKey& files_key, std::unique_ptr<ByteSource> sealed) : files_key_(files_key), sealed_(std::move(sealed)) {}
  ~OpenedFile() override { sodium_memzero(&stream_, sizeof stream_); }

  Result<std::size_t> Read(std::span<char> out) override {
    if (failed_) return Unreadable();
    if (!started_) {
      if (auto status = Start(); !status) return Fail();
      started_ = true;
    }
    while (plain_at_ == plain_.size()) {
      if (finished_) return std::size_t{0};
      if (auto status = NextChunk(); !status) return Fail();
    }
    std::size_t n = std::min(out.size(), plain_.size() - plain_at_);
    std::memcpy(out.data(), plain_.data() + plain_at_, n);
    plain_at_ += n;
    return n;
  }

 private:
  Error Fail() {
    failed_ = true;
    return Unreadable();
  }

  // Reads exactly `n` bytes unless the source ends first; returns how many were read.
  Result<std::size_t> ReadFully(std::string& buffer, std::size_t n) {
    buffer.resize(n);
    std::size_t have = 0;
    while (have < n) {
      auto got = sealed_->Read(std::span<char>(buffer.data() + have, n - have));
      if (!got) return got.error();
      if (*got == 0) break;
      have += *got;
    }
    buffer.resize(have);
    return have;
  }

  Status Start() {
    std::string header;
    auto got = ReadFully(header, kHeaderBytes);
    if (!got || *got != kHeaderBytes || !std::string_view(header).starts_with(kMagic)) return Unreadable();
    const auto* at = Bytes(header) + kMagic.size();
    const unsigned char* nonce = at;
    at += kWrapNonce;
    SecretBytes<crypto_secretstream_xchacha20poly1305_KEYBYTES> file_key;
    unsigned long long key_length = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(file_key.data(), &key_length, nullptr, at, kWrappedKey,
                                                   Bytes(kKeyWrapContext), kKeyWrapContext.size(), nonce,
                                                   files_key_.data()) != 0) {
      return Unreadable();
    }
    at += kWrappedKey;
    if (crypto_secretstream_xchacha20poly1305_init_pull(&stream_, at, file_key.data()) != 0) return Unreadable();
    return Ok{};
  }

  Status NextChunk() {
    auto got = ReadFully(frame_, kSealedFrame);
    if (!got || *got < crypto_secretstream_xchacha20poly1305_ABYTES) return Unreadable();  // ended before FINAL
    plain_.resize(*got - crypto_secretstream_xchacha20poly1305_ABYTES);
    plain_at_ = 0;
    unsigned long long length = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&stream_, reinterpret_cast<unsigned char*>(plain_.data()), &length, &tag,
                                                   Bytes(frame_), frame_.size(), nullptr, 0) != 0) {
      return Unreadable();
    }
    if (tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL) {
      finished_ = true;
      std::string rest;
      if (auto trailing = ReadFully(rest, 1); !trailing || *trailing != 0) return Unreadable();  // bytes after FINAL
    } else if (*got != kSealedFrame) {
      return Unreadable();  // a short chunk that is not the last
    }
    return Ok{};
  }

  SubKey files_key_;
  std::unique_ptr<ByteSource> sealed_;
  crypto_secretstream_xchacha20poly1305_state stream_{};
  std::string frame_;
  std::string plain_;
  std::size_t plain_at_ = 0;
  bool started_ = false;
  bool finished_ = false;
  bool failed_ = false;
};

}  // namespace

std::unique_ptr<ByteSource> OpenSealed(const SubKey& files_key, std::unique_ptr<ByteSource> sealed) {
  return std::make_unique<OpenedFile>(files_key, std::move(sealed));
}

}  // namespace wagelink::security
