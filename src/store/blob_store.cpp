#include "store/blob_store.h"

#include "store/storage_full.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <random>
#include <stdexcept>

namespace wagelink::store {
namespace {

[[noreturn]] void ThrowIoError(const std::string& what, const std::filesystem::path& path, int error_number = errno) {
  std::string message = what + " " + path.string() + ": " + std::strerror(error_number);
  if (IsOutOfSpace(error_number)) throw StorageFull(message);
  throw std::runtime_error(message);
}

// A new shard folder needs space too, so a full disk is StorageFull here as for the file itself.
void CreateDirectories(const std::filesystem::path& directory) {
  std::error_code error;
  std::filesystem::create_directories(directory, error);
  if (error) ThrowIoError("cannot create", directory, error.value());
}

bool PlainKey(const std::string& key) {
  if (key.size() < 8 || key.size() > 128) return false;
  for (char c : key) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

void SyncDirectory(const std::filesystem::path& directory) {
  int fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}

class FileSource final : public ByteSource {
 public:
  explicit FileSource(int fd) : fd_(fd) {}
  ~FileSource() override { ::close(fd_); }
  Result<std::size_t> Read(std::span<char> out) override {
    for (;;) {
      ssize_t n = ::read(fd_, out.data(), out.size());
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno != EINTR) return MakeError(ErrorCode::kInternal, "证据文件读取失败", "The evidence file could not be read");
    }
  }

 private:
  int fd_;
};

class DiskWriter final : public BlobWriter {
 public:
  DiskWriter(std::filesystem::path root) : root_(std::move(root)) {
    CreateDirectories(root_ / "tmp");
    std::string pattern = (root_ / "tmp" / "upload-XXXXXX").string();
    fd_ = ::mkostemp(pattern.data(), O_CLOEXEC);
    if (fd_ < 0) ThrowIoError("cannot create", pattern);
    temp_ = pattern;
  }
  ~DiskWriter() override {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) {
      std::error_code ignored;
      std::filesystem::remove(temp_, ignored);
    }
  }
  void Write(std::string_view bytes) override {
    while (!bytes.empty()) {
      ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) ThrowIoError("cannot write", temp_);
      bytes.remove_prefix(static_cast<std::size_t>(n));
    }
  }
  void Commit(const std::string& key) override {
    if (!PlainKey(key)) throw std::invalid_argument("evidence storage key must be lower-case hex");
    if (::fsync(fd_) != 0) ThrowIoError("cannot flush", temp_);
    ::close(fd_);
    fd_ = -1;
    auto directory = root_ / key.substr(0, 2) / key.substr(2, 2);
    CreateDirectories(directory);
    auto target = directory / key;
    if (std::filesystem::exists(target)) return;  // the same content is stored already; ours is removed
    if (::rename(temp_.c_str(), target.c_str()) != 0) ThrowIoError("cannot rename into", target);
    committed_ = true;
    SyncDirectory(directory);
  }

 private:
  std::filesystem::path root_;
  std::filesystem::path temp_;
  int fd_ = -1;
  bool committed_ = false;
};

class DiskStore final : public BlobStore {
 public:
  explicit DiskStore(std::filesystem::path root) : root_(std::move(root)) {}
  std::unique_ptr<BlobWriter> Begin() override { return std::make_unique<DiskWriter>(root_); }
  std::unique_ptr<ByteSource> Open(const std::string& key) override {
    if (!PlainKey(key)) return nullptr;
    int fd = ::open(PathOf(key).c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return nullptr;
    return std::make_unique<FileSource>(fd);
  }
  bool Exists(const std::string& key) override { return PlainKey(key) && std::filesystem::exists(PathOf(key)); }
  std::string_view name() const override { return "disk"; }

 private:
  std::filesystem::path PathOf(const std::string& key) const { return root_ / key.substr(0, 2) / key.substr(2, 2) / key; }
  std::filesystem::path root_;
};

// 1 MiB per row: few rows for a large video, and a row PostgreSQL keeps out of line (TOAST).
constexpr std::size_t kChunkBytes = 1 << 20;

constexpr char kHexDigits[] = "0123456789abcdef";

std::string ToHex(std::string_view bytes) {
  std::string hex;
  hex.reserve(bytes.size() * 2);
  for (unsigned char b : bytes) {
    hex.push_back(kHexDigits[b >> 4]);
    hex.push_back(kHexDigits[b & 0xF]);
  }
  return hex;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string FromHex(const std::string& hex) {
  if (hex.size() % 2 != 0) throw DatabaseError("evidence chunk is not hex");
  std::string bytes(hex.size() / 2, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) {
    int high = HexValue(hex[2 * i]), low = HexValue(hex[2 * i + 1]);
    if (high < 0 || low < 0) throw DatabaseError("evidence chunk is not hex");
    bytes[i] = static_cast<char>(high * 16 + low);
  }
  return bytes;
}

std::string InsertChunkSql(Dialect dialect) {
  return dialect == Dialect::kPostgres
             ? "INSERT INTO evidence_blob_chunks (storage_key, seq, bytes) VALUES (?, ?, decode(?, 'hex'))"
             : "INSERT INTO evidence_blob_chunks (storage_key, seq, bytes) VALUES (?, ?, ?)";
}

std::string ReadChunkSql(Dialect dialect) {
  return dialect == Dialect::kPostgres ? "SELECT encode(bytes, 'hex') FROM evidence_blob_chunks WHERE storage_key = ? AND seq = ?"
                                       : "SELECT bytes FROM evidence_blob_chunks WHERE storage_key = ? AND seq = ?";
}

std::string PendingKey() {
  // Unique among concurrent uploads; never visible to readers (they look keys up in evidence_blobs).
  thread_local std::mt19937_64 random{std::random_device{}()};
  std::string bytes(16, '\0');
  for (auto& b : bytes) b = static_cast<char>(random() & 0xFF);
  return "pending-" + ToHex(bytes);
}

class DatabaseWriter final : public BlobWriter {
 public:
  explicit DatabaseWriter(Database& database)
      : lease_(database.Acquire()), tx_(std::make_unique<Transaction>(*lease_)), pending_key_(PendingKey()) {}
  void Write(std::string_view bytes) override {
    while (!bytes.empty()) {
      std::size_t take = std::min(bytes.size(), kChunkBytes - buffer_.size());
      buffer_.append(bytes.substr(0, take));
      bytes.remove_prefix(take);
      if (buffer_.size() == kChunkBytes) Flush();
    }
  }
  void Commit(const std::string& key) override {
    if (!PlainKey(key)) throw std::invalid_argument("evidence storage key must be lower-case hex");
    Flush();
    if (lease_->QueryOne("SELECT 1 FROM evidence_blobs WHERE storage_key = ?", {key})) return;  // rolled back: kept once
    lease_->Execute("UPDATE evidence_blob_chunks SET storage_key = ? WHERE storage_key = ?", {key, pending_key_});
    lease_->Execute("INSERT INTO evidence_blobs (storage_key, byte_size, chunk_count, created_at) VALUES (?, ?, ?, ?)",
                    {key, size_, seq_, std::string("")});
    tx_->Commit();
  }

 private:
  void Flush() {
    if (buffer_.empty()) return;
    lease_->Execute(InsertChunkSql(lease_->dialect()), {pending_key_, seq_, ToHex(buffer_)});
    size_ += static_cast<std::int64_t>(buffer_.size());
    ++seq_;
    buffer_.clear();
  }
  Database::Lease lease_;
  std::unique_ptr<Transaction> tx_;
  std::string pending_key_;
  std::string buffer_;
  std::int64_t seq_ = 0;
  std::int64_t size_ = 0;
};

// Reads one chunk at a time, each with a connection of its own, so a slow download holds no
// connection of the pool between its chunks.
class DatabaseSource final : public ByteSource {
 public:
  DatabaseSource(Database& database, std::string key, std::int64_t chunk_count)
      : database_(database), key_(std::move(key)), chunk_count_(chunk_count) {}
  Result<std::size_t> Read(std::span<char> out) override {
    while (at_ == chunk_.size()) {
      if (next_ == chunk_count_) return std::size_t{0};
      auto lease = database_.Acquire();
      auto row = lease->QueryOne(ReadChunkSql(lease->dialect()), {key_, next_});
      if (!row) return MakeError(ErrorCode::kInternal, "证据文件不完整", "The evidence file is incomplete");
      chunk_ = FromHex(row->Text(0));
      at_ = 0;
      ++next_;
    }
    std::size_t n = std::min(out.size(), chunk_.size() - at_);
    std::memcpy(out.data(), chunk_.data() + at_, n);
    at_ += n;
    return n;
  }

 private:
  Database& database_;
  std::string key_;
  std::int64_t chunk_count_;
  std::int64_t next_ = 0;
  std::string chunk_;
  std::size_t at_ = 0;
};

class DatabaseStore final : public BlobStore {
 public:
  explicit DatabaseStore(Database& database) : database_(database) {}
  std::unique_ptr<BlobWriter> Begin() override { return std::make_unique<DatabaseWriter>(database_); }
  std::unique_ptr<ByteSource> Open(const std::string& key) override {
    auto lease = database_.Acquire();
    auto row = lease->QueryOne("SELECT chunk_count FROM evidence_blobs WHERE storage_key = ?", {key});
    if (!row) return nullptr;
    return std::make_unique<DatabaseSource>(database_, key, row->Int(0));
  }
  bool Exists(const std::string& key) override {
    auto lease = database_.Acquire();
    return lease->QueryOne("SELECT 1 FROM evidence_blobs WHERE storage_key = ?", {key}).has_value();
  }
  std::string_view name() const override { return "database"; }

 private:
  Database& database_;
};

}  // namespace

std::unique_ptr<BlobStore> MakeDiskBlobStore(const std::filesystem::path& root) { return std::make_unique<DiskStore>(root); }
std::unique_ptr<BlobStore> MakeDatabaseBlobStore(Database& database) { return std::make_unique<DatabaseStore>(database); }

}  // namespace wagelink::store
