#include "imports/zip_archive.h"

#include <minizip/unzip.h>

#include <cstring>

namespace wagelink::imports {
namespace {

Error NotXlsx() {
  return MakeError(ErrorCode::kUnsupportedMediaType, "文件不是有效的 Excel（.xlsx）文件", "The file is not a valid Excel (.xlsx) file", "file");
}

Error Bomb(std::string zh, std::string en) { return FileTooLarge(std::move(zh), std::move(en)); }

}  // namespace

// minizip reads through these callbacks, so the upload never touches the disk.
struct ZipArchive::Source {
  std::string_view bytes;
  std::uint64_t position = 0;

  static voidpf Open(voidpf opaque, const void*, int) { return opaque; }
  static uLong ReadBytes(voidpf, voidpf stream, void* buffer, uLong size) {
    auto* self = static_cast<Source*>(stream);
    std::uint64_t left = self->bytes.size() - std::min<std::uint64_t>(self->position, self->bytes.size());
    uLong n = static_cast<uLong>(std::min<std::uint64_t>(left, size));
    std::memcpy(buffer, self->bytes.data() + self->position, n);
    self->position += n;
    return n;
  }
  static uLong Write(voidpf, voidpf, const void*, uLong) { return 0; }
  static ZPOS64_T Tell(voidpf, voidpf stream) { return static_cast<Source*>(stream)->position; }
  static long Seek(voidpf, voidpf stream, ZPOS64_T offset, int origin) {
    auto* self = static_cast<Source*>(stream);
    std::uint64_t base = origin == ZLIB_FILEFUNC_SEEK_SET ? 0 : origin == ZLIB_FILEFUNC_SEEK_CUR ? self->position : self->bytes.size();
    if (base + offset > self->bytes.size()) return -1;
    self->position = base + offset;
    return 0;
  }
  static int Close(voidpf, voidpf) { return 0; }
  static int Error(voidpf, voidpf) { return 0; }
};

ZipArchive::ZipArchive(std::unique_ptr<Source> source, void* handle, const ReadLimits& limits)
    : source_(std::move(source)), handle_(handle), limits_(limits) {}

ZipArchive::~ZipArchive() { unzClose(static_cast<unzFile>(handle_)); }

Result<std::unique_ptr<ZipArchive>> ZipArchive::Open(std::string_view bytes, const ReadLimits& limits) {
  auto source = std::make_unique<Source>();
  source->bytes = bytes;
  zlib_filefunc64_def io{};
  io.zopen64_file = &Source::Open;
  io.zread_file = &Source::ReadBytes;
  io.zwrite_file = &Source::Write;
  io.ztell64_file = &Source::Tell;
  io.zseek64_file = &Source::Seek;
  io.zclose_file = &Source::Close;
  io.zerror_file = &Source::Error;
  io.opaque = source.get();
  unzFile zip = unzOpen2_64("upload.xlsx", &io);
  if (!zip) return NotXlsx();
  std::unique_ptr<ZipArchive> archive(new ZipArchive(std::move(source), zip, limits));

  unz_global_info64 global{};
  if (unzGetGlobalInfo64(zip, &global) != UNZ_OK) return NotXlsx();
  if (global.number_entry > limits.max_zip_entries) {
    return Bomb("压缩包内文件数超过上限 " + std::to_string(limits.max_zip_entries) + "，拒绝处理",
                "The archive holds more than " + std::to_string(limits.max_zip_entries) + " entries; refused");
  }
  // Declared sizes first: a bomb that admits to its size is refused before anything is inflated.
  std::uint64_t declared = 0;
  for (int rc = unzGoToFirstFile(zip); rc == UNZ_OK; rc = unzGoToNextFile(zip)) {
    unz_file_info64 info{};
    if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) return NotXlsx();
    if (info.flag & 1) return FileRefused("Excel 文件已加密，请取消密码后再导入", "The Excel file is encrypted; remove the password first");
    declared += info.uncompressed_size;
    if (declared > limits.max_uncompressed_bytes) {
      return Bomb("解压后大小超过上限，拒绝处理（疑似压缩炸弹）", "The unpacked size exceeds the limit; refused (suspected zip bomb)");
    }
  }
  return archive;
}

bool ZipArchive::Contains(const std::string& name) {
  return unzLocateFile(static_cast<unzFile>(handle_), name.c_str(), 1) == UNZ_OK;
}

Status ZipArchive::Read(const std::string& name, const Sink& sink) {
  auto zip = static_cast<unzFile>(handle_);
  if (unzLocateFile(zip, name.c_str(), 1) != UNZ_OK) return FileRefused("Excel 文件缺少 " + name, "The Excel file lacks " + name);
  unz_file_info64 info{};
  if (unzGetCurrentFileInfo64(zip, &info, nullptr, 0, nullptr, 0, nullptr, 0) != UNZ_OK) return NotXlsx();
  if (unzOpenCurrentFile(zip) != UNZ_OK) return NotXlsx();
  std::string buffer(64 * 1024, '\0');
  std::uint64_t inflated = 0;
  Status status = Ok{};
  for (;;) {
    int n = unzReadCurrentFile(zip, buffer.data(), static_cast<unsigned>(buffer.size()));
    if (n < 0) {
      status = NotXlsx();
      break;
    }
    if (n == 0) break;
    inflated += static_cast<std::uint64_t>(n);
    inflated_total_ += static_cast<std::uint64_t>(n);
    if (inflated_total_ > limits_.max_uncompressed_bytes ||
        (inflated > (1u << 20) && inflated > limits_.max_compression_ratio * std::max<std::uint64_t>(info.compressed_size, 1))) {
      status = Bomb("解压后大小或压缩比超过上限，拒绝处理（疑似压缩炸弹）", "The unpacked size or compression ratio exceeds the limit; refused (suspected zip bomb)");
      break;
    }
    status = sink(std::string_view(buffer.data(), static_cast<std::size_t>(n)));
    if (!status) break;
  }
  // A CRC mismatch is reported at close: the entry was damaged or tampered with.
  if (unzCloseCurrentFile(zip) != UNZ_OK && status) status = NotXlsx();
  return status;
}

}  // namespace wagelink::imports
