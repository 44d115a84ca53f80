#pragma once
// A ZIP archive (PKWARE APPNOTE 6.3, "stored", no compression) written as a stream: each entry's
// bytes are read from its source only when the archive reaches them, so an evidence package of
// several large videos is sent in constant memory. The CRC-32 and size of each entry must be
// known beforehand (they are recorded at upload); names are UTF-8 (general purpose bit 11).
// Without ZIP64, an archive is limited to 4 GiB and 65,535 entries; the caller checks.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/byte_source.h"

namespace wagelink::docs {

struct ZipEntry {
  std::string name;                                   // path inside the archive, '/'-separated
  std::uint64_t size = 0;
  std::uint32_t crc32 = 0;
  std::function<std::unique_ptr<ByteSource>()> open;  // called when the archive reaches the entry
};

// The limits of an archive without ZIP64 extensions.
inline constexpr std::uint64_t kMaxZipBytes = 0xFFFFFFFFull;
inline constexpr std::size_t kMaxZipEntries = 0xFFFF;

// The archive's exact length, known before a byte is sent (for Content-Length).
std::uint64_t ZipLength(const std::vector<ZipEntry>& entries);

// The archive as a stream. An entry whose source fails or gives other than `size` bytes fails the
// stream (the download is then cut short, never completed with wrong bytes).
std::unique_ptr<ByteSource> StoredZip(std::vector<ZipEntry> entries, std::uint16_t dos_date, std::uint16_t dos_time);

// CRC-32 (IEEE 802.3, as ZIP uses), fed piece by piece: start from 0.
std::uint32_t Crc32Update(std::uint32_t crc, std::string_view bytes);

}  // namespace wagelink::docs
