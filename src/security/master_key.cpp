#include "security/master_key.h"

#include "security/shangmi.h"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>

#include "security/encoding.h"
#include "security/sodium_runtime.h"

namespace wagelink::security {
namespace {

constexpr std::size_t kMaxKeyFileBytes = 4096;  // a key file is tiny; refuse to slurp anything big
constexpr std::uint64_t kKeyVersion = 1;

Error KeyError(std::string zh, std::string en) {
  return MakeError(ErrorCode::kInternal, std::move(zh), std::move(en));
}

std::string ErrnoText(int error) {
  return std::strerror(error);
}

std::string OctalMode(mode_t mode) {
  char buffer[8];
  std::snprintf(buffer, sizeof buffer, "%04o", static_cast<unsigned>(mode & 07777));
  return buffer;
}

std::string_view Trim(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(kSpace) - first + 1);
}

// Holds the decoded key until it is copied into a MasterKey, wiping it either way.
struct KeyBuffer {
  Bytes bytes;
  ~KeyBuffer() { sodium_memzero(bytes.data(), bytes.size()); }
};

std::optional<Bytes> DecodeTextKey(std::string_view text) {
  text = Trim(text);
  if (text.size() == 2 * kKeyBytes) {
    if (auto bytes = FromHex(text)) return bytes;
  }
  if (auto bytes = FromBase64Any(text); bytes && bytes->size() == kKeyBytes) return bytes;
  return std::nullopt;
}

Result<MasterKey> FromDecoded(const Bytes& bytes, std::string_view source) {
  if (bytes.size() != kKeyBytes) {
    return KeyError(
        "主密钥格式无效（" + std::string(source) + "）：须为 32 字节原始数据、64 位十六进制或 32 字节的 base64",
        "invalid master key (" + std::string(source) +
            "): expected 32 raw bytes, 64 hex characters or base64 of 32 bytes");
  }
  if (sodium_is_zero(bytes.data(), bytes.size())) {
    return KeyError("主密钥无效（" + std::string(source) + "）：全零密钥",
                    "invalid master key (" + std::string(source) + "): all-zero key");
  }
  return MasterKey::FromBytes(std::span<const unsigned char, kKeyBytes>(bytes.data(), kKeyBytes));
}

const char* ContextOf(KeyPurpose purpose) {
  switch (purpose) {
    case KeyPurpose::kFieldEncryption:
      return "WLFIELD1";
    case KeyPurpose::kBlindIndex:
      return "WLINDEX1";
    case KeyPurpose::kAuditSigning:
      return "WLAUDIT1";
    case KeyPurpose::kWebhookSigning:
      return "WLHOOK01";
    case KeyPurpose::kAuditChain:
      return "WLCHAIN1";
    case KeyPurpose::kEvidenceFiles:
      return "WLFILES1";
  }
  return "WLFIELD1";
}

// Closes a file descriptor on every return path.
struct FileDescriptor {
  int fd = -1;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

MasterKey MasterKey::FromBytes(std::span<const unsigned char, kKeyBytes> bytes) {
  MasterKey key;
  std::memcpy(key.bytes_.data(), bytes.data(), kKeyBytes);
  return key;
}

Result<MasterKey> MasterKey::FromString(std::string_view encoded) {
  EnsureSodium();
  KeyBuffer buffer;
  if (auto bytes = DecodeTextKey(encoded)) buffer.bytes = std::move(*bytes);
  return FromDecoded(buffer.bytes, "WAGELINK_MASTER_KEY");
}

Result<MasterKey> MasterKey::FromFile(const std::filesystem::path& path) {
  EnsureSodium();
  const std::string name = path.string();
  FileDescriptor file{::open(name.c_str(), O_RDONLY | O_CLOEXEC | O_NOCTTY)};
  if (file.fd < 0) {
    const int error = errno;
    return KeyError("无法打开密钥文件 " + name + "：" + ErrnoText(error),
                    "cannot open key file " + name + ": " + ErrnoText(error));
  }
  // fstat on the opened descriptor: the checked file is the file we read (no check/use race).
  struct stat info {};
  if (::fstat(file.fd, &info) != 0) {
    const int error = errno;
    return KeyError("无法读取密钥文件属性 " + name + "：" + ErrnoText(error),
                    "cannot stat key file " + name + ": " + ErrnoText(error));
  }
  if (!S_ISREG(info.st_mode)) {
    return KeyError("密钥文件 " + name + " 不是普通文件", "key file " + name + " is not a regular file");
  }
  if ((info.st_mode & 077) != 0) {
    const std::string mode = OctalMode(info.st_mode);
    return KeyError(
        "密钥文件 " + name + " 权限过宽（" + mode + "），组用户和其他用户不得访问；请执行 chmod 600 " + name,
        "key file " + name + " has unsafe permissions " + mode +
            " (group/others must have no access); run: chmod 600 " + name);
  }
  KeyBuffer content;
  content.bytes.resize(kMaxKeyFileBytes + 1);
  std::size_t total = 0;
  while (total < content.bytes.size()) {
    const ssize_t got = ::read(file.fd, content.bytes.data() + total, content.bytes.size() - total);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int error = errno;
      return KeyError("无法读取密钥文件 " + name + "：" + ErrnoText(error),
                      "cannot read key file " + name + ": " + ErrnoText(error));
    }
    if (got == 0) break;
    total += static_cast<std::size_t>(got);
  }
  if (total > kMaxKeyFileBytes) {
    return KeyError("密钥文件 " + name + " 过大", "key file " + name + " is too large");
  }
  content.bytes.resize(total);
  if (total == kKeyBytes) return FromDecoded(content.bytes, name);  // raw binary key

  KeyBuffer decoded;
  const std::string_view text(reinterpret_cast<const char*>(content.bytes.data()), total);
  if (auto bytes = DecodeTextKey(text)) decoded.bytes = std::move(*bytes);
  return FromDecoded(decoded.bytes, name);
}

SubKey MasterKey::Derive(KeyPurpose purpose) const {
  EnsureSodium();
  SubKey subkey;
  crypto_kdf_derive_from_key(subkey.data(), subkey.size(), kKeyVersion, ContextOf(purpose), bytes_.data());
  return subkey;
}

SubKey MasterKey::DeriveShangMi(KeyPurpose purpose) const {
  const std::string label = std::string("WageLink SM subkey ") + ContextOf(purpose);
  const auto mac = HmacSm3(bytes_.bytes(), label);
  SubKey subkey;
  std::copy(mac.begin(), mac.end(), subkey.data());
  return subkey;
}

Status GenerateKeyFile(const std::filesystem::path& path) {
  EnsureSodium();
  const std::string name = path.string();
  std::error_code ignored;
  if (std::filesystem::exists(std::filesystem::symlink_status(path, ignored))) {
    return KeyError("密钥文件 " + name + " 已存在，拒绝覆盖",
                    "key file " + name + " already exists; refusing to overwrite");
  }

  SecretBytes<kKeyBytes> key;
  randombytes_buf(key.data(), key.size());
  SecretBytes<2 * kKeyBytes + 2> text;  // hex, newline, NUL
  sodium_bin2hex(reinterpret_cast<char*>(text.data()), 2 * kKeyBytes + 1, key.data(), key.size());
  text.data()[2 * kKeyBytes] = '\n';
  const std::size_t text_size = 2 * kKeyBytes + 1;

  // Write a private temporary file in the same directory, flush it, then hard-link it into place:
  // link() fails with EEXIST instead of replacing, so a concurrent writer can never be clobbered.
  const std::filesystem::path directory = path.has_parent_path() ? path.parent_path() : std::filesystem::path(".");
  unsigned char suffix[8];
  randombytes_buf(suffix, sizeof suffix);
  const std::string temporary = (directory / ("." + path.filename().string() + ".tmp-" + ToHex(suffix))).string();
  FileDescriptor file{::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600)};
  if (file.fd < 0) {
    const int error = errno;
    return KeyError("无法创建密钥文件 " + name + "：" + ErrnoText(error),
                    "cannot create key file " + name + ": " + ErrnoText(error));
  }
  const auto fail = [&](int error) -> Status {
    ::unlink(temporary.c_str());
    return KeyError("无法写入密钥文件 " + name + "：" + ErrnoText(error),
                    "cannot write key file " + name + ": " + ErrnoText(error));
  };
  // The umask may only have removed bits; set the mode explicitly so it is exactly 0600.
  if (::fchmod(file.fd, 0600) != 0) return fail(errno);
  std::size_t written = 0;
  while (written < text_size) {
    const ssize_t put = ::write(file.fd, text.data() + written, text_size - written);
    if (put < 0 && errno == EINTR) continue;
    if (put < 0) return fail(errno);
    written += static_cast<std::size_t>(put);
  }
  if (::fsync(file.fd) != 0) return fail(errno);
  if (::link(temporary.c_str(), name.c_str()) != 0) {
    const int error = errno;
    ::unlink(temporary.c_str());
    if (error == EEXIST) {
      return KeyError("密钥文件 " + name + " 已存在，拒绝覆盖",
                      "key file " + name + " already exists; refusing to overwrite");
    }
    return KeyError("无法创建密钥文件 " + name + "：" + ErrnoText(error),
                    "cannot create key file " + name + ": " + ErrnoText(error));
  }
  ::unlink(temporary.c_str());
  // Persist the new directory entry too, so a crash right after cannot lose the key.
  FileDescriptor dir{::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)};
  if (dir.fd >= 0) ::fsync(dir.fd);
  return Ok{};
}

}  // namespace wagelink::security
