#include "app/demo_evidence.h"

#include <array>
#include <cstdint>
#include <string_view>

#include "docs/zip_stream.h"

namespace wagelink::app {
namespace {

void Put32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((v >> shift) & 0xFF));
}

// One PNG chunk: length, type, data, CRC over type and data.
std::string Chunk(std::string_view type, const std::string& data) {
  std::string chunk;
  Put32(chunk, static_cast<std::uint32_t>(data.size()));
  std::string typed = std::string(type) + data;
  chunk += typed;
  Put32(chunk, docs::Crc32Update(0, typed));
  return chunk;
}

// zlib stream of `raw` with one stored (uncompressed) block and its Adler-32.
std::string StoredZlib(const std::string& raw) {
  std::string out = "\x78\x01";
  out.push_back('\x01');
  out.push_back(static_cast<char>(raw.size() & 0xFF));
  out.push_back(static_cast<char>(raw.size() >> 8));
  out.push_back(static_cast<char>(~raw.size() & 0xFF));
  out.push_back(static_cast<char>((~raw.size() >> 8) & 0xFF));
  out += raw;
  std::uint32_t a = 1, b = 0;
  for (unsigned char c : raw) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  Put32(out, (b << 16) | a);
  return out;
}

}  // namespace

std::string DemoPdf(const std::string& title) {
  const std::string text = "BT /F1 18 Tf 72 720 Td (" + title + ") Tj ET";
  std::array<std::string, 5> objects{
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  std::string pdf = "%PDF-1.4\n";
  std::string xref = "xref\n0 6\n0000000000 65535 f \n";
  for (std::size_t i = 0; i < objects.size(); ++i) {
    char offset[21];
    std::snprintf(offset, sizeof offset, "%010zu 00000 n \n", pdf.size());
    xref += offset;
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const std::size_t xref_at = pdf.size();
  pdf += xref + "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
  return pdf;
}

std::string DemoPng(unsigned char variant) {
  std::string header;
  Put32(header, 1);  // width
  Put32(header, 1);  // height
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB, no interlace
  const std::string scanline = std::string("\x00", 1) + static_cast<char>(variant) + "\x80\x40";
  return std::string("\x89PNG\r\n\x1A\n", 8) + Chunk("IHDR", header) + Chunk("IDAT", StoredZlib(scanline)) + Chunk("IEND", "");
}

}  // namespace wagelink::app
