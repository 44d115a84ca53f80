#pragma once
// Import fixtures shared by the reader tests, the API tests and the benchmarks: text in GBK as a
// Chinese Excel saves it, and hand-made zip files — well-formed minimal workbooks, and hostile
// archives (bombs that admit their size, bombs that lie about it, thousands of entries).
#include <iconv.h>
#include <minizip/zip.h>
#include <zlib.h>

#include <cstdio>
#include <fstream>
#include <optional>
#include <unistd.h>
#include <iterator>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace wagelink::imports::testing {

inline std::string ToGbk(const std::string& utf8) {
  iconv_t cd = iconv_open("GBK", "UTF-8");
  std::string out(utf8.size() * 2, '\0');
  char* in = const_cast<char*>(utf8.data());
  char* dst = out.data();
  std::size_t in_left = utf8.size(), out_left = out.size();
  iconv(cd, &in, &in_left, &dst, &out_left);
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

struct ZipEntry {
  std::string name;
  std::string content;
  // When set, the entry is stored as raw deflate data with this (false) uncompressed size.
  std::optional<unsigned long> declared_size;
};

inline std::string RawDeflate(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, data.size()), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

inline std::string MakeZip(const std::vector<ZipEntry>& entries) {
  char path[] = "/tmp/wagelink-zip-XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) throw std::runtime_error("mkstemp");
  close(fd);
  zipFile zip = zipOpen64(path, APPEND_STATUS_CREATE);
  for (const auto& entry : entries) {
    zip_fileinfo info{};
    if (entry.declared_size) {
      std::string raw = RawDeflate(entry.content);
      zipOpenNewFileInZip2(zip, entry.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9, 1);
      zipWriteInFileInZip(zip, raw.data(), static_cast<unsigned>(raw.size()));
      uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(entry.content.data()), static_cast<uInt>(entry.content.size()));
      zipCloseFileInZipRaw(zip, *entry.declared_size, crc);
    } else {
      zipOpenNewFileInZip(zip, entry.name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 9);
      zipWriteInFileInZip(zip, entry.content.data(), static_cast<unsigned>(entry.content.size()));
      zipCloseFileInZip(zip);
    }
  }
  zipClose(zip, nullptr);
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::remove(path);
  return bytes;
}

// A one-sheet workbook whose sheet XML is `sheet_data` (the <row> elements).
inline std::string SheetXml(const std::string& sheet_data) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">"
         "<sheetData>" + sheet_data + "</sheetData></worksheet>";
}

}  // namespace wagelink::imports::testing
