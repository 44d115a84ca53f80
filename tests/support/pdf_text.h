#pragma once
// A PDF's text and page count as pdftotext/pdfinfo (poppler-utils) see them, for tests that check
// what a rendered document says. WAGELINK_PDF_SAMPLES=<dir> keeps a copy of each PDF to look at.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "support/test_server.h"

namespace wagelink::testing {

inline std::string RunTool(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

struct PdfText {
  std::string text;  // pdftotext output with all white space removed (justified lines are spaced)
  int pages = 0;
};

inline PdfText ReadPdf(const std::string& bytes, const std::string& name) {
  static const std::string dir = MakeTempDir();
  std::string path = dir + "/" + name + ".pdf";
  std::ofstream(path, std::ios::binary) << bytes;
  if (const char* keep = std::getenv("WAGELINK_PDF_SAMPLES")) std::ofstream(std::string(keep) + "/" + name + ".pdf", std::ios::binary) << bytes;
  PdfText out;
  for (char c : RunTool("pdftotext -enc UTF-8 '" + path + "' -")) {
    if (c != ' ' && c != '\n' && c != '\t' && c != '\f' && c != '\r') out.text += c;
  }
  std::string info = RunTool("pdfinfo '" + path + "'");
  auto pos = info.find("Pages:");
  if (pos != std::string::npos) out.pages = std::atoi(info.c_str() + pos + 6);
  return out;
}

}  // namespace wagelink::testing
