// The XLSX ledger writer on its own: constant-memory mode keeps memory flat however many rows are
// written, and cells that a spreadsheet would run as formulas are written as text.
#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>

#include "docs/xlsx_ledger.h"

namespace wagelink::docs {
namespace {

// Resident memory now (not the process peak, which earlier tests may have set).
long RssKb() {
  long pages_total = 0, pages_resident = 0;
  if (FILE* f = std::fopen("/proc/self/statm", "r")) {
    if (std::fscanf(f, "%ld %ld", &pages_total, &pages_resident) != 2) pages_resident = 0;
    std::fclose(f);
  }
  return pages_resident * (sysconf(_SC_PAGESIZE) / 1024);
}

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("wagelink-test-" + std::to_string(::getpid()) + "-" + name)).string();
}

std::string Unzip(const std::string& path, const std::string& member) {
  std::string out;
  FILE* pipe = popen(("unzip -p '" + path + "' " + member).c_str(), "r");
  char buffer[4096];
  std::size_t n;
  while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  pclose(pipe);
  return out;
}

TEST(XlsxLedger, ThreeHundredThousandRowsKeepMemoryFlat) {
  const std::string path = TempPath("big.xlsx");
  auto writer = XlsxLedgerWriter::Create(path, "案件台账", "案件台账", {{"案件编号"}, {"用人单位"}, {"人数"}, {"金额"}},
                                         "测试（tester）导出");
  ASSERT_TRUE(writer.ok());
  const long before = RssKb();
  long highest = before;
  auto start = std::chrono::steady_clock::now();
  constexpr int kRows = 300'000;
  for (int i = 0; i < kRows; ++i) {
    (*writer)->AddRow({"WL-2025-" + std::to_string(i), std::string("某建工集团有限公司第") + std::to_string(i % 97) + "项目部",
                       std::int64_t{i % 50}, 1234.5 + i});
    if (i % 10'000 == 0) highest = std::max(highest, RssKb());
  }
  ASSERT_TRUE((*writer)->Close().ok());
  const long grown_kb = std::max(highest, RssKb()) - before;
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%d ledger rows: %.2f s, RSS growth %ld KiB, file %ld KiB\n", kRows, seconds, grown_kb,
              static_cast<long>(std::filesystem::file_size(path) / 1024));
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer keeps freed blocks in quarantine and adds shadow memory, so resident memory
  // says nothing about the writer here; the optimised build of the same `make test` asserts it.
  EXPECT_GT(std::filesystem::file_size(path), 0u);
#else
  EXPECT_LT(grown_kb, 64 * 1024) << "constant memory: rows go to disk as they are written";
#endif
  std::filesystem::remove(path);
}

TEST(XlsxLedger, FormulaLookingCellsAreWrittenAsText) {
  const std::string path = TempPath("formula.xlsx");
  auto writer = XlsxLedgerWriter::Create(path, "s", "t", {{"a"}}, "w & co");
  ASSERT_TRUE(writer.ok());
  (*writer)->AddRow({std::string("=CMD()")});
  ASSERT_TRUE((*writer)->Close().ok());
  std::string sheet = Unzip(path, "xl/worksheets/sheet1.xml");
  EXPECT_EQ(sheet.find("<f>"), std::string::npos) << "no formula cell";
  EXPECT_NE(sheet.find("'=CMD()"), std::string::npos);
  EXPECT_NE(sheet.find("w &amp;&amp; co"), std::string::npos) << "& escaped in the header code string";
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace wagelink::docs
