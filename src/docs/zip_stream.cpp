#include "docs/zip_stream.h"

#include <array>
#include <cstring>

namespace wagelink::docs {
namespace {

constexpr std::uint16_t kUtf8Names = 1 << 11;
constexpr std::uint16_t kVersion = 20;  // 2.0: stored entries in folders

std::array<std::uint32_t, 256> MakeCrcTable() {
  std::array<std::uint32_t, 256> table{};
  for (std::uint32_t n = 0; n < 256; ++n) {
    std::uint32_t c = n;
    for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    table[n] = c;
  }
  return table;
}

void Put16(std::string& out, std::uint16_t v) {
  out.push_back(static_cast<char>(v & 0xFF));
  out.push_back(static_cast<char>(v >> 8));
}
void Put32(std::string& out, std::uint32_t v) {
  Put16(out, static_cast<std::uint16_t>(v & 0xFFFF));
  Put16(out, static_cast<std::uint16_t>(v >> 16));
}

constexpr std::uint64_t kLocalHeader = 30;
constexpr std::uint64_t kCentralHeader = 46;
constexpr std::uint64_t kEndRecord = 22;

struct Dates {
  std::uint16_t date;
  std::uint16_t time;
};

std::string LocalHeader(const ZipEntry& e, Dates when) {
  std::string h;
  Put32(h, 0x04034b50);
  Put16(h, kVersion);
  Put16(h, kUtf8Names);
  Put16(h, 0);  // stored
  Put16(h, when.time);
  Put16(h, when.date);
  Put32(h, e.crc32);
  Put32(h, static_cast<std::uint32_t>(e.size));
  Put32(h, static_cast<std::uint32_t>(e.size));
  Put16(h, static_cast<std::uint16_t>(e.name.size()));
  Put16(h, 0);
  return h + e.name;
}

std::string CentralDirectory(const std::vector<ZipEntry>& entries, Dates when) {
  std::string cd;
  std::uint64_t offset = 0;
  for (const auto& e : entries) {
    Put32(cd, 0x02014b50);
    Put16(cd, kVersion);
    Put16(cd, kVersion);
    Put16(cd, kUtf8Names);
    Put16(cd, 0);
    Put16(cd, when.time);
    Put16(cd, when.date);
    Put32(cd, e.crc32);
    Put32(cd, static_cast<std::uint32_t>(e.size));
    Put32(cd, static_cast<std::uint32_t>(e.size));
    Put16(cd, static_cast<std::uint16_t>(e.name.size()));
    Put16(cd, 0);
    Put16(cd, 0);
    Put16(cd, 0);
    Put16(cd, 0);
    Put32(cd, 0);
    Put32(cd, static_cast<std::uint32_t>(offset));
    cd += e.name;
    offset += kLocalHeader + e.name.size() + e.size;
  }
  std::uint32_t cd_size = static_cast<std::uint32_t>(cd.size());
  Put32(cd, 0x06054b50);
  Put16(cd, 0);
  Put16(cd, 0);
  Put16(cd, static_cast<std::uint16_t>(entries.size()));
  Put16(cd, static_cast<std::uint16_t>(entries.size()));
  Put32(cd, cd_size);
  Put32(cd, static_cast<std::uint32_t>(offset));
  Put16(cd, 0);
  return cd;
}

Error Broken() {
  return MakeError(ErrorCode::kInternal, "材料包中的文件无法读取", "A file of the package could not be read");
}

class ZipSource final : public ByteSource {
 public:
  ZipSource(std::vector<ZipEntry> entries, Dates when) : entries_(std::move(entries)), when_(when) {}

  Result<std::size_t> Read(std::span<char> out) override {
    for (;;) {
      if (at_ < pending_.size()) {
        std::size_t n = std::min(out.size(), pending_.size() - at_);
        std::memcpy(out.data(), pending_.data() + at_, n);
        at_ += n;
        return n;
      }
      if (current_) {
        auto got = current_->Read(out.first(std::min<std::uint64_t>(out.size(), remaining_ + 1)));
        if (!got) return got.error();
        if (*got > remaining_) return Broken();  // longer than recorded
        if (*got > 0) {
          remaining_ -= *got;
          return *got;
        }
        if (remaining_ != 0) return Broken();  // shorter than recorded
        current_.reset();
        continue;
      }
      pending_.clear();
      at_ = 0;
      if (next_ < entries_.size()) {
        const auto& entry = entries_[next_++];
        pending_ = LocalHeader(entry, when_);
        current_ = entry.open();
        if (!current_) return Broken();
        remaining_ = entry.size;
        continue;
      }
      if (done_) return std::size_t{0};
      done_ = true;
      pending_ = CentralDirectory(entries_, when_);
    }
  }

 private:
  std::vector<ZipEntry> entries_;
  Dates when_;
  std::size_t next_ = 0;
  std::unique_ptr<ByteSource> current_;
  std::uint64_t remaining_ = 0;
  std::string pending_;
  std::size_t at_ = 0;
  bool done_ = false;
};

}  // namespace

std::uint64_t ZipLength(const std::vector<ZipEntry>& entries) {
  std::uint64_t length = kEndRecord;
  for (const auto& e : entries) length += kLocalHeader + kCentralHeader + 2 * e.name.size() + e.size;
  return length;
}

std::unique_ptr<ByteSource> StoredZip(std::vector<ZipEntry> entries, std::uint16_t dos_date, std::uint16_t dos_time) {
  return std::make_unique<ZipSource>(std::move(entries), Dates{dos_date, dos_time});
}

std::uint32_t Crc32Update(std::uint32_t crc, std::string_view bytes) {
  static const auto table = MakeCrcTable();
  crc = ~crc;
  for (unsigned char b : bytes) crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
  return ~crc;
}

}  // namespace wagelink::docs
