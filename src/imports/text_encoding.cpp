// Encoding detection for delimited text: the files bodies have are UTF-8 (with or without the BOM
// Excel writes), GBK/GB18030 (Excel and WPS "CSV" on a Chinese Windows), or UTF-16 ("Unicode text").
#include <iconv.h>

#include <cerrno>
#include <optional>

#include "imports/table.h"

namespace wagelink::imports {
namespace {

// Converts with glibc iconv; nullopt when the bytes are not valid in `from`.
std::optional<std::string> Convert(std::string_view bytes, const char* from) {
  iconv_t cd = iconv_open("UTF-8", from);
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  out.resize(bytes.size() * 2 + 16);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  std::size_t done = 0;
  bool ok = true;
  while (in_left > 0) {
    char* dst = out.data() + done;
    std::size_t out_left = out.size() - done;
    std::size_t rc = iconv(cd, &in, &in_left, &dst, &out_left);
    done = out.size() - out_left;
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) {
      out.resize(out.size() * 2);
      continue;
    }
    ok = false;  // EILSEQ or EINVAL (truncated sequence): not this encoding
    break;
  }
  iconv_close(cd);
  if (!ok) return std::nullopt;
  out.resize(done);
  return out;
}

}  // namespace

bool IsValidUtf8(std::string_view text) {
  std::size_t i = 0;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  while (i < text.size()) {
    unsigned char c = s[i];
    std::size_t extra = 0;
    std::uint32_t min = 0, cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3, min = 0x10000, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + extra >= text.size()) return false;  // truncated sequence
    for (std::size_t k = 1; k <= extra; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;  // overlong, surrogate
    i += extra + 1;
  }
  return true;
}

Result<DecodedText> DecodeToUtf8(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) {
    bytes.remove_prefix(3);
    if (!IsValidUtf8(bytes)) return FileRefused("文件声明为 UTF-8（带 BOM），但内容不是有效的 UTF-8", "The file has a UTF-8 BOM but is not valid UTF-8");
    return DecodedText{std::string(bytes), "utf-8-bom"};
  }
  for (auto [bom, name] : {std::pair{std::string_view("\xFF\xFE", 2), "UTF-16LE"}, std::pair{std::string_view("\xFE\xFF", 2), "UTF-16BE"}}) {
    if (!bytes.starts_with(bom)) continue;
    auto text = Convert(bytes.substr(2), name);
    if (!text) return FileRefused("文件声明为 UTF-16，但内容无法解码", "The file has a UTF-16 BOM but cannot be decoded");
    return DecodedText{std::move(*text), name == std::string_view("UTF-16LE") ? "utf-16le" : "utf-16be"};
  }
  if (bytes.find('\0') != std::string_view::npos) {
    return FileRefused("文件含有二进制内容，不是 CSV 或 Excel 文件", "The file contains binary data; it is neither CSV nor Excel");
  }
  if (IsValidUtf8(bytes)) return DecodedText{std::string(bytes), "utf-8"};
  if (auto text = Convert(bytes, "GB18030")) return DecodedText{std::move(*text), "gb18030"};
  return FileRefused("无法识别文件编码：请另存为 UTF-8 或 GBK 编码的 CSV，或 Excel（.xlsx）文件",
                     "Unknown text encoding: save the file as UTF-8 or GBK CSV, or as Excel (.xlsx)");
}

Error FileRefused(std::string zh, std::string en) {
  return MakeError(ErrorCode::kValidationFailed, std::move(zh), std::move(en), "file");
}

Error FileTooLarge(std::string zh, std::string en) {
  return MakeError(ErrorCode::kPayloadTooLarge, std::move(zh), std::move(en), "file");
}

std::string CsvCell(std::string_view value) {
  std::string cell;
  if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@' || value[0] == '\t' || value[0] == '\r')) {
    cell += '\'';
  }
  cell += value;
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string quoted = "\"";
  for (char c : cell) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  return quoted + "\"";
}

}  // namespace wagelink::imports
